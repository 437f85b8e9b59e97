-- id: ratio__density
-- family: ratio
-- severity: error
-- tolerance_rel: 0.01
-- section: territory profiles
-- description: Each territory's stated density must equal its inhabitants divided by its area (within 1 %).
-- Why: the three figures stand on consecutive lines of each profile; a density that does not
-- follow from the other two means one of the three is wrong or rounded beyond use.
with figures as (
    select report_year, source_kind, entity_code, indicator_code, value, qualifier,
        source_file || ':' || coalesce(line, page) || ' "' || source_text || '"'
            || coalesce(' [' || qualifier || ']', '') as source
    from v_report_figure
    where entity_type = 'territory'
      and indicator_code in ('population', 'area_km2', 'density_per_km2')
),

pivoted as (
    pivot figures on indicator_code in ('population', 'area_km2', 'density_per_km2')
    using any_value(value) as value, any_value(source) as source
    group by report_year, source_kind, entity_code
)

select
    report_year,
    entity_code,
    'density_per_km2' as indicator_code,
    round(population_value / nullif(area_km2_value, 0), 2) as expected,
    density_per_km2_value as observed,
    'inhabitants / km²: ' || population_source || ' / ' || area_km2_source as expected_source,
    density_per_km2_source as observed_source
from pivoted
