"""Incremental rebuilds (the `serve` path) give exactly the bytes of a full build."""

from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.session import Session
from tests.built import built


def disk(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def full_build(content: Path) -> dict[str, bytes]:
    """What `build` writes for the content as it is now, manifest included."""
    return built(content, content.parent / "full").files


EDITS = [
    (
        "status change",
        "targets/farmers.yaml",
        lambda t: t.replace(
            "updates: []",
            "updates:\n  - date: 2021-06-01\n    status: in_progress\n"
            '    value: 3000\n    source: {title: t, url: "https://example.org/x"}',
        ),
    ),
    (
        "title change",
        "targets/ruicheng-acceptance.yaml",
        lambda t: t.replace("Ruicheng passes", "Ruicheng County passes"),
    ),
    ("report edit", "report/en.md", lambda t: t.replace("Support Ruicheng", "Help Ruicheng")),
    (
        "move to another part of the report (its related lists and the order change)",
        "targets/farmers.yaml",
        lambda t: t.replace(
            "section: agriculture\ntheme: farmland", "section: tourism\ntheme: scenic"
        ),
    ),
    (
        "a second update in another month (the changes archive grows)",
        "targets/farmers.yaml",
        lambda t: (
            t.rstrip("\n")
            + "\n  - date: 2021-11-15\n    status: on_track\n    value: 5000\n"
            + '    source: {title: t2, url: "https://example.org/y"}\n'
        ),
    ),
]


def test_a_series_of_edits_equals_full_builds(content: Path, tmp_path: Path):
    out = tmp_path / "out"
    session = Session(content, out, commit=False)
    session.full()
    assert disk(out) == full_build(content)
    for _name, rel, edit in EDITS:
        path = content / rel
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
        result = session.rebuild({path})
        assert result.changed, f"{_name} changed nothing"
        assert disk(out) == full_build(content), _name


def test_one_target_edit_renders_only_the_pages_it_affects(content: Path, tmp_path: Path):
    session = Session(content, tmp_path / "out", commit=False)
    everything = session.full().rendered
    path = content / "targets" / "farmers.yaml"
    path.write_text(path.read_text().replace("Train at least", "Train no fewer than"))
    result = session.rebuild({path})
    assert 0 < result.rendered < everything
    assert "en/targets/farmers/index.html" in result.changed
    assert "zh/targets/ruicheng-acceptance/index.html" not in result.changed


def test_adding_and_deleting_a_target(content: Path, tmp_path: Path):
    out = tmp_path / "out"
    session = Session(content, out, commit=False)
    session.full()
    new = content / "targets" / "farmers-two.yaml"
    new.write_text(
        (content / "targets" / "farmers.yaml").read_text().replace("id: farmers", "id: farmers-two")
    )
    session.rebuild({new})
    assert disk(out) == full_build(content)
    assert (out / "zh" / "targets" / "farmers-two" / "index.html").exists()
    new.unlink()
    session.rebuild({new})
    assert disk(out) == full_build(content)
    assert not (out / "zh" / "targets" / "farmers-two").exists()


def test_invalid_content_keeps_the_last_good_site(content: Path, tmp_path: Path):
    out = tmp_path / "out"
    session = Session(content, out, commit=False)
    session.full()
    before = disk(out)
    path = content / "targets" / "farmers.yaml"
    path.write_text("id: farmers\nstatus: [\n")
    with pytest.raises(ContentError):
        session.rebuild({path})
    assert disk(out) == before


def test_a_parallel_first_build_leaves_the_session_warm_and_exact(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Workers render the targets' pages; the session's own process renders the pages every
    edit renders again (lists, counts), so their rows are cached for the first edit."""
    monkeypatch.setenv("HEDONG_WORKERS", "2")
    out = tmp_path / "out"
    session = Session(content, out, commit=False)
    session.full()
    assert disk(out) == full_build(content)
    assert len(session.renderer.cache), "no list row was rendered in the session's process"
    _name, rel, edit = EDITS[0]
    path = content / rel
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert session.rebuild({path}).changed
    assert disk(out) == full_build(content)
