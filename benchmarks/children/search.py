"""The search index of a built site: `python -m benchmarks.children.search SITE`.

`generator.search.index(site)`, as `build --search` runs it (Pagefind's extended binary on the
finished files), on a site a full round has just written. Prints {seconds, maxrss_kb,
pagefind_maxrss_kb, files, bytes, disk_bytes} of SITE/pagefind/; the parent samples the PSS of
this process and Pagefind together.
"""

import time

_T0 = time.perf_counter()


def main() -> None:
    import json
    import resource
    import sys
    from pathlib import Path

    from benchmarks.children.sitesize import tree_size
    from generator import search

    site = Path(sys.argv[1])
    started = time.perf_counter()
    search.index(site)
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
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
