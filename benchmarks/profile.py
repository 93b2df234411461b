"""`--profile`: one build in this process under cProfile, the top functions both ways."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import click

ROOT = Path(__file__).resolve().parent.parent


def profile_build(
    content: Path, out: Path, top: int = 25, save: Path | None = None
) -> dict[str, Any]:
    """Build once in this process under cProfile; print the top functions both ways."""
    import cProfile

    from generator.build import build

    profiler = cProfile.Profile()
    # cProfile sees one process: render serially, or the pages rendered by workers go missing
    saved = os.environ.get("HEDONG_WORKERS")
    os.environ["HEDONG_WORKERS"] = "1"
    started = time.perf_counter()
    try:
        profiler.enable()
        build(content, out)
        profiler.disable()
    finally:
        if saved is None:
            os.environ.pop("HEDONG_WORKERS", None)
        else:
            os.environ["HEDONG_WORKERS"] = saved
    seconds = time.perf_counter() - started
    if save:
        save.parent.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(save)
    summary: dict[str, Any] = {"seconds": seconds}
    for key in ("cumulative", "tottime"):
        summary[key] = _top(profiler, key, top, seconds)
    return summary


def _top(profiler: Any, key: str, top: int, seconds: float) -> list[dict[str, Any]]:
    import io
    import pstats

    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats(key).print_stats(top)
    click.echo(f"\n── top {top} by {key} ({seconds:.1f} s under cProfile) ──")
    text = stream.getvalue()
    click.echo(text[text.find("   ncalls") :].rstrip() if "   ncalls" in text else text)
    rows = []
    for func, (_cc, nc, tt, ct, _) in sorted(
        stats.stats.items(),  # type: ignore[attr-defined]
        key=lambda kv: kv[1][3 if key == "cumulative" else 2],
        reverse=True,
    )[:top]:
        rows.append(
            {
                "function": f"{_short(func[0])}:{func[1]}({func[2]})",
                "ncalls": nc,
                "tottime": round(tt, 4),
                "cumtime": round(ct, 4),
            }
        )
    return rows


def _short(filename: str) -> str:
    for marker in ("/site-packages/", str(ROOT) + "/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename
