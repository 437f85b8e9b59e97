select
    report_year,
    entity_code,
    block_id as indicator_code,
    rows_expected as expected,
    rows_found as observed,
    case when status <> 'complete' then status || ': ' || message end as message,
    -- a missing block is one finding, however many checks see it (a count that falls short)
    case when status = 'missing' then 'missing|' || report_year || '|' || entity_code end as finding_key,
    'expected by the catalog: ' || block_id as expected_source,
    case
        when status = 'missing' then source_file || ': not found'
        else source_file || ':' || coalesce(line, page) || ' (' || extractor || ')'
    end as observed_source
from fact_block_quality
where (departement_code, report_year, source_kind)
    in (select (departement_code, report_year, source_kind) from v_primary_source)
