"""`python -m benchmarks` (make bench) on a tiny size: the table, the JSON and every measurement;
and the parts of the benchmark that need no build."""

import json
from pathlib import Path

from benchmarks.command import bench_command
from benchmarks.report import goals_table
from benchmarks.sizes import SizeResult


def test_bench_measures_a_full_build_the_floor_and_incremental_edits(runner, tmp_path: Path):
    out = tmp_path / "bench.json"
    result = runner.invoke(
        bench_command,
        [
            "--sizes",
            "30",
            "--rounds",
            "1",
            "--json",
            str(out),
            "--out-dir",
            str(tmp_path / "work"),
            "--no-pages",  # the browser measurements: benchmarks/pagebench.py, not run here
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


def test_the_goals_table_says_met_or_not_met_beside_each_figure():
    big = SizeResult(10_000, full=[15.0], floor=[16.0], full_maxrss_kb=[350 * 1024])
    big.incremental, big.incremental_detail = 0.25, {"first_seconds": 0.5, "min_seconds": 0.2}
    pages = {"pages": [{"kind": "home", "lang": "zh", "first_load_kb": 29.8}]}
    rows = {line.split("  ")[0]: line.split() for line in goals_table([big], pages).splitlines()}
    assert rows["10,000 targets: full build ÷ floor"][-1] == "met"
    assert rows["10,000 targets: peak RSS MB"][-2:] == ["NOT", "met"]
    assert rows["10,000 targets: one-target rebuild s"][-2:] == ["0.250", "met"]
    assert rows["10,000 targets: first edit after start s"][-2:] == ["NOT", "met"]
    assert rows["pages: first load KB (worst: home zh; 1 of 1 met)"][-2:] == ["29.8", "met"]
