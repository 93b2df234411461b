"""No page of the real site shows a reader markup, template syntax or a placeholder.

The Chinese report once printed `<mark class=…>` as text in every paragraph with a commitment
while every test passed: those tests looked for errors, not at what a reader sees. This reads
the text of every page as a browser would show it (scripts, styles and JSON data apart) and
looks for what must never be there. The browser tests check the same on a page of each type.
"""

from __future__ import annotations

import re

from tests.content.reading import Read, read

# What must never reach a reader: escaped or literal markup, template syntax, placeholders,
# and the words a program prints for a missing value.
FORBIDDEN = re.compile(
    r"<mark|</a>|<span|&lt;|&gt;|&amp;|&#|\{\{|\}\}|\{%|%\}|\{[a-z_]+\}|YYYY|D Month|"
    r"\bundefined\b|\bNaN\b|\bNone\b|\bnull\b|\bTODO\b|\bFIXME\b"
)


def visible_text(html: str) -> str:
    """The text a browser would draw, roughly (tests/content/reading.py)."""
    return read(html).text


def test_the_checker_catches_what_the_report_page_once_showed() -> None:
    broken = "<p>守住粮食安全底线。&lt;mark class=&#34;commitment&#34;&gt;加快&lt;/mark&gt;</p>"
    assert FORBIDDEN.search(visible_text(f"<body>{broken}</body>"))
    assert not FORBIDDEN.search(visible_text("<body><p><mark>加快</mark></p></body>"))


def test_no_page_shows_markup_or_placeholders(real_pages: dict[str, Read]) -> None:
    found = []
    for path, page in sorted(real_pages.items()):
        text = page.text
        for match in FORBIDDEN.finditer(text):
            around = text[max(0, match.start() - 40) : match.end() + 40].replace("\n", " ")
            found.append(f"{path}: {match.group()!r} in …{around}…")
    assert len(real_pages) > 700
    assert not found, "\n".join(found[:30])


# A Chinese label ends with the full-width colon: "完成期限：2021年12月31日", never
# "完成期限: …" (the English form, once on the commitment page, the footer and the map).
HALF_WIDTH_COLON = re.compile(r"[\u4e00-\u9fff）》”]: ")


def test_chinese_pages_write_labels_with_the_full_width_colon(
    real_pages: dict[str, Read],
) -> None:
    assert HALF_WIDTH_COLON.search(visible_text("<body><p>进度研判: 达进度</p></body>"))
    found = [
        f"{path}: …{page.text[max(0, m.start() - 20) : m.end() + 20]}…"
        for path, page in sorted(real_pages.items())
        if path.startswith("zh/")
        for m in HALF_WIDTH_COLON.finditer(page.text)
    ]
    assert not found, "\n".join(found[:30])
