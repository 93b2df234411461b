"""No page of the real site shows a reader markup, template syntax or a placeholder.

The Chinese report once printed `<mark class=…>` as text in every paragraph with a commitment
while every test passed: those tests looked for errors, not at what a reader sees. This reads
the text of every page as a browser would show it (scripts, styles and JSON data apart) and
looks for what must never be there. The browser tests check the same on a page of each type.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

# What must never reach a reader: escaped or literal markup, template syntax, placeholders,
# and the words a program prints for a missing value.
FORBIDDEN = re.compile(
    r"<mark|</a>|<span|&lt;|&gt;|&amp;|&#|\{\{|\}\}|\{%|%\}|\{[a-z_]+\}|YYYY|D Month|"
    r"\bundefined\b|\bNaN\b|\bNone\b|\bnull\b|\bTODO\b|\bFIXME\b"
)
HIDDEN = {"script", "style", "template"}


class VisibleText(HTMLParser):
    """The text a browser would draw, roughly: everything outside script, style and <head>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._in_body = True
        if tag in HIDDEN:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._in_body and not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


@pytest.fixture(scope="module")
def pages(real_site: dict[str, bytes]) -> dict[str, str]:
    return {
        path: body.decode("utf-8") for path, body in real_site.items() if path.endswith(".html")
    }


def test_the_checker_catches_what_the_report_page_once_showed() -> None:
    broken = "<p>守住粮食安全底线。&lt;mark class=&#34;commitment&#34;&gt;加快&lt;/mark&gt;</p>"
    assert FORBIDDEN.search(visible_text(f"<body>{broken}</body>"))
    assert not FORBIDDEN.search(visible_text("<body><p><mark>加快</mark></p></body>"))


def test_no_page_shows_markup_or_placeholders(pages: dict[str, str]) -> None:
    found = []
    for path, html in sorted(pages.items()):
        text = visible_text(html)
        for match in FORBIDDEN.finditer(text):
            around = text[max(0, match.start() - 40) : match.end() + 40].replace("\n", " ")
            found.append(f"{path}: {match.group()!r} in …{around}…")
    assert len(pages) > 700
    assert not found, "\n".join(found[:30])
