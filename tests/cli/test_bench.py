"""`python -m generator bench` on a tiny size: the table, the JSON and every measurement."""

import json
from pathlib import Path

from generator.cli import cli


def test_bench_measures_a_full_build_the_floor_and_incremental_edits(runner, tmp_path: Path):
    out = tmp_path / "bench.json"
    result = runner.invoke(
        cli,
        [
            "bench",
            "--sizes",
            "30",
            "--rounds",
            "1",
            "--json",
            str(out),
            "--out-dir",
            str(tmp_path / "work"),
            "--no-pages",  # the browser measurements: generator/pagebench.py, not run here
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "incremental med s" in result.output and "×" in result.output
    # every goal beside its figure
    assert "goals (issue 18)" in result.output
    assert "30 targets: full build ÷ floor" in result.output and "≤ 1.3×" in result.output
    (size,) = json.loads(out.read_text(encoding="utf-8"))["sizes"]
    assert size["targets"] == 30 and size["errors"] == []
    assert size["pages"] > 60 and size["floor_pages"] == size["pages"]
    assert 0 < size["full_min"] and 0 < size["floor_min"] and size["ratio"] > 0
    detail = size["incremental_detail"]
    assert len(detail["edits"]) == 9
    assert all(e["rendered"] and e["changed"] for e in detail["edits"])
    assert 0 < detail["min_seconds"] <= size["incremental"]
