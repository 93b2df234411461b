"""The report's text, with each commitment's words marked and linked, and the source
documents that updates quote as evidence (each paragraph with the commitments citing it)."""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from generator import urls
from generator.marks import commitment_segments
from generator.model import Update
from generator.pages.inputs import PlanInputs, TargetView
from generator.pages.page import Page, page, titles


def plan(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    site = inputs.site
    marked = marks(inputs) if lang == "zh" else {}
    blocks = [(b, inputs.by_para.get(b.id, []), marked.get(b.id)) for b in site.report.blocks(lang)]
    yield page(
        urls.page("report", lang),
        "report",
        lang,
        "report.html",
        inputs.common,
        **titles(site.info, lang, site.info.report_title(lang)),
        nav_current="report",
        blocks=blocks,
    )
    for document in site.documents:
        yield page(
            urls.page("document", lang, document.id),
            "document",
            lang,
            "document.html",
            inputs.common,
            **titles(site.info, lang, document.title(lang)),
            nav_current="report",
            document=document,
            cited=cited_paragraphs(document.id, inputs.updates),
        )


def marks(inputs: PlanInputs) -> dict[str, tuple[Any, ...]]:
    """Each Chinese paragraph cut around its commitments' quotes (generator/marks.py), which
    the page marks and links (kept by the session while the paragraph and its commitments are
    unchanged)."""
    return {
        b.id: inputs.reuse.memo(
            "marks", b.id, commitment_segments, b, tuple(inputs.by_para.get(b.id, ()))
        )
        for b in inputs.site.report.zh
    }


def cited_paragraphs(
    doc_id: str, updates: list[tuple[Update, TargetView]]
) -> dict[str, list[TargetView]]:
    """For each paragraph of a document, the commitments whose updates quote it."""
    cited: dict[str, list[TargetView]] = defaultdict(list)
    for u, v in reversed(updates):  # oldest first, so lists follow the report's own order
        ev = u.evidence
        if ev is not None and ev.document == doc_id and v not in cited[ev.paragraph]:
            cited[ev.paragraph].append(v)
    for views in cited.values():
        views.sort(key=operator.attrgetter("order"))
    return dict(cited)
