"""Journalist tools in the browser: the cite block copies, the embed card works in an iframe,
and the home map: drawn at once, live once scrolled into view (how long that takes is measured
by `make bench`, not asserted here)."""

from playwright.sync_api import expect

from tests.browser.support import PREFIX


def test_the_copy_button_copies_the_citation(new_page, base_url):
    page = new_page()
    page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=base_url.split(PREFIX)[0]
    )
    page.goto(base_url + "en/targets/farmland-high-standard/")
    button = page.locator(".cite .copy-button")
    button.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Build at least 500,000 mu" in copied
    assert "/sub/path/en/targets/farmland-high-standard/" in copied  # the page's own address
    assert page.text_content(".cite .copy-button") == "Copied"


def test_the_citation_is_plain_text_without_javascript(new_page, base_url):
    page = new_page(java_script_enabled=False)
    page.goto(base_url + "zh/targets/farmland-high-standard/")
    assert "新建高标准农田50万亩以上" in page.text_content("#cite-text")
    assert not page.is_visible(".cite .copy-button")


def test_the_embed_card_renders_in_an_iframe(new_page, base_url, built_site):
    page = new_page()
    html = page.goto(base_url + "en/targets/farmland-high-standard/")
    assert html.ok
    snippet = page.text_content(".embed-code pre")
    assert snippet.startswith('<iframe src="') and 'title="' in snippet
    # a test page on the same server that pastes the snippet
    host = built_site / "embed-test.html"
    src = base_url + "en/embed/targets/farmland-high-standard/"
    host.write_text(
        f'<!doctype html><html lang="en"><title>t</title><body>'
        f'<iframe src="{src}" title="card" style="width:100%;height:260px"></iframe>'
    )
    try:
        page.goto(base_url + "embed-test.html")
        frame = page.frame_locator("iframe")
        assert "Build at least 500,000 mu" in frame.locator("h1").text_content()
        assert "Deadline passed, no report found" in frame.locator(".badge").text_content()
    finally:
        host.unlink()


def test_the_map_embed_draws_in_an_iframe(new_page, base_url, built_site):
    page = new_page()
    host = built_site / "embed-map-test.html"
    host.write_text(
        f'<!doctype html><html lang="zh"><title>t</title><body><iframe src="'
        f'{base_url}zh/embed/map/" title="map" style="width:100%;height:600px">'
        f"</iframe>"
    )
    try:
        page.goto(base_url + "embed-map-test.html")
        frame = page.frame_locator("iframe")
        frame.locator(".chart-live svg path").first.wait_for()
    finally:
        host.unlink()


def test_home_map_is_drawn_at_once_and_goes_live_in_view(new_page, base_url):
    page = new_page()
    page.goto(base_url + "zh/")
    # the drawn map is there at once, a link for every county; the live one is fetched when
    # the map is in view
    figure = page.locator("svg.map-svg")
    expect(figure).to_be_attached()
    expect(figure.locator("a.county")).to_have_count(13)
    page.locator(".map-figure .chart").evaluate("c => c.scrollIntoView({block: 'center'})")
    expect(page.locator(".map-figure .chart.is-live .chart-live svg path").first).to_be_attached()
