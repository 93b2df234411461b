"""Search: Pagefind (extended build, with Chinese word segmentation) indexes the written site.

It runs on the finished files in the temporary folder, before the swap, so the index always
matches the pages; one index per `<html lang>` (zh-hans, en). The binary comes from the locked
npm package `pagefind`.

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

import subprocess
from pathlib import Path

from generator import urls
from generator.assets import ROOT

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


class SearchError(Exception):
    pass


def available() -> bool:
    return BINARY.is_file()


def index(site_dir: Path) -> None:
    """Write site_dir/pagefind/ (raises SearchError with Pagefind's own words on failure)."""
    if not available():
        raise SearchError(f"the search indexer is missing ({BINARY}); run `make setup`")
    result = subprocess.run(
        [str(BINARY), "--site", str(site_dir), "--glob", GLOB, "--quiet"],
        capture_output=True,
        text=True,
        # a guard against a hang, not a budget: on 2 busy cores (load average 15-19) indexing
        # 10,000 synthetic targets took longer than 600 s, and 100,000 take ten times as many
        timeout=7200,
    )
    if result.returncode != 0:
        raise SearchError("search indexing failed: " + (result.stderr or result.stdout).strip())
