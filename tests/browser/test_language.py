"""The language switch keeps the reader's place; the root chooser remembers the choice."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

COMMITMENT = "targets/farmland-high-standard/"


def test_switch_on_a_commitment_opens_the_same_commitment_in_english(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "zh/" + COMMITMENT)
    zh_title = page.locator("h1").inner_text()
    page.locator("a.lang-link").click()
    page.wait_for_url(base_url + "en/" + COMMITMENT)
    assert urlsplit(page.url).path == "/sub/path/en/targets/farmland-high-standard/"
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.locator("h1").inner_text() != zh_title, "the English page has the Chinese title"
    # …and back again.
    page.locator("a.lang-link").click()
    page.wait_for_url(base_url + "zh/" + COMMITMENT)
    expect(page.locator("h1")).to_have_text(zh_title)


def test_switch_on_the_report_keeps_the_paragraph(page: Page, base_url: str) -> None:
    page.goto(base_url + "zh/report/#p-1-1")
    page.locator("a.lang-link").click()
    page.wait_for_url(base_url + "en/report/#p-1-1")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#p-1-1")).to_be_in_viewport()


def test_root_chooser_links_lead_to_each_language(page: Page, base_url: str) -> None:
    page.goto(base_url)
    chooser = page.locator("a[data-lang-choice]")
    expect(chooser).to_have_count(2)
    hrefs = [chooser.nth(i).evaluate("a => a.href") for i in range(2)]
    assert sorted(hrefs) == [base_url + "en/", base_url + "zh/"]


def test_root_remembers_the_chosen_language(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.locator('a[data-lang-choice="en"]').click()
    page.wait_for_url(base_url + "en/")

    # Coming back to the root now goes straight to English (localStorage)…
    page.goto(base_url)
    page.wait_for_url(base_url + "en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # …unless the reader asks for the chooser again. The chooser's script decides while the
    # page loads (site.js is deferred), so a wrong redirect would be requested before the
    # reader's next click: every page the tab asks for is recorded, in order.
    asked: list[str] = []
    page.on(
        "request",
        lambda r: (
            asked.append(r.url)
            if r.is_navigation_request() and r.frame == page.main_frame
            else None
        ),
    )
    page.goto(base_url + "?choose")
    expect(page.locator("a[data-lang-choice]")).to_have_count(2)
    assert page.url == base_url + "?choose"

    # Choosing Chinese there is remembered in turn.
    page.locator('a[data-lang-choice="zh"]').click()
    page.wait_for_url(base_url + "zh/")
    assert asked == [base_url + "?choose", base_url + "zh/"], "the chooser redirected by itself"
    page.goto(base_url + "index.html")
    page.wait_for_url(base_url + "zh/")


def test_the_language_switch_is_remembered_by_the_root(page: Page, base_url: str) -> None:
    page.goto(base_url + "zh/" + COMMITMENT)
    page.locator("a.lang-link").click()
    page.wait_for_url(base_url + "en/" + COMMITMENT)
    page.goto(base_url)
    page.wait_for_url(base_url + "en/")


def test_switch_keeps_the_filters_of_the_list(page: Page, base_url: str) -> None:
    page.goto(base_url + "zh/targets/?county=yongji")
    page.locator("#f-status").select_option("no_update")
    shown = page.locator(".target-row:visible").count()
    page.locator("a.lang-link").click()
    page.wait_for_url(base_url + "en/targets/?status=no_update&county=yongji")
    expect(page.locator("#f-county")).to_have_value("yongji")
    expect(page.locator("#f-status")).to_have_value("no_update")
    expect(page.locator(".target-row:visible")).to_have_count(shown)


def test_switch_keeps_the_search_terms(page: Page, base_url: str) -> None:
    page.goto(base_url + "zh/search/?q=%E6%9C%BA%E5%9C%BA")  # 机场
    expect(page.locator("a.lang-link")).to_have_attribute(
        "href", "../../en/search/?q=%E6%9C%BA%E5%9C%BA"
    )
    page.locator("a.lang-link").click()
    page.wait_for_url(base_url + "en/search/?q=%E6%9C%BA%E5%9C%BA")
    expect(page.locator("#search-q")).to_have_value("机场")
