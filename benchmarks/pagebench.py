"""`make bench`, the reader's side: what each page type costs a phone on a slow network.

The real content is built (with its search index) into a temporary folder and served on
127.0.0.1 by a small server that compresses like a static host (benchmarks/pageserver.py).

Debian's Chromium (Playwright with executable_path, never a downloaded browser) opens each page
type in both languages, each time in a fresh profile (nothing cached), as a slow phone:
412×823 CSS px at 1.75×, touch, CPU 4× slower (CDP `Emulation.setCPUThrottlingRate`),
1.6 Mbps down, 750 kbps up, 150 ms round trip (CDP `Network.emulateNetworkConditions`), the
profile of Lighthouse's mobile runs. For each page, with no scrolling or input:

* first load: bytes transferred (CDP `Network.loadingFinished` encodedDataLength: compressed
  bodies and headers) until the network has been quiet for 0.5 s;
* LCP: the last `largest-contentful-paint` entry (PerformanceObserver, buffered);
* CLS: `layout-shift` entries without recent input, the largest session window (shifts less
  than 1 s apart, at most 5 s long), as Chrome's own metric;
* the search page also: the bytes its first search transfers (the query typed in its box).

Each page is opened `rounds` times; bytes are the same every time, LCP and CLS are medians.
Goals (issue 18): first load ≤ 60 KB, first search ≤ 200 KB, LCP ≤ 1.5 s, CLS ≤ 0.02.

Lighthouse (benchmarks/lighthouse.py) runs, when installed, against the same server: the
median of 3 runs of the home, county, commitment and report pages in both languages.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.lighthouse import CHROMIUM, lighthouse_available, run_lighthouse
from benchmarks.pageserver import GZIP_LEVEL, GzipServer
from benchmarks.wire import Transfers

ROOT = Path(__file__).resolve().parent.parent

KB = 1024
GOALS = {"first_load_kb": 60, "first_search_kb": 200, "lcp_s": 1.5, "cls": 0.02}
LIGHTHOUSE_GOALS = {"performance": 95, "accessibility": 100}

# page type -> (path under the language folder, search query or None)
PAGES: dict[str, str] = {
    "home": "",
    "county": "counties/yanhu/",
    "commitment": "targets/farmland-high-standard/",
    "report": "report/",
    "list": "targets/",
    "search": "search/",
}
QUERIES = {"zh": "高标准农田", "en": "farmland"}
LIGHTHOUSE_PAGES = ("home", "county", "commitment", "report")
LANGS = ("zh", "en")

PHONE = {
    "viewport": {"width": 412, "height": 823},
    "device_scale_factor": 1.75,
    "is_mobile": True,
    "has_touch": True,
}
NETWORK = {  # bytes per second
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6 * 1000 * 1000 / 8,
    "uploadThroughput": 750 * 1000 / 8,
}
CPU_SLOWDOWN = 4


# -- one page in the browser -------------------------------------------------------------------

# Collected from the first moment of every page (before its own scripts run).
OBSERVE = """
window.__bench = {lcp: null, lcpWhat: "", shifts: []};
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    window.__bench.lcp = e.startTime;
    const el = e.element;
    window.__bench.lcpWhat = el ? el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
      + (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : "")
      : (e.url || "");
  }
}).observe({type: "largest-contentful-paint", buffered: true});
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    const what = (e.sources || []).map(s => s.node ? (s.node.nodeName || "").toLowerCase()
      + (s.node.id ? "#" + s.node.id : "") + (s.node.className && typeof s.node.className
      === "string" ? "." + s.node.className.split(" ")[0] : "") : "?");
    window.__bench.shifts.push([e.startTime, e.value, what.join(" ")]);
  }
}).observe({type: "layout-shift", buffered: true});
"""

SETTLED = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
  () => setTimeout(done, 200))))"""

FINISHED = """() => { const s = document.getElementById('search-status');
  return !!s && s.textContent !== '' && s.textContent !== s.dataset.loading; }"""


def cls_of(shifts: list[list[Any]]) -> float:
    """Chrome's CLS: the largest session window of shifts (gaps < 1 s, windows ≤ 5 s)."""
    best = current = 0.0
    start = last = None
    for at, value, _ in sorted(shifts):
        if start is None or at - last >= 1000 or at - start >= 5000:
            start, current = at, 0.0
        current += value
        last = at
        best = max(best, current)
    return best


@dataclass
class PageResult:
    kind: str
    lang: str
    url: str
    first_load: list[int] = field(default_factory=list)  # bytes transferred, per round
    lcp: list[float] = field(default_factory=list)  # seconds
    cls: list[float] = field(default_factory=list)
    search: list[int] = field(default_factory=list)  # bytes of the first search
    files: dict[str, int] = field(default_factory=dict)  # first round: url -> bytes
    search_files: dict[str, int] = field(default_factory=dict)
    lcp_element: str = ""
    shifts: list[list[Any]] = field(default_factory=list)  # first round's, for the report
    lighthouse: dict[str, list[float]] = field(default_factory=dict)
    lighthouse_lcp: list[float] = field(default_factory=list)
    lighthouse_cls: list[float] = field(default_factory=list)
    lighthouse_failed: list[str] = field(default_factory=list)  # audits under 100 (a11y)
    lighthouse_metrics: list[dict[str, float]] = field(default_factory=list)  # per run, ms

    @staticmethod
    def _median(values: list[float]) -> float | None:
        return statistics.median(values) if values else None

    @property
    def first_load_kb(self) -> float | None:
        return max(self.first_load) / KB if self.first_load else None

    @property
    def search_kb(self) -> float | None:
        return max(self.search) / KB if self.search else None

    @property
    def lcp_s(self) -> float | None:
        return self._median(self.lcp)

    @property
    def cls_value(self) -> float | None:
        return self._median(self.cls)

    def score(self, category: str) -> float | None:
        return self._median(self.lighthouse.get(category, []))

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            first_load_kb=self.first_load_kb,
            search_kb=self.search_kb,
            lcp_s=self.lcp_s,
            cls_median=self.cls_value,
            lighthouse_median={k: self.score(k) for k in self.lighthouse},
        )
        return data


def open_page(browser: Any, base: str, result: PageResult, record: bool) -> None:
    context = browser.new_context(**PHONE)
    try:
        context.add_init_script(OBSERVE)
        wire = Transfers(context)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(result.url, wait_until="load", timeout=120_000)
        wire.wait_quiet(page)
        # the page has painted (a long page may paint after its last request) and its
        # observers have had their entries: two animation frames after the first LCP entry
        page.wait_for_function("() => window.__bench.lcp !== null", timeout=120_000)
        page.evaluate(SETTLED)
        loaded = wire.since()
        got = page.evaluate("() => window.__bench")
        result.first_load.append(sum(loaded.values()))
        result.lcp.append((got["lcp"] or 0) / 1000)
        result.cls.append(round(cls_of(got["shifts"]), 4))
        if record:
            result.files = {_short(u, base): n for u, n in loaded.items()}
            result.lcp_element = got["lcpWhat"]
            result.shifts = got["shifts"]
        if result.kind == "search":
            mark = wire.mark()
            page.fill("#search-q", QUERIES[result.lang])
            page.press("#search-q", "Enter")
            page.wait_for_function(FINISHED, timeout=120_000)
            wire.wait_quiet(page)
            searched = wire.since(mark)
            result.search.append(sum(searched.values()))
            if record:
                result.search_files = {_short(u, base): n for u, n in searched.items()}
    finally:
        context.close()


def _short(url: str, base: str) -> str:
    return url[len(base) :] if url.startswith(base) else url


def browser_missing() -> str | None:
    """None when the page measurements can run here, else why not."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not found (make /usr/bin/chromium installs Debian's)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -r requirements.lock)"
    return None


# -- the whole measurement -------------------------------------------------------------------


def build_real_site(folder: Path) -> Path:
    from generator import search
    from generator.build import build

    out = folder / "site"
    build(ROOT / "content", out, search_index=search.available())
    return out


def measure(
    rounds: int = 3,
    lighthouse_runs: int = 3,
    log: Any = print,
    site: Path | None = None,
) -> dict[str, Any]:
    """Build the real site (unless `site` is given), serve it, measure every page type."""
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="hedong-pages-"))
    report: dict[str, Any] = {
        "goals": GOALS,
        "lighthouse_goals": LIGHTHOUSE_GOALS,
        "profile": {
            **PHONE,
            "network": NETWORK,
            "cpu_slowdown": CPU_SLOWDOWN,
            "gzip_level": GZIP_LEVEL,
        },
        "rounds": rounds,
    }
    try:
        if site is None:
            clock = time.perf_counter()
            site = build_real_site(work)
            log(f"  real site built in {time.perf_counter() - clock:.1f} s")
        results = [PageResult(kind, lang, "") for kind in PAGES for lang in LANGS]  # urls set below
        with GzipServer(site) as server:
            for r in results:
                r.url = f"{server.url}{r.lang}/{PAGES[r.kind]}"
            _browse(results, server.url, rounds, log)
            report["pages"] = [r.as_json() for r in results]
            why = lighthouse_available() if lighthouse_runs else "skipped"
            report["lighthouse"] = why or "ran"
            if why is None:
                for r in results:
                    if r.kind in LIGHTHOUSE_PAGES:
                        _lighthouse(r, lighthouse_runs, work, log)
                report["pages"] = [r.as_json() for r in results]
            report["table"] = table(results, why)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report["seconds"] = time.perf_counter() - started
    return report


def _browse(results: list[PageResult], base: str, rounds: int, log: Any) -> None:
    """Open every page `rounds` times in Debian's Chromium, a fresh profile each time."""
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        try:
            for round_ in range(rounds):
                for r in results:
                    open_page(browser, base, r, record=round_ == 0)
                log(f"  pages: round {round_ + 1} of {rounds} done")
        finally:
            browser.close()


def _lighthouse(r: PageResult, runs: int, work: Path, log: Any) -> None:
    for _ in range(runs):
        try:
            got = run_lighthouse(r.url, work)
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            log(f"  ✗ {r.kind} {r.lang}: {exc}")
            continue
        for key in ("performance", "accessibility"):
            r.lighthouse.setdefault(key, []).append(got[key])
        r.lighthouse_lcp.append(got["lcp"])
        r.lighthouse_cls.append(got["cls"])
        r.lighthouse_metrics.append(got["metrics"])
        r.lighthouse_failed = sorted(set(r.lighthouse_failed) | set(got["failed"]))
    log(
        f"  lighthouse {r.kind} {r.lang}: performance "
        f"{r.lighthouse.get('performance')}, accessibility "
        f"{r.lighthouse.get('accessibility')}"
    )


def _mark(value: float | None, goal: float, higher_is_better: bool = False) -> str:
    if value is None:
        return "—"
    met = value >= goal if higher_is_better else value <= goal
    return "met" if met else "NOT met"


def table(results: list[PageResult], lighthouse_why: str | None) -> str:
    head = (
        "page",
        "lang",
        "first load KB",
        "≤ 60",
        "first search KB",
        "≤ 200",
        "LCP s",
        "≤ 1.5",
        "CLS",
        "≤ 0.02",
        "LH perf",
        "≥ 95",
        "LH a11y",
        "= 100",
    )
    rows = [head]
    for r in results:
        perf, a11y = r.score("performance"), r.score("accessibility")
        lh = r.kind in LIGHTHOUSE_PAGES and lighthouse_why is None
        rows.append(
            (
                r.kind,
                r.lang,
                f"{r.first_load_kb:.1f}" if r.first_load_kb is not None else "—",
                _mark(r.first_load_kb, GOALS["first_load_kb"]),
                f"{r.search_kb:.1f}" if r.search_kb is not None else "",
                _mark(r.search_kb, GOALS["first_search_kb"]) if r.search else "",
                f"{r.lcp_s:.2f}" if r.lcp_s is not None else "—",
                _mark(r.lcp_s, GOALS["lcp_s"]),
                f"{r.cls_value:.3f}" if r.cls_value is not None else "—",
                _mark(r.cls_value, GOALS["cls"]),
                f"{perf:.0f}" if lh and perf is not None else "",
                _mark(perf, LIGHTHOUSE_GOALS["performance"], True) if lh else "",
                f"{a11y:.0f}" if lh and a11y is not None else "",
                _mark(a11y, LIGHTHOUSE_GOALS["accessibility"], True) if lh else "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [
        "  ".join(
            cell.ljust(w) if i < 2 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    if lighthouse_why:
        lines.append(f"Lighthouse not run: {lighthouse_why}")
    return "\n".join(lines)
