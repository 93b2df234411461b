"""Every relative link and asset in every page of the real site resolves to a file it builds.

The browser tests follow the links of a few page types over HTTP; this checks all 1,600 pages
offline, as tests/content/reading.py read them. It caught list rows and headers, cached per page
depth, whose short links ("../x/") were right only for the page that rendered them first.
"""

from __future__ import annotations

import posixpath

from tests.content.reading import Read


def resolve(page: str, ref: str) -> tuple[str, str]:
    """(output file, fragment) a relative reference on `page` points at."""
    ref, _, fragment = ref.partition("#")
    ref = ref.split("?", 1)[0]
    if not ref:
        return page, fragment
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), ref))
    if ref.endswith("/") or ref in (".", "./"):
        path = posixpath.join(path, "index.html") if path != "." else "index.html"
    return path, fragment


def test_every_relative_link_resolves(
    real_site: dict[str, bytes], real_pages: dict[str, Read]
) -> None:
    output, pages = real_site, real_pages
    assert len(pages) > 600
    broken = []
    for page, refs in sorted(pages.items()):
        for ref in refs.refs:
            if ref.startswith(("http:", "https:", "mailto:", "data:", "//")):
                continue
            if page == "404.html" and ref.startswith("/"):
                continue  # served at any missing address, so it links from the root (README)
            target, fragment = resolve(page, ref)
            if target.startswith("..") or target not in output:
                broken.append(f"{page}: {ref} → {target} (no such file)")
            elif fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{page}: {ref} → no id {fragment!r} in {target}")
    assert not broken, f"{len(broken)} broken:\n" + "\n".join(broken[:30])
