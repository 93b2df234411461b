"""The synthetic content used by the benchmark is valid, deterministic and quick to make."""

from pathlib import Path

from benchmarks.synthetic import make_content
from generator.load import load
from generator.validate import validate


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_50_targets_validate_without_problems(tmp_path):
    make_content(tmp_path / "content", 50)
    site, problems = validate(load(tmp_path / "content"))
    assert [p.format() for p in problems] == []
    assert site is not None
    assert len(site.targets) == 50
    assert len(site.sections) == 7
    assert all(3 <= len(s.themes) <= 5 for s in site.sections)
    assert len(site.counties) == 13


def test_50_targets_mix_the_real_cases(tmp_path):
    make_content(tmp_path / "content", 50)
    site, _ = validate(load(tmp_path / "content"))
    assert site is not None
    assert {t.metric.kind for t in site.targets} == {"quantity", "milestone", "qualitative"}
    assert any(t.counties == ("all",) for t in site.targets)
    assert any(t.counties != ("all",) for t in site.targets)
    assert {len(t.updates) for t in site.targets} >= {0, 1, 2, 3}
    assert any(u.counties for t in site.targets for u in t.updates)
    for t in site.targets:
        assert [u.date for u in t.updates] == sorted(u.date for u in t.updates)
        for u in t.updates:
            if u.counties and u.value is not None:
                assert sum(v for _, v in u.counties) <= u.value
    paragraphs = [b for b in site.report.zh if b.kind == "paragraph"]
    assert all(120 <= len(b.text) for b in paragraphs)


def test_same_arguments_give_the_same_bytes(tmp_path):
    make_content(tmp_path / "a", 120, seed=7)
    make_content(tmp_path / "b", 120, seed=7)
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert len(first) == 120 + 8  # targets + site, counties, sections, 2 reports, map, 2 lists
    assert first == second
    make_content(tmp_path / "c", 120, seed=8)
    assert tree(tmp_path / "c") != first


def test_regenerating_into_the_same_folder_replaces_the_targets(tmp_path):
    make_content(tmp_path / "content", 30)
    make_content(tmp_path / "content", 10)
    assert len(list((tmp_path / "content" / "targets").iterdir())) == 10


def test_500_targets_make_500_files(tmp_path):  # no timing here: timings are `make bench`'s
    make_content(tmp_path / "content", 500)
    assert len(list((tmp_path / "content" / "targets").iterdir())) == 500
