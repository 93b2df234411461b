"""Stage 3, plan: the site's pages, one module per family, and the table of every kind.

`PAGE_KINDS` is the index: for each kind of page, its address (generator/urls.py), its
template (templates/) and the module here that plans it. Each family module has
`plan(inputs, lang)` (or, for pages outside the language folders and each target's own
pages, its own entry point) yielding `Page` records: plain data that render turns into bytes.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import NamedTuple

from generator import urls
from generator.pages import about, changes, counties, feeds, home, lists, reader, report, target
from generator.pages.inputs import PlanInputs
from generator.pages.page import Page


class PageKind(NamedTuple):
    kind: str
    address: str  # urls.page(kind, "zh", key) with an example key
    template: str
    module: str
    what: str


PAGE_KINDS: tuple[PageKind, ...] = (
    PageKind("choose", "index.html", "choose_language.html", "about", "language chooser"),
    PageKind("404", "404.html", "404.html", "about", "page not found"),
    PageKind("home", "zh/", "home.html", "home", "record so far, map, parts"),
    PageKind("targets", "zh/targets/", "targets.html", "lists", "all commitments (paged)"),
    PageKind("section", "zh/sections/<id>/", "section.html", "lists", "one part (paged)"),
    PageKind("status", "zh/status/<status>/", "status.html", "lists", "one status (paged)"),
    PageKind("counties", "zh/counties/", "counties.html", "counties", "map and table"),
    PageKind("county", "zh/counties/<id>/", "county.html", "counties", "one county (paged)"),
    PageKind("report", "zh/report/", "report.html", "report", "the (first) report, marked"),
    PageKind("reports", "zh/reports/", "reports.html", "report", "every report (several)"),
    PageKind("report-text", "zh/reports/<id>/", "report.html", "report", "one report's text"),
    PageKind("document", "zh/documents/<id>/", "document.html", "report", "a source document"),
    PageKind("about", "zh/about/", "about.html", "about", "about and method"),
    PageKind("glossary", "zh/glossary/", "glossary.html", "about", "terms"),
    PageKind("data", "zh/data/", "data.html", "reader", "open data, dictionary"),
    PageKind("search", "zh/search/", "search.html", "reader", "search"),
    PageKind("print", "zh/print/", "print.html", "reader", "printable list"),
    PageKind("embed-map", "zh/embed/map/", "embed_map.html", "reader", "map to embed"),
    PageKind("changes", "zh/changes/", "changes.html", "changes", "newest updates"),
    PageKind("changes-month", "zh/changes/<yyyy-mm>/", "changes.html", "changes", "a month"),
    PageKind("feed", "zh/feed.xml", "feeds/atom.xml", "feeds", "Atom feed"),
    PageKind("target", "zh/targets/<id>/", "target.html", "target", "one commitment"),
    PageKind("embed-target", "zh/embed/targets/<id>/", "embed_target.html", "target", "card"),
    PageKind("sitemap", "sitemap.xml", "feeds/sitemap.xml", "feeds", "with base_url only"),
    PageKind("sitemap-part", "sitemap-1.xml", "feeds/sitemap.xml", "feeds", "over 50,000 URLs"),
)

# the families planned once per language, in the order their pages are listed
PER_LANGUAGE = (home, lists, counties, report, about, reader, changes, feeds)


def plan_pages(inputs: PlanInputs) -> tuple[tuple[Page, ...], Sequence[Page]]:
    """Every page of the site, in a stable order: the pages that list, count or describe
    many targets (every family but target's), then each target's own pages."""
    made: list[Page] = list(about.plan_shared(inputs))
    for lang in urls.LANGS:
        for family in PER_LANGUAGE:
            made.extend(family.plan(inputs, lang))
    own = target.plan(inputs)
    maps = list(feeds.sitemap(inputs.base_url, itertools.chain(made, own)))
    return (*made, *maps), own


__all__ = ["PAGE_KINDS", "Page", "PageKind", "PlanInputs", "plan_pages"]
