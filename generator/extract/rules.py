"""The rules: which clauses of a report's paragraphs are proposed as commitments.

- quantity: a clause with a figure that is an aim (quantities.py) and a target phrase
  (以上, 突破, 达到, 新建, 培育, 完成, 增长, 实现 …), split where each side of a 、/和 has its own;
- milestone: a clause with no such figure but an event verb (建成, 开工, 投入使用, 通过…验收,
  获批, 完成, 出台, 办好…会, 纳入…试点 …); "speed up / push" clauses (加快…迁建, 推进…全覆盖,
  加快建立…) are qualitative in this project and are not proposed;
- counties: the county names of content/counties.yaml, matched by their short form
  (盐湖 for 盐湖区; one-character short forms keep their suffix: 绛县, 夏县).

Numbers inside quotation marks, noise listed in not-targets.yaml and headings are left out.
Each proposal gets an id unique within one run: p-1-1-500000-mu, p-2-3-wanrong-start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from generator.errors import Msg

from .clauses import _blocked, _clauses, _split_lists, _trim, paragraphs
from .model import _Q, Proposal
from .patterns import (
    _AIM,
    _BEFORE,
    _CLOSE,
    _FRAME,
    _MILESTONE,
    _MILESTONES,
    _OPEN,
    _PUSH,
    _STOP,
    _WEAK,
)
from .quantities import _quantities
from .units import _UNIT_SLUG


def extract(
    text: str, counties: Iterable[Any], not_targets: Iterable[Any] = (), fmt: str = "auto"
) -> list[Proposal]:
    """Proposals for every paragraph of a report (Markdown with ids, or plain text).

    counties: County models, dicts as in counties.yaml, or (id, zh_name) pairs.
    not_targets: entries of not-targets.yaml (models or dicts with paragraph and text), or
    plain strings that are noise in any paragraph.
    """
    names = _county_pattern(counties)
    noise = _noise_by_paragraph(not_targets)
    proposals: list[Proposal] = []
    used: set[str] = set()
    for pid, kind, body in paragraphs(text, fmt):
        if kind != "paragraph":
            continue  # headings name parts and slogans, not aims
        for p in _paragraph(pid, body, names, noise.get(pid, []) + noise.get("", [])):
            proposals.append(_with_unique_id(p, used))
    return proposals


def _paragraph(
    pid: str, text: str, names: tuple[re.Pattern[str], dict[str, str]] | None, noise: list[str]
) -> list[Proposal]:
    blocked = _blocked(text, noise)
    found: list[Proposal] = []
    clauses = [(s, e, _quantities(text, s, e, blocked)) for s, e in _clauses(text)]
    for i, (start, end, quantities) in enumerate(clauses):
        clause = text[start:end]
        aim = _AIM.search(clause)
        word = aim.group() if aim else _among_aims(text, clauses, i)
        if quantities and word:
            before: _Q | None = None
            for s, e, qs in _split_lists(text, start, end, quantities):
                for q in qs:
                    q = _shared_comparator(text, s, q, before)
                    found.append(_quantity_proposal(pid, text, s, e, q, names, word))
                    before = q
            continue
        if _FRAME.match(text, start, end):
            continue
        for s, e in _split_milestones(text, start, end, blocked):
            cue = _milestone_cue(text, s, e, blocked)
            if cue:
                found.append(
                    Proposal(
                        pid,
                        "milestone",
                        text[s:e],
                        s,
                        e,
                        "",
                        figure=cue.group(),
                        counties=_counties(text[s:e], names),
                        context=text,
                        figure_start=cue.start(),
                        why=Msg(
                            "extract.why.milestone",
                            {"verb": cue.group(), "slug": _slug(cue.group())},
                        ),
                    )
                )
    return found


def _among_aims(text: str, clauses: list[tuple[int, int, list[_Q]]], i: int) -> str:
    """A clause with no aim word whose figure ends it (储备库规模4300亿元) states an aim when
    a clause next to it in the same sentence does (力争…达到5.5万亿元；储备库规模4300亿元，
    产业项目个数占60%以上): the reason, or ""."""
    start, end, quantities = clauses[i]
    if not quantities or quantities[-1].end != end:
        return ""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(clauses) or not clauses[j][2]:
            continue
        a, b = sorted((clauses[j][:2], (start, end)))
        if _AIM.search(text, clauses[j][0], clauses[j][1]) and not _STOP.search(text, a[1], b[0]):
            return "(none: a figure ending its clause in a list of aims)"
    return ""


def _shared_comparator(text: str, start: int, q: _Q, before: _Q | None) -> _Q:
    """全年农产品加工销售收入达到450亿元、精深加工产值250亿元: the 达到 of the first figure
    governs the second when the second has no word of its own."""
    if (
        before is None
        or q.comparator != "exactly"
        or q.because
        or before.comparator not in ("at_least", "more_than", "at_most")
        or not _BEFORE.fullmatch(before.because)
        or _AIM.search(text, start, q.start)
    ):
        return q
    return replace(q, comparator=before.comparator, because=f"{before.because} (before the list)")


def _milestone_cue(
    text: str, start: int, end: int, blocked: list[tuple[int, int]]
) -> re.Match[str] | None:
    """The first milestone verb of text[start:end] outside quotation marks; a weak one (建立,
    迁建, 全覆盖, 编制 …) only when no push word (加快, 推进 …) comes before it."""
    for m in _MILESTONE.finditer(text, start, end):
        if any(s <= m.start() < e and text[s + 1 : e - 1] != m.group() for s, e in blocked):
            continue  # part of a name in quotation marks; a quoted verb alone (“清零”) counts
        if _slug(m.group()) in _WEAK and _PUSH.search(text, start, m.start()):
            continue
        return m
    return None


def _slug(cue: str) -> str:
    return next((slug for pattern, slug in _MILESTONES if re.search(pattern, cue)), "milestone")


def _split_milestones(
    text: str, start: int, end: int, blocked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Split at 、 where each side has its own milestone verb:
    争取芮城通用机场建成、万荣通用机场开工 → two milestones."""
    parts, a, depth = [], start, 0
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif (
            ch == "、"
            and depth == 0
            and _milestone_cue(text, a, i, blocked)
            and _milestone_cue(text, i + 1, end, blocked)
        ):
            parts.append(_trim(text, a, i))
            a = i + 1
    parts.append(_trim(text, a, end))
    return parts


def _quantity_proposal(
    pid: str,
    text: str,
    s: int,
    e: int,
    q: _Q,
    names: tuple[re.Pattern[str], dict[str, str]] | None,
    aim: str = "",
) -> Proposal:
    return Proposal(
        pid,
        "quantity",
        text[s:e],
        s,
        e,
        "",
        number=q.number,
        unit=q.unit,
        comparator=q.comparator,
        figure=q.figure,
        counties=_counties(text[s:e], names),
        context=text,
        figure_start=q.start,
        why=Msg(
            "extract.why.quantity",
            {
                "figure": q.figure,
                "aim": aim,
                "comparator": q.comparator or "",
                "because": q.because or Msg("extract.why.plain"),
            },
        ),
    )


# -- counties and noise -------------------------------------------------------------------------


def _county_names(counties: Iterable[Any]) -> list[tuple[str, str]]:
    pairs = []
    for c in counties:
        if isinstance(c, tuple):
            cid, name = c
        elif isinstance(c, Mapping):
            cid, name = c.get("id"), (c.get("name") or {}).get("zh")
        else:
            cid, name = c.id, c.name.zh
        if isinstance(cid, str) and isinstance(name, str) and name.strip():
            pairs.append((cid, name.strip()))
    return pairs


def _county_pattern(counties: Iterable[Any]) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """One regex for all names, longest first: 新绛县 is Xinjiang, not 绛县 (Jiangxian)."""
    by_name: dict[str, str] = {}
    for cid, name in _county_names(counties):
        by_name[name] = cid
        short = re.sub(r"[县市区]$", "", name)
        if len(short) >= 2:
            by_name.setdefault(short, cid)
    if not by_name:
        return None
    alternatives = sorted(by_name, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in alternatives)), by_name


def _counties(clause: str, names: tuple[re.Pattern[str], dict[str, str]] | None) -> tuple[str, ...]:
    if names is None:
        return ()
    pattern, by_name = names
    ids: list[str] = []
    for m in pattern.finditer(clause):
        if by_name[m.group()] not in ids:
            ids.append(by_name[m.group()])
    return tuple(ids)


def _noise_by_paragraph(not_targets: Iterable[Any]) -> dict[str, list[str]]:
    """paragraph id → texts; "" holds texts that are noise in every paragraph."""
    out: dict[str, list[str]] = {}
    pid: object  # a raw not-target's fields may be anything: kept when they are strings
    text: object
    for item in not_targets:
        if isinstance(item, str):
            pid, text = "", item
        elif isinstance(item, Mapping):
            pid, text = item.get("paragraph") or "", item.get("text")
        else:
            pid, text = getattr(item, "paragraph", "") or "", getattr(item, "text", None)
        if isinstance(text, str) and text and isinstance(pid, str):
            out.setdefault(pid, []).append(text)
    return out


# -- ids ----------------------------------------------------------------------------------------


def _slug_number(value: float) -> str:
    return (
        f"{value:f}".rstrip("0").rstrip(".") if not float(value).is_integer() else str(int(value))
    ).replace(".", "-")


def _with_unique_id(p: Proposal, used: set[str]) -> Proposal:
    """p-1-1-500000-mu for a quantity, p-2-3-wanrong-start for a milestone; -2, -3 on repeats."""
    if p.kind == "quantity" and p.number is not None:
        tail = f"{_slug_number(p.number)}-{_UNIT_SLUG.get(p.unit or '', 'units')}"
    else:
        verb = _slug(p.figure)
        tail = "-".join([*p.counties[:2], verb])
    base = re.sub(r"[^a-z0-9]+", "-", f"{p.paragraph}-{tail}".lower()).strip("-")
    pid, n = base, 2
    while pid in used:
        pid, n = f"{base}-{n}", n + 1
    used.add(pid)
    return replace(p, id=pid)
