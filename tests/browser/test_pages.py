"""Every kind of page opens cleanly in both languages, under a sub-path, and its links resolve."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import (
    Problems,
    ids_in,
    same_origin_links,
    split_fragment,
    wait_for_charts,
)

HTML_LANG = {"zh": "zh-Hans", "en": "en"}

# One page of each kind; `{lang}` is zh or en.
PAGES = {
    "home": "{lang}/",
    "commitments": "{lang}/targets/",
    "commitment": "{lang}/targets/farmland-high-standard/",
    "section": "{lang}/sections/three-strong-cities/",
    "status": "{lang}/status/no_update/",
    "counties": "{lang}/counties/",
    "county": "{lang}/counties/ruicheng/",
    "report": "{lang}/report/",
    "about": "{lang}/about/",
    "glossary": "{lang}/glossary/",
    "changes": "{lang}/changes/",
    "changes-month": "{lang}/changes/2021-12/",
    "data": "{lang}/data/",
    "search": "{lang}/search/",
    "print": "{lang}/print/",
}

# Widgets for other sites' iframes: no site header, and the map embed has no h1 of its own.
EMBEDS = {
    "map": "{lang}/embed/map/",
    "commitment": "{lang}/embed/targets/farmland-high-standard/",
}

# Pages whose every internal link is followed.
LINK_CHECKED = ("home", "commitment", "county")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", PAGES)
def test_page_opens_cleanly(page: Page, base_url: str, kind: str, lang: str) -> None:
    response = page.goto(base_url + PAGES[kind].format(lang=lang))
    assert response is not None and response.status == 200
    assert response.headers["content-type"].startswith("text/html")
    expect(page.locator("html")).to_have_attribute("lang", HTML_LANG[lang])
    expect(page.locator("h1")).to_have_count(1)
    assert page.title().strip(), "empty <title>"
    # Charts (home, counties, county, some commitments) must go live, not silently fall back.
    wait_for_charts(page)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", EMBEDS)
def test_embed_opens_cleanly(page: Page, base_url: str, kind: str, lang: str) -> None:
    response = page.goto(base_url + EMBEDS[kind].format(lang=lang))
    assert response is not None and response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", HTML_LANG[lang])
    assert page.title().strip(), "empty <title>"
    wait_for_charts(page)


def test_root_language_chooser_opens_cleanly(page: Page, base_url: str) -> None:
    response = page.goto(base_url + "index.html")
    assert response is not None and response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("h1")).to_have_count(1)
    assert page.title().strip(), "empty <title>"
    # No language remembered yet: the chooser stays, offering both languages.
    expect(page.locator("a[data-lang-choice]")).to_have_count(2)
    assert page.url == base_url + "index.html"


def test_404_page_is_the_file_404_html(page: Page, base_url: str) -> None:
    response = page.goto(base_url + "404.html")
    assert response is not None and response.status == 200
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_contain_text("页面不存在")
    expect(page.locator("h1")).to_contain_text("Page not found")
    assert page.title().strip(), "empty <title>"


def test_missing_page_gets_the_404_page(page: Page, problems: Problems, base_url: str) -> None:
    """The test server answers like a static host: status 404 with the site's 404.html."""
    problems.allow_http_error("zh/no-such-page/", 404)
    response = page.goto(base_url + "zh/no-such-page/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_contain_text("Page not found")


@pytest.fixture(scope="module")
def fetched() -> dict[str, tuple[int, set[str]]]:
    """url -> (status, ids in the page): each target is fetched once per module."""
    return {}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", LINK_CHECKED)
def test_internal_links_resolve(
    page: Page, base_url: str, fetched: dict[str, tuple[int, set[str]]], kind: str, lang: str
) -> None:
    """Every same-origin <a href> answers 200 without a redirect (links end in '/'), and a
    #fragment names an element that exists on the target page."""
    page.goto(base_url + PAGES[kind].format(lang=lang))
    here, _ = split_fragment(page.url)
    here_ids = set(page.evaluate("() => Array.from(document.querySelectorAll('[id]'), e => e.id)"))
    links = same_origin_links(page)
    assert len(links) > 12, f"suspiciously few links: {links}"
    broken = []
    for link in sorted(links):
        target, fragment = split_fragment(link)
        if not target.startswith(base_url):
            broken.append(f"{link}: outside the site's sub-path {base_url}")
            continue
        if target == here:
            status, ids = 200, here_ids
        else:
            if target not in fetched:
                response = page.request.get(target, max_redirects=0)
                is_html = response.headers.get("content-type", "").startswith("text/html")
                fetched[target] = (response.status, ids_in(response.text()) if is_html else set())
            status, ids = fetched[target]
        if status != 200:
            broken.append(f"{link}: HTTP {status}")
        elif fragment and fragment not in ids:
            broken.append(f"{link}: no element with id={fragment!r} on the target page")
    assert not broken, f"{len(broken)} broken link(s) on {page.url}:\n" + "\n".join(broken)
