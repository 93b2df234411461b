"""Quotes: finding a target's quote in its paragraph, and saying how a wrong one differs.

A quote matches whatever the width of its punctuation (the printed report has ，（）where
the 2021 report's zh.md has ,()); the report's own form is kept, which the site shows and marks.
A quote that is not there gets a hint with the nearest passage and what differs in 【】.
"""

from __future__ import annotations

import dataclasses
import difflib

from generator.errors import Msg
from generator.model import Target
from generator.yamlnodes import Path

# Full-width forms of ASCII (U+FF01-FF5E: ，（）；：！？ digits, letters) and the ideographic
# space read as their ASCII selves when a quote is looked for: the printed report has ，（）
# where the 2021 report's zh.md has ,(), and a quote typed or pasted from either must match.
# One character for one, so a match's offsets are the paragraph's own.
_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _fold(text: str) -> str:
    return text.translate(_HALF_WIDTH)


def find_quote(quote: str, text: str) -> str | None:
    """The paragraph's own words for a quote: the quote itself when the text has it, else the
    passage that differs from it only in full-width or half-width punctuation; None when the
    text has neither."""
    if quote in text:
        return quote
    at = _fold(text).find(_fold(quote))
    return text[at : at + len(quote)] if at >= 0 else None


def in_their_own_words(target: Target, forms: dict[Path, str]) -> Target:
    """The target with its quotes as the report (or document) writes them: what the site shows
    and what it marks in the report's text."""
    updates = list(target.updates)
    for path, form in forms.items():
        if path[0] == "updates" and isinstance(path[1], int):
            i = path[1]
            found = updates[i].evidence
            if found is not None:
                evidence = dataclasses.replace(found, quote=form)
                updates[i] = dataclasses.replace(updates[i], evidence=evidence)
    return dataclasses.replace(
        target, quote=forms.get(("source",), target.quote), updates=tuple(updates)
    )


def _compare(a: str, b: str) -> tuple[int, int]:
    """(characters two texts share in order, edits from one to the other)."""
    common = edits = 0
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            common += a2 - a1
        else:
            edits += max(a2 - a1, b2 - b1)
    return common, edits


def _nearest(quote: str, text: str) -> str | None:
    """The passage of the text most like the quote (as long as it, give or take two
    characters), punctuation width aside; None when no passage shares half of it."""
    q, t = _fold(quote), _fold(text)
    size = len(q)
    matcher = difflib.SequenceMatcher(None, t, q, autojunk=False)
    blocks = sorted(matcher.get_matching_blocks(), key=lambda b: -b.size)[:5]
    starts = {max(0, b.a - b.b) for b in blocks if b.size}
    # and the window with most characters in place, for quotes that share no long run
    starts.add(max(range(max(1, len(t) - size + 1)), key=lambda s: sum(map(str.__eq__, t[s:], q))))
    best, best_score, best_common = (0, size), (-size - 3, 0), 0
    for start in starts:
        for shift in (0, -1, 1, -2, 2):
            for length in (size, size - 1, size + 1, size - 2, size + 2):
                a = max(0, start + shift)
                window = t[a : a + length]
                common, edits = _compare(window, q)
                # fewest edits; then the length nearest the quote's (a changed character
                # rather than one missing and one added)
                score = (-edits, -abs(len(window) - size))
                if score > best_score:
                    best, best_score, best_common = (a, length), score, common
    if best_common * 2 < size:
        return None
    a, length = best
    return text[a : a + length]


def _marked(ours: str, theirs: str, keep: int = 8) -> tuple[str, str]:
    """Both texts with the runs that differ in 【】 (an empty 【】 where one lacks what the
    other has), and long runs that agree shortened to … with `keep` characters either side."""
    a_out: list[str] = []
    b_out: list[str] = []
    ops = difflib.SequenceMatcher(None, _fold(ours), _fold(theirs), autojunk=False).get_opcodes()
    for n, (tag, a1, a2, b1, b2) in enumerate(ops):
        if tag == "equal":
            same = ours[a1:a2]
            first, last = n == 0, n == len(ops) - 1
            if first and not last and len(same) > keep:
                same = "…" + same[-keep:]
            elif last and not first and len(same) > keep:
                same = same[:keep] + "…"
            elif not first and not last and len(same) > 2 * keep + 1:
                same = same[:keep] + "…" + same[-keep:]
            a_out.append(same)
            b_out.append(same)
        else:
            a_out.append(f"【{ours[a1:a2]}】")
            b_out.append(f"【{theirs[b1:b2]}】")
    return "".join(a_out), "".join(b_out)


def nearest_hint(quote: str, text: str) -> Msg:
    """The passage of the paragraph closest to the quote, with what differs marked."""
    nearest = _nearest(quote, text)
    if nearest is None:
        return Msg("quote_unlike.hint")
    passage, marked_quote = _marked(nearest, quote)
    return Msg("quote_differs.hint", {"passage": passage, "quote": marked_quote})
