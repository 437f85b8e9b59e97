select
    source.report_year,
    source.departement_code as entity_code,
    'pages_without_text' as indicator_code,
    0 as expected,
    count(reject.reason) as observed,
    case when count(reject.reason) > 0 then string_agg(
        reject.reason || coalesce(': "' || left(reject.source_text, 80) || '"', ''),
        '; ' order by reject.page
    ) end as message,
    'every page read' as expected_source,
    'stg_reject of ' || source.source_file as observed_source
from dim_source as source
left join stg_reject as reject
    on reject.departement_code = source.departement_code
    and reject.report_year = source.report_year
    and reject.source_kind = source.source_kind
    and reject.extractor = 'pdf_reader'
where source.source_kind = 'pdf'
group by source.departement_code, source.report_year, source.source_kind, source.source_file
