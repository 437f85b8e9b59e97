-- v_figure: one row per figure the report prints, whichever renditions it was read from (the
-- text export, the PDF, or both), with where it sits in each. v_indicator has one row per
-- reading instead (a figure read from both renditions appears twice there).
--
-- Pairing: a text reading and a PDF reading are the same figure when they have the same
-- report year, entity, indicator and value, and the same rank among the readings with that
-- value (in reading order). A figure one rendition missed or misread stays a row of its own
-- (source__pdf_vs_text lists it).
--
-- Preferred value: when the report prints one quantity (report year, entity, indicator) more
-- than once, exactly one statement has is_preferred = true: an exact figure before one with a
-- qualifier ("près de", "plus de"), then the most precise one (fewest trailing zeros:
-- 1 453 934 before 1 472 000), then the first printed.
--
-- A quantity printed again with the same value and period is one fact (v_statement lists
-- every place): only its first statement in each rendition is paired here.
create or replace view v_figure as
with source as (
    select * from v_statement where source_kind in ('text', 'pdf') and statement_rank = 1
),

ranked as (
    select
        source.*,
        row_number() over (
            partition by report_year, source_kind, entity_code, indicator_code, value, period_kind
            order by page nulls first, line
        ) as value_rank
    from source
),

text_reading as (select * from ranked where source_kind = 'text'),

pdf_reading as (select * from ranked where source_kind = 'pdf'),

paired as (
    select
        coalesce(text_reading.report_year, pdf_reading.report_year) as report_year,
        coalesce(text_reading.entity_code, pdf_reading.entity_code) as entity_code,
        coalesce(text_reading.indicator_code, pdf_reading.indicator_code) as indicator_code,
        coalesce(text_reading.value, pdf_reading.value) as value,
        coalesce(text_reading.unit, pdf_reading.unit) as unit,
        coalesce(text_reading.qualifier, pdf_reading.qualifier) as qualifier,
        coalesce(text_reading.section, pdf_reading.section) as section,
        coalesce(text_reading.source_span, pdf_reading.source_span) as source_span,
        coalesce(text_reading.source_text, pdf_reading.source_text) as source_text,
        coalesce(text_reading.is_derived, pdf_reading.is_derived) as is_derived,
        coalesce(text_reading.part_of, pdf_reading.part_of) as part_of,
        coalesce(text_reading.period_kind, pdf_reading.period_kind) as period_kind,
        coalesce(text_reading.period_start, pdf_reading.period_start) as period_start,
        coalesce(text_reading.period_end, pdf_reading.period_end) as period_end,
        coalesce(text_reading.block, pdf_reading.block) as block,
        coalesce(text_reading.statements, pdf_reading.statements) as printed,
        case
            when text_reading.value is not null and pdf_reading.value is not null then 'text+pdf'
            when text_reading.value is not null then 'text'
            else 'pdf'
        end as read_from,
        text_reading.source_file as text_file,
        text_reading.line as text_line,
        pdf_reading.source_file as pdf_file,
        pdf_reading.page as pdf_page,
        pdf_reading.line as pdf_paragraph
    from text_reading
    full outer join pdf_reading
        on pdf_reading.report_year = text_reading.report_year
        and pdf_reading.entity_code = text_reading.entity_code
        and pdf_reading.indicator_code = text_reading.indicator_code
        and pdf_reading.value = text_reading.value
        and pdf_reading.period_kind = text_reading.period_kind
        and pdf_reading.value_rank = text_reading.value_rank
),

stated as (
    select
        paired.*,
        row_number() over (
            partition by report_year, entity_code, indicator_code
            order by text_line nulls last, pdf_page, pdf_paragraph, value
        ) as statement_rank,
        count(*) over (partition by report_year, entity_code, indicator_code) as statements,
        row_number() over (
            partition by report_year, entity_code, indicator_code
            order by
                qualifier is not null,
                length(regexp_extract(cast(cast(round(abs(value)) as hugeint) as varchar), '0*$')),
                text_line nulls last, pdf_page, pdf_paragraph, value
        ) = 1 as is_preferred
    from paired
)

select
    stated.report_year,
    stated.report_year || '/' || stated.entity_code || '/' || stated.indicator_code || '/'
        || stated.statement_rank as figure_id,
    entity.entity_type,
    stated.entity_code,
    entity.entity_name,
    stated.indicator_code,
    indicator.indicator_label,
    stated.value,
    stated.unit,
    stated.qualifier,
    stated.is_preferred,
    stated.statement_rank,
    stated.statements,
    stated.printed,
    stated.period_kind,
    stated.period_start,
    stated.period_end,
    stated.section,
    stated.block,
    stated.source_span,
    stated.source_text,
    stated.read_from,
    stated.text_file,
    stated.text_line,
    stated.pdf_file,
    stated.pdf_page,
    stated.pdf_paragraph,
    stated.is_derived,
    stated.part_of
from stated
left join dim_entity as entity on entity.entity_code = stated.entity_code
left join dim_indicator as indicator on indicator.indicator_code = stated.indicator_code
