"""Every HTML page of the real site read once, as a browser would: the text it shows, the
links and assets it refers to, the ids it has. test_visible_text and test_links both look at
all 1,600 pages; Python's HTML parser takes seconds over them, so they share one reading."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import NamedTuple

HIDDEN = {"script", "style", "template"}


class Read(NamedTuple):
    text: str  # the visible text, its pieces joined by spaces
    refs: tuple[str, ...]  # every href and src, in order (<base> aside)
    ids: frozenset[str]  # every id on an element


class Reader(HTMLParser):
    """The text a browser would draw, roughly: everything outside script, style and <head>;
    and every reference and id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.refs: list[str] = []
        self.ids: set[str] = set()
        self._skip = 0
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._in_body = True
        if tag in HIDDEN:
            self._skip += 1
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value and tag != "base":
                self.refs.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._in_body and not self._skip:
            self.parts.append(data)


def read(html: str) -> Read:
    reader = Reader()
    reader.feed(html)
    reader.close()
    return Read(" ".join(reader.parts), tuple(reader.refs), frozenset(reader.ids))


def read_pages(site: dict[str, bytes]) -> dict[str, Read]:
    """Every .html file of `site`, read."""
    return {
        path: read(body.decode("utf-8")) for path, body in site.items() if path.endswith(".html")
    }
