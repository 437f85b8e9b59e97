"""`indicators inspect-pdf`: what the reader saw on one page of the shipped PDF."""

from __future__ import annotations

import pytest

from pipelines.run.cli import main
from pipelines.settings import shipped_reports

PDF = shipped_reports()[1]


def test_inspect_a_page_and_draw_it(capsys, tmp_path) -> None:
    png = tmp_path / "page.png"
    assert main(["inspect-pdf", str(PDF), "--page", "5", "--png", str(png)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("page 5 of 117\ncolumns (1): x 56-")
    assert "running text dropped (1):\n  footer: — 5 —\n" in out
    assert "'UNE PROXIMITÉ QUOTIDIENNE' ~ 'UNE PROXIMITÉ QUOTIDIENNE' score 100" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_page_out_of_range_is_a_clear_error(capsys) -> None:
    assert main(["inspect-pdf", str(PDF), "--page", "500"]) == 3  # could not run
    assert "rapport-activites-2022.pdf: no page 500 (the file has 117 pages)" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize("page", ["0", "-1"])
def test_page_numbers_start_at_one(page: str, capsys) -> None:
    assert main(["inspect-pdf", str(PDF), "--page", page]) == 3  # could not run
    assert "no page" in capsys.readouterr().err
