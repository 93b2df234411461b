"""Property tests: random and mutated content never breaks the generator.

Whatever is fed in, `validate` and `build` either succeed or print FILE:LINE:COL lines and
exit 1: never a traceback, never a hang, never a damaged previous site.
"""

import hashlib
import re
import shutil
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import cli
from tests.casefile import MINIMAL

LINE = re.compile(r"^[^:\s]+:\d+:\d+: \S")
TARGET = (MINIMAL / "targets" / "farmland.yaml").read_text(encoding="utf-8")
REPORT = (MINIMAL / "report" / "zh.md").read_text(encoding="utf-8")
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run(tmp: Path, target: str | None = None, report: str | None = None) -> tuple[int, str]:
    """Build a copy of the minimal content with one file replaced over a previous good site."""
    work = tmp / "work"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(MINIMAL, work / "content")
    runner = CliRunner()
    import os

    cwd = os.getcwd()
    os.chdir(work)
    try:
        assert runner.invoke(cli, ["build", "--no-search", "--out", "out"]).exit_code == 0
        before = snapshot(work / "out")
        if target is not None:
            (work / "content" / "targets" / "farmland.yaml").write_text(target, encoding="utf-8")
        if report is not None:
            (work / "content" / "report" / "zh.md").write_text(report, encoding="utf-8")
        result = runner.invoke(cli, ["build", "--no-search", "--out", "out"])
        if result.exit_code != 0:
            assert snapshot(work / "out") == before, "a failed build changed the site"
        return result.exit_code, result.stderr
    finally:
        os.chdir(cwd)


def check(code: int, stderr: str) -> None:
    assert code in (0, 1), stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    if code == 1:
        lines = [ln for ln in stderr.splitlines() if not ln.startswith(("✗", "!"))]
        assert lines and all(LINE.match(ln) for ln in lines), lines


@SETTINGS
@given(st.text(max_size=400))
def test_any_text_as_a_target_file(tmp_path, text):
    check(*run(tmp_path, target=text))


@SETTINGS
@given(st.data())
def test_mutated_target_files(tmp_path, data):
    """Delete, duplicate or replace a slice of a valid file, or insert YAML-ish noise."""
    text = TARGET
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(text)))
        j = data.draw(st.integers(i, min(len(text), i + 40)))
        noise = data.draw(
            st.sampled_from(
                [
                    "",
                    ":",
                    "- ",
                    "  ",
                    "\t",
                    "{",
                    "[",
                    "'",
                    '"',
                    "&a ",
                    "*a",
                    "!!python/object ",
                    "\n",
                    ": x\n",
                    "-1",
                    ".nan",
                    "1e999",
                    "\u202e",
                    "<script>",
                    "javascript:",
                    "yes",
                    "null",
                    "~",
                    "2021-02-30",
                    "? ",
                    "%YAML 1.1\n",
                    "--- \n",
                ]
            )
        )
        text = text[:i] + noise + text[j:]
    check(*run(tmp_path, target=text))


@SETTINGS
@given(
    st.text(alphabet=st.sampled_from(list("{#p-1}[].lead*<>\n 新建农田50万亩#`|-:")), max_size=300)
)
def test_any_markdown_as_the_report(tmp_path, text):
    check(*run(tmp_path, report=REPORT + "\n" + text))
