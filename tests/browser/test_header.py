"""The site header: one short line on a phone (also in large-text mode), a menu that works with
the keyboard and without JavaScript, and the full title with the navigation on a desktop."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

PHONE_375 = {"width": 375, "height": 812}
WIDE = {"width": 1366, "height": 900}
MAX_PHONE_HEADER = 120  # px: about a seventh of an 812 px screen (it was 345)
NAV = 7  # links in the main navigation
PAGES = ["", "targets/farmland-high-standard/", "report/"]


def header_height(page: Page) -> float:
    return page.locator(".site-header").evaluate("e => e.getBoundingClientRect().height")


def open_large_type(page: Page, base_url: str) -> None:
    """Large-text mode as a reader turns it on: the switch in the menu, remembered."""
    page.goto(base_url + "zh/")
    page.locator("details.menu > summary").click()
    page.locator(".large-type-toggle").click()
    expect(page.locator("html")).to_contain_class("large-type")


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large-text"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_phone_header_is_one_short_line(
    new_page: Callable[..., Page], base_url: str, lang: str, large: bool
) -> None:
    page = new_page(viewport=PHONE_375)
    if large:
        open_large_type(page, base_url)
    for path in PAGES:
        page.goto(f"{base_url}{lang}/{path}")
        height = header_height(page)
        assert height <= MAX_PHONE_HEADER, f"{lang}/{path}: header is {height:.0f}px tall"
        # The page's own title starts in the first screen's top third.
        top = page.locator("main h1").first.evaluate("e => e.getBoundingClientRect().top")
        assert top < 812 / 3, f"{lang}/{path}: the h1 starts at {top:.0f}px"
    # One line: the short name, the search link and the menu button share a row.
    short = {"zh": "河东公开", "en": "Hedong Open"}[lang]
    expect(page.locator(".brand")).to_have_text(short, use_inner_text=True)
    boxes = [
        page.locator(sel).bounding_box()
        for sel in (".brand-mark", ".search-link", "details.menu > summary")
    ]
    centres = [b["y"] + b["height"] / 2 for b in boxes if b]
    assert len(centres) == 3 and max(centres) - min(centres) < 4, boxes
    # The navigation waits behind the menu.
    expect(page.locator(".site-nav")).to_be_hidden()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_phone_menu_opens_and_its_links_work_by_keyboard(
    new_page: Callable[..., Page], base_url: str, js: bool
) -> None:
    page = new_page(viewport=PHONE_375, java_script_enabled=js)
    page.goto(base_url + "zh/targets/")
    nav_links = page.locator(".site-nav a")
    expect(nav_links).to_have_count(NAV)
    expect(nav_links.first).to_be_hidden()
    # Keyboard only: skip link, brand, search link, then the menu button.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(".brand")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(".search-link")).to_be_focused()
    page.keyboard.press("Tab")
    summary = page.locator("details.menu > summary")
    expect(summary).to_be_focused()
    expect(summary).to_have_text("菜单")
    page.keyboard.press("Enter")
    expect(page.locator("details.menu")).to_have_attribute("open", "")
    # Every navigation link, then the other language, is next in the tab order and visible.
    for i in range(NAV):
        page.keyboard.press("Tab")
        expect(nav_links.nth(i)).to_be_focused()
        expect(nav_links.nth(i)).to_be_visible()
    page.keyboard.press("Tab")
    lang_link = page.locator(".lang-switch a[hreflang]")
    expect(lang_link).to_be_focused()
    expect(lang_link).to_have_text("English")
    if js:  # the large-text switch needs JavaScript, so it is offered only with it
        page.keyboard.press("Tab")
        expect(page.locator(".large-type-toggle")).to_be_focused()
    # The current page is marked, and a link in the menu goes where it says.
    expect(page.locator('.site-nav a[aria-current="page"]')).to_have_text("全部承诺")
    nav_links.nth(2).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/zh/counties/")
    expect(page.locator("details.menu")).not_to_have_attribute("open", "")


def test_escape_closes_the_phone_menu(new_page: Callable[..., Page], base_url: str) -> None:
    page = new_page(viewport=PHONE_375)
    page.goto(base_url + "en/")
    summary = page.locator("details.menu > summary")
    summary.click()
    expect(page.locator(".site-nav")).to_be_visible()
    page.locator(".site-nav a").first.focus()
    page.keyboard.press("Escape")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(summary).to_be_focused()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_desktop_header_shows_title_navigation_and_tools(
    new_page: Callable[..., Page], base_url: str, lang: str
) -> None:
    page = new_page(viewport=WIDE)
    page.goto(f"{base_url}{lang}/")
    title = {"zh": "河东公开 · 运城市政府工作报告承诺追踪", "en": "Hedong Open: tracking"}[lang]
    expect(page.locator(".brand")).to_contain_text(title)
    expect(page.locator("details.menu > summary")).to_be_hidden()
    expect(page.locator(".search-link")).to_be_hidden()
    expect(page.locator("#site-search")).to_be_visible()
    for link in page.locator(".site-nav a").all():
        expect(link).to_be_visible()
    expect(page.locator(".large-type-toggle")).to_be_visible()
    height = header_height(page)
    assert height <= 120, f"two lines at most: the header is {height:.0f}px tall"
    # The navigation and the tools share one row.
    nav = page.locator(".site-nav").bounding_box()
    tools = page.locator(".header-tools").bounding_box()
    assert nav and tools and abs(nav["y"] - tools["y"]) < 12, (nav, tools)


@pytest.mark.parametrize("width", [PHONE_375, WIDE], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_language_switch_labels_are_aligned(
    new_page: Callable[..., Page], base_url: str, lang: str, width: dict
) -> None:
    page = new_page(viewport=width)
    page.goto(f"{base_url}{lang}/")
    if width is PHONE_375:
        page.locator("details.menu > summary").click()
    current = page.locator(".lang-switch [aria-current]").bounding_box()
    other = page.locator(".lang-switch a[hreflang]").bounding_box()
    assert current and other
    assert abs(current["y"] - other["y"]) <= 1, (current, other)
    assert abs(current["height"] - other["height"]) <= 1, (current, other)


def test_brand_mark_is_not_a_tick(page: Page, base_url: str) -> None:
    """The old mark (a tick in a square) read as a ticked checkbox; the new one is the river bend
    with the city east of it, the same in the header and the favicon."""
    page.goto(base_url + "zh/")
    mark = page.locator(".site-header .brand-mark")
    expect(mark.locator(".brand-river")).to_have_count(1)
    expect(mark.locator(".brand-city")).to_have_count(1)
    favicon = page.request.get(base_url + "assets/favicon.svg").text()
    assert "M8 17l5 5 11-12" not in favicon and "<circle" in favicon
