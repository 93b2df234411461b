"""The report's text, with each commitment's words marked and linked, and the source
documents that updates quote as evidence (each paragraph with the commitments citing it)."""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any

from markupsafe import Markup, escape

from generator import urls
from generator.model import Block, Update
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


def marks(inputs: PlanInputs) -> dict[str, Markup]:
    """Each Chinese paragraph's HTML with its commitments' quotes marked (kept by the session
    while the paragraph and its commitments are unchanged)."""
    strings = inputs.strings
    return {
        b.id: inputs.reuse.memo(
            "marks", b.id, mark_quotes, b, tuple(inputs.by_para.get(b.id, ())), "zh", strings
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


def mark_quotes(
    block: Block, views: tuple[TargetView, ...], lang: str, strings: Mapping[str, Any]
) -> Markup:
    """The paragraph's HTML with each commitment's quote wrapped in a link to its page.

    Works on the escaped HTML: a quote is escaped the same way, so a match never crosses into
    markup; quotes that span a tag boundary (rare) stay unmarked and are listed under the
    paragraph instead.
    """
    # plain str: concatenating onto Markup would escape the marks we add (the raw-HTML bug)
    html = str(block.html)
    done: set[str] = set()
    for v in sorted(views, key=lambda v: -len(v.target.quote)):
        quote = str(escape(v.target.quote))
        if quote in done or quote not in html:
            continue
        start = html.find(quote)
        if html.rfind("<mark", 0, start) > html.rfind("</mark>", 0, start):
            continue  # inside a longer quote already marked
        done.add(quote)
        href = urls.href(urls.page("report", lang), urls.page("target", lang, v.target.id))
        label = escape(strings["status." + v.status][lang])
        html = (
            html[:start] + f'<mark class="commitment status-{v.status}"><a href="{href}">'
            f'{quote}</a><span class="visually-hidden"> ({label})</span></mark>'
            + html[start + len(quote) :]
        )
    return Markup(html)  # markdown-it output (raw HTML off) plus our escaped marks
