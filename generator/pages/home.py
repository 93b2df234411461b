"""The home page of each language: the record so far, the county map, the parts of the report."""

from __future__ import annotations

from collections.abc import Iterator

from generator import charts, urls
from generator.model import Report
from generator.pages.inputs import PlanInputs, reports_of
from generator.pages.page import Page, page, titles
from generator.pages.report import report_counts
from generator.progress import STATUS_ORDER


def plan(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    site = inputs.site
    yield page(
        urls.page("home", lang),
        "home",
        lang,
        "home.html",
        inputs.common,
        **titles(site.info, lang, site.info.title(lang), inputs.t("home.lead", lang)),
        nav_current="home",
        counts={s: len(inputs.by_status[s].views) for s in STATUS_ORDER},
        total=len(site.targets),
        sourced=inputs.sourced,
        map=inputs.maps[lang],
        sections_chart=inputs.section_charts[lang],
        status_colours=charts.STATUS_COLOURS,
        recent=inputs.updates[:8],
        report_rows=report_rows(inputs) if len(site.reports) > 1 else [],
        section_rows=[
            (s, inputs.section_counts[s.id], len(inputs.by_section[s.id].views))
            for s in (reports_of(site)[-1].sections or site.sections)  # the latest report's
        ],
    )


def report_rows(inputs: PlanInputs) -> list[tuple[Report, int, dict[str, int], dict[str, int]]]:
    """Each report, the latest first: its number of commitments, their statuses now and at
    their deadline (each status, zeros included, in display order)."""
    rows = []
    for r in reversed(reports_of(inputs.site)):
        views = inputs.by_report[r.id].views
        counts = report_counts(views)
        rows.append((r, len(views), counts["now"], counts["at_deadline"]))
    return rows
