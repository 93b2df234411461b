"""The pipeline: load → validate → plan → render → write, the one path that `build`, `serve`
and the tests all take. `build()` reads top to bottom; `prepare()` is load → validate → plan;
`publish()` is render → write into a temporary folder swapped in at the end. A `serve`
session (session.py) calls the same `prepare()` and renders with the same renderer, passing
its memory of the last build (generator/incremental.py)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator import assets, exports, parallel, search, urls
from generator.errors import ContentError, Diagnostic, Msg, Pos
from generator.incremental import NO_REUSE, NoReuse
from generator.load import Loader, display_path, load_static, target_file
from generator.loadfiles import content_commit
from generator.model import Site
from generator.plan import Plan, plan
from generator.render import TEMPLATES, Renderer
from generator.validate import validate
from generator.write import (
    MARKER,
    Part,
    hash_tree,
    manifest_parts,
    published_files,
    put_files,
    stage,
)

Progress = Callable[[int, int], None]


@dataclass
class BuildResult:
    pages: int
    files: int
    bytes: int
    seconds: float
    warnings: list[Diagnostic] = field(default_factory=list)
    search_seconds: float = 0.0


@dataclass(frozen=True)
class Prepared:
    """Everything before rendering: the model, the page plan, the warnings, and the seconds
    each stage took."""

    site: Site
    plan: Plan
    warnings: list[Diagnostic]
    timings: dict[str, float]


@contextmanager
def quiet_gc() -> Iterator[None]:
    """No cyclic garbage collection while the model is made, then freeze it.

    Loading and planning 10,000 targets make millions of objects that all live until the build
    ends; CPython's collector would rescan them again and again (load at 10,000 targets: 7.4 s
    with it, 1.9 s without). Frozen afterwards, they are skipped by the collections that
    rendering still needs, and forked workers do not copy them by scanning. The caller
    unfreezes when the build is over.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def publishing_warnings(site: Site, site_file: str) -> list[Diagnostic]:
    """What readers of the built site will miss (not content errors): printed by every build."""
    if site.info.contact is None:
        return [
            Diagnostic(
                Pos(site_file or "content/site.yaml"),
                "no_contact",
                hint="no_contact.hint",
                severity="warning",
            )
        ]
    return []


def prepare(
    loader: Loader,
    strings: Mapping[str, Mapping[str, str]],
    base_url: str | None,
    reuse: NoReuse = NO_REUSE,
    changed: set[Path] | None = None,
) -> Prepared:
    """load → validate → plan; ContentError if the content is invalid. A `serve` session
    passes its reuse and the files its watcher saw change."""
    with quiet_gc():
        clock = [time.perf_counter()]
        timings: dict[str, float] = {}

        def lap(name: str) -> None:
            now = time.perf_counter()
            timings[name], clock[0] = now - clock[0], now

        sources = loader.load(changed)
        lap("load")
        site, warnings = validate(sources, reuse=reuse)
        lap("validate")
        site_file = sources.site.file if sources.site else ""
        del sources  # the parsed files: a build's loader keeps none (Loader(keep=False))
        if site is None:
            raise ContentError(warnings)
        warnings = warnings + publishing_warnings(site, site_file)
        the_plan = plan(site, strings, base_url, reuse)
        lap("plan")
    return Prepared(site, the_plan, warnings, timings)


def other_files(
    site: Site,
    base_url: str | None,
    static: dict[str, bytes],
    reuse: NoReuse = NO_REUSE,
    stream: bool = False,
) -> Iterator[tuple[str, bytes | Part]]:
    """The files that are not pages: data files (made one at a time; with `stream`, the files
    listing every target in pieces, see exports.data_files), then the static files load read
    (load.load_static) and the county map."""
    yield from exports.data_files(site, base_url or site.info.base_url, reuse, stream=stream)
    yield from assets.site_files(static, site.geo).items()


def build(
    content: Path,
    out: Path,
    base_url: str | None = None,
    templates: Path = TEMPLATES,
    progress: Progress | None = None,
    vendor: Path = assets.VENDOR,
    search_index: bool = False,
    workers: int | None = None,
    allow_removals: bool = True,
) -> BuildResult:
    """Build the site into `out`, or raise ContentError and leave `out` untouched.

    Pages are rendered straight into a temporary folder (in parallel for large sites) that
    replaces `out` only when everything, search index and manifest included, is written.
    Search indexing time is reported separately (BuildResult.search_seconds).
    With allow_removals=False (the `build` command's default), a build that would drop a
    commitment page the site in `out` has is refused (ContentError, one line per page).
    """
    started = time.perf_counter()
    try:
        renderer = Renderer(templates)
        static = load_static(renderer.templates, vendor)
        commit = content_commit(content)
        ready = prepare(Loader(content, keep=False), renderer.strings.data, base_url)
        if not allow_removals:
            gone = removed_targets(ready.site, out)
            if gone:
                raise ContentError(removal_problems(gone, content, out))
        result = BuildResult(ready.plan.count, 0, 0, 0.0, ready.warnings)
        files = other_files(ready.site, base_url, static, stream=True)
        publish(
            ready,
            renderer,
            files,
            out,
            commit,
            result,
            progress,
            search_index,
            workers,
        )
        result.seconds = time.perf_counter() - started - result.search_seconds
        return result
    finally:
        gc.unfreeze()


def removed_targets(site: Site, out: Path) -> list[str]:
    """Ids of the commitments that have a page in the site at `out` (its manifest.json) and
    would have none after this build: their files were deleted or renamed. [] when `out` holds
    no site yet (a fresh clone)."""
    files = published_files(out)
    if not files:
        return []
    before, after = urls.page("target", "zh", "{id}").split("{id}")
    ids = (f[len(before) : -len(after)] for f in files if f.startswith(before))
    published = {i for i in ids if i and "/" not in i and before + i + after in files}
    return sorted(published - {t.id for t in site.targets})


def removal_problems(ids: list[str], content: Path, out: Path) -> list[Diagnostic]:
    """One problem a dropped commitment page, at the file that is gone."""
    shown_out = display_path(out)
    problems = []
    for tid in ids:
        file = display_path(target_file(content, tid))
        problems.append(
            Diagnostic(
                Pos(file),
                "page_removed",
                {"out": shown_out, "id": tid},
                Msg("page_removed.hint", {"file": file}),
            )
        )
    return problems


def publish(
    ready: Prepared,
    renderer: Renderer,
    files: Iterator[tuple[str, bytes | Part]],
    out: Path,
    commit: str | None,
    result: BuildResult,
    progress: Progress | None = None,
    search_index: bool = False,
    workers: int | None = None,
) -> dict[str, str]:
    """Render every page and write it and every other file into a temporary folder, then swap
    it in (write.stage).

    Returns {path: sha256} of every file written (the manifest's content), so a `serve`
    session knows what is on disk without reading it back. The targets' own pages go to the
    workers, if any; the others are rendered in this process (parallel.render_into).
    """
    written = [0]
    hashes: dict[str, str] = {}

    def fill(folder: Path) -> None:
        hashes.update(
            parallel.render_into(
                ready.plan.own,
                renderer,
                folder,
                workers,
                progress,
                written,
                ready.plan.lists,
                files,
            )
        )
        if search_index:
            search_started = time.perf_counter()
            search.index(folder, search.bundles(ready.site))
            result.search_seconds = time.perf_counter() - search_started
            hashes.update(hash_tree(folder, "pagefind"))
        result.files = len(hashes) + 1
        result.bytes = written[0]
        put_files(folder, ((MARKER, part) for part in manifest_parts(hashes, commit)))

    stage(out, fill)
    return hashes
