"""Light pages: what each page type makes a reader download (HTML + CSS + JS, gzipped).

Budgets (issue "Performance at scale"): a commitment page ≤ 25 KB with no chart JavaScript;
a page with a map ≤ 60 KB on first load: the chart library and the county outlines are
fetched by charts.js only when a chart comes into view or the reader reaches for it. The first
search is measured in tests/browser/test_search; load times in a slow-phone browser by
`make bench` (benchmarks/).
"""

import gzip
import re

import pytest

KB = 1024


@pytest.fixture(scope="module")
def site(real_site: dict[str, bytes]) -> dict[str, bytes]:
    return real_site


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def weight(site: dict[str, bytes], page: str) -> tuple[int, list[str]]:
    html = site[page].decode()
    base = page.rsplit("/", 1)[0]
    refs = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+\.(?:js|css))"', html)
    total = gz(site[page])
    files = []
    for ref in refs:
        parts = []
        for part in f"{base}/{ref}".split("/"):
            if part == "..":
                parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        path = "/".join(parts)
        files.append(path)
        total += gz(site[path])
    return total, files


def test_a_commitment_page_is_light_and_loads_no_chart_code(site):
    for lang in ("zh", "en"):
        total, files = weight(site, f"{lang}/targets/farmland-high-standard/index.html")
        assert not any("echarts" in f or "charts.js" in f for f in files), files
        assert total <= 25 * KB, f"{total / KB:.1f} KB"


MAP_PAGES = [
    "zh/index.html",
    "en/index.html",
    "zh/counties/index.html",
    "zh/counties/yanhu/index.html",
    "en/counties/ruicheng/index.html",
]


@pytest.mark.parametrize("page", MAP_PAGES)
def test_a_map_page_stays_under_60_kb_until_its_chart_is_wanted(site, page):
    total, files = weight(site, page)
    assert any(f.endswith("charts.js") for f in files)
    assert not any("echarts" in f for f in files), files
    assert total <= 60 * KB, f"{total / KB:.1f} KB: {files}"
    # the library and the outlines charts.js fetches later are published
    html = site[page].decode()
    later = re.findall(r'data-(?:echarts|geo)="([^"]+)"', html)
    assert len(later) == 2
    base = page.rsplit("/", 1)[0].split("/")
    for ref in later:
        up = ref.count("../")
        assert "/".join(base[: len(base) - up] + [ref.replace("../", "")]) in site, ref


def test_pages_without_charts_load_no_chart_code(site):
    for page in [
        "zh/report/index.html",
        "zh/targets/index.html",
        "en/about/index.html",
        "zh/sections/three-strong-cities/index.html",
        "zh/data/index.html",
    ]:
        _, files = weight(site, page)
        assert not any("echarts" in f for f in files), page


def test_one_small_stylesheet_and_no_web_fonts(site):
    css = site["assets/css/site.css"]
    assert gz(css) < 10 * KB
    assert b"@font-face" not in css and b"url(http" not in css
