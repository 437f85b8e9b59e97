"""Layouts drawn at random over three engines: how much of the report each one gives back.

    .venv/bin/python scripts/layout_sweep.py [--layouts 20] [--first SEED | --seed N ...]

Draws `--layouts` seeds (from the system's randomness unless `--first` or `--seed` says
which; the seeds are printed, so any line can be rerun), typesets the text export with each
drawn layout (`tools/layouts.py`: Typst, Chromium, reportlab), reads the PDF as a build does
(2 processes) and extracts it. Per layout and in total: recall and precision of the text
export's facts, (entity, indicator, value) for the blocks and (entity, unit, value) for the
sentences; the pages that degraded (a finding instead of their text); seconds per page of
reading. A layout whose reading raises is counted as aborted, never skipped.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.extract.report import extract_report  # noqa: E402
from pipelines.read.pdf import read_pdf  # noqa: E402
from pipelines.read.text_export import read_text_export  # noqa: E402
from pipelines.settings import shipped_reports  # noqa: E402
from schemas.catalog import load_entity_catalog, load_indicator_catalog  # noqa: E402
from tools.layouts import draw, render  # noqa: E402
from tools.renditions import Agreement, agreement  # noqa: E402


@dataclass
class Row:
    seed: int
    engine: str
    blocks: Agreement | None = None  # None: the reading aborted
    sentences: Agreement | None = None
    pages: int = 0
    degraded: int = 0
    seconds: float = 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layouts", type=int, default=20)
    parser.add_argument("--first", type=int, help="seeds first, first+1, ...")
    parser.add_argument("--seed", type=int, action="append", help="this seed (repeatable)")
    parser.add_argument("--show", type=int, default=0, help="differences listed per layout")
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    args = parser.parse_args()
    if args.seed:
        seeds = args.seed
    elif args.first is not None:
        seeds = list(range(args.first, args.first + args.layouts))
    else:
        seeds = [int.from_bytes(os.urandom(3), "big") for _ in range(args.layouts)]
    print("seeds:", " ".join(map(str, seeds)), flush=True)
    text = read_text_export(shipped_reports()[0])
    indicators, entities = load_indicator_catalog(), load_entity_catalog(text.departement_code)
    expected = extract_report(text, indicators, entities)
    scratch = None if args.keep else tempfile.TemporaryDirectory(prefix="layouts-")
    folder = args.keep or Path(scratch.name)  # type: ignore[union-attr]
    rows: list[Row] = []
    for seed in seeds:
        drawn = draw(seed)
        print(drawn.describe(), flush=True)
        try:
            path = render(text, drawn, folder)
        except Exception as err:  # the engine's failure, not the reader's: said, not counted
            print(f"  not rendered: {type(err).__name__}: {err}")
            continue
        start = time.perf_counter()
        try:
            document = read_pdf(path, workers=2)
            found = extract_report(document, indicators, entities)
        except Exception as err:
            print(f"  ABORTED: {type(err).__name__}: {err}")
            traceback.print_exc(limit=3)
            rows.append(Row(seed, drawn.engine))
            continue
        seconds = time.perf_counter() - start
        blocks, sentences = agreement(expected, found), agreement(expected, found, sentences=True)
        degraded, pages = len(document.page_findings), document.pages or 0
        rows.append(Row(seed, drawn.engine, blocks, sentences, pages, degraded, seconds))
        print(
            f"  pages {pages:3d}  blocks: recall {blocks.recall:6.1%} precision "
            f"{blocks.precision:6.1%}  sentences: recall {sentences.recall:6.1%} precision "
            f"{sentences.precision:6.1%}  degraded pages {degraded}  "
            f"{seconds / max(pages, 1):.3f} s/page",
            flush=True,
        )
        for line in blocks.differences()[: args.show]:
            print("   ", line)
    read = [r for r in rows if r.blocks is not None and r.sentences is not None]
    print(f"\n{len(rows)} layouts read, {len(rows) - len(read)} aborted")
    engines = sorted({r.engine for r in rows})
    print("engines:", ", ".join(f"{e} {sum(1 for r in rows if r.engine == e)}" for e in engines))
    for label in ("blocks", "sentences"):
        measured = [getattr(r, label) for r in read]
        recalls = [m.recall for m in measured]
        precisions = [m.precision for m in measured]
        if recalls:
            print(
                f"{label:9s}: recall median {statistics.median(recalls):.1%}, worst "
                f"{min(recalls):.1%}; precision median {statistics.median(precisions):.1%}, "
                f"worst {min(precisions):.1%}"
            )
    pages = sum(r.pages for r in read)
    print(f"degraded pages: {sum(r.degraded for r in read)} of {pages}")
    if pages:
        print(f"reading: {sum(r.seconds for r in read) / pages:.3f} s/page over all layouts")
    if scratch is not None:
        scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
