"""Which proposals existing target files already track, and recall and precision against them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from .model import Coverage, Measure, Proposal, Ratio


def _spans(quote: str, context: str) -> list[tuple[int, int]]:
    if not quote:
        return []
    return [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), context)]


def _target_fields(t: Any) -> tuple[str, str, str, str]:
    """(id, paragraph, quote, kind) of a Target model or a raw target dict."""
    if isinstance(t, Mapping):
        source = t.get("source")
        metric = t.get("metric")
        if not isinstance(source, Mapping):
            source = {}
        if not isinstance(metric, Mapping):
            metric = {}
        return (
            _text(t.get("id")),
            _text(source.get("paragraph")),
            _text(source.get("quote")),
            _text(metric.get("kind") or "qualitative"),
        )
    return t.id, t.paragraph, t.quote, t.metric.kind


def _text(value: object) -> str:
    """A raw target's field: a string, else empty."""
    return value if isinstance(value, str) else ""


def coverage(proposals: Sequence[Proposal], targets: Iterable[Any]) -> list[Coverage]:
    """For each proposal, the existing targets in its paragraph whose quote overlaps the
    proposal's clause or contains its figure; the largest overlap first."""
    by_paragraph: dict[str, list[tuple[str, str]]] = {}
    for t in targets:
        tid, pid, quote, _ = _target_fields(t)
        if tid and quote:
            by_paragraph.setdefault(pid, []).append((tid, quote))
    out = []
    for p in proposals:
        hits: list[tuple[int, str]] = []
        for tid, quote in by_paragraph.get(p.paragraph, []):
            overlap = max(
                (min(e, p.end) - max(s, p.start) for s, e in _spans(quote, p.context)), default=0
            )
            if overlap > 0 or (p.kind == "quantity" and p.figure and p.figure in quote):
                hits.append((-max(overlap, 0), tid))
        out.append(Coverage(p, tuple(tid for _, tid in sorted(hits))))
    return out


def measure(
    proposals: Sequence[Proposal], targets: Iterable[Any], texts: Mapping[str, str]
) -> Measure:
    """Recall: share of the targets quoting this report whose quote overlaps a proposal.
    Precision: share of the proposals that an existing target covers.
    texts: paragraph id → text of the report the proposals came from."""
    targets = list(targets)
    spans: dict[str, list[tuple[int, int]]] = {}
    for p in proposals:
        spans.setdefault(p.paragraph, []).append((p.start, p.end))
    hit: dict[str, list[int]] = {}
    missed: list[str] = []
    elsewhere = 0
    for t in targets:
        tid, pid, quote, kind = _target_fields(t)
        where = _spans(quote, texts.get(pid, ""))
        if not where:
            elsewhere += 1  # the target quotes another report, or its paragraph changed
            continue
        ok = any(s < pe and ps < e for s, e in where for ps, pe in spans.get(pid, []))
        hit.setdefault(kind, [0, 0])
        hit[kind][0] += ok
        hit[kind][1] += 1
        if not ok:
            missed.append(tid)
    covered = coverage(proposals, targets)
    by_kind: dict[str, list[int]] = {}
    for c in covered:
        by_kind.setdefault(c.proposal.kind, [0, 0])
        by_kind[c.proposal.kind][0] += c.covered
        by_kind[c.proposal.kind][1] += 1
    order = ("quantity", "milestone", "qualitative")
    return Measure(
        recall=Ratio(sum(v[0] for v in hit.values()), sum(v[1] for v in hit.values())),
        precision=Ratio(sum(c.covered for c in covered), len(covered)),
        recall_by_kind={k: Ratio(*hit[k]) for k in sorted(hit, key=_order(order))},
        precision_by_kind={k: Ratio(*by_kind[k]) for k in sorted(by_kind, key=_order(order))},
        missed=tuple(sorted(missed)),
        elsewhere=elsewhere,
    )


def _order(order: tuple[str, ...]) -> Callable[[str], tuple[int, str]]:
    return lambda k: (order.index(k) if k in order else len(order), k)
