"""Each commitment's own pages: its page and its embeddable card, in both languages.

These are 4 of every 5 pages of a large site. A one-off build makes each when it is rendered
(OwnPages); a `serve` session makes them through its reuse: unchanged view, related list and
paragraphs give the very same Page objects, which a rebuild skips without looking further.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, overload
from urllib.parse import quote, urlencode

from generator import charts, urls
from generator.model import Block, County, Target
from generator.pages.inputs import PlanInputs, blocks_by_id
from generator.pages.page import RELATED, Page, titles
from generator.pages.views import TargetView


@dataclass(frozen=True)
class MapBase:
    """What a per-county figures map reads of the site (charts take `site`-like objects)."""

    geo: Any
    counties: tuple[County, ...]


def plan(inputs: PlanInputs) -> Sequence[Page]:
    """Every target's four pages, in report order. What each target's pages read of the
    others (its related commitments, its paragraphs, its links to other years) is gathered
    first, as objects a session keeps while they are equal, so that its reuse can tell the
    few targets whose pages change from 10,000 by identity alone. A one-off build holds no
    Page for them at all (OwnPages): each is made when it is rendered."""
    site, reuse = inputs.site, inputs.reuse
    base = reuse.canonical("mapbase", 0, MapBase(site.geo, site.counties))
    ordered = inputs.ordered
    related = related_lists(inputs)
    where = places_in_reports(ordered)
    para_zh, para_en = (paragraphs(inputs, lang, where) for lang in urls.LANGS)
    links: list[tuple[TargetView | None, tuple[TargetView, ...]]] = [NO_LINKS] * len(ordered)
    views = inputs.views
    continues = map(operator.truth, map(operator.attrgetter("target.continues"), ordered))
    continued = map(operator.truth, map(operator.attrgetter("target.continued_in"), ordered))
    for i in itertools.compress(range(len(ordered)), map(operator.or_, continues, continued)):
        tg = ordered[i].target
        later = tuple(views[c] for c in tg.continued_in if c in views)
        links[i] = reuse.canonical("links", tg.id, (views.get(tg.continues or ""), later))
    columns = (tuple(ordered), tuple(related), para_zh, para_en, tuple(links))
    shared = (inputs.common, inputs.strings, base)
    if not reuse.active:
        return OwnPages(columns, shared)
    # a `serve` session: the very same Page objects while a target's inputs are unchanged
    made = reuse.each("own", own_pages, columns, *shared)
    return tuple(itertools.chain.from_iterable(made))


NO_LINKS: tuple[TargetView | None, tuple[TargetView, ...]] = (None, ())


# Each target's inputs below are gathered in C-level passes over the 10,000 views, in report
# order (one loop in Python took 40 ms at every edit of a `serve` session).


def related_lists(inputs: PlanInputs) -> list[tuple[TargetView, ...]]:
    """Each view's related commitments: the first RELATED of its theme, or, for those first
    RELATED + 1, the others among them. The same tuples as last time while equal."""
    reuse, ordered = inputs.reuse, inputs.ordered
    heads = {key: tuple(in_theme[: RELATED + 1]) for key, in_theme in inputs.by_theme.items()}
    others = {
        key: reuse.canonical("related-of", key, head[:RELATED]) for key, head in heads.items()
    }
    related = list(map(others.__getitem__, map(THEME_OF, ordered)))
    for head in heads.values():
        for v in head:
            mine = tuple(r for r in head if r is not v)[:RELATED]
            related[_place(ordered, v)] = reuse.canonical("related", v.target.id, mine)
    return related


THEME_OF = operator.attrgetter("section.id", "theme.id")


def _place(ordered: list[TargetView], v: TargetView) -> int:
    """Where v is in report order: its number (views.py numbers them in that order)."""
    if v.order < len(ordered) and ordered[v.order] is v:
        return v.order
    return next(i for i, w in enumerate(ordered) if w is v)


def places_in_reports(ordered: list[TargetView]) -> list[tuple[str, str]]:
    """Each view's (report id, paragraph id)."""
    reports = list(map(operator.attrgetter("report"), ordered))
    if any(map(operator.is_, reports, itertools.repeat(None))):
        return [(v.report.id if v.report else "", v.target.paragraph) for v in ordered]
    ids = map(operator.attrgetter("id"), reports)
    return list(zip(ids, map(operator.attrgetter("target.paragraph"), ordered), strict=True))


def paragraphs(
    inputs: PlanInputs, lang: str, where: list[tuple[str, str]]
) -> tuple[Block | None, ...]:
    """Each view's paragraph of its report (`where`), in `lang`."""
    return tuple(map(blocks_by_id(inputs.site, lang).get, where))


# each target's pages, in this order: (kind, language)
OWN = (("target", "zh"), ("embed-target", "zh"), ("target", "en"), ("embed-target", "en"))


@dataclass(frozen=True, eq=False)
class OwnPages(Sequence[Page]):
    """Every target's pages (OWN), each made when it is read: at 100,000 targets, 400,000
    Page records and their arguments held from plan to the end of the build took about
    100 MB, and forked workers that read them copied the memory holding them. `columns` are
    own_page's per-target arguments (one row per target), `shared` the rest."""

    columns: tuple[tuple[Any, ...], ...]
    shared: tuple[Any, ...]

    def __len__(self) -> int:
        return len(OWN) * len(self.columns[0])

    @overload
    def __getitem__(self, i: int) -> Page: ...

    @overload
    def __getitem__(self, i: slice) -> list[Page]: ...

    def __getitem__(self, i: int | slice) -> Page | list[Page]:
        if isinstance(i, slice):
            return [self[n] for n in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        row, which = divmod(i, len(OWN))
        return own_page(which, *(column[row] for column in self.columns), *self.shared)


def own_pages(*args: Any) -> tuple[Page, ...]:
    """A target's pages (OWN) from own_page's arguments after the first."""
    return tuple(own_page(which, *args) for which in range(len(OWN)))


def own_page(
    which: int,
    v: TargetView,
    related: tuple[TargetView, ...],
    para_zh: Block | None,
    para_en: Block | None,
    links: tuple[TargetView | None, tuple[TargetView, ...]],
    common: Mapping[str, Any],
    strings: Mapping[str, Mapping[str, str]],
    base: MapBase,
) -> Page:
    """The target's page OWN[which]: its commitment page or its card, in one language."""
    kind, lang = OWN[which]
    path = urls.page(kind, lang, v.target.id)
    if kind == "target":
        args = (common, strings, lang, v, related, para_zh, para_en, base, links)
        return Page(path, kind, lang, "target.html", target_context, args)
    return Page(path, kind, lang, "embed_target.html", embed_context, (common, lang, v))


def embed_context(common: Mapping[str, Any], lang: str, v: TargetView) -> dict[str, Any]:
    return {**common, **titles(common["site"], lang, v.target.title(lang)), "v": v}


def target_context(
    common: Mapping[str, Any],
    strings: Mapping[str, Mapping[str, str]],
    lang: str,
    v: TargetView,
    related: tuple[TargetView, ...],
    para_zh: Block | None,
    para_en: Block | None,
    base: MapBase,
    links: tuple[TargetView | None, tuple[TargetView, ...]] = (None, ()),
) -> dict[str, Any]:
    """The commitment page's values. `links`: the earlier report's commitment this one
    continues, and the later reports' commitments that continue it."""
    tg, info = v.target, common["site"]
    desc = f"{strings['status.' + v.status][lang]} · {v.section.title(lang)}"
    return {
        **common,
        **titles(info, lang, tg.title(lang), desc),
        "nav_current": "targets",
        "og_type": "article",
        "v": v,
        "para_zh": para_zh,
        "para_en": para_en,
        "related": list(related),
        "county_chart": charts.target_county_map(base, v, lang) if v.county_values else None,
        "contact_href": contact_href(info, strings, lang, tg, common["base_url"]),
        "continues": links[0],
        "continued_in": list(links[1]),
    }


def contact_href(
    info: Any, strings: Mapping[str, Mapping[str, str]], lang: str, tg: Target, base_url: str | None
) -> str | None:
    """ "Report a source or a correction" for one commitment: a mailto: with its id and title in
    the subject and body, or the contact page with them as query parameters; None while
    site.yaml names no contact (the page then says so and points to the 12345 hotline)."""
    contact = info.contact
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
