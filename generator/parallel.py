"""Render pages straight into the output folder, on every core when the site is large.

A full build streams: each page is rendered, written and forgotten (only its SHA-256 is kept
for the manifest), so memory stays flat at 10,000+ targets. With more than one worker the page
list is split into small chunks handed to forked processes; each page is rendered the same way
whatever process renders it, so the output is identical for any number of workers.
"""

from __future__ import annotations

import itertools
import os
import posixpath
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from generator.crew import Crew, fork_safe
from generator.plan import Page
from generator.render import Renderer
from generator.write import Part, out_file, put_file, put_files, safe_path

T = TypeVar("T")

CHUNK = 400  # pages per task: small enough to balance, large enough to amortise the hand-off
# Pages from which a second process pays: measured on 2 cores (2026-12-01), 120 pages render
# as fast in one process, 184 pages 7 % faster with a worker, 504 pages 25 %, the real site's
# 1,646 pages 28 % (0.68 → 0.49 s). It was 3,000 before the crew forked workers cheaply.
PARALLEL_FROM = 150
# Tasks (spans of CHUNK pages) a worker renders before a fresh one is forked in its place
# (generator/crew.py keeps them). A forked worker shares the build's model and plan with it
# until either touches them: every object read gets its reference count written, and the
# memory page holding it is copied. Left to run, each worker ends up with a private copy of
# nearly everything (measured at 100,000 targets, during rendering: 1.45 GB in the build
# process, 1.15 and 1.35 GB private in its two workers, 3.9 GB for the three). While the
# build process draws the lists and writes the data files, it copies about 45 MB a second of
# what it shares with the live worker (which is why only `workers - 1` run beside it), so
# what the two hold twice grows with the worker's life. Recycled every 2,400 pages (3 to 5
# seconds at 100,000 targets), all processes peaked at 931 MB (sampled once a second)
# against 988 MB every 4,000 pages. A new worker costs a fork and a moment with one core
# idle (about 0.3 s each, at 100,000 targets, from the samples).
RECYCLE_TASKS = 6

_JOB: tuple[Sequence[Page], Path, Path] | None = None  # inherited by forked workers


def default_workers(pages: int) -> int:
    override = os.environ.get("HEDONG_WORKERS")
    if override:
        return max(1, int(override))
    return min(os.cpu_count() or 1, 4) if pages >= PARALLEL_FROM else 1


def _workers(asked: int | None, pages: int) -> int:
    """The processes to render `pages` pages with: `asked`, or what pays for that many; one
    while forking is unsafe (another thread runs, as beside a `serve` session's HTTP server)."""
    return (asked or default_workers(pages)) if fork_safe() else 1


def _render_range(start: int, end: int) -> tuple[list[str], int]:
    """Render pages[start:end] of the job; return their SHA-256s in that order (the build
    process has their paths already: sending them back would make a second copy of each,
    about 45 MB at 100,000 targets) and the bytes written."""
    assert _JOB is not None
    pages, templates, root = _JOB
    renderer = _worker_renderer(templates)
    made: set[str] = set()
    digests, size = [], 0
    for p in pages[start:end]:
        data = renderer.render(p.template, p.path, p.lang, p.context)
        digests.append(put_file(root, p.path, data, made))
        size += len(data)
    return digests, size


_RENDERER: Renderer | None = None


def _worker_renderer(templates: Path) -> Renderer:
    global _RENDERER
    if _RENDERER is None:
        _RENDERER = Renderer(templates)
    return _RENDERER


def _make_folders(root: Path, pages: Sequence[Page], mine: Sequence[Page]) -> None:
    """Every output folder, made here once, in sorted order, whatever the workers: workers
    creating sibling folders in one parent contend on its lock, and Pagefind numbers pages in
    the order it walks them, which on tmpfs is the order they were made. (build() has frozen
    the GC, so workers do not copy shared objects by scanning.) Their names as strings: at
    100,000 targets 400,000 Path objects hold 150 MB."""
    folders = {posixpath.dirname(p.path) for p in pages}
    folders.update(posixpath.dirname(p.path) for p in mine)
    for folder in sorted(folders - {""}):
        safe_path(root, folder).mkdir(parents=True, exist_ok=True)


def _in_workers(
    workers: int,
    spans: Sequence[tuple[int, int]],
    meanwhile: Callable[[Callable[[], None]], int],
    total: int,
    progress: Callable[[int, int], None] | None,
    written: list[int] | None,
) -> list[tuple[int, list[str]]]:
    """Render the job's `spans` in forked workers while this process runs `meanwhile` (its own
    pages, calling the function it is given between two; it returns how many are done);
    return each span's start and its pages' digests. While this process draws, it takes one
    of the `workers` cores (see generator/crew.py)."""
    crew = Crew(spans, _render_range, RECYCLE_TASKS)
    crew.want(max(1, workers - 1))
    try:
        count = meanwhile(crew.tend)
    except BaseException:
        crew.stop()
        raise
    crew.want(workers)

    shown = [-1]  # each count once: the last tick in join() and the one after it both see all

    def tick() -> None:
        now = count + crew.done_pages()
        if progress and now != shown[0]:
            shown[0] = now
            progress(now, total)

    done, size = crew.join(tick)
    tick()
    if written is not None:
        written[0] += size
    return done


def _between(items: Iterable[T], between: Callable[[], None]) -> Iterator[T]:
    """The items, with `between()` called before each (the crew tends its workers)."""
    for item in items:
        between()
        yield item


def render_into(
    pages: Sequence[Page],
    renderer: Renderer,
    root: Path,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    written: list[int] | None = None,
    mine: Sequence[Page] = (),
    files: Iterable[tuple[str, bytes | Part]] = (),
) -> dict[str, str]:
    """Render `mine` and `pages`, write `files`, into root: {path: sha256}; bytes to written[0].

    With workers, `mine` is rendered in this process, with `renderer`, while the workers
    render `pages`. A build passes the pages that list or count many targets as `mine`: a
    worker that drew them would read, and so copy, nearly the whole model and plan (at
    100,000 targets each of the first two workers reached about 1 GB of its own); one that
    draws targets' own pages reads only theirs. A `serve` session passes the same, for
    another reason too: its renderer's caches are full when the first edit comes. `files`
    are written here after `mine`, while the workers still draw (written alone at the end,
    they left a core idle for about 20 s at 100,000 targets)."""
    global _JOB
    total = len(mine) + len(pages)
    workers = _workers(workers, total)
    hashes: dict[str, str] = {}
    made: set[str] = set()

    def render_here(todo: Iterable[Page], between: Callable[[], None] = lambda: None) -> None:
        for p in todo:
            between()
            data = renderer.render(p.template, p.path, p.lang, p.context)
            hashes[p.path] = put_file(root, p.path, data, made)
            if written is not None:
                written[0] += len(data)
            if progress and (len(hashes) % 500 == 0 or len(hashes) == total):
                progress(len(hashes), total)

    _make_folders(root, pages, mine)  # in one order whatever the workers: Pagefind walks it
    made.update(out_file(root, p.path).rpartition("/")[0] for p in mine)
    if workers <= 1:
        render_here(itertools.chain(mine, pages))
        hashes.update(put_files(root, files, written))
        return hashes
    spans = [(i, min(i + CHUNK, len(pages))) for i in range(0, len(pages), CHUNK)]
    _JOB = (pages, renderer.templates, root)

    def own_pages(between: Callable[[], None]) -> int:
        render_here(mine, between)
        count = len(hashes)
        hashes.update(put_files(root, _between(files, between), written))
        return count

    try:
        done = _in_workers(workers, spans, own_pages, total, progress, written)
    finally:
        _JOB = None
    # Paired with their paths only now that the workers are gone: reading 400,000 pages'
    # paths while they lived would copy the memory pages holding them (see RECYCLE_TASKS).
    for start, digests in done:
        hashes.update((pages[start + i].path, d) for i, d in enumerate(digests))
    return hashes
