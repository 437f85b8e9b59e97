with shares as (
    select
        entity.departement_code,
        report_year,
        source_kind,
        indicator_code,
        sum(value order by entity_code) as total,
        count(*) as n_territories,
        string_agg(entity_code || '=' || fr_number(value), ', ' order by entity_code) as terms,
        string_agg(distinct source_file, ', ' order by source_file) as source_file,
        string_agg(cast(coalesce(line, page) as varchar), ', ' order by entity_code) as places
    from v_report_figure
    inner join dim_entity as entity using (entity_code)
    where v_report_figure.entity_type = 'territory'
      and indicator_code in ('population_share_pct', 'area_share_pct')
    group by entity.departement_code, report_year, source_kind, indicator_code
)

select
    report_year,
    departement_code as entity_code,
    indicator_code,
    100.0 as expected,
    total as observed,
    'by definition: the territories cover the department' as expected_source,
    'sum of ' || n_territories || ' territory shares (' || terms || ') at '
        || source_file || ':' || places as observed_source
from shares
