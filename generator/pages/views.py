"""Each target's view: the target with what every page that lists it shows (its part and
theme, status, progress, schedule, counties), in the order the reports read.

With a `serve` session's Reuse, a target that is the same object keeps its place and view
(the very same TargetView), so everything made from views downstream is reused too.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator import progress
from generator.incremental import NoReuse
from generator.model import County, Report, Section, Site, Target, Theme, Update


@dataclass(frozen=True, slots=True)
class TargetView:
    """A target plus everything computed about it, shared by every page that lists it."""

    target: Target
    section: Section
    theme: Theme
    order: int
    status: str
    last: Update | None
    percent: float | None
    schedule: str | None
    counties: tuple[County, ...]
    citywide: bool
    updated_iso: str
    county_values: tuple[tuple[County, float], ...] = field(default=())
    overdue: bool = False  # deadline passed with no report of it done or missed
    report: Report | None = None  # the report it was made in


@dataclass(frozen=True, eq=False)
class Places:
    """Where targets stand: each theme with its part, the reports, and what orders targets
    as the reports read them. One object while the parts, reports and counties are equal."""

    theme_of: Mapping[tuple[str, str], tuple[Section, Theme]]
    reports: Mapping[str, Report]
    first: Report
    para_order: Mapping[str, Mapping[str, int]]  # report id → paragraph id → place
    section_order: Mapping[str, int]
    counties: tuple[County, ...]
    report_date: dt.date  # site.yaml's: schedules of a report without its own date


def places_of(
    sections: tuple[Section, ...],
    reports: tuple[Report, ...],
    counties: tuple[County, ...],
    report_date: dt.date,
) -> Places:
    return Places(
        theme_of={(s.id, th.id): (s, th) for s in sections for th in s.themes},
        reports={r.id: r for r in reports},
        first=reports[0],
        para_order={r.id: {b.id: i for i, b in enumerate(r.zh)} for r in reports},
        section_order={s.id: i for i, s in enumerate(sections)},
        counties=counties,
        report_date=report_date,
    )


def report_order(t: Target, places: Places) -> tuple[int, int, int, str]:
    """The key that sorts targets as the reports read, oldest report first: part (sections
    are listed report by report), paragraph of its own report, place of the quote in it."""
    report = places.reports.get(t.report or "", places.first)
    i = places.para_order[report.id].get(t.paragraph)
    place = report.zh[i].text.find(t.quote) if i is not None else 0
    return (places.section_order[t.section], i or 0, place, t.id)


def target_views(site: Site, reuse: NoReuse, today: dt.date) -> dict[str, TargetView]:
    """One view per target, keyed by id in report order. With a session's reuse a target
    that is the same object keeps its place key and, at the same place, its view."""
    places = reuse.memo(
        "places",
        0,
        places_of,
        reuse.canonical("sections", 0, site.sections),
        reuse.canonical("reports", 0, site.reports or (site.report,)),
        reuse.canonical("counties", 0, site.counties),
        site.info.report_date,
    )
    keys = reuse.each("order", report_order, (site.targets,), places)
    # the same order while every key is equal (an edit seldom moves a target): no sort
    order = reuse.memo("order-sorted", 0, _sorted_places, tuple(keys))
    targets = list(map(site.targets.__getitem__, order))
    places_in_order = reuse.memo("order-numbers", 0, _numbers, len(targets))
    views = reuse.each("view", view_of, (targets, places_in_order), places, today)
    return dict(zip(map(operator.attrgetter("id"), targets), views, strict=True))


def _sorted_places(keys: tuple[tuple[int, int, int, str], ...]) -> list[int]:
    """The targets' places in site.targets, in report order."""
    return sorted(range(len(keys)), key=keys.__getitem__)


def _numbers(n: int) -> tuple[int, ...]:
    """0 … n-1, kept by a session as the same int objects (reuse compares items by identity)."""
    return tuple(range(n))


def view_of(t: Target, order: int, places: Places, today: dt.date) -> TargetView:
    section, theme = places.theme_of[(t.section, t.theme)]
    report = places.reports.get(t.report or "", places.first)
    since = report.date or places.report_date  # schedules measure from the report's day
    return make_view(t, section, theme, order, places.counties, since, today, report)


def make_view(
    t: Target,
    section: Section,
    theme: Theme,
    order: int,
    counties: tuple[County, ...],
    report_date: dt.date,
    today: dt.date,
    report: Report | None = None,
) -> TargetView:
    county_of = {c.id: c for c in counties}
    last = t.last
    citywide = "all" in t.counties
    return TargetView(
        target=t,
        section=section,
        theme=theme,
        order=order,
        status=t.status,
        last=last,
        percent=progress.percent(t),
        schedule=progress.schedule(t, report_date),
        counties=counties if citywide else tuple(county_of[c] for c in t.counties),
        citywide=citywide,
        updated_iso=last.date.isoformat() if last else "",
        county_values=tuple((county_of[c], v) for c, v in last.counties) if last else (),
        overdue=progress.overdue(t, today),
        report=report,
    )
