-- id: territory_sum__department_totals
-- family: territory_sum
-- severity: warn
-- description: The figures of the 7 territory profiles must add up to the department's figure.
-- Why: communes, EPCI, collèges, inhabitants and km of roads are counted once per territory;
-- a difference means a profile or the overview states a figure the other does not support.
-- Counts must match exactly; inhabitants and km of roads are rounded in the overview
-- ("1 472 000", "6 200 km") and qualified in some profiles ("plus de 288 000"): 1 %.
with rules (indicator_code, tolerance_abs, tolerance_rel) as (
    values
        ('communes_count', 0.0, 0.0),
        ('epci_count', 0.0, 0.0),
        ('colleges_count', 0.0, 0.0),
        ('population', 0.0, 0.01),
        ('road_length_km', 0.0, 0.01)
),

department as (
    select report_year, source_kind, indicator_code, value, source_file,
        coalesce(line, page) as place, source_text
    from v_report_figure
    where entity_type = 'department'
      and indicator_code in (select indicator_code from rules)
),

territories as (
    select
        report_year,
        source_kind,
        indicator_code,
        sum(value) as total,
        count(*) as n_territories,
        string_agg(entity_code || '=' || cast(value as varchar)
            || coalesce(' [' || qualifier || ']', ''), ', ' order by entity_code) as terms,
        string_agg(distinct source_file, ', ') as source_file,
        string_agg(cast(coalesce(line, page) as varchar), ', ' order by entity_code) as places
    from v_report_figure
    where entity_type = 'territory'
      and indicator_code in (select indicator_code from rules)
    group by report_year, source_kind, indicator_code
)

select
    department.report_year,
    '62' as entity_code,
    department.indicator_code,
    department.value as expected,
    territories.total as observed,
    greatest(rules.tolerance_abs, rules.tolerance_rel * abs(department.value)) as tolerance,
    department.source_file || ':' || department.place
        || ' "' || department.source_text || '"' as expected_source,
    'sum of ' || territories.n_territories || ' territories (' || territories.terms || ') at '
        || territories.source_file || ':' || territories.places as observed_source
from department
inner join rules on rules.indicator_code = department.indicator_code
left join territories
    on territories.report_year = department.report_year
    and territories.source_kind = department.source_kind
    and territories.indicator_code = department.indicator_code
