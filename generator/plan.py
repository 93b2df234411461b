"""Stage 3, plan: Site → the list of pages (template + context) and data files to write.

Decides what goes where (through urls.py) and shapes every value a template shows: templates
only display. Views of targets are computed once and shared by every page that lists them,
so list pages cost what their markup costs, not a re-computation per item.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from markupsafe import Markup, escape

from generator import charts, formats, progress, urls
from generator.model import Block, County, Section, Site, Target, Theme, Update
from generator.progress import STATUS_ORDER


@dataclass(frozen=True, eq=False)
class Page:
    path: str  # output file, e.g. "zh/targets/x/index.html"
    template: str
    lang: str | None
    # the template's values, or a function that makes them when the page is rendered: the
    # 40,000 pages of 10,000 targets would otherwise hold 60 MB of contexts for the whole build
    values: dict[str, Any] | Callable[[], dict[str, Any]]

    @property
    def context(self) -> dict[str, Any]:
        return self.values() if callable(self.values) else self.values


@dataclass(frozen=True)
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


@dataclass
class Plan:
    pages: list[Page]
    views: dict[str, TargetView]
    updates: list[tuple[Update, TargetView]]  # every update, newest first (feeds, changes)
    # per target: the related targets its page lists, and the pages that show that one target
    # (its page and embed card in both languages); reused by the next plan when unchanged
    own: dict[str, tuple[tuple[TargetView, ...], tuple[Page, ...]]] = field(default_factory=dict)
    marks: dict[str, tuple[Block, list[TargetView], Markup]] = field(default_factory=dict)
    themes: dict[tuple[str, str], list[TargetView]] = field(default_factory=dict)


def target_views(
    site: Site, previous: dict[str, TargetView] | None = None, today: dt.date | None = None
) -> dict[str, TargetView]:
    """One view per target; an unchanged target keeps its previous view (and cached rows).
    `today` decides which deadlines have passed (the build date)."""
    today = today or dt.date.today()
    theme_of = {(s.id, t.id): (s, t) for s in site.sections for t in s.themes}
    county_of = {c.id: c for c in site.counties}
    para_order = {b.id: i for i, b in enumerate(site.report.zh)}
    section_order = {s.id: i for i, s in enumerate(site.sections)}

    def key(t: Target) -> tuple[int, int, int, str]:
        """Report order: part, paragraph, place of the quote in the paragraph."""
        return (
            section_order[t.section],
            para_order.get(t.paragraph, 0),
            site.report.zh[para_order[t.paragraph]].text.find(t.quote)
            if t.paragraph in para_order
            else 0,
            t.id,
        )

    def view(t: Target, i: int) -> TargetView:
        section, theme = theme_of[(t.section, t.theme)]
        last = t.last
        citywide = "all" in t.counties
        counties = site.counties if citywide else tuple(county_of[c] for c in t.counties)
        values = tuple((county_of[c], v) for c, v in last.counties) if last else ()
        return TargetView(
            target=t,
            section=section,
            theme=theme,
            order=i,
            status=t.status,
            last=last,
            percent=progress.percent(t),
            schedule=progress.schedule(t, site.info.report_date),
            counties=counties,
            citywide=citywide,
            updated_iso=last.date.isoformat() if last else "",
            county_values=values,
            overdue=progress.overdue(t, today),
        )

    if previous and len(previous) == len(site.targets):
        # after an edit: only the targets that are new objects need a view, in their old
        # place, provided none was added or removed and none moved in the report order
        changed = [
            t for t in site.targets if (o := previous.get(t.id)) is None or o.target is not t
        ]
        if len(changed) <= 100 and all(
            t.id in previous and key(t) == key(previous[t.id].target) for t in changed
        ):
            views = dict(previous)  # same keys in the same (report) order
            for t in changed:
                views[t.id] = view(t, previous[t.id].order)
            return views
    views = {}
    for i, t in enumerate(sorted(site.targets, key=key)):
        old = previous.get(t.id) if previous else None
        views[t.id] = old if old is not None and old.target is t and old.order == i else view(t, i)
    return views


_TARGET_COUNTIES = operator.attrgetter("target.counties")
_STATUS = operator.attrgetter("status")
_OWN_PAGES = operator.itemgetter(1)


def _all_updates(
    site: Site, views: dict[str, TargetView], previous: Plan | None
) -> list[tuple[Update, TargetView]]:
    """Every update with its target's view, newest first (then by target id).

    After a small edit the previous list is kept, with only the changed targets' updates taken
    out and put back in place (binary search): sorting 20,000 updates again costs more.
    """

    def key(pair: tuple[Update, TargetView]) -> tuple[dt.date, str]:
        return pair[0].date, pair[1].target.id

    old_views = previous.views if previous else {}
    changed = [v for tid, v in views.items() if old_views.get(tid) is not v]
    if previous is None or len(changed) > 100 or len(old_views) != len(views):
        pairs = [(u, views[t.id]) for t in site.targets for u in t.updates]
        return sorted(pairs, key=key, reverse=True)
    merged = list(previous.updates)
    for v in changed:
        old = old_views.get(v.target.id)
        for u in old.target.updates if old is not None else ():
            i = _place(merged, (u.date, v.target.id), key)
            while merged[i][0] is not u or merged[i][1] is not old:
                i += 1  # past updates of the same target and day
            del merged[i]
    for pair in sorted(((u, v) for v in changed for u in v.target.updates), key=key):
        i = _place(merged, key(pair), key)
        while i < len(merged) and key(merged[i]) == key(pair):
            i += 1  # after those of the same day and target, as a stable sort puts it
        merged.insert(i, pair)
    return merged


def _place(pairs: list[Any], k: tuple[dt.date, str], key: Callable[[Any], Any]) -> int:
    """First index whose key is not larger than k, in a list sorted newest first."""
    low, high = 0, len(pairs)
    while low < high:
        mid = (low + high) // 2
        if key(pairs[mid]) > k:
            low = mid + 1
        else:
            high = mid
    return low


def plan(
    site: Site,
    strings: dict[str, dict[str, str]],
    base_url: str | None = None,
    previous: Plan | None = None,
) -> Plan:
    """Every page of the site, in a stable order; `strings` are the UI strings (page titles).

    `previous` (from the last build of a `serve` session, when only target files changed
    since) lets unchanged targets keep their views and their own pages: a one-target edit at
    10,000 targets then re-plans a few hundred list pages, not 40,000 pages.
    """
    base_url = base_url or site.info.base_url
    views = target_views(site, previous.views if previous else None)
    ordered = list(views.values())  # made in report order
    pages: list[Page] = []
    common = {
        "site": site.info,
        "base_url": base_url,
        "bins": charts.BINS,
        "pager": None,
        "documents": {d.id: d for d in site.documents},
        "publishers": _source_publishers(site),
    }
    pages.append(
        Page(
            urls.page("choose"),
            "choose_language.html",
            None,
            {
                **common,
                "page_title": site.info.title.zh + " / " + site.info.title.en,
                "description": site.info.title.zh,
                "choose": {
                    "zh_intro": strings["choose.zh_intro"]["zh"],
                    "en_intro": strings["choose.en_intro"]["en"],
                    "remember_zh": strings["choose.remember"]["zh"],
                    "remember_en": strings["choose.remember"]["en"],
                },
            },
        )
    )
    pages.append(
        Page(
            urls.page("404"),
            "404.html",
            "zh",
            {
                **common,
                **_titles(site, "zh", "Page not found / 页面不存在"),
                "notfound": _notfound(strings),
            },
        )
    )
    memo = _Memo(site)
    by_section = memo.get("by", lambda: _by_section_and_status(ordered))[0]
    section_counts = {
        s.id: memo.get(("counts", s.id), lambda s=s: _counts(by_section[s.id]))
        for s in site.sections
    }
    section_charts = {lang: charts.sections_bar(site, section_counts, lang) for lang in urls.LANGS}
    # counted in C: (county ids, status) of every target; then a few hundred pairs remain.
    # A tuple: every map's ChartData.rows is then this same object (render.py piece() keys)
    tally = Counter(zip(map(_TARGET_COUNTIES, ordered), map(_STATUS, ordered), strict=True))
    measures = tuple(progress.measures_from(site.counties, tally))
    maps = {
        lang: charts.county_map(site, measures, lang, urls.page("home", lang))
        for lang in urls.LANGS
    }
    by_para = _grouped(ordered, operator.attrgetter("target.paragraph"))
    updates = _all_updates(site, views, previous)
    own, themes = _own_pages(site, strings, common, ordered, previous)
    marks = _marks(site, strings, by_para, previous)
    marked = {key: m[2] for key, m in marks.items()}
    # the previous plan's lists where unchanged, so the report's cached paragraphs still match
    by_para.update((key, m[1]) for key, m in marks.items())
    for lang in urls.LANGS:
        pages.extend(
            _pages(
                site,
                lang,
                strings,
                common,
                ordered,
                views,
                measures,
                maps[lang],
                section_charts[lang],
                by_para,
                updates,
                marked if lang == "zh" else {},
                memo,
            )
        )
    # each target's own pages, in report order (views are keyed in that order)
    pages.extend(itertools.chain.from_iterable(map(_OWN_PAGES, map(own.__getitem__, views))))
    return Plan(pages, views, updates, own, marks, themes)


def _marks(
    site: Site,
    strings: dict[str, dict[str, str]],
    by_para: dict[str, list[TargetView]],
    previous: Plan | None,
) -> dict[str, tuple[Block, list[TargetView], Markup]]:
    """Each Chinese paragraph with its commitments' quotes marked; kept from the previous plan
    while the paragraph and its commitments are unchanged (2,000 paragraphs at 10,000 targets)."""
    old_marks = previous.marks if previous else {}
    marks = {}
    for b in site.report.zh:
        views = by_para.get(b.id, [])
        old = old_marks.get(b.id)
        if old is not None and old[0] is b and old[1] == views:
            marks[b.id] = old
        else:
            marks[b.id] = (b, views, mark_quotes(b, views, "zh", lambda k: strings[k]["zh"]))
    return marks


def _own_pages(
    site: Site,
    strings: dict[str, dict[str, str]],
    common: dict[str, Any],
    ordered: list[TargetView],
    previous: Plan | None,
) -> tuple[
    dict[str, tuple[tuple[TargetView, ...], tuple[Page, ...]]],
    dict[tuple[str, str], list[TargetView]],
]:
    """Each target's page and embed card in both languages (in page order), reused when its
    view and its related targets are the very objects of the previous plan; and the targets
    by theme, which decide the related lists."""
    by_theme = _grouped(ordered, operator.attrgetter("section.id", "theme.id"))
    old_own = previous.own if previous else {}
    old_views = previous.views if previous else {}
    old_themes = previous.themes if previous else {}
    para_of = {lang: {b.id: b for b in site.report.blocks(lang)} for lang in urls.LANGS}
    # a theme with the same views in the same order keeps its targets' pages as they were
    own = dict(old_own)
    changed: list[TargetView] = []
    for key, group in by_theme.items():
        old_group = old_themes.get(key)
        if (
            old_group is None
            or len(old_group) != len(group)
            or not all(map(operator.is_, old_group, group))
        ):
            changed.extend(group)
    for v in changed:
        tid = v.target.id
        peers = by_theme[(v.section.id, v.theme.id)][: RELATED + 1]
        related = tuple(r for r in peers if r is not v)[:RELATED]
        old = old_own.get(tid)
        if (
            old is not None
            and old_views.get(tid) is v
            and len(old[0]) == len(related)
            and all(a is b for a, b in zip(old[0], related, strict=True))
        ):
            own[tid] = old
            continue
        mine = []
        for lang in urls.LANGS:
            mine.append(
                Page(
                    urls.page("target", lang, tid),
                    "target.html",
                    lang,
                    partial(_target_context, site, lang, strings, common, v, related, para_of),
                )
            )
            mine.append(
                Page(
                    urls.page("embed-target", lang, tid),
                    "embed_target.html",
                    lang,
                    partial(_embed_context, site, lang, common, v),
                )
            )
        own[tid] = (related, tuple(mine))
    if len(own) != len(ordered):  # targets were deleted
        here = {v.target.id for v in ordered}
        own = {tid: pages for tid, pages in own.items() if tid in here}
    return own, by_theme


def _embed_context(site: Site, lang: str, common: dict[str, Any], v: TargetView) -> dict[str, Any]:
    return {**common, **_titles(site, lang, v.target.title(lang)), "v": v}


def _target_context(
    site: Site,
    lang: str,
    strings: dict[str, dict[str, str]],
    common: dict[str, Any],
    v: TargetView,
    related: tuple[TargetView, ...],
    para_of: dict[str, dict[str, Block]],
) -> dict[str, Any]:
    tg = v.target
    desc = f"{strings['status.' + v.status][lang]} · {v.section.title(lang)}"
    return {
        **common,
        **_titles(site, lang, tg.title(lang), desc),
        "nav_current": "targets",
        "og_type": "article",
        "v": v,
        "para_zh": para_of["zh"].get(tg.paragraph),
        "para_en": para_of["en"].get(tg.paragraph),
        "related": list(related),
        "county_chart": charts.target_county_map(site, v, lang) if v.county_values else None,
        "contact_href": contact_href(site, strings, lang, tg, common["base_url"]),
    }


def contact_href(
    site: Site, strings: dict[str, dict[str, str]], lang: str, tg: Target, base_url: str | None
) -> str | None:
    """"Report a source or a correction" for one commitment: a mailto: with its id and title in
    the subject and body, or the contact page with them as query parameters; None while
    site.yaml names no contact (the page then says so and points to the 12345 hotline)."""
    from urllib.parse import quote, urlencode

    contact = site.info.contact
    if contact is None:
        return None
    title = tg.title(lang)

    def say(key: str, **values: str) -> str:
        return strings[key][lang].format(**values)

    if contact.email:
        page = urls.absolute(base_url, urls.page("target", lang, tg.id))
        lines = [say("contact.body_commitment", title=title), say("contact.body_id", id=tg.id)]
        lines += [say("contact.body_page", url=page)] if page else []
        lines += ["", say("contact.body_prompt"), ""]
        subject = quote(say("contact.subject", title=title, id=tg.id))
        body = quote("\r\n".join(lines))  # RFC 6068: line breaks in a mailto body are CRLF
        return f"mailto:{quote(contact.email, safe='@')}?subject={subject}&body={body}"
    query = urlencode({"commitment": tg.id, "title": title, "lang": lang})
    return f"{contact.url}{'&' if '?' in (contact.url or '') else '?'}{query}"


def _notfound(strings: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The 404 page's words in both languages, and its inline script with the CSP hash."""
    from generator import hosting

    words = {k: strings[f"notfound.{k}"] for k in ("title", "lead", "home", "targets", "search")}
    script, digest = Markup(hosting.notfound_script()), Markup(hosting.notfound_hash())
    return {**words, "script": script, "hash": digest}


def _titles(site: Site, lang: str, title: str, description: str | None = None) -> dict[str, str]:
    """<title> that makes sense alone (WeChat shows only the title)."""
    name = site.info.title(lang)
    return {
        "page_title": f"{title} - {name}" if title != name else name,
        "description": description or site.info.report_title(lang),
    }


def _pages(
    site: Site,
    lang: str,
    strings: dict[str, dict[str, str]],
    common: dict[str, Any],
    ordered: list[TargetView],
    views: dict[str, TargetView],
    measures: Sequence[progress.CountyMeasure],
    county_map: charts.ChartData,
    section_chart: charts.ChartData,
    by_para: dict[str, list[TargetView]],
    updates: list[tuple[Update, TargetView]],
    marked: dict[str, Markup],
    memo: _Memo,
) -> Iterator[Page]:
    def t(key: str) -> str:
        return strings[key][lang]

    by_status = memo.get("by", lambda: _by_section_and_status(ordered))[1]
    counts = {s: len(by_status.get(s, ())) for s in STATUS_ORDER}
    sourced = memo.get("sourced", lambda: sum(1 for tg in site.targets if tg.updates))
    home = {
        **common,
        **_titles(site, lang, site.info.title(lang), t("home.lead")),
        "nav_current": "home",
        "counts": counts,
        "total": len(site.targets),
        "sourced": sourced,
        "map": county_map,
        "sections_chart": section_chart,
        "status_colours": charts.STATUS_COLOURS,
        "recent": updates[:8],
        "section_rows": memo.get(
            "section_rows",
            lambda: _section_rows(
                site, memo.get("by", lambda: _by_section_and_status(ordered))[0], memo
            ),
        ),
    }
    yield Page(urls.page("home", lang), "home.html", lang, home)

    filters = {"sections": site.sections, "counties": site.counties, "statuses": STATUS_ORDER}
    for path, chunk, pager in _paged(urls.page("targets", lang), memo.chunks("all", ordered)):
        yield Page(
            path,
            "targets.html",
            lang,
            {
                **common,
                **_titles(site, lang, t("targets.title")),
                "nav_current": "targets",
                "groups": memo.groups(chunk),
                "total": len(ordered),
                "pager": pager,
                **filters,
            },
        )

    by_section, by_status = memo.get("by", lambda: _by_section_and_status(ordered))
    for section in site.sections:
        mine = by_section[section.id]
        counts = memo.get(("counts", section.id), lambda: _counts(mine))  # noqa: B023
        chunks = memo.chunks(("section", section.id), mine)
        for path, chunk, pager in _paged(urls.page("section", lang, section.id), chunks):
            first = pager is None or pager["current"] == 1
            themes = memo.get(("themes", id(chunk)), lambda: _themes(section, chunk))  # noqa: B023
            yield Page(
                path,
                "section.html",
                lang,
                {
                    **common,
                    **_titles(site, lang, section.title(lang)),
                    "nav_current": "targets",
                    "section": section,
                    "themes": themes,
                    "counts": counts if first else None,
                    "total": len(mine),
                    "pager": pager,
                },
            )

    for status in STATUS_ORDER:
        mine = by_status[status]
        chunks = memo.chunks(("status", status), mine)
        for path, chunk, pager in _paged(urls.page("status", lang, status), chunks):
            yield Page(
                path,
                "status.html",
                lang,
                {
                    **common,
                    **_titles(site, lang, t("status." + status)),
                    "nav_current": "targets",
                    "status": status,
                    "total": len(mine),
                    "groups": memo.groups(chunk),
                    "pager": pager,
                },
            )

    index_map = charts.ChartData(
        county_map.id,
        county_map.option,
        charts.svg_map(site, measures, lang, urls.page("counties", lang)),
        county_map.rows,
    )
    yield Page(
        urls.page("counties", lang),
        "counties.html",
        lang,
        {
            **common,
            **_titles(site, lang, t("county.index_title")),
            "nav_current": "counties",
            "map": index_map,
            "measures": measures,
        },
    )

    citywide_groups, citywide_counts, named_of, figures_of = memo.get(
        "counties", lambda: _county_lists(site, ordered)
    )
    for m in measures:
        c = m.county
        county_map_c = charts.county_map(
            site, measures, lang, urls.page("county", lang, c.id), highlight=c.id
        )
        # Only the first page of a long list carries the summary (numbers, map, figures,
        # city-wide commitments): later pages list commitments, so a change in the county's
        # numbers does not touch them and they stay light.
        chunks = memo.chunks(("county", c.id), named_of[c.id])
        for path, chunk, pager in _paged(urls.page("county", lang, c.id), chunks):
            first = pager is None or pager["current"] == 1
            yield Page(
                path,
                "county.html",
                lang,
                {
                    **common,
                    **_titles(site, lang, c.name(lang)),
                    "nav_current": "counties",
                    "county": c,
                    "measure": m if first else None,
                    "named": chunk,
                    "pager": pager,
                    "citywide_groups": citywide_groups if first else [],
                    "citywide_counts": citywide_counts if first else [],
                    "figures": figures_of[c.id] if first else [],
                    "map": charts.ChartData(
                        county_map_c.id,
                        county_map_c.option,
                        charts.svg_map(site, measures, lang, path, c.id),
                        county_map_c.rows,
                    )
                    if first
                    else None,
                },
            )

    blocks = [(b, by_para.get(b.id, []), marked.get(b.id)) for b in site.report.blocks(lang)]
    yield Page(
        urls.page("report", lang),
        "report.html",
        lang,
        {
            **common,
            **_titles(site, lang, site.info.report_title(lang)),
            "nav_current": "report",
            "blocks": blocks,
        },
    )

    for document in site.documents:
        yield Page(
            urls.page("document", lang, document.id),
            "document.html",
            lang,
            {
                **common,
                **_titles(site, lang, document.title(lang)),
                "nav_current": "report",
                "document": document,
                "cited": _cited_paragraphs(document.id, updates),
            },
        )

    yield Page(
        urls.page("about", lang),
        "about.html",
        lang,
        {
            **common,
            **_titles(site, lang, t("about.title")),
            "nav_current": "about",
            "statuses": STATUS_ORDER,
            "tolerance": int(progress.TOLERANCE * 100),
        },
    )
    yield Page(
        urls.page("glossary", lang),
        "glossary.html",
        lang,
        {
            **common,
            **_titles(site, lang, t("glossary.title")),
            "nav_current": "about",
            "entries": site.glossary,
        },
    )
    yield from _reader_pages(site, lang, t, common, ordered, county_map, measures, updates, memo)
    yield from _changes_pages(site, lang, t, common, updates, memo)


RECENT_CHANGES = 100  # updates on the changes page; older ones are in the monthly archive


def _changes_pages(
    site: Site,
    lang: str,
    t: Any,
    common: dict[str, Any],
    updates: list[tuple[Update, TargetView]],
    memo: _Memo,
) -> Iterator[Page]:
    """The newest updates, and an archive page per month (stable addresses to cite).

    A new update changes the first page and its month's page only, not a 20,000-row list.
    """
    by_month, months = memo.get("months", lambda: _months(updates))
    yield Page(
        urls.page("changes", lang),
        "changes.html",
        lang,
        {
            **common,
            **_titles(site, lang, t("nav.changes")),
            "nav_current": "changes",
            "updates": updates[:RECENT_CHANGES],
            "total": len(updates),
            "months": months,
            "month": None,
        },
    )
    for i, (key, first_day, count) in enumerate(months):
        newer = months[i - 1] if i > 0 else None
        older = months[i + 1] if i + 1 < len(months) else None
        title = t("changes.month_title").format(month=formats.month(first_day, lang))
        chunks = memo.chunks(("month", key), by_month[key])
        for path, chunk, pager in _paged(urls.page("changes-month", lang, key), chunks):
            yield Page(
                path,
                "changes.html",
                lang,
                {
                    **common,
                    **_titles(site, lang, title),
                    "nav_current": "changes",
                    "updates": chunk,
                    "total": count,
                    "months": None,
                    "month": {"key": key, "title": title, "newer": newer, "older": older},
                    "pager": pager,
                },
            )


def _reader_pages(
    site: Site,
    lang: str,
    t: Any,
    common: dict[str, Any],
    ordered: list[TargetView],
    county_map: charts.ChartData,
    measures: Sequence[progress.CountyMeasure],
    updates: list[tuple[Update, TargetView]],
    memo: _Memo,
) -> Iterator[Page]:
    """Pages for journalists and for reuse: data, search, print, embeds."""
    from generator.exports import FIELDS

    base_url = common["base_url"]
    data_url = urls.absolute(base_url, urls.page("data", lang))
    jsonld = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": site.info.title(lang),
        "description": site.info.report_title(lang),
        "inLanguage": ["zh-Hans", "en"],
        "isAccessibleForFree": True,
        "license": site.info.licence_url,
        "creator": {"@type": "Organization", "name": site.info.publisher(lang)},
        "spatialCoverage": {"@type": "Place", "name": "运城市 Yuncheng, Shanxi, China"},
        "temporalCoverage": "2021",
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": fmt,
                # relative to the data page itself when the public address is unknown
                "contentUrl": urls.absolute(base_url, path)
                or urls.href(urls.page("data", lang), path),
            }
            for fmt, path in (
                ("text/csv", "data/targets.csv"),
                ("application/json", "data/targets.json"),
            )
        ],
    }
    if data_url:
        jsonld["url"] = data_url
    yield Page(
        urls.page("data", lang),
        "data.html",
        lang,
        {
            **common,
            **_titles(site, lang, t("data.title")),
            "nav_current": "data",
            "fields": FIELDS,
            "jsonld": jsonld,
            "example": ordered[0].target.id if ordered else "",
        },
    )
    yield Page(
        urls.page("search", lang),
        "search.html",
        lang,
        {
            **common,
            **_titles(site, lang, t("search.title")),
            "nav_current": "",
            # Pagefind compiles WebAssembly: allowed here only, never inline script
            "csp_script_extra": Markup(" 'wasm-unsafe-eval'"),
            "statuses": STATUS_ORDER,
            "search_counties": site.counties,
            "search_sections": site.sections,
        },
    )
    as_of = updates[0][0].date if updates else site.info.report_date  # newest first
    yield Page(
        urls.page("print", lang),
        "print.html",
        lang,
        {
            **common,
            **_titles(site, lang, t("print.title")),
            "nav_current": "targets",
            "groups": memo.groups(ordered),
            "as_of": as_of,
            "page_url": urls.absolute(base_url, urls.page("print", lang)),
        },
    )
    embed_map = charts.ChartData(
        county_map.id,
        county_map.option,
        charts.svg_map(site, measures, lang, urls.page("embed-map", lang), new_tab=True),
        county_map.rows,
    )
    yield Page(
        urls.page("embed-map", lang),
        "embed_map.html",
        lang,
        {**common, **_titles(site, lang, t("map.title")), "map": embed_map},
    )


RELATED = 6  # other commitments of the same theme shown on a commitment page
LIST_LIMIT = 500  # rows on one list page; longer lists continue on page/2/, page/3/, …


class _Memo:
    """What both languages' pages share, made once per plan: grouping and chunking 10,000
    targets costs milliseconds a time, and each language would otherwise redo it."""

    def __init__(self, site: Site):
        self.site = site
        self._made: dict[Any, Any] = {}

    def get(self, key: Any, make: Callable[[], Any]) -> Any:
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def chunks(self, key: Any, items: list[Any]) -> list[list[Any]]:
        """`items` in pages of LIST_LIMIT (the same list objects for both languages)."""
        return self.get(
            ("chunks", key),
            lambda: (
                [items[i : i + LIST_LIMIT] for i in range(0, len(items), LIST_LIMIT)] or [items]
            ),
        )

    def groups(self, views: list[TargetView]) -> list[tuple[Section, list[TargetView]]]:
        return self.get(("groups", id(views)), lambda: _groups(self.site, views))


def _by_section_and_status(
    ordered: list[TargetView],
) -> tuple[dict[str, list[TargetView]], dict[str, list[TargetView]]]:
    return (
        _grouped(ordered, operator.attrgetter("section.id")),
        _grouped(ordered, operator.attrgetter("status")),
    )


def _grouped(views: list[TargetView], key: Callable[[Any], Any]) -> defaultdict[Any, list[Any]]:
    """Views by key, each list in report order: a stable sort and groupby, both in C (three
    Python loops over 10,000 views were a tenth of an incremental rebuild)."""
    groups: defaultdict[Any, list[Any]] = defaultdict(list)
    for k, run in itertools.groupby(sorted(views, key=key), key):
        groups[k].extend(run)
    return groups


def _themes(section: Section, chunk: list[TargetView]) -> list[tuple[Theme, list[TargetView]]]:
    return [(th, [v for v in chunk if v.theme.id == th.id]) for th in section.themes]


def _county_lists(site: Site, ordered: list[TargetView]) -> tuple[Any, Any, Any, Any]:
    citywide = [v for v in ordered if v.citywide]
    # City-wide commitments are listed on every county page while the list is short; at scale
    # the page links to them by part of the report instead, so it stays a bounded size.
    citywide_groups = _groups(site, citywide) if len(citywide) <= LIST_LIMIT else []
    citywide_counts = [(s, len(vs)) for s, vs in _groups(site, citywide)]
    named_of: dict[str, list[TargetView]] = defaultdict(list)
    figures_of: dict[str, list[tuple[TargetView, float]]] = defaultdict(list)
    for v in ordered:
        if not v.citywide:
            for cc in v.counties:
                named_of[cc.id].append(v)
        for cc, value in v.county_values:
            figures_of[cc.id].append((v, value))
    return citywide_groups, citywide_counts, named_of, figures_of


def _months(
    updates: list[tuple[Update, TargetView]],
) -> tuple[dict[str, list[tuple[Update, TargetView]]], list[tuple[str, dt.date, int]]]:
    by_month: dict[str, list[tuple[Update, TargetView]]] = {}
    start = 0
    while start < len(updates):  # newest first: each month is one run, found by bisection
        d = updates[start][0].date
        first_day = d.replace(day=1)
        end = bisect.bisect_left(updates, True, lo=start, key=lambda p: p[0].date < first_day)  # noqa: B023
        by_month[f"{d.year:04d}-{d.month:02d}"] = updates[start:end]
        start = end
    months = [
        (key, dt.date(int(key[:4]), int(key[5:]), 1), len(us)) for key, us in by_month.items()
    ]
    return by_month, months


def _paged(
    path: str, chunks: list[list[Any]]
) -> list[tuple[str, list[Any], dict[str, Any] | None]]:
    """A list page, or its pages of LIST_LIMIT rows (from _Memo.chunks) when it is longer."""
    if len(chunks) <= 1:
        return [(path, chunks[0] if chunks else [], None)]
    files = [
        path if n == 0 else path.replace("index.html", f"page/{n + 1}/index.html")
        for n in range(len(chunks))
    ]
    return [(files[n], chunk, {"current": n + 1, "files": files}) for n, chunk in enumerate(chunks)]


def _groups(site: Site, views: list[TargetView]) -> list[tuple[Section, list[TargetView]]]:
    by_section: dict[str, list[TargetView]] = defaultdict(list)
    for v in views:
        by_section[v.section.id].append(v)
    return [(s, by_section[s.id]) for s in site.sections if by_section.get(s.id)]


def _counts(views: list[TargetView]) -> dict[str, int]:
    """Targets per status, in display order (progress.status_counts, from the views)."""
    counts = Counter(v.status for v in views)
    return {s: counts.get(s, 0) for s in STATUS_ORDER}


def _section_rows(
    site: Site, by_section: dict[str, list[TargetView]], memo: _Memo
) -> list[tuple[Section, dict[str, int], int]]:
    return [
        (
            s,
            memo.get(("counts", s.id), lambda s=s: _counts(by_section[s.id])),
            len(by_section[s.id]),
        )
        for s in site.sections
    ]


def _source_publishers(site: Site) -> dict[str, Any]:
    """The register's entry for every source URL cited (pages name the publisher)."""
    found = {}
    for tg in site.targets:
        for u in tg.updates:
            if u.source is not None and u.source.url not in found:
                found[u.source.url] = site.publisher(u.source.url)
    return found


def _cited_paragraphs(
    doc_id: str, updates: list[tuple[Update, TargetView]]
) -> dict[str, list[TargetView]]:
    """For each paragraph of a document, the commitments whose updates quote it."""
    cited: dict[str, list[TargetView]] = defaultdict(list)
    for u, v in reversed(updates):  # oldest first, so lists follow the report's own order
        ev = u.evidence
        if ev is not None and ev.document == doc_id and v not in cited[ev.paragraph]:
            cited[ev.paragraph].append(v)
    for views in cited.values():
        views.sort(key=operator.attrgetter("order"))
    return dict(cited)


def mark_quotes(block: Block, views: list[TargetView], lang: str, t: Any) -> Markup:
    """The paragraph's HTML with each commitment's quote wrapped in a link to its page.

    Works on the escaped HTML: a quote is escaped the same way, so a match never crosses into
    markup; quotes that span a tag boundary (rare) stay unmarked and are listed under the
    paragraph instead.
    """
    # plain str: concatenating onto Markup would escape the marks we add (the raw-HTML bug)
    html = str(block.html)
    done: set[str] = set()
    for v in sorted(views, key=lambda v: -len(v.target.quote)):
        quote = str(escape(v.target.quote))
        if quote in done or quote not in html:
            continue
        start = html.find(quote)
        if html.rfind("<mark", 0, start) > html.rfind("</mark>", 0, start):
            continue  # inside a longer quote already marked
        done.add(quote)
        href = urls.href(urls.page("report", lang), urls.page("target", lang, v.target.id))
        label = escape(t("status." + v.status))
        html = (
            html[:start] + f'<mark class="commitment status-{v.status}"><a href="{href}">'
            f'{quote}</a><span class="visually-hidden"> ({label})</span></mark>'
            + html[start + len(quote) :]
        )
    return Markup(html)  # markdown-it output (raw HTML off) plus our escaped marks
