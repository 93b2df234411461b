"""A build that stays in memory between edits: the engine behind `serve` and the benchmark.

`full()` builds everything (like `build`) and remembers the plan and the manifest (the SHA-256
of every file it wrote). `rebuild(changed)` then does only the work the changed files can affect:

- loading re-reads only the changed files (the watcher names them);
- when only target files changed, the plan reuses every unchanged target's view and own pages
  (plan.py), and the data files reuse every unchanged target's serialised row (exports.py);
- a page is rendered again only when it is new, or its template or context differs from the
  last build's (contexts are plain values and frozen dataclasses, so == compares content;
  reused pages are the very same objects and are skipped without comparing);
- a file is written only when its bytes differ from what is on disk, and files that are no
  longer produced are removed.

Templates or strings changing start over with a new renderer. The result is byte-identical
to a full build (tests/unit/test_session.py checks this over a series of edits).
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import operator
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator import assets, exports
from generator.build import BuildResult, Prepared, content_commit, prepare, publish
from generator.errors import Diagnostic
from generator.load import Loader
from generator.plan import Page, Plan
from generator.render import TEMPLATES, Renderer
from generator.write import MARKER, Manifest, safe_path


@dataclass
class Rebuild:
    seconds: float
    rendered: int  # pages rendered this time
    changed: list[str] = field(default_factory=list)  # output files written or removed
    warnings: list[Diagnostic] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
        self.renderer = Renderer(self.templates, keep_pieces=True)
        self.data = exports.DataCache()
        self.plan: Plan | None = None
        self.pages: list[Page] = []  # the last build's pages
        self.extra: dict[str, bytes] = {}  # the last build's data files and assets
        self.manifest = Manifest()  # what is on disk, manifest.json aside
        self._folders: set[Path] = set()  # output folders known to exist
        self._known_commit: str | None = ""  # "" = not asked yet; None = not a git checkout

    # -- public -----------------------------------------------------------------------------

    def full(self) -> Rebuild:
        """Build everything and write it atomically (like `build`), and leave the session
        ready for a fast first edit: the pages every edit renders again (all but the targets'
        own pages) are rendered in this process, filling its renderer's caches, while worker
        processes render the targets' pages; every template is loaded."""
        started = time.perf_counter()
        gc.unfreeze()
        self.loader, self.data = Loader(self.content), exports.DataCache()
        ready = self._prepare(None, None)
        _ = ready.extra  # made now and kept: the next rebuild compares its data files with these
        result = BuildResult(len(ready.plan.pages), 0, 0, 0.0, ready.warnings)
        owned = {id(p) for _, own in ready.plan.own.values() for p in own}
        hashes = publish(
            ready,
            self.renderer,
            self.out,
            self._commit(),
            result,
            here=lambda page: id(page) not in owned,
        )
        for name in {p.template for p in ready.plan.pages}:
            self.renderer.template(name)
        self.manifest = Manifest(hashes)
        self._remember(ready)
        return Rebuild(
            time.perf_counter() - started, len(ready.plan.pages), sorted(hashes), ready.warnings
        )

    def rebuild(self, changed: set[Path]) -> Rebuild:
        """Re-render what `changed` files affect; write only files whose bytes changed.

        Raises ContentError (and changes nothing on disk) when the content is invalid.
        """
        # The hashing thread takes the GIL back after every file; with CPython's 5 ms switch
        # interval it waits behind the rendering thread (measured: 30 ms of a 10,000-target
        # rebuild). A shorter interval only while rebuilding.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, 0.0005))
        try:
            return self._rebuild(changed)
        finally:
            sys.setswitchinterval(interval)

    def _rebuild(self, changed: set[Path]) -> Rebuild:
        started = time.perf_counter()
        # What earlier builds froze (build.quiet_gc) stays frozen: unfreezing would make the
        # next collection scan the whole model again (a second at 10,000 targets). Frozen
        # objects are still freed when no longer referenced; only cycles among them linger.
        if any(self._under(p, self.templates) for p in changed):
            # templates or strings changed
            self.renderer = Renderer(self.templates, keep_pieces=True)
            self.plan, self.pages = None, []
        targets_dir = (self.content / "targets").resolve()
        only_targets = bool(changed) and all(
            Path(p).resolve().parent == targets_dir for p in changed
        )
        if not only_targets:
            self.data = exports.DataCache()  # section titles or the report date may differ
        ready = self._prepare(changed, self.plan if only_targets else None)

        timings = ready.timings
        clock = time.perf_counter()
        written: list[str] = []
        rendered = 0
        # Hashing runs in a second thread while the next page renders (hashlib releases the
        # GIL; at 10,000 targets an edit rehashes ~60 MB); files are written at the end, in
        # this thread: a writer thread waited for the GIL after every system call.
        writer = ThreadPoolExecutor(max_workers=1)
        jobs = []
        old_pages, pages = self.pages, ready.plan.pages
        same_list = len(old_pages) == len(pages)
        by_path: dict[str, Page] | None = None
        # the page list keeps its order between builds, and unchanged targets' pages are the
        # very same objects: find the others without a Python loop over 40,000 pages
        todo = (
            itertools.compress(range(len(pages)), map(operator.is_not, old_pages, pages))
            if same_list
            else range(len(pages))
        )
        for i in todo:
            page = pages[i]
            # look up by path only if the page moved
            old: Page | None = old_pages[i] if same_list else None
            if old is None or old.path != page.path:
                if by_path is None:
                    by_path = {p.path: p for p in old_pages}
                old = by_path.get(page.path)
            if old is page or (
                old is not None and old.template == page.template and old.context == page.context
            ):
                continue
            data = self.renderer.render(page.template, page.path, page.lang, page.context)
            rendered += 1
            jobs.append((page.path, data, writer.submit(_sha256, data)))
        timings["render"], clock = time.perf_counter() - clock, time.perf_counter()
        for rel, data in ready.extra.items():
            if self.extra.get(rel) is not data:
                jobs.append((rel, data, writer.submit(_sha256, data)))
        timings["extra"] = time.perf_counter() - clock
        writer.shutdown(wait=True)
        for rel, data, digest in jobs:
            self._write(rel, data, written, digest.result())
        if not (same_list and by_path is None and len(ready.extra) == len(self.extra)):
            produced = {p.path for p in ready.plan.pages} | set(ready.extra)
            for rel in sorted(set(self.manifest.hashes) - produced):  # no longer made
                self._remove(rel)
                del self.manifest[rel]
                written.append(rel)
        timings["data"], clock = time.perf_counter() - clock, time.perf_counter()
        if written:
            self._put(MARKER, self.manifest.bytes(self._commit()))
        self._remember(ready)
        timings["manifest"] = time.perf_counter() - clock
        return Rebuild(
            time.perf_counter() - started, rendered, sorted(written), ready.warnings, timings
        )

    # -- inside -----------------------------------------------------------------------------

    def _prepare(self, changed: set[Path] | None, previous: Plan | None) -> Prepared:
        return prepare(
            self.loader, self.renderer, self.base_url, self.vendor, previous, self.data, changed
        )

    def _remember(self, ready: Prepared) -> None:
        self.plan = ready.plan
        self.pages = ready.plan.pages
        self.extra = ready.extra

    def _write(self, rel: str, data: bytes, written: list[str], digest: str) -> None:
        """Write a file whose SHA-256 is `digest`, unless the disk already holds those bytes."""
        if self.manifest.get(rel) == digest:
            return
        self._put(rel, data)
        self.manifest[rel] = digest
        written.append(rel)

    def _put(self, rel: str, data: bytes) -> None:
        """Replace one file at once (a reader of the preview never sees half of it)."""
        path = safe_path(self.out, rel)
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)

    def _remove(self, rel: str) -> None:
        path = safe_path(self.out, rel)
        if not path.exists():
            return
        path.unlink()
        self._folders.clear()  # folders may go too
        parent = path.parent
        while parent != self.out and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()  # a deleted target leaves no empty folders behind
            parent = parent.parent

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
