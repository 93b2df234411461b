"""The home page's chart of commitments by part of the report: short plain labels, legible
whole-number ticks on a phone, and bars drawn by the server when JavaScript is off."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import yaml
from playwright.sync_api import Page, expect

from tests.browser.support import CONTENT, wait_for_charts

PHONE_375 = {"width": 375, "height": 812}
# the home page's chart shows the latest report's parts
SECTIONS = yaml.safe_load((CONTENT / "reports" / "yuncheng-2022" / "sections.yaml").read_text())
SHORT = {lang: [s["short"][lang] for s in SECTIONS] for lang in ("zh", "en")}

TEXTS = """sel => Array.from(document.querySelectorAll(sel + ' .chart-live svg text'))
  .filter(t => t.textContent.trim() && getComputedStyle(t).display !== 'none'
               && getComputedStyle(t).visibility !== 'hidden' && t.getAttribute('opacity') !== '0')
  .map(t => { const r = t.getBoundingClientRect(), s = getComputedStyle(t);
              return {text: t.textContent.trim(), x: r.left, y: r.top, w: r.width, h: r.height,
                      size: parseFloat(s.fontSize), fill: s.fill}; })"""


def luminance(rgb: str) -> float:
    parts = [int(v) / 255 for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in parts]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["w"]
        and b["x"] < a["x"] + a["w"]
        and (a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_javascript_the_chart_shows_names_and_numbers(
    new_page: Callable[..., Page], base_url: str, lang: str
) -> None:
    page = new_page(viewport=PHONE_375, java_script_enabled=False)
    page.goto(f"{base_url}{lang}/")
    chart = page.locator(f"#sections-{lang}")
    fallback = chart.locator(".chart-fallback")
    expect(fallback).to_be_visible()
    labels = fallback.locator(".bar-label").all_inner_texts()
    totals = fallback.locator(".bar-total").all_inner_texts()
    assert labels == SHORT[lang]
    # The same totals as the data table, which names the parts in full.
    table = page.locator(".status-table tbody tr td:last-child").all_text_contents()
    assert [t.split()[0] for t in totals] == [t.strip() for t in table]
    assert sum(int(t.split()[0]) for t in totals) > 0
    # Each bar is drawn, as wide as its count, and says what it holds.
    bars = fallback.locator("svg.bar")
    expect(bars).to_have_count(len(SHORT[lang]))
    widths = [b.bounding_box()["width"] for b in bars.all()]  # type: ignore[index]
    assert min(widths) > 100, widths
    assert bars.first.get_attribute("aria-label")
    # The legend names the colours.
    expect(page.locator(".chart-legend li").first).to_be_visible()
    # No empty box: the figure is as tall as its bars.
    box = chart.bounding_box()
    assert box and box["height"] > 8 * 30, box


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_phone_the_live_chart_labels_are_whole_legible_and_apart(
    new_page: Callable[..., Page], base_url: str, lang: str
) -> None:
    page = new_page(viewport=PHONE_375)
    page.goto(f"{base_url}{lang}/")
    wait_for_charts(page)
    expect(page.locator(f"#sections-{lang} .chart-fallback")).to_be_hidden()
    texts = page.evaluate(TEXTS, f"#sections-{lang}")
    words = [t["text"] for t in texts]
    # Every part's short label, whole (nothing cut to "…").
    assert [w for w in words if not w.isdigit()] == SHORT[lang], words
    # Whole-number ticks, rising, at least three.
    ticks = [int(w) for w in words if w.isdigit()]
    assert len(ticks) >= 3 and ticks == sorted(ticks) and len(set(ticks)) == len(ticks), ticks
    for t in texts:
        assert t["size"] >= 12, t
        # dark enough on white: at least 4.5:1
        assert (1.05) / (luminance(t["fill"]) + 0.05) >= 4.5, t
    clashes = [
        (a["text"], b["text"]) for i, a in enumerate(texts) for b in texts[i + 1 :] if overlap(a, b)
    ]
    assert not clashes, clashes
    # The plot is not squeezed: the bars have most of the width.
    grid = page.locator(f"#sections-{lang} .chart-live").bounding_box()
    tick_span = max(t["x"] + t["w"] for t in texts if t["text"].isdigit()) - min(
        t["x"] for t in texts if t["text"].isdigit()
    )
    assert grid and tick_span > grid["width"] * 0.4, (tick_span, grid)
