"""Invalid-content cases as small text files (hugo's txtar + markdown-it-py's fixture files).

    # what the case shows
    -- content/targets/x.yaml --
    file text that replaces (or adds) this file in a copy of tests/fixtures/minimal
    -- expect --
    content/targets/x.yaml:3:10: the exact line validate prints
    -- expect.zh --
    content/targets/x.yaml:3:10: the same line with --lang zh

Adding a check means adding one file (`WRITE=1 python -m tests.fill_expect CASE` fills in
both expectations from what validate prints now, for review).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MINIMAL = HERE / "fixtures" / "minimal"
INVALID = HERE / "fixtures" / "invalid"
_HEADER = re.compile(r"^-- (.+?) --$", re.M)


@dataclass
class Case:
    name: str
    files: dict[str, str]
    expect: list[str]
    expect_zh: list[str]


def read_case(path: Path) -> Case:
    text = path.read_text(encoding="utf-8")
    parts = _HEADER.split(text)
    files: dict[str, str] = {}
    expect: dict[str, list[str]] = {"expect": [], "expect.zh": []}
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        body = body[1:] if body.startswith("\n") else body
        if name in expect:
            expect[name] = [line for line in body.splitlines() if line.strip()]
        else:
            files[name] = body
    return Case(path.stem, files, expect["expect"], expect["expect.zh"])


_SAVED_AS = re.compile(r"(.+) \((utf-16|gb18030)\)")


def make_content(root: Path, files: dict[str, str] | None = None) -> Path:
    """Copy the minimal fixture to root/content and apply the case's files. A case may start
    from another folder of tests/fixtures/ instead: `-- fixture --` with its name (two-reports).
    `-- delete --` lists files of the fixture to remove, one a line; a file named with
    ` (utf-16)` or ` (gb18030)` after it is saved in that encoding (Notepad's "Unicode", with its
    byte-order mark, or "ANSI" on Chinese Windows) instead of UTF-8."""
    content = root / "content"
    files = dict(files or {})
    base = files.pop("fixture", "").strip()
    shutil.copytree(HERE / "fixtures" / base if base else MINIMAL, content)
    for name in filter(None, files.pop("delete", "").splitlines()):
        (root / name).unlink()
    for name, body in files.items():
        saved = _SAVED_AS.fullmatch(name)
        path = root / (saved[1] if saved else name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body.encode(saved[2] if saved else "utf-8"))
    return content
