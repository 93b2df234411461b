"""Made once per test run, whichever worker asks first.

`make test` runs pytest on several workers (pytest-xdist), and a session fixture runs once per
worker. What is costly to make and only read afterwards (the real site's build, its parsed
pages) is made by the first worker that needs it, under a lock, in the folder all workers of
this run share; the others wait for it and read it. Without workers it is simply made.
"""

from __future__ import annotations

import fcntl
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")


def shared_folder(
    factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]
) -> Path:
    """The folder `make(folder)` fills, made once for all workers of this run. `make` gets a
    path that does not exist yet; the others never see a half-made folder. Treat it as
    read-only."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        folder = factory.mktemp(name) / name
        make(folder)
        return folder
    root = factory.getbasetemp().parent  # this run's folder, shared by its workers
    folder, done = root / name, root / f"{name}.done"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():  # a worker that failed to make it left no mark: try again
            make(folder)
            done.touch()
    return folder


def shared_value(factory: pytest.TempPathFactory, name: str, make: Callable[[], T]) -> T:
    """`make()`, computed once for all workers of this run (pickled between them)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return make()
    value: list[T] = []

    def compute(folder: Path) -> None:
        value.append(make())
        folder.mkdir(exist_ok=True)
        (folder / "value.pickle").write_bytes(pickle.dumps(value[0]))

    folder = shared_folder(factory, name, compute)
    return value[0] if value else pickle.loads((folder / "value.pickle").read_bytes())
