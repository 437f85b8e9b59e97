with report as (
    select report_year, entity_code, indicator_code, value, qualifier,
        source_ref || ' "' || source_text || '"' as source
    from v_report_figure
    where entity_type in ('department', 'territory')
      and indicator_code in ('communes_count', 'epci_count', 'cantons_count', 'councillors_count')
),

reference as (
    select report_year, entity_code, indicator_code, value, source_text
    from v_reference_figure
)

select
    report.report_year,
    report.entity_code,
    report.indicator_code,
    reference.value as expected,
    report.value as observed,
    'reference ' || coalesce(reference.source_text, '(no reference figure)') as expected_source,
    'report ' || report.source as observed_source
from report
left join reference
    on reference.report_year = report.report_year
    and reference.entity_code = report.entity_code
    and reference.indicator_code = report.indicator_code
