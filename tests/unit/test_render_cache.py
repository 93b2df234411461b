"""The render stage's reuse (generator/incremental.py): markup is kept by key and reused
only for the same inputs, and a renderer gives the same bytes with or without it."""

from __future__ import annotations

from generator.incremental import NO_CACHE, RenderCache
from tests.built import built
from tests.casefile import MINIMAL


def test_kept_markup_is_reused_only_for_the_same_arguments():
    cache, made = RenderCache(), []

    def make(text: str):
        return lambda: made.append(text) or f"<b>{text}</b>"

    view = object()
    assert cache.get(("row", 1), (view,), make("a")) == "<b>a</b>"
    assert cache.get(("row", 1), (view,), make("b")) == "<b>a</b>"  # same object: kept
    assert cache.get(("row", 1), (object(),), make("c")) == "<b>c</b>"  # another: made again
    assert cache.get(("row", 1), ("x", 2), make("d")) == "<b>d</b>"
    assert cache.get(("row", 1), ("x", 2), make("e")) == "<b>d</b>"  # equal plain values
    assert made == ["a", "c", "d"]
    assert NO_CACHE.get(("row", 1), ("x", 2), make("f")) == "<b>f</b>"  # keeps nothing


def test_the_least_recently_used_entry_goes_first_beyond_the_limit():
    cache = RenderCache(limit=2)
    cache.get("a", (), lambda: "A")
    cache.get("b", (), lambda: "B")
    cache.get("a", (), lambda: "A2")  # used again: now the most recent
    cache.get("c", (), lambda: "C")  # over the limit: "b" goes
    assert len(cache) == 2
    assert cache.get("a", (), lambda: "A3") == "A"
    assert cache.get("b", (), lambda: "B2") == "B2"


def test_pieces_kept_or_made_afresh_give_the_same_pages(tmp_path, monkeypatch):
    """A build's renderer keeps rows and badges only; one that keeps every piece in a small
    cache (evicting as it goes, as a long `serve` session would) writes the same bytes."""
    from generator import render

    plain = built(MINIMAL, tmp_path / "plain").files
    monkeypatch.setattr(render, "RenderCache", lambda *_: RenderCache(50, pieces=True))
    kept = built(MINIMAL, tmp_path / "kept").files
    pages = [p for p in plain if p.endswith(".html")]
    assert len(pages) > 50 and all(plain[p] == kept[p] for p in pages)
