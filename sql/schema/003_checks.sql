-- Check runs and their results. Results are kept per run: the history survives rebuilds.
create table if not exists check_run (
    run_id varchar primary key,
    started_at timestamp not null,
    inputs varchar not null
);

create table if not exists check_result (
    run_id varchar not null,
    check_id varchar not null,
    family varchar not null,
    severity varchar not null,
    status varchar not null,
    report_year integer,
    entity_code varchar,
    indicator_code varchar,
    expected double,
    observed double,
    delta double,
    tolerance double,
    message varchar not null,
    expected_source varchar,
    observed_source varchar,
    finding_key varchar,  -- results of several checks with one key are one inconsistency
    accepted boolean not null default false,  -- listed in sql/checks/accepted.yaml
    justification varchar
);
