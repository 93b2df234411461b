"""Realistic staff mistakes, each made on a copy of the real content with a built site/:
what `build` says (exit status, the Chinese message exactly), whether its FILE:LINE:COL is
where the mistake is, and whether site/ stayed untouched (its manifest and every file).

    .venv/bin/python scripts/staff_mistakes.py [--out docs/staff-mistakes.md] [--only KEY …]

Every mistake starts from the staff guide's own edit (docs/staff-guide.md, step 2: an update
added to farmland-high-standard), as a staff member following the guide would. The files are
found by name wherever the content keeps them, so the script works with either layout.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
OUT = ROOT / "docs" / "staff-mistakes.md"
LINE = re.compile(r"^(?P<file>[^:]+?):(?P<line>\d+):(?P<col>\d+): (?P<text>.*)$")

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the table beside this script
from mistake_list import EDITED, GOOD, MISTAKES, Mistake  # noqa: E402


def target(content: Path, name: str) -> Path:
    (path,) = content.rglob(f"targets/{name}.yaml")
    return path


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def position(text: str, at: str, last: bool = False) -> tuple[int, int]:
    """Line and column (from 1, in characters) of the first character of `at` in `text`."""
    index = text.rindex(at) if last else text.index(at)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def positions(text: str, mistake: Mistake) -> list[tuple[int, int]]:
    """Where the mistake is: one place, or each of several."""
    if mistake.at is None:
        return []
    places = (mistake.at,) if isinstance(mistake.at, str) else mistake.at
    return [position(text, at, mistake.last) for at in places]


def cli(folder: Path, *args: str) -> tuple[int, list[str]]:
    result = subprocess.run(
        [str(PYTHON), "-m", "generator", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        env={k: v for k, v in os.environ.items() if k != "HEDONG_LANG"},
    )
    printed = result.stdout + result.stderr
    if "Traceback" in printed or "internal error" in printed or "内部错误" in printed:
        sys.exit(f"the generator failed on its own:\n{printed}")
    return result.returncode, [ln for ln in printed.splitlines() if ln.strip()]


@dataclass
class Outcome:
    mistake: Mistake
    code: int
    zh: list[str]
    en: list[str]
    where: str  # exact, or what differs
    untouched: bool
    changed: list[str]  # the files of site/ that differ after the build


def judge(lines: list[str], path: str, expected: list[tuple[int, int]]) -> str:
    """Whether a problem line points at the mistake: exact when one gives its FILE:LINE:COL;
    for a mistake of the whole file (no place in it), when one names the file."""
    found = [m for m in map(LINE.match, lines) if m]
    if not found:
        return "none"
    mine = [(int(m["line"]), int(m["col"])) for m in found if m["file"] == path]
    if not mine:
        return f"other:{found[0]['file']}"
    if not expected:
        return "file"
    if set(mine) & set(expected):
        return "exact"
    (line, col), (want_line, want_col) = mine[0], expected[0]
    return f"off:{line}:{col}:{want_line}:{want_col}"


def run(mistake: Mistake, base: Path, work: Path, usual: set[str]) -> Outcome:
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(base / "content", work / "content")
    shutil.copytree(base / "site", work / "site")
    path = target(work / "content", mistake.file)
    shown = path.relative_to(work).as_posix()
    text = path.read_text(encoding="utf-8")
    new = mistake.change(text)
    expected: list[tuple[int, int]] = []
    if new is None:
        path.unlink()
    elif mistake.key == "file-copy":
        copy = path.with_name(f"{path.stem} - 副本.yaml")
        copy.write_text(text, encoding="utf-8")
        shown = copy.relative_to(work).as_posix()
        expected = [position(text, EDITED)]
    elif isinstance(new, bytes):
        path.write_bytes(new)
    else:
        path.write_text(new, encoding="utf-8")
        expected = positions(new, mistake)
    before = tree(work / "site")
    manifest = (work / "site" / "manifest.json").read_bytes()
    code, zh = cli(work, "--lang", "zh", "build", "--no-search")
    zh = [ln for ln in zh if ln not in usual and not ln.startswith(("✓", "✗"))]
    after = tree(work / "site")
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    untouched = (work / "site" / "manifest.json").read_bytes() == manifest and not changed
    _, en = cli(work, "--lang", "en", "build", "--no-search")
    en = [ln for ln in en if ln not in usual and not ln.startswith(("✓", "✗"))]
    return Outcome(mistake, code, zh, en, judge(zh, shown, expected), untouched, changed)


def prepare(base: Path) -> set[str]:
    """The real content with the guide's edit, and its site built. Returns the lines every
    build prints (warnings about the site as a whole), left out of each mistake's lines."""
    shutil.copytree(ROOT / "content", base / "content")
    path = target(base / "content", EDITED)
    text = path.read_text(encoding="utf-8")
    assert text.rstrip("\n").endswith("updates: []")
    path.write_text(text.rstrip("\n")[: -len("updates: []")] + GOOD, encoding="utf-8")
    code, zh = cli(base, "--lang", "zh", "build", "--no-search")
    assert code == 0, zh
    code, en = cli(base, "--lang", "en", "build", "--no-search")
    assert code == 0, en
    return {ln for ln in zh + en if not ln.startswith(("✓", "✗"))}


def cell(lines: list[str]) -> str:
    """The lines printed, each as code, one under another in a table cell."""
    codes = ["`" + ln.replace("|", "\\|").replace("`", "'") + "`" for ln in lines]
    return "<br>".join(codes) or "—"


WHERE = {
    "zh": {
        "exact": "准确",
        "file": "文件（整个文件的问题）",
        "none": "—",
        "off": "指向 {0}:{1}，错误在 {2}:{3}",
        "other": "指向另一个文件 {0}",
    },
    "en": {
        "exact": "exact",
        "file": "the file (a whole-file mistake)",
        "none": "—",
        "off": "points at {0}:{1}, the mistake is at {2}:{3}",
        "other": "points at another file, {0}",
    },
}


def where(code: str, lang: str) -> str:
    kind, *values = code.split(":", 1 if code.startswith("other:") else 4)
    return WHERE[lang][kind].format(*values)


HEAD = {
    "zh": (
        "## 中文\n\n"
        "每一行是一个常见错误，做在真实内容的副本上：先照[员工指南](staff-guide.md)第 2 步"
        "加好一条进展并生成 `site/`，再犯这个错误，然后运行"
        " `python -m generator --lang zh build --no-search`。"
        "“位置”：某一条提示的 `文件:行:列` 是否正好指向出错的字符（整个文件的问题：是否指出这个"
        "文件）。“site/ 未动”：生成前后 `site/manifest.json` 和每个文件是否完全相同。退出状态为 0"
        " 的几行不是错误或只是警告，网站照常生成。\n\n"
        "最后一栏是检查这类错误的测试（`tests/fixtures/invalid/` 中的文件名，或测试文件）。\n\n"
        "| # | 错误 | 退出状态 | 提示（中文原文） | 位置 | site/ 未动 | 测试 |\n"
        "|---|---|---|---|---|---|---|\n"
    ),
    "en": (
        "## English\n\n"
        "Each row is a common mistake made on a copy of the real content: first the update of"
        " step 2 of the [staff guide](staff-guide.md), with `site/` built, then the mistake, then"
        ' `python -m generator --lang en build --no-search`. "Position": whether a message\'s'
        " `FILE:LINE:COL` points exactly at the character that is wrong (for a mistake of the"
        ' whole file: whether one names the file). "site/ untouched": whether'
        " `site/manifest.json` and every file are the same after. The rows with exit status 0"
        " are not mistakes or only warnings: the site is built as usual.\n\n"
        "The last column is the test of its kind (a case of `tests/fixtures/invalid/`, or a test"
        " file).\n\n"
        "| # | mistake | exit status | message | position | site/ untouched | test |\n"
        "|---|---|---|---|---|---|---|\n"
    ),
}


def table(outcomes: list[Outcome], lang: str) -> str:
    rows = []
    for n, o in enumerate(outcomes, 1):
        place = where(o.where, lang)
        kept = {"zh": "是" if o.untouched else "否", "en": "yes" if o.untouched else "no"}[lang]
        if o.code == 0:  # built: site/ is meant to change (and templates may change meanwhile)
            kept = {"zh": "—（照常生成）", "en": "— (built)"}[lang]
        what = o.mistake.zh if lang == "zh" else o.mistake.en
        lines = o.zh if lang == "zh" else o.en
        test = f"`{o.mistake.case}`"
        rows.append(f"| {n} | {what} | {o.code} | {cell(lines)} | {place} | {kept} | {test} |\n")
    return HEAD[lang] + "".join(rows)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args(argv)
    chosen = [m for m in MISTAKES if not args.only or m.key in args.only]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        base.mkdir()
        usual = prepare(base)
        outcomes = []
        for mistake in chosen:
            outcome = run(mistake, base, Path(tmp) / "work", usual)
            kept = "untouched" if outcome.untouched else f"changed: {outcome.changed[:5]}"
            print(f"{mistake.key}: exit {outcome.code}, {outcome.where}, site {kept}")
            outcomes.append(outcome)
    text = (
        "# 员工常见错误及提示 · What staff mistakes look like\n\n"
        "*由 `scripts/staff_mistakes.py` 生成，请勿手改。Made by `scripts/staff_mistakes.py`;"
        " do not edit by hand.*\n\n" + table(outcomes, "zh") + "\n" + table(outcomes, "en")
    )
    if not args.only:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
