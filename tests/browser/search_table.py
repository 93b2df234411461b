"""The table of every reader query of test_search.py: language, query, the first result and the
rank of the expected commitment, as the search page shows them in Debian's Chromium.

    .venv/bin/python -m tests.browser.search_table [SITE_DIR]

Builds the real content into a temporary folder (with the search index) unless SITE_DIR is
given, serves it under the test sub-path, prints the table as Markdown and writes it to
tests/artifacts/search-table.md.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from generator import search as indexer
from generator.build import build
from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, CONTENT, DESKTOP, REPO, SiteServer
from tests.browser.test_search import QUERIES, search, target_id

OUT = REPO / "tests" / "artifacts" / "search-table.md"


def table(site: Path) -> str:
    rows = [
        "| lang | query | first result | rank of expected | expected |",
        "|---|---|---|---:|---|",
    ]
    with SiteServer(site) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=DESKTOP)
        for lang, query, expected in QUERIES:
            results = search(page, server.base_url, lang, query)
            ids = [target_id(r["href"]) for r in results]
            rank = str(ids.index(expected) + 1) if expected in ids else "—"
            first = f"{results[0]['title']} (`{ids[0]}`)" if results else "no results"
            rows.append(f"| {lang} | {query} | {first} | {rank} | `{expected}` |")
        browser.close()
    return "\n".join(rows) + "\n"


def main(argv: list[str]) -> int:
    if argv:
        text = table(Path(argv[0]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            build(CONTENT, site, search_index=indexer.available())
            text = table(site)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
