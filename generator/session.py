"""A build that stays in memory between edits: the engine behind `serve` and the benchmark.

`full()` builds everything the way `build` does and remembers the pages, the other files and
the manifest (the SHA-256 of every file it wrote), then rebuilds once with nothing changed so
that the first edit is as quick as every later one. `rebuild(changed)` takes the same path —
`build.prepare` (load → validate → plan), the same renderer, the data files whole
(`exports.whole_files`, the bytes a build streams) — with the session's `Reuse`
(generator/incremental.py), which hands back what the last build made wherever a
function's inputs are the same. Then one generic rule decides what is drawn again:

- a page is rendered when it is new, or its template, function or inputs differ from the last
  build's (a target whose file did not change keeps its very Page objects, skipped at once);
- a file is written only when its bytes differ from what is on disk (its SHA-256 in the
  manifest), and files that are no longer produced are removed. Nothing is written until
  every page has rendered; then two threads write while this one waits.

Templates or the message catalogue changing start over with a new renderer and an empty
reuse. The result is byte-identical to a full build (tests/unit/test_incremental.py applies
random edits and compares after every one).
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import operator
import sys
import time
from collections.abc import Collection, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator import assets, exports
from generator.build import BuildResult, prepare, publish
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


def _changed_files(old: dict[str, bytes], new: dict[str, bytes]) -> Iterable[str]:
    """The files whose bytes may differ from last time's (another object), found in C when
    the same files come in the same order."""
    if len(old) == len(new) and list(old) == list(new):
        return itertools.compress(new, map(operator.is_not, old.values(), new.values()))
    return [rel for rel, data in new.items() if old.get(rel) is not data]


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
        self.order: list[Page] = []  # and in the plan's order
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
        files = self._other_files(ready.site)
        result = BuildResult(ready.plan.count, 0, 0, 0.0, ready.warnings)
        hashes = publish(
            ready, self.renderer, iter(files.items()), self.out, self._commit(), result
        )
        for name in {p.template for p in ready.plan.pages}:
            self.renderer.template(name)
        self.manifest = Manifest(hashes)
        self.manifest.join()
        self.order = list(ready.plan.pages)
        self.pages = {p.path: p for p in self.order}
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
            self._restart()
        self.reuse.start()
        ready = prepare(self.loader, self.renderer.strings.data, self.base_url, self.reuse, changed)
        timings = dict(ready.timings)
        clock = time.perf_counter()
        order = list(ready.plan.pages)
        fresh, moved = self._fresh_pages(order)
        # Two threads hash what is rendered while the next page renders (hashlib releases the
        # GIL), then write the files whose bytes changed, once every page has rendered: a
        # template error leaves the site as it was.
        with ThreadPoolExecutor(max_workers=2) as pool:
            jobs = []
            for page in fresh:
                data = self.renderer.render(page.template, page.path, page.lang, page.context)
                jobs.append((page.path, data, pool.submit(_sha256, data)))
            timings["render"], clock = time.perf_counter() - clock, time.perf_counter()
            files = self._other_files(ready.site)
            for rel in _changed_files(self.files, files):
                jobs.append((rel, files[rel], pool.submit(_sha256, files[rel])))
            timings["extra"] = time.perf_counter() - clock
            # written while this thread waits: a thread back from a system call then waits
            # for no one to hand over the GIL
            puts = [(rel, sha, pool.submit(self._put, rel, data, sha)) for rel, data, sha in jobs]
        written = [rel for rel, sha, put in puts if self._record(rel, sha, put)]
        if moved is None:  # pages came, went or moved: look them up by path
            self.pages = dict(zip(map(operator.attrgetter("path"), order), order, strict=True))
        else:
            self.pages.update((order[i].path, order[i]) for i in moved)
        if moved is None or files.keys() != self.files.keys():
            written += self._remove_unmade(self.pages.keys() | files.keys())
        timings["data"], clock = time.perf_counter() - clock, time.perf_counter()
        if written:
            replace_file(self.out, MARKER, self.manifest.bytes(self._commit()), self._folders)
        self.order, self.files = order, files
        self.reuse.finish()
        timings["manifest"] = time.perf_counter() - clock
        return Rebuild(
            time.perf_counter() - started, len(fresh), sorted(written), ready.warnings, timings
        )

    def _restart(self) -> None:
        """The templates or the catalogue changed: nothing rendered or reused before holds."""
        catalogue.cache_clear()
        self.render_cache.clear()  # markup made with the old templates or words
        self.renderer = Renderer(self.templates, cache=self.render_cache)
        self.reuse.clear()
        self.pages, self.order = {}, []
        self.static = load_static(self.templates, self.vendor)

    def _fresh_pages(self, order: list[Page]) -> tuple[list[Page], list[int] | None]:
        """The pages to render, and the places in the plan whose Page is another object than
        last time when every page kept its path and place (None otherwise). A one-target
        edit at 10,000 targets finds its few changed places among 40,000 in C."""
        old = self.order
        if len(old) == len(order):
            moved = list(itertools.compress(range(len(order)), map(operator.is_not, old, order)))
            if all(old[i].path == order[i].path for i in moved):
                return [order[i] for i in moved if not _same_page(old[i], order[i])], moved
        # pages came, went or moved: a page that is one of last time's objects is unchanged
        # (a Page is frozen); the others are compared with last time's page at their path
        pages, known = self.pages, set(map(id, old))
        new = itertools.compress(order, map(operator.not_, map(known.__contains__, map(id, order))))
        return [p for p in new if not _same_page(pages.get(p.path), p)], None

    def _put(self, rel: str, data: bytes, digest: Future[str]) -> bool:
        """Write a file (in a pool thread) unless the disk already holds those bytes."""
        if self.manifest.get(rel) == digest.result():
            return False
        replace_file(self.out, rel, data, self._folders)
        return True

    def _record(self, rel: str, digest: Future[str], put: Future[bool]) -> bool:
        """Note a written file in the manifest (in this thread, once the pool is done)."""
        if not put.result():
            return False
        self.manifest[rel] = digest.result()
        return True

    def _remove_unmade(self, produced: Collection[str]) -> list[str]:
        """Remove the files the last build made and this one did not."""
        gone = sorted(set(self.manifest.hashes) - set(produced))
        for rel in gone:
            remove_file(self.out, rel)
            self._folders.clear()  # folders may go too
            del self.manifest[rel]
        return gone

    def _other_files(self, site: Site) -> dict[str, bytes]:
        """The data and static files, each whole (a session keeps them to compare)."""
        files = exports.whole_files(site, self.base_url or site.info.base_url, self.reuse)
        files.update(assets.site_files(self.static, site.geo))
        return files

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
