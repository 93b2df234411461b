"""What the site hands out works where it is deployed and where it is pasted.

The real site is served four ways: with and without base_url, each under /sub/path/ and at a
domain root. In each, every address a reader can take away (the share image, the data set's
download links, the feed's links, the embed code, the citation, the 404 page's links) must
answer 200. Embed codes are pasted, as copied, into a page on another origin (a second server
on another port), as a journalist's site would be.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
from playwright.sync_api import Page, expect

from generator.build import build
from tests.browser.support import CONTENT, PREFIX, Problems, SiteServer

COMMITMENT = "targets/farmland-high-standard/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def deployments(built_site: Path, base_url: str, tmp_path_factory) -> Iterator[dict[str, str]]:
    """{name: the address of the site's root}: the session's build (no base_url) under the
    sub-path and at a domain root, and builds that know their address (base_url) in both."""
    servers = [SiteServer(built_site, prefix="/")]
    sites = {"sub-path": base_url, "root": servers[0].base_url}
    for name, prefix in (("sub-path, base_url", PREFIX), ("root, base_url", "/")):
        folder = tmp_path_factory.mktemp("hosting") / "site"
        folder.mkdir()
        server = SiteServer(folder, prefix=prefix)  # the port is known before the build
        build(CONTENT, folder, base_url=server.base_url, search_index=False)
        servers.append(server)
        sites[name] = server.base_url
    for server in servers:
        server.__enter__()
    yield sites
    for server in servers:
        server.__exit__()


@pytest.fixture
def elsewhere(tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Another origin (its own server and port): `elsewhere(html)` publishes a page holding
    `html` there and returns its address."""
    with SiteServer(tmp_path, prefix="/") as server:

        def publish(html: str) -> str:
            (tmp_path / "article.html").write_text(
                '<!doctype html><html lang="en"><meta charset="utf-8"><title>A news story</title>'
                f"<body><h1>A news story</h1>{html}</body></html>",
                encoding="utf-8",
            )
            return server.base_url + "article.html"

        yield publish


def copy(page: Page, button: str) -> str:
    """Click a copy button as a reader does and return what reached the clipboard."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page.locator(button).click()
    return page.evaluate("navigator.clipboard.readText()")


def status(url: str) -> int:
    try:
        with urlopen(url) as response:  # noqa: S310 (local test server)
            return response.status
    except Exception as exc:  # HTTPError carries the code
        return getattr(exc, "code", 0)


def today_variants() -> set[dt.date]:
    """Today in this machine's calendar (the browser's too), and the day before in case the
    date turns between the page's script and this line."""
    now = dt.date.today()
    return {now, now - dt.timedelta(days=1)}


# --- embed codes --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_embed_code_works_pasted_into_a_page_on_another_origin(
    new_page, base_url: str, elsewhere, lang: str
) -> None:
    page = new_page()
    page.goto(base_url + f"{lang}/" + COMMITMENT)
    title = page.locator("h1").inner_text()
    page.locator(".embed-code summary").click()
    code = copy(page, ".embed-code .copy-button")
    src = re.search(r'<iframe src="([^"]+)"', code).group(1)
    assert src == base_url + f"{lang}/embed/{COMMITMENT}"  # absolute, with the sub-path
    expect(page.locator(".embed-code [data-nojs-note]")).to_be_hidden()

    page.goto(elsewhere(code))
    card = page.frame_locator("iframe")
    expect(card.locator("h1")).to_have_text(title)
    expect(card.locator(".badge").first).to_be_visible()


@pytest.mark.parametrize("where", ["counties/", "data/"])
def test_map_embed_is_offered_and_opens_counties_outside_the_frame(
    new_page, base_url: str, elsewhere, where: str
) -> None:
    page = new_page()
    page.goto(base_url + "zh/" + where)
    page.locator(".embed-code summary").filter(has_text="地图").click()
    code = copy(page, ".embed-code .copy-button")
    assert f'src="{base_url}zh/embed/map/"' in code

    article = elsewhere(code)
    page.goto(article)
    frame = page.frame_locator("iframe")
    frame.locator(".chart-live svg path").first.wait_for()
    # a county chosen on the live map opens in a new tab; the reader's article stays
    live = frame.locator(".chart-live")
    live.focus()
    with page.context.expect_page() as opened:
        live.press("Enter")
    county = opened.value
    county.wait_for_load_state()
    assert re.search(r"/sub/path/zh/counties/[a-z]+/$", county.url), county.url
    assert page.url == article
    assert page.frames[1].url == base_url + "zh/embed/map/"
    # the map without JavaScript and the table: plain links, all to a new tab
    links = frame.locator("a[href]")
    assert links.count() > 13
    assert frame.locator("base").get_attribute("target") == "_blank"
    assert frame.locator("svg a.county[target=_blank]").count() == 13


# --- citations ----------------------------------------------------------------------------------


def test_citation_has_todays_date_and_the_full_address(new_page, base_url: str) -> None:
    page = new_page()
    page.goto(base_url + "zh/" + COMMITMENT)
    title = page.locator("h1").inner_text()
    text = copy(page, ".cite .copy-button")
    assert "YYYY" not in text and "M月D日" not in text
    assert f"{title}[EB/OL]. 状态：" in text
    assert f" {base_url}zh/{COMMITMENT}. " in text
    dates = {f"访问日期：{d.isoformat()}." for d in today_variants()}
    assert any(text.endswith(d) for d in dates), text
    assert ": " not in text and "(" not in text  # Chinese punctuation: ： and （）
    expect(page.locator(".cite [data-nojs-note]")).to_be_hidden()

    page.goto(base_url + "en/" + COMMITMENT)
    text = copy(page, ".cite .copy-button")
    assert "Month" not in text and "YYYY" not in text
    assert f" {base_url}en/{COMMITMENT}. " in text
    dates = {f"Accessed {d.day} {d:%B} {d.year}." for d in today_variants()}
    assert any(text.endswith(d) for d in dates), text


def test_citation_and_embed_code_without_javascript_say_whose_address(
    new_page, base_url: str
) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(base_url + "zh/" + COMMITMENT)
    cite = page.locator("#cite-text").inner_text()
    assert "YYYY" not in cite and "访问日期" not in cite
    assert "（本页网址）" in cite and "/zh/targets/" not in cite
    expect(page.locator(".cite [data-nojs-note]")).to_be_visible()
    expect(page.locator(".cite .copy-button")).to_be_hidden()
    page.locator(".embed-code summary").click()
    expect(page.locator(".embed-code [data-nojs-note]")).to_be_visible()
    assert "/zh/embed/" not in page.locator(".embed-code pre").inner_text()


# --- every address the site hands out ------------------------------------------------------------

DEPLOYMENTS = ["sub-path", "root", "sub-path, base_url", "root, base_url"]


@pytest.mark.parametrize("where", DEPLOYMENTS)
def test_every_address_the_site_hands_out_resolves(
    new_page, problems: Problems, deployments: dict[str, str], where: str
) -> None:
    root = deployments[where]
    known = "base_url" in where
    handed_out: dict[str, str] = {}
    page = new_page()
    for lang in ("zh", "en"):
        page.goto(root + f"{lang}/" + COMMITMENT)
        share = page.locator('meta[property="og:image"]')
        if known:
            handed_out[f"{lang} og:image"] = share.get_attribute("content")
            handed_out[f"{lang} canonical"] = page.locator("link[rel=canonical]").get_attribute(
                "href"
            )
        else:
            expect(share).to_have_count(0)  # crawlers do not resolve a relative one
        cite = page.locator("#cite-text").inner_text()
        handed_out[f"{lang} citation"] = re.search(r"(https?://\S+/)\. ", cite).group(1)
        code = page.locator(".embed-code pre").text_content()
        handed_out[f"{lang} embed"] = re.search(r'src="([^"]+)"', code).group(1)

        page.goto(root + f"{lang}/data/")
        data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
        for d in data["distribution"]:
            handed_out[f"{lang} {d['encodingFormat']}"] = urljoin(page.url, d["contentUrl"])

        feed_url = root + f"{lang}/feed.xml"
        with urlopen(feed_url) as response:  # noqa: S310
            feed = ET.fromstring(response.read())
        for i, link in enumerate(feed.iter(f"{ATOM}link")):
            handed_out[f"{lang} feed link {i}"] = urljoin(feed_url, link.get("href"))

    # the 404 page, served two folders deep at an address that does not exist
    missing = root + "zh/targets/no-such-commitment/"
    problems.allow_http_error("/no-such-commitment/", 404)
    page.goto(missing)
    if not known:
        expect(page.locator("html")).to_have_attribute("data-root", urlsplit(root).path)
    for i, link in enumerate(page.locator("main a[href], .brand").all()):
        handed_out[f"404 link {i}"] = link.evaluate("a => a.href")
    sheet = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).borderBottomStyle"
    )
    assert sheet == "solid", "the 404 page has no site styles"

    assert len(handed_out) > 20
    broken = {what: url for what, url in handed_out.items() if status(url) != 200}
    assert not broken, broken
    outside = {what: url for what, url in handed_out.items() if not url.startswith(root)}
    assert not outside, outside


@pytest.mark.parametrize("where", ["root", "root, base_url"])
def test_404_page_without_javascript_works_at_a_domain_root(
    new_page, problems: Problems, deployments: dict[str, str], where: str
) -> None:
    root = deployments[where]
    page = new_page(java_script_enabled=False)
    problems.allow_http_error("/nothing/here", 404)
    response = page.goto(root + "en/nothing/here")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_contain_text("Page not found")
    links = [a.evaluate("a => a.href") for a in page.locator("main a[href]").all()]
    assert len(links) == 6
    assert all(status(url) == 200 for url in links), links
    border = page.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).borderBottomStyle"
    )
    assert border == "solid"


# --- contact --------------------------------------------------------------------------------------


def test_without_a_contact_pages_say_so_and_point_to_the_hotline(page: Page, base_url: str) -> None:
    page.goto(base_url + "zh/" + COMMITMENT)
    box = page.locator(".report-source")
    expect(box.locator("h2")).to_have_text("报告来源或纠错")
    expect(box).to_contain_text("本站暂时还没有接收来源或纠错的渠道")
    expect(box).to_contain_text("运城12345政务服务便民热线")
    assert page.locator('a[href^="mailto:"]').count() == 0
    assert "欢迎告知" not in page.locator("main").inner_text()
    expect(page.locator(".footer-publisher")).to_contain_text("本站由河东公开编辑组发布")

    page.goto(base_url + "en/about/")
    about = page.locator("main").inner_text()
    assert "12345" in about and "no channel for sources or corrections yet" in about
    assert "审图号" not in about and "before publication" not in about
    page.goto(base_url + "zh/about/")
    about = page.locator("main").inner_text()
    assert "审图号" not in about and "正式发布前" not in about
    assert "本站由河东公开编辑组编辑发布" in about
