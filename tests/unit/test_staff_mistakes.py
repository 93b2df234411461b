"""scripts/staff_mistakes.py and docs/staff-mistakes.md: every mistake it makes names the test
of its kind, which exists, and the committed table has a row for each in both languages."""

from __future__ import annotations

import importlib.util
import sys

from tests.conftest import ROOT

INVALID = ROOT / "tests" / "fixtures" / "invalid"


def script():
    spec = importlib.util.spec_from_file_location(
        "staff_mistakes", ROOT / "scripts" / "staff_mistakes.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_every_mistake_names_a_test_that_exists() -> None:
    mistakes = script().MISTAKES
    assert len(mistakes) >= 25
    assert len({m.key for m in mistakes}) == len(mistakes)
    for m in mistakes:
        path = ROOT / m.case if "/" in m.case else INVALID / f"{m.case}.txt"
        assert path.is_file(), (m.key, m.case)


def test_the_table_has_every_mistake_in_both_languages() -> None:
    doc = (ROOT / "docs" / "staff-mistakes.md").read_text(encoding="utf-8")
    zh, en = doc.split("\n## 中文\n", 1)[1].split("\n## English\n", 1)
    for m in script().MISTAKES:
        assert f"| {m.zh} |" in zh, m.key
        assert f"| {m.en} |" in en, m.key
    rows = [line for line in zh.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == len(script().MISTAKES)
