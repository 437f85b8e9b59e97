-- v_check_result: the results of the latest check run (GUIDE §5).
create or replace view v_check_result as
with latest as (
    select run_id from check_run order by started_at desc limit 1
)

select
    result.run_id,
    result.check_id,
    result.family,
    result.severity,
    result.status,
    result.report_year,
    result.entity_code,
    result.indicator_code,
    result.expected,
    result.observed,
    result.delta,
    result.tolerance,
    result.message,
    result.expected_source,
    result.observed_source,
    result.finding_key,
    result.accepted,
    result.justification
from check_result as result
inner join latest on latest.run_id = result.run_id
