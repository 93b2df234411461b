"""Search on a large site with several reports: one index per report (generator/search.py),
the newest searched unless the reader picks another report, or all.

The real content (2021 and 2022 reports) built with the limit of one index lowered to 100
commitments, so that it is split as a site of more than 10,000 would be.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Page

from generator import search as search_index
from generator.build import build
from tests.browser.support import SiteServer
from tests.browser.test_search import FINISHED, search, target_id
from tests.shared import shared_folder

CONTENT = Path(__file__).resolve().parents[2] / "content"
BRIDGE = "临猗黄河大桥"  # the Linyi bridge: a 2021 commitment, taken up again in 2022
BRIDGES = {"linyi-yellow-river-bridge": 2021, "linyi-yellow-river-bridge-2022": 2022}
NEWER, OLDER = "yuncheng-2022", "yuncheng-2021"  # the reports, by id


def build_split(out: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "ONE_INDEX_MAX", 100)
        build(CONTENT, out, search_index=True)


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not search_index.available():
        pytest.fail("the search indexer is missing: run `make setup`")
    return shared_folder(tmp_path_factory, "browser-site-split", build_split)


@pytest.fixture(scope="module")
def split_url(split_site: Path) -> Iterator[str]:
    with SiteServer(split_site) as server:
        yield server.base_url


def report_folders(site: Path) -> dict[str, str]:
    """{report id: index folder} from the site's own search page."""
    html = (site / "zh" / "search" / "index.html").read_text(encoding="utf-8")
    start = html.index('{"indexes": ') + len('{"indexes": ')
    pairs = json.JSONDecoder().raw_decode(html[start:])[0]
    return {report: folder for folder, report in pairs}


def test_each_report_has_its_own_index_newest_first(split_site: Path):
    folders = report_folders(split_site)
    assert list(folders) == [NEWER, OLDER]
    for folder in folders.values():
        assert list((split_site / folder).glob("pagefind.zh-hans_*.pf_meta"))
        assert list((split_site / folder).glob("pagefind.en_*.pf_meta"))
    assert not (split_site / "pagefind" / "pagefind.js").exists()  # no index of the whole site
    assert not list(split_site.glob(".search-*"))  # the linked pages are gone


def test_the_newest_report_is_searched_first_and_only_its_index_is_fetched(
    page: Page, split_url: str, split_site: Path
):
    fetched: list[str] = []
    page.on("requestfinished", lambda r: fetched.append(urlsplit(r.url).path))
    found = [target_id(r["href"]) for r in search(page, split_url, "zh", BRIDGE)]
    assert page.locator("#search-report").input_value() == NEWER
    assert "linyi-yellow-river-bridge-2022" in found
    assert "linyi-yellow-river-bridge" not in found
    years = set(page.locator("#search-results .result-report").all_inner_texts())
    assert years == {"2022年报告"}
    folders = report_folders(split_site)
    assert any(f"/{folders[NEWER]}" in p for p in fetched)
    assert not any(f"/{folders[OLDER]}" in p for p in fetched), fetched


def test_a_reader_picks_another_report_or_all(page: Page, split_url: str):
    page.goto(f"{split_url}zh/search/?q={quote(BRIDGE)}")
    page.wait_for_function(FINISHED, timeout=15_000)
    page.select_option("#search-report", OLDER)
    page.wait_for_url(f"**/zh/search/?q={quote(BRIDGE)}&report={OLDER}")
    page.wait_for_function(FINISHED, timeout=15_000)
    ids = set(results(page))
    assert "linyi-yellow-river-bridge" in ids and "linyi-yellow-river-bridge-2022" not in ids
    page.select_option("#search-report", "all")
    page.wait_for_url("**report=all")
    page.wait_for_function(FINISHED, timeout=15_000)
    assert set(BRIDGES) <= set(results(page))


def test_all_reports_list_a_county_page_once(page: Page, split_url: str):
    page.goto(f"{split_url}zh/search/?q={quote('永济')}&report=all")
    page.wait_for_function(FINISHED, timeout=15_000)
    hrefs = page.eval_on_selector_all(
        "#search-pages a", "els => els.map(a => new URL(a.href).pathname)"
    )
    counties = [h for h in hrefs if h.endswith("/zh/counties/yongji/")]
    assert counties and len(counties) == 1, hrefs


def test_chinese_on_the_english_site_searches_the_picked_reports(page: Page, split_url: str):
    found = [target_id(r["href"]) for r in search(page, split_url, "en", BRIDGE)]
    assert "linyi-yellow-river-bridge-2022" in found
    assert "linyi-yellow-river-bridge" not in found
    page.goto(f"{split_url}en/search/?q={quote(BRIDGE)}&report=all")
    page.wait_for_function(FINISHED, timeout=15_000)
    assert set(BRIDGES) <= set(results(page))
    assert all(h.startswith(urlsplit(split_url).path + "en/") for h in result_hrefs(page))


def result_hrefs(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "#search-results > li h2 a", "els => els.map(a => new URL(a.href).pathname)"
    )


def results(page: Page) -> list[str]:
    return [target_id(h) for h in result_hrefs(page)]
