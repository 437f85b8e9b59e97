with shares as (
    select figure.*, concept.share_of
    from v_concept_figure as figure
    inner join dim_indicator as concept on concept.indicator_code = figure.concept_code
    where concept.share_of is not null and figure.entity_type <> 'department'
),

candidates as (
    select
        shares.report_year,
        shares.entity_code,
        shares.concept_code,
        shares.value as share,
        shares.value_low as share_low,
        shares.value_high as share_high,
        shares.provenance as share_source,
        round(100 * part.value / whole.value, 4) as recomputed,
        100 * part.value_low / whole.value_high as recomputed_low,
        100 * part.value_high / whole.value_low as recomputed_high,
        part.provenance || ' / ' || whole.provenance as recomputed_source
    from shares
    inner join v_concept_figure as part
        on part.report_year = shares.report_year
        and part.entity_code = shares.entity_code
        and part.concept_code = shares.share_of
    inner join dim_entity as place on place.entity_code = shares.entity_code
    inner join v_concept_figure as whole
        on whole.report_year = shares.report_year
        and whole.entity_type = 'department'
        and whole.entity_code = place.departement_code  -- its own département's whole
        and whole.concept_code = shares.share_of
        and whole.value > 0
),

best as (
    select
        report_year, entity_code, concept_code,
        -- the closest; between two as close, the first by their provenance
        arg_min(candidates, {'distance': abs(recomputed - share), 'source': recomputed_source}) as pick
    from candidates
    group by all
)

select
    report_year,
    entity_code,
    concept_code as indicator_code,
    pick.recomputed as expected,
    pick.share as observed,
    pick.recomputed_low as expected_low,
    pick.recomputed_high as expected_high,
    pick.share_low as observed_low,
    pick.share_high as observed_high,
    '100 × part / whole: ' || pick.recomputed_source as expected_source,
    'printed ' || pick.share_source as observed_source
from best
