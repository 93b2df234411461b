"""Search in both languages (Pagefind extended, Chinese segmentation), served under a sub-path."""

import gzip
from urllib.parse import urlsplit

import pytest

from tests.browser.support import PREFIX

QUERIES = [
    ("zh", "高标准农田", "/zh/targets/farmland-high-standard/"),
    ("zh", "农田", "/zh/targets/farmland-high-standard/"),
    ("zh", "芮城", "/zh/counties/ruicheng/"),
    ("en", "farmland", "/en/targets/farmland-high-standard/"),
    ("en", "Ruicheng", "/en/counties/ruicheng/"),
]


def search(page, base_url, lang, query):
    page.goto(f"{base_url}{lang}/search/?q={query}")
    page.wait_for_selector("#search-results li a", timeout=10_000)
    return [a.get_attribute("href") for a in page.query_selector_all("#search-results li h2 a")]


@pytest.mark.parametrize("lang, query, expected", QUERIES)
def test_queries_find_the_right_page(page, base_url, lang, query, expected):
    hrefs = search(page, base_url, lang, query)
    top = [urlsplit(h).path for h in hrefs[:3]]
    assert any(p.endswith(expected) for p in top), top
    assert all(urlsplit(h).path.startswith(PREFIX) for h in hrefs), "links must keep the sub-path"
    assert all(f"/{lang}/" in h for h in hrefs), "one index per language"


def test_the_header_box_leads_to_results(page, base_url):
    page.goto(f"{base_url}zh/")
    page.fill("#site-search", "芮城")
    page.press("#site-search", "Enter")
    page.wait_for_selector("#search-results li a")
    assert "q=%E8%8A%AE%E5%9F%8E" in page.url or "q=芮城" in page.url


def test_results_show_status_and_section(page, base_url):
    search(page, base_url, "zh", "高标准农田")
    meta = page.text_content("#search-results li .muted")
    assert "尚无进展报告" in meta and "三个强市" in meta


def test_first_search_downloads_under_300_kb(page, base_url, built_site):
    fetched = []
    page.on("requestfinished", lambda r: fetched.append(urlsplit(r.url).path))
    search(page, base_url, "zh", "高标准农田")
    search_files = [p for p in fetched if "/pagefind/" in p or p.endswith("search.js")]
    total = sum(
        len(gzip.compress((built_site / p[len(PREFIX) :]).read_bytes(), 9))
        for p in set(search_files)
    )
    files = len(set(search_files))
    print(f"\nfirst search downloads {total / 1024:.0f} KB gzipped in {files} files")
    assert total <= 300 * 1024, f"{total / 1024:.0f} KB: {sorted(set(search_files))}"
