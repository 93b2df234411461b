"""A staff member's `serve` session: `python -m benchmarks.children.incremental CONTENT OUT
TARGET_FILE`.

`generator.session.Session(content, out)` builds once (`full()`), then the status of one
commitment changes nine times (each edit appends a dated update and calls `rebuild({file})`);
the first edit comes right after the session's first build. The target file is restored at
the end. Prints the median and fastest of the edits after the first, the first edit, the
session's full build and every edit.
"""

import time

_T0 = time.perf_counter()

STATUSES = ("in_progress", "on_track", "at_risk") * 3


def _edit(target, k: int, status: str) -> None:
    text = target.read_text("utf-8")
    update = (
        f"  - date: 2022-02-{k + 1:02d}\n    status: {status}\n    note:\n"
        f"      zh: 第{k + 1}次增量构建测试。\n"
        f'      en: "Incremental build test {k + 1}."\n'
        f'    source: {{title: 测试来源, url: "https://www.yuncheng.gov.cn/b/{k}"}}\n'
    )
    if "updates: []" in text:
        text = text.replace("updates: []", "updates:\n" + update.rstrip("\n"))
    else:
        text = text.rstrip("\n") + "\n" + update
    target.write_text(text, "utf-8")


def main() -> None:
    import json
    import resource
    import statistics
    import sys
    from pathlib import Path

    from generator.session import Session

    content, out, target = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    original = target.read_bytes()
    session = Session(content, out)
    started = time.perf_counter()
    session.full()
    full_seconds = time.perf_counter() - started
    edits = []
    try:
        for k, status in enumerate(STATUSES):
            _edit(target, k, status)
            started = time.perf_counter()
            result = session.rebuild({target})
            wall = time.perf_counter() - started
            edits.append(
                {
                    "seconds": getattr(result, "seconds", wall),
                    "wall": wall,
                    "changed": len(getattr(result, "changed", ()) or ()),
                    "rendered": getattr(result, "rendered", None),
                }
            )
    finally:
        target.write_bytes(original)
    warm = [e["seconds"] for e in edits[1:]]
    summary = {
        "seconds": statistics.median(warm),
        "min_seconds": min(warm),
        "first_seconds": edits[0]["seconds"],
        "full_seconds": full_seconds,
        "edits": edits,
        "pages": None,
        "files": None,
        "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
