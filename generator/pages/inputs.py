"""What the pages are made from: each target's view and the groupings, counts, maps and
lists that several pages share, computed once per plan (for both languages).

With a `serve` session's Reuse, an unchanged target keeps its view (the very same object),
so everything made from views downstream is reused too; without one, all is made afresh.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator import charts, mapdraw, progress, urls
from generator.incremental import NO_REUSE, NoReuse
from generator.model import (
    Block,
    Publisher,
    Report,
    Section,
    Site,
    Update,
)
from generator.pages.page import chunks
from generator.pages.views import TargetView, target_views
from generator.progress import STATUS_ORDER


class Publishers:
    """The register's entry for a source URL (templates: `publishers.get(url)`)."""

    def __init__(self, register: tuple[Publisher, ...]):
        self.register = register

    def get(self, url: str) -> Publisher | None:
        from generator.model import publisher_of

        return publisher_of(self.register, url)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Publishers) and other.register == self.register

    def __hash__(self) -> int:
        return hash(self.register)


@dataclass(frozen=True)
class Parts:
    """The parts a chart shows (charts read `.sections`)."""

    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Lists:
    """A list of views cut into pages of LIST_LIMIT rows, each page's rows grouped by part."""

    views: list[TargetView]
    parts: list[list[TargetView]]
    groups: list[list[tuple[Section, list[TargetView]]]]


@dataclass(frozen=True)
class PlanInputs:
    """Everything the page families read; nothing in it changes after plan made it."""

    site: Site
    strings: Mapping[str, Mapping[str, str]]
    base_url: str | None
    reuse: NoReuse
    common: Mapping[str, Any]  # the values every page has
    views: Mapping[str, TargetView]  # by id, in report order
    ordered: list[TargetView]
    all: Lists
    all_groups: list[tuple[Section, list[TargetView]]]  # every view, by part (print)
    by_section: Mapping[str, Lists]
    by_status: Mapping[str, Lists]
    by_theme: Mapping[tuple[str, str], list[TargetView]]
    by_para: Mapping[tuple[str, str], list[TargetView]]  # by (report id, paragraph id)
    by_report: Mapping[str, Lists]
    section_counts: Mapping[str, dict[str, int]]
    updates: list[tuple[Update, TargetView]]  # newest first
    county_lists: tuple[Any, Any, Any]  # see county_lists()
    measures: tuple[progress.CountyMeasure, ...]
    maps: Mapping[str, charts.ChartData]
    section_charts: Mapping[str, charts.ChartData]
    sourced: int
    map_basis: mapdraw.MapBasis  # the county map projected once (every drawing reuses it)
    map_skeletons: Mapping[str, dict[str, Any]]  # the live map's options apart from data

    def t(self, key: str, lang: str) -> str:
        return self.strings[key][lang]


def make_inputs(
    site: Site,
    strings: Mapping[str, Mapping[str, str]],
    base_url: str | None = None,
    reuse: NoReuse = NO_REUSE,
    today: dt.date | None = None,
) -> PlanInputs:
    """Everything the page families read, made once for both languages."""
    base_url = base_url or site.info.base_url
    views = target_views(site, reuse, today or dt.date.today())
    ordered = list(views.values())
    by_section = _grouped(ordered, operator.attrgetter("section.id"))
    by_status = _grouped(ordered, operator.attrgetter("status"))
    section_counts = {s.id: _counts(by_section[s.id]) for s in site.sections}
    measures = measures_of(site, ordered)
    basis, skeletons, maps, bars = _charts(site, reuse, measures, section_counts)
    return PlanInputs(
        site=site,
        strings=strings,
        base_url=base_url,
        reuse=reuse,
        common=_shared_values(site, base_url, reuse),
        views=views,
        ordered=ordered,
        all=_lists(site, ordered),
        all_groups=groups(site, ordered),
        by_section={s.id: _lists(site, by_section[s.id]) for s in site.sections},
        by_status={s: _lists(site, by_status[s]) for s in STATUS_ORDER},
        by_theme=_grouped(ordered, operator.attrgetter("section.id", "theme.id")),
        by_para=_grouped(ordered, _report_and_paragraph),
        by_report={
            r.id: _lists(site, [v for v in ordered if v.report is not None and v.report.id == r.id])
            for r in reports_of(site)
        },
        section_counts=section_counts,
        updates=all_updates(views, reuse),
        county_lists=county_lists(site, ordered),
        measures=measures,
        maps=maps,
        section_charts=bars,
        sourced=sum(1 for tg in site.targets if tg.updates),
        map_basis=basis,
        map_skeletons=skeletons,
    )


def _shared_values(site: Site, base_url: str | None, reuse: NoReuse) -> Mapping[str, Any]:
    """The values every page has, the same object while what they are made of is the same."""
    info = reuse.canonical("info", 0, site.info)
    documents = reuse.canonical("documents", 0, {d.id: d for d in site.documents})
    publishers = reuse.canonical("publishers", 0, Publishers(site.publishers))
    reports = reuse.canonical("reports", 0, reports_of(site))
    return reuse.memo(
        "common", 0, _common, info, base_url, mapdraw.BINS, documents, publishers, reports
    )


def measures_of(site: Site, ordered: list[TargetView]) -> tuple[progress.CountyMeasure, ...]:
    """Each county's measure, from how many views have each (county ids, status) pair
    (counted in C; then a few hundred pairs are left)."""
    tally = Counter(
        zip(
            map(operator.attrgetter("target.counties"), ordered),
            map(operator.attrgetter("status"), ordered),
            strict=True,
        )
    )
    return tuple(progress.measures_from(site.counties, tally))


def _charts(
    site: Site,
    reuse: NoReuse,
    measures: tuple[progress.CountyMeasure, ...],
    section_counts: Mapping[str, dict[str, int]],
) -> tuple[mapdraw.MapBasis, dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The map's projection and live-chart skeletons (made once, kept by a session while the
    map and the names are the same), the home page's map and the sections chart by language."""
    basis = reuse.memo("map-basis", 0, mapdraw.map_basis, site.geo)
    skeletons = {
        lang: reuse.memo(
            "map-skeleton",
            lang,
            charts.map_skeleton,
            site.geo,
            lang,
            tuple((c.code, c.name(lang)) for c in site.counties),
        )
        for lang in urls.LANGS
    }
    maps = {
        lang: charts.county_map(site, measures, lang, skeleton=skeletons[lang], basis=basis)
        for lang in urls.LANGS
    }
    # the home page leads with the latest report: its parts, as the report names them
    parts = Parts(reuse.canonical("parts", 0, reports_of(site)[-1].sections or site.sections))
    bars = {
        lang: charts.sections_bar(
            parts,
            dict(section_counts),
            lang,
            reuse.memo("bar-skeleton", lang, charts.bar_skeleton, parts.sections, lang),
        )
        for lang in urls.LANGS
    }
    return basis, skeletons, maps, bars


def _common(
    info: Any,
    base_url: str | None,
    bins: Any,
    documents: Any,
    publishers: Publishers,
    reports: tuple[Report, ...],
) -> dict[str, Any]:
    return {
        "site": info,
        "base_url": base_url,
        "bins": bins,
        "pager": None,
        "documents": documents,
        "publishers": publishers,
        "reports": reports,
        "several_reports": len(reports) > 1,
        "report_year": {r.id: r.year for r in reports},
        "canonical_file": None,
    }


def _report_and_paragraph(v: TargetView) -> tuple[str, str]:
    return (v.report.id if v.report else "", v.target.paragraph)


def reports_of(site: Site) -> tuple[Report, ...]:
    """The reports the site tracks, oldest first (a one-report site: its report)."""
    return site.reports or (site.report,)


def all_updates(
    views: Mapping[str, TargetView], reuse: NoReuse = NO_REUSE
) -> list[tuple[Update, TargetView]]:
    """Every update with its target's view, newest first, then by target id (a target's
    updates of one day in file order).

    A session keeps last time's order and moves only the changed targets' updates in it, by
    bisection: a one-target edit at 10,000 targets then costs a few C-level passes, not a
    sort of 30,000 updates. Each update's key is unique, so both ways, and any order of the
    views, give the same order.
    """
    if not reuse.active:  # a one-off build: no keys kept (at 100,000 targets, 300,000 of them)
        pairs = [(u, v) for v in views.values() for u in v.target.updates]
        pairs.sort(key=lambda p: (p[0].date, p[1].target.id), reverse=True)
        return pairs
    own = reuse.each("updates-of", _keyed_updates, (tuple(views.values()),))
    last = reuse.previous("updates-sorted")
    if last is not None and len(last[0]) == len(own):
        ordered = list(last[1])
        for i in itertools.compress(range(len(own)), map(operator.is_not, last[0], own)):
            for item in last[0][i]:
                del ordered[bisect.bisect_left(ordered, item[0], key=operator.itemgetter(0))]
            for item in own[i]:
                bisect.insort(ordered, item, key=operator.itemgetter(0))
    else:
        ordered = sorted(itertools.chain.from_iterable(own), key=operator.itemgetter(0))
    reuse.keep("updates-sorted", (own, ordered))
    return list(map(operator.itemgetter(1), reversed(ordered)))


def _keyed_updates(v: TargetView) -> tuple[tuple[Any, tuple[Update, TargetView]], ...]:
    """The target's updates with their view, each with its place in every update's order."""
    tid = v.target.id
    return tuple(((u.date, tid, -k), (u, v)) for k, u in enumerate(v.target.updates))


def _lists(site: Site, views: list[TargetView]) -> Lists:
    parts = chunks(views)
    return Lists(views, parts, [groups(site, part) for part in parts])


def _grouped(views: list[TargetView], key: Callable[[Any], Any]) -> defaultdict[Any, list[Any]]:
    """Views by key, each list in report order: a stable sort and groupby, both in C."""
    out: defaultdict[Any, list[Any]] = defaultdict(list)
    for k, run in itertools.groupby(sorted(views, key=key), key):
        out[k].extend(run)
    return out


def groups(site: Site, views: list[TargetView]) -> list[tuple[Section, list[TargetView]]]:
    """The views by part of the report, in the report's order of parts."""
    by_section: dict[str, list[TargetView]] = defaultdict(list)
    for v in views:
        by_section[v.section.id].append(v)
    return [(s, by_section[s.id]) for s in site.sections if by_section.get(s.id)]


def _counts(views: list[TargetView]) -> dict[str, int]:
    """Targets per status, in display order."""
    counts = Counter(v.status for v in views)
    return {s: counts.get(s, 0) for s in STATUS_ORDER}


def months(
    updates: list[tuple[Update, TargetView]],
) -> tuple[dict[str, list[tuple[Update, TargetView]]], list[tuple[str, dt.date, int]]]:
    """The updates by month ("2021-09"), newest first, and (key, first day, count) of each."""
    by_month: dict[str, list[tuple[Update, TargetView]]] = {}
    start = 0
    while start < len(updates):  # newest first: each month is one run, found by bisection
        d = updates[start][0].date
        first_day = d.replace(day=1)
        end = bisect.bisect_left(updates, True, lo=start, key=lambda p: p[0].date < first_day)  # noqa: B023
        by_month[f"{d.year:04d}-{d.month:02d}"] = updates[start:end]
        start = end
    listed = [
        (key, dt.date(int(key[:4]), int(key[5:]), 1), len(us)) for key, us in by_month.items()
    ]
    return by_month, listed


def county_lists(site: Site, ordered: list[TargetView]) -> tuple[Any, Any, Any]:
    """City-wide commitments counted by part (county pages link to each part), and per county
    its named commitments and the per-county figures reported for it."""
    citywide = [v for v in ordered if v.citywide]
    citywide_counts = [(s, len(vs)) for s, vs in groups(site, citywide)]
    named_of: dict[str, list[TargetView]] = defaultdict(list)
    figures_of: dict[str, list[tuple[TargetView, float]]] = defaultdict(list)
    for v in ordered:
        if not v.citywide:
            for cc in v.counties:
                named_of[cc.id].append(v)
        for cc, value in v.county_values:
            figures_of[cc.id].append((v, value))
    return citywide_counts, named_of, figures_of


def blocks_by_id(site: Site, lang: str) -> dict[tuple[str, str], Block]:
    """Every report's blocks in `lang`, by (report id, block id)."""
    return {(r.id, b.id): b for r in reports_of(site) for b in r.blocks(lang)}
