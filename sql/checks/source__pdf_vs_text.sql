-- each rendition's facts, ranked the same way within (year, entity, indicator)
with ranked as (
    select source_kind, report_year, entity_code, indicator_code, value,
        source_ref || ' "' || source_text || '"' as source,
        row_number() over (
            partition by source_kind, report_year, entity_code, indicator_code
            order by value, qualifier nulls first, period_start nulls first, period_end nulls first,
                page nulls first, line
        ) as k
    from v_indicator
    where source_kind in ('text', 'pdf')
),

text as (select * from ranked where source_kind = 'text'),

pdf as (select * from ranked where source_kind = 'pdf'),

-- the reports (département and year) read from both renditions
both_loaded as (
    select departement_code, report_year from dim_source where source_kind = 'text'
    intersect
    select departement_code, report_year from dim_source where source_kind = 'pdf'
)

select
    coalesce(text.report_year, pdf.report_year) as report_year,
    coalesce(text.entity_code, pdf.entity_code) as entity_code,
    coalesce(text.indicator_code, pdf.indicator_code) as indicator_code,
    text.value as expected,
    pdf.value as observed,
    'text ' || coalesce(text.source, '(not read from the text export)') as expected_source,
    'pdf ' || coalesce(pdf.source, '(not read from the PDF)') as observed_source
from text
full outer join pdf
    on pdf.report_year = text.report_year
    and pdf.entity_code = text.entity_code
    and pdf.indicator_code = text.indicator_code
    and pdf.k = text.k
inner join dim_entity as entity
    on entity.entity_code = coalesce(text.entity_code, pdf.entity_code)
where (entity.departement_code, coalesce(text.report_year, pdf.report_year))
    in (select (departement_code, report_year) from both_loaded)
