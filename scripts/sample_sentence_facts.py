"""Draw a seeded sample of sentence figures for a reader to judge.

    python scripts/sample_sentence_facts.py [--seed 2026] [--size 200] > sample.csv

One row per figure read from a sentence of the shipped text export (extractor
`sentences`): its line, the exact span, the value, unit and qualifier, the label, entity and
period the warehouse gives it, and the whole line. The judge gets this file and the export,
never the extractor.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.extract.prose import EXTRACTOR  # noqa: E402
from scripts.sentence_agreement import REPORT, figures_frame  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--size", type=int, default=200)
    args = parser.parse_args(argv)
    frame, result = figures_frame(REPORT)
    extractors = [f.extractor for f in result.figures]
    frame["extractor"] = extractors
    frame["line_text"] = [f.source_text for f in result.figures]
    sentences = frame[frame.extractor == EXTRACTOR]
    sample = sentences.sample(n=min(args.size, len(sentences)), random_state=args.seed)
    columns = ["line", "source_span", "value", "unit", "qualifier", "label", "entity_name",
               "period_kind", "period_start", "period_end", "line_text"]  # fmt: skip
    sample.sort_values(["line"])[columns].to_csv(sys.stdout, index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
