select
    source.report_year,
    source.departement_code as entity_code,
    source.source_kind as indicator_code,
    0 as expected,
    count(figure.entity_code) as observed,
    case when count(figure.entity_code) > 0 then 'Unknown codes: '
        || string_agg(distinct figure.entity_code || '/' || figure.indicator_code, ', ' order by figure.entity_code || '/' || figure.indicator_code) end as message,
    'dim_entity and dim_indicator' as expected_source,
    'fact_figure of ' || source.source_file as observed_source
from dim_source as source
left join fact_figure as figure
    on figure.departement_code = source.departement_code
    and figure.report_year = source.report_year
    and figure.source_kind = source.source_kind
    and (
        figure.entity_code not in (select entity_code from dim_entity)
        or figure.indicator_code not in (select indicator_code from dim_indicator)
    )
group by source.departement_code, source.report_year, source.source_kind, source.source_file
