"""Property tests: random and mutated content never breaks the generator.

Whatever is fed in, load and validate either give the model or name every problem as a
`FILE:LINE:COL` line that can be written in both languages: never an exception, never a hang.
The examples run in process (load + validate, milliseconds each); one build-level test checks
what the command adds on top: a mutated file that validates builds, one that does not prints
`FILE:LINE:COL` lines, exits 1 and leaves the previous site byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import cli
from generator.errors import Diagnostic
from generator.load import load
from generator.validate import validate
from tests.built import read_tree
from tests.casefile import MINIMAL

LINE = re.compile(r"^[^:\s]+:\d+:\d+: \S")
TARGET = (MINIMAL / "targets" / "farmland.yaml").read_text(encoding="utf-8")
REPORT = (MINIMAL / "report" / "zh.md").read_text(encoding="utf-8")
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    # the `content` fixture is one folder for all examples: each example rewrites the one file
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NOISE = [
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


def mutate(data: st.DataObject, text: str) -> str:
    """Delete, duplicate or replace a slice of `text`, or insert YAML-ish noise, 1-3 times."""
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(text)))
        j = data.draw(st.integers(i, min(len(text), i + 40)))
        text = text[:i] + data.draw(st.sampled_from(NOISE)) + text[j:]
    return text


def check(content: Path) -> list[Diagnostic]:
    """Load and validate `content`: the model, or errors that name where and what, in English
    and Chinese. Returns the problems."""
    site, problems = validate(load(content))
    errors = [p for p in problems if p.severity == "error"]
    assert (site is None) == bool(errors), problems
    for problem in problems:
        for lang in ("en", "zh"):
            line = problem.format(lang)
            assert LINE.match(line), line
            assert "\n" not in line, line
    return problems


@SETTINGS
@given(text=st.text(max_size=400))
def test_any_text_as_a_target_file(content: Path, text: str) -> None:
    (content / "targets" / "farmland.yaml").write_text(text, encoding="utf-8")
    check(content)


@SETTINGS
@given(data=st.data())
def test_mutated_target_files(content: Path, data: st.DataObject) -> None:
    (content / "targets" / "farmland.yaml").write_text(mutate(data, TARGET), encoding="utf-8")
    check(content)


@SETTINGS
@given(
    text=st.text(
        alphabet=st.sampled_from(list("{#p-1}[].lead*<>\n 新建农田50万亩#`|-:")), max_size=300
    )
)
def test_any_markdown_as_the_report(content: Path, text: str) -> None:
    (content / "report" / "zh.md").write_text(REPORT + "\n" + text, encoding="utf-8")
    check(content)


def test_the_build_of_a_mutated_file_succeeds_or_leaves_the_previous_site(
    runner, content, tmp_path
):
    build = ["build", "--no-search", "--out", "out"]
    assert runner.invoke(cli, build).exit_code == 0
    target = content / "targets" / "farmland.yaml"
    # valid, but hostile to every later stage: markup and a script URL in a title
    target.write_text(
        TARGET.replace("Build at least", "<script>alert(1)</script> javascript: Build"),
        encoding="utf-8",
    )
    assert not [p for p in check(content) if p.severity == "error"]
    result = runner.invoke(cli, build)
    assert result.exit_code == 0, result.output
    before = read_tree(tmp_path / "out")
    # a slice of the file duplicated where a key was: invalid
    broken = TARGET.replace("updates:", "updates:\n" + TARGET[:60], 1)
    target.write_text(broken, encoding="utf-8")
    assert check(content)
    result = runner.invoke(cli, build)
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "internal error" not in result.output
    lines = [ln for ln in result.stderr.splitlines() if not ln.startswith(("✗", "!"))]
    assert lines and all(LINE.match(ln) for ln in lines), lines
    assert read_tree(tmp_path / "out") == before, "a failed build changed the site"
