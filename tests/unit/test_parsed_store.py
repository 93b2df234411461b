"""loadfiles.ParsedStore: a build keeps parsed YAML on disk for the next one. A file read
from the store must give the value parsing it gives; an edited file is parsed again; a file
with a problem is reported every time and never kept."""

import shutil
from pathlib import Path

import pytest

from generator import loadfiles
from generator.load import Loader

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(MINIMAL, folder)
    return folder


@pytest.fixture
def store_dir(tmp_path, monkeypatch):
    folder = tmp_path / "store"
    monkeypatch.setattr(loadfiles.ParsedStore, "FOLDER", folder)
    return folder


@pytest.fixture
def parses(monkeypatch):
    """The texts parse_yaml parsed (what the store did not give)."""
    seen: list[str] = []
    real = loadfiles.parse_yaml

    def counting(text, shown):
        seen.append(shown)
        return real(text, shown)

    monkeypatch.setattr(loadfiles, "parse_yaml", counting)
    return seen


def values(src):
    docs = [src.site, src.counties, src.sections, *src.targets]
    return [(d.file, d.value, d.text) for d in docs]


def test_a_second_load_reads_the_store_and_gets_the_same_values(content, store_dir, parses):
    first = Loader(content, store=True).load()
    assert parses, "the first load parses"
    assert list(store_dir.glob("*.marshal"))
    parses.clear()
    second = Loader(content, store=True).load()
    assert parses == []
    assert values(second) == values(first) == values(Loader(content).load())


def test_an_edited_file_is_parsed_again(content, store_dir, parses):
    Loader(content, store=True).load()
    target = sorted((content / "targets").glob("*.yaml"))[0]
    text = target.read_text("utf-8")
    target.write_text(text.replace("title:", "# edited\ntitle:", 1), "utf-8")
    parses.clear()
    src = Loader(content, store=True).load()
    assert [Path(p).name for p in parses] == [target.name]
    doc = next(d for d in src.targets if d.file.endswith(target.name))
    assert doc.text.startswith(text.split("title:")[0] + "# edited")


def test_a_file_with_a_problem_is_reported_every_time(content, store_dir):
    target = sorted((content / "targets").glob("*.yaml"))[0]
    target.write_text("id: [unclosed\n", "utf-8")
    for _ in range(2):
        src = Loader(content, store=True).load()
        assert any(p.pos.file.endswith(target.name) for p in src.problems)


def test_another_parser_version_discards_the_store(content, store_dir, parses, monkeypatch):
    Loader(content, store=True).load()
    monkeypatch.setattr(loadfiles, "_parser_stamp", lambda: "another parser")
    parses.clear()
    Loader(content, store=True).load()
    assert len(parses) >= 3


def test_the_report_is_read_from_the_store_as_parsed(content, store_dir, monkeypatch):
    first = Loader(content, store=True).load()
    calls: list[str] = []
    real = loadfiles.parse_report
    monkeypatch.setattr(loadfiles, "parse_report", lambda t, s: calls.append(s) or real(t, s))
    second = Loader(content, store=True).load()
    assert calls == []
    assert second.report == first.report == Loader(content).load().report
    assert all(
        type(b.html) is type(a.html)
        for a, b in zip(first.report["zh"], second.report["zh"], strict=True)
    )
