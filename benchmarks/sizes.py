"""One size of synthetic content: full builds, the floor and a one-target rebuild.

For each size, in the same run and on the same disk:

* full: `generator.build.build(content, out)` (load, validate, plan, render, data files,
  write; no search index) in a fresh Python process per round, so import time and caches are
  honest (benchmarks/children/full.py);
* floor: the least a Python generator can do for the same number of pages (PyYAML's C loader,
  markdown-it-py and Jinja2, nothing else), measured the same way, with as many workers as the
  build renders with (benchmarks/children/floor.py); full ÷ floor is what validation, charts,
  data files and our templates cost on top;
* incremental: `generator.session.Session(...).rebuild({one target file})`, nine edits of one
  target; the median of the edits after the first, with the first beside it: the first edit
  after `serve` starts, no slower than later ones since the session's first build fills what
  edits reuse (benchmarks/children/incremental.py).

Full and floor rounds alternate, so that both see the same load on a shared machine. Outputs
are moved aside between rounds (a rename) and deleted when measuring is over (at once from
50,000 targets).
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.measure import TRASH, ChildFailed, discard, run_child

SEED = 2021
Log = Callable[[str], Any]


@dataclass
class SizeResult:
    targets: int
    generate_seconds: float = 0.0
    pages: int = 0
    files: int = 0
    bytes: int = 0
    full: list[float] = field(default_factory=list)
    full_wall: list[float] = field(default_factory=list)
    full_maxrss_kb: list[int] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    floor_pages: int = 0
    floor_maxrss_kb: list[int] = field(default_factory=list)
    incremental: float | None = None
    incremental_detail: dict[str, Any] | None = None
    incremental_note: str = ""
    workers: int = 1  # processes the build renders with (generator.parallel), and the floor too
    full_tree_rss_kb: list[int] = field(default_factory=list)
    full_cpu: list[float] = field(default_factory=list)
    floor_cpu: list[float] = field(default_factory=list)
    loadavg: list[Any] = field(default_factory=list)  # 1-minute load after each timed child
    full_tree_pss_kb: list[int] = field(default_factory=list)
    floor_tree_pss_kb: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # with --search (--huge): the last full round's site, its Pagefind index and first search
    site_files: int | None = None  # the whole site, search index included when measured
    site_bytes: int | None = None
    site_disk_bytes: int | None = None  # allocated blocks, as `du` counts
    search: dict[str, Any] | None = None  # benchmarks/children/search.py's result
    first_search: dict[str, Any] | None = None  # lang → {kb, query, files}

    def first_search_kb(self, lang: str) -> float | None:
        return ((self.first_search or {}).get(lang) or {}).get("kb")

    @property
    def full_min(self) -> float | None:
        return min(self.full) if self.full else None

    @property
    def full_median(self) -> float | None:
        return statistics.median(self.full) if self.full else None

    @property
    def floor_min(self) -> float | None:
        return min(self.floor) if self.floor else None

    @property
    def ratio(self) -> float | None:
        return self.full_min / self.floor_min if self.full and self.floor else None

    @property
    def pages_per_second(self) -> float | None:
        return self.pages / self.full_min if self.full and self.full_min else None

    @property
    def peak_rss_mb(self) -> float | None:
        """Largest single process (wait4's ru_maxrss): the brief's per-child peak RSS."""
        return max(self.full_maxrss_kb) / 1024 if self.full_maxrss_kb else None

    @property
    def peak_tree_pss_mb(self) -> float | None:
        """Build process plus workers, sampled every 0.1 s (PSS: shared pages counted once)."""
        return max(self.full_tree_pss_kb) / 1024 if self.full_tree_pss_kb else None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            full_min=self.full_min,
            full_median=self.full_median,
            floor_min=self.floor_min,
            floor_median=statistics.median(self.floor) if self.floor else None,
            ratio=self.ratio,
            pages_per_second=self.pages_per_second,
            peak_rss_mb=self.peak_rss_mb,
            peak_tree_pss_mb=self.peak_tree_pss_mb,
            floor_peak_rss_mb=max(self.floor_maxrss_kb) / 1024 if self.floor_maxrss_kb else None,
        )
        return data


def bench_size(
    n: int,
    rounds: int,
    work: Path,
    log: Log = print,
    incremental: bool = True,
    search: bool = False,
) -> SizeResult:
    """Generate `n` synthetic targets in `work`, then time the build, the floor and an edit;
    with `search`, index the last full round's site with Pagefind (time, memory) and measure
    its first search in the browser and its size on disk."""
    from benchmarks.synthetic import make_content

    res = SizeResult(n)
    content = work / f"content-{n}"
    started = time.perf_counter()
    make_content(content, n, SEED)
    res.generate_seconds = time.perf_counter() - started
    log(f"  {n:,} targets: content generated in {res.generate_seconds:.1f} s")
    # A full round and a floor round alternate: on a shared machine the load drifts over the
    # minutes a size takes, and rounds side by side see the same load. From PURGE_FROM on,
    # each output is deleted before the next round starts.
    last = work / f"out-{n}-full-{rounds - 1}"
    _purge(work, n)  # the smaller sizes' sites, GBs of memory in /dev/shm, go before round 1
    for r in range(rounds):
        _full_round(res, content, r, rounds, work, log)
        if search and last.exists():
            _search(res, last, content, log)
        if last.exists():
            _site_size(res, last, log)
            discard(last, work)
        _purge(work, n)
        if res.errors:
            break
        _floor_round(res, content, r, work, log)
        _purge(work, n)
        if res.errors:
            break
    if incremental:
        _incremental(res, content, work, log)
    else:
        res.incremental_note = "skipped"
    return res


PURGE_FROM = 50_000  # targets: outputs this large are deleted at once, not kept till the end


def _purge(work: Path, n: int) -> None:
    """Delete the outputs moved aside, before and between measurements, at 100,000 targets: a
    site is GBs, which in /dev/shm are memory, and the build's, the floor's and the trash's
    together would not fit beside the processes measured. Before the first round too: the
    10,000-target sites (about 3.5 GB) were still there during the first full round, and gone
    for every floor round."""
    if n >= PURGE_FROM:
        shutil.rmtree(work / TRASH, ignore_errors=True)


def _out_dir(work: Path, n: int, kind: str, r: int) -> Path:
    path = work / f"out-{n}-{kind}-{r}"
    discard(path, work)
    return path


def _full_round(res: SizeResult, content: Path, r: int, rounds: int, work: Path, log: Log) -> None:
    """Full round r (of `rounds`; the last one's site is kept for the search index)."""
    out = _out_dir(work, res.targets, "full", r)
    try:
        got = run_child("benchmarks.children.full", str(content), str(out))
    except ChildFailed as exc:
        res.errors.append(f"full build: {exc}")
        log(f"  ✗ full build failed: {exc}")
        return
    finally:
        if r < rounds - 1:
            discard(out, work)
    res.full.append(got["seconds"])
    res.full_wall.append(got["wall_seconds"])
    res.full_maxrss_kb.append(got["maxrss_kb"])
    res.full_tree_rss_kb.append(got["tree_rss_kb"])
    res.full_tree_pss_kb.append(got["tree_pss_kb"])
    res.full_cpu.append(got["cpu_seconds"])
    res.loadavg.append(("full", r, got["loadavg"]))
    res.pages, res.files, res.bytes = got["pages"], got["files"], got["bytes"]
    log(
        f"    full  round {r + 1}: {got['seconds']:.2f} s (CPU {got['cpu_seconds']:.1f} s), "
        f"{got['pages']:,} pages, {got['maxrss_kb'] / 1024:.0f} MB"
    )


def _floor_round(res: SizeResult, content: Path, r: int, work: Path, log: Log) -> None:
    """Floor round r (after a full round: it renders as many pages)."""
    from generator.parallel import default_workers

    pages = res.pages or 2 * res.targets + 70
    workers = res.workers = default_workers(pages)  # the floor renders with as many
    out = _out_dir(work, res.targets, "floor", r)
    args = (str(content), str(out), str(pages), str(workers))
    try:
        got = run_child("benchmarks.children.floor", *args)
    except ChildFailed as exc:
        res.errors.append(f"floor: {exc}")
        log(f"  ✗ floor failed: {exc}")
        return
    finally:
        discard(out, work)
    res.floor.append(got["seconds"])
    res.floor_pages = got["pages"]
    res.floor_maxrss_kb.append(got["maxrss_kb"])
    res.floor_tree_pss_kb.append(got["tree_pss_kb"])
    res.floor_cpu.append(got["cpu_seconds"])
    res.loadavg.append(("floor", r, got["loadavg"]))
    log(
        f"    floor round {r + 1}: {got['seconds']:.2f} s (CPU {got['cpu_seconds']:.1f} s), "
        f"{got['pages']:,} pages"
    )


def _incremental(res: SizeResult, content: Path, work: Path, log: Log) -> None:
    # one report: targets/; several (beyond 10,000 targets): reports/<id>/targets/
    files = sorted(content.glob("targets/*.yaml")) or sorted(
        content.glob("reports/*/targets/*.yaml")
    )
    target = files[0]
    out = _out_dir(work, res.targets, "session", 0)
    try:
        got = run_child("benchmarks.children.incremental", str(content), str(out), str(target))
        res.incremental = got["seconds"]
        res.incremental_detail = got
        log(
            f"    incremental: median {got['seconds']:.3f} s, min {got['min_seconds']:.3f} s "
            f"of {len(got['edits']) - 1} edits after the first ({got['first_seconds']:.2f} s, "
            "first); "
            f"session full build {got['full_seconds']:.2f} s)"
        )
    except ChildFailed as exc:
        res.incremental_note = "n/a (failed)"
        res.errors.append(f"incremental: {exc}")
        log(f"  ✗ incremental failed: {exc}")
    finally:
        discard(out, work)


def _search(res: SizeResult, site: Path, content: Path, log: Log) -> None:
    """Pagefind on the built site, as `build --search` runs it (one index per report on a
    large site with several reports); then the first search in the slow-phone Chromium
    (benchmarks/pagebench.py), when Debian's Chromium is here."""
    from benchmarks import firstsearch, pagebench

    indexes = site.parent / f"{site.name}-indexes.json"
    try:
        run_child("benchmarks.children.search", "--indexes", str(content), str(indexes))
        got = run_child("benchmarks.children.search", str(site), str(indexes), timeout=7200)
    except ChildFailed as exc:
        res.errors.append(f"search index: {exc}")
        log(f"  ✗ search index failed: {exc}")
        return
    res.search = got
    log(
        f"    search index: {got['seconds']:.1f} s, Pagefind peak RSS "
        f"{got['pagefind_maxrss_kb'] / 1024:,.0f} MB ({got.get('indexes', 1)} indexes), "
        "with its parent "
        f"{got['tree_pss_kb'] / 1024:,.0f} MB PSS; {got['files']:,} files, "
        f"{got['bytes'] / 2**20:,.1f} MB"
    )
    why = pagebench.browser_missing()
    if why:
        res.errors.append(f"first search: not measured: {why}")
        return
    try:
        res.first_search = firstsearch.first_search(site, log=lambda _: None)
    except Exception as exc:  # a browser failure must not lose the build's numbers
        res.errors.append(f"first search: {exc}")
        log(f"  ✗ first search failed: {exc}")
        return
    for lang, one in res.first_search.items():
        kb, files = one["kb"] or 0, len(one["files"])
        log(f"    first search {lang} ({one['query']}): {kb:.1f} KB, {files} files")


def _site_size(res: SizeResult, site: Path, log: Log) -> None:
    from benchmarks.children.sitesize import tree_size

    res.site_files, res.site_bytes, res.site_disk_bytes = tree_size(site)
    log(
        f"    site: {res.site_files:,} files, {res.site_bytes / 2**20:,.0f} MB "
        f"({res.site_disk_bytes / 2**20:,.0f} MB on disk)"
    )
