select
    source.report_year,
    source.departement_code as entity_code,
    source.source_kind as indicator_code,
    0 as expected,
    count(reject.reason) as observed,
    case when count(reject.reason) > 0 then string_agg(
        'line ' || coalesce(reject.line::varchar, '?')
        || coalesce(' page ' || reject.page::varchar, '') || ': '
        || replace(reject.reason, 'the line could not be read: ', ''), '; '
        order by reject.line, reject.page, reject.reason
    ) end as message,
    'every line read' as expected_source,
    'stg_reject of ' || source.source_file as observed_source
from dim_source as source
left join stg_reject as reject
    on reject.departement_code = source.departement_code
    and reject.report_year = source.report_year
    and reject.source_kind = source.source_kind
    and reject.reason like 'the line could not be read: %'
where source.source_kind in ('text', 'pdf')
group by source.departement_code, source.report_year, source.source_kind, source.source_file
