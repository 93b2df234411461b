"""Full-page screenshots for human review: tests/artifacts/screenshots/<page>-<lang>-<width>.png
(git-ignored). The test only checks the pages render; the pictures are for people."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from tests.browser.support import DESKTOP, PHONE, save_screenshot, wait_for_charts
from tests.browser.test_search import FINISHED

# One page of every type (and the commitment page in its four states), both languages.
SHOTS = {
    "home": "{lang}/",
    "commitments": "{lang}/targets/",
    "commitment": "{lang}/targets/afforestation-167000-mu/",
    "commitment-late": "{lang}/targets/linyi-yellow-river-bridge/",
    "commitment-empty": "{lang}/targets/fifth-kindergarten-opens/",
    "commitment-missed": "{lang}/targets/ruicheng-general-airport/",
    "section": "{lang}/sections/three-strong-cities/",
    "status": "{lang}/status/achieved/",
    "counties": "{lang}/counties/",
    "county": "{lang}/counties/ruicheng/",
    "report": "{lang}/report/",
    "document": "{lang}/documents/yuncheng-2022/",
    "changes": "{lang}/changes/",
    "changes-month": "{lang}/changes/2021-12/",
    "search": "{lang}/search/?q=%E6%9C%BA%E5%9C%BA",
    "about": "{lang}/about/",
    "glossary": "{lang}/glossary/",
    "data": "{lang}/data/",
    "print": "{lang}/print/",
    "embed-target": "{lang}/embed/targets/linyi-yellow-river-bridge/",
    "embed-map": "{lang}/embed/map/",
}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}

# How far the page scrolls sideways, and the outermost elements sticking out past the right edge.
OVERFLOW = """() => {
  const root = document.documentElement, width = root.clientWidth;
  const out = Array.from(document.body.querySelectorAll('*')).filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > width + 1 && e.closest('.table-scroll, .data-table') === null;
  });
  const outermost = out.filter(e => !out.includes(e.parentElement));
  return {
    by: root.scrollWidth - width,
    culprits: outermost.slice(0, 3).map(e => e.tagName.toLowerCase() +
      (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '')),
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshots_and_no_sideways_scrolling(
    new_page: Callable[..., Page], base_url: str, lang: str, width: str
) -> None:
    page = new_page(viewport=WIDTHS[width])
    overflowing = []
    for name, path in SHOTS.items():
        url = path.format(lang=lang)
        page.goto(base_url + url)
        wait_for_charts(page)
        if name == "search":  # the picture and the reflow check are of the results shown
            page.wait_for_function(FINISHED, timeout=15_000)
            assert page.locator("#search-results > li").count() > 0
        saved = save_screenshot(page, f"{name}-{lang}-{width}")
        assert saved.stat().st_size > 10_000, saved
        # Nothing may stick out sideways (WCAG 1.4.10 reflow): wide tables scroll in place.
        overflow = page.evaluate(OVERFLOW)
        if overflow["by"] > 0:
            overflowing.append(f"{url} by {overflow['by']}px: {overflow['culprits']}")
    px = WIDTHS[width]["width"]
    assert not overflowing, f"pages scroll sideways at {px}px:\n" + "\n".join(overflowing)
