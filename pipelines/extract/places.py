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
        self._by_key: dict[str, Entity] = {}
        spellings: set[str] = set()
        for place in places:
            names = {place.name, _unaccented(place.name)}  # "Noyelles-les-Vermelles"
            for full, short in (("Saint-", "St-"), ("Sainte-", "Ste-")):  # "St-Folquin"
                if place.name.startswith(full):
                    names.add(short + place.name[len(full) :])
            for name in names:
                self._by_key.setdefault(_key(name), place)
            spellings |= names
        # "Saint-Omer" before "Omer"; a hyphen or a space between the words ("Oye plage")
        alternatives = "|".join(
            re.escape(name).replace(r"\-", r"[-\s]").replace(r"\ ", r"[-\s]")
            for name in sorted(spellings, key=len, reverse=True)
        )
        self._pattern = (
            re.compile(rf"{_CUE}(?P<name>{alternatives})(?![\w'’-])") if spellings else None
        )
        # the next names of a list the first one opens: "sur Sangatte, Marck et Oye plage"
        self._next = re.compile(
            rf"(?:\s*,\s*|\s+et\s+)(?P<name>{alternatives})(?![\w'’-])", re.IGNORECASE
        )

    def _place(self, name: str) -> Entity:
        return self._by_key[_key(name)]

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
            found.append((start, self._place(match["name"])))
            end = match.end()
            while (listed := self._next.match(clause, end)) is not None:
                found.append((listed.start("name"), self._place(listed["name"])))
                end = listed.end()
        return found


def _key(name: str) -> str:
    """A name as one key whatever its accents, case and separators."""
    return " ".join(_unaccented(name).lower().replace("-", " ").split())


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
