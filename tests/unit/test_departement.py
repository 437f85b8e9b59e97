"""The département is data: no report's knowledge in the code, and a report's département read
from its text (or given), never taken for another's."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pipelines.read import SourceError
from pipelines.read.departement import DepartementSettings, report_departement
from schemas.catalog import (
    CatalogError,
    catalog_departements,
    load_departements,
    load_entity_catalog,
)

PIPELINES = Path(__file__).parents[2] / "pipelines"


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.add(id(value))
    return found


def code_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module that are not docstrings (f-strings' parts included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def _forbidden() -> list[re.Pattern[str]]:
    """What one report knows: every département catalog's name, code and phrases, and the
    shipped report's file names."""
    words: set[str] = set()
    for code in catalog_departements():
        catalog = load_entity_catalog(code)
        structure = catalog.structure
        words |= {catalog.department.name, structure.overview_title or ""}
        words |= {structure.key_figure_title or "", structure.organisation_title or ""}
        words |= set(structure.inspect_titles)
        words |= {e.name for e in catalog.entities.values() if e.entity_type != "department"}
    patterns = [re.compile(re.escape(w), re.IGNORECASE) for w in words if len(w) > 3]
    patterns += [re.compile(r"rapport-activites-2022"), re.compile(r"temps\s+forts", re.I)]
    codes = "|".join(catalog_departements())
    patterns.append(re.compile(rf"(?<![\d,.]){codes}(?![\d,.])"))  # "62", "(?:59|62)"
    return patterns


def test_no_departement_knowledge_in_the_code() -> None:
    patterns = _forbidden()
    found = [
        f"{path.relative_to(PIPELINES.parent)}:{line}: {text!r}"
        for path in sorted(PIPELINES.rglob("*.py"))
        for line, text in code_strings(path)
        if any(p.search(text) for p in patterns)
    ]
    assert found == []


def test_the_grep_finds_a_planted_literal(tmp_path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text(
        '"""A docstring may quote the report: Pas-de-Calais."""\n'
        'TITLE = "UNE PROXIMITÉ QUOTIDIENNE"\n'
        'CODE = f"{1}-62"\n'
        "VALUE = 0.62\n",
        encoding="utf-8",
    )
    patterns = _forbidden()
    flagged = [t for _, t in code_strings(planted) if any(p.search(t) for p in patterns)]
    assert flagged == ["UNE PROXIMITÉ QUOTIDIENNE", "-62"]


@pytest.mark.parametrize(
    ("text", "code", "source"),
    [
        (
            "Rapport d'activités 2022\nLe Département du Nord agit. Le Département du Nord "
            "investit, avec le Département du Pas-de-Calais.",
            "59",
            "2 mentions of 'Département du Nord'",
        ),
        (
            "CONSEIL DÉPARTEMENTAL DE LA SOMME\nLe Département de la Somme accompagne ...",
            "80",
            "2 mentions of 'Département de la Somme'",
        ),
        (
            "Le Département de l'Aisne et le Département de l’Aisne (apostrophe typographique)",
            "02",
            '2 mentions of "Département de l\'Aisne"',
        ),
        ("Ardennes " * 6 + "Nord-Est, Marne", "08", "6 mentions of 'Ardennes'"),
    ],
)
def test_the_departement_is_read_from_the_text(text: str, code: str, source: str) -> None:
    found = report_departement(text)
    assert (found.code, found.source) == (code, source)


def test_a_text_that_names_no_departement_is_the_only_catalogs() -> None:
    found = report_departement("Rapport d'activités 2022\n12 000 repas servis.")
    assert found.code == catalog_departements()[0]
    assert "the text names none" in found.source


def test_a_text_torn_between_two_departements_is_refused() -> None:
    text = "Département du Nord, " * 3 + "Département de la Somme, " * 2
    with pytest.raises(SourceError, match=r"cannot tell which département.*Nord \(3\)"):
        report_departement(text, settings=DepartementSettings(min_lead=2.0))


def test_a_given_departement_wins_and_a_bad_one_is_named() -> None:
    assert report_departement("Département du Nord " * 3, "80").source == "--departement"
    with pytest.raises(SourceError, match="'99': not a département code"):
        report_departement("", "99")


def test_a_departement_without_catalog_has_its_own_entity_and_no_structure() -> None:
    somme = load_entity_catalog("80")
    assert not somme.has_catalog
    assert [(e.code, e.entity_type, e.name) for e in somme.entities.values()] == [
        ("80", "department", "Somme")
    ]
    assert somme.structure.overview_title is None and somme.structure.menu == ()
    with pytest.raises(CatalogError, match="'00': no such département"):
        load_entity_catalog("00")


def test_the_list_of_departements_is_the_cog() -> None:
    listed = load_departements()
    assert len(listed) == 101
    assert listed["62"].title == "Département du Pas-de-Calais"
    assert listed["2A"].name == "Corse-du-Sud" and listed["976"].name == "Mayotte"


def test_a_common_word_is_no_departement_name() -> None:
    """ "une somme", "le nord" in lower case are words, not the Somme or the Nord."""
    found = report_departement("une somme de 100 € vers le nord. " * 8)
    assert found.code == catalog_departements()[0] and "names none" in found.source


def test_an_extract_naming_its_departement_once_is_that_catalogs() -> None:
    """A twelfth of the 2022 export names "Département du Pas-de-Calais" once and no other
    Département: not enough to be sure, yet nothing says it is another's."""
    found = report_departement("Le Département du Pas-de-Calais soutient 12 projets.")
    assert found.code == "62"
    assert (
        found.source == "the only département catalog (Pas-de-Calais): the text names it 1 time(s)"
    )
