with report as (
    select report_year, entity_code, value, qualifier,
        source_ref || ' "' || source_text || '"' as source
    from v_report_figure
    where entity_type in ('department', 'territory') and indicator_code = 'population'
),

reference as (
    select report_year, entity_code, value, section, source_text
    from v_reference_figure
    where indicator_code = 'population'
)

select
    report.report_year,
    report.entity_code,
    'population' as indicator_code,
    reference.value as expected,
    report.value as observed,
    'Relative delta '
        || coalesce(fr_number(round(100 * (report.value - reference.value) / reference.value, 2)), '?')
        || ' %. Vintages: report as printed in the ' || report.report_year
        || ' report (year not stated); reference ' || coalesce(reference.section, '(missing)') || '.'
        as message,
    'reference ' || coalesce(reference.source_text, '(no reference figure)') as expected_source,
    'report ' || report.source || coalesce(' [' || report.qualifier || ']', '') as observed_source
from report
left join reference
    on reference.report_year = report.report_year
    and reference.entity_code = report.entity_code
