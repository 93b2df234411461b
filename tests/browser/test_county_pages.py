"""A county page tells a reader what concerns their county, honestly: the commitments that name
it, in full, then the city-wide ones (which apply everywhere) grouped under plain labels; the
counties index says its title once; the report's headings are larger than its text and its
paragraph ids stay out of sight."""

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
    # Then the city-wide ones: counted, grouped by the parts' short labels, collapsed.
    expect(main.locator("#citywide-heading")).to_contain_text(str(len(everywhere)))
    groups = main.locator("#citywide-groups > details.target-group")
    parts = [s for s in site.sections if any(t.section == s.id for t in everywhere)]
    summaries = groups.locator("> summary").all_inner_texts()
    assert [re.sub(r"\s*\(\d+\)$", "", s) for s in summaries] == [s.short(lang) for s in parts]
    assert sum(int(re.search(r"\((\d+)\)$", s).group(1)) for s in summaries) == len(everywhere)  # type: ignore[union-attr]
    assert all(not d for d in groups.evaluate_all("ds => ds.map(d => d.open)"))
    # A link to the list filtered for the county (its own and the city-wide commitments).
    link = main.locator(f'a[href$="targets/?county={COUNTY}"]')
    expect(link).to_contain_text(str(len(own) + len(everywhere)))
    link.click()
    page.wait_for_url(f"**/{lang}/targets/?county={COUNTY}")


def test_expand_all_opens_and_closes_every_group(
    new_page: Callable[..., Page], base_url: str, site
) -> None:
    page = new_page(viewport=PHONE_375)
    page.goto(f"{base_url}zh/counties/{COUNTY}/")
    button = page.locator("button.expand-all")
    expect(button).to_have_text("全部展开")
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    details = page.locator("#citywide-groups details")
    assert all(details.evaluate_all("ds => ds.map(d => d.open)"))
    expect(button).to_have_text("全部收起")
    expect(button).to_have_attribute("aria-expanded", "true")
    # every city-wide commitment is now on screen
    expect(page.locator("#citywide-groups .target-row:visible")).to_have_count(len(citywide(site)))
    button.click()
    assert not any(details.evaluate_all("ds => ds.map(d => d.open)"))
    expect(button).to_have_text("全部展开")
    # Opening every group by hand says so on the button too.
    for summary in page.locator("#citywide-groups > details > summary").all():
        summary.click()
    for summary in page.locator("#citywide-groups details details > summary").all():
        summary.click()
    expect(button).to_have_attribute("aria-expanded", "true")


def test_without_javascript_groups_open_one_by_one(
    new_page: Callable[..., Page], base_url: str
) -> None:
    page = new_page(viewport=PHONE_375, java_script_enabled=False)
    page.goto(f"{base_url}en/counties/{COUNTY}/")
    expect(page.locator("button.expand-all")).to_be_hidden()
    group = page.locator("#citywide-groups > details.target-group").first
    expect(group.locator(".target-row").first).to_be_hidden()
    group.locator("> summary").click()
    expect(group.locator(".target-row").first).to_be_visible()


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
