"""Stage 1, load: content/ on disk → Sources (parsed YAML with positions, report blocks, map).

The only stage that reads content files. It refuses what must never be read (symlinks that
leave content/, oversized or non-UTF-8 files) and reports every problem as a Diagnostic.
A Loader keeps parsed files keyed by (mtime, size), so `serve` re-reads only what changed.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import report, yamlnodes, yamlscan
from generator.errors import Diagnostic, Pos
from generator.model import Block
from generator.yamlnodes import YamlDoc

MAX_YAML_BYTES = 256 * 1024
MAX_REPORT_BYTES = 4 * 1024 * 1024
MAX_GEO_BYTES = 8 * 1024 * 1024
MAX_TARGETS = 50_000


@dataclass
class Sources:
    """Everything read from content/, before any cross-file rule is applied."""

    root: Path
    site: YamlDoc | None = None
    counties: YamlDoc | None = None
    sections: YamlDoc | None = None
    not_targets: YamlDoc | None = None
    glossary: YamlDoc | None = None
    publishers: YamlDoc | None = None
    # source documents that updates quote as evidence: id → (document.yaml, zh.md blocks, file)
    documents: dict[str, tuple[YamlDoc | None, list[Block] | None, str]] = field(
        default_factory=dict
    )
    targets: list[YamlDoc] = field(default_factory=list)
    report: dict[str, list[Block]] = field(default_factory=dict)
    report_files: dict[str, str] = field(default_factory=dict)
    geo: Any = None
    geo_file: str = ""
    problems: list[Diagnostic] = field(default_factory=list)
    # kept by the Loader from one load to the next, for later stages to remember what they
    # worked out (validate.py: the last check of every target) in a `serve` session
    memo: dict[str, Any] = field(default_factory=dict)


def display_path(path: Path) -> str:
    """Path as a staff member should see it: relative to the working directory when inside."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


class Loader:
    """Reads a content directory; caches parsed files between calls (used by `serve`)."""

    def __init__(self, root: Path):
        self.root = root
        self._cache: dict[Path, tuple[tuple[int, int], Any]] = {}
        self._known: dict[Path, dict[str, Path]] = {}  # folder → file name → its Path
        self._memo: dict[str, Any] = {}
        # folder → (its targets, index of each file name, their paths, the folder's mtime),
        # kept while every file is a valid target (see _same_listing)
        self._listings: dict[Path, tuple[list[YamlDoc], dict[str, int], set[Path], int]] = {}

    def load(self, changed: Iterable[Path] | None = None) -> Sources:
        """Read (or reuse) every content file.

        `changed`, from a file watcher, names the files that changed since the last load: every
        other file already cached is then reused without touching the disk (at 10,000 targets
        two system calls per file cost 0.4 s). Without it each file's mtime and size are checked.
        """
        root = self.root
        src = Sources(root, memo=self._memo)
        self._changed: set[str] | None = None
        if changed is not None:
            self._changed = set()
            for p in changed:
                self._changed.update((os.path.abspath(p), os.path.realpath(p)))
            self._roots = (os.path.abspath(root), os.path.realpath(root))
        self._shown_root = display_path(root)
        self._safe_dirs: dict[Path, bool] = {}
        self._seen: set[Path] = set()
        if not root.is_dir():
            src.problems.append(
                Diagnostic(
                    Pos(display_path(root)), "no_content_folder", None, "no_content_folder.hint"
                )
            )
            return src
        src.site = self._yaml(root / "site.yaml", src.problems)
        src.counties = self._yaml(root / "counties.yaml", src.problems)
        src.sections = self._yaml(root / "sections.yaml", src.problems)
        src.not_targets = self._yaml(root / "not-targets.yaml", src.problems, optional=True)
        src.glossary = self._yaml(root / "glossary.yaml", src.problems, optional=True)
        src.publishers = self._yaml(root / "publishers.yaml", src.problems, optional=True)
        self._documents(root / "documents", src)
        for lang in ("zh", "en"):
            path = root / "report" / f"{lang}.md"
            src.report_files[lang] = self.shown(path)
            blocks = self._parsed(path, src.problems, MAX_REPORT_BYTES, _parse_report)
            if blocks is not None:
                src.report[lang] = blocks
        src.targets = self._targets(root / "targets", src.problems)
        self._geo(src)
        # forget files that are gone (a deleted target), without touching the disk again
        if len(self._cache) != len(self._seen):
            self._cache = {p: v for p, v in self._cache.items() if p in self._seen}
        return src

    # -- files -------------------------------------------------------------------------------

    def shown(self, path: Path) -> str:
        """How messages name a content file: content/targets/x.yaml (no disk access)."""
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
            text = data.decode("utf-8-sig")
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
        return text.replace("\r\n", "\n")

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
        hit = self._cache.get(path)
        if hit is not None and self._changed is not None and not self._named(path):
            value, found = hit[1]
            problems.extend(found)
            return value
        key = self._key(path)
        if key is not None and hit is not None and hit[0] == key and not self._linked(path):
            value, found = hit[1]
            problems.extend(found)
            return value
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

    def _yaml(
        self,
        path: Path,
        problems: list[Diagnostic],
        optional: bool = False,
        limit: int = MAX_YAML_BYTES,
    ) -> YamlDoc | None:
        return self._parsed(path, problems, limit, _parse_yaml, optional)

    def _targets(self, folder: Path, problems: list[Diagnostic]) -> list[YamlDoc]:
        if not folder.is_dir():
            problems.append(Diagnostic(Pos(self.shown(folder)), "no_targets_folder"))
            return []
        quick = self._same_listing(folder, problems)
        if quick is not None:
            return quick
        self._listings.pop(folder, None)
        docs = []
        listed_at = os.stat(folder).st_mtime_ns
        names = sorted(os.listdir(folder))
        if len(names) > MAX_TARGETS:
            problems.append(
                Diagnostic(Pos(display_path(folder)), "too_many_targets", {"n": f"{MAX_TARGETS:,}"})
            )
            return []
        known = self._known.setdefault(folder, {})
        # with the watcher's list, an unchanged cached file costs a dict lookup, not a Path
        trusted = self._changed is not None and not self._linked(folder)
        touched = {os.path.basename(p) for p in self._changed or ()}  # by name: errs safe
        for name in names:
            if trusted and name in known and name not in touched:
                path = known[name]
                hit = self._cache.get(path)
                if hit is not None:
                    self._seen.add(path)
                    value, found = hit[1]
                    problems.extend(found)
                    if value is not None:
                        docs.append(value)
                    continue
            path = folder / name
            if name.startswith(".") or name.endswith("~"):
                continue  # editor backups and hidden files
            if not name.endswith(".yaml"):
                hint = "not_yaml.yml_hint" if name.endswith(".yml") else "not_yaml.hint"
                problems.append(Diagnostic(Pos(self.shown(path)), "not_yaml", None, hint))
                continue
            known[name] = path
            doc = self._yaml(path, problems)
            if doc is not None:
                docs.append(doc)
        paths = [known[n] for n in names if n in known]
        if (
            len(docs) == len(names) == len(paths)
            and not any(self._cache[p][1][1] for p in paths if p in self._cache)
            and time.time_ns() - listed_at > 2_000_000_000
        ):  # every file is a target without problems, and the folder's time is not so recent
            # that a change in the same clock tick could hide: the next load may patch this
            self._listings[folder] = (
                docs,
                {n: i for i, n in enumerate(names)},
                set(paths),
                listed_at,
            )
        return docs

    def _same_listing(self, folder: Path, problems: list[Diagnostic]) -> list[YamlDoc] | None:
        """The last load's targets with only the watcher's changed files read again, when the
        folder's modification time says no file was added, removed or renamed since: then
        10,000 names need not be listed and looked up again."""
        last = self._listings.get(folder)
        if last is None or self._changed is None or self._linked(folder):
            return None
        docs, index, paths, listed_at = last
        if os.stat(folder).st_mtime_ns != listed_at:
            return None  # a file was added, removed or renamed: list the folder
        here = {os.path.abspath(folder), os.path.realpath(folder)}
        touched = {os.path.basename(p) for p in self._changed if os.path.dirname(p) in here}
        touched = {n for n in touched if not n.startswith(".") and not n.endswith("~")}
        if any(n not in index or not os.path.isfile(folder / n) for n in touched):
            return None  # a file was added or removed (or is not a file): list the folder
        docs = list(docs)
        known = self._known[folder]
        for name in sorted(touched):
            found: list[Diagnostic] = []
            doc = self._yaml(known[name], found)
            if doc is None or found:
                return None  # the full path reports it in order
            docs[index[name]] = doc
        self._seen |= paths
        self._listings[folder] = (docs, index, paths, listed_at)
        return docs

    def _documents(self, folder: Path, src: Sources) -> None:
        """Each folder of content/documents/: its document.yaml and its Chinese text (a few
        files, so the folder is listed on every load)."""
        if not folder.is_dir() or not self._safe(folder, src.problems):
            return
        for name in sorted(os.listdir(folder)):
            here = folder / name
            if name.startswith(".") or not here.is_dir():
                continue
            meta = self._yaml(here / "document.yaml", src.problems)
            text = here / "zh.md"
            blocks = self._parsed(text, src.problems, MAX_REPORT_BYTES, _parse_report)
            src.documents[name] = (meta, blocks, self.shown(text))

    def _geo(self, src: Sources) -> None:
        if src.site is None or not isinstance(src.site.value, dict):
            return  # site.yaml names the map file; its own error is reported already
        rel = src.site.value.get("geo")
        if not isinstance(rel, str) or ".." in rel or rel.startswith("/"):
            return  # the validator reports the bad value
        path = self.root / rel
        src.geo_file = self.shown(path)
        src.geo = self._parsed(path, src.problems, MAX_GEO_BYTES, _parse_geo)


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


def _parse_yaml(text: str, shown: str) -> tuple[YamlDoc | None, list[Diagnostic]]:
    slips = yamlscan.scan(text)
    if slips:  # named where they are; libyaml would report them a line late, or not at all
        return None, [Diagnostic.of(Pos(shown, s.line, s.col), s.message, s.hint) for s in slips]
    try:
        return yamlnodes.parse(text, shown), []
    except yamlnodes.YamlProblem as exc:
        return None, [Diagnostic.of(Pos(shown, exc.line, exc.col), exc.msg, exc.hint)]


def _parse_report(text: str, shown: str) -> tuple[list[Block], list[Diagnostic]]:
    found: list[Diagnostic] = []
    return report.parse(text, shown, found), found


def _parse_geo(text: str, shown: str) -> tuple[Any, list[Diagnostic]]:
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        return None, [
            Diagnostic(Pos(shown, exc.lineno, exc.colno), "map_not_json", {"error": exc.msg})
        ]


def load(root: Path) -> Sources:
    """Read a content directory once (no cache)."""
    return Loader(root).load()
