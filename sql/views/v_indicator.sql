-- v_indicator: one row per fact, with its entity, indicator, period and provenance (GUIDE §5).
-- A quantity stated again (same entity, indicator, value and period, in one source) is one
-- fact: its first statement gives the provenance, `statements` says how many places print
-- it, and v_statement lists them all. A different value stays a separate fact, for the checks.
create or replace view v_indicator as
with source as (
    select * from v_statement where statement_rank = 1
),

renamed as (
    select
        source.report_year,
        entity.entity_type,
        source.entity_code,
        entity.entity_name,
        source.indicator_code,
        indicator.indicator_label,
        source.value,
        source.unit,
        source.qualifier,
        source.rounding,
        source.source_kind,
        source.page,
        source.line,
        source.section,
        source.source_text,
        source.source_span,
        source.source_file,
        -- where to find it, one label for every check: the line of the export, the page (and
        -- paragraph) of the PDF, the file alone for a figure derived from reference files
        source.source_ref,
        source.extractor,
        source.is_derived,
        source.part_of,
        source.period_kind,
        source.period_start,
        source.period_end,
        source.block,
        source.statements
    from source
    left join dim_entity as entity on entity.entity_code = source.entity_code
    left join dim_indicator as indicator on indicator.indicator_code = source.indicator_code
)

select * from renamed
