"""A county page tells a reader what concerns their county, honestly: the commitments that name
it, in full, then the city-wide ones (which apply everywhere) counted under plain labels, each
a link to its part of the report; the counties index says its title once; the report's headings
are larger than its text and its paragraph ids stay out of sight."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from generator.load import load
from generator.validate import validate
from tests.browser.support import CONTENT

PHONE_375 = {"width": 375, "height": 812}
COUNTY = "yongji"


@pytest.fixture(scope="module")
def site():
    site, _ = validate(load(CONTENT))
    assert site is not None
    return site


def named(site, county: str) -> list:
    return [t for t in site.targets if county in t.counties]


def citywide(site) -> list:
    return [t for t in site.targets if "all" in t.counties]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_county_page_lists_its_own_commitments_then_the_city_wide_ones(
    new_page: Callable[..., Page], base_url: str, site, lang: str
) -> None:
    county = next(c for c in site.counties if c.id == COUNTY)
    own, everywhere = named(site, COUNTY), citywide(site)
    assert own and everywhere  # the content this test reads
    page = new_page(viewport=PHONE_375)
    page.goto(f"{base_url}{lang}/counties/{COUNTY}/")
    main = page.locator("main")
    # The numbers at the top are the county's own, and the city-wide count beside them.
    stats = main.locator(".stat-list dd").all_inner_texts()
    assert stats[0] == str(len(own)) and stats[-1] == str(len(everywhere)), stats
    # First: the commitments that name the county, every one, each with its status.
    heading = main.locator("#named-heading")
    expect(heading).to_contain_text(county.name(lang))
    expect(heading).to_contain_text(str(len(own)))
    section = main.locator("section[aria-labelledby=named-heading]")
    rows = section.locator(".target-row")
    expect(rows).to_have_count(len(own))
    for row in rows.all():
        expect(row.locator(".badge").first).to_be_visible()
    shown = {
        a.split("/targets/")[1].strip("/")
        for a in rows.locator("a.target-title").evaluate_all(
            "as => as.map(a => new URL(a.getAttribute('href'), document.baseURI).pathname)"
        )
    }
    assert shown == {t.id for t in own}
    # Then the city-wide ones: counted, by the parts' short labels, each a link to its part's
    # page (the county page lists only what is about its county).
    expect(main.locator("#citywide-heading")).to_contain_text(str(len(everywhere)))
    parts = [s for s in site.sections if any(t.section == s.id for t in everywhere)]
    items = main.locator("#citywide-parts li")
    hrefs = items.locator("a").evaluate_all(
        "as => as.map(a => new URL(a.getAttribute('href'), document.baseURI).pathname)"
    )
    listed = {
        h.split(f"/{lang}/sections/", 1)[1].strip("/"): text
        for h, text in zip(hrefs, items.all_inner_texts(), strict=True)
    }
    assert listed == {
        s.id: f"{s.short(lang)} ({sum(t.section == s.id for t in everywhere)})" for s in parts
    }
    # with several reports, each report's parts under its year (the newest first)
    years = main.locator("#citywide-parts h3").all_inner_texts()
    several = len({s.report for s in parts})
    assert len(years) == (several if several > 1 else 0), years
    assert main.locator("section.citywide .target-row").count() == 0
    # A link to the list filtered for the county (its own and the city-wide commitments).
    link = main.locator(f'a[href$="targets/?county={COUNTY}"]')
    expect(link).to_contain_text(str(len(own) + len(everywhere)))
    link.click()
    page.wait_for_url(f"**/{lang}/targets/?county={COUNTY}")


def test_a_city_wide_part_is_one_tap_away(
    new_page: Callable[..., Page], base_url: str, site
) -> None:
    page = new_page(viewport=PHONE_375, java_script_enabled=False)
    page.goto(f"{base_url}en/counties/{COUNTY}/")
    first = page.locator("#citywide-parts a").first
    part = first.get_attribute("href").strip("/").split("/")[-1]  # type: ignore[union-attr]
    first.click()
    page.wait_for_url(f"**/en/sections/{part}/")
    ids = {t.id for t in citywide(site) if t.section == part}
    assert ids  # the part has city-wide commitments, and its page lists every one
    shown = {
        a.split("/targets/")[1].strip("/")
        for a in page.locator("main .target-row a.target-title").evaluate_all(
            "as => as.map(a => new URL(a.getAttribute('href'), document.baseURI).pathname)"
        )
    }
    assert ids <= shown, ids - shown


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_county_figures_keep_one_line_height_on_a_phone(
    new_page: Callable[..., Page], base_url: str, lang: str
) -> None:
    page = new_page(viewport=PHONE_375)
    page.goto(f"{base_url}{lang}/counties/{COUNTY}/")
    numbers = [b for b in (d.bounding_box() for d in page.locator(".stat-list dd").all()) if b]
    assert len(numbers) == 4
    assert max(b["height"] for b in numbers) - min(b["height"] for b in numbers) < 1, numbers
    # the figures sit in rows: each row's numbers share their top edge
    tops = sorted({round(b["y"]) for b in numbers})
    assert len(tops) <= 2, tops


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_counties_page_says_its_title_once(page: Page, base_url: str, lang: str) -> None:
    page.goto(f"{base_url}{lang}/counties/")
    title = page.locator("main h1").inner_text()
    # what a reader sees: not screen-reader-only text, nor the embed code to copy
    seen = page.evaluate(
        """() => { const m = document.querySelector('main').cloneNode(true);
          m.querySelectorAll('.visually-hidden, pre, code').forEach(e => e.remove());
          document.body.appendChild(m); const text = m.innerText; m.remove(); return text; }"""
    )
    assert seen.count(title) == 1, seen
    assert page.locator("main h2", has_text=title).count() == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_headings_are_larger_than_its_text_and_ids_stay_hidden(
    new_page: Callable[..., Page], base_url: str, lang: str
) -> None:
    page = new_page(viewport=PHONE_375)
    page.goto(f"{base_url}{lang}/report/")
    size = "e => parseFloat(getComputedStyle(e).fontSize)"
    body = page.locator(".report-para p").first.evaluate(size)
    sizes = page.locator(".report-heading").evaluate_all(f"hs => hs.map({size})")
    assert sizes and min(sizes) > body, (body, sizes)
    # A part's title is at least as large as the number line above it.
    part_title = page.locator("h5.report-heading, h6.report-heading").first.evaluate(size)
    assert part_title >= body * 1.2
    # No paragraph id is printed for readers; the anchors keep them for links and screen readers.
    text = page.locator("main").inner_text()
    assert not re.search(r"§|\bp-\d+-\d+\b", text), re.search(r".{20}(§|\bp-\d+-\d+\b).{20}", text)
    anchor = page.locator("#p-1-1 a.anchor")
    expect(anchor).to_have_text("¶")
    expect(anchor).to_have_attribute("aria-label", re.compile(r"p-1-1$"))
    expect(anchor).to_have_attribute("href", "#p-1-1")
