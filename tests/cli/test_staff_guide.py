"""docs/staff-guide.md, followed as written on a copy of the real content.

The guide marks its boxes with a comment line (`<!-- guide: run -->`, `edit FILE`, `answers`,
`output`, `example`). Each `run` box is typed into a shell in a folder holding a copy of
content/ (a git checkout, as staff have it) and must succeed; the `edit` box is applied to its
file the way step 2 says; the `answers` are typed into `new`; every `output` box must match
what the command before it printed, numbers and versions aside. The walk is done once with the
site's default language (Chinese, from site.yaml) against the Chinese half, and once with
HEDONG_LANG=en against the English half; both halves must hold the same commands.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import socket
import subprocess
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "staff-guide.md"
BOX = re.compile(r"^<!-- guide: (\w+)(?: ([^>]*?))? -->\n```(\w+)\n(.*?)^```$", re.M | re.S)
SERVER = "/srv/www/hedong/"  # the guide's example of the web server's folder
GIT = {
    "GIT_AUTHOR_NAME": "staff",
    "GIT_AUTHOR_EMAIL": "staff@example.org",
    "GIT_COMMITTER_NAME": "staff",
    "GIT_COMMITTER_EMAIL": "staff@example.org",
}


@dataclass
class Box:
    kind: str  # run, edit, answers, output, example
    arg: str  # the file of an edit box; `new` for the run box of the new command
    body: str


def halves() -> dict[str, list[Box]]:
    """The marked boxes of the Chinese half and of the English half, in order."""
    text = GUIDE.read_text(encoding="utf-8")
    zh, en = text.split("\n## 中文\n", 1)[1].split("\n## English\n", 1)
    return {
        lang: [Box(m[1], m[2] or "", m[4]) for m in BOX.finditer(half)]
        for lang, half in (("zh", zh), ("en", en))
    }


def pattern(line: str) -> re.Pattern[str]:
    """A line of an output box as a pattern: each run of figures (counts, seconds, sizes, a
    commit) stands for any run of figures; the rest is literal."""
    parts = re.split(r"\d[\w.…-]*", line)
    return re.compile(r"[\w.-]+".join(re.escape(p) for p in parts))


def shown(box: Box, printed: str) -> None:
    """Every line of an output box is a line the command printed."""
    lines = printed.replace("✓", "\n✓").splitlines()  # after new's last prompt, too
    for want in box.body.splitlines():
        assert any(pattern(want).fullmatch(got) for got in lines), (want, printed)


def apply_update(path: Path, box: str) -> None:
    """Step 2: a last line `updates: []` is replaced by the box; otherwise the box's lines from
    `- date:` on go below the last update."""
    text = path.read_text(encoding="utf-8")
    if text.rstrip("\n").endswith("\nupdates: []"):
        text = text.rstrip("\n")[: -len("updates: []")] + box
    else:
        assert "\nupdates:\n" in text
        text = text.rstrip("\n") + "\n" + box.split("\n", 1)[1]
    path.write_text(text, encoding="utf-8")


def test_both_halves_have_the_same_boxes() -> None:
    boxes = halves()
    assert [(b.kind, b.arg) for b in boxes["zh"]] == [(b.kind, b.arg) for b in boxes["en"]]
    for zh, en in zip(boxes["zh"], boxes["en"], strict=True):
        if zh.kind != "output":
            assert zh.body == en.body, (zh.body, en.body)
    kinds = {b.kind for b in boxes["zh"]}
    assert {"run", "edit", "answers", "output", "example"} <= kinds


def test_the_example_links_are_in_the_content() -> None:
    """Step 8's example is the real content's: each file named in the box says its line."""
    for box in (b for b in halves()["zh"] if b.kind == "example"):
        lines = box.body.splitlines()
        for name, line in zip(lines[::2], lines[1::2], strict=True):
            path = ROOT / name.removeprefix("# ")
            assert line in path.read_text(encoding="utf-8").splitlines(), (path, line)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Walk:
    """A staff member's folder: the real content (a git checkout, as staff have it, unless
    `git=False`), the generator's venv."""

    def __init__(self, root: Path, lang: str, git: bool = True) -> None:
        self.root = root
        self.env = dict(os.environ, **GIT)
        if lang == "en":
            self.env["HEDONG_LANG"] = "en"  # the same as --lang en before each command
        (root / ".venv").symlink_to(ROOT / ".venv")
        self.server = root / "server"
        self.server.mkdir()
        shutil.copytree(ROOT / "content", root / "content")
        if git:  # what build records as the site's commit (verify needs none)
            for command in ("git init -q", "git add content", "git commit -q -m content"):
                self.shell(command)

    def command(self, line: str) -> str:
        return line.replace(SERVER, f"{self.server}/")

    def shell(self, line: str, stdin: str = "", code: int = 0) -> str:
        result = subprocess.run(
            self.command(line),
            shell=True,
            cwd=self.root,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
        )
        printed = result.stdout + result.stderr
        assert result.returncode == code, (line, printed)
        assert "Traceback" not in printed
        return printed

    def serve(self, line: str, page: str) -> str:
        """Start the preview as the guide says (on a free port rather than 8000), read the page
        once it is served, and stop it with Ctrl+C."""
        port = free_port()
        proc = subprocess.Popen(
            f"exec {self.command(line)} --port {port}",
            shell=True,
            cwd=self.root,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            # Ctrl+C as in a staff member's terminal: a test run before this one may have left
            # SIGINT ignored in pytest's process, and a child would inherit that
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        out = b""
        try:
            assert proc.stdout is not None
            # read from the pipe itself: a buffered readline could take the address line into
            # its buffer with the line before it, and select() would then wait for nothing
            while f":{port}/".encode() not in out:
                ready, _, _ = select.select([proc.stdout.fileno()], [], [], 120)
                assert ready, out.decode("utf-8", "replace")
                chunk = os.read(proc.stdout.fileno(), 65536)
                assert chunk, out.decode("utf-8", "replace")
                out += chunk
            printed = out.decode("utf-8")
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{page}") as response:
                html = response.read().decode("utf-8")
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(30)
        return printed + html


@pytest.mark.slow  # three builds and a preview a language: about 25 s of CPU
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_guide_works_as_written(lang: str, tmp_path: Path) -> None:
    boxes = halves()[lang]
    walk = Walk(tmp_path, lang)
    edited: Path | None = None
    note = ""
    new_line = ""
    printed = ""
    for box in boxes:
        if box.kind == "edit":
            edited = tmp_path / box.arg
            apply_update(edited, box.body)
            note = re.search(rf"^\s+{lang}: (.+)$", box.body, re.M)[1].strip('"')
        elif box.kind == "answers":  # typed into new, one answer a line
            printed = walk.shell(new_line, stdin=box.body + "\n")
            assert edited is not None
            assert (edited.parent / f"{box.body.splitlines()[0]}.yaml").is_file()
        elif box.kind == "output":
            shown(box, printed)
        elif box.kind == "run" and box.arg == "new":
            (new_line,) = box.body.splitlines()  # run with the answers of the box after it
        elif box.kind == "run":
            (line,) = box.body.splitlines()
            if " serve" in line:
                assert edited is not None
                printed = walk.serve(line, f"{lang}/targets/{edited.stem}/")
                assert note in printed  # the preview shows the update just added
            else:
                printed = walk.shell(line)
    # the site has the update, the copy on the server is verified, the new file is valid
    assert edited is not None and new_line
    page = tmp_path / "site" / lang / "targets" / edited.stem / "index.html"
    assert note in page.read_text(encoding="utf-8")
    assert (walk.server / "manifest.json").is_file()
    walk.shell(".venv/bin/python -m generator validate")


def test_verify_names_what_to_delete_on_the_server(tmp_path: Path, real_site_dir: Path) -> None:
    """Step 6: a page left on the server from an earlier site is named by verify as the guide
    says; once it is deleted, verify passes. The site is the real content's as `build
    --no-search` writes it, built once for the test run (the walks above build it themselves)."""
    walk = Walk(tmp_path, "zh", git=False)
    (tmp_path / "site").symlink_to(real_site_dir)  # only read: `cp -r site/. …` copies it
    runs = [b.body.strip() for b in halves()["zh"] if b.kind == "run"]
    copy, verify = (line for line in runs if line.startswith("cp ") or " verify " in line)
    walk.shell(copy)
    old = walk.server / "zh" / "targets" / "old-commitment" / "index.html"
    old.parent.mkdir(parents=True)
    old.write_text("<p>old</p>", encoding="utf-8")
    printed = walk.shell(verify, code=1)
    assert "zh/targets/old-commitment/index.html：清单中没有此文件（生成后才加入）" in printed
    assert "：清单中没有此文件（生成后才加入）" in GUIDE.read_text(encoding="utf-8")
    old.unlink()
    walk.shell(verify)
