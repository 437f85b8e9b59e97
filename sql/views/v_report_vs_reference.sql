-- v_report_vs_reference: each figure the report states (preferred statement) beside the same
-- quantity computed from the official reference files, for the entity and indicator both
-- give (population, communes, EPCI, cantons, councillors, area). The difference is data about
-- the report (other vintage, rounding, "plus de"), not an error of the warehouse.
create or replace view v_report_vs_reference as
select
    report.report_year,
    report.entity_type,
    report.entity_code,
    report.entity_name,
    report.indicator_code,
    report.indicator_label,
    report.unit,
    report.value as report_value,
    report.qualifier as report_qualifier,
    reference.value as reference_value,
    report.value - reference.value as difference,
    round(100 * (report.value - reference.value) / nullif(reference.value, 0), 2) as difference_pct,
    report.figure_id,
    report.source_span as report_source_span,
    reference.source_text as reference_source_text
from v_figure as report
inner join v_reference_figure as reference
    on reference.report_year = report.report_year
    and reference.entity_code = report.entity_code
    and reference.indicator_code = report.indicator_code
where report.is_preferred
