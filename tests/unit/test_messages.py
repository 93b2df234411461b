"""Every problem message has a Chinese form; --lang and the locale choose the language."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.load import load
from generator.messages import default_lang, hint_zh, message_zh
from generator.validate import validate
from tests.casefile import INVALID, make_content, read_case

CASES = sorted(INVALID.glob("*.txt"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_fixture_message_translates(path: Path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = make_content(tmp_path, read_case(path).files)
    _, problems = validate(load(content))
    assert problems
    for p in problems:
        assert message_zh(p.message), f"no Chinese for message: {p.message}"
        if p.hint:
            assert hint_zh(p.hint), f"no Chinese for hint: {p.hint}"


def test_lang_option_prints_chinese(content):
    (content / "targets" / "farmers.yaml").write_text(
        (content / "targets" / "farmers.yaml").read_text().replace("agriculture", "agricultur")
    )
    result = CliRunner().invoke(cli, ["--lang", "zh", "validate"])
    assert result.exit_code == 1
    expected = "content/targets/farmers.yaml:2:10: 未知的报告部分“agricultur”；提示："
    assert expected + "是否应为“agriculture”？" in result.stderr
    assert "发现 1 个问题" in result.stderr


def test_the_locale_chooses_the_language(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert default_lang() == "zh"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert default_lang() == "en"
