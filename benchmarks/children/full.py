"""One full build: `python -m benchmarks.children.full CONTENT OUT`.

`generator.build.build(content, out)`: load, validate, plan, render, data files, write (no
search index). Prints {seconds, inner_seconds, pages, files, bytes, maxrss_kb}.
"""

import time

_T0 = time.perf_counter()  # before any other import: importing the generator is part of a build


def main() -> None:
    import json
    import resource
    import sys
    from pathlib import Path

    from generator.build import build

    r = build(Path(sys.argv[1]), Path(sys.argv[2]))
    seconds = time.perf_counter() - _T0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result = {
        "seconds": seconds,
        "inner_seconds": r.seconds,
        "pages": r.pages,
        "files": r.files,
        "bytes": r.bytes,
        "maxrss_kb": usage.ru_maxrss,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
