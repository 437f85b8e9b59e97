-- id: territory_list__epci_count
-- family: territory_list
-- severity: warn
-- tolerance_abs: 0
-- description: The number of EPCI a profile states must equal the number of EPCI it names.
-- Why: "4 EPCI : A, B, C, D" states a count and the list it summarises on the same line.
with stated as (
    select report_year, source_kind, entity_code, value, source_file, coalesce(line, page) as place, source_text
    from v_report_figure
    where entity_type = 'territory' and indicator_code = 'epci_count'
),

named as (
    select report_year, source_kind, territory_code, count(*) as n_named,
        string_agg(epci_name, ' | ' order by position) as names
    from fact_territory_epci
    group by report_year, source_kind, territory_code
)

select
    stated.report_year,
    stated.entity_code,
    'epci_count' as indicator_code,
    stated.value as expected,
    coalesce(named.n_named, 0) as observed,
    stated.source_file || ':' || stated.place || ' "' || stated.source_text || '"' as expected_source,
    'EPCI named on the same line: ' || coalesce(named.names, '(none)') as observed_source
from stated
left join named
    on named.report_year = stated.report_year
    and named.source_kind = stated.source_kind
    and named.territory_code = stated.entity_code
