"""The counties: the index with the map and table, and one page per county (paged)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from generator import charts, mapdraw, urls
from generator.model import Report
from generator.pages.inputs import PlanInputs
from generator.pages.page import Page, chunks, page, paged, titles
from generator.pages.views import TargetView


def plan(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    yield index(inputs, lang)
    yield from counties(inputs, lang)


def with_svg(
    inputs: PlanInputs,
    lang: str,
    map_: charts.ChartData,
    highlight: str | None = None,
    new_tab: bool = False,
) -> charts.ChartData:
    """The live map's data with the server-drawn drawing of the same map (links open a new
    tab with `new_tab`: the embedded map)."""
    if map_.svg is None:
        svg = mapdraw.map_drawing(
            inputs.site, inputs.measures, lang, highlight, new_tab=new_tab, basis=inputs.map_basis
        )
    else:  # county_map drew it already, from the same site and measures
        svg = mapdraw.highlighted(map_.svg, highlight)
        if svg.new_tab != new_tab:
            svg = replace(svg, new_tab=new_tab)
    return charts.ChartData(map_.id, map_.option, svg, map_.rows)


def index(inputs: PlanInputs, lang: str) -> Page:
    path = urls.page("counties", lang)
    return page(
        path,
        "counties",
        lang,
        "counties.html",
        inputs.common,
        **titles(inputs.site.info, lang, inputs.t("county.index_title", lang)),
        nav_current="counties",
        map=with_svg(inputs, lang, inputs.maps[lang]),
        measures=inputs.measures,
    )


def by_report(
    views: list[TargetView], reports: Sequence[Report]
) -> list[tuple[Report, list[TargetView]]]:
    """The rows of a county page by the report they were made in, newest report first (the
    template once filtered the page's 500 rows for each report: at 100,000 targets in ten
    reports, 46 s of the county pages' rendering instead of 12)."""
    if len(reports) <= 1:
        return []
    mine: dict[str, list[TargetView]] = {}
    for v in views:
        mine.setdefault(v.report.id if v.report else "", []).append(v)
    return [(r, mine[r.id]) for r in reversed(reports) if r.id in mine]


def counties(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    site = inputs.site
    citywide_counts, named_of, figures_of = inputs.county_lists
    for m in inputs.measures:
        c = m.county
        live = charts.county_map(
            site,
            inputs.measures,
            lang,
            highlight=c.id,
            skeleton=inputs.map_skeletons[lang],
            basis=inputs.map_basis,
            base=inputs.maps[lang],
        )
        # Only the first page of a long list carries the summary (numbers, map, figures,
        # city-wide commitments): later pages list commitments and stay light.
        for path, part, pager in paged(urls.page("county", lang, c.id), chunks(named_of[c.id])):
            first = pager is None or pager["current"] == 1
            yield page(
                path,
                "county",
                lang,
                "county.html",
                inputs.common,
                **titles(site.info, lang, c.name(lang)),
                nav_current="counties",
                county=c,
                measure=m if first else None,
                named=part,
                named_by_report=by_report(part, inputs.common["reports"]),
                pager=pager,
                citywide_counts=citywide_counts if first else [],
                figures=figures_of[c.id] if first else [],
                map=live if first else None,
            )
