"""A list of commitments draws its rows only near the window (site.css, content-visibility), each
sized until then by the most lines it can take on a 320 px phone (its rl-N class, from
templates/macros/targets.html). That size must never be shorter than the row once drawn: else
the page would move as a reader scrolls, and a checker would see a row's links overlap the next
row's. Measured on the longest list, at the narrowest width the site supports, in both languages
and in large type."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

# For every row: the height it counts as until drawn, then its height drawn.
MEASURE = """() => Array.from(document.querySelectorAll('.target-row'), row => {
  const style = getComputedStyle(row);
  const until = style.contentVisibility === 'auto'
    ? parseFloat(style.containIntrinsicBlockSize.replace('auto ', '')) : Infinity;
  row.style.contentVisibility = 'visible';
  const drawn = row.getBoundingClientRect().height;
  return [row.querySelector('a.target-title').textContent, until, drawn];
})"""


@pytest.mark.parametrize("large_type", [False, True], ids=["normal", "large-type"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_row_is_never_drawn_taller_than_its_size_until_drawn(
    new_page: Callable[..., Page], base_url: str, lang: str, large_type: bool
) -> None:
    page = new_page(viewport={"width": 320, "height": 700})
    page.goto(f"{base_url}{lang}/targets/")
    if large_type:
        page.evaluate("() => document.documentElement.classList.add('large-type')")
    rows = page.evaluate(MEASURE)
    assert len(rows) > 100  # the whole list, on one page
    undrawn = [r for r in rows if r[1] != float("inf")]
    assert len(undrawn) == len(rows)  # every row of this list is drawn near the window only
    short = [(title, until, drawn) for title, until, drawn in rows if until < drawn]
    assert not short, short[:5]
