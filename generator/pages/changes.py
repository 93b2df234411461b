"""Recent changes: the newest updates, and an archive page per month (stable addresses to
cite). A new update changes the first page and its month's page only."""

from __future__ import annotations

from collections.abc import Iterator

from generator import render, urls
from generator.pages.inputs import PlanInputs, months
from generator.pages.page import Page, chunks, page, paged, titles

RECENT_CHANGES = 100  # updates on the changes page; older ones are in the monthly archive


def plan(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    site, updates = inputs.site, inputs.updates
    by_month, listed = months(updates)
    yield page(
        urls.page("changes", lang),
        "changes",
        lang,
        "changes.html",
        inputs.common,
        **titles(site.info, lang, inputs.t("nav.changes", lang)),
        nav_current="changes",
        updates=updates[:RECENT_CHANGES],
        total=len(updates),
        months=listed,
        month=None,
    )
    for i, (key, first_day, count) in enumerate(listed):
        newer = listed[i - 1] if i > 0 else None
        older = listed[i + 1] if i + 1 < len(listed) else None
        title = inputs.t("changes.month_title", lang).format(month=render.month(first_day, lang))
        for path, part, pager in paged(
            urls.page("changes-month", lang, key), chunks(by_month[key])
        ):
            yield page(
                path,
                "changes-month",
                lang,
                "changes.html",
                inputs.common,
                **titles(site.info, lang, title),
                nav_current="changes",
                updates=part,
                total=count,
                months=None,
                month={"key": key, "title": title, "newer": newer, "older": older},
                pager=pager,
            )
