"""The first search of a large synthetic site, as the slow phone of benchmarks/pagebench.py
makes it: what the browser downloads from typing the query to the results shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.pagebench import KB, LANGS, PAGES, QUERIES, PageResult, _browse
from benchmarks.pageserver import GzipServer


def first_search(site: Path, log: Any = print) -> dict[str, Any]:
    """The first search on a built site's search page (a synthetic one at 10,000 or 100,000
    targets: its vocabulary has the real queries' words), each language once, as the slow
    phone: {lang: {"kb": …, "files": {file: bytes}}}, what the browser fetched from typing the
    query to the results shown: pagefind.js's worker, the wasm, the entry and meta files, the
    index chunks and the fragments of the results it shows."""
    results = [PageResult("search", lang, "") for lang in LANGS]
    with GzipServer(site) as server:
        for r in results:
            r.url = f"{server.url}{r.lang}/{PAGES['search']}"
        _browse(results, server.url, 1, log)
    out = {}
    for r in results:
        # Pagefind's files fetched with the page, before the query (none when the search page
        # loads Pagefind on the first search), count for the first search too
        early = {f: n for f, n in r.files.items() if "pagefind" in f}
        searched = sum(r.search_files.values()) + sum(early.values())
        out[r.lang] = {
            "kb": searched / KB if r.search else None,
            "query": QUERIES[r.lang],
            "files": {**early, **r.search_files},
        }
    return out
