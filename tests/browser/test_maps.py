"""The county map: a live ECharts map with JavaScript (hover, click, keyboard), and a plain SVG
of links plus a data table without it."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import COUNTY_URL, wait_for_charts

COUNTIES = 13
COUNTY_ID = re.compile(r"counties/([a-z0-9-]+)/")
MAP = ".map-figure .chart.is-live .chart-live"
# ECharts' tooltip: the absolutely positioned <div> it adds inside the chart container.
TOOLTIP = MAP + ' > div[style*="position: absolute"]'

# page -> (the county hovered and clicked, its name in the page's language)
CASES = {
    "zh/": ("ruicheng", "芮城县"),
    "en/": ("ruicheng", "Ruicheng County"),
    "zh/counties/ruicheng/": ("hejin", "河津市"),
}

MAP_INFO = """() => {
  const chart = echarts.getInstanceByDom(document.querySelector('.map-figure .chart-live'));
  const series = chart.getOption().series[0];
  return {
    type: series.type,
    data: series.data.map(d => ({name: d.name, url: d.url})),
    // County outlines are long paths; the visualMap legend and labels draw only short ones.
    outlines: Array.from(document.querySelectorAll('.map-figure .chart-live svg path'))
      .filter(p => (p.getAttribute('d') || '').split('L').length > 50).length,
  };
}"""

COUNTY_PIXEL = """(name) => echarts
  .getInstanceByDom(document.querySelector('.map-figure .chart-live'))
  .convertToPixel({seriesIndex: 0}, name)"""

# The live map has finished drawing: what ECharts checks before its own 'finished' event.
SETTLED = """() => {
  const zr = echarts.getInstanceByDom(document.querySelector('.map-figure .chart-live')).getZr();
  return zr.animation.isFinished() && !zr._needsRefresh && !zr._needsRefreshHover;
}"""


def county_of(url: str) -> str | None:
    """The county id in a county page's URL or site path ('zh/counties/hejin/…' -> 'hejin')."""
    match = COUNTY_ID.search(url)
    return match.group(1) if match else None


def open_live_map(page: Page, url: str) -> dict:
    page.goto(url)
    # Every chart, not just the map: a chart going live replaces its fallback and can move the map.
    wait_for_charts(page)
    page.locator(MAP).scroll_into_view_if_needed()
    return page.evaluate(MAP_INFO)


def name_of(info: dict, county: str) -> str:
    (name,) = [d["name"] for d in info["data"] if county_of(d["url"]) == county]
    return name


def county_point(page: Page, info: dict, county: str) -> tuple[float, float]:
    """Page coordinates of the county's centre on the live map (ECharts computes the centre of
    the region named like the data item whose url is that county's page)."""
    (name,) = [d["name"] for d in info["data"] if county_of(d["url"]) == county]
    x, y = page.evaluate(COUNTY_PIXEL, name)
    box = page.locator(MAP).bounding_box()
    assert box is not None
    point = box["x"] + x, box["y"] + y
    on_map = page.evaluate(
        "([x, y]) => !!document.elementFromPoint(x, y)?.closest('.map-figure .chart-live svg')",
        point,
    )
    assert on_map, f"the centre of {name} at {point} is not on the live map (covered? off-screen?)"
    return point


@pytest.mark.parametrize("path", CASES)
def test_live_map_draws_all_counties(page: Page, base_url: str, path: str) -> None:
    info = open_live_map(page, base_url + path)
    assert info["type"] == "map"
    assert len(info["data"]) == COUNTIES
    assert info["outlines"] == COUNTIES
    # The no-JS figure is hidden once the live map is up.
    expect(page.locator(".map-figure .chart-fallback")).to_be_hidden()


@pytest.mark.parametrize("path", CASES)
def test_hovering_a_county_names_it(page: Page, base_url: str, path: str) -> None:
    county, name = CASES[path]
    info = open_live_map(page, base_url + path)
    page.mouse.move(*county_point(page, info, county))
    expect(page.locator(TOOLTIP)).to_be_visible()
    expect(page.locator(TOOLTIP)).to_contain_text(name)


@pytest.mark.parametrize("path", CASES)
def test_clicking_a_county_opens_its_page(page: Page, base_url: str, path: str) -> None:
    county, _ = CASES[path]
    lang = path[:2]
    info = open_live_map(page, base_url + path)
    point = county_point(page, info, county)
    # Hover first, as a reader does: the tooltip proves the chart maps this point to the
    # county before the click (a click on a chart still settling after layout can be lost).
    page.mouse.move(*point)
    expect(page.locator(TOOLTIP)).to_contain_text(name_of(info, county))
    # A click sent in the frames right after the tooltip shows, while ECharts still animates
    # the hovered county, was sometimes not reported as a click (about 1 run in 20): wait until
    # the chart has settled (no animation running, nothing left to redraw), as a reader's hand
    # would.
    page.wait_for_function(SETTLED, polling="raf")
    page.mouse.click(*point)
    page.wait_for_url(f"{base_url}{lang}/counties/{county}/**")
    assert page.url == f"{base_url}{lang}/counties/{county}/", "not the clean directory URL"


@pytest.mark.parametrize("path", ["zh/", "en/"])
def test_keyboard_moves_between_counties_and_opens_one(
    page: Page, base_url: str, path: str
) -> None:
    info = open_live_map(page, base_url + path)
    live = page.locator(MAP)
    expect(live).to_have_attribute("tabindex", "0")
    live.focus()  # the first county is highlighted
    live.press("ArrowRight")  # the second county
    second = info["data"][1]
    expect(page.locator(TOOLTIP)).to_contain_text(second["name"])
    assert (live.get_attribute("aria-label") or "").startswith(second["name"])
    live.press("Enter")
    page.wait_for_url("**/counties/**")
    assert COUNTY_URL.search(page.url), f"Enter opened {page.url}, not a clean county URL"
    assert county_of(page.url) == county_of(second["url"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_javascript_the_map_is_svg_links_and_a_table(
    new_page: Callable[..., Page], base_url: str, lang: str
) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(f"{base_url}{lang}/")
    svg = page.locator("svg.map-svg")
    expect(svg).to_be_visible()
    links = svg.locator("a")
    expect(links).to_have_count(COUNTIES)
    expect(svg.locator("a > path")).to_have_count(COUNTIES)
    expect(svg.locator("a > title")).to_have_count(COUNTIES)
    hrefs = links.evaluate_all(
        "as => as.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"
    )
    counties = set()
    for href in hrefs:
        assert href.startswith(f"{base_url}{lang}/counties/"), href
        match = COUNTY_URL.search(href)
        assert match, href
        counties.add(match.group(1))
        assert page.request.get(href, max_redirects=0).status == 200, href
    assert len(counties) == COUNTIES
    expect(page.locator(".map-figure details.data-table table tbody tr")).to_have_count(COUNTIES)
    expect(page.locator(".chart-live")).to_have_count(0)
