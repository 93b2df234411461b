"""generator/codecache.py: the code dataclasses writes for each class, kept between processes.
The classes must be exactly what the standard `dataclasses` makes, cached or not."""

import builtins
import dataclasses
import marshal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator import codecache

METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")


def make_classes():
    @dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0
        tags: tuple[str, ...] = field(default=())

    @dataclass(eq=False)
    class Box:
        items: list[int] = field(default_factory=list)

    return Point, Box


def test_the_package_installs_the_cache():
    assert dataclasses.exec is codecache.cached_exec


@pytest.fixture(autouse=True)
def kept_here(monkeypatch):
    """This module's classes are kept like the package's."""
    monkeypatch.setattr(codecache, "PACKAGES", {*codecache.PACKAGES, "tests"})


def test_cached_classes_have_the_standard_code(monkeypatch):
    cached = make_classes()
    assert any("def __init__(self,x:" in t for t in codecache._code)
    monkeypatch.setattr(dataclasses, "exec", builtins.exec, raising=False)
    plain = make_classes()
    for mine, theirs in zip(cached, plain, strict=True):
        for name in METHODS:
            if name in vars(theirs):
                assert getattr(mine, name).__code__ == getattr(theirs, name).__code__, name
    # annotations are evaluated, not strings: no compiler flag leaked from codecache's imports
    assert cached[0].__init__.__annotations__["x"] is int


def test_cached_classes_behave_like_dataclasses():
    point_class, box_class = make_classes()
    p = point_class(1, tags=("a",))
    assert p == point_class(1, 0, ("a",)) and hash(p) == hash(point_class(1, 0, ("a",)))
    assert repr(p).endswith("Point(x=1, y=0, tags=('a',))")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 2  # type: ignore[misc]
    a, b = box_class(), box_class()
    assert a.items == [] and a.items is not b.items and a != b  # eq=False: identity


PROBE = """
import sys
from pathlib import Path
from generator import codecache
codecache._code.clear()
codecache._state["installed"] = False
codecache.PACKAGES.add("tests")
codecache.install(Path(sys.argv[1]))
from tests.unit.test_codecache import make_classes
compiled = []
codecache.compile = lambda *a, **k: compiled.append(a[0]) or compile(*a, **k)
make_classes()
print(len(compiled))
"""


def test_other_packages_classes_are_not_kept(monkeypatch):
    monkeypatch.setattr(codecache, "PACKAGES", {"generator"})
    before = len(codecache._code)

    @dataclass
    class Elsewhere:
        unusual_name_for_this_test: int

    assert len(codecache._code) == before
    assert Elsewhere(1).unusual_name_for_this_test == 1


def test_saved_code_is_read_back_and_used(tmp_path):
    make_classes()
    cache = tmp_path / "code.marshal"
    codecache.save(cache)
    kept = marshal.loads(cache.read_bytes())
    assert any("def __init__(self,x:" in t for t in kept), "the Point class's __init__ is kept"
    # a fresh process reads the file and compiles none of the classes' methods
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [sys.executable, "-c", PROBE, str(cache)], cwd=root, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "0"
    # and without the file, it compiles them
    (tmp_path / "empty").mkdir()
    run = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "empty" / "none.marshal")],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert int(run.stdout) >= 5


def test_an_unreadable_cache_is_ignored(tmp_path):
    cache = tmp_path / "code.marshal"
    cache.write_bytes(b"not marshal")
    state = dict(codecache._state)
    try:
        codecache._state["installed"] = False
        codecache.install(cache)  # reads nothing, raises nothing
    finally:
        codecache._state.update(state)
    assert make_classes()[0](3).x == 3
