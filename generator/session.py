"""A build that stays in memory between edits: the engine behind `serve` and the benchmark.

`full()` builds everything the way `build` does and remembers the pages, the other files and
the manifest (the SHA-256 of every file it wrote), then rebuilds once with nothing changed so
that the first edit is as quick as every later one. `rebuild(changed)` takes the same path —
`build.prepare` (load → validate → plan), the same renderer, `build.other_files` — with the
session's `Reuse` (generator/incremental.py), which hands back what the last build made
wherever a function's inputs are the same. Then one generic rule decides what is drawn again:

- a page is rendered when it is new, or its template, function or inputs differ from the last
  build's (a target whose file did not change keeps its very Page objects, skipped at once);
- a file is written only when its bytes differ from what is on disk (its SHA-256 in the
  manifest), and files that are no longer produced are removed.

Templates or the message catalogue changing start over with a new renderer and an empty
reuse. The result is byte-identical to a full build (tests/unit/test_incremental.py applies
random edits and compares after every one).
"""

from __future__ import annotations

import gc
import hashlib
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator import assets
from generator.build import BuildResult, other_files, prepare, publish
from generator.catalogue import FOLDER as CATALOGUE
from generator.catalogue import catalogue
from generator.errors import Diagnostic
from generator.incremental import RenderCache, Reuse
from generator.load import Loader, load_static
from generator.loadfiles import content_commit
from generator.model import Site
from generator.plan import Page
from generator.render import TEMPLATES, Renderer
from generator.write import MARKER, Manifest, remove_file, replace_file


@dataclass
class Rebuild:
    seconds: float
    rendered: int  # pages rendered this time
    changed: list[str] = field(default_factory=list)  # output files written or removed
    warnings: list[Diagnostic] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _same_page(old: Page | None, new: Page) -> bool:
    """The generic rule: same template, same function, same inputs (the very objects, or
    equal values), so the same bytes."""
    return old is new or (
        old is not None
        and old.template == new.template
        and old.make is new.make
        and old.args == new.args
    )


class Session:
    def __init__(
        self,
        content: Path,
        out: Path,
        base_url: str | None = None,
        templates: Path = TEMPLATES,
        vendor: Path = assets.VENDOR,
        commit: bool = True,
    ):
        self.content, self.out, self.base_url = Path(content), Path(out), base_url
        self.templates, self.vendor = Path(templates), vendor
        self.commit = commit
        self.loader = Loader(self.content)
        self.reuse = Reuse()  # plan's and the data files' memory of the last build
        self.render_cache = RenderCache()  # the renderer's: rows, pieces, header and footer
        self.renderer = Renderer(self.templates, cache=self.render_cache)
        self.static: dict[str, bytes] = {}  # templates/static and the chart bundle, as read
        self.pages: dict[str, Page] = {}  # the last build's pages by path
        self.files: dict[str, bytes] = {}  # the last build's other files
        self.manifest = Manifest()  # what is on disk, manifest.json aside
        self._folders: set[Path] = set()  # output folders known to exist
        self._known_commit: str | None = ""  # "" = not asked yet; None = not a git checkout

    # -- public -----------------------------------------------------------------------------

    def full(self) -> Rebuild:
        """Build everything and write it atomically (like `build`)."""
        started = time.perf_counter()
        gc.unfreeze()
        self.loader = Loader(self.content)
        self.reuse.clear()
        self.reuse.start()
        self.static = load_static(self.templates, self.vendor)
        ready = prepare(self.loader, self.renderer.strings.data, self.base_url, self.reuse)
        files = dict(self._other_files(ready.site))
        result = BuildResult(ready.plan.count, 0, 0, 0.0, ready.warnings)
        hashes = publish(
            ready, self.renderer, iter(files.items()), self.out, self._commit(), result
        )
        for name in {p.template for p in ready.plan.pages}:
            self.renderer.template(name)
        self.manifest = Manifest(hashes)
        self.pages = {p.path: p for p in ready.plan.pages}
        self.files = files
        self._folders.clear()
        self.reuse.finish()
        # Warm-up: a rebuild with nothing changed walks every step an edit takes (nothing is
        # rendered or written), so the first edit costs what every later one does instead of
        # paying for memory and data touched for the first time (issue 18's warm preview:
        # at 10,000 targets the first edit took 0.82 s against 0.62 s for later ones).
        self._rebuild(set())
        return Rebuild(
            time.perf_counter() - started, ready.plan.count, sorted(hashes), ready.warnings
        )

    def rebuild(self, changed: set[Path]) -> Rebuild:
        """Re-render what `changed` files affect; write only files whose bytes changed.

        Raises ContentError (and changes nothing on disk) when the content is invalid.
        """
        # The hashing thread takes the GIL back after every file; with CPython's 5 ms switch
        # interval it waits behind the rendering thread. A shorter interval while rebuilding.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, 0.0005))
        try:
            return self._rebuild(changed)
        finally:
            sys.setswitchinterval(interval)

    # -- inside -----------------------------------------------------------------------------

    def _rebuild(self, changed: set[Path]) -> Rebuild:
        started = time.perf_counter()
        if any(self._under(p, self.templates) or self._under(p, CATALOGUE) for p in changed):
            catalogue.cache_clear()
            self.render_cache.clear()  # markup made with the old templates or words
            self.renderer = Renderer(self.templates, cache=self.render_cache)
            self.reuse.clear()
            self.pages = {}
            self.static = load_static(self.templates, self.vendor)
        self.reuse.start()
        ready = prepare(self.loader, self.renderer.strings.data, self.base_url, self.reuse, changed)
        timings = dict(ready.timings)
        clock = time.perf_counter()
        written: list[str] = []
        # Hashing runs in a second thread while the next page renders (hashlib releases the
        # GIL); files are written at the end, in this thread.
        writer = ThreadPoolExecutor(max_workers=1)
        jobs = []
        rendered = 0
        old_pages = self.pages
        for page in ready.plan.pages:
            if _same_page(old_pages.get(page.path), page):
                continue
            data = self.renderer.render(page.template, page.path, page.lang, page.context)
            rendered += 1
            jobs.append((page.path, data, writer.submit(_sha256, data)))
        timings["render"], clock = time.perf_counter() - clock, time.perf_counter()
        files = dict(self._other_files(ready.site))
        for rel, data in files.items():
            if self.files.get(rel) is not data:
                jobs.append((rel, data, writer.submit(_sha256, data)))
        timings["extra"] = time.perf_counter() - clock
        writer.shutdown(wait=True)
        for rel, data, digest in jobs:
            self._write(rel, data, written, digest.result())
        pages = {p.path: p for p in ready.plan.pages}
        if (
            len(pages) != len(old_pages)
            or len(files) != len(self.files)
            or pages.keys() != old_pages.keys()
        ):
            produced = pages.keys() | files.keys()
            for rel in sorted(set(self.manifest.hashes) - produced):  # no longer made
                remove_file(self.out, rel)
                self._folders.clear()  # folders may go too
                del self.manifest[rel]
                written.append(rel)
        timings["data"], clock = time.perf_counter() - clock, time.perf_counter()
        if written:
            replace_file(self.out, MARKER, self.manifest.bytes(self._commit()), self._folders)
        self.pages, self.files = pages, files
        self.reuse.finish()
        timings["manifest"] = time.perf_counter() - clock
        return Rebuild(
            time.perf_counter() - started, rendered, sorted(written), ready.warnings, timings
        )

    def _other_files(self, site: Site) -> Iterator[tuple[str, bytes]]:
        """The data and static files, each whole (a session keeps them to compare)."""
        for rel, data in other_files(site, self.base_url, self.static, self.reuse):
            if not isinstance(data, bytes):  # pieces come only when a build asks to stream
                raise TypeError(f"{rel}: expected the whole file")
            yield rel, data

    def _write(self, rel: str, data: bytes, written: list[str], digest: str) -> None:
        """Write a file whose SHA-256 is `digest`, unless the disk already holds those bytes."""
        if self.manifest.get(rel) == digest:
            return
        replace_file(self.out, rel, data, self._folders)
        self.manifest[rel] = digest
        written.append(rel)

    def _commit(self) -> str | None:
        """The content's git commit for the manifest. Once edits have made it "-dirty" it is
        not asked again (two git calls a rebuild); a preview's manifest may lag a commit."""
        if not self.commit:
            return None
        known = self._known_commit
        if known == "" or (known is not None and not known.endswith("-dirty")):
            known = self._known_commit = content_commit(self.content)
        return known or None

    @staticmethod
    def _under(path: Path, folder: Path) -> bool:
        return Path(path).resolve().is_relative_to(folder.resolve())
