"""The search index of a built site: `python -m benchmarks.children.search SITE [INDEXES]`.

`generator.search.index(site, indexes)`, as `build --search` runs it (Pagefind's extended
binary on the finished files), on a site a full round has just written; INDEXES is the file
`python -m benchmarks.children.search --indexes CONTENT INDEXES` wrote from that round's
content (`search.bundles`: one index per report on a large site with several reports), in a
process of its own, so that neither the model nor its memory counts here. Without INDEXES,
one index of the whole site. Prints {seconds, maxrss_kb, pagefind_maxrss_kb, files, bytes,
disk_bytes, indexes} of SITE/pagefind/; the parent samples the PSS of this process and
Pagefind together.
"""

import time
from typing import Any

_T0 = time.perf_counter()


def main() -> None:
    import json
    import resource
    import sys
    from pathlib import Path

    from benchmarks.children.sitesize import tree_size
    from generator import search

    site = Path(sys.argv[1])
    indexes = read_indexes(sys.argv[2]) if len(sys.argv) > 2 else (search.WHOLE,)
    started = time.perf_counter()
    search.index(site, indexes)
    seconds = time.perf_counter() - started
    files, size, disk = tree_size(site / "pagefind")
    result = {
        "seconds": seconds,
        "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "pagefind_maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        "files": files,
        "bytes": size,
        "disk_bytes": disk,
        "pages": 0,
        "indexes": len(indexes),
    }
    print(json.dumps(result))


def write_indexes(content: str, into: str) -> None:
    """search.bundles of the content, as JSON."""
    import json
    from dataclasses import asdict
    from pathlib import Path

    from generator.load import Loader
    from generator.search import bundles
    from generator.validate import validate

    site, _ = validate(Loader(Path(content), keep=False).load(None))
    assert site is not None, "the synthetic content is invalid"
    rows = [
        {**asdict(b), "targets": sorted(b.targets), "sections": sorted(b.sections)}
        for b in bundles(site)
    ]
    Path(into).write_text(json.dumps(rows), encoding="utf-8")
    print(json.dumps({"indexes": len(rows)}))


def read_indexes(file: str) -> tuple[Any, ...]:
    import json
    from pathlib import Path

    from generator.search import Bundle

    rows = json.loads(Path(file).read_text(encoding="utf-8"))
    return tuple(
        Bundle(r["folder"], r["report"], frozenset(r["targets"]), frozenset(r["sections"]))
        for r in rows
    )


if __name__ == "__main__":
    import sys

    if sys.argv[1] == "--indexes":
        write_indexes(sys.argv[2], sys.argv[3])
    else:
        main()
