"""Every class of content mistake gives FILE:LINE:COL lines, all of them, and exit status 1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.casefile import INVALID, make_content, read_case

CASES = sorted(INVALID.glob("*.txt"))
LINE = re.compile(r"^[^:\s]+:\d+:\d+: \S")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_invalid_case(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = read_case(path)
    monkeypatch.chdir(tmp_path)
    make_content(tmp_path, case.files)
    result = CliRunner().invoke(cli, ["validate"])
    lines = result.stderr.splitlines()
    problems = [line for line in lines if not line.startswith("✗")]
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert all(LINE.match(line) for line in problems), problems
    assert problems == case.expect, "\n".join(problems)


def test_every_case_expects_something() -> None:
    assert len(CASES) >= 20
    for path in CASES:
        assert read_case(path).expect, f"{path.name} has no expected lines"
