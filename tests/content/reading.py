"""Every HTML page of the real site read once, as a browser would: the text it shows, the
links and assets it refers to, the ids it has. test_visible_text and test_links both look at
all 1,600 pages, so they share one reading; libxml2's HTML parser (lxml) reads them in about
a second, where Python's own parser took six."""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree
from lxml import html as lxml_html

HIDDEN = frozenset({"script", "style", "template"})


class Read(NamedTuple):
    text: str  # the visible text, its pieces joined by spaces
    refs: tuple[str, ...]  # every href and src, in order (<base> aside)
    ids: frozenset[str]  # every id on an element


PARSER = lxml_html.HTMLParser(encoding="utf-8")


def read(page: str | bytes) -> Read:
    """One page, as text or as the UTF-8 bytes the site holds."""
    root = etree.fromstring(page.encode("utf-8") if isinstance(page, str) else page, PARSER)
    refs: list[str] = []
    ids: set[str] = set()
    for element in root.iter(etree.Element):
        if (href := element.get("href")) and element.tag != "base":
            refs.append(href)
        if src := element.get("src"):
            refs.append(src)
        if name := element.get("id"):
            ids.add(name)
    # What a browser draws, roughly: the body without script, style, template and comments
    # (the text after each of them stays).
    etree.strip_elements(root, *HIDDEN, etree.Comment, with_tail=False)
    body = root.find("body")
    text = " ".join(body.itertext()) if body is not None else ""
    return Read(text, tuple(refs), frozenset(ids))


def read_pages(site: dict[str, bytes]) -> dict[str, Read]:
    """Every .html file of `site`, read."""
    return {path: read(body) for path, body in site.items() if path.endswith(".html")}
