"""pandera models of the reference tables read from `raw/reference/`."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series


class _Strict(pa.DataFrameModel):
    class Config:
        coerce = True
        strict = True


class CommuneReference(_Strict):
    code: Series[str] = pa.Field(str_matches=r"^62\d{3}$", unique=True)
    nom: Series[str] = pa.Field(str_length={"min_value": 1})
    population_municipale: Series[int] = pa.Field(ge=0)
    area_km2: Series[float] = pa.Field(nullable=True, gt=0, lt=1000)
    epci_code: Series[str] = pa.Field(str_matches=r"^\d{9}$")


class EpciReference(_Strict):
    code: Series[str] = pa.Field(str_matches=r"^\d{9}$", unique=True)
    nom: Series[str] = pa.Field(str_length={"min_value": 1})
    type: Series[str] = pa.Field(isin=["CA", "CC", "CU", "MET", "EPT"])


class CantonReference(_Strict):
    code: Series[str] = pa.Field(str_matches=r"^62\d{2}$", unique=True)
    nom: Series[str] = pa.Field(str_length={"min_value": 1})


class CouncillorReference(_Strict):
    canton_code: Series[str] = pa.Field(str_matches=r"^62\d{2}$")
    nom: Series[str] = pa.Field(str_length={"min_value": 1})
    prenom: Series[str] = pa.Field(str_length={"min_value": 1})
    sexe: Series[str] = pa.Field(isin=["M", "F"])
    fonction: Series[str] = pa.Field(nullable=True, isin=["PRE", "VPE"])
    ordre_fonction: Series[float] = pa.Field(nullable=True, ge=0)


class TerritoryEpciMapping(_Strict):
    territory_code: Series[str]
    epci_code: Series[str] = pa.Field(str_matches=r"^\d{9}$", unique=True)
    report_name: Series[str] = pa.Field(str_length={"min_value": 1})
