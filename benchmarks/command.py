"""`python -m benchmarks` (`make bench`): synthetic builds against a floor, then the real site's
pages as a slow phone, then one table of every goal with met / not met.

Synthetic 100 / 1,000 / 10,000-target content is built by the real generator and by a bare
Jinja2 floor (benchmarks/sizes.py), each round in a fresh process; the table reports the
minimum (and median) of the rounds, CPU seconds, and the load average is stored with every
round, because timings on a shared machine are noisy. Outputs go to /dev/shm by default (this
VM's disk varies 4× from minute to minute); `--out-dir /tmp/x` measures on the disk instead.
Then the reader's side (benchmarks/pagebench.py; `--no-pages` skips it): the real site in
Debian's Chromium as a slow phone (first load, first search, LCP, CLS per page type) and
Lighthouse's mobile scores. All numbers and the machine go to .cache/bench.json.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import tempfile
import time
from pathlib import Path
from typing import Any

import click

from benchmarks.machine import default_work_root, filesystem, machine
from benchmarks.measure import TRASH, cleanup, discard, loadavg
from benchmarks.report import goals_table, table
from benchmarks.sizes import SEED, SizeResult, bench_size

DEFAULT_SIZES = "100,1000,10000"
HUGE = 100_000  # --huge: --huge-rounds rounds, no one-target rebuild (not a goal there), search
DEFAULT_JSON = Path(".cache/bench.json")


def _header(sizes: list[int], rounds: int, huge_rounds: int, work: Path) -> str:
    """The first line: what is measured, where, on what."""
    huge = f" ({huge_rounds} from {HUGE:,})" if any(n >= HUGE for n in sizes) else ""
    return (
        f"benchmark: sizes {', '.join(f'{n:,}' for n in sizes)}; {rounds} round(s){huge}; "
        f"work folder {work} ({filesystem(work)}); {os.cpu_count()} CPUs; "
        f"Python {platform.python_version()}"
    )


def run(
    sizes: list[int],
    rounds: int,
    json_path: Path | None,
    out_dir: Path | None,
    profile: bool,
    timing: bool = True,
    incremental: bool = True,
    pages: bool = False,
    page_rounds: int = 3,
    lighthouse_runs: int = 3,
    search_from: int | None = None,
    huge_rounds: int = 1,
) -> dict[str, Any]:
    """Every measurement asked for; returns (and writes to json_path) all the numbers."""
    started = time.perf_counter()
    work = out_dir or Path(tempfile.mkdtemp(prefix="hedong-bench-", dir=default_work_root()))
    work.mkdir(parents=True, exist_ok=True)
    click.echo(_header(sizes, rounds, huge_rounds, work))
    results: list[SizeResult] = []
    report: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "work_dir": str(work),
        "filesystem": filesystem(work),
        "rounds": rounds,
        "seed": SEED,
        "loadavg_start": loadavg(),
    }
    try:
        if timing:
            for n in sizes:
                huge = n >= HUGE
                results.append(
                    bench_size(
                        n,
                        huge_rounds if huge else rounds,
                        work,
                        log=click.echo,
                        incremental=incremental and not huge,
                        search=search_from is not None and n >= search_from,
                    )
                )
            click.echo("\n" + table(results))
        report["sizes"] = [r.as_json() for r in results]
        if profile:
            report["profile"] = _profile(max(sizes), work, json_path)
        if pages:
            report["pages"] = _pages(page_rounds, lighthouse_runs)
        goals = goals_table(results, report.get("pages"))
        if goals:
            click.echo("\ngoals (issue 18):\n" + goals)
    finally:
        cleanup(work if out_dir is None else work / TRASH)
    _finish(report, started, out_dir, json_path)
    return report


def _profile(n: int, work: Path, json_path: Path | None) -> dict[str, Any]:
    from benchmarks.profile import profile_build
    from benchmarks.synthetic import make_content

    content = work / f"content-{n}"
    if not (content / "site.yaml").exists():
        make_content(content, n, SEED)
    out = work / f"out-{n}-profile"
    discard(out, work)
    save = json_path.with_suffix(".prof") if json_path else None
    result = {"targets": n, **profile_build(content, out, save=save)}
    discard(out, work)
    return result


def _pages(page_rounds: int, lighthouse_runs: int) -> dict[str, Any]:
    from benchmarks import pagebench

    click.echo("\nthe real site in a slow-phone Chromium (benchmarks/pagebench.py):")
    why = pagebench.browser_missing()
    if why:
        click.echo(f"  not measured: {why}")
        return {"error": why}
    measured = pagebench.measure(page_rounds, lighthouse_runs, log=click.echo)
    click.echo("\n" + measured["table"])
    return measured


def _finish(
    report: dict[str, Any], started: float, out_dir: Path | None, json_path: Path | None
) -> None:
    report["total_seconds"] = time.perf_counter() - started
    report["loadavg_end"] = loadavg()
    click.echo(
        f"\nwhole benchmark: {report['total_seconds']:.0f} s (load average "
        f"{report['loadavg_start']} at the start, {report['loadavg_end']} at the end); "
        f"{'the work folder is' if out_dir is None else 'old outputs are'} being "
        "removed in the background"
    )
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(
            json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        click.echo(f"numbers written to {json_path}")


def _sizes(ctx: click.Context, param: click.Parameter, value: str) -> list[int]:
    try:
        sizes = [int(s.replace("_", "").replace(",", "")) for s in value.split(",") if s.strip()]
    except ValueError:
        raise click.BadParameter("use numbers separated by commas, e.g. 100,1000") from None
    if not sizes or any(n < 1 for n in sizes):
        raise click.BadParameter("sizes must be positive")
    return sizes


@click.command("bench", context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--sizes",
    default=DEFAULT_SIZES,
    show_default=True,
    callback=_sizes,
    help="Numbers of synthetic targets, comma-separated.",
)
@click.option(
    "--rounds",
    default=3,
    show_default=True,
    type=click.IntRange(1, 50),
    help="Fresh-process builds per size (min and median are reported).",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(path_type=Path),
    default=DEFAULT_JSON,
    show_default=True,
    help="Where to write all numbers and machine info.",
)
@click.option(
    "--out-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Keep the synthetic content and the last outputs here (default: a "
    "temporary folder in /dev/shm, or /tmp without it, removed afterwards).",
)
@click.option(
    "--profile",
    is_flag=True,
    help="Also build the largest size once under cProfile (in this process, one "
    "worker) and print the top 25 functions by cumulative and by total time.",
)
@click.option("--profile-only", is_flag=True, help="Only the cProfile run (no timed rounds).")
@click.option("--no-incremental", is_flag=True, help="Skip the one-target rebuild.")
@click.option(
    "--pages/--no-pages",
    default=True,
    show_default=True,
    help="Also open the real site's page types in a slow-phone Chromium (first load, first "
    "search, LCP, CLS) and run Lighthouse (benchmarks/pagebench.py).",
)
@click.option("--pages-only", is_flag=True, help="Only the page measurements (no builds).")
@click.option(
    "--huge",
    is_flag=True,
    help="Also build 100,000 targets (ten reports of 10,000; --huge-rounds rounds, no one-target "
    "rebuild), and at 10,000 and 100,000 targets index the site with Pagefind (time, peak "
    "memory), open its first search in the slow-phone Chromium and count its size on disk.",
)
@click.option(
    "--huge-rounds",
    default=1,
    show_default=True,
    type=click.IntRange(1, 10),
    help="Rounds at 100,000 targets and more (a full build and a floor, alternating: about "
    "15 minutes a round on two cores).",
)
@click.option(
    "--search",
    "search_sizes",
    is_flag=True,
    help="Pagefind index, first search and site size at sizes of 10,000 and more (--huge "
    "implies it).",
)
@click.option(
    "--page-rounds",
    default=3,
    show_default=True,
    type=click.IntRange(1, 20),
    help="Loads of each page (LCP and CLS are medians).",
)
@click.option(
    "--lighthouse-runs",
    default=3,
    show_default=True,
    type=click.IntRange(0, 20),
    help="Lighthouse runs of each page (median); 0 skips Lighthouse.",
)
def bench_command(
    sizes: list[int],
    rounds: int,
    json_path: Path,
    out_dir: Path | None,
    profile: bool,
    profile_only: bool,
    no_incremental: bool,
    pages: bool,
    pages_only: bool,
    page_rounds: int,
    lighthouse_runs: int,
    huge: bool,
    huge_rounds: int,
    search_sizes: bool,
) -> None:
    """Time full builds of synthetic content against a bare Jinja2 floor, and the real site's
    pages in a slow-phone browser (see benchmarks/command.py)."""
    if huge and HUGE not in sizes:
        sizes = [*sizes, HUGE]
    run(
        [] if pages_only else sizes,
        rounds,
        json_path,
        out_dir,
        (profile or profile_only) and not pages_only,
        timing=not (profile_only or pages_only),
        incremental=not no_incremental,
        pages=(pages or pages_only) and not profile_only,
        page_rounds=page_rounds,
        lighthouse_runs=lighthouse_runs,
        search_from=10_000 if (huge or search_sizes) else None,
        huge_rounds=huge_rounds,
    )


def main() -> None:
    bench_command(prog_name="python -m benchmarks")
