"""The lists of commitments: all of them, by part of the report, by status (each paged)."""

from __future__ import annotations

from collections.abc import Iterator

from generator import urls
from generator.pages.inputs import PlanInputs
from generator.pages.page import Page, page, paged, titles
from generator.progress import STATUS_ORDER


def plan(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    yield from all_targets(inputs, lang)
    yield from sections(inputs, lang)
    yield from statuses(inputs, lang)


def all_targets(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    site = inputs.site
    listing = inputs.all
    title = titles(site.info, lang, inputs.t("targets.title", lang))
    for n, (path, _, pager) in enumerate(paged(urls.page("targets", lang), listing.parts)):
        yield page(
            path,
            "targets",
            lang,
            "targets.html",
            inputs.common,
            **title,
            nav_current="targets",
            groups=listing.groups[n],
            total=len(listing.views),
            pager=pager,
            sections=site.sections,
            counties=site.counties,
            statuses=STATUS_ORDER,
        )


def sections(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    site = inputs.site
    for section in site.sections:
        listing = inputs.by_section[section.id]
        for path, part, pager in paged(urls.page("section", lang, section.id), listing.parts):
            first = pager is None or pager["current"] == 1
            yield page(
                path,
                "section",
                lang,
                "section.html",
                inputs.common,
                **titles(site.info, lang, section.title(lang)),
                nav_current="targets",
                section=section,
                themes=[(th, [v for v in part if v.theme.id == th.id]) for th in section.themes],
                counts=inputs.section_counts[section.id] if first else None,
                total=len(listing.views),
                pager=pager,
            )


def statuses(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    site = inputs.site
    for status in STATUS_ORDER:
        listing = inputs.by_status[status]
        for n, (path, _, pager) in enumerate(
            paged(urls.page("status", lang, status), listing.parts)
        ):
            yield page(
                path,
                "status",
                lang,
                "status.html",
                inputs.common,
                **titles(site.info, lang, inputs.t("status." + status, lang)),
                nav_current="targets",
                status=status,
                total=len(listing.views),
                groups=listing.groups[n],
                pager=pager,
            )
