"""Load the indicator and département catalogs (YAML files beside this module).

The catalogs are data, reviewed like code: extractors look indicators and entities up here
instead of hard-coding labels, so a new indicator is a catalog entry, not a code change.
What is particular to one département lives in its own file, `catalog/departements/<code>.yaml`:
its territories and offices, the phrases by which its report marks its parts
(`ReportStructure`), the names with numbers it prints. A département without a file still
has its name and code, from the list of every département (`catalog/departements.csv`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from pipelines.errors import IndicatorsError
from schemas.vocabularies import UNITS

CATALOG_DIR = Path(__file__).parent / "catalog"
INDICATOR_CATALOG = CATALOG_DIR / "indicators.yaml"
DEPARTEMENT_DIR = CATALOG_DIR / "departements"
DEPARTEMENT_LIST = CATALOG_DIR / "departements.csv"
DOMAIN_VOCABULARY = CATALOG_DIR / "domains.yaml"


class CatalogError(IndicatorsError, ValueError):
    """The catalog itself is inconsistent (unknown unit, duplicate code, bad regex)."""


def read_yaml(path: Path) -> Any:
    """A catalog file's content; a YAML error names the file and the line."""
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise CatalogError(yaml_error(path, err)) from None


def yaml_error(path: Path, err: yaml.YAMLError) -> str:
    """A YAML error in one line, with the file and the line: `accepted.yaml:3: not valid
    YAML (mapping values are not allowed here)`."""
    mark = getattr(err, "problem_mark", None)
    where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    return f"{where}: not valid YAML ({problem})"


@dataclass(frozen=True)
class Domain:
    """One entry of the domains' controlled vocabulary."""

    code: str
    label: str
    words: tuple[str, ...]


@cache
def load_domains(path: Path = DOMAIN_VOCABULARY) -> tuple[Domain, ...]:
    entries = read_yaml(path)
    domains = tuple(Domain(e["code"], e["label"], tuple(e["words"])) for e in entries)
    codes = [d.code for d in domains]
    if len(set(codes)) != len(codes):
        raise CatalogError(f"{Path(path).name}: a domain code is declared twice")
    return domains


@dataclass(frozen=True)
class SentenceRule:
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    domain: str
    additive: bool
    key_figure: re.Pattern[str] | None = None
    share_code: str | None = None
    aside_code: str | None = None  # "20 (12 CER)": the indicator of the figure in brackets
    sentences: tuple[SentenceRule, ...] = ()
    table: str | None = None  # office table id (see TableKind)
    row: re.Pattern[str] | None = None  # the row label, in that table
    column: re.Pattern[str] | None = None  # the column header, for tables with a header row
    required: bool = True  # every office must state it (completeness)
    synonyms: tuple[str, ...] = ()  # other wordings of the label, for linking figures to it
    ratio_of: tuple[str, str] | None = None  # (numerator, denominator) concepts


@dataclass(frozen=True)
class TableKind:
    """An office table: on which entity's page it sits, and its header row if it has one."""

    table_id: str
    entity_type: str
    header: re.Pattern[str] | None


@dataclass(frozen=True)
class Entity:
    """An entity of the catalog. `code` is its key in the warehouse: the département's own
    code for the département, `<département>-<slug>` for the others ("62-mds-arrageois"),
    so that two départements' "Artois" never share a code."""

    code: str
    entity_type: str
    name: str
    parent_code: str | None
    departement_code: str
    slug: str  # its short name in the catalog file ("mds-arrageois"); the département's: its code
    aliases: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class IndicatorCatalog:
    indicators: dict[str, Indicator]
    tables: dict[str, TableKind] = field(default_factory=dict)

    def table_rows(self, table_id: str) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.table == table_id]

    def table_codes(self, entity_type: str) -> list[str]:
        """Every indicator the tables of this entity type's pages give (their rows and the
        figures printed aside in a cell), sorted."""
        rows = [i for t in self.tables.values() if t.entity_type == entity_type
                for i in self.table_rows(t.table_id)]  # fmt: skip
        return sorted({i.code for i in rows} | {i.aside_code for i in rows if i.aside_code})

    def match_key_figure(self, label: str, unit: str) -> Indicator | None:
        """The indicator whose key-figure regex matches this label with this unit, if any."""
        for indicator in self.indicators.values():
            if indicator.key_figure is None or indicator.unit != unit:
                continue
            if indicator.key_figure.search(label):
                return indicator
        return None

    def __getitem__(self, code: str) -> Indicator:
        return self.indicators[code]


@dataclass(frozen=True)
class MenuItem:
    """A kind of navigation-menu item: its opening words, and what precedes the name."""

    entity_type: str
    starts: re.Pattern[str]
    strip: re.Pattern[str] | None = None

    def name(self, item: str) -> str:
        return self.strip.sub("", item, count=1) if self.strip else item


@dataclass(frozen=True)
class ReportStructure:
    """The phrases by which one département's report marks its parts (its catalog file's
    `report:`). A report of a département without a catalog file has none of them: its titles
    are found by their shape, and its figures sit on the département."""

    section_titles: tuple[re.Pattern[str], ...] = ()  # lines that are titles, whatever their shape
    territory_title: re.Pattern[str] | None = None  # a profile's title, with a (?P<name>) group
    # how a profile's title is expected to read ({year}, {name}): what a read title is scored by
    territory_expected: str | None = None
    part_titles: tuple[re.Pattern[str], ...] = ()  # titles after which no office page runs on
    overview_title: str | None = None  # the department overview page's title
    organisation_title: str | None = None  # the councillors' table's page
    key_figure_title: str | None = None  # the opening words of every key-figure block's title
    menu: tuple[MenuItem, ...] = ()
    names_with_numbers: tuple[re.Pattern[str], ...] = ()  # "les 4 vents": a name, not a figure
    postcode_departements: tuple[str, ...] = ()  # whose postcodes precede a commune's name
    inspect_titles: tuple[str, ...] = ()  # more titles `inspect-pdf` scores titles against

    def is_section_title(self, text: str) -> bool:
        return any(p.match(text) for p in self.section_titles)

    def is_part_title(self, text: str) -> bool:
        return any(p.match(text) for p in self.part_titles)

    def is_key_figure_title(self, text: str) -> bool:
        """Does the title open with the key-figure blocks' words, in whatever case or
        accents a layout prints them ("LES CHIFFRES CLÉS DE ...")?"""
        return bool(self.key_figure_title) and _fold(text).startswith(
            _fold(self.key_figure_title or "")
        )

    def without_heading_words(self, title: str) -> str:
        """The title without the key-figure blocks' heading words, their article optional,
        compared without case or accents ("Chiffres cles de la culture": "de la culture")."""
        if not self.key_figure_title:
            return title
        folded = _fold(title)
        words = _fold(self.key_figure_title).split()
        if words and words[0] in {"les", "le", "la"}:
            pattern = rf"^\W*(?:{words[0]}\s+)?" + r"\s+".join(map(re.escape, words[1:]))
        else:
            pattern = r"^\W*" + r"\s+".join(map(re.escape, words))
        found = re.match(pattern + r"\b", folded)
        if found is None or len(folded) != len(title):
            return title
        return title[found.end() :]

    def territory_named(self, title: str) -> str | None:
        """The territory a profile's title names, if the title is one."""
        found = self.territory_title.match(title) if self.territory_title else None
        return found["name"] if found else None

    def menu_item(self, item: str) -> tuple[str, str] | None:
        """(entity type, name) of a navigation-menu item, if it opens as one."""
        for kind in self.menu:
            if kind.starts.match(item):
                return kind.entity_type, kind.name(item)
        return None


@dataclass(frozen=True)
class EntityCatalog:
    """One département's entities and its report's structure."""

    entities: dict[str, Entity]
    structure: ReportStructure = field(default_factory=ReportStructure)
    has_catalog: bool = True  # False: only the département is known (no catalog file)

    @property
    def department(self) -> Entity:
        return next(e for e in self.entities.values() if e.entity_type == "department")

    def of_type(self, entity_type: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.entity_type == entity_type]

    def by_slug(self, entity_type: str, slug: str) -> Entity | None:
        """The entity of this type that the catalog file names `slug`, if any."""
        return next((e for e in self.of_type(entity_type) if e.slug == slug), None)

    def find(self, entity_type: str, spelling: str) -> Entity | None:
        """The entity of this type that the report spells this way, if any."""
        wanted = normalise_name(spelling)
        for entity in self.of_type(entity_type):
            if wanted in {normalise_name(a) for a in (entity.name, *entity.aliases)}:
                return entity
        return None

    def named_in(self, entity_type: str, text: str) -> Entity | None:
        """The one entity of this type whose name or an alias the text writes as whole
        words, without regard to case or accents ("Les chiffres clés du Laboratoire
        Départemental d'Analyses"); None for none or several."""
        folded = _fold(text)
        found = {
            e.code: e
            for e in self.of_type(entity_type)
            for name in (e.name, *e.aliases)
            if name and re.search(rf"(?<![\w-]){re.escape(_fold(name))}(?![\w-])", folded)
        }
        return next(iter(found.values())) if len(found) == 1 else None


_ARTICLES = frozenset({"de", "du", "d", "l", "la", "le", "les", "des"})


def _fold(text: str) -> str:
    """Lower case without accents, one character for one (to match, then cut the original)."""

    def one(c: str) -> str:
        decomposed = unicodedata.normalize("NFKD", c)
        base = decomposed[0] if all(unicodedata.combining(x) for x in decomposed[1:]) else c
        lower = base.lower()
        return lower if len(lower) == 1 else base

    return "".join(one(c) for c in text)


def normalise_name(text: str) -> str:
    """Compare names without case, accents, punctuation or articles ("MDS d'Hénin-Carvin"
    and "MDS Hénin - Carvin" are the same office)."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    words = re.split(r"[^a-z0-9]+", letters)
    return " ".join(w for w in words if w and w not in _ARTICLES)


def _compile(pattern: str | None, where: str) -> re.Pattern[str] | None:
    if pattern is None:
        return None
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as err:
        raise CatalogError(f"{where}: bad regex {pattern!r}: {err}") from err


_INDICATOR_KEYS = frozenset(
    {"code", "label", "unit", "domain", "additive", "key_figure", "share_code", "aside_code"}
    | {"sentences", "table", "row", "column", "required", "synonyms", "ratio_of"}
)


def parse_indicator_catalog(data: dict) -> IndicatorCatalog:
    indicators: dict[str, Indicator] = {}
    for entry in data["indicators"]:
        code = entry["code"]
        unknown = sorted(set(entry) - _INDICATOR_KEYS)
        if unknown:  # e.g. an unquoted comma in a flow mapping cut a label into keys
            raise CatalogError(f"indicator {code!r}: unknown keys {unknown} (quote the label?)")
        if code in indicators:
            raise CatalogError(f"indicator {code!r} is declared twice")
        if entry["unit"] not in UNITS:
            raise CatalogError(f"indicator {code!r}: unknown unit {entry['unit']!r}")
        sentences = tuple(
            SentenceRule(_compile(rule.get("before"), code), _compile(rule.get("after"), code))
            for rule in entry.get("sentences", ())
        )
        indicators[code] = Indicator(
            code=code,
            label=entry["label"],
            unit=entry["unit"],
            domain=entry["domain"],
            additive=bool(entry["additive"]),
            key_figure=_compile(entry.get("key_figure"), code),
            share_code=entry.get("share_code"),
            aside_code=entry.get("aside_code"),
            sentences=sentences,
            table=entry.get("table"),
            row=_compile(entry.get("row"), code),
            column=_compile(entry.get("column"), code),
            required=bool(entry.get("required", True)),
            synonyms=tuple(entry.get("synonyms", ())),
            ratio_of=tuple(entry["ratio_of"]) if entry.get("ratio_of") else None,
        )
    tables = {
        table_id: TableKind(table_id, spec["entity_type"], _compile(spec.get("header"), table_id))
        for table_id, spec in (data.get("tables") or {}).items()
    }
    for indicator in indicators.values():
        for linked in (indicator.share_code, indicator.aside_code, *(indicator.ratio_of or ())):
            if linked and linked not in indicators:
                raise CatalogError(f"{indicator.code}: linked indicator {linked!r} unknown")
        if indicator.table and indicator.table not in tables:
            raise CatalogError(f"{indicator.code}: table {indicator.table!r} is not declared")
        if indicator.table and indicator.row is None:
            raise CatalogError(f"{indicator.code}: a table indicator needs a row pattern")
    return IndicatorCatalog(indicators, tables)


# a département code as INSEE writes it: 62, 2A, 971; a slug: lower-case words and hyphens
DEPARTEMENT_CODE = re.compile(r"\d{2,3}|2[AB]")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def entity_code(departement_code: str, slug: str) -> str:
    """The warehouse code of a catalog entity: its département's code, a hyphen, its slug."""
    return f"{departement_code}-{slug}"


_STRUCTURE_KEYS = frozenset(ReportStructure.__dataclass_fields__)


def _patterns(values: Any, where: str) -> tuple[re.Pattern[str], ...]:
    return tuple(p for v in values or () if (p := _compile(str(v), where)) is not None)


def parse_structure(data: dict | None) -> ReportStructure:
    """A département file's `report:` mapping."""
    data = data or {}
    unknown = sorted(set(data) - _STRUCTURE_KEYS)
    if unknown:
        raise CatalogError(f"report: unknown keys {unknown}")
    menu = tuple(
        MenuItem(
            item["entity_type"],
            _compile(item["starts"], "menu") or re.compile(""),
            _compile(item.get("strip"), "menu"),
        )
        for item in data.get("menu") or ()
    )
    return ReportStructure(
        section_titles=_patterns(data.get("section_titles"), "section_titles"),
        territory_title=_compile(data.get("territory_title"), "territory_title"),
        territory_expected=data.get("territory_expected"),
        part_titles=_patterns(data.get("part_titles"), "part_titles"),
        overview_title=data.get("overview_title"),
        organisation_title=data.get("organisation_title"),
        key_figure_title=data.get("key_figure_title"),
        menu=menu,
        names_with_numbers=_patterns(data.get("names_with_numbers"), "names_with_numbers"),
        postcode_departements=tuple(str(c) for c in data.get("postcode_departements") or ()),
        inspect_titles=tuple(str(t) for t in data.get("inspect_titles") or ()),
    )


def parse_entity_catalog(data: dict) -> EntityCatalog:
    """The catalog file declares the département's code once and the other entities by their
    slug; every code and parent is qualified here with the département's code."""
    department = data["department"]
    departement_code = department["code"]
    if not isinstance(departement_code, str) or not DEPARTEMENT_CODE.fullmatch(departement_code):
        raise CatalogError(
            f"department code {departement_code!r}: not a département code, "
            'a quoted string such as "62", "2A" or "971"'
        )
    entities = {
        departement_code: Entity(
            departement_code,
            "department",
            department["name"],
            None,
            departement_code,
            departement_code,
        )
    }

    def add(entry: dict, entity_type: str, parent_code: str | None) -> None:
        slug = entry["slug"]
        if not isinstance(slug, str) or not _SLUG.fullmatch(slug):
            raise CatalogError(f"{entity_type} slug {slug!r}: lower-case words and hyphens only")
        code = entity_code(departement_code, slug)
        if code in entities:
            raise CatalogError(f"{entity_type} {slug!r}: code {code!r} is declared twice")
        entities[code] = Entity(
            code,
            entity_type,
            entry["name"],
            parent_code,
            departement_code,
            slug,
            tuple(entry.get("aliases", ())),
        )

    for entry in data.get("territories") or ():
        add(entry, "territory", departement_code)
    territories = {e.slug: e.code for e in entities.values() if e.entity_type == "territory"}
    for entity_type in ("mds", "mdadt"):
        for entry in data.get(entity_type) or ():
            if entry["territory"] not in territories:
                raise CatalogError(f"{entry['slug']}: unknown territory {entry['territory']!r}")
            add(entry, entity_type, territories[entry["territory"]])
    for entry in data.get("organisations", []):
        add(entry, "organisation", None)  # not a part of the department: no sum includes it
    return EntityCatalog(entities, parse_structure(data.get("report")))


@cache
def load_indicator_catalog(path: Path = INDICATOR_CATALOG) -> IndicatorCatalog:
    return parse_indicator_catalog(read_yaml(path))


@dataclass(frozen=True)
class Departement:
    """A département of the official list: its code, its name, the article its name takes."""

    code: str
    name: str
    article: str  # "du" (Pas-de-Calais), "de la" (Somme), "de l'" (Aisne), "des", "de", "d'"

    @property
    def title(self) -> str:
        """How a report names its Département: "Département du Pas-de-Calais"."""
        glue = "" if self.article.endswith("'") else " "
        return f"Département {self.article}{glue}{self.name}"


@cache
def load_departements(path: Path = DEPARTEMENT_LIST) -> dict[str, Departement]:
    """Every département of the official list, by code."""
    import csv

    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {r["code"]: Departement(r["code"], r["nom"], r["article"]) for r in rows}


def departement_file(code: str) -> Path:
    return DEPARTEMENT_DIR / f"{code}.yaml"


def catalog_departements() -> list[str]:
    """The codes of the départements that have a catalog file, sorted."""
    return sorted(p.stem for p in DEPARTEMENT_DIR.glob("*.yaml"))


@cache
def load_entity_catalog(code: str | None = None) -> EntityCatalog:
    """The entities and report structure of a département (by default: the only one with a
    catalog file when there is one, else an error). A département without a file: its
    entity alone, named from the official list, and no structure."""
    if code is None:
        codes = catalog_departements()
        if len(codes) != 1:
            raise CatalogError(
                f"{len(codes)} département catalogs ({', '.join(codes)}): say which "
                "département (--departement)"
            )
        code = codes[0]
    path = departement_file(code)
    if path.is_file():
        catalog = parse_entity_catalog(read_yaml(path))
        if catalog.department.code != code:
            raise CatalogError(f"{path}: declares département {catalog.department.code!r}")
        return catalog
    known = load_departements()
    if code not in known:
        raise CatalogError(f"{code!r}: no such département in {DEPARTEMENT_LIST.name}")
    department = {"code": code, "name": known[code].name}
    return replace(parse_entity_catalog({"department": department}), has_catalog=False)
