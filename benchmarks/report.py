"""The benchmark's tables: one row per size, and one row per goal with met / not met."""

from __future__ import annotations

from typing import Any

from benchmarks.sizes import SizeResult

Row = tuple[str, str, str, str]


def _fmt(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def _le(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


HEAD = (
    "targets",
    "pages",
    "full min s",
    "full med s",
    "CPU s",
    "pages/s",
    "peak RSS MB",
    "all procs PSS MB",
    "floor min s",
    "ratio",
    "incremental med s",
    "(min, 1st)",
)


def _size_row(r: SizeResult) -> tuple[str, ...]:
    inc = (
        _fmt(r.incremental, ".3f")
        if r.incremental is not None
        else (r.incremental_note.split(" ")[0] or "n/a")
    )
    detail = r.incremental_detail
    return (
        f"{r.targets:,}",
        f"{r.pages:,}",
        _fmt(r.full_min, ".2f"),
        _fmt(r.full_median, ".2f"),
        _fmt(min(r.full_cpu, default=None), ".1f"),
        _fmt(r.pages_per_second, ",.0f"),
        _fmt(r.peak_rss_mb, ",.0f"),
        _fmt(r.peak_tree_pss_mb, ",.0f") + (f" ({r.workers}p)" if r.workers > 1 else ""),
        _fmt(r.floor_min, ".2f"),
        _fmt(r.ratio, ".2f") + ("×" if r.ratio else ""),
        inc,
        f"({detail['min_seconds']:.3f}, {detail['first_seconds']:.2f})"
        if detail and "min_seconds" in detail
        else "",
    )


def table(results: list[SizeResult]) -> str:
    """One row per size, numbers right-aligned."""
    return aligned([HEAD, *(_size_row(r) for r in results)], left=0)


def _row(what: str, goal: str, value: float | None, spec: str, met: bool | None) -> Row:
    shown = "—" if value is None else format(value, spec)
    return (what, goal, shown, "—" if met is None else ("met" if met else "NOT met"))


def _build_goals(r: SizeResult) -> list[Row]:
    n = f"{r.targets:,} targets"
    if r.targets <= 100:
        return [_row(f"{n}: full build ÷ floor", "≤ 1.3×", r.ratio, ".2f", _le(r.ratio, 1.3))]
    rows = [_row(f"{n}: full build ÷ floor", "≤ 1.1×", r.ratio, ".2f", _le(r.ratio, 1.1))]
    if r.targets >= 10_000:
        limit = 1024 if r.targets >= 100_000 else 300
        memory = r.peak_tree_pss_mb if r.targets >= 100_000 else r.peak_rss_mb
        label = "all processes PSS MB" if r.targets >= 100_000 else "peak RSS MB"
        rows.append(_row(f"{n}: {label}", f"≤ {limit}", memory, ",.0f", _le(memory, limit)))
        if r.targets < 100_000:  # one round and no rebuild at 100,000 (--huge)
            inc = r.incremental
            rows.append(_row(f"{n}: one-target rebuild s", "≤ 0.3", inc, ".3f", _le(inc, 0.3)))
            first = (r.incremental_detail or {}).get("first_seconds")
            rows.append(
                _row(f"{n}: first edit after start s", "≤ 0.3", first, ".3f", _le(first, 0.3))
            )
    return rows + _search_rows(r)


REPORTED = "(reported)"


def _search_rows(r: SizeResult) -> list[Row]:
    """With --huge / --search: the Pagefind index, the first search and the site on disk."""
    n = f"{r.targets:,} targets"
    rows: list[Row] = []
    if r.search:
        got = r.search
        k = got.get("indexes", 1)
        what = f"{n}: Pagefind index s" + (f" ({k} indexes, one per report)" if k > 1 else "")
        rows.append(_row(what, REPORTED, got["seconds"], ".1f", None))
        pss = got["tree_pss_kb"] / 1024 if got.get("tree_pss_kb") else None
        rows.append(_row(f"{n}: Pagefind peak PSS MB (with parent)", REPORTED, pss, ",.0f", None))
        figure = f"{got['files']:,} / {got['bytes'] / 2**20:,.1f}"
        rows.append((f"{n}: Pagefind index files / MB", REPORTED, figure, "—"))
    if r.first_search:
        for lang in ("zh", "en"):
            kb = r.first_search_kb(lang)
            query = (r.first_search.get(lang) or {}).get("query", "")
            rows.append(
                _row(f"{n}: first search KB, {lang} ({query})", "≤ 200", kb, ".1f", _le(kb, 200))
            )
    if r.site_files is not None and r.site_bytes is not None:
        disk = (r.site_disk_bytes or 0) / 2**20
        figure = f"{r.site_files:,} / {r.site_bytes / 2**20:,.0f} ({disk:,.0f} on disk)"
        what = f"{n}: site files / MB" + (" (with index)" if r.search else "")
        rows.append((what, REPORTED, figure, "—"))
    return rows


def _page_goals(measured: list[dict[str, Any]]) -> list[Row]:
    rows: list[Row] = []

    def worst(what: str, goal: str, key: str, spec: str, limit: float, lower: bool = True) -> None:
        """The page type farthest from the goal, and how many pages meet it."""
        got = [(p[key], f"{p['kind']} {p['lang']}") for p in measured if p.get(key) is not None]
        if not got:
            return
        value, where = (max if lower else min)(got, key=lambda g: g[0])
        met = sum(1 for v, _ in got if (v <= limit if lower else v >= limit))
        what = f"pages: {what} (worst: {where}; {met} of {len(got)} met)"
        rows.append(_row(what, goal, value, spec, met == len(got)))

    worst("first load KB", "≤ 60", "first_load_kb", ".1f", 60)
    worst("first search KB", "≤ 200", "search_kb", ".1f", 200)
    worst("LCP s", "≤ 1.5", "lcp_s", ".2f", 1.5)
    worst("CLS", "≤ 0.02", "cls_median", ".3f", 0.02)
    for p in measured:
        for key in ("performance", "accessibility"):
            p[f"lh_{key}"] = (p.get("lighthouse_median") or {}).get(key)
    worst("Lighthouse performance", "≥ 95", "lh_performance", ".0f", 95, lower=False)
    worst("Lighthouse accessibility", "= 100", "lh_accessibility", ".0f", 100, lower=False)
    return rows


def goals_table(results: list[SizeResult], pages: dict[str, Any] | None) -> str:
    """Every goal beside its figure: met / not met (issue 18)."""
    rows = [row for r in results for row in _build_goals(r)]
    rows += _page_goals((pages or {}).get("pages", []))
    if not rows:
        return ""
    return aligned([("goal", "target", "figure", ""), *rows], left=1)


def aligned(rows: list[tuple[str, ...]], left: int) -> str:
    """Rows as columns: the first `left` cells left-aligned, the others right-aligned, with a
    rule under the head."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            cell.ljust(w) if i < left else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
