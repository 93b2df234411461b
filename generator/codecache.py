"""The methods `dataclasses` writes for each class, compiled once per installation.

For every class, `@dataclass` writes `__init__`, `__repr__`, `__eq__`, `__hash__` and, when
frozen, `__setattr__` and `__delattr__` as Python source and compiles it when the module is
imported: the 54 classes a build imports took about 80 ms of every start (a quarter of its
imports), more than a small site's pages. `install()` (called by `generator/__init__.py`)
gives the `dataclasses` module an `exec` that keeps the code objects of this project's
classes, by their exact source text, in `.cache/` (marshal, one file per Python bytecode
version): a later process runs the same code without compiling it. Nothing else changes: the
code object is what `exec` would have compiled from the same text (same file name, no
inherited flags), so the classes are the same. A text not seen before is compiled and added,
so an edited class is never stale; a cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import marshal
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Any

from generator.cachefile import keep

CACHE = (
    Path(__file__).resolve().parent.parent
    / ".cache"
    / f"dataclasses-{sys.implementation.cache_tag}-{MAGIC_NUMBER.hex()}.marshal"
)
LIMIT = 2000  # entries; beyond, the file starts again from what this process used
PACKAGES = {"generator", "benchmarks"}  # whose classes are kept (others' are compiled as ever)

_code: dict[str, Any] = {}
_used: dict[str, Any] = {}
_state: dict[str, Any] = {"new": False, "installed": False, "path": CACHE}


def cached_exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """`exec`, with a string's code object kept by its text."""
    module = globals.get("__name__", "") if isinstance(globals, dict) else ""
    if not isinstance(source, str) or module.partition(".")[0] not in PACKAGES:
        builtins.exec(source, globals, locals)  # other packages' classes: as before
        return
    code = _code.get(source)
    if code is None:
        code = _code[source] = compile(source, "<string>", "exec", dont_inherit=True)
        if not _state["new"]:
            _state["new"] = True
            atexit.register(save)
    _used[source] = code
    builtins.exec(code, globals, locals)


def install(cache: Path = CACHE) -> None:
    """Read the kept code and give it to `dataclasses` (once per process)."""
    if _state["installed"]:
        return
    _state["installed"], _state["path"] = True, cache
    try:
        kept = marshal.loads(cache.read_bytes())
        if isinstance(kept, dict):
            _code.update(kept)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    dataclasses.exec = cached_exec  # type: ignore[attr-defined]  # a module global shadows the builtin


def save(cache: Path | None = None) -> None:
    """Write the kept code (what was read, and what this process compiled) atomically."""
    cache = cache or _state["path"]
    entries = _code if len(_code) <= LIMIT else _used
    try:
        data = marshal.dumps(entries)
    except ValueError:
        return
    keep(cache, data)
