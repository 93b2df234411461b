"""Build the golden fixtures the way the golden test does (shared by the test and `make golden`).

Everything is made by `generator.build.build`, the path that ships, from a copy of the fixture
outside any git checkout (so the manifest names no commit), without a search index:

- the minimal fixture (tests/fixtures/minimal, 3 targets) with a base URL: every file but the
  assets (copied verbatim from templates/static and the locked npm bundle), manifest included;
- `paged/`: the `<main>` of every page of a paged list of the minimal fixture at one row a page,
  so the pager and the rows around it are pinned: its 3 targets make the full list 3 pages
  (first, middle, last) and its first part 2 pages;
- `pagers/zh.html`, `pagers/en.html`: the pager of every page of every paged list of the paged
  fixture (tests/fixtures/paged: 30 synthetic targets in 7 parts, several themes a part, every
  status) at two rows a page, each under a comment naming its page.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from tests.built import built, list_limit
from tests.casefile import HERE, MINIMAL

EXPECTED = Path(__file__).resolve().parent / "expected"
PAGED = HERE / "fixtures" / "paged"
SKIP = ("assets/",)  # copied verbatim from templates/static and the locked npm bundle
BASE_URL = "https://example.org/tracker/"
PAGER = re.compile(rb'<nav class="pager".*?</nav>', re.S)


def build_copy(fixture: Path, work: Path, workers: int, base_url: str | None) -> dict[str, bytes]:
    """Every file `build` writes for a copy of `fixture` made in `work`."""
    content = work / "content"
    shutil.copytree(fixture, content)
    return built(content, work / "site", base_url=base_url, workers=workers).files


PAGED_PARTS = ("paged/", "pagers/")  # the parts of the tree made at a small list limit


def golden_output(workers: int = 1, paged: bool = True) -> dict[str, bytes]:
    """The golden tree: {path under tests/golden/expected: bytes}; without the PAGED_PARTS
    when `paged` is false."""
    with tempfile.TemporaryDirectory(prefix="golden-") as tmp:
        work = Path(tmp)
        files = build_copy(MINIMAL, work / "minimal", workers, BASE_URL)
        golden = {path: data for path, data in files.items() if not path.startswith(SKIP)}
        if not paged:
            return golden
        with list_limit(1):
            golden |= paged_mains(build_copy(MINIMAL, work / "paged", workers, BASE_URL))
        with list_limit(2):
            golden |= pagers(build_copy(PAGED, work / "pagers", workers, None))
    return golden


def paged_pages(files: dict[str, bytes]) -> list[str]:
    """Every page of every paged list: a list's first page (it has a page 2) and the others."""
    return [
        path
        for path in sorted(files)
        if path.endswith("/index.html")
        and (path[: -len("index.html")] + "page/2/index.html" in files or "/page/" in path)
    ]


def paged_mains(files: dict[str, bytes]) -> dict[str, bytes]:
    paged = {}
    for path in paged_pages(files):
        data = files[path]
        main = data[data.index(b"<main") : data.index(b"</main>") + len(b"</main>")]
        paged["paged/" + path] = main + b"\n"
    assert paged, "no list pages at one row a page"
    return paged


def pagers(files: dict[str, bytes]) -> dict[str, bytes]:
    by_lang: dict[str, list[bytes]] = {}
    for path in paged_pages(files):
        found = PAGER.findall(files[path]) or [b"(no pager)"]
        text = b"\n".join(found)
        by_lang.setdefault(path.split("/", 1)[0], []).append(
            b"<!-- " + path.encode() + b" -->\n" + text + b"\n"
        )
    assert sorted(by_lang) == ["en", "zh"], sorted(by_lang)
    return {f"pagers/{lang}.html": b"".join(parts) for lang, parts in by_lang.items()}
