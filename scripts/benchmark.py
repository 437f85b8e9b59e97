"""Print the build's timings: each step, the PDF reader per page and per document (one and
two processes), and a cold `indicators build`.

Run with `make bench-steps`. Times vary with the machine's load: compare medians and the ratios
taken in the same run rather than absolute figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.extract.report import extract_report  # noqa: E402
from pipelines.extract.staging import to_staging  # noqa: E402
from pipelines.load import warehouse as wh  # noqa: E402
from pipelines.read.pdf import page_count, read_pages, read_pdf  # noqa: E402
from pipelines.read.text_export import read_text_export  # noqa: E402
from pipelines.run import steps  # noqa: E402
from pipelines.settings import REFERENCE_DIR, Settings, shipped_reports  # noqa: E402
from pipelines.validate.tables import validate_staging  # noqa: E402
from schemas.catalog import load_entity_catalog, load_indicator_catalog  # noqa: E402


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def line(name: str, seconds: list[float], unit: str = "ms") -> None:
    scale = 1000 if unit == "ms" else 1
    values = [s * scale for s in seconds]
    spread = f"min {min(values):.1f}, max {max(values):.1f}"
    print(
        f"{name:<40} {statistics.median(values):9.1f} {unit:<3} (median of {len(values)}; {spread})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of the fast steps")
    parser.add_argument("--pdf-runs", type=int, default=3, help="runs of whole-PDF reads")
    parser.add_argument("--cold-builds", type=int, default=2, help="cold CLI builds to time")
    args = parser.parse_args()

    text, pdf = shipped_reports()
    document = read_text_export(text)
    indicators = load_indicator_catalog()
    entities = load_entity_catalog(document.departement_code)
    extraction = extract_report(document, indicators, entities)
    frames = to_staging(document, extraction)
    pages = page_count(pdf)
    print(
        f"{text.name}: {len(extraction.figures)} figures; {pdf.name}: {pages} pages; "
        f"{os.cpu_count()} cores"
    )

    line("read text export", timed(lambda: read_text_export(text), args.runs))
    line(
        "extract (all extractors)",
        timed(lambda: extract_report(document, indicators, entities), args.runs),
    )
    line("validate (pandera)", timed(lambda: validate_staging(frames), args.runs))

    per_page = [t / 10 for t in timed(lambda: read_pages(pdf, 40, 49), args.runs)]
    line("PDF: one page (pages 40-49 / 10)", per_page)
    one = timed(lambda: read_pdf(pdf, workers=1), args.pdf_runs)
    two = timed(lambda: read_pdf(pdf, workers=2), args.pdf_runs)
    line("PDF: whole document, 1 process", one, "s")
    line("PDF: whole document, 2 processes", two, "s")
    ratio = statistics.median(two) / statistics.median(one)
    print(f"{'PDF: 2 processes / 1 process':<40} {ratio:9.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "indicators.duckdb"
        staging = Path(tmp) / "staging"
        workers = Settings.from_environment().pdf_workers
        staged = [
            steps.validate_staged(steps.stage_report(p, staging, workers)) for p in (text, pdf)
        ]
        reference = steps.stage_reference(REFERENCE_DIR, [2022], staging)
        staged += [steps.validate_staged(s) for s in reference.sources]

        def load_check_publish() -> None:
            candidate = steps.load_candidate(staged, target, reference)
            steps.check_warehouse(candidate)
            wh.publish(candidate, target)

        line("load + check + publish", timed(load_check_publish, args.runs))
        cold = []
        for i in range(args.cold_builds):
            out = Path(tmp) / f"cold-{i}" / "indicators.duckdb"
            start = time.perf_counter()
            subprocess.run(
                [str(Path(sys.executable).parent / "indicators"), "build", "--warehouse", str(out)],
                check=True, capture_output=True,
                env={**os.environ, "INDICATORS_STAGING_DIR": str(Path(tmp) / f"cold-staging-{i}")},
            )  # fmt: skip
            cold.append(time.perf_counter() - start)
        if cold:
            line("cold `indicators build` (text+pdf+ref)", cold, "s")


if __name__ == "__main__":
    main()
