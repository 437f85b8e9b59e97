-- v_territory_scorecard: one row per territory and report year, the figures analysts compare
-- territories on, side by side:
-- - the territory profile's own figures (preferred statement of each, v_figure);
-- - the MDS figures rolled up to the territory: the sum over its MDS, plus the derived residual
--   of an MDS whose table is missing (department total minus the MDS present,
--   v_derived_residual); includes_derived_residual says when a sum holds such a residual;
-- - the reference population (official communes of its EPCIs, summed);
-- - rates per 1 000 inhabitants of the reference population (one vintage for every territory,
--   unlike the profiles' own rounded, qualified figures).
create or replace view v_territory_scorecard as
with territory as (
    select entity.entity_code as territory_code, entity.entity_name as territory_name, years.report_year
    from dim_entity as entity
    inner join (
        select distinct departement_code, report_year from dim_source
        where source_kind <> 'reference'
    ) as years on years.departement_code = entity.departement_code
    where entity.entity_type = 'territory'
),

profile as (
    select
        report_year,
        entity_code as territory_code,
        max(value) filter (where indicator_code = 'population') as population,
        max(qualifier) filter (where indicator_code = 'population') as population_qualifier,
        max(value) filter (where indicator_code = 'population_share_pct') as population_share_pct,
        max(value) filter (where indicator_code = 'area_km2') as area_km2,
        max(value) filter (where indicator_code = 'density_per_km2') as density_per_km2,
        max(value) filter (where indicator_code = 'communes_count') as communes_count,
        max(value) filter (where indicator_code = 'epci_count') as epci_count,
        max(value) filter (where indicator_code = 'colleges_count') as colleges_count,
        max(value) filter (where indicator_code = 'road_length_km') as road_length_km
    from v_figure
    where entity_type = 'territory' and is_preferred
    group by all
),

mds_figure as (
    select
        figure.report_year,
        entity.parent_code as territory_code,
        figure.indicator_code,
        figure.value,
        false as is_derived
    from v_figure as figure
    inner join dim_entity as entity on entity.entity_code = figure.entity_code
    where figure.entity_type = 'mds' and figure.is_preferred
    union all
    select
        residual.report_year,
        entity.parent_code as territory_code,
        residual.indicator_code,
        residual.residual_value / residual.shared_by as value,
        true as is_derived
    from v_derived_residual as residual
    inner join dim_entity as entity on entity.entity_code = residual.entity_code
    inner join v_primary_source as primary_source
        on primary_source.departement_code = entity.departement_code
        and primary_source.report_year = residual.report_year
        and primary_source.source_kind = residual.source_kind
    where entity.entity_type = 'mds'
),

mds as (
    select
        report_year,
        territory_code,
        sum(value order by value) filter (where indicator_code = 'rsa_allocataires_count') as rsa_allocataires_count,
        sum(value order by value) filter (where indicator_code = 'apa_home_beneficiaries_count') as apa_home_beneficiaries_count,
        sum(value order by value) filter (where indicator_code = 'pch_beneficiaries_count') as pch_beneficiaries_count,
        sum(value order by value) filter (where indicator_code = 'emergency_aid_granted_count') as emergency_aid_granted_count,
        sum(value order by value) filter (where indicator_code = 'afp_granted_count') as afp_granted_count,
        sum(value order by value) filter (where indicator_code = 'faj_granted_count') as faj_granted_count,
        bool_or(is_derived) filter (where indicator_code in (
            'rsa_allocataires_count', 'apa_home_beneficiaries_count', 'pch_beneficiaries_count',
            'emergency_aid_granted_count', 'afp_granted_count', 'faj_granted_count'
        )) as includes_derived_residual
    from mds_figure
    group by all
),

reference as (
    select report_year, entity_code as territory_code, value as reference_population
    from v_reference_figure
    where entity_type = 'territory' and indicator_code = 'population'
)

select
    territory.report_year,
    territory.territory_code,
    territory.territory_name,
    profile.population,
    profile.population_qualifier,
    reference.reference_population,
    profile.population_share_pct,
    profile.area_km2,
    profile.density_per_km2,
    profile.communes_count,
    profile.epci_count,
    profile.colleges_count,
    profile.road_length_km,
    mds.rsa_allocataires_count,
    mds.apa_home_beneficiaries_count,
    mds.pch_beneficiaries_count,
    mds.emergency_aid_granted_count,
    mds.afp_granted_count,
    mds.faj_granted_count,
    coalesce(mds.includes_derived_residual, false) as includes_derived_residual,
    round(1000 * mds.rsa_allocataires_count / reference.reference_population, 2) as rsa_allocataires_per_1000,
    round(1000 * mds.apa_home_beneficiaries_count / reference.reference_population, 2) as apa_home_beneficiaries_per_1000,
    round(1000 * mds.pch_beneficiaries_count / reference.reference_population, 2) as pch_beneficiaries_per_1000
from territory
left join profile using (report_year, territory_code)
left join mds using (report_year, territory_code)
left join reference using (report_year, territory_code)
