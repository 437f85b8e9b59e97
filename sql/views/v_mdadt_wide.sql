-- v_mdadt_wide: one row per MDADT and report year, one column per figure of its table.
-- The preferred statement of each figure (v_figure.is_preferred); a figure the table does not
-- give is null (the MDS Lens-Liévin table is missing from the report: its derived residual is
-- in v_derived_residual and v_territory_scorecard, never here).
create or replace view v_mdadt_wide as
select
    years.report_year,
    entity.entity_code as mdadt_code,
    entity.entity_name as mdadt_name,
    entity.parent_code as territory_code,
    -- the figures of its table (its page's sentences give others, in v_figure)
    count(figure.indicator_code) filter (where not starts_with(figure.indicator_code, 'tx_'))
        as figures_count,
    max(figure.value) filter (where figure.indicator_code = 'alignments_count') as alignments_count,
    max(figure.value) filter (where figure.indicator_code = 'cer_count') as cer_count,
    max(figure.value) filter (where figure.indicator_code = 'operation_teams_count') as operation_teams_count,
    max(figure.value) filter (where figure.indicator_code = 'payment_credits_buildings_investment_eur') as payment_credits_buildings_investment_eur,
    max(figure.value) filter (where figure.indicator_code = 'payment_credits_buildings_operating_eur') as payment_credits_buildings_operating_eur,
    max(figure.value) filter (where figure.indicator_code = 'payment_credits_roads_investment_eur') as payment_credits_roads_investment_eur,
    max(figure.value) filter (where figure.indicator_code = 'payment_credits_roads_operating_eur') as payment_credits_roads_operating_eur,
    max(figure.value) filter (where figure.indicator_code = 'projects_apit_count') as projects_apit_count,
    max(figure.value) filter (where figure.indicator_code = 'projects_avc_count') as projects_avc_count,
    max(figure.value) filter (where figure.indicator_code = 'projects_avc_floods_count') as projects_avc_floods_count,
    max(figure.value) filter (where figure.indicator_code = 'projects_bridges_banks_count') as projects_bridges_banks_count,
    max(figure.value) filter (where figure.indicator_code = 'projects_contracts_count') as projects_contracts_count,
    max(figure.value) filter (where figure.indicator_code = 'projects_deci_count') as projects_deci_count,
    max(figure.value) filter (where figure.indicator_code = 'projects_farda_bus_shelter_count') as projects_farda_bus_shelter_count,
    max(figure.value) filter (where figure.indicator_code = 'projects_farda_equipment_count') as projects_farda_equipment_count,
    max(figure.value) filter (where figure.indicator_code = 'projects_fieet_count') as projects_fieet_count,
    max(figure.value) filter (where figure.indicator_code = 'projects_fien_count') as projects_fien_count,
    max(figure.value) filter (where figure.indicator_code = 'projects_mmu_count') as projects_mmu_count,
    max(figure.value) filter (where figure.indicator_code = 'projects_osmoc_count') as projects_osmoc_count,
    max(figure.value) filter (where figure.indicator_code = 'projects_qpv_count') as projects_qpv_count,
    max(figure.value) filter (where figure.indicator_code = 'projects_town_centre_count') as projects_town_centre_count,
    max(figure.value) filter (where figure.indicator_code = 'road_permits_count') as road_permits_count,
    max(figure.value) filter (where figure.indicator_code = 'subsidies_paid_eur') as subsidies_paid_eur
from dim_entity as entity
inner join (select distinct report_year from v_figure) as years on true
left join v_figure as figure
    on figure.entity_code = entity.entity_code
    and figure.report_year = years.report_year
    and figure.is_preferred
where entity.entity_type = 'mdadt'
group by all

