"""Progressive charts: a page is whole with its own SVG and HTML figures; the chart library
(about 220 KB gzipped) is fetched only when a chart comes into view or the reader reaches for
it, and the live chart takes the figure's place without moving anything on the page."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import PHONE

LATER = ("echarts.min.js", "yuncheng.json")  # what charts.js fetches for a live map

# Where each chart box, each heading and the footer are, in page coordinates.
PLACES = """() => {
  const box = e => { const r = e.getBoundingClientRect();
                     return [Math.round(r.left), Math.round(r.top + scrollY), Math.round(r.width),
                             Math.round(r.height)]; };
  return Array.from(document.querySelectorAll('.chart[data-chart], h2, details, footer'))
    .filter(e => e.getClientRects().length).map(e => [e.tagName, e.id, box(e)]);
}"""


def fetched(page: Page) -> list[str]:
    return page.evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name.split('/').pop())"
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_phone_the_map_goes_live_only_in_view_and_nothing_moves(
    new_page: Callable[..., Page], base_url: str, lang: str
) -> None:
    page = new_page(viewport=PHONE)
    page.goto(f"{base_url}{lang}/")
    page.wait_for_load_state("networkidle")
    # The page as loaded: the drawn map and bars, no chart library.
    expect(page.locator("svg.map-svg")).to_be_visible()
    expect(page.locator(".bar-list").first).to_be_visible()
    assert not any(name in LATER for name in fetched(page)), fetched(page)
    expect(page.locator(".chart.is-live")).to_have_count(0)
    before = page.evaluate(PLACES)

    page.locator(".map-figure .chart").evaluate("c => c.scrollIntoView({block: 'center'})")
    expect(page.locator(".map-figure .chart.is-live .chart-live svg path").first).to_be_attached()
    assert set(LATER) <= set(fetched(page))
    expect(page.locator(".map-figure .chart-fallback")).to_be_hidden()
    expect(page.locator(".map-figure .chart-live")).to_be_visible()
    # the sections chart is further down: still its drawn bars
    expect(page.locator(f"#sections-{lang}.is-live")).to_have_count(0)
    # Nothing moved: the live map has its figure's box, and what follows stays where it was.
    assert page.evaluate(PLACES) == before
    live = page.locator(".map-figure .chart-live").bounding_box()
    chart = page.locator(".map-figure .chart").bounding_box()
    assert live and chart and live == chart


def test_tabbing_into_the_drawn_map_lands_on_the_live_map(
    new_page: Callable[..., Page], base_url: str
) -> None:
    page = new_page(viewport=PHONE)
    page.goto(f"{base_url}en/counties/yanhu/")  # the map is far below the first screen
    page.wait_for_load_state("networkidle")
    expect(page.locator(".chart.is-live")).to_have_count(0)
    # a keyboard reader reaches the first county link of the drawn map
    page.locator("svg.map-svg a").first.focus()
    live = page.locator(".map-figure .chart.is-live .chart-live")
    expect(live).to_be_focused()
    # the first county is shown, as when tabbing onto the live map
    expect(live).to_have_attribute("aria-label", re.compile(r"\S"))
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/counties/*/")


def test_without_the_chart_library_the_drawn_map_stays(
    new_page: Callable[..., Page], base_url: str, problems
) -> None:
    page = new_page(viewport=PHONE)
    page.route("**/echarts.min.js", lambda route: route.fulfill(status=503, body=""))
    problems.allow_http_error("echarts.min.js", 503)
    page.goto(f"{base_url}zh/counties/")
    page.locator(".map-figure .chart").hover()
    page.wait_for_load_state("networkidle")
    expect(page.locator("svg.map-svg")).to_be_visible()
    expect(page.locator("svg.map-svg a")).to_have_count(13)
    expect(page.locator(".chart.is-live")).to_have_count(0)
