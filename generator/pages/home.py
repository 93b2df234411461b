"""The home page of each language: the record so far, the county map, the parts of the report."""

from __future__ import annotations

from collections.abc import Iterator

from generator import charts, urls
from generator.pages.inputs import PlanInputs
from generator.pages.page import Page, page, titles
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
        section_rows=[
            (s, inputs.section_counts[s.id], len(inputs.by_section[s.id].views))
            for s in site.sections
        ],
    )
