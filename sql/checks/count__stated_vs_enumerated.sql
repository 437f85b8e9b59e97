with tabled (indicator_code, entity_type, block_prefix, what) as (
    -- the counts whose items are blocks of the report: one profile or table per entity
    values
        ('territories_count', 'territory', 'profile:', 'territory profiles'),
        ('mds_count', 'mds', 'mds_activity:', 'MDS tables'),
        ('mdadt_count', 'mdadt', 'mdadt_activity:', 'MDADT tables')
),

enumerated as (
    select quality.departement_code, quality.report_year, quality.source_kind,
        tabled.indicator_code, tabled.entity_type,
        list(distinct quality.entity_code order by quality.entity_code) as items, tabled.what
    from fact_block_quality as quality
    inner join tabled on starts_with(quality.block_id, tabled.block_prefix)
    where quality.status <> 'missing'
    group by all
    union all
    select departement_code, report_year, source_kind, 'epci_count', 'epci',
        list(distinct lower(epci_name) order by lower(epci_name)), 'EPCI named in the territory profiles'
    from fact_territory_epci
    group by all
    union all
    select departement_code, report_year, source_kind, 'councillors_count', 'councillor',
        list(distinct upper(prenom || ' ' || nom) order by upper(prenom || ' ' || nom)), 'councillors named in the organisation table'
    from fact_councillor_mention
    group by all
),

catalog as (
    select departement_code, entity_type, list(entity_code order by entity_code) as all_codes
    from dim_entity
    where entity_type in (select entity_type from tabled)
    group by departement_code, entity_type
),

stated as (
    select entity_code as departement_code, report_year, source_kind,
        concept_code as indicator_code, value, provenance
    from v_concept_figure
    where entity_type = 'department'
      and concept_code in ('territories_count', 'mds_count', 'mdadt_count', 'epci_count', 'councillors_count')
),

compared as (
    select
        stated.*,
        enumerated.what,
        coalesce(len(enumerated.items), 0) as n_items,
        list_filter(coalesce(catalog.all_codes, []), lambda c: not list_contains(coalesce(enumerated.items, []), c)) as missing
    from stated
    left join enumerated
        on enumerated.departement_code = stated.departement_code
        and enumerated.report_year = stated.report_year
        and enumerated.source_kind = stated.source_kind
        and enumerated.indicator_code = stated.indicator_code
    left join catalog
        on catalog.departement_code = stated.departement_code
        and catalog.entity_type = enumerated.entity_type
)

select
    report_year,
    departement_code as entity_code,
    indicator_code,
    value as expected,
    n_items as observed,
    case
        when len(missing) > 0 then 'Not in the ' || what || ': ' || array_to_string(missing, ', ') || '.'
        when n_items < value then 'The catalog knows no other: the report counts more than it shows.'
    end as message,
    case when len(missing) = 1 and n_items < value then 'missing|' || report_year || '|' || missing[1] end as finding_key,
    'stated ' || provenance as expected_source,
    'counted: ' || n_items || ' ' || coalesce(what, 'items (none found)') as observed_source
from compared
