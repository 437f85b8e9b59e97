with statements as (
    select
        *,
        row_number() over (
            partition by report_year, entity_code, concept_code, unit
            order by coalesce(page, 0), coalesce(line, 0), value
        ) as rank
    from v_concept_figure
)

select
    later.report_year,
    later.entity_code,
    later.concept_code as indicator_code,
    first.value as expected,
    later.value as observed,
    first.value_low as expected_low,
    first.value_high as expected_high,
    later.value_low as observed_low,
    later.value_high as observed_high,
    'first statement ' || first.provenance as expected_source,
    'restated ' || later.provenance as observed_source
from statements as later
inner join statements as first
    on first.report_year = later.report_year
    and first.entity_code = later.entity_code
    and first.concept_code = later.concept_code
    and first.unit = later.unit
    and first.rank = 1
where later.rank > 1
