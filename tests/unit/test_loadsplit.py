"""A large one-off build parses its content in two processes (generator/loadsplit.py): what
it loads, problems and their order included, is what one process loads."""

import os
import threading
from pathlib import Path

import pytest

from benchmarks.synthetic import files as synthetic
from generator import loadfiles, loadsplit
from generator.load import Loader
from generator.validate import validate

ROOT = Path(__file__).resolve().parents[2]


def loaded(content: Path, split: bool, monkeypatch: pytest.MonkeyPatch):
    """Everything a one-off build's load gives, as comparable values."""
    monkeypatch.setattr(loadsplit, "SPLIT_FROM", 0 if split else 10**9)
    monkeypatch.setattr(loadsplit, "cores", lambda: 2)  # also where CI has one core
    src = Loader(content, keep=False).load()
    docs = [src.site, src.counties, src.sections, *src.targets]
    for r in src.reports:
        docs += [r.meta, r.sections, *r.targets]
    values = [(d.file, d.value, d.disk, d.crc, d.text) if d else None for d in docs]
    texts = [src.report] + [(r.report, r.report_files) for r in src.reports]
    return values, texts, [p.format() for p in src.problems]


@pytest.fixture
def several(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three reports of 40 targets each (content/reports/r1 … r3); messages name their files
    from tmp_path, as content/reports/…"""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(synthetic, "PER_REPORT", 40)
    synthetic.make_content(tmp_path / "content", 120)
    return tmp_path / "content"


@pytest.fixture
def helpers(monkeypatch: pytest.MonkeyPatch) -> list[loadsplit.Helper]:
    """Every helper forked, in order."""
    made: list[loadsplit.Helper] = []
    init = loadsplit.Helper.__init__

    def record(self, *args):
        init(self, *args)
        made.append(self)

    monkeypatch.setattr(loadsplit.Helper, "__init__", record)
    return made


def test_two_processes_load_what_one_does(several, monkeypatch, helpers):
    assert loaded(several, True, monkeypatch) == loaded(several, False, monkeypatch)
    assert len(helpers) == 1
    # the helper took the back half: the last report's files, and some of the second's
    paths = helpers[0].paths
    assert set((several / "reports/r3/targets").iterdir()) <= paths
    assert {several / "reports/r3/zh.md", several / "reports/r3/en.md"} <= paths
    assert not set((several / "reports/r1/targets").iterdir()) & paths
    assert 40 < len(paths) < 80


def test_the_real_content_loads_the_same_in_two_processes(monkeypatch):
    content = ROOT / "content"
    one, two = loaded(content, False, monkeypatch), loaded(content, True, monkeypatch)
    assert one == two
    assert len(one[0]) > 150  # the site, counties, and every report's files and targets


def test_problems_in_the_helpers_half_are_named_in_order(several, monkeypatch, helpers):
    targets = sorted((several / "reports/r3/targets").iterdir())
    targets[5].write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    targets[9].write_bytes("title: 农民\n".encode("gbk"))
    targets[20].write_text("id: a\nid: b\n", encoding="utf-8")
    one = loaded(several, False, monkeypatch)
    two = loaded(several, True, monkeypatch)
    assert two == one
    assert {targets[5], targets[9], targets[20]} <= helpers[-1].paths
    named = [m for m in two[2] if "reports/r3/targets/" in m]
    assert [m.split(":", 1)[0] for m in named] == [
        str(targets[i].relative_to(several.parent)) for i in (5, 9, 20)
    ]


def test_the_build_process_parses_only_the_front_half(several, monkeypatch, helpers):
    parsed: list[str] = []
    parse = loadfiles.parse_yaml

    def counted(text, shown, disk=""):
        parsed.append(shown)  # in this process only: the helper's list is its own copy
        return parse(text, shown, disk)

    monkeypatch.setattr(loadfiles, "parse_yaml", counted)
    values, _, problems = loaded(several, True, monkeypatch)
    assert problems == []
    every = {Path(v[0]).name for v in values if v and "/targets/" in v[0]}
    helped = {p.name for p in helpers[0].paths if p.suffix == ".yaml"}
    assert len(every) == 120 and 40 < len(helped) < 80
    assert {Path(p).name for p in parsed if "/targets/" in p} == every - helped


def test_a_file_changed_after_the_helper_read_it_is_read_again(several, monkeypatch, helpers):
    last = sorted((several / "reports/r3/targets").iterdir())[-1]
    take = loadsplit.Helper.take

    def edit_then_take(self):
        made = take(self)
        assert last in made  # the helper parsed it: now a staff member saves it again
        last.write_text(last.read_text(encoding="utf-8").replace("title:", "title_:", 1))
        return made

    monkeypatch.setattr(loadsplit.Helper, "take", edit_then_take)
    values, _, problems = loaded(several, True, monkeypatch)
    doc = next(v for v in values if v and v[0].endswith(last.name))
    assert "title_" in doc[1]


def test_a_failed_helper_changes_nothing(several, monkeypatch, helpers):
    def fail(*args, **kwargs):
        raise RuntimeError("the helper fails")  # in the helper, which exits with 1

    one = loaded(several, False, monkeypatch)
    monkeypatch.setattr(loadsplit.pickle, "dump", fail)
    assert loaded(several, True, monkeypatch) == one
    assert helpers and helpers[-1].take() == {}


def test_no_helper_is_left_running(several, monkeypatch, helpers):
    loaded(several, True, monkeypatch)
    with pytest.raises(ChildProcessError):  # reaped: no such child any more
        os.waitpid(helpers[0].pid, os.WNOHANG)


def test_a_load_that_stops_early_ends_its_helper(tmp_path, monkeypatch, helpers):
    content = tmp_path / "content"
    synthetic.make_content(content, 60)
    monkeypatch.setattr("generator.load.MAX_TARGETS", 10)  # refused before any target is read
    _, _, problems = loaded(content, True, monkeypatch)
    assert [p for p in problems if "more than 10" in p], problems
    assert len(helpers) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(helpers[0].pid, os.WNOHANG)


def test_no_helper_beside_other_threads_or_with_one_core(several, monkeypatch, helpers):
    monkeypatch.setattr(loadsplit, "SPLIT_FROM", 0)
    monkeypatch.setattr(loadsplit, "cores", lambda: 2)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        Loader(several, keep=False).load()
    finally:
        stop.set()
        other.join()
    monkeypatch.undo()
    monkeypatch.setattr(loadsplit, "SPLIT_FROM", 0)
    monkeypatch.setenv("HEDONG_WORKERS", "1")
    Loader(several, keep=False).load()
    assert helpers == []


def test_a_serve_session_never_forks_a_helper(several, monkeypatch, helpers):
    monkeypatch.setattr(loadsplit, "SPLIT_FROM", 0)
    loader = Loader(several)  # keep=True: a session's
    site, problems = validate(loader.load())
    assert site is not None and problems == []
    assert helpers == []
