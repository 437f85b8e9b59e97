"""Every reworded copy of the report (tests/data/reworded*/), written by readers who never saw
the extractor, reads to its end: no line of it fails to be read, and every curated indicator
of the shipped report is found in it. (How well each copy's figures agree with its key is
measured by `scripts/sentence_agreement.py`; a copy once made the extraction recurse without
end on one line, which no test of the shipped report could see.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.extract.report import extract_report
from pipelines.read.text_export import read_text_export

pytestmark = pytest.mark.slow  # `make test-slow`, and CI

COPIES = sorted(Path(__file__).parents[1].joinpath("data").glob("reworded*/*-reworded.txt"))


@pytest.fixture(scope="module")
def curated_in_the_report(document, indicators, entities) -> set[str]:
    """The curated indicators the shipped export states."""
    result = extract_report(document, indicators, entities)
    return {f.indicator_code for f in result.figures} & set(indicators.indicators)


@pytest.mark.parametrize("export", COPIES, ids=[p.parent.name for p in COPIES])
def test_a_reworded_copy_reads_to_its_end(
    export: Path, curated_in_the_report: set[str], indicators, entities
) -> None:
    result = extract_report(read_text_export(export), indicators, entities)
    failed = [r for r in result.rejects if r.reason.startswith("the line could not be read")]
    assert failed == [], [(r.location.line, r.reason) for r in failed]
    found = {f.indicator_code for f in result.figures} & set(indicators.indicators)
    assert sorted(curated_in_the_report - found) == []
