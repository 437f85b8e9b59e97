with mapped as (
    select map.territory_code, map.epci_code, map.report_name, entity.entity_name as official_name,
        territory.departement_code
    from ref_territory_epci as map
    left join dim_entity as entity on entity.entity_code = map.epci_code
    left join dim_entity as territory on territory.entity_code = map.territory_code
),

named as (
    select departement_code, report_year, territory_code, position, epci_name, source_file,
        line, page
    from fact_territory_epci
    where (departement_code, report_year, source_kind)
        in (select (departement_code, report_year, source_kind) from v_primary_source)
),

-- the reports of the département whose territories the reference mapping lists
years as (
    select distinct departement_code, report_year from named
    where departement_code in (select departement_code from mapped)
),

per_territory as (
    select
        years.report_year,
        mapped.territory_code,
        count(*) as n_mapped,
        count(named.epci_name) as n_found,
        string_agg(case when named.epci_name is null then mapped.report_name || ' (' || mapped.epci_code || ')' end, '; ' order by mapped.epci_code) as missing,
        string_agg(mapped.official_name || ' = ' || mapped.report_name, '; ' order by mapped.epci_code) as pairs
    from mapped
    inner join years on years.departement_code = mapped.departement_code
    left join named
        on named.report_year = years.report_year
        and named.territory_code = mapped.territory_code
        and lower(named.epci_name) = lower(mapped.report_name)
    group by years.report_year, mapped.territory_code
),

extra as (
    select named.report_year, named.territory_code,
        string_agg(named.epci_name, '; ' order by named.position) as names, count(*) as n_extra
    from named
    left join mapped
        on mapped.territory_code = named.territory_code
        and lower(mapped.report_name) = lower(named.epci_name)
    where mapped.epci_code is null
    group by named.report_year, named.territory_code
)

select
    per_territory.report_year,
    per_territory.territory_code as entity_code,
    'epci_count' as indicator_code,
    per_territory.n_mapped as expected,
    per_territory.n_found - coalesce(extra.n_extra, 0) as observed,
    case
        when per_territory.missing is null and extra.names is null then null
        else 'EPCI not matched. Missing from the profile: ' || coalesce(per_territory.missing, 'none')
            || '. Named by the profile but not in the mapping: ' || coalesce(extra.names, 'none') || '.'
    end as message,
    'reference mapping territory_epci.csv: ' || per_territory.pairs as expected_source,
    'report profile list of ' || per_territory.territory_code as observed_source
from per_territory
left join extra
    on extra.report_year = per_territory.report_year
    and extra.territory_code = per_territory.territory_code
