-- v_indicator: one row per figure, with its entity, indicator and provenance (GUIDE §5).
create or replace view v_indicator as
with source as (
    select * from fact_figure
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
        source.source_file || case
            when source.page is not null then ' p.' || source.page || coalesce(' ¶' || source.line, '')
            else coalesce(':' || source.line, '')
        end as source_ref,
        source.extractor,
        source.is_derived,
        source.part_of
    from source
    left join dim_entity as entity on entity.entity_code = source.entity_code
    left join dim_indicator as indicator on indicator.indicator_code = source.indicator_code
)

select * from renamed
