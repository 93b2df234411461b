"""A report's text → paragraphs → clauses: where extract looks for commitments."""

from __future__ import annotations

import re
from typing import Any

from .model import _Q
from .patterns import _CLOSE, _COMMA, _ENUMERATOR, _HEADING, _OPEN, _QUOTES, _SENTENCE_END


def paragraphs(
    text: str, fmt: str = "auto", problems: list[Any] | None = None, file: str = "report"
) -> list[tuple[str, str, str]]:
    """The report's blocks in order as (id, kind, text); kind is "heading" or "paragraph".

    fmt "md": the report Markdown with {#id} lines, parsed exactly as the build parses it.
    fmt "txt": plain text, paragraphs separated by blank lines, ids p-auto-1, p-auto-2, …
    fmt "auto": "md" when the text has a {#id} line, else "txt".
    problems: receives the parser's Diagnostics (a Markdown block without an id is dropped).
    """
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    if fmt == "auto":
        fmt = "md" if re.search(r"^\{#[^}\s]+\}\s*$", text, re.M) else "txt"
    if fmt == "md":
        from generator.report import parse

        found: list[Any] = []
        blocks = [(b.id, b.kind, b.text) for b in parse(text, file, found)]
        if problems is not None:
            problems.extend(found)
        return blocks
    chunks = [c for c in re.split(r"\n\s*\n", text) if c.strip()]
    bodies = [
        (f"p-auto-{i}", "".join(x.strip() for x in c.splitlines())) for i, c in enumerate(chunks, 1)
    ]
    return [(pid, "heading" if _HEADING.match(body) else "paragraph", body) for pid, body in bodies]


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of every clause: split at sentence ends and commas outside quotes and
    brackets, with the edge punctuation and spaces trimmed."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN and not (ch == '"' and depth):
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif ch in _SENTENCE_END or (depth == 0 and ch in _COMMA):
            spans.append((start, i))  # a sentence end also closes an unbalanced quotation
            start, depth = i + 1, 0
    spans.append((start, len(text)))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s[1] > s[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and 、 at both ends, and an enumerator (一是, 二是, （1）) at the start."""
    m = _ENUMERATOR.match(text, start, end)
    if m:
        start = m.end()
    while start < end and (text[start].isspace() or text[start] in "、"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "、"):
        end -= 1
    return start, end


def _blocked(text: str, noise: list[str]) -> list[tuple[int, int]]:
    """Spans whose numbers are never aims: quotations and known not-targets."""
    spans = [m.span() for m in _QUOTES.finditer(text)]
    for item in noise:
        spans += [(m.start(), m.start() + len(item)) for m in re.finditer(re.escape(item), text)]
    return spans


def _split_lists(text: str, start: int, end: int, qs: list[_Q]) -> list[tuple[int, int, list[_Q]]]:
    """Split a clause at 、/及/和/并/与 where each side holds its own figure:
    完成植树造林16.7万亩、水土流失治理36.9万亩 → two clauses. A bare list of figures
    (分别达到60家、300家) stays one clause with two proposals."""
    cuts = []
    for i in range(start + 1, end - 1):
        if text[i] not in "、及和并与":
            continue
        left = [q for q in qs if q.end <= i]
        right = [q for q in qs if q.start > i]
        if not left or not right:
            continue
        if left[-1].end == i and right[0].start == i + 1:
            continue  # 60家、300家
        if any(q.start < i < q.end for q in qs) or _inside_quote(text, start, i):
            continue
        cuts.append(i)
    parts, a = [], start
    for c in cuts:
        parts.append((a, c))
        a = c + 1
    parts.append((a, end))
    out = []
    for s, e in parts:
        s, e = _trim(text, s, e)
        inside = [q for q in qs if s <= q.start and q.end <= e]
        if inside:
            out.append((s, e, inside))
    return out


def _inside_quote(text: str, start: int, i: int) -> bool:
    return text.count("“", start, i) > text.count("”", start, i)
