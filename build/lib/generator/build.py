"""The pipeline: load → validate → plan → render → write. One call per stage, nothing else."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator import assets, exports
from generator.errors import ContentError, Diagnostic
from generator.load import Loader
from generator.plan import plan
from generator.render import TEMPLATES, Renderer
from generator.validate import validate
from generator.write import manifest, write

Progress = Callable[[int, int], None]


@dataclass
class BuildResult:
    pages: int
    files: int
    bytes: int
    seconds: float
    warnings: list[Diagnostic] = field(default_factory=list)
    output: dict[str, bytes] = field(default_factory=dict, repr=False)


def render_site(content: Path, base_url: str | None = None, templates: Path = TEMPLATES,
                loader: Loader | None = None, progress: Progress | None = None,
                vendor: Path = assets.VENDOR) -> tuple[dict[str, bytes], int, list[Diagnostic]]:
    """Everything but the write: the output as {path: bytes}, the page count and warnings."""
    sources = (loader or Loader(content)).load()
    site, problems = validate(sources)
    if site is None:
        raise ContentError(problems)
    renderer = Renderer(templates)
    the_plan = plan(site, renderer.strings.data, base_url)
    output: dict[str, bytes] = {}
    total = len(the_plan.pages)
    for i, page in enumerate(the_plan.pages, 1):
        output[page.path] = renderer.render(page.template, page.path, page.lang, page.context)
        if progress and (i % 200 == 0 or i == total):
            progress(i, total)
    output.update(exports.data_files(site, the_plan, renderer, base_url or site.info.base_url))
    output.update(assets.collect(templates, site.geo, vendor))
    return output, total, problems


def build(content: Path, out: Path, base_url: str | None = None, templates: Path = TEMPLATES,
          progress: Progress | None = None, vendor: Path = assets.VENDOR) -> BuildResult:
    """Build the site into `out`, or raise ContentError and leave `out` untouched."""
    started = time.perf_counter()
    output, pages, warnings = render_site(content, base_url, templates, progress=progress,
                                          vendor=vendor)
    output["manifest.json"] = manifest(output, content_commit(content))
    write(output, out)
    return BuildResult(pages, len(output), sum(len(b) for b in output.values()),
                       time.perf_counter() - started, warnings, output)


def content_commit(content: Path) -> str | None:
    """The git commit of the content, when it is a clean git checkout (for the manifest)."""
    try:
        head = subprocess.run(["git", "-C", str(content), "rev-parse", "HEAD"],
                              capture_output=True, text=True, timeout=5)
        dirty = subprocess.run(["git", "-C", str(content), "status", "--porcelain", "--", "."],
                               capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    if head.returncode != 0 or dirty.returncode != 0:
        return None
    commit = head.stdout.strip()
    return commit + ("-dirty" if dirty.stdout.strip() else "")
