"""A build that stays in memory between edits: the engine behind `serve` and the benchmark.

`full()` builds everything and remembers the loaded files, the plan and every output's bytes.
`rebuild(changed)` re-renders only what the changed files can affect:
- only target files changed, and no target was added or removed: the pages that show one of
  those targets (its own pages, the pages whose lists or related items include it, before or
  after the edit) plus every page that summarises all targets; unchanged list rows come from
  the renderer's row cache, unchanged files from the loader's cache;
- anything else (site.yaml, the report, templates, a new or deleted target): everything is
  rendered again, still from cached parsed files.
Either way only files whose bytes differ are written, and the result is byte-identical to a
full build (tests/unit/test_session.py checks this over a series of edits).
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator import assets
from generator.build import content_commit, prepare
from generator.errors import Diagnostic
from generator.load import Loader
from generator.plan import Plan
from generator.render import TEMPLATES, Renderer
from generator.write import manifest, update_in_place, write


@dataclass
class Rebuild:
    seconds: float
    rendered: int  # pages rendered this time
    changed: list[str] = field(default_factory=list)  # output files written or removed
    warnings: list[Diagnostic] = field(default_factory=list)


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
        self.renderer = Renderer(self.templates)
        self.plan: Plan | None = None
        self.output: dict[str, bytes] = {}
        self.on_disk: dict[str, str] = {}

    # -- public -----------------------------------------------------------------------------

    def full(self) -> Rebuild:
        """Build everything and write it atomically (like `build`)."""
        started = time.perf_counter()
        output, warnings, rendered = self._render(None, set())
        write(output, self.out)
        self._remember(output)
        return Rebuild(time.perf_counter() - started, rendered, sorted(output), warnings)

    def rebuild(self, changed: set[Path]) -> Rebuild:
        """Re-render what `changed` files affect; write only files whose bytes changed.

        Raises ContentError (and changes nothing on disk) when the content is invalid.
        """
        started = time.perf_counter()
        if any(self._under(p, self.templates) for p in changed):
            self.renderer = Renderer(self.templates)  # templates or strings changed
            self.plan = None
        targets_dir = (self.content / "targets").resolve()
        ids = None
        if (
            self.plan is not None
            and changed
            and all(Path(p).resolve().parent == targets_dir for p in changed)
        ):
            ids = {Path(p).stem for p in changed}  # a target's id is its file name (validated)
        output, warnings, rendered = self._render(ids, changed)
        written = update_in_place(output, self.out, self.on_disk)
        self._remember(output)
        return Rebuild(time.perf_counter() - started, rendered, written, warnings)

    # -- inside -----------------------------------------------------------------------------

    def _render(
        self, ids: set[str] | None, changed: set[Path]
    ) -> tuple[dict[str, bytes], list[Diagnostic], int]:
        gc.unfreeze()  # what the last rebuild froze (build.quiet_gc) may be garbage by now
        previous = self.plan
        # unchanged targets keep their views only when nothing but target files changed
        reuse = previous if ids is not None else None
        ready = prepare(self.loader, self.renderer, self.base_url, self.vendor, reuse)
        problems, the_plan = ready.warnings, ready.plan
        partial = (
            ids is not None and previous is not None and set(the_plan.views) == set(previous.views)
        )
        old_deps = {p.path: p.deps for p in previous.pages} if previous else {}
        output: dict[str, bytes] = {}
        rendered = 0
        for page in the_plan.pages:
            if (
                partial
                and page.path in self.output
                and not (
                    "*" in page.deps or page.deps & ids or old_deps.get(page.path, set()) & ids
                )
            ):
                output[page.path] = self.output[page.path]
                continue
            output[page.path] = self.renderer.render(
                page.template, page.path, page.lang, page.context
            )
            rendered += 1
        output.update(ready.extra)
        output["manifest.json"] = manifest(
            output, content_commit(self.content) if self.commit else None
        )
        self.plan = the_plan
        return output, problems, rendered

    def _remember(self, output: dict[str, bytes]) -> None:
        import hashlib

        self.output = output
        self.on_disk = {p: hashlib.sha256(b).hexdigest() for p, b in output.items()}

    @staticmethod
    def _under(path: Path, folder: Path) -> bool:
        return Path(path).resolve().is_relative_to(folder.resolve())
