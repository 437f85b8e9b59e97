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
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from pipelines.extract.phrases import is_french_word
from pipelines.settings import REFERENCE_DIR
from schemas.catalog import Entity, normalise_name

COMMUNES = REFERENCE_DIR / "communes.csv"
EPCI = REFERENCE_DIR / "epci.csv"
EPCI_AS_WRITTEN = REFERENCE_DIR / "territory_epci.csv"  # the report's spellings of its EPCIs
# what stands before a place's name: a preposition or an article, or the kind of a school
# named after its commune ("le collège Calais République")
_CUE = r"(?:\b(?:à|de|d['’]|sur|au|aux|du|des|le|la|les|l['’])\s*|\b(?:collège|lycée|école)\s+)"
# the kind of an EPCI, before its own name: "communauté de communes de Desvres Samer",
# "communauté de commune Sud Artois", "CA du Calaisis"
_KIND = (
    r"\b(?:communauté\s+(?:de\s+communes?|d['’]\s*agglomération|urbaine)|CC|CA|CU)\s*"
    r"(?:(?:de\s+la|des|du|de)\s+|d['’]\s*)?"
)
_EPCI_KIND = re.compile(rf"{_KIND}$", re.IGNORECASE)


# what may follow a commune's name in a field that opens with it: other names or numbers
# ("Calais MLK", "Bihucourt"), nothing in lower case
_NAME_GOES_ON = re.compile(r"(?:[\s'’()-]*(?:[A-ZÉÈÀÂÎÔÛÇ0-9][\w'’-]*))*[\s.:;,]*")


# a commune's name cut before the place it is "lès", "sur" or "sous": "La Capelle" of "La
# Capelle-lès-Boulogne", "Boulogne" of "Boulogne-sur-Mer"
_NEAR = re.compile(r"-(?:lès|lez|les|sur|sous)-", re.IGNORECASE)


def _short_names(places: tuple[Entity, ...]) -> dict[str, set[str]]:
    """The short names the report may use for communes (their name before "-lès-",
    "-sur-", "-sous-"), each only when no other commune of the département shares it and it
    is no commune's full name: "Noyelles" of three communes is none."""
    full = {normalise_name(p.name) for p in places}
    short: dict[str, list[Entity]] = {}
    for place in places:
        cut = _NEAR.search(place.name)
        if cut is not None and cut.start() > 2:
            short.setdefault(place.name[: cut.start()], []).append(place)
    starts = [normalise_name(p.name) for p in places]
    return {
        found[0].code: {name}
        for name, found in short.items()
        if normalise_name(name) not in full
        and not is_french_word(name.lower())  # "Aire" of Aire-sur-la-Lys: "l'Aire Marine"
        # no other commune opens with it: "Calonne" is Calonne-Ricouart as much as
        # Calonne-sur-la-Lys
        and sum(s.startswith(normalise_name(name)) for s in starts) == 1
    }


def _names_of(name: str) -> set[str]:
    """A commune's name and its name cut before "-lès-", "-sur-", "-sous-" ("Capelle" of
    "Capelle-lès-Boulogne", not of "Capelle-Fermont"), compared without articles."""
    cut = _NEAR.search(name)
    return {normalise_name(name)} | ({normalise_name(name[: cut.start()])} if cut else set())


class Gazetteer:
    """The communes of one département, found in a line by their names; the names of other
    things that hold a commune's name (the département, its offices and territories, the
    EPCIs) are no commune."""

    def __init__(
        self,
        places: tuple[Entity, ...],
        others: Iterable[str] = (),
        epcis: tuple[Entity, ...] = (),
        territories: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.places = places
        self.epcis = EpciNames(epcis)
        # the communes of each territory (by its slug in the catalog), through its EPCIs
        self.territories = territories or {}
        self._by_key: dict[str, Entity] = {}
        spellings: set[str] = set()
        shorts = _short_names(places)
        for place in places:
            names = {place.name} | shorts.get(place.code, set())
            for full, short in (("Saint-", "St-"), ("Sainte-", "Ste-")):  # "St-Folquin"
                if place.name.startswith(full):
                    names.add(short + place.name[len(full) :])
            for name in names:
                self._by_key.setdefault(normalise_name(name), place)
            spellings |= names
        self._pattern = (
            re.compile(rf"{_CUE}(?P<name>{_alternatives(spellings)})(?![\w'’-])")
            if spellings
            else None
        )
        # a name that opens a field of its own: "Calais MLK - réaménagement de la cour"
        self._opening = (
            re.compile(rf"(?P<name>{_alternatives(spellings)})(?![\w'’-])") if spellings else None
        )
        # any name, even before a hyphen ("Annay" of "Annay-sous-Lens"): what a line mentions
        self._mention = (
            re.compile(rf"(?<![\w'’-])(?P<name>{_alternatives(spellings)})(?![\w'’])")
            if spellings
            else None
        )
        # the next names of a list the first one opens: "sur Sangatte, Marck et Oye plage"
        self._next = re.compile(
            rf"(?:\s*,\s*|\s+et\s+)(?P<name>{_alternatives(spellings)})(?![\w'’-])",
            re.IGNORECASE,
        )
        others = {o for o in others if o.strip()}
        self._others = (
            re.compile(rf"(?<![\w'’-])(?:{_alternatives(others)})(?![\w'’-])", re.IGNORECASE)
            if others
            else None
        )

    def _place(self, name: str) -> Entity:
        return self._by_key[normalise_name(name)]

    def __bool__(self) -> bool:
        return bool(self.places)

    def opens(self, field: str) -> Entity | None:
        """The commune a field opens with, without a cue ("Coulogne", "Calais MLK"); not one
        inside another name ("Calais République" is a collège, still of Calais)."""
        if self._opening is None:
            return None
        if self._others is not None and self._others.match(field):
            return None  # "Pas-de-Calais Actif", "MDS de Lens-Liévin"
        field = field.strip()
        match = self._opening.match(field)
        if match is None or not _NAME_GOES_ON.fullmatch(field[match.end() :]):
            return None  # "Bus numérique", "Contes et légendes": a common word, not the place
        return self._place(match["name"])

    def spelled(self, name: str) -> Entity | None:
        """The commune `name` is a whole spelling of ("Zutkerque", "St-Omer", "Boulogne"), not
        another thing's name that opens with one ("Calais Opale Habitat")."""
        key = normalise_name(name)
        return self._by_key.get(key) if key else None

    def _without_others(self, text: str) -> str:
        """The text with the names of other things than communes blanked: the catalog's
        entities', the EPCIs' as the report writes them ("la CA du Pays de Saint-Omer")."""
        if self._others is not None:
            text = self._others.sub(lambda m: " " * len(m.group(0)), text)
        for start, end, _ in self.epcis.spans(text):
            text = text[:start] + " " * (end - start) + text[end:]
        return text

    def mentioned(self, text: str) -> set[str]:
        """The codes of every commune the text writes, cue or not, capitalised ("Calais MLK",
        "Annay-sous-Lens"); not one inside the name of another thing ("Pas-de-Calais")."""
        if self._mention is None:
            return set()
        text = self._without_others(text)
        return {self._place(m["name"]).code for m in self._mention.finditer(text)}

    def started_in(self, name: str, territory: str) -> Entity | None:
        """The one commune of the territory whose name is `name`, or opens with it before
        "-lès-", "-sur-", "-sous-", the way the report shortens it on the territory's page
        ("la commune de La Capelle" on the Boulonnais' page: Capelle-lès-Boulogne, the
        official list writing no article); None for none or several."""
        key = normalise_name(name)
        codes = self.territories.get(territory, frozenset())
        found = [p for p in self.places if p.code in codes and key in _names_of(p.name)]
        return found[0] if key and len(found) == 1 else None

    def named(self, clause: str) -> list[tuple[int, Entity]]:
        """Where the clause names a commune (after a cue), and which, left to right."""
        if self._pattern is None:
            return []
        clause = self._without_others(clause)  # "MDS du Calaisis", "CA du Pays de Saint-Omer"
        found = []
        for match in self._pattern.finditer(clause):
            start = match.start("name")
            if start and clause[start - 1] == "-":
                continue  # "Lens-Liévin": part of another name
            if _EPCI_KIND.search(clause[: match.start()]):
                continue  # "communauté de communes de Desvres Samer"
            found.append((start, self._place(match["name"])))
            end = match.end()
            while (listed := self._next.match(clause, end)) is not None:
                found.append((listed.start("name"), self._place(listed["name"])))
                end = listed.end()
        return found


# an EPCI's name as the report writes it: its article, and its initials in brackets
_ARTICLE_OPENS = re.compile(r"^(?:(?:la|le)\s+|l['’]\s*)", re.IGNORECASE)
_INITIALS_AFTER = re.compile(r"\s*\((?P<initials>[A-Z0-9]{3,})\)\s*$")
_SMALL_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "et", "en"})
_MIN_INITIALS = 3  # "CAB", "CCFL", "CABBALR": fewer letters name too many things
# what stands before initials the report did not write itself: "(CAB)", "la CAB"
_INITIALS_CUE = r"(?:\(\s*|\b(?i:la|de\s+la|à\s+la|par\s+la)\s+)"


class EpciNames:
    """The EPCIs of the département from the official list (`raw/reference/epci.csv`) and as
    the report writes them (`territory_epci.csv`), found in a line: by their own name after
    their kind ("la communauté de communes de Desvres Samer" for "Communauté de communes de
    Desvres-Samer", "Flandre-Lys" for "Flandre Lys"), by a name the report writes without a
    kind ("Grand Calais Terres et Mers"), by initials the report writes ("CALL", "(CABBALR)"),
    or by the capitals of their name's initials after a cue ("l'intercommunalité (CAB)" for
    "Communauté d'agglomération du Boulonnais")."""

    def __init__(self, epcis: tuple[Entity, ...]) -> None:
        self.epcis = epcis
        own: dict[str, Entity] = {}  # after their kind
        bare: dict[str, Entity] = {}  # as the report writes them, without a kind
        written: dict[str, list[Entity]] = {}  # initials the report writes
        computed: dict[str, list[Entity]] = {}
        for epci in epcis:
            for name in (n for n in (epci.name, *epci.aliases) if n.strip()):
                name = _ARTICLE_OPENS.sub("", name.strip())
                if (initials := _INITIALS_AFTER.search(name)) is not None:
                    written.setdefault(initials["initials"], []).append(epci)
                    name = name[: initials.start()]
                if name.isupper() and " " not in name:
                    written.setdefault(name, []).append(epci)  # "CALL"
                    continue
                named = _EPCI_KIND_OPENS.sub("", name)
                kind = own if named != name else bare
                kind[re.sub(r"\s*-\s*", "-", named)] = epci  # "Lens - Liévin"
            words = [w for w in re.split(r"[\s'’,-]+", epci.name) if w]
            letters = "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS).upper()
            if len(letters) >= _MIN_INITIALS:
                computed.setdefault(letters, []).append(epci)
        self._by_key = {normalise_name(n): e for n, e in (*own.items(), *bare.items())}
        # initials two EPCIs share name neither
        self._written = {k: v[0] for k, v in written.items() if len({e.code for e in v}) == 1}
        self._computed = {
            k: v[0] for k, v in computed.items() if len(v) == 1 and k not in self._written
        }
        self._patterns = [
            re.compile(rf"{_KIND}(?P<name>{_alternatives(own)})(?![\w'’-])", re.IGNORECASE)
            if own
            else None,
            re.compile(rf"(?<![\w'’-])(?P<name>{_alternatives(bare)})(?![\w'’-])")
            if bare
            else None,
        ]
        self._initials = [
            re.compile(rf"(?<![\w-])(?P<initials>{_one_of(self._written)})(?![\w-])")
            if self._written
            else None,
            re.compile(rf"{_INITIALS_CUE}(?P<initials>{_one_of(self._computed)})(?![\w-])")
            if self._computed
            else None,
        ]

    def spans(self, text: str) -> list[tuple[int, int, Entity]]:
        """Where the text names an EPCI (from, to), and which, left to right."""
        found = [
            (m.start(), m.end(), epci)
            for pattern in self._patterns
            if pattern is not None
            for m in pattern.finditer(text)
            if (epci := self._by_key.get(normalise_name(re.sub(r"\s*-\s*", "-", m["name"]))))
        ]
        found += [
            (m.start("initials"), m.end(), {**self._written, **self._computed}[m["initials"]])
            for pattern in self._initials
            if pattern is not None
            for m in pattern.finditer(text)
        ]
        return sorted(found, key=lambda f: f[0])

    def named(self, text: str) -> list[tuple[int, Entity]]:
        """Where the text names an EPCI, and which, left to right."""
        return [(start, epci) for start, _, epci in self.spans(text)]


_EPCI_KIND_OPENS = re.compile(rf"^{_KIND}", re.IGNORECASE)


def _one_of(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _alternatives(names: Iterable[str]) -> str:
    """The names as one alternation, longest first ("Saint-Omer" before "Omer"), accents
    and separators loose: "Noyelles-les-Vermelles", "Oye plage", "Aire-sur la-Lys", a
    hyphen at a PDF's line end ("Achiet-le- Grand"), the case of a part after the first
    ("Boulogne-sur mer"); the first part keeps its capital ("Marck", not "marck")."""
    out = []
    for name in sorted(set(names), key=len, reverse=True):
        pieces = []
        for n, c in enumerate(name):
            if c in "- ":  # a hyphen a PDF line broke keeps the space of the join
                pieces.append(r"(?:\s?-\s?|\s)")  # "Lens - Liévin" too
            elif n and name[n - 1] in "- " and c.isalpha():
                # a part after the first, in either case: "Boulogne-sur mer", "Oye plage"
                pieces.append(f"(?:{_loose(c.lower())}|{_loose(c.upper())})")
            else:
                pieces.append(_loose(c))
        out.append("".join(pieces))
    return "|".join(out)


def _loose(c: str) -> str:
    """One character of a name as a pattern, its accented forms alike."""
    return _LOOSE.get(c, re.escape(c))


# a letter and its accented forms: a name written without its accents is the same name
_LOOSE = {
    "e": "[eéèêë]", "é": "[eéèêë]", "è": "[eéèêë]", "ê": "[eéèêë]", "a": "[aàâ]", "à": "[aàâ]",
    "â": "[aàâ]", "i": "[iîï]", "î": "[iîï]", "ï": "[iîï]", "o": "[oô]", "ô": "[oô]",
    "u": "[uùûü]", "û": "[uùûü]", "ù": "[uùûü]", "c": "[cç]", "ç": "[cç]",
}  # fmt: skip


@cache
def gazetteer(
    departement_code: str,
    others: tuple[str, ...] = (),
    path: Path = COMMUNES,
    epci: Path = EPCI,
    written_as: Path = EPCI_AS_WRITTEN,
) -> Gazetteer:
    """The communes of the département from the official list (none when the list is not
    there or holds no commune of that département), and the EPCIs they belong to; `others`:
    the names of the département and of its catalog's entities, no commune's; the EPCIs'
    names are none either."""
    if not path.is_file():
        return Gazetteer(())
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            row
            for row in csv.DictReader(handle)
            if row.get("code", "").startswith(departement_code) and row.get("nom")
        ]
    places = tuple(
        Entity(row["code"], "commune", row["nom"], None, departement_code, row["code"])
        for row in rows
    )
    ours = {row.get("epci_code") for row in rows}  # the EPCIs its communes belong to
    written: dict[str, list[str]] = {}
    of_territory: dict[str, set[str]] = {}  # territory slug -> its EPCIs' codes
    if written_as.is_file():
        with written_as.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                written.setdefault(row.get("epci_code", ""), []).append(row.get("report_name", ""))
                of_territory.setdefault(row.get("territory_code", ""), set()).add(
                    row.get("epci_code", "")
                )
    territories = {
        slug: frozenset(row["code"] for row in rows if row.get("epci_code") in epci_codes)
        for slug, epci_codes in of_territory.items()
    }
    epcis: tuple[Entity, ...] = ()
    if epci.is_file():
        with epci.open(encoding="utf-8", newline="") as handle:
            epcis = tuple(
                Entity(
                    row["code"],
                    "epci",
                    row["nom"],
                    None,
                    departement_code,
                    row["code"],
                    tuple(n for n in written.get(row["code"], []) if n),
                )
                for row in csv.DictReader(handle)
                if row.get("nom") and row.get("code") in ours
            )
    return Gazetteer(places, (*others, *(e.name for e in epcis)), epcis, territories)
