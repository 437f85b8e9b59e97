-- v_mds_wide: one row per MDS and report year, one column per figure of its table.
-- The preferred statement of each figure (v_figure.is_preferred); a figure the table does not
-- give is null (the MDS Lens-Liévin table is missing from the report: its derived residual is
-- in v_derived_residual and v_territory_scorecard, never here).
create or replace view v_mds_wide as
select
    years.report_year,
    entity.entity_code as mds_code,
    entity.entity_name as mds_name,
    entity.parent_code as territory_code,
    -- the figures of its table (its page's sentences give others, in v_figure)
    count(figure.indicator_code) filter (where not starts_with(figure.indicator_code, 'tx_'))
        as figures_count,
    max(figure.value) filter (where figure.indicator_code = 'aed_aemo_measures_count') as aed_aemo_measures_count,
    max(figure.value) filter (where figure.indicator_code = 'afase_granted_count') as afase_granted_count,
    max(figure.value) filter (where figure.indicator_code = 'afp_granted_count') as afp_granted_count,
    max(figure.value) filter (where figure.indicator_code = 'apa_home_beneficiaries_count') as apa_home_beneficiaries_count,
    max(figure.value) filter (where figure.indicator_code = 'ase_placement_beneficiaries_count') as ase_placement_beneficiaries_count,
    max(figure.value) filter (where figure.indicator_code = 'emergency_aid_granted_count') as emergency_aid_granted_count,
    max(figure.value) filter (where figure.indicator_code = 'faj_granted_count') as faj_granted_count,
    max(figure.value) filter (where figure.indicator_code = 'family_measures_count') as family_measures_count,
    max(figure.value) filter (where figure.indicator_code = 'fsl_aids_granted_count') as fsl_aids_granted_count,
    max(figure.value) filter (where figure.indicator_code = 'fsl_aids_receivable_count') as fsl_aids_receivable_count,
    max(figure.value) filter (where figure.indicator_code = 'pch_beneficiaries_count') as pch_beneficiaries_count,
    max(figure.value) filter (where figure.indicator_code = 'phone_calls_count') as phone_calls_count,
    max(figure.value) filter (where figure.indicator_code = 'pmi_children_seen_count') as pmi_children_seen_count,
    max(figure.value) filter (where figure.indicator_code = 'rsa_allocataires_count') as rsa_allocataires_count,
    max(figure.value) filter (where figure.indicator_code = 'staff_count') as staff_count,
    max(figure.value) filter (where figure.indicator_code = 'staff_fte') as staff_fte,
    max(figure.value) filter (where figure.indicator_code = 'visits_in_person_count') as visits_in_person_count
from dim_entity as entity
inner join (select distinct report_year from v_figure) as years on true
left join v_figure as figure
    on figure.entity_code = entity.entity_code
    and figure.report_year = years.report_year
    and figure.is_preferred
where entity.entity_type = 'mds'
group by all

