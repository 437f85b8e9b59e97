select
    sums.report_year,
    sums.parent_code as entity_code,
    sums.indicator_code,
    sums.parent_value as expected,
    sums.children_total as observed,
    sums.parent_low - rounded.tolerance_rel * sums.parent_value as expected_low,
    sums.parent_high + rounded.tolerance_rel * sums.parent_value as expected_high,
    sums.children_low as observed_low,
    case when len(sums.missing_children) = 0 then sums.children_high end as observed_high,
    case when len(sums.missing_children) > 0 then
        sums.n_children || ' of ' || sums.n_expected || ' ' || sums.child_type
        || ' state this figure; the residual ' || fr_number(sums.parent_value - sums.children_total)
        || ' is attributed to ' || array_to_string(sums.missing_children, ', ')
        || ' (derived, see v_derived_residual).'
    end as message,
    sums.parent_source as expected_source,
    'sum of ' || sums.n_children || ' ' || sums.child_type || ' (' || sums.terms || ') at '
        || sums.children_source as observed_source
from v_child_parent_sum as sums
cross join lateral (
    select case when list_contains($rounded_by_the_overview, sums.indicator_code)
        then $overview_rounding_rel else 0 end as tolerance_rel
) as rounded
