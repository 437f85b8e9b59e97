"""Another département's report, for the tests: the 2022 export rewritten by listed edits as
if a fictitious Somme (80) had published it with a structure of its own, and its catalog
(`tests/data/departements/80.yaml`) beside the shipped ones.

The edits (in order, each a plain replacement over the whole text): the département's name;
the territories' and offices' names; the offices' kinds (MDS: "Pôle social", MDADT:
"Antenne territoriale"); the menu's territory items ("Secteur …"); the titles of the overview,
the councillors' page, the territory profiles ("Focus 2022 sur le territoire …") and the
key-figure blocks ("Repères chiffrés …"). Nothing else changes: the figures are the 2022
report's, so that every one of them can be found on the other département's entities.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import schemas.catalog as catalog

CATALOG = Path(__file__).parent / "data" / "departements" / "80.yaml"

EDITS: list[tuple[str, str]] = [
    (r"\bdu Pas-de-Calais\b", "de la Somme"),
    (r"\bPas-de-Calais\b", "Somme"),
    (r"\bPAS-DE-CALAIS\b", "SOMME"),
    (r"Temps forts (\d{4}) (?:en|à|dans) ", r"Focus \1 sur le territoire "),
    (r"Les chiffres clés", "Repères chiffrés"),
    (r"UNE PROXIMITÉ QUOTIDIENNE", "LE DÉPARTEMENT EN BREF"),
    (r"ORGANISATION POLITIQUE", "L'ASSEMBLÉE DÉPARTEMENTALE"),
    (r"\bLe territoire (?:de l'|du |de |des )?", "Secteur "),
    (r"\bMDADT\b", "Antenne territoriale"),
    (r"\bMDS\b", "Pôle social"),
    (r"Montreuillois ?- ?Ternois", "Trois Vallées"),
    (r"Lens ?- ?Hénin", "Haute-Somme"),
    (r"Hénin ?- ?Carvin", "Péronne"),
    (r"Lens ?- ?Liévin", "Albert"),
    (r"\bMontreuillois\b", "Abbevillois"),
    (r"\bTernois\b", "Doullennais"),
    (r"\bArrageois\b", "Amiénois"),
    (r"\bAudomarois\b", "Vimeu"),
    (r"\bBoulonnais\b", "Ponthieu"),
    (r"\bCalaisis\b", "Marquenterre"),
    (r"\bArtois\b", "Santerre"),
]


def rewrite(text: str) -> str:
    """The 2022 export as the other département's report."""
    for pattern, replacement in EDITS:
        text = re.sub(pattern, replacement, text)
    return text


@contextmanager
def with_other_catalog(folder: Path) -> Iterator[Path]:
    """The shipped département catalogs and the other one's, in `folder`, while inside."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in catalog.DEPARTEMENT_DIR.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    shutil.copy(CATALOG, folder / CATALOG.name)
    shipped = catalog.DEPARTEMENT_DIR
    catalog.DEPARTEMENT_DIR = folder
    catalog.load_entity_catalog.cache_clear()
    try:
        yield folder
    finally:
        catalog.DEPARTEMENT_DIR = shipped
        catalog.load_entity_catalog.cache_clear()
