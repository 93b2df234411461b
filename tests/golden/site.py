"""Build the minimal fixture the way the golden test does (shared by the test and `make golden`).

`paged/` holds the `<main>` of every page of a paged list when a list page holds one row
(LIST_LIMIT = 1), so the pager and the rows around it are pinned too: the fixture's 3 targets
make the full list 3 pages (first, middle, last) and its first part 2 pages.
"""

from __future__ import annotations

from pathlib import Path

from generator.pages import page as plan
from generator.build import render_site
from generator.write import manifest
from tests.casefile import MINIMAL

EXPECTED = Path(__file__).resolve().parent / "expected"
SKIP = ("assets/",)  # copied verbatim from templates/static and the locked npm bundle
BASE_URL = "https://example.org/tracker/"


def golden_output() -> dict[str, bytes]:
    output, _, _ = render_site(MINIMAL, base_url=BASE_URL)
    output["manifest.json"] = manifest(output, None)
    files = {path: data for path, data in output.items() if not path.startswith(SKIP)}
    return files | paged_output()


def paged_output() -> dict[str, bytes]:
    limit = plan.LIST_LIMIT
    plan.LIST_LIMIT = 1
    try:
        output, _, _ = render_site(MINIMAL, base_url=BASE_URL)
    finally:
        plan.LIST_LIMIT = limit
    paged = {}
    for path, data in output.items():
        first = path.endswith("/index.html") and path[:-10] + "page/2/index.html" in output
        if first or "/page/" in path:
            main = data[data.index(b"<main") : data.index(b"</main>") + len(b"</main>")]
            paged["paged/" + path] = main + b"\n"
    assert paged, "no list pages at one row a page"
    return paged
