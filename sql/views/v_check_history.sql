-- v_check_history: every check result of every run, with the run's time and inputs.
create or replace view v_check_history as
select
    run.started_at,
    run.inputs,
    result.*
from check_result as result
inner join check_run as run on run.run_id = result.run_id
