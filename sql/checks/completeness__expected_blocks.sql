-- id: completeness__expected_blocks
-- family: completeness
-- severity: error
-- tolerance_abs: 0
-- section: MDS and MDADT tables, territory profiles, key-figure blocks
-- description: Every expected table and block must be in the source, with every row it should have.
-- Why: a check that sums the rows present passes while a whole table is missing; here each
-- office's table, each profile and each block is expected, and a missing one (the MDS
-- Lens-Liévin table, absent from the export) or a missing row is a finding.
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
where (report_year, source_kind) in (select (report_year, source_kind) from v_primary_source)
