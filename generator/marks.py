"""Where each commitment's words are in a paragraph of the report: the paragraph's HTML split
into segments, for the template that marks and links them (macros/pieces.html, quote_marks).

A pure function of its arguments: no markup is made here. The paragraph's HTML is
markdown-it's (raw HTML off); a quote is looked for in it escaped the same way, so a match
never crosses into markup, and a quote that spans a tag boundary (rare) stays unmarked (the
report page lists every commitment of a paragraph under it anyway).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from markupsafe import Markup, escape

T = TypeVar("T")

# a run of the paragraph's own HTML, or (a quote's escaped text, what it quotes)
Segment = Markup | tuple[Markup, T]


def segments(html: str, quotes: Iterable[tuple[str, T]]) -> tuple[Segment[T], ...]:
    """`html` cut around the first place each quote (plain text) appears, longest first.

    A quote is marked where it first appears unbroken by an earlier (longer) mark; when that
    place is inside a longer quote already marked, or a quote equals one already marked, it is
    not marked again. Joining the segments' text gives `html` back."""
    spans: list[tuple[int, int, T]] = []
    done: set[str] = set()
    for quote, item in sorted(quotes, key=lambda q: -len(q[0])):
        text = str(escape(quote))
        if not text or text in done:
            continue
        start = _first_unbroken(html, text, spans)
        if start is None or any(a <= start and start + len(text) <= b for a, b, _ in spans):
            continue  # nowhere, or inside a longer quote already marked
        done.add(text)
        spans.append((start, start + len(text), item))
    out: list[Segment[T]] = []
    at = 0
    for start, end, item in sorted(spans, key=lambda s: s[0]):
        if start > at:
            out.append(Markup(html[at:start]))
        out.append((Markup(html[start:end]), item))
        at = end
    if at < len(html) or not out:
        out.append(Markup(html[at:]))
    return tuple(out)


def _first_unbroken(html: str, text: str, spans: list[tuple[int, int, T]]) -> int | None:
    """The first place `text` appears that no mark's edge cuts through."""
    start = html.find(text)
    while start >= 0:
        end = start + len(text)
        if not any(start < a < end or start < b < end for a, b, _ in spans):
            return start
        start = html.find(text, start + 1)
    return None


def commitment_segments(block: Any, views: tuple[Any, ...]) -> tuple[Segment[Any], ...]:
    """A report paragraph (model.Block) cut around the quotes of its commitments (TargetViews):
    each quote's segment carries the view it quotes."""
    return segments(str(block.html), [(v.target.quote, v) for v in views])
