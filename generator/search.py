"""Search: Pagefind (extended build, with Chinese word segmentation) indexes the written site.

It runs on the finished files in the temporary folder, before the swap, so the index always
matches the pages. An index (a Pagefind bundle, `pagefind/`) holds one language set per
`<html lang>` (zh-hans, en); a large site with several reports has one index per report,
`pagefind/<report id>/` (`bundles`), and its search page reads the newest report's unless the
reader picks another or all. The binary comes from the locked npm package `pagefind`.

What is indexed is marked in the templates with `data-pagefind-body`, so every other page (home,
lists, report, print, status, changes, data, embeds) is left out:
- a commitment page (target.html, partials/search_terms.html): its title (weight 10, and the
  `title` meta, which Pagefind boosts), its quote (Chinese pages, weight 2), the target file's
  `search:` keywords (weight 8), its part and theme and its counties' names (weight 2); filters
  `status`, `theme` and `county` (a county id, or `all`); on Chinese pages the metas `quote` and
  `title_en` (for English results of a Chinese query);
- the name of each county (county.html) and of each part and theme (section.html).
How the search page reads the index (commitments first, whole Chinese words, counties named in
the query, Chinese queries on the English site) is described in templates/static/js/search.js.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator import urls
from generator.assets import ROOT
from generator.model import Site

# The folders of the kinds of page whose templates mark text with data-pagefind-body; Pagefind
# reads only these (--glob). At 10,000 synthetic targets it read all 40,278 pages in 23.7 s
# and 1,085 MB, these 20,102 in 18.5 s and 709 MB, and wrote the same index, file for file.
INDEXED = tuple(
    f"{lang}/{urls.page(kind, lang, 'x').split('/')[1]}/"
    for lang in urls.LANGS
    for kind in ("target", "county", "section")
)
GLOB = "{" + ",".join(sorted({folder.rstrip("/") for folder in INDEXED})) + "}/**/*.html"

BINARY = ROOT / "node_modules" / "@pagefind" / "linux-x64" / "bin" / "pagefind_extended"


# A site with several reports and more commitments than this gets one index per report, the
# newest searched first: Pagefind holds the whole index in memory while it writes it (709 MB
# at 10,000 synthetic commitments, 5.6-6.2 GB at 100,000), and every first search downloads the
# index's meta file, which lists every page (62 KB at 10,000, 614 KB at 100,000, against a
# goal of 200 KB for the whole first search). Read at call time: tests set a small limit.
ONE_INDEX_MAX = 10_000


@dataclass(frozen=True)
class Bundle:
    """One Pagefind index: the folder it is written to and the pages it holds."""

    folder: str  # site-relative, ending in "/": "pagefind/" or "pagefind/<report id>/"
    report: str | None = None  # the id of the report it holds (None: every report)
    targets: frozenset[str] = frozenset()  # its commitments' ids (with a report)
    sections: frozenset[str] = frozenset()  # its parts' ids (with a report)


WHOLE = Bundle("pagefind/")


def bundles(site: Site) -> tuple[Bundle, ...]:
    """The site's search indexes, newest report first: one for the whole site, or one per
    report on a large site with several reports (ONE_INDEX_MAX), which may be of one year
    (several cities' reports)."""
    reports = site.reports  # oldest first
    if len(reports) < 2 or len(site.targets) <= ONE_INDEX_MAX:
        return (WHOLE,)
    by_report: dict[str, set[str]] = {r.id: set() for r in reports}
    for target in site.targets:
        by_report.setdefault(target.report, set()).add(target.id)
    return tuple(
        Bundle(
            f"pagefind/{r.id}/",
            r.id,
            frozenset(by_report[r.id]),
            frozenset(s.id for s in site.sections if s.report == r.id),
        )
        for r in reversed(reports)
    )


class SearchError(Exception):
    pass


def available() -> bool:
    return BINARY.is_file()


def index(site_dir: Path, indexes: tuple[Bundle, ...] = (WHOLE,)) -> None:
    """Write each index into site_dir (raises SearchError with Pagefind's own words on
    failure). An index of one report is made from a copy of the site that holds only its
    pages, made of hard links (no page is copied), in site_dir while it is indexed."""
    if not available():
        raise SearchError(f"the search indexer is missing ({BINARY}); run `make setup`")
    for bundle in indexes:
        if bundle.report is None:
            _pagefind(site_dir, site_dir / bundle.folder)
            continue
        pages = site_dir / f".search-{bundle.report}"
        try:
            _link_pages(site_dir, pages, bundle)
            _pagefind(pages, site_dir / bundle.folder)
        finally:
            shutil.rmtree(pages, ignore_errors=True)


def _link_pages(site_dir: Path, into: Path, bundle: Bundle) -> None:
    """Hard links, at the same site-relative paths, to the pages of `bundle` that Pagefind
    reads: its commitments' pages, its parts' and every county's (with their numbered pages),
    in both languages."""
    for lang in urls.LANGS:
        pages = [site_dir / urls.page("target", lang, t) for t in bundle.targets]
        folders = [urls.page("section", lang, s).rpartition("/")[0] for s in bundle.sections]
        folders.append(urls.page("counties", lang).rpartition("/")[0])
        for folder in folders:
            pages.extend((site_dir / folder).rglob("*.html"))
        for page in pages:
            link = into / page.relative_to(site_dir)
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(page, link)
            except OSError:  # a file system without hard links
                shutil.copyfile(page, link)


def _pagefind(site_dir: Path, output: Path) -> None:
    result = subprocess.run(
        [str(BINARY), "--site", str(site_dir), "--glob", GLOB, "--output-path", str(output)]
        + ["--quiet"],
        capture_output=True,
        text=True,
        # a guard against a hang, not a budget: on 2 busy cores (load average 15-19) indexing
        # 10,000 synthetic targets took longer than 600 s
        timeout=7200,
    )
    if result.returncode != 0:
        raise SearchError("search indexing failed: " + (result.stderr or result.stdout).strip())
