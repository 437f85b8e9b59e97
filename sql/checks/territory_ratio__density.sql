-- id: territory_ratio__density
-- family: territory_ratio
-- severity: warn
-- tolerance_rel: 0.01
-- description: Each territory's stated density must equal its inhabitants divided by its area (within 1 %).
-- Why: the three figures stand on consecutive lines of each profile; a density that does not
-- follow from the other two means one of the three is wrong or rounded beyond use.
with figures as (
    select report_year, source_kind, entity_code, indicator_code, value, qualifier,
        source_file, coalesce(line, page) as place, source_text
    from v_report_figure
    where entity_type = 'territory'
      and indicator_code in ('population', 'area_km2', 'density_per_km2')
),

pivoted as (
    select
        density.report_year,
        density.entity_code,
        density.value as density,
        population.value as population,
        area.value as area,
        density.source_file || ':' || density.place || ' "' || density.source_text || '"' as density_source,
        population.source_file || ':' || population.place || ' "' || population.source_text || '"'
            || coalesce(' [' || population.qualifier || ']', '') as population_source,
        area.source_file || ':' || area.place || ' "' || area.source_text || '"'
            || coalesce(' [' || area.qualifier || ']', '') as area_source
    from figures as density
    left join figures as population
        on population.report_year = density.report_year
        and population.source_kind = density.source_kind
        and population.entity_code = density.entity_code
        and population.indicator_code = 'population'
    left join figures as area
        on area.report_year = density.report_year
        and area.source_kind = density.source_kind
        and area.entity_code = density.entity_code
        and area.indicator_code = 'area_km2'
    where density.indicator_code = 'density_per_km2'
)

select
    report_year,
    entity_code,
    'density_per_km2' as indicator_code,
    round(population / nullif(area, 0), 2) as expected,
    density as observed,
    'inhabitants / km²: ' || population_source || ' / ' || area_source as expected_source,
    density_source as observed_source
from pivoted
