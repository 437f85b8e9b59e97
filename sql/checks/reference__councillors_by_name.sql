with official as (
    select canton.departement_code, councillor.canton_code, prenom, nom, fonction,
        regexp_replace(strip_accents(lower(prenom || nom)), '[^a-z]', '', 'g') as person
    from ref_councillor as councillor
    inner join dim_entity as canton on canton.entity_code = councillor.canton_code
),

printed as (
    select departement_code, report_year, cell_number, prenom, nom, source_file, line, page,
        regexp_replace(strip_accents(lower(prenom || nom)), '[^a-z]', '', 'g') as person
    from fact_councillor_mention
    where (departement_code, report_year, source_kind)
        in (select (departement_code, report_year, source_kind) from v_primary_source)
),

-- the reports of the département whose councillors the reference files list
years as (
    select distinct departement_code, report_year from printed
    where departement_code in (select departement_code from official)
),

per_canton as (
    select
        years.report_year,
        official.canton_code,
        count(distinct official.person) as n_official,
        count(distinct printed.person) as n_found,
        string_agg(distinct case when printed.person is null then official.prenom || ' ' || official.nom end, ', ' order by case when printed.person is null then official.prenom || ' ' || official.nom end) as missing,
        string_agg(distinct official.prenom || ' ' || official.nom || coalesce(' (' || official.fonction || ')', ''), ', ' order by official.prenom || ' ' || official.nom || coalesce(' (' || official.fonction || ')', '')) as names,
        array_to_string(list_sort(list(distinct printed.cell_number)), ', ') as cells,
        arg_min(printed.source_file || ':' || coalesce(printed.line, printed.page), {'page': printed.page, 'line': printed.line}) as place
    from official
    inner join years on years.departement_code = official.departement_code
    left join printed
        on printed.departement_code = years.departement_code
        and printed.report_year = years.report_year and printed.person = official.person
    group by years.report_year, official.canton_code
),

unmatched as (
    select printed.departement_code, printed.report_year, count(distinct printed.person) as n,
        string_agg(distinct printed.prenom || ' ' || printed.nom || ' (cell ' || printed.cell_number || ')', ', ' order by printed.prenom || ' ' || printed.nom || ' (cell ' || printed.cell_number || ')') as names
    from printed
    left join official on official.person = printed.person
    where official.person is null
    group by printed.departement_code, printed.report_year
)

select
    report_year,
    canton_code as entity_code,
    'councillors_count' as indicator_code,
    n_official as expected,
    n_found as observed,
    case when missing is not null then 'Official councillors not found in the report: ' || missing || '.' end as message,
    'reference councillors.csv canton ' || canton_code || ': ' || names as expected_source,
    'report organisation table' || coalesce(' cells ' || cells || ' at ' || place, ': not found') as observed_source
from per_canton

union all

select
    years.report_year,
    years.departement_code as entity_code,
    'councillors_unmatched' as indicator_code,
    0 as expected,
    coalesce(unmatched.n, 0) as observed,
    case when unmatched.n > 0 then 'Names printed in the organisation table that match no official councillor: ' || unmatched.names || '.' end as message,
    'reference councillors.csv (' || (
        select count(*) from official where official.departement_code = years.departement_code
    ) || ' councillors)' as expected_source,
    'report organisation table' as observed_source
from years
left join unmatched
    on unmatched.departement_code = years.departement_code
    and unmatched.report_year = years.report_year
