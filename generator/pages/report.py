"""The report's text, with each commitment's words marked and linked, and the source
documents that updates quote as evidence (each paragraph with the commitments citing it)."""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from generator import urls
from generator.mapdraw import MapDrawing, map_drawing
from generator.marks import commitment_segments
from generator.model import Block, Report, Update
from generator.pages.inputs import PlanInputs, measures_of, reports_of
from generator.pages.page import Page, page, titles
from generator.pages.views import TargetView
from generator.progress import STATUS_ORDER


def plan(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    """The report's text at report/ when the site tracks one report. With several: each at
    reports/<id>/, an index at reports/, and at report/ the first report as it was published
    there (its paragraph anchors keep working), pointing to its new address."""
    site = inputs.site
    reports = reports_of(site)
    if len(site.reports) <= 1:
        yield text_page(inputs, lang, reports[0], urls.page("report", lang), "report")
    else:
        yield index_page(inputs, lang)
        for r in reports:
            yield text_page(inputs, lang, r, urls.page("report-text", lang, r.id), "report-text")
        moved = urls.page("report-text", lang, reports[0].id)
        yield text_page(inputs, lang, reports[0], urls.page("report", lang), "report", moved)
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


def text_page(
    inputs: PlanInputs,
    lang: str,
    report: Report,
    path: str,
    kind: str,
    moved_to: str | None = None,
) -> Page:
    """One report's text; in Chinese each commitment's words are marked and linked."""
    marked = marks(inputs, report, path) if lang == "zh" else {}
    blocks = [(b, para_views(inputs, report, b), marked.get(b.id)) for b in report.blocks(lang)]
    title = report.title(lang) if report.title else inputs.site.info.report_title(lang)
    return page(
        path,
        kind,
        lang,
        "report.html",
        inputs.common,
        **titles(inputs.site.info, lang, title),
        nav_current="report",
        report=report,
        report_title=title,
        blocks=blocks,
        moved_to=moved_to,
        canonical_file=moved_to or path,
    )


def index_page(inputs: PlanInputs, lang: str) -> Page:
    """Every report: when and where it was delivered, its commitments and their record."""
    rows = [
        (
            r,
            inputs.by_report[r.id].views,
            report_counts(inputs.by_report[r.id].views),
            report_map(inputs, inputs.by_report[r.id].views, lang),
        )
        for r in reversed(reports_of(inputs.site))  # the latest first
    ]
    return page(
        urls.page("reports", lang),
        "reports",
        lang,
        "reports.html",
        inputs.common,
        **titles(inputs.site.info, lang, inputs.t("reports.title", lang)),
        nav_current="report",
        rows=rows,
    )


def report_map(inputs: PlanInputs, views: list[TargetView], lang: str) -> MapDrawing:
    """The county map of one report's commitments (done / named, as on the site's map)."""
    measures = measures_of(inputs.site, views)
    return map_drawing(inputs.site, measures, lang, basis=inputs.map_basis)


def report_counts(views: list[TargetView]) -> dict[str, dict[str, int]]:
    """Commitments by status now, and by status at their deadline."""
    now = dict.fromkeys(STATUS_ORDER, 0)  # in display order
    due = dict.fromkeys(STATUS_ORDER, 0)
    for v in views:
        now[v.status] = now.get(v.status, 0) + 1
        at = v.target.at_deadline
        key = at.status if at else "no_update"
        due[key] = due.get(key, 0) + 1
    return {"now": now, "at_deadline": due}


def para_views(inputs: PlanInputs, report: Report, b: Block) -> tuple[TargetView, ...]:
    """The commitments citing a paragraph: the same tuple as last time while they are the
    same, so that a session finds the paragraph's markup by it (a list made afresh by every
    plan made the 63 paragraphs kept joined with a changed one render again)."""
    views = tuple(inputs.by_para.get((report.id, b.id), ()))
    return inputs.reuse.canonical("para-views", (report.id, b.id), views)


def marks(inputs: PlanInputs, report: Report, path: str) -> dict[str, tuple[Any, ...]]:
    """Each Chinese paragraph cut around its commitments' quotes (generator/marks.py), which
    the page marks and links (kept by the session while the paragraph and its commitments are
    the same)."""
    return {
        b.id: inputs.reuse.memo(
            "marks",
            (report.id, b.id),
            commitment_segments,
            b,
            tuple(inputs.by_para.get((report.id, b.id), ())),
        )
        for b in report.zh
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
