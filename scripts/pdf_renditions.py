"""Per rendition of the report: agreement with the text export's facts and seconds per page.

Renders the four renditions (reportlab: published, compact; Typst: magazine, dense) into a
temporary folder, reads each with the PDF reader, and prints recall and precision over
(entity, indicator, value) against the text export, with the reading time per page
(median of `--runs` readings with 2 processes). Run under `flock /tmp/heavy.lock`.

    python scripts/pdf_renditions.py [--runs 3] [--only magazine] [--show 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.extract.report import extract_report  # noqa: E402
from pipelines.read.pdf import page_count, read_pdf  # noqa: E402
from pipelines.read.text_export import read_text_export  # noqa: E402
from pipelines.settings import shipped_reports  # noqa: E402
from schemas.catalog import load_entity_catalog, load_indicator_catalog  # noqa: E402
from tools.renditions import (  # noqa: E402
    RENDITIONS,
    agreement,
    render_rendition,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--only", action="append")
    parser.add_argument("--show", type=int, default=10, help="differences listed per rendition")
    args = parser.parse_args()
    text = read_text_export(shipped_reports()[0])
    indicators, entities = load_indicator_catalog(), load_entity_catalog(text.departement_code)
    expected = extract_report(text, indicators, entities)
    folder = Path(tempfile.mkdtemp(prefix="renditions-"))
    for name in args.only or RENDITIONS:
        path = render_rendition(text, name, folder)
        pages = page_count(path)
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            document = read_pdf(path, workers=2)
            times.append(time.perf_counter() - start)
        found = extract_report(document, indicators, entities)
        result = agreement(expected, found)
        said = agreement(expected, found, sentences=True)
        print(
            f"{name:10s} pages {pages:4d}  blocks: recall {result.recall:6.2%}  precision "
            f"{result.precision:6.2%}  sentences: recall {said.recall:6.2%}  precision "
            f"{said.precision:6.2%}  s/page {statistics.median(times) / pages:.4f} "
            f"(total {statistics.median(times):.2f} s)"
        )
        for line in result.differences()[: args.show]:
            print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
