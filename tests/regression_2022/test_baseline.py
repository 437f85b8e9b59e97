"""`indicators baseline`: the accepted findings rewritten from a check run, justifications kept."""

from __future__ import annotations

import yaml

from pipelines.check.checks import BASELINE
from pipelines.run.cli import EXIT_OK, main


def test_a_baseline_written_elsewhere_keeps_every_justification(
    existing_warehouse, tmp_path, capsys
) -> None:
    target = tmp_path / "review" / "accepted.yaml"
    target.parent.mkdir()
    assert main(["baseline", "--warehouse", str(existing_warehouse), "--output", str(target)]) == (
        EXIT_OK
    )
    shipped = yaml.safe_load(BASELINE.read_text(encoding="utf-8"))
    written = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert capsys.readouterr().out == (
        f"{target}: {len(shipped)} entries kept, 0 added (justify each one: they say "
        "'TO REVIEW'), 0 removed (no longer failing)\n"
    )
    assert sorted(e["why"] for e in written) == sorted(e["why"] for e in shipped)
    assert not [e for e in written if str(e["why"]).startswith("TO REVIEW")]
