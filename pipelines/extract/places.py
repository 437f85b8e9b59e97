"""The places a sentence names: the communes of the report's département.

"4,3 M€ pour le contournement de Courrières", "la course organisée sur la base de loisirs de
Wingles", "le collège Carlin Legrand de Bapaume": a figure whose clause names a commune of
the département (after "à", "de", "d'", "sur", or an article: the official list writes "Le
Portel" as "Portel", and the report "au Portel") is about that commune. The names are the
official list's (`raw/reference/communes.csv`, INSEE/COG), matched whole and with their
capitals: "Calais" in "Pas-de-Calais" or "Calaisis" is no commune, nor "Lens" in the name of
the office "MDS de Lens-Liévin".
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache
from pathlib import Path

from pipelines.settings import REFERENCE_DIR
from schemas.catalog import Entity

COMMUNES = REFERENCE_DIR / "communes.csv"
# what stands before a place's name: a preposition, or "commune de"
# what makes a commune's name part of another name: the département's, an EPCI's
_WITHIN_NAME = re.compile(
    r"(?:\bPas\s*|\bcommunauté\s+(?:de\s+communes|d['’]\s*agglomération|urbaine)\s*"
    r"|\b(?:CC|CA|CU)\s*)$",
    re.IGNORECASE,
)
_CUE = r"(?:\b(?:à|de|d['’]|sur|au|aux|du|des|le|la|les|l['’])\s*)"


class Gazetteer:
    """The communes of one département, found in a line by their names."""

    def __init__(self, places: tuple[Entity, ...]) -> None:
        self.places = places
        self._by_name: dict[str, Entity] = {}
        for place in places:
            self._by_name.setdefault(place.name, place)
            for full, short in (("Saint-", "St-"), ("Sainte-", "Ste-")):  # "St-Folquin"
                if place.name.startswith(full):
                    self._by_name.setdefault(short + place.name[len(full) :], place)
            self._by_name.setdefault(_unaccented(place.name), place)  # "Noyelles-les-Vermelles"
        spellings = sorted(self._by_name, key=len, reverse=True)  # "Saint-Omer" before "Omer"
        names = "|".join(re.escape(name) for name in spellings)
        self._pattern = re.compile(rf"{_CUE}(?P<name>{names})(?![\w'’-])") if names else None

    def __bool__(self) -> bool:
        return bool(self.places)

    def named(self, clause: str) -> list[tuple[int, Entity]]:
        """Where the clause names a commune (after a cue), and which, left to right."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(clause):
            start = match.start("name")
            if start and clause[start - 1] == "-":
                continue  # "Pas-de-Calais", "Lens-Liévin": part of another name
            if _WITHIN_NAME.search(clause[: match.start()]):
                continue  # "Pas de Calais", "communauté de communes de Desvres Samer"
            found.append((start, self._by_name[match["name"]]))
        return found


def _unaccented(name: str) -> str:
    """The name as a text may write it without its accents ("lès" as "les")."""
    decomposed = unicodedata.normalize("NFD", name)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


@cache
def gazetteer(departement_code: str, path: Path = COMMUNES) -> Gazetteer:
    """The communes of the département from the official list (none when the list is not
    there or holds no commune of that département)."""
    if not path.is_file():
        return Gazetteer(())
    with path.open(encoding="utf-8", newline="") as handle:
        places = tuple(
            Entity(row["code"], "commune", row["nom"], None, departement_code, row["code"])
            for row in csv.DictReader(handle)
            if row.get("code", "").startswith(departement_code) and row.get("nom")
        )
    return Gazetteer(places)
