"""Shared fixtures: a writable copy of the minimal content, a CLI runner, the repo root."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.casefile import make_content

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/fixtures/minimal at tmp/content, with tmp as the working directory,
    so messages name files as a staff member sees them: content/targets/x.yaml."""
    monkeypatch.chdir(tmp_path)
    return make_content(tmp_path)


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages follow HEDONG_LANG, site.yaml's staff_lang or the system locale; tests pin
    English (the minimal fixture sets no staff_lang) unless they pass --lang."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "HEDONG_LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
