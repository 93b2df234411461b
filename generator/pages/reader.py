"""Pages for journalists and for reuse: open data, search, the printable list, the map to
embed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from markupsafe import Markup

from generator import urls
from generator.catalogue import text
from generator.model import Site
from generator.pages.counties import with_svg
from generator.pages.inputs import PlanInputs
from generator.pages.page import Page, page, paged, titles
from generator.progress import STATUS_ORDER
from generator.search import bundles as search_bundles


def plan(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    yield data(inputs, lang)
    yield search(inputs, lang)
    yield from printable(inputs, lang)
    path = urls.page("embed-map", lang)
    yield page(
        path,
        "embed-map",
        lang,
        "embed_map.html",
        inputs.common,
        **titles(inputs.site.info, lang, inputs.t("map.title", lang)),
        map=with_svg(inputs, lang, inputs.maps[lang], new_tab=True),
    )


def data(inputs: PlanInputs, lang: str) -> Page:
    from generator.exports import FIELDS

    return page(
        urls.page("data", lang),
        "data",
        lang,
        "data.html",
        inputs.common,
        **titles(inputs.site.info, lang, inputs.t("data.title", lang)),
        nav_current="data",
        fields=FIELDS,
        jsonld=dataset_jsonld(inputs, lang),
        example=inputs.ordered[0].target.id if inputs.ordered else "",
    )


def dataset_jsonld(inputs: PlanInputs, lang: str) -> dict[str, Any]:
    """schema.org Dataset of the data page (search engines list open data from it)."""
    info, base_url = inputs.site.info, inputs.base_url
    here = urls.page("data", lang)
    jsonld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": info.title(lang),
        "description": text("home.lead", lang),
        "inLanguage": ["zh-Hans", "en"],
        "isAccessibleForFree": True,
        "license": info.licence_url,
        "creator": {"@type": "Organization", "name": info.publisher(lang)},
        "spatialCoverage": {"@type": "Place", "name": "运城市 Yuncheng, Shanxi, China"},
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": fmt,
                # relative to the data page itself when the public address is unknown
                "contentUrl": urls.absolute(base_url, path) or urls.href(here, path),
            }
            for fmt, path in (
                ("text/csv", "data/targets.csv"),
                ("application/json", "data/targets.json"),
            )
        ],
    }
    years = years_covered(inputs.site)
    if years:
        jsonld["temporalCoverage"] = years
    data_url = urls.absolute(base_url, here)
    if data_url:
        jsonld["url"] = data_url
    return jsonld


def years_covered(site: Site) -> str | None:
    """The work plans' years as ISO 8601 gives a period: "2021", or "2021/2022"; None when no
    report says its year."""
    years = sorted({r.year for r in (*site.reports, site.report) if r.year})
    if not years:
        return None
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}/{years[-1]}"


def search(inputs: PlanInputs, lang: str) -> Page:
    site = inputs.site
    return page(
        urls.page("search", lang),
        "search",
        lang,
        "search.html",
        inputs.common,
        **titles(site.info, lang, inputs.t("search.title", lang)),
        nav_current="",
        # Pagefind compiles WebAssembly: allowed here only, never inline script
        csp_script_extra=Markup(" 'wasm-unsafe-eval'"),
        statuses=STATUS_ORDER,
        search_counties=site.counties,
        search_sections=site.sections,
        # the search indexes, newest report first: (folder, the report's id, or None: all)
        search_indexes=[(b.folder, b.report) for b in search_bundles(site)],
    )


def printable(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    """The printable list: every commitment by part, on one page up to PRINT_LIMIT of them,
    else continued on print/page/2/, … (a part cut by a page break is named again)."""
    site, updates = inputs.site, inputs.updates
    as_of = updates[0][0].date if updates else site.info.report_date  # newest first
    parts = print_parts(inputs.all_groups, PRINT_LIMIT)
    for path, part, pager in paged(urls.page("print", lang), parts):
        yield page(
            path,
            "print",
            lang,
            "print.html",
            inputs.common,
            **titles(site.info, lang, inputs.t("print.title", lang)),
            nav_current="targets",
            groups=part,
            as_of=as_of,
            pager=pager,
            page_url=urls.absolute(inputs.base_url, path),
        )


# Commitments on one printable page. One page of every commitment grew with the site: 34 MB
# at 100,000 commitments, far too long for a phone, and 7 s of one process's drawing.
PRINT_LIMIT = 5_000


def print_parts(groups: Sequence[tuple[Any, Sequence[Any]]], limit: int) -> list[list[Any]]:
    """(part, rows) groups cut into pages of at most `limit` rows, in order."""
    pages: list[list[Any]] = []
    here: list[Any] = []
    room = limit
    for section, views in groups:
        start = 0
        while start < len(views):
            rows = views[start : start + room]
            here.append((section, rows))
            start, room = start + len(rows), room - len(rows)
            if room == 0:
                pages.append(here)
                here, room = [], limit
    if here or not pages:
        pages.append(here)
    return pages
