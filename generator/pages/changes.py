"""Recent changes: the newest updates, and an archive page per month (stable addresses to
cite). A new update changes the first page and its month's page only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator import formats, urls
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
    # every month from the first report's to the newest update's has its page, empty or not:
    # an archive address, once cited, keeps working when records are corrected later
    for key, first_day in every_month(listed):
        newer = next((m for m in reversed(listed) if m[1] > first_day), None)
        older = next((m for m in listed if m[1] < first_day), None)
        title = inputs.t("changes.month_title", lang).format(month=formats.month(first_day, lang))
        for path, part, pager in paged(
            urls.page("changes-month", lang, key), chunks(by_month.get(key, []))
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
                total=len(by_month.get(key, ())),
                months=None,
                month={"key": key, "title": title, "newer": newer, "older": older},
                pager=pager,
            )


def every_month(listed: list[tuple[str, dt.date, int]]) -> list[tuple[str, dt.date]]:
    """(key, first day) of each month from the oldest to the newest listed, none left out."""
    if not listed:
        return []
    day, last = listed[-1][1], listed[0][1]  # listed newest first
    out = []
    while day <= last:
        out.append((f"{day.year:04d}-{day.month:02d}", day))
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out
