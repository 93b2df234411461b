"""The site as the `build` command writes it, read back from disk.

Tests that look at the output build it the way that ships: `generator.build.build` into a
folder (rendering workers, streamed data files, assets and manifest), then read the files.
Only build's public parameters are used, so the tests hold while its insides change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest

from generator.build import BuildResult, build
from generator.errors import Diagnostic


class Built(NamedTuple):
    files: dict[str, bytes]  # every file written, by its path in the site ("zh/index.html")
    warnings: list[Diagnostic]


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by its path relative to it, in path order."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def built(content: Path, out: Path, base_url: str | None = None, workers: int = 1) -> Built:
    """Build `content` into `out` (replaced if it holds an earlier build), without a search
    index, and read back everything written. ContentError propagates."""
    result = build_into(content, out, base_url=base_url, workers=workers)
    return Built(read_tree(out), list(result.warnings))


def build_into(
    content: Path, out: Path, base_url: str | None = None, workers: int = 1
) -> BuildResult:
    """Build `content` into `out` as `built` does, reading nothing back."""
    return build(
        content,
        out,
        base_url=base_url,
        workers=workers,
        search_index=False,
        allow_removals=True,
    )


@contextmanager
def list_limit(rows: int) -> Iterator[None]:
    """Builds inside use lists of `rows` rows a page, so a small fixture has paged lists.

    The planner reads its module constant LIST_LIMIT when it pages a list; this is the one
    place the tests know where it lives."""
    from generator.pages import page

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(page, "LIST_LIMIT", rows)
        yield
