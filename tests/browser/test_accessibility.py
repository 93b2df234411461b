"""WCAG 2.2 AA with axe-core in real Chromium, on every page type in both languages, plus the
keyboard: filters, language switch and map are operable without a mouse."""

import json

import pytest

from tests.browser.support import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGES = [
    "",
    "targets/",
    "targets/farmland-high-standard/",
    "targets/linyi-yellow-river-bridge/",
    "sections/three-strong-cities/",
    "status/no_update/",
    "counties/",
    "counties/ruicheng/",
    "report/",
    "about/",
    "glossary/",
    "changes/",
    "changes/2021-12/",
    "data/",
    "search/?q=农田",
    "print/",
    "embed/targets/farmland-high-standard/",
    "embed/map/",
]


def axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        TAGS,
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else json.dumps(n["target"])
            for n in v["nodes"][:4]
        )
        for v in violations
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(new_page, base_url, lang, path):
    page = new_page(bypass_csp=True)  # axe is injected as an inline script for the test only
    page.goto(f"{base_url}{lang}/{path}")
    page.wait_for_load_state("networkidle")
    violations = axe(page)
    assert not violations, describe(violations)


def test_no_axe_violations_on_the_language_chooser(new_page, base_url):
    page = new_page(bypass_csp=True)
    page.goto(base_url + "?choose")
    assert not axe(page), describe(axe(page))


def test_no_axe_violations_in_large_type_and_without_javascript(new_page, base_url):
    page = new_page(bypass_csp=True, java_script_enabled=True)
    page.goto(base_url + "zh/")
    page.click(".large-type-toggle")
    assert not axe(page), describe(axe(page))


def test_keyboard_reaches_the_skip_link_first(page, base_url):
    page.goto(base_url + "zh/targets/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_keyboard_operates_the_filters(page, base_url):
    page.goto(base_url + "zh/targets/")
    page.focus("#f-status")
    page.keyboard.press("ArrowDown")  # first status after "all"
    page.wait_for_function("location.search.includes('status=')")
    status = page.eval_on_selector("#f-status", "el => el.value")
    shown = page.eval_on_selector_all(
        ".target-row:not([hidden])", "els => els.map(e => e.dataset.status)"
    )
    assert shown and set(shown) == {status}


def test_keyboard_operates_the_language_switch(page, base_url):
    page.goto(base_url + "zh/targets/farmland-high-standard/")
    page.focus("a.lang-link")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/targets/farmland-high-standard/")


def test_keyboard_operates_the_map(page, base_url):
    page.goto(base_url + "en/counties/")
    page.wait_for_selector(".chart.is-live .chart-live")
    page.focus(".chart-live")
    page.keyboard.press("ArrowRight")
    label = page.get_attribute(".chart-live", "aria-label")
    assert label and "County" in label or "District" in label or "City" in label
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/counties/*/")


def test_text_reflows_at_320_px(new_page, base_url):
    page = new_page(viewport={"width": 320, "height": 640})
    for path in [
        "zh/",
        "en/targets/farmland-high-standard/",
        "zh/report/",
        "en/counties/ruicheng/",
    ]:
        page.goto(base_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} scrolls sideways: {width}px"
