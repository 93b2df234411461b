"""What a reader sees, read back from Chromium: the report's words exactly as the city wrote
them, and a county map whose colours and names say something."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from generator.load import load
from generator.validate import validate
from tests.browser.support import CONTENT, PHONE, wait_for_charts

# innerText of each paragraph, without what is not the report's words: the § anchor and the
# screen-reader-only status labels inside the marks.
PARAGRAPHS = """() => Array.from(document.querySelectorAll('.report-para')).map(div => {
  const p = div.querySelector('p').cloneNode(true);
  p.querySelectorAll('a.anchor, .visually-hidden').forEach(e => e.remove());
  document.body.appendChild(p);
  const text = p.innerText;
  p.remove();
  return [div.id, text, div.querySelectorAll('p mark.commitment').length];
})"""

FORBIDDEN = ["<mark", "</a>", "<span", "{{", "}}", "YYYY", "D Month", "undefined", "NaN", "TODO"]


@pytest.fixture(scope="module")
def reports() -> dict:
    """Per report id: its paragraphs by language, and how many distinct quotes the Chinese
    text marks (not counting a quote inside a longer one of the same paragraph)."""
    site, _ = validate(load(CONTENT))
    assert site is not None
    out = {}
    for r in site.reports:
        texts = {
            lang: {b.id: b.text for b in r.blocks(lang) if b.kind == "paragraph"}
            for lang in ("zh", "en")
        }
        quotes: dict[str, set[str]] = {}
        for t in site.targets:
            if t.report == r.id:
                quotes.setdefault(t.paragraph, set()).add(t.quote)
        marked = sum(
            1
            for qs in quotes.values()
            for q in qs
            if not any(q != other and q in other for other in qs)
        )
        out[r.id] = {**texts, "marked": marked}
    return out


def squash(text: str) -> str:
    return " ".join(text.split())


# each report's text at its own address, and the first report at the address it was
# published at before there were two (report/, kept so that its #p- links still work)
TEXTS = [
    ("yuncheng-2021", "reports/yuncheng-2021/"),
    ("yuncheng-2022", "reports/yuncheng-2022/"),
    ("yuncheng-2021", "report/"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("report_id", "address"), TEXTS)
def test_every_report_paragraph_reads_exactly_as_the_source(
    new_page: Callable[..., Page],
    base_url: str,
    reports: dict,
    report_id: str,
    address: str,
    lang: str,
) -> None:
    report = reports[report_id]
    page = new_page(viewport=PHONE)
    page.goto(f"{base_url}{lang}/{address}")
    shown = page.evaluate(PARAGRAPHS)
    assert [pid for pid, _, _ in shown] == list(report[lang])
    for pid, text, _ in shown:
        assert squash(text) == squash(report[lang][pid]), pid
    if lang == "zh":  # each commitment's words are marked in the Chinese text, as a link
        assert sum(marks for _, _, marks in shown) == report["marked"]
        assert page.locator("mark.commitment a").count() == report["marked"]
    body = page.inner_text("body")
    assert not [token for token in FORBIDDEN if token in body]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_deep_link_lands_on_readable_words(
    new_page: Callable[..., Page], base_url: str, reports: dict, lang: str
) -> None:
    """Every commitment page links to its paragraph in its own report's text; the paragraph
    there is plain words."""
    page = new_page(viewport=PHONE)
    page.goto(f"{base_url}{lang}/targets/afforestation-167000-mu/")
    page.locator('.quote-block a[href*="reports/yuncheng-2021/#p-"]').first.click()
    page.wait_for_url("**/reports/yuncheng-2021/#p-*")
    pid, text, _ = page.evaluate(PARAGRAPHS.replace(".report-para", ".report-para:target"))[0]
    assert "<" not in text and "&lt;" not in text
    assert squash(text) == squash(reports["yuncheng-2021"][lang][pid])


MAP_STATE = """() => {
  const live = document.querySelector('.map-figure .chart.is-live .chart-live svg');
  const fills = Array.from(live.querySelectorAll('path'))
    .filter(p => (p.getAttribute('d') || '').split('L').length > 50)
    .map(p => p.getAttribute('fill'));
  const texts = Array.from(live.querySelectorAll('text')).map(t => t.textContent);
  return {fills, texts};
}"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_live_map_names_every_county_and_their_colours_differ(
    new_page: Callable[..., Page], base_url: str, lang: str
) -> None:
    site, _ = validate(load(CONTENT))
    assert site is not None
    page = new_page()
    page.goto(f"{base_url}{lang}/counties/")
    wait_for_charts(page)
    state = page.evaluate(MAP_STATE)
    assert len(state["fills"]) == 13
    assert len(set(state["fills"])) >= 3, state["fills"]
    labels = " ".join(state["texts"])
    for county in site.counties:
        short = county.name(lang) if lang == "zh" else county.name(lang).split(" ")[0]
        assert short in labels, county.id
    # the legend says what is measured, and that city-wide commitments are not in it
    legend = page.inner_text(".map-figure")
    assert ("点名本县" in legend) if lang == "zh" else ("naming the county" in legend)
    assert ("全市性承诺" in legend) if lang == "zh" else ("city-wide" in legend)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_javascript_the_drawn_map_names_every_county(
    new_page: Callable[..., Page], base_url: str, lang: str
) -> None:
    site, _ = validate(load(CONTENT))
    assert site is not None
    page = new_page(java_script_enabled=False)
    page.goto(f"{base_url}{lang}/counties/")
    svg = page.locator(".map-figure svg.map-svg")
    assert svg.is_visible()
    labels = svg.locator(".map-labels text")
    assert labels.count() == 13
    names = " ".join(labels.all_text_contents())
    for county in site.counties:
        short = county.name(lang) if lang == "zh" else county.name(lang).split(" ")[0]
        assert short in names, county.id
    fills = {svg.locator("a.county path").nth(i).get_attribute("fill") for i in range(13)}
    assert len(fills) >= 3, fills


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "zh",
            [
                "逾期完成",
                "2024年12月16日",
                "2021年12月31日",
                "期限时的状态",
                "最后核查",
                "政府原话",
            ],
        ),
        ("en", ["Achieved late", "16 December 2024", "31 December 2021", "Last checked"]),
    ],
)
def test_a_late_completion_shows_both_dates(
    new_page: Callable[..., Page], base_url: str, lang: str, words: list[str]
) -> None:
    """The bridge opened in 2024; the 2021 pledge is shown done late, never done on time."""
    page = new_page(viewport=PHONE)
    page.goto(f"{base_url}{lang}/targets/linyi-yellow-river-bridge/")
    status = page.inner_text(".target-status")
    assert ("逾期完成" if lang == "zh" else "Achieved late") in status
    body = page.inner_text("main")
    for word in words:
        assert word in body, word
    assert ("已完成" if lang == "zh" else "Achieved\n") not in status


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_empty_record_says_the_deadline_passed_and_when_it_was_checked(
    new_page: Callable[..., Page], base_url: str, lang: str
) -> None:
    page = new_page(viewport=PHONE)
    page.goto(f"{base_url}{lang}/targets/fifth-kindergarten-opens/")
    status = page.inner_text(".target-status")
    assert (
        "期限已过，未找到进展报告" if lang == "zh" else "Deadline passed, no report found"
    ) in status
    body = page.inner_text("main")
    assert ("最后核查" if lang == "zh" else "Last checked") in body
    assert ("2026年11月30日" if lang == "zh" else "30 November 2026") in body


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_outcome_quotes_the_city_and_links_to_its_paragraph(
    new_page: Callable[..., Page], base_url: str, lang: str
) -> None:
    page = new_page(viewport=PHONE)
    page.goto(f"{base_url}{lang}/targets/afforestation-167000-mu/")
    evidence = page.locator("figure.evidence").first
    assert "植树造林37.2万亩" in evidence.inner_text()
    if lang == "en":
        assert "372,000 mu" in evidence.inner_text()
    evidence.locator("a").click()
    page.wait_for_url("**/documents/yuncheng-2022/#p-*")
    # retried until the page has laid out its target (read at once, under load, the text of
    # the paragraph was once not there yet, only the list of commitments citing it)
    expect(page.locator(":target")).to_contain_text("植树造林37.2万亩")
    expect(page.locator(":target > p")).to_be_in_viewport()  # where the reader lands
