"""Which département a report is from, read from the document (or given by the user).

In order: the code given (`--departement`); the département the text names as its
Département ("Département du Nord", "Conseil départemental de la Somme") clearly more often
than any other; the département whose name the text cites far more often than any other's;
when the text names no other Département than the one the project has a catalog for, and
not often enough to be sure (an extract of a few pages), that one. The answer says which
it was, and the build prints it; a document that names none clearly otherwise is refused,
naming what was tried. The names come from the official list of départements
(`schemas/catalog/departements.csv`), so a report of a département without a catalog file
is still recognised as its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from pipelines.read import SourceError
from schemas.catalog import (
    DEPARTEMENT_CODE,
    catalog_departements,
    load_departements,
)

GIVEN = "--departement"  # the source of a département given rather than read


@dataclass(frozen=True)
class DepartementSettings:
    """How clearly a text must name its département, each with why."""

    # "Département du X" a few times: a report names its own Département on its cover, in its
    # editorial and its contacts; a partner département once or twice
    min_titles: int = 2
    # a bare name counts only when the text cites it often (a report cites its neighbours)
    min_mentions: int = 5
    # the first must lead the second clearly, or the text does not say whose it is
    min_lead: float = 2.0


DEFAULT_DEPARTEMENT_SETTINGS = DepartementSettings()


@dataclass(frozen=True)
class ReportDepartement:
    code: str
    name: str
    source: str  # how it was read, said in the build's summary


def _plain(text: str) -> str:
    """No accents, apostrophes alike: "Département de l’Aisne" is "Departement de l'Aisne"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _folded(text: str) -> str:
    """Lower case too: "departement de l'aisne"."""
    return _plain(text).lower()


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Every département's title ("département du pas-de-calais", "conseil départemental du
    …"), folded, and every bare name as written, capital included (the noun "une somme" is
    not the Somme), each one pattern whose groups name the départements (`_group`): the text
    is read twice, not twice per département. A name is a whole word (not "Nord" in
    "Nord-Est"); longer names first, so that a name is never read as a shorter one it holds."""
    titles, names = [], []
    departements = sorted(load_departements().values(), key=lambda d: -len(d.name))
    for departement in departements:
        group = _group(departement.code)
        name = re.escape(_folded(departement.name))
        article = re.escape(_folded(departement.article))
        glue = r"\s*" if departement.article.endswith("'") else r"\s+"
        titles.append(rf"(?P<{group}>{article}{glue}{name})")
        names.append(rf"(?P<{group}>{re.escape(_plain(departement.name))})")
    title = rf"\b(?:departement|conseil\s+departemental)\s+(?:{'|'.join(titles)})(?![\w-])"
    name = rf"(?<![\w-])(?:{'|'.join(names)})(?![\w-])"
    return re.compile(title), re.compile(name)


def _group(code: str) -> str:
    return f"d{code}"


def _counts(pattern: re.Pattern[str], text: str) -> Counter[str]:
    """How many times the text names each département (by code)."""
    return Counter(m.lastgroup[1:] for m in pattern.finditer(text) if m.lastgroup)


def _leader(counts: Counter[str], least: int, lead: float) -> str | None:
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < least:
        return None
    if len(ranked) > 1 and ranked[0][1] < lead * ranked[1][1]:
        return None
    return ranked[0][0]


def report_departement(
    text: str,
    given: str | None = None,
    settings: DepartementSettings = DEFAULT_DEPARTEMENT_SETTINGS,
) -> ReportDepartement:
    """The département of a report whose text is `text` (or the one given)."""
    known = load_departements()
    if given is not None:
        if not DEPARTEMENT_CODE.fullmatch(given) or given not in known:
            raise SourceError(f"--departement {given!r}: not a département code (62, 2A, 971)")
        return ReportDepartement(given, known[given].name, GIVEN)
    plain = _plain(text)
    folded = plain.lower()
    title, name = _patterns()
    titles, names = _counts(title, folded), _counts(name, plain)
    code = _leader(titles, settings.min_titles, settings.min_lead)
    if code is not None:
        source = f"{titles[code]} mentions of {known[code].title!r}"
        return ReportDepartement(code, known[code].name, source)
    code = _leader(names, settings.min_mentions, settings.min_lead)
    if code is not None:
        source = f"{names[code]} mentions of {known[code].name!r}"
        return ReportDepartement(code, known[code].name, source)
    catalogs = catalog_departements()
    if len(catalogs) == 1 and set(titles) <= set(catalogs):  # no other Département named
        [code] = catalogs
        named = f"names it {titles[code]} time(s)" if titles else "names none"
        source = f"the only département catalog ({known[code].name}): the text {named}"
        return ReportDepartement(code, known[code].name, source)
    cited = ", ".join(f"{known[c].name} ({n})" for c, n in (titles or names).most_common(3))
    raise SourceError(
        "cannot tell which département the report is from: it names no Département "
        f"('Département du …') at least {settings.min_titles} times clearly more than any "
        f"other, nor any département's name {settings.min_mentions} times"
        + (f" (it cites {cited})" if cited else "")
        + "; give it with --departement NN"
    )
