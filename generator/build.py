"""The pipeline: load → validate → plan → render → write, and what a build adds around the
stages (publishing warnings, the manifest, the search index, the content's git commit)."""

from __future__ import annotations

import gc
import hashlib
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from generator import assets, exports, parallel, search, urls
from generator.errors import ContentError, Diagnostic, Pos
from generator.load import Loader, display_path
from generator.model import Site
from generator.plan import Page, Plan, plan
from generator.render import TEMPLATES, Renderer
from generator.validate import validate
from generator.write import MARKER, manifest_from_hashes, published_files, stage

Progress = Callable[[int, int], None]


@dataclass
class BuildResult:
    pages: int
    files: int
    bytes: int
    seconds: float
    warnings: list[Diagnostic] = field(default_factory=list)
    output: dict[str, bytes] = field(default_factory=dict, repr=False)
    search_seconds: float = 0.0


@dataclass
class Prepared:
    """Everything before rendering pages: the model, the page plan and the other files."""

    site: Site
    plan: Plan
    warnings: list[Diagnostic]
    assets: dict[str, bytes]  # static files, copied as they are
    data: Callable[[], Iterator[tuple[str, bytes]]]  # data files and feeds, made when written
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    _extra: dict[str, bytes] | None = field(default=None, repr=False)

    @property
    def extra(self) -> dict[str, bytes]:
        """Every file that is not a page, made once and kept (serve, in-memory builds); a
        build streams `data()` instead, so 60 MB of data files are never held at once."""
        if self._extra is None:
            self._extra = {**dict(self.data()), **self.assets}
        return self._extra


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
                "no contact in site.yaml: the pages say that corrections to this site have no "
                "channel yet, and send questions about a commitment to the 12345 hotline",
                "add contact: with email: or url: once someone reads what arrives there",
                severity="warning",
            )
        ]
    return []


def prepare(
    loader: Loader,
    renderer: Renderer,
    base_url: str | None,
    vendor: Path = assets.VENDOR,
    previous: Plan | None = None,
    data: exports.DataCache | None = None,
    changed: set[Path] | None = None,
) -> Prepared:
    """load → validate → plan, plus the files that are not pages; ContentError if invalid.

    A `serve` session passes what it kept from its last build: the plan (only when just target
    files changed), the data cache and the files its watcher saw change.
    """
    with quiet_gc():
        return _prepare(loader, renderer, base_url, vendor, previous, data, changed)


def _prepare(
    loader: Loader,
    renderer: Renderer,
    base_url: str | None,
    vendor: Path,
    previous: Plan | None,
    data: exports.DataCache | None,
    changed: set[Path] | None,
) -> Prepared:
    clock = [time.perf_counter()]
    timings: dict[str, float] = {}

    def lap(name: str) -> None:
        now = time.perf_counter()
        timings[name] = now - clock[0]
        clock[0] = now

    sources = loader.load(changed)
    lap("load")
    site, warnings = validate(sources)
    lap("validate")
    if site is None:
        raise ContentError(warnings)
    warnings = warnings + publishing_warnings(site, sources.site.file if sources.site else "")
    the_plan = plan(site, renderer.strings.data, base_url, previous)
    lap("plan")
    static = assets.collect(renderer.templates, site.geo, vendor)
    lap("assets")
    return Prepared(
        site,
        the_plan,
        warnings,
        static,
        partial(
            exports.iter_data_files,
            site,
            the_plan,
            renderer,
            base_url or site.info.base_url,
            data,
        ),
        timings,
    )


def render_site(
    content: Path,
    base_url: str | None = None,
    templates: Path = TEMPLATES,
    loader: Loader | None = None,
    progress: Progress | None = None,
    vendor: Path = assets.VENDOR,
) -> tuple[dict[str, bytes], int, list[Diagnostic]]:
    """Everything but the write: the output as {path: bytes}, the page count and warnings."""
    renderer = Renderer(templates)
    try:
        ready = prepare(loader or Loader(content), renderer, base_url, vendor)
        output: dict[str, bytes] = {}
        total = len(ready.plan.pages)
        for i, page in enumerate(ready.plan.pages, 1):
            output[page.path] = renderer.render(page.template, page.path, page.lang, page.context)
            if progress and (i % 200 == 0 or i == total):
                progress(i, total)
    finally:
        gc.unfreeze()
    output.update(ready.extra)
    return output, total, ready.warnings


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
        return _build(
            content,
            out,
            base_url,
            templates,
            progress,
            vendor,
            search_index,
            workers,
            started,
            allow_removals,
        )
    finally:
        gc.unfreeze()


def _build(
    content: Path,
    out: Path,
    base_url: str | None,
    templates: Path,
    progress: Progress | None,
    vendor: Path,
    search_index: bool,
    workers: int | None,
    started: float,
    allow_removals: bool = True,
) -> BuildResult:
    renderer = Renderer(templates)
    ready = prepare(Loader(content), renderer, base_url, vendor)
    if not allow_removals:
        gone = removed_targets(ready.site, out)
        if gone:
            raise ContentError(removal_problems(gone, content, out))
    result = BuildResult(len(ready.plan.pages), 0, 0, 0.0, ready.warnings)
    publish(ready, renderer, out, content_commit(content), result, progress, search_index, workers)
    result.seconds = time.perf_counter() - started - result.search_seconds
    return result


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
        file = display_path(content / "targets" / f"{tid}.yaml")
        problems.append(
            Diagnostic(
                Pos(file),
                f"the site in {shown_out}/ has a page for commitment '{tid}', which this build "
                "would remove (its file is gone)",
                f"restore the file (git checkout {file}), or build with --allow-removals if "
                "the commitment was withdrawn or renamed",
            )
        )
    return problems


def publish(
    ready: Prepared,
    renderer: Renderer,
    out: Path,
    commit: str | None,
    result: BuildResult,
    progress: Progress | None = None,
    search_index: bool = False,
    workers: int | None = None,
    here: Callable[[Page], bool] | None = None,
) -> dict[str, str]:
    """Render every page and write every file into a temporary folder, then swap it in.

    Returns {path: sha256} of every file written (the manifest's content), so a `serve`
    session knows what is on disk without reading it back. `here`: pages to render in this
    process even when workers render the rest (parallel.render_into).
    """
    written = [0]
    hashes: dict[str, str] = {}

    def fill(folder: Path) -> None:
        hashes.update(
            parallel.render_into(
                ready.plan.pages, renderer, folder, workers, progress, written, here
            )
        )
        made: set[Path] = set()
        others = ready.extra.items() if ready._extra is not None else _chain(ready)
        for rel, data in others:
            hashes[rel] = parallel.write_file(folder, rel, data, made)
            written[0] += len(data)
        if search_index:
            search_started = time.perf_counter()
            search.index(folder)
            result.search_seconds = time.perf_counter() - search_started
            for path in sorted((folder / "pagefind").rglob("*")):
                if path.is_file():
                    hashes[path.relative_to(folder).as_posix()] = hashlib.sha256(
                        path.read_bytes()
                    ).hexdigest()
        (folder / MARKER).write_bytes(manifest_from_hashes(hashes, commit))
        result.files = len(hashes) + 1
        result.bytes = written[0]

    stage(out, fill)
    return hashes


def _chain(ready: Prepared) -> Iterator[tuple[str, bytes]]:
    yield from ready.data()
    yield from ready.assets.items()


def content_commit(content: Path) -> str | None:
    """The git commit of the content, when it is a clean git checkout (for the manifest)."""
    try:
        head = subprocess.run(
            ["git", "-C", str(content), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
        )
        dirty = subprocess.run(
            ["git", "-C", str(content), "status", "--porcelain", "--", "."],
            capture_output=True,
            text=True,
            timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if head.returncode != 0 or dirty.returncode != 0:
        return None
    commit = head.stdout.strip()
    return commit + ("-dirty" if dirty.stdout.strip() else "")
