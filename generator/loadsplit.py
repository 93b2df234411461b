"""A large site's content parsed in two processes: the load stage's one helper.

Parsing is most of a large build's load stage (at 100,000 targets about 45 s of YAML on one
core, while the other core has nothing to do yet). For a one-off build of a large site, the
loader forks one helper before it reads anything. The helper parses the back half of the
report texts and target files, in the order the loader reads them, and sends what it made
(each file's (mtime, size), value and problems) back through a pipe, all at once, when it is
done. Meanwhile the build process parses the front half. When it reaches the first file of
the back half, it takes the helper's results into its file cache, and reads on: each of those
files is then found unchanged in the cache, exactly as a `serve` session finds a file it
parsed before (loadfiles.FileCache._parsed). Whatever the helper made is used only when the
file's (mtime, size) is still the one the helper saw.

Nothing is lost if the helper fails: its results are simply not there, and the build process
parses those files itself. A `serve` session never forks one: it runs other threads (a fork
could inherit a lock one of them holds), and it keeps every file parsed anyway.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from generator.crew import fork_safe
from generator.yamlnodes import YamlDoc

SPLIT_FROM = 4_000  # files: below this a fork and a pickle cost about what half the parsing does

# a parsed file, as the cache keeps it: (mtime_ns, size), (value, problems)
Entry = tuple[tuple[int, int], tuple[Any, list[Any]]]


def cores() -> int:
    """The cores this build may use (HEDONG_WORKERS overrides, as for rendering)."""
    override = os.environ.get("HEDONG_WORKERS")
    if override:
        return max(1, int(override))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def wanted(files: int) -> bool:
    """Whether a helper is worth forking for `files` files, and safe here: a spare core, a
    system that forks, and no other thread in this process."""
    return files >= SPLIT_FROM and cores() > 1 and fork_safe()


def parse_order(root: Path, reports: list[Path]) -> list[tuple[Path, int]]:
    """The report texts and target files, in the order the loader reads them, each with a
    weight: about what parsing it costs. A report text weighs 2/5 of its bytes (markdown
    parses faster per byte than YAML, measured at 10,000 targets); each target file weighs
    the mean size of a few, so that 100,000 files are listed rather than each asked for its
    size. `reports`: the folders content/reports/<id>/, none in the one-report layout."""
    files: list[tuple[Path, int]] = []
    try:
        # (the folder holding targets/, the folder holding zh.md and en.md) of each report
        bases = [(folder, folder) for folder in reports] or [(root, root / "report")]
        for base, texts in bases:
            for text in (texts / "zh.md", texts / "en.md"):
                files.append((text, os.stat(text).st_size * 2 // 5 if text.is_file() else 0))
            folder = base / "targets"
            if folder.is_dir():
                names = sorted(os.listdir(folder))
                files += [(folder / n, -1) for n in names if n.endswith(".yaml") and n[0] != "."]
        sample = [p for p, size in files[:: max(1, len(files) // 32)] if size < 0]
        mean = sum(os.stat(p).st_size for p in sample) // max(1, len(sample))
    except OSError:  # the load itself says what is wrong
        return []
    return [(p, mean if size < 0 else size) for p, size in files]


def back_half(files: Sequence[tuple[Path, int]]) -> list[Path]:
    """The files after the point where half of the weight is behind: the helper's share."""
    total = sum(size for _, size in files)
    done = 0
    for i, (_, size) in enumerate(files):
        done += size
        if done * 100 >= total * 50:
            return [path for path, _ in files[i + 1 :]]
    return []


class Helper:
    """The forked process that parses `paths` (the back half); `take()` waits for it and
    returns what it made, by path."""

    def __init__(self, paths: Sequence[Path], parse: Callable[[Path], Entry | None]):
        self.paths = frozenset(paths)
        self._order = list(paths)
        read, write = os.pipe()
        self.pid = self._pid = os.fork()  # _pid: 0 once reaped
        if self._pid == 0:  # the helper
            os.close(read)
            _helper_life(self._order, parse, write)
        os.close(write)
        self._read: int | None = read

    def take(self) -> dict[Path, Entry]:
        """What the helper parsed, once it is done ({} if it failed: the build process then
        parses those files itself)."""
        if self._read is None:
            return {}
        try:
            with os.fdopen(self._read, "rb") as pipe:
                self._read = None
                made = pickle.load(pipe)
        except Exception:  # whatever went wrong, this process parses those files itself
            made = None
        finally:
            ok = self._reap()
        if not ok or not isinstance(made, list):
            return {}
        return {self._order[i]: _entry(sent) for i, sent in made}

    def stop(self) -> None:
        """End the helper if it still runs (the load failed or did not need it)."""
        if self._read is not None:
            os.close(self._read)
            self._read = None
        if self._pid:
            try:
                os.kill(self._pid, 9)
            except ProcessLookupError:
                pass
            self._reap()

    def _reap(self) -> bool:
        """Wait for the helper to exit; whether it ended well."""
        if not self._pid:
            return False
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        return os.waitstatus_to_exitcode(status) == 0


def _helper_life(paths: list[Path], parse: Callable[[Path], Entry | None], write: int) -> NoReturn:
    """Parse every path, send [(its index, what was made)] and exit, never returning into
    the build's code (os._exit: no cleanup of the build process's state runs here)."""
    code = 1  # unless everything was sent: the build process then parses these files itself
    try:
        made = []
        for i, path in enumerate(paths):
            entry = parse(path)
            if entry is not None:
                made.append((i, _sent(entry)))
        with os.fdopen(write, "wb") as pipe:
            pickle.dump(made, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    finally:
        os._exit(code)  # also while an exception is raised: it never reaches the build's code


def _sent(entry: Entry) -> tuple[Any, ...]:
    """An entry as plain values (a YamlDoc's fields rather than the object: half the time to
    unpickle)."""
    key, (value, problems) = entry
    if isinstance(value, YamlDoc):
        return (key, True, (value.file, value.value, value.text, value.disk, value.crc), problems)
    return (key, False, value, problems)


def _entry(sent: tuple[Any, ...]) -> Entry:
    key, is_doc, value, problems = sent
    if is_doc:
        file, data, text, disk, crc = value
        value = YamlDoc(file, data, text=text, disk=disk, crc=crc)
    return key, (value, problems)
