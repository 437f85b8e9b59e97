"""What the sentence figures mean, measured against files written by hand from the report.

    python scripts/sentence_agreement.py [--show N] [--reworded DIR ...]

Extracts the shipped text export (no warehouse, no Prefect) and compares its figures with
`tests/golden/prose_figures.csv` (value, unit, label, entity, period, qualifier per line);
then extracts each reworded copy (every `tests/data/reworded*/` by default: a copy of the
export with lines reworded by a reader who never saw the extractor, and its answer key) and
compares it with its key (found, label acceptable, entity, period), and says which curated
indicators of the shipped report it still finds. Prints shares and, with --show, the first
N disagreements of each kind.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.extract import Extraction  # noqa: E402
from pipelines.extract.phrases import same_quantity_label  # noqa: E402
from pipelines.extract.places import gazetteer  # noqa: E402
from pipelines.extract.report import extract_report, is_generated  # noqa: E402
from pipelines.read.text_export import read_text_export  # noqa: E402
from schemas.catalog import (  # noqa: E402
    load_entity_catalog,
    load_indicator_catalog,
    normalise_name,
)

REPORT = ROOT / "raw" / "report" / "rapport-activites-2022.txt"
GOLDEN = ROOT / "tests" / "golden" / "prose_figures.csv"
REWORDED = sorted((ROOT / "tests" / "data").glob("reworded*/reworded-figures.csv"))


def reworded_files(folder: Path) -> tuple[Path, Path]:
    """A reworded copy's export and answer key."""
    return next(folder.glob("*-reworded.txt")), folder / "reworded-figures.csv"


def figures_frame(path: Path) -> tuple[pd.DataFrame, Extraction]:
    """Every figure read from a text export, with its label and provenance, one row each."""
    document = read_text_export(path)
    indicators, entities = load_indicator_catalog(), load_entity_catalog()
    result = extract_report(document, indicators, entities)
    labels = {code: i.label for code, i in indicators.indicators.items()}
    labels |= {g.indicator_code: g.indicator_label for g in result.generated_indicators}
    names = {e.code: e.name for e in entities.entities.values()}
    aliases = {e.code: "|".join(e.aliases) for e in entities.entities.values()}
    places = gazetteer(entities.department.code)
    names |= {p.code: p.name for p in (*places.places, *places.epcis.epcis)}  # communes, EPCIs
    year = document.report_year
    rows = [
        {
            "line": f.location.line,
            "value": f.value,
            "unit": f.unit,
            "qualifier": f.qualifier or "",
            "entity_type": f.entity_type,
            "entity_code": f.entity_code,
            "entity_name": names.get(f.entity_code, f.entity_code),
            "entity_aliases": aliases.get(f.entity_code, ""),
            "period_kind": f.period.kind if f.period else "year",
            "period_start": str(f.period.start or "") if f.period else f"{year}-01-01",
            "period_end": str(f.period.end or "") if f.period else f"{year}-12-31",
            "indicator_code": f.indicator_code,
            "label": labels.get(f.indicator_code, f.indicator_code),
            "curated": not is_generated(f.indicator_code),
            "source_span": f.source_span,
        }
        for f in result.figures
    ]
    return pd.DataFrame(rows), result


# units an answer key may give that the warehouse does not model apart (a duration in hours
# or years is counted in its own words: "52 000 heures" is a count of hours)
_ANY_UNIT = frozenset({"other", "hours", "h", "min", "minutes", "years"})
# an answer key's spelling of a unit the warehouse names otherwise
_KEY_UNITS = {
    "days": "day",
    "eur": "EUR",
    "habitants/km²": "per_km2",
    "hab/km²": "per_km2",
    "tonnes": "t",
    "m²": "m2",
    "pages": "count",  # a number of pages is a count of them
}


def _same_name(key: str, ours: str, entity_type: str, aliases: str = "") -> bool:
    """The answer key's entity is ours: the same name without case, accents or articles, or
    one of the names the catalog knows ours by ("La Coupole d'Helfaut", "CAUE 62"), or ours
    is the place the key's body is named after ("CER de Montigny-en-Gohelle" and the commune
    Montigny-en-Gohelle); never the département for a place it holds."""
    a = normalise_name(key)
    names = [normalise_name(n) for n in (ours, *aliases.split("|")) if n]
    if a in names:
        return True
    b = names[0] if names else ""
    return entity_type != "department" and (a.endswith(f" {b}") or b.endswith(f" {a}"))


def _match(
    ours: pd.DataFrame, line: int, value: float, unit: str, seen: dict | None = None
) -> pd.Series | None:
    """Our figure at that line with that value and unit (the answer key's unit `other`, a
    density or a duration, matches any unit); the answer key's second "3" of a line is our
    second "3" of it (`seen` counts them), in the order the extraction gives them (the
    order of the line within one extractor); a key that states it more often than we found it
    has the rest not found."""
    unit = _KEY_UNITS.get(unit, unit)
    same_unit = (ours.unit == unit) if unit not in _ANY_UNIT else True
    found = ours[(ours.line == line) & ((ours.value - value).abs() < 1e-6) & same_unit]
    if found.empty:
        return None
    order = 0
    if seen is not None:
        order = seen[(line, value, unit)] = seen.get((line, value, unit), -1) + 1
    return found.iloc[order] if order < len(found) else None


def golden_agreement(ours: pd.DataFrame) -> pd.DataFrame:
    golden = pd.read_csv(GOLDEN, dtype=str, keep_default_na=False)
    rows = []
    seen: dict = {}
    for g in golden.itertuples():
        m = _match(ours, int(str(g.line)), float(str(g.value)), str(g.unit), seen)
        rows.append(
            {
                "line": int(str(g.line)), "value": float(str(g.value)), "unit": g.unit,
                "golden_label": g.label, "found": m is not None,
                "label": m["label"] if m is not None else "",
                "same_label": m is not None and same_quantity_label(m["label"], str(g.label)),
                "same_entity": m is not None
                and (m.entity_type, m.entity_code) == (g.entity_type, g.entity_code),
                "entity": f"{m.entity_code} vs {g.entity_code}" if m is not None else "",
                "same_period": m is not None
                and (m.period_kind, m.period_start, m.period_end)
                == (g.period_kind, g.period_start, g.period_end),
                "period": f"{m.period_kind} {m.period_start}..{m.period_end} vs "
                f"{g.period_kind} {g.period_start}..{g.period_end}" if m is not None else "",
                "same_qualifier": m is not None and m.qualifier == g.qualifier,
                "qualifier": f"{m.qualifier!r} vs {g.qualifier!r}" if m is not None else "",
            }
        )  # fmt: skip
    return pd.DataFrame(rows)


def reworded_agreement(ours: pd.DataFrame, answers: Path) -> pd.DataFrame:
    key = pd.read_csv(answers, dtype=str, keep_default_na=False)
    rows = []
    seen: dict = {}
    for k in key.itertuples():
        m = _match(ours, int(str(k.line)), float(str(k.value)), str(k.unit), seen)
        entity = str(k.entity).strip().lower()
        rows.append(
            {
                "line": int(str(k.line)), "value": float(str(k.value)), "unit": k.unit,
                "golden_label": k.label, "found": m is not None,
                "label": m["label"] if m is not None else "",
                "same_label": m is not None and same_quantity_label(m["label"], str(k.label)),
                "same_entity": m is not None and (
                    m.entity_type == "department"
                    if entity in {"département", "departement", "department"}
                    else _same_name(
                        entity, str(m.entity_name), str(m.entity_type), str(m.entity_aliases)
                    )
                ),
                "entity": f"{m.entity_name} vs {k.entity}" if m is not None else "",
                "same_period": m is not None and m.period_kind == k.period_kind,
                "period": f"{m.period_kind} vs {k.period_kind}" if m is not None else "",
            }
        )  # fmt: skip
    return pd.DataFrame(rows)


def _share(frame: pd.DataFrame, column: str) -> str:
    found = frame[frame.found]
    return f"{found[column].mean():.1%} of {len(found)}" if len(found) else "n/a"


def _print(title: str, frame: pd.DataFrame, columns: Iterable[tuple[str, str]], show: int) -> None:
    print(f"{title}: {len(frame)} figures, found {frame.found.mean():.1%}")
    for column, detail in columns:
        print(f"  {column:15} {_share(frame, column)}")
        if show:
            wrong = frame[frame.found & ~frame[column]].head(show)
            for r in wrong.itertuples():
                print(f"      line {r.line}: {r.value:g} {r.unit}: {getattr(r, detail)}"
                      f"  [golden: {r.golden_label}]")  # fmt: skip
    if show:
        for r in frame[~frame.found].head(show).itertuples():
            print(f"    missing line {r.line}: {r.value:g} {r.unit} ({r.golden_label})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="disagreements to list per kind")
    parser.add_argument(
        "--reworded", type=Path, action="append", help="a reworded copy's folder (repeatable)"
    )
    args = parser.parse_args(argv)
    ours, _ = figures_frame(REPORT)
    golden = golden_agreement(ours)
    _print(
        "golden sentence figures",
        golden,
        [("same_label", "label"), ("same_entity", "entity"), ("same_period", "period"),
         ("same_qualifier", "qualifier")],
        args.show,
    )  # fmt: skip
    for folder in args.reworded or [key.parent for key in REWORDED]:
        copy, answers = reworded_files(folder)
        reworded, _ = figures_frame(copy)
        agreement = reworded_agreement(reworded, answers)
        _print(
            f"reworded copy {folder.name}",
            agreement,
            [("same_label", "label"), ("same_entity", "entity"), ("same_period", "period")],
            args.show,
        )
        curated = set(ours[ours.curated].indicator_code)
        kept = set(reworded[reworded.curated].indicator_code)
        lost = sorted(curated - kept)
        print(f"  curated indicators found in the copy: {len(curated & kept)} of {len(curated)}")
        print(f"  lost: {lost}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
