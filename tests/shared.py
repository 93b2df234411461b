"""Made once per test run, whichever worker asks first.

`make test` runs pytest on several workers (pytest-xdist), and a session fixture runs once per
worker. What is costly to make and only read afterwards (the real site's build, its parsed
pages) is made by the first worker that needs it, under a lock, in the folder all workers of
this run share; the others wait for it and read it. Without workers it is simply made.

The real site is wanted by a dozen modules: with workers, the run's controller starts its
build in a process of its own as the run begins (`start_real_site`, from tests/conftest.py),
so no worker stands idle for the five seconds it takes. The lock still decides who makes it.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import subprocess
import sys
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
    # this run's folder, shared by its workers
    return make_once(factory.getbasetemp().parent, name, make)


def make_once(root: Path, name: str, make: Callable[[Path], object]) -> Path:
    """`make(root / name)` unless a process of this run has made it already (under a lock)."""
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


REAL_SITE = "real-site"


def build_real_site(out: Path) -> None:
    """The real content's site, the way `build --no-search` ships it."""
    from tests.built import build_into

    build_into(Path(__file__).resolve().parent.parent / "content", out)


def start_real_site(root: Path) -> subprocess.Popen[bytes]:
    """Start making the real site for the workers whose shared folder is `root`."""
    return subprocess.Popen([sys.executable, "-m", "tests.shared", str(root)])


if __name__ == "__main__":  # python -m tests.shared ROOT: what start_real_site runs
    make_once(Path(sys.argv[1]), REAL_SITE, build_real_site)
