"""Every class of content mistake gives FILE:LINE:COL lines, all of them, and exit status 1, in
English and in Chinese: each case file holds both (`-- expect --`, `-- expect.zh --`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.casefile import INVALID, make_content, read_case

CASES = sorted(INVALID.glob("*.txt"))
LINE = re.compile(r"^[^:]+:\d+:\d+: \S")  # a file name may hold spaces (Windows copies)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_invalid_case(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = read_case(path)
    monkeypatch.chdir(tmp_path)
    make_content(tmp_path, case.files)
    for lang, expect in (("en", case.expect), ("zh", case.expect_zh)):
        result = CliRunner().invoke(cli, ["--lang", lang, "validate"])
        problems = [line for line in result.stderr.splitlines() if not line.startswith("✗")]
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert all(LINE.match(line) for line in problems), problems
        assert problems == expect, "\n".join(problems)


def test_every_case_expects_something_in_both_languages() -> None:
    assert len(CASES) >= 20
    for path in CASES:
        case = read_case(path)
        assert case.expect, f"{path.name} has no expected lines"
        assert len(case.expect_zh) == len(case.expect), f"{path.name}: -- expect.zh --"
