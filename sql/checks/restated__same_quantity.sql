-- id: restated__same_quantity
-- family: restated
-- severity: error
-- comparison: overlap
-- section: whole report
-- description: A quantity the report states more than once (one concept, entity and year) must agree each time, within its printed precision and qualifiers.
-- Why: the report restates figures in several sections (agents: 7 000, 6 841, 6 873;
-- inhabitants: 1 472 000 and 1 453 934 from another source year), and a key-figure block
-- may state again a figure a table or a profile gives. Figures are compared by concept, not
-- by wording (v_concept_figure), and as the intervals their printed form stands for:
-- "1,87 milliard" agrees with "1,868 milliard", "plus de 150" with 160. Both statements are
-- kept as data; a difference is an error-severity finding, to be reviewed once in the
-- baseline (sql/checks/accepted.yaml), so that nobody picks one value unknowingly.
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
