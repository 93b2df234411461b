"""Search as readers use it (Pagefind extended, real index of the real content), served under a
sub-path: everyday words find the commitment, overview pages are never results, Chinese typed on
the English site finds the Chinese quote, results carry the status badge, and Chinese words that
Pagefind does not know do not fall back to unrelated pages sharing one character.

`python -m tests.browser.search_table` prints the table of every query below with its first
result and the rank of the expected commitment (tests/artifacts/search-table.md).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.support import PREFIX

# (query as a reader would type it, the commitment expected among the first three results).
# Written the way people ask, not copied from the titles.
ZH = [
    ("农村厕所", "rural-toilet-renovation-53000"),
    # every county's boarding schools; the new county schools rank 6th since the 2022 report
    ("永济 学校", "boarding-schools-80"),
    ("永济 学校 新建", "county-public-schools-new"),
    ("医院", "central-city-hospital-layout"),
    ("高铁", "yuncheng-sanmenxia-railway-prep"),
    ("机场", "yuncheng-airport-expansion"),
    ("芮城机场", "ruicheng-general-airport"),
    ("打疫苗", "covid-vaccination-for-all"),
    ("养老院", "embedded-community-elderly-care"),
    ("低保", "minimum-living-allowance-raise"),
    ("找工作", "urban-new-jobs-50000"),
    ("种树", "afforestation-167000-mu"),
    ("雾霾", "pm25-ranking-improvement"),
    ("暖气", "clean-heating-full-coverage"),
    ("塑料袋", "single-use-plastics-ban"),
    ("开公司", "new-business-one-day-setup"),
    ("棚改", "shantytown-renovation-2463"),
    ("老小区改造", "old-residential-compound-renovation"),
    ("农村公路", "rural-roads-434-km"),
    ("公租房", "rental-housing-5000"),
    ("买车补贴", "car-purchase-subsidies"),
    ("关帝庙", "guangong-tourism-area-5a"),
    ("污水处理厂", "chengxi-second-sewage-plant"),
    ("养猪", "jiangxian-east-hope-pig-farm"),
    ("天桥", "pedestrian-footbridges-3"),
    ("永济的学校", "county-public-schools-new"),
    ("中小学", "county-public-schools-new"),
]
EN = [
    ("rural toilets", "rural-toilet-renovation-53000"),
    ("schools in Yongji", "county-public-schools-new"),
    ("airport", "yuncheng-airport-expansion"),
    ("hospital", "central-city-hospital-layout"),
    ("high-speed rail", "yuncheng-sanmenxia-railway-prep"),
    ("covid vaccine", "covid-vaccination-for-all"),
    ("care for the elderly", "embedded-community-elderly-care"),
    ("welfare payments", "minimum-living-allowance-raise"),
    ("jobs", "urban-new-jobs-50000"),
    ("planting trees", "afforestation-167000-mu"),
    ("smog", "pm25-ranking-improvement"),
    ("plastic bags", "single-use-plastics-ban"),
    ("start a company", "new-business-one-day-setup"),
    ("slums", "shantytown-renovation-2463"),
    ("old housing estates", "old-residential-compound-renovation"),
    ("village roads", "rural-roads-434-km"),
    ("affordable housing", "rental-housing-5000"),
    ("electric cars", "dayun-nev-industry"),
    ("Guandi Temple", "guangong-tourism-area-5a"),
    ("sewage works", "chengxi-second-sewage-plant"),
    ("pig farm", "jiangxian-east-hope-pig-farm"),
    ("mobile signal", "main-urban-area-5g-coverage"),
    ("nursery schools", "inclusive-kindergartens-30"),
    ("Ruicheng airport", "ruicheng-general-airport"),
    ("flooding", "drainage-and-sewer-separation"),
    ("机场", "ruicheng-general-airport"),  # Chinese on the English site
]
QUERIES = [("zh", q, e) for q, e in ZH] + [("en", q, e) for q, e in EN]

# The search has finished when its status line says something other than "Searching…".
FINISHED = """() => { const s = document.getElementById('search-status');
  return s.textContent !== '' && s.textContent !== s.dataset.loading; }"""

# Pages that are overviews of many commitments, never search results.
OVERVIEW = re.compile(
    r"/(zh|en)/(|report/|targets/(page/\d+/)?|print/|status/[a-z_]+/|changes/.*|data/.*|embed/.*"
    r"|search/|about/|glossary/|counties/|documents/.*)$"
)
TARGET = re.compile(r"/(zh|en)/targets/([a-z0-9-]+)/$")


def search(page: Page, base_url: str, lang: str, query: str) -> list[dict[str, str]]:
    """Open the search page with ?q= as the header box does; the commitments listed, in order."""
    page.goto(f"{base_url}{lang}/search/?q={quote(query)}")
    page.wait_for_function(FINISHED, timeout=15_000)
    return page.eval_on_selector_all(
        "#search-results > li",
        """els => els.map(li => {
             const a = li.querySelector('h2 a'), b = li.querySelector('.badge');
             return {href: new URL(a.getAttribute('href'), location.href).pathname,
                     title: a.textContent, badge: b ? b.className : '',
                     badgeText: b ? b.textContent.trim() : '',
                     icon: b && b.querySelector('.status-icon') ? 'yes' : '',
                     text: li.textContent};
           })""",
    )


def target_id(href: str) -> str:
    m = TARGET.search(href)
    return m.group(2) if m else ""


@pytest.mark.parametrize(("lang", "query", "expected"), QUERIES)
def test_everyday_words_find_the_commitment(page, base_url, lang, query, expected):
    results = search(page, base_url, lang, query)
    ids = [target_id(r["href"]) for r in results]
    # the first five: with two reports, a reader's words also find the other year's
    # commitments on the same subject (医院: the 2022 central hospital beside 2021's plans)
    assert expected in ids[:5], f"{query!r}: {ids[:8]}"
    assert all(r["href"].startswith(PREFIX) for r in results), "links must keep the sub-path"
    assert all(f"/{lang}/targets/" in r["href"] for r in results), "the page's own language"


@pytest.mark.parametrize(
    ("lang", "query"),
    [
        ("zh", "运城"),
        ("zh", "全部承诺"),
        ("zh", "尚无进展报告"),
        ("zh", "政府工作报告"),
        ("zh", "打印版"),
        ("en", "Yuncheng"),
        ("en", "commitments"),
        ("en", "No update reported yet"),
        ("en", "report"),
    ],
)
def test_overview_pages_are_never_results(page, base_url, lang, query):
    search(page, base_url, lang, query)
    links = page.eval_on_selector_all(
        "#search-results a, #search-pages a",
        "els => els.map(a => new URL(a.getAttribute('href'), location.href).pathname)",
    )
    overviews = [h for h in links if OVERVIEW.search(h)]
    assert not overviews, overviews


def test_only_commitments_parts_and_counties_are_indexed(built_site: Path):
    """Pagefind indexes only pages with data-pagefind-body: commitments, parts, counties."""
    indexed = sorted(
        str(p.relative_to(built_site))
        for p in built_site.rglob("index.html")
        if "data-pagefind-body" in p.read_text(encoding="utf-8")
    )
    kinds = {re.sub(r"/[^/]+/index\.html$", "", p) for p in indexed}
    assert kinds == {
        f"{lang}/{k}" for lang in ("zh", "en") for k in ("targets", "sections", "counties")
    }
    targets = len(list((built_site / "zh" / "targets").glob("*/index.html")))
    assert sum(p.startswith("zh/targets/") for p in indexed) == targets


def test_chinese_on_the_english_site_finds_the_quote(page, base_url):
    results = search(page, base_url, "en", "机场")
    ids = {target_id(r["href"]) for r in results}
    airports = {"yuncheng-airport-expansion", "ruicheng-general-airport", "wanrong-general-airport"}
    assert airports <= ids, ids
    assert all("/en/targets/" in r["href"] for r in results), "English pages, not Chinese ones"
    first = results[0]
    assert re.search(r"[A-Za-z]", first["title"]) and not re.search(
        r"[\u4e00-\u9fff]", first["title"]
    )
    assert "机场" in first["text"], "the Chinese quote is shown with the word found"
    # The same query in English words gives the same commitments.
    assert airports <= {target_id(r["href"]) for r in search(page, base_url, "en", "airport")}


@pytest.mark.parametrize(
    ("lang", "query", "expected", "status", "word"),
    [
        ("zh", "芮城机场", "ruicheng-general-airport", "missed", "未完成"),
        ("en", "Ruicheng airport", "ruicheng-general-airport", "missed", "Missed"),
        ("en", "机场", "ruicheng-general-airport", "missed", "Missed"),
    ],
)
def test_results_show_the_status_badge(page, base_url, lang, query, expected, status, word):
    results = search(page, base_url, lang, query)
    hit = next(r for r in results if target_id(r["href"]) == expected)
    assert f"status-{status}" in hit["badge"] and hit["badgeText"] == word and hit["icon"]
    # Every result's badge is the one its own page shows.
    for r in results:
        page.goto(f"{base_url.split(PREFIX)[0]}{r['href']}")
        own = page.get_attribute(".target-status .badge", "class") or ""
        assert own.split()[:2] == r["badge"].split()[:2], (r["href"], own, r["badge"])


@pytest.mark.parametrize(
    ("query", "word"), [("高铁", "高铁"), ("高新企业", "高新"), ("医院", "医院")]
)
def test_chinese_words_do_not_match_one_shared_character(page, base_url, built_site, query, word):
    """Pagefind falls back to the first character of a word it does not know (高铁 → 高…);
    every result must hold the whole word on its own page."""
    results = search(page, base_url, "zh", query)
    assert results
    for r in results:
        html = (built_site / r["href"][len(PREFIX) :] / "index.html").read_text(encoding="utf-8")
        assert word in html, f"{query!r} gave {r['href']}, which does not contain {word!r}"


def test_high_speed_rail_is_not_padded_with_unrelated_pages(page, base_url):
    ids = [target_id(r["href"]) for r in search(page, base_url, "zh", "高铁")]
    # the passenger railways of both reports, nothing else
    assert ids == [
        "yuncheng-sanmenxia-railway-prep",
        "yuncheng-sanmenxia-railway-prep-2022",
        "hanhehou-railway-prep-2022",
    ], ids


def test_no_results_rather_than_junk(page, base_url):
    assert search(page, base_url, "zh", "地铁") == []  # Yuncheng has no metro
    assert page.is_visible("#search-none")
    assert page.text_content("#search-status") == "没有找到相关承诺。"


def test_a_named_county_links_to_its_page(page, base_url):
    results = search(page, base_url, "zh", "永济 学校")
    assert page.is_visible("#search-county a")
    href = page.eval_on_selector("#search-county a", "a => new URL(a.href).pathname")
    assert href == f"{PREFIX}zh/counties/yongji/"
    # Commitments for every county count: the per-county schools commitment is found.
    assert "county-public-schools-new" in [target_id(r["href"]) for r in results]


def test_more_results_on_request(page, base_url):
    first = search(page, base_url, "zh", "运城")
    assert len(first) >= 20 and page.is_visible("#search-more")
    page.click("#search-more")
    page.wait_for_function(
        f"() => document.querySelectorAll('#search-results > li').length > {len(first)}"
    )
    hrefs = page.eval_on_selector_all("#search-results h2 a", "els => els.map(a => a.href)")
    assert len(hrefs) == len(set(hrefs)), "no commitment twice"


def test_the_header_box_leads_to_results(page, base_url):
    page.goto(f"{base_url}zh/")
    page.fill("#site-search", "芮城")
    page.press("#site-search", "Enter")
    page.wait_for_function(FINISHED)
    assert "q=%E8%8A%AE%E5%9F%8E" in page.url or "q=芮城" in page.url
    assert page.eval_on_selector("#search-q", "i => i.value") == "芮城"
    assert page.query_selector_all("#search-results > li")


def test_without_javascript_the_page_offers_the_printable_list(new_page, base_url):
    page = new_page(java_script_enabled=False)
    page.goto(f"{base_url}zh/search/?q=%E5%8E%95%E6%89%80")
    note = page.locator(".nojs-note")
    assert note.is_visible() and "Ctrl+F" in note.text_content()
    hrefs = note.locator("a").evaluate_all("els => els.map(a => new URL(a.href).pathname)")
    assert f"{PREFIX}zh/print/" in hrefs and f"{PREFIX}zh/targets/" in hrefs


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


def test_the_report_filter_keeps_one_report_and_says_which(page, base_url):
    """With two reports, the search page offers a report; choosing 2021 leaves only 2021's
    commitments (the Linyi bridge of 2021, not its 2022 successor), each marked with its year."""
    both = [target_id(r["href"]) for r in search(page, base_url, "zh", "临猗黄河大桥")]
    assert {"linyi-yellow-river-bridge", "linyi-yellow-river-bridge-2022"} <= set(both)
    page.goto(f"{base_url}zh/search/?q={quote('临猗黄河大桥')}&report=2021")
    page.wait_for_function(FINISHED, timeout=15_000)
    assert page.locator("#search-report").input_value() == "2021"
    ids = [
        target_id(h)
        for h in page.eval_on_selector_all(
            "#search-results > li h2 a", "els => els.map(a => new URL(a.href).pathname)"
        )
    ]
    assert "linyi-yellow-river-bridge" in ids
    assert not [i for i in ids if i.endswith("-2022")], ids
    years = page.locator("#search-results .result-report").all_inner_texts()
    assert years and set(years) == {"2021年报告"}
