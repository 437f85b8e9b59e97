-- id: restated__same_quantity
-- family: restated
-- severity: warn
-- tolerance_rel: 0.01
-- section: whole report
-- description: A quantity the report states more than once must have the same value each time (within 1 %).
-- Why: the report restates some figures on several pages (agents: 7 000, 6 841, 6 873;
-- inhabitants: 1 472 000 and 1 453 934 from another source year). Both statements are kept
-- as data; a difference is listed so that nobody picks one unknowingly.
with statements as (
    select report_year, source_kind, entity_code, indicator_code, value, line, page,
        source_file || ':' || coalesce(line, page) || ' "' || source_text || '"' as source,
        row_number() over (partition by report_year, source_kind, entity_code, indicator_code
                           order by coalesce(line, page)) as rank
    from v_report_figure
)

select
    later.report_year,
    later.entity_code,
    later.indicator_code,
    first.value as expected,
    later.value as observed,
    'first statement ' || first.source as expected_source,
    'restated ' || later.source as observed_source
from statements as later
inner join statements as first
    on first.report_year = later.report_year
    and first.source_kind = later.source_kind
    and first.entity_code = later.entity_code
    and first.indicator_code = later.indicator_code
    and first.rank = 1
where later.rank > 1
