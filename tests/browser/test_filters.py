"""Commitment filters (instant with JavaScript, static links without) and the large-type switch."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

ROWS = ".target-row"
VISIBLE_ROWS = ".target-row:visible"
# Rows the filters leave in the list: commitments with no report sit in a collapsed group
# ("…more with no report found"), listed though not drawn until the reader opens it.
LISTED_ROWS = ".target-row:not([hidden], [hidden] .target-row)"


def row_data(page: Page, selector: str, key: str) -> list[str]:
    return page.locator(selector).evaluate_all(f"rs => rs.map(r => r.dataset.{key})")


def test_status_filter_shows_only_that_status(page: Page, base_url: str) -> None:
    page.goto(base_url + "zh/targets/")
    statuses = row_data(page, ROWS, "status")
    options = page.locator("#f-status option").evaluate_all(
        "os => os.map(o => o.value).filter(Boolean)"
    )
    # The first status that some, but not all, commitments have: filtering it changes the list.
    status = next(s for s in options if 0 < statuses.count(s) < len(statuses))
    expected = statuses.count(status)

    page.locator("#f-status").select_option(status)

    expect(page.locator(VISIBLE_ROWS)).to_have_count(expected)
    assert set(row_data(page, VISIBLE_ROWS, "status")) == {status}
    assert parse_qs(urlsplit(page.url).query) == {"status": [status]}
    expect(page.locator("#filter-count")).to_contain_text(str(expected))

    # "All" again shows everything and clears the query.
    page.locator("#f-status").select_option("")
    expect(page.locator(LISTED_ROWS)).to_have_count(len(statuses))
    assert urlsplit(page.url).query == ""


def test_county_filter_from_the_url(page: Page, base_url: str) -> None:
    page.goto(base_url + "zh/targets/?county=ruicheng")
    expect(page.locator("#f-county")).to_have_value("ruicheng")
    everything = row_data(page, ROWS, "counties")
    expected = [c for c in everything if {"ruicheng", "all"} & set(c.split())]
    assert 0 < len(expected) < len(everything)
    expect(page.locator(VISIBLE_ROWS)).to_have_count(len(expected))
    for counties in row_data(page, VISIBLE_ROWS, "counties"):
        assert {"ruicheng", "all"} & set(counties.split()), counties


def test_without_javascript_filters_are_links_to_static_pages(
    new_page: Callable[..., Page], base_url: str
) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(base_url + "zh/targets/")
    values = {
        name: page.locator(f"#f-{name} option").evaluate_all(
            "os => os.map(o => o.value).filter(Boolean)"
        )
        for name in ("section", "status", "county")
    }
    links = page.locator(".filter-links a").evaluate_all(
        "as => as.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"
    )
    expected = (
        [f"{base_url}zh/sections/{v}/" for v in values["section"]]
        + [f"{base_url}zh/status/{v}/" for v in values["status"]]
        + [f"{base_url}zh/counties/{v}/" for v in values["county"]]
    )
    assert links == expected
    for link in links:
        assert page.request.get(link, max_redirects=0).status == 200, link
    # The selects, which only the script can apply, are not offered (a button that reloads the
    # same static page would do nothing), and the links are visible.
    expect(page.locator("#filters fieldset")).to_be_hidden()
    expect(page.locator("#filters button")).to_have_count(1)  # the clear control, hidden
    expect(page.locator("#filter-clear")).to_be_hidden()
    expect(page.locator(".filter-links").first).to_be_visible()
    # The large-type switch needs JavaScript, so it is not offered.
    expect(page.locator(".large-type-toggle")).to_be_hidden()
    # Nothing is hidden.
    expect(page.locator(LISTED_ROWS)).to_have_count(page.locator(ROWS).count())


def test_a_shared_filter_link_without_javascript_says_filtering_needs_it(
    new_page: Callable[..., Page], base_url: str
) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(base_url + "zh/targets/?county=yongji")
    note = page.locator(".filters .nojs-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("筛选需要启用JavaScript")
    yongji = page.locator(".filter-links a", has_text="永济市")
    expect(yongji).to_be_visible()
    yongji.click()
    page.wait_for_url(base_url + "zh/counties/yongji/")


def test_clear_filters_shows_everything_again(page: Page, base_url: str) -> None:
    page.goto(base_url + "en/targets/?county=yongji&sort=deadline")
    clear = page.locator("#filter-clear")
    expect(clear).to_be_visible()
    expect(page.locator(".nojs-note")).to_be_hidden()
    clear.click()
    expect(page.locator(LISTED_ROWS)).to_have_count(page.locator(ROWS).count())
    assert urlsplit(page.url).query == ""
    expect(page.locator("#f-county")).to_have_value("")
    expect(page.locator("#f-sort")).to_have_value("")
    expect(clear).to_be_hidden()
    page.locator("#f-status").select_option("achieved")
    expect(clear).to_be_visible()


def test_the_list_links_the_printable_list_and_the_download(page: Page, base_url: str) -> None:
    page.goto(base_url + "zh/targets/")
    tools = page.locator(".list-tools")
    tools.get_by_role("link", name="打印版").click()
    page.wait_for_url(base_url + "zh/print/")
    expect(page.locator("thead th").first).to_have_text("承诺")
    first_title = page.locator("tbody th").first
    assert re.fullmatch(r"[^a-z]+", first_title.inner_text()), first_title.inner_text()
    page.go_back()
    csv = tools.get_by_role("link", name=re.compile("CSV"))
    response = page.request.get(csv.evaluate("a => a.href"))
    assert response.status == 200 and response.body().startswith(b"\xef\xbb\xbfid,")


def test_large_type_toggle_is_remembered(page: Page, base_url: str) -> None:
    html = page.locator("html")
    toggle = page.locator(".large-type-toggle")
    page.goto(base_url + "zh/")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(html).not_to_contain_class("large-type")

    toggle.click()
    expect(html).to_contain_class("large-type")
    expect(toggle).to_have_attribute("aria-pressed", "true")

    page.reload()
    expect(html).to_contain_class("large-type")
    expect(toggle).to_have_attribute("aria-pressed", "true")

    # It follows the reader to other pages and languages, and switches off again.
    page.goto(base_url + "en/targets/")
    expect(html).to_contain_class("large-type")
    toggle.click()
    expect(html).not_to_contain_class("large-type")
    page.reload()
    expect(html).not_to_contain_class("large-type")
    expect(toggle).to_have_attribute("aria-pressed", "false")


def test_commitments_with_no_report_wait_in_a_group_that_a_filter_opens(
    page: Page, base_url: str
) -> None:
    """The list shows first what is known; a filter that matches quiet rows opens their group."""
    page.goto(base_url + "zh/targets/")
    quiet = page.locator("details.quiet-group")
    assert quiet.count() >= 1
    assert not any(d.evaluate("d => d.open") for d in quiet.all())
    # in a part with known outcomes, the rows with no report are all in the closed group
    shown_quiet = page.evaluate(
        """() => Array.from(document.querySelectorAll('.target-row[data-status="no_update"]'))
          .filter(r => r.closest('.target-group').querySelector('details.quiet-group'))
          .filter(r => r.checkVisibility()).length"""
    )
    assert shown_quiet == 0
    page.locator("#f-status").select_option("no_update")
    expect(page.locator(VISIBLE_ROWS).first).to_be_visible()
    assert set(row_data(page, VISIBLE_ROWS, "status")) == {"no_update"}
    assert (
        page.locator(VISIBLE_ROWS).count()
        == page.locator('.target-row[data-status="no_update"]').count()
    )


def test_the_list_does_not_move_when_the_script_arrives(
    new_page: Callable[..., Page], base_url: str
) -> None:
    # Before site.js runs (here: never, as on a slow phone until it arrives), the page already
    # shows the filters and hides the plain links, as it does once the script has run.
    where = "() => document.getElementById('filter-count').getBoundingClientRect().top"
    before = new_page()
    before.route(
        "**/assets/js/site.js*",
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=""),
    )
    before.goto(base_url + "zh/targets/")
    expect(before.locator("#filters fieldset")).to_be_visible()
    expect(before.locator(".filter-links").first).to_be_hidden()
    after = new_page()
    after.goto(base_url + "zh/targets/")
    expect(after.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    assert before.evaluate(where) == after.evaluate(where)
