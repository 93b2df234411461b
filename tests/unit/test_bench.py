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


def test_the_huge_size_reports_memory_search_and_site_size_beside_their_goals():
    huge = SizeResult(100_000, full=[400.0], floor=[350.0], full_tree_pss_kb=[1500 * 1024])
    huge.search = {"seconds": 95.5, "tree_pss_kb": 800 * 1024, "files": 9_000, "bytes": 50 * 2**20}
    huge.first_search = {
        "zh": {"kb": 180.5, "query": "高标准农田", "files": {}},
        "en": {"kb": 230.0, "query": "farmland", "files": {}},
    }
    huge.site_files, huge.site_bytes, huge.site_disk_bytes = 500_000, 6 * 2**30, 7 * 2**30
    rows = {line.split("  ")[0]: line.split() for line in goals_table([huge], None).splitlines()}
    assert rows["100,000 targets: full build ÷ floor"][-3:] == ["1.14", "NOT", "met"]
    assert rows["100,000 targets: all processes PSS MB"][-4:] == ["1024", "1,500", "NOT", "met"]
    assert "100,000 targets: one-target rebuild s" not in rows  # one round, no rebuild
    assert rows["100,000 targets: Pagefind index s"][-2:] == ["95.5", "—"]
    assert rows["100,000 targets: Pagefind peak PSS MB (with parent)"][-2:] == ["800", "—"]
    assert rows["100,000 targets: first search KB, zh (高标准农田)"][-2:] == ["180.5", "met"]
    assert rows["100,000 targets: first search KB, en (farmland)"][-3:] == ["230.0", "NOT", "met"]
    site = " ".join(rows["100,000 targets: site files / MB (with index)"])
    assert "(reported) 500,000 / 6,144 (7,168 on disk) —" in site


def test_synthetic_content_beyond_one_report_is_several_valid_reports(tmp_path, monkeypatch):
    """At 100,000 targets (--huge) the synthetic site is ten reports of 10,000: one report's
    targets/ folder may hold 50,000 files and its text 4 MB."""
    from benchmarks.synthetic import files
    from generator.load import load
    from generator.validate import validate

    monkeypatch.setattr(files, "PER_REPORT", 10)
    files.make_content(tmp_path / "c", 25, 2021)
    reports = sorted(p.name for p in (tmp_path / "c" / "reports").iterdir())
    assert reports == ["r1", "r2", "r3"]
    assert not (tmp_path / "c" / "targets").exists()
    site, problems = validate(load(tmp_path / "c"))
    assert site is not None, [str(p) for p in problems]
    assert len(site.targets) == 25 and len({t.id for t in site.targets}) == 25
    assert sorted({t.id.rsplit("-", 1)[1] for t in site.targets}) == reports


def test_at_the_huge_size_the_smaller_sizes_sites_are_gone_before_its_first_round(
    tmp_path, monkeypatch
):
    """Every round of a size of PURGE_FROM targets or more, the full build's as the floor's,
    starts beside no site left by the sizes before it."""
    from benchmarks import sizes

    work = tmp_path / "work"
    left = work / sizes.TRASH / "out-10000-full-0"
    left.mkdir(parents=True)
    seen: list[tuple[str, bool]] = []

    def full_round(res, content, r, rounds, work, log):
        seen.append(("full", left.exists()))

    def floor_round(res, content, r, work, log):
        seen.append(("floor", left.exists()))

    monkeypatch.setattr(sizes, "PURGE_FROM", 20)
    monkeypatch.setattr(sizes, "_full_round", full_round)
    monkeypatch.setattr(sizes, "_floor_round", floor_round)
    sizes.bench_size(20, 2, work, log=lambda line: None, incremental=False)
    assert seen == [("full", False), ("floor", False)] * 2
