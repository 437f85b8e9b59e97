with ratios as (
    select figure.*, concept.ratio_numerator, concept.ratio_denominator
    from v_concept_figure as figure
    inner join dim_indicator as concept on concept.indicator_code = figure.concept_code
    where concept.ratio_numerator is not null
)

select
    ratios.report_year,
    ratios.entity_code,
    ratios.concept_code as indicator_code,
    round(numerator.value / nullif(denominator.value, 0), 2) as expected,
    ratios.value as observed,
    numerator.value_low / nullif(denominator.value_high, 0) as expected_low,
    numerator.value_high / nullif(denominator.value_low, 0) as expected_high,
    ratios.value_low as observed_low,
    ratios.value_high as observed_high,
    case when numerator.qualifier is not null or denominator.qualifier is not null then
        'Numerator or denominator is a bound ("' || numerator.source_span || '", "'
        || denominator.source_span || '").'
    end as message,
    'numerator / denominator: ' || numerator.provenance || ' / ' || denominator.provenance as expected_source,
    ratios.provenance as observed_source
from ratios
inner join v_concept_figure as numerator
    on numerator.report_year = ratios.report_year
    and numerator.entity_code = ratios.entity_code
    and numerator.concept_code = ratios.ratio_numerator
inner join v_concept_figure as denominator
    on denominator.report_year = ratios.report_year
    and denominator.entity_code = ratios.entity_code
    and denominator.concept_code = ratios.ratio_denominator
