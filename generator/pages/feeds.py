"""The Atom feed of each language and the sitemap: template-drawn like pages, listed in the
page table, though they are XML files rather than folders with an index.html."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from generator import urls
from generator.model import Document, SiteInfo, Update
from generator.pages.inputs import PlanInputs
from generator.pages.page import Page
from generator.pages.views import TargetView

FEED_LIMIT = 100  # newest updates in each Atom feed; the changes pages and data hold them all
# Atom ids (RFC 4151 tag URIs) name the tracker, not the host it happens to be served from:
# moving the site or setting base_url later must not make every entry look new to a reader.
FEED_TAG = "tag:hedong-open.yuncheng,2021:"


def plan(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    site = inputs.site
    entries = inputs.updates[:FEED_LIMIT]
    newest = entries[0][0].date if entries else site.info.report_date
    # an entry's id: its language, target and place in the target's history (1 = oldest);
    # updates are only ever added after the last one, so the number of an update never moves
    numbered = tuple(
        (u, v, next(n for n, w in enumerate(v.target.updates, 1) if w is u)) for u, v in entries
    )
    args = (site.info, numbered, newest, inputs.base_url, inputs.common["documents"])
    yield Page(urls.page("feed", lang), "feed", lang, "feeds/atom.xml", feed_context, args)


def feed_context(
    info: SiteInfo,
    entries: tuple[tuple[Update, TargetView, int], ...],
    updated: dt.date,
    base_url: str | None,
    documents: Mapping[str, Document],
) -> dict[str, Any]:
    return {
        "site": info,
        "entries": list(entries),
        "updated": updated,
        "base_url": base_url,
        "tag": FEED_TAG,
        "documents": documents,
    }


SITEMAP_URLS = 50_000  # the sitemap protocol's limit of URLs in one file


def sitemap(base_url: str | None, pages: Iterable[Page]) -> Iterator[Page]:
    """The sitemap (only with a public address): every Chinese page but the embeds, each with
    its English twin. Beyond the protocol's 50,000 URLs in one file, sitemap.xml is an index
    of sitemap-1.xml, sitemap-2.xml, … (about 24,000 commitments make 50,000 URLs)."""
    if not base_url:
        return
    listed = tuple(
        sorted(
            p.path
            for p in pages
            if p.lang == "zh"
            and p.path.startswith("zh/")
            and p.path.endswith(".html")
            and "/embed/" not in p.path
        )
    )
    per_file = SITEMAP_URLS // 2  # read at call time: tests set a small limit
    if len(listed) <= per_file:
        yield Page(
            "sitemap.xml", "sitemap", None, "feeds/sitemap.xml", sitemap_context, (base_url, listed)
        )
        return
    parts = [listed[i : i + per_file] for i in range(0, len(listed), per_file)]
    files = tuple(f"sitemap-{n}.xml" for n in range(1, len(parts) + 1))
    for name, part in zip(files, parts, strict=True):
        args = (base_url, part)
        yield Page(name, "sitemap-part", None, "feeds/sitemap.xml", sitemap_context, args)
    yield Page(
        "sitemap.xml", "sitemap", None, "feeds/sitemap_index.xml", index_context, (base_url, files)
    )


def sitemap_context(base_url: str, listed: tuple[str, ...]) -> dict[str, Any]:
    return {"base_url": base_url, "pages": list(listed)}


def index_context(base_url: str, files: tuple[str, ...]) -> dict[str, Any]:
    return {"base_url": base_url, "files": list(files)}
