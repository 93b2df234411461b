"""Stage 5, write: rendered files → the output folder, all at once or not at all.

A full build writes into a fresh sibling folder and swaps it into place only when every file is
written (lektor's idea), so a failed or interrupted build leaves the previous site as it was.
Every file the generator makes is written by a function of this module, whichever process
calls it: the render workers (parallel.py) fill the temporary folder with `put_file`,
build.publish adds the other files and the manifest with `put_files`, and a `serve` session
(session.py) replaces files one at a time in place with `replace_file` and `remove_file`.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import json
import marshal
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, NamedTuple

import jinja2
from jinja2.bccache import Bucket, bc_magic

MARKER = "manifest.json"  # every build writes it; we only ever replace folders that have it


class OutputError(Exception):
    """The output folder cannot be written safely (message says why)."""


def safe_path(root: Path, rel: str) -> Path:
    """Join a site-relative path to root, refusing anything that could leave root."""
    pure = PurePosixPath(rel)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in rel or "\x00" in rel:
        raise OutputError(f"refusing to write outside the output folder: {rel!r}")
    return root.joinpath(*pure.parts)


_UNPLAIN = ("\\", "\x00", "..", "//", "./")  # what a plain site path never holds


def out_file(root: Path, rel: str) -> str:
    """safe_path(root, rel) as a string. A plain site path (the pages' and data files':
    no empty, '.' or '..' part, nothing absolute) is joined as a string, without pathlib
    (which took as long as writing the file); anything else goes through safe_path."""
    if rel and rel[0] != "/" and rel[-1] not in "/." and not any(u in rel for u in _UNPLAIN):
        base = str(root)
        return base + rel if base.endswith("/") else f"{base}/{rel}"
    return str(safe_path(root, rel))


def _new_file(root: Path, rel: str, made: set[str]) -> str:
    """out_file(root, rel), its folder made unless `made` already holds it."""
    file = out_file(root, rel)
    folder = file.rpartition("/")[0]
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    return file


def put_file(root: Path, rel: str, data: bytes, made: set[str]) -> str:
    """Write one new file under root (folders as needed; `made` remembers those already
    made, as out_file's folder strings); return its SHA-256 for the manifest."""
    with open(_new_file(root, rel, made), "wb") as f:
        f.write(data)
    return hashlib.sha256(data).hexdigest()


class Part(NamedTuple):
    """A piece of a file written piece by piece: the open-data files that list every target
    (exports.data_files) are never whole in memory. The pieces of one path come in order,
    other files between them; the last piece has end=True."""

    data: bytes
    end: bool = False


def put_files(
    root: Path, files: Iterable[tuple[str, bytes | Part]], written: list[int] | None = None
) -> dict[str, str]:
    """put_file for each (path, bytes), one at a time (a generator's files are made, written
    and forgotten), and each (path, Part) appended to its file; {path: sha256}. Adds the bytes
    written to written[0]."""
    made: set[str] = set()
    hashes: dict[str, str] = {}
    growing: dict[str, tuple[BinaryIO, Any]] = {}  # path → (open file, its running SHA-256)
    try:
        for rel, data in files:
            if isinstance(data, Part):
                _append(root, rel, data, growing, hashes, made)
                data = data.data
            else:
                hashes[rel] = put_file(root, rel, data, made)
            if written is not None:
                written[0] += len(data)
        if growing:
            raise OutputError(f"files left unfinished: {', '.join(sorted(growing))}")
    finally:
        for handle, _ in growing.values():
            handle.close()
    return hashes


def _append(
    root: Path,
    rel: str,
    part: Part,
    growing: dict[str, tuple[BinaryIO, Any]],
    hashes: dict[str, str],
    made: set[str],
) -> None:
    if rel not in growing:
        # closed at its last part
        growing[rel] = (open(_new_file(root, rel, made), "wb"), hashlib.sha256())
    handle, digest = growing[rel]
    handle.write(part.data)
    digest.update(part.data)
    if part.end:
        handle.close()
        del growing[rel]
        hashes[rel] = digest.hexdigest()


def hash_tree(root: Path, sub: str) -> dict[str, str]:
    """{path: sha256} of the files a tool wrote under root/sub (the search index)."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted((root / sub).rglob("*"))
        if path.is_file()
    }


def replace_file(root: Path, rel: str, data: bytes, folders: set[Path]) -> None:
    """Replace one file of a live site at once (a reader never sees half of it)."""
    path = safe_path(root, rel)
    if path.parent not in folders:
        path.parent.mkdir(parents=True, exist_ok=True)
        folders.add(path.parent)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def remove_file(root: Path, rel: str) -> bool:
    """Remove one file of a live site, and the folders it leaves empty; False if absent."""
    path = safe_path(root, rel)
    if not path.exists():
        return False
    path.unlink()
    parent = path.parent
    while parent != root and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()  # a deleted target leaves no empty folders behind
        parent = parent.parent
    return True


def manifest_from_hashes(hashes: dict[str, str], commit: str | None) -> bytes:
    return Manifest(hashes).bytes(commit)


def manifest_parts(
    hashes: dict[str, str], commit: str | None, batch: int = 20_000
) -> Iterator[Part]:
    """manifest.json's bytes (those of Manifest(hashes).bytes(commit)) in pieces of `batch`
    files: a full build writes it without a second copy of every path and digest (500,000
    files at 100,000 targets: 250 MB more at the very end)."""
    quote = Manifest._QUOTE
    order = sorted(hashes)
    yield Part(b'{\n "files": ' + (b"{\n" if order else b"{}"))
    for start in range(0, len(order), batch):
        lines = ",\n".join(
            f"  {quote(p)}: {quote(hashes[p])}" for p in order[start : start + batch]
        )
        yield Part(((",\n" if start else "") + lines).encode())
    tail = b',\n "generator": "hedong-open",\n "source_commit": ' + quote(commit).encode()
    yield Part((b"\n }" if order else b"") + tail + b"\n}\n", end=True)


class Manifest:
    """manifest.json: every output file with its SHA-256.

    The bytes are those of json.dumps(doc, sort_keys=True, indent=1), written line by line:
    with an indent, json falls back to its pure-Python encoder (0.3 s for 50,000 files). A
    `serve` session keeps one as its record of what is on disk, and changes only the lines of
    the files it rewrote.
    """

    _QUOTE = json.JSONEncoder(ensure_ascii=False).encode

    def __init__(self, hashes: dict[str, str] | None = None):
        self.hashes: dict[str, str] = {}  # path → sha256
        self._lines: dict[str, bytes] = {}  # path → its line, UTF-8
        # The paths in order, in blocks of about BLOCK, each block's lines kept joined until
        # one of them changes: a one-target edit at 10,000 targets rewrites about 40 of 50,000
        # lines, and a new or removed path changes one block (joining every line anew took
        # 50-110 ms). None until the bytes are first asked for.
        self._blocks: list[list[str]] | None = None
        self._firsts: list[str] = []  # each block's first path
        self._joined: list[bytes | None] = []
        for path, digest in (hashes or {}).items():
            self[path] = digest

    BLOCK = 128

    def get(self, path: str) -> str | None:
        return self.hashes.get(path)

    def __setitem__(self, path: str, digest: str) -> None:
        if not self._blocks:
            self._blocks = None  # joined afresh when asked
        else:
            k = self._block_of(path)
            if path not in self._lines:
                bisect.insort(self._blocks[k], path)
                self._firsts[k] = self._blocks[k][0]
                if len(self._blocks[k]) > 2 * self.BLOCK:  # split in two
                    half = self._blocks[k][self.BLOCK :]
                    del self._blocks[k][self.BLOCK :]
                    self._blocks.insert(k + 1, half)
                    self._firsts.insert(k + 1, half[0])
                    self._joined.insert(k + 1, None)
            self._joined[k] = None
        self.hashes[path] = digest
        self._lines[path] = f"  {self._QUOTE(path)}: {self._QUOTE(digest)}".encode()

    def __delitem__(self, path: str) -> None:
        del self.hashes[path]
        del self._lines[path]
        if self._blocks:
            k = self._block_of(path)
            self._blocks[k].remove(path)
            if self._blocks[k]:
                self._firsts[k], self._joined[k] = self._blocks[k][0], None
            else:
                del self._blocks[k], self._firsts[k], self._joined[k]

    def _block_of(self, path: str) -> int:
        """The block that holds `path`, or where it goes."""
        return max(bisect.bisect_right(self._firsts, path) - 1, 0)

    def join(self) -> list[bytes]:
        """Each block's lines, joined; kept until a line changes. A session calls it after
        its full build, so that its first edit does not sort 50,000 paths."""
        if self._blocks is None:
            order, size = sorted(self._lines), self.BLOCK
            self._blocks = [order[k : k + size] for k in range(0, len(order), size)]
            self._firsts = [block[0] for block in self._blocks]
            self._joined = [None] * len(self._blocks)
        lines = self._lines
        for k, joined in enumerate(self._joined):
            if joined is None:
                self._joined[k] = b",\n".join([lines[p] for p in self._blocks[k]])
        return self._joined  # type: ignore[return-value]

    def bytes(self, commit: str | None) -> bytes:
        blocks = self.join()
        pieces: list[bytes] = [b'{\n "files": ']
        if blocks:  # one copy of every line: the blocks with their separators, joined once
            pieces.append(b"{\n")
            for block in blocks:
                pieces += (block, b",\n")
            pieces[-1] = b"\n }"
        else:
            pieces.append(b"{}")
        pieces += (
            b',\n "generator": "hedong-open",\n "source_commit": ',
            self._QUOTE(commit).encode(),
        )
        pieces.append(b"\n}\n")
        return b"".join(pieces)


def published_files(out_dir: Path) -> set[str] | None:
    """The files the site in out_dir was built with (its manifest.json), or None when there is
    no such site (a fresh clone) or its manifest cannot be read."""
    try:
        doc = json.loads((out_dir / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = doc.get("files") if isinstance(doc, dict) else None
    return {str(path) for path in files} if isinstance(files, dict) else None


def stage(out_dir: Path, fill: Callable[[Path], None]) -> None:
    """Let `fill` write a whole site into a temp folder beside out_dir, then swap it in.

    If `fill` raises (or the process dies), out_dir is untouched and the temp folder removed.
    """
    out_dir = Path(os.path.abspath(out_dir))
    _check_replaceable(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        fill(tmp)
        tmp.chmod(0o755)
        _swap(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _check_replaceable(out_dir: Path) -> None:
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise OutputError(f"{out_dir} exists and is not a folder")
    if any(out_dir.iterdir()) and not (out_dir / MARKER).is_file():
        raise OutputError(
            f"{out_dir} is not empty and was not made by this generator; "
            "choose another --out folder"
        )


def _swap(new: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        os.rename(new, out_dir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    old.rmdir()
    os.rename(out_dir, old)
    try:
        os.rename(new, out_dir)
    except BaseException:
        os.rename(old, out_dir)  # put the previous site back
        raise
    shutil.rmtree(old, ignore_errors=True)


def template_cache(folder: Path) -> jinja2.BytecodeCache:
    """Jinja's compiled templates, kept in `folder` between runs (keyed by the templates'
    source): a cold process compiles the site's templates in ~0.4 s, loads them in ~0.05 s.
    Falls back to the system's temporary folder when `folder` cannot be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir()) / "hedong-open-jinja"
        folder.mkdir(exist_ok=True)
    return _TemplateCache(str(folder))


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, each file read whole: Bucket.load_bytecode's
    marshal.load(file) reads a compiled template piece by piece through Python calls (18 ms
    for the 45 templates of a build, 5 ms read whole). The same checks (Jinja's magic bytes,
    the template source's checksum) and the same code."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            with open(self._get_cache_filename(bucket), "rb") as f:
                data = f.read()
        except OSError:
            return
        stream = io.BytesIO(data)
        try:
            if stream.read(len(bc_magic)) != bc_magic or pickle.load(stream) != bucket.checksum:
                return  # another Jinja or Python, or an edited template: compiled again
            bucket.code = marshal.loads(data[stream.tell() :])
        except (EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()
