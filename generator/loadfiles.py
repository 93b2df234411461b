"""One content file at a time, for the loader (load.py): read safely (no symbolic link out of
content/, no oversized file, UTF-8 only, with the encodings Windows editors use named),
parsed, and kept by (mtime, size) so that a `serve` session reads again only what changed.
Also the content's git commit, which the manifest names."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator import loadsplit, report, yamlnodes, yamlscan
from generator.errors import Diagnostic, Pos
from generator.model import Block
from generator.yamlnodes import YamlDoc

MAX_YAML_BYTES = 256 * 1024
MAX_REPORT_BYTES = 4 * 1024 * 1024
MAX_GEO_BYTES = 8 * 1024 * 1024


def display_path(path: Path) -> str:
    """Path as a staff member should see it: relative to the working directory when inside."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


class FileCache:
    """Parsed files of one content folder, kept between loads; `begin` starts a load."""

    def __init__(self, root: Path):
        self.root = root
        self._cache: dict[Path, tuple[tuple[int, int], Any]] = {}
        self._changed: set[str] | None = None
        self._roots: tuple[str, str] = ("", "")
        self._shown_root = ""
        self._prefix = str(root) + "/"  # a path under root, as a string, starts with this
        self._safe_dirs: dict[Path, bool] = {}
        self._seen: set[Path] = set()
        self._helper: loadsplit.Helper | None = None  # parsing the back half of a large load

    def begin(self, changed: Iterable[Path] | None) -> None:
        """A new load: `changed`, from a file watcher, names the only files that may differ
        from the cached ones (None: check every file's mtime and size)."""
        self._changed = None
        if changed is not None:
            self._changed = set()
            for p in changed:
                self._changed.update((os.path.abspath(p), os.path.realpath(p)))
            self._roots = (os.path.abspath(self.root), os.path.realpath(self.root))
        self._shown_root = display_path(self.root)
        self._safe_dirs = {}
        self._seen = set()

    def shown(self, path: Path) -> str:
        """How messages name a content file: content/targets/x.yaml (no disk access)."""
        text = str(path)
        if text.startswith(self._prefix):  # what relative_to gives, without pathlib's parsing
            return f"{self._shown_root}/{text[len(self._prefix) :]}"
        try:
            return f"{self._shown_root}/{path.relative_to(self.root).as_posix()}"
        except ValueError:
            return display_path(path)

    def _linked(self, path: Path) -> bool:
        """Whether the path, or a folder between content/ and it, is a symbolic link."""
        if path.is_symlink():
            return True
        parent = path.parent
        if parent == self.root or self.root not in parent.parents:
            return False
        if parent not in self._safe_dirs:
            self._safe_dirs[parent] = self._linked(parent)
        return self._safe_dirs[parent]

    def _safe(self, path: Path, problems: list[Diagnostic]) -> bool:
        """Refuse links that leave content/ (Jekyll's safe-mode rule); never echo their target."""
        if self._linked(path):
            real = path.resolve()
            if not real.is_relative_to(self.root.resolve()):
                problems.append(
                    Diagnostic(Pos(self.shown(path)), "link_outside", None, "link_outside.hint")
                )
                return False
        return True

    def _read(
        self, path: Path, problems: list[Diagnostic], limit: int, optional: bool = False
    ) -> str | None:
        shown = self.shown(path)
        if not path.exists():
            if not optional:
                problems.append(Diagnostic(Pos(shown), "file_missing", None, "file_missing.hint"))
            return None
        if not self._safe(path, problems):
            return None
        if not path.is_file():
            problems.append(Diagnostic(Pos(shown), "folder_not_file"))
            return None
        size = path.stat().st_size
        if size > limit:
            problems.append(
                Diagnostic(
                    Pos(shown),
                    "file_too_large",
                    {"size": f"{size:,}", "limit": f"{limit:,}"},
                    "hint.split_shorten",
                )
            )
            return None
        data = path.read_bytes()
        if _utf16(data):
            problems.append(Diagnostic(Pos(shown), "saved_as_utf16", None, SAVE_AS_UTF8))
            return None
        try:
            text = yamlnodes.decoded(data)
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            line_start = data.rfind(b"\n", 0, exc.start) + 1
            col = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
            if _gb18030(data):
                code, hint = "saved_as_gb18030", SAVE_AS_UTF8
            else:
                code, hint = "not_utf8", "not_utf8.hint"
            problems.append(Diagnostic(Pos(shown, line, col), code, None, hint))
            return None
        if "\x00" in text:
            problems.append(Diagnostic(Pos(shown), "nul_bytes"))
            return None
        return text

    def _named(self, path: Path) -> bool:
        """Whether `path` is one of the files the watcher said changed."""
        text, here = str(path), str(self.root)
        if text.startswith(here + "/"):
            rel = text[len(here) :]
        else:
            rel = "/" + os.path.relpath(text, here)
        return any(root + rel in self._changed for root in self._roots)  # type: ignore[operator]

    def _key(self, path: Path) -> tuple[int, int] | None:
        """(mtime, size) of a regular file, or None: the cache key of a parsed file."""
        try:
            st = path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size) if stat.S_ISREG(st.st_mode) else None

    def _parsed(
        self,
        path: Path,
        problems: list[Diagnostic],
        limit: int,
        parse: Callable[[str, str], tuple[Any, list[Diagnostic]]],
        optional: bool = False,
    ) -> Any:
        """Read and parse one file, or reuse last time's result if the file is unchanged.

        The cache is checked before the file is read, so `serve` only stats unchanged files.
        """
        self._seen.add(path)
        if self._helper is not None and path in self._helper.paths:
            self._take_helped()
        hit = self._cache.get(path)
        if hit is not None and self._changed is not None and not self._named(path):
            kept, remarks = hit[1]
            problems.extend(remarks)
            return kept
        key = self._key(path)
        if key is not None and hit is not None and hit[0] == key and not self._linked(path):
            kept, remarks = hit[1]
            problems.extend(remarks)
            return kept
        found: list[Diagnostic] = []
        text = self._read(path, found, limit, optional)
        value = None
        if text is not None:
            value, parse_problems = parse(text, self.shown(path))
            found.extend(parse_problems)
        if key is not None:
            self._cache[path] = (key, (value, found))
        problems.extend(found)
        return value

    @contextmanager
    def split(self, files: list[tuple[Path, int]]) -> Iterator[None]:
        """For the length of one load: a helper that parses the back half of `files` (the
        report texts and target files in the order the load reads them, each with its weight)
        while this process parses the front half; see loadsplit.py. `files` is empty but for
        a one-off build's load."""
        back = loadsplit.back_half(files)
        if back and loadsplit.wanted(len(files)):
            self._helper = loadsplit.Helper(back, self._parse_for_helper)
        try:
            yield
        finally:
            helper, self._helper = self._helper, None
            if helper is not None:  # the load ended before it needed the helper's files
                helper.stop()

    def _parse_for_helper(self, path: Path) -> loadsplit.Entry | None:
        """In the helper: one file parsed as the build process would parse it, taken out of
        this (forked) cache."""
        if path.suffix == ".md":
            self._parsed(path, [], MAX_REPORT_BYTES, parse_report, optional=True)
        else:
            self._yaml(path, [])
        return self._cache.pop(path, None)

    def _take_helped(self) -> None:
        """Wait for the helper; what it parsed is in the cache from now on (each file reused
        only while its (mtime, size) is what the helper saw)."""
        helper, self._helper = self._helper, None
        if helper is not None:
            self._cache.update(helper.take())

    def _yaml(
        self,
        path: Path,
        problems: list[Diagnostic],
        optional: bool = False,
        limit: int = MAX_YAML_BYTES,
    ) -> YamlDoc | None:
        disk = str(path)

        def parse(text: str, shown: str) -> tuple[YamlDoc | None, list[Diagnostic]]:
            return parse_yaml(text, shown, disk)  # positions read the file again when needed

        doc: YamlDoc | None = self._parsed(path, problems, limit, parse, optional)
        return doc


def there(path: Path) -> bool:
    """Whether a file (or a link, which reading it checks) is at `path`."""
    return path.exists() or path.is_symlink()


SAVE_AS_UTF8 = "hint.save_as_utf8"  # a message id of generator/catalogue/diagnostics.yaml


def _utf16(data: bytes) -> bool:
    """UTF-16, as Windows Notepad saves "Unicode": a byte-order mark, or (without one) text
    whose every other byte is zero, as a YAML file's ASCII keys and spaces make it."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return False
    even, odd = data[0::2].count(0), data[1::2].count(0)
    return max(even, odd) >= len(data) // 4 and min(even, odd) == 0


def _gb18030(data: bytes) -> bool:
    """Chinese text in GB18030 (or its subset GBK): it decodes as such, holds Chinese
    characters, and has fewer valid UTF-8 characters than broken ones (so a UTF-8 file with
    one damaged byte is not taken for it)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    if not any("\u3400" <= c <= "\u9fff" for c in text):
        return False
    as_utf8 = data.decode("utf-8", errors="replace")
    broken = as_utf8.count("\ufffd")
    valid = sum(1 for c in as_utf8 if c > "\x7f" and c != "\ufffd")
    return broken > valid


def parse_yaml(text: str, shown: str, disk: str = "") -> tuple[YamlDoc | None, list[Diagnostic]]:
    slips = yamlscan.scan(text)
    if slips:  # named where they are; libyaml would report them a line late, or not at all
        return None, [Diagnostic.of(Pos(shown, s.line, s.col), s.message, s.hint) for s in slips]
    try:
        return yamlnodes.parse(text, shown, disk), []
    except yamlnodes.YamlProblem as exc:
        return None, [Diagnostic.of(Pos(shown, exc.line, exc.col), exc.msg, exc.hint)]


def parse_report(text: str, shown: str) -> tuple[list[Block], list[Diagnostic]]:
    found: list[Diagnostic] = []
    return report.parse(text, shown, found), found


def parse_geo(text: str, shown: str) -> tuple[Any, list[Diagnostic]]:
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        return None, [
            Diagnostic(Pos(shown, exc.lineno, exc.colno), "map_not_json", {"error": exc.msg})
        ]


def content_commit(content: Path) -> str | None:
    """The git commit of the content, when it is a clean git checkout (for the manifest)."""
    try:
        head = subprocess.run(
            ["git", "-C", str(content), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
        )
        if head.returncode != 0:
            return None  # not a git checkout: no second process to ask whether it is clean
        dirty = subprocess.run(
            ["git", "-C", str(content), "status", "--porcelain", "--", "."],
            capture_output=True,
            text=True,
            timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if head.returncode != 0 or dirty.returncode != 0:
        return None
    commit = head.stdout.strip()
    return commit + ("-dirty" if dirty.stdout.strip() else "")
