with lists as (
    select report_year, source_kind, territory_code as entity_code, 'epci_count' as list_code,
        count(*) as n_items, string_agg(epci_name, ' | ' order by position) as items
    from fact_territory_epci
    group by all
    union all
    select report_year, source_kind, departement_code as entity_code, list_code,
        count(*) as n_items, string_agg(item_date, ', ' order by position) as items
    from fact_list_item
    group by all
),

counts as (
    select report_year, source_kind, entity_code, indicator_code, value,
        source_ref || ' "' || source_text || '"' as source
    from v_report_figure
)

select
    counts.report_year,
    counts.entity_code,
    counts.indicator_code,
    counts.value as expected,
    coalesce(lists.n_items, 0) as observed,
    counts.source as expected_source,
    'items listed: ' || coalesce(lists.items, '(none)') as observed_source
from counts
inner join lists
    on lists.report_year = counts.report_year
    and lists.source_kind = counts.source_kind
    and lists.entity_code = counts.entity_code
    and lists.list_code = counts.indicator_code
