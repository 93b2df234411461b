"""The page record that plan hands to render, and the small helpers every page family uses.

A Page is plain, immutable data: where the file goes, which template draws it, and the named
function (`make`) that turns its inputs (`args`) into the template's values. Render calls
`page.context()` when it draws the page, so the values of 40,000 pages are never all held at
once; `args` are also the page's dependencies: a `serve` session reuses a page when its
template, its function and its args are the same as last time (generator/incremental.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from generator.catalogue import text
from generator.model import Site, SiteInfo

LIST_LIMIT = 500  # rows on one list page; longer lists continue on page/2/, page/3/, …
RELATED = 6  # other commitments of the same theme shown on a commitment page


class Page(NamedTuple):
    path: str  # output file, e.g. "zh/targets/x/index.html"
    kind: str  # a row of PAGE_KINDS (generator/pages/__init__.py)
    lang: str | None
    template: str
    make: Callable[..., dict[str, Any]]  # a module-level function: never a closure
    args: tuple[Any, ...]  # its inputs, which are also what the page depends on

    @property
    def context(self) -> dict[str, Any]:
        """The template's values, made now from the page's inputs."""
        return self.make(*self.args)


def values(**kw: Any) -> dict[str, Any]:
    """The `make` of a page whose values are computed in plan (small pages)."""
    return kw


def with_common(common: Mapping[str, Any], page: Mapping[str, Any]) -> dict[str, Any]:
    """The values every page has (site, base_url, …) plus the page's own."""
    return {**common, **page}


def page(
    path: str, kind: str, lang: str | None, template: str, common: Mapping[str, Any], **own: Any
) -> Page:
    """A page whose values are ready now: the common values and its own, merged at render."""
    return Page(path, kind, lang, template, with_common, (common, own))


def titles(info: SiteInfo, lang: str, title: str, description: str | None = None) -> dict[str, str]:
    """<title> that makes sense alone (WeChat shows only the title); the description is the
    page's own or what the site is for (not one report's title: the site tracks several)."""
    name = info.title(lang)
    return {
        "page_title": f"{title} - {name}" if title != name else name,
        "description": description or text("home.lead", lang),
    }


def chunks(items: list[Any]) -> list[list[Any]]:
    """`items` in pages of LIST_LIMIT rows (one empty page for an empty list)."""
    limit = LIST_LIMIT  # read at call time: tests set a small limit to exercise paging
    return [items[i : i + limit] for i in range(0, len(items), limit)] or [items]


def paged(path: str, parts: list[list[Any]]) -> list[tuple[str, list[Any], dict[str, Any] | None]]:
    """(file, rows, pager) for a list page, or each of its numbered pages when it is longer
    than LIST_LIMIT: page 1 keeps the list's address, the others are page/2/, page/3/, …"""
    if len(parts) <= 1:
        return [(path, parts[0] if parts else [], None)]
    files = [
        path if n == 0 else path.replace("index.html", f"page/{n + 1}/index.html")
        for n in range(len(parts))
    ]
    return [(files[n], part, {"current": n + 1, "files": files}) for n, part in enumerate(parts)]


def site_name(site: Site) -> str:
    return site.info.title.zh + " / " + site.info.title.en
