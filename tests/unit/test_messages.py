"""Every problem message has a Chinese form; --lang and the locale choose the language."""

import re
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


def _unknown_section(content: Path) -> None:
    farmers = content / "targets" / "farmers.yaml"
    farmers.write_text(farmers.read_text().replace("agriculture", "agricultur"))


ZH_LINE = "content/targets/farmers.yaml:2:10: 未知的报告部分“agricultur”"
EN_LINE = "content/targets/farmers.yaml:2:10: unknown section 'agricultur'"


def test_site_yaml_chooses_the_staff_language_on_an_english_server(content, monkeypatch):
    """LANG=C.UTF-8 (conftest), as on a server: staff_lang: zh in site.yaml gives Chinese;
    HEDONG_LANG and --lang override it."""
    _unknown_section(content)
    site = content / "site.yaml"
    site.write_text(site.read_text() + "staff_lang: zh\n")
    runner = CliRunner()
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 1 and ZH_LINE in result.stderr
    assert "发现 1 个问题" in result.stderr
    assert EN_LINE in runner.invoke(cli, ["--lang", "en", "validate"]).stderr
    monkeypatch.setenv("HEDONG_LANG", "en")
    assert EN_LINE in runner.invoke(cli, ["validate"]).stderr
    assert ZH_LINE in runner.invoke(cli, ["--lang", "zh", "validate"]).stderr
    site.write_text(site.read_text().replace("staff_lang: zh", "staff_lang: en"))
    monkeypatch.setenv("HEDONG_LANG", "zh")
    assert ZH_LINE in runner.invoke(cli, ["validate"]).stderr


def test_the_staff_language_follows_the_content_folder_given(content, tmp_path):
    other = tmp_path / "other"
    make_content(other)
    (other / "content" / "site.yaml").write_text(
        (other / "content" / "site.yaml").read_text() + "staff_lang: zh\n"
    )
    _unknown_section(other / "content")
    result = CliRunner().invoke(cli, ["build", "--content", "other/content", "--out", "x"])
    assert "未知的报告部分“agricultur”" in result.stderr
    assert not (tmp_path / "x").exists()


def test_staff_lang_counts_even_when_site_yaml_has_a_mistake(content):
    site = content / "site.yaml"
    site.write_text("staff_lang: zh\n" + site.read_text().replace("title:", "title：", 1))
    result = CliRunner().invoke(cli, ["validate"])
    assert "content/site.yaml:2:6: 键“title”后面是全角冒号“：”" in result.stderr


def test_staff_lang_is_zh_or_en(content):
    site = content / "site.yaml"
    site.write_text(site.read_text() + "staff_lang: fr\n")
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert (
        "content/site.yaml:8:13: staff_lang: 'fr' is not allowed; hint: expected one of: en, zh"
    ) in result.stderr


def test_the_real_site_sets_chinese_for_staff():
    from tests.conftest import ROOT

    site, problems = validate(load(ROOT / "content"))
    assert site is not None, [p.format() for p in problems]
    assert site.info.staff_lang == "zh"


def _zh_lines(case: str, tmp_path, monkeypatch) -> list[str]:
    tmp_path.mkdir()
    monkeypatch.chdir(tmp_path)
    make_content(tmp_path, read_case(INVALID / f"{case}.txt").files)
    result = CliRunner().invoke(cli, ["--lang", "zh", "validate"])
    assert result.exit_code == 1
    return [line for line in result.stderr.splitlines() if not line.startswith("✗")]


def test_input_method_slips_in_chinese(tmp_path, monkeypatch):
    assert _zh_lines("fullwidth-colon", tmp_path / "a", monkeypatch) == [
        "content/targets/farmers.yaml:10:11: 键“status”后面是全角冒号“：”；"
        "提示：把全角冒号“：”改成英文冒号“:”",
        "content/targets/farmers.yaml:11:14: 键“zh”后面是全角冒号“：”；"
        "提示：把全角冒号“：”改成英文冒号“:”",
    ]
    assert _zh_lines("fullwidth-comma", tmp_path / "b", monkeypatch) == [
        "content/targets/farmers.yaml:4:25: 键“en”前面是全角逗号“，”；"
        "提示：把全角逗号“，”改成英文逗号“,”",
        "content/targets/farmers.yaml:5:19: [ ] 列表的各项之间是全角逗号“，”；"
        "提示：把全角逗号“，”改成英文逗号“,”",
    ]
    assert _zh_lines("fullwidth-space", tmp_path / "c", monkeypatch) == [
        "content/targets/farmers.yaml:2:9: “section:”后面是全角空格“　”；"
        "提示：把全角空格换成半角空格",
        "content/targets/farmers.yaml:5:1: 缩进中有全角空格“　”；"
        "提示：请用半角空格缩进（把输入法切换到半角）",
        "content/targets/farmers.yaml:11:4: “-”后面是全角空格“　”；提示：把全角空格换成半角空格",
    ]
    assert _zh_lines("fullwidth-marks", tmp_path / "d", monkeypatch) == [
        "content/targets/farmers.yaml:6:11: “counties:”后面是全角括号“［”；"
        "提示：把全角符号“［”改成英文符号“[”",
        "content/targets/farmers.yaml:9:3: 列表项开头的“－”是全角横线；"
        "提示：把全角符号“－”改成英文符号“-”",
    ]
    assert _zh_lines("curly-quotes", tmp_path / "e", monkeypatch)[0] == (
        "content/targets/farmers.yaml:12:14: “title”的值两边是中文引号“”：YAML 不把它们当作引号，"
        '它们会作为文字的一部分发布出去；提示：请删除中文引号，或改用英文引号 " "'
    )
    assert _zh_lines("updates-after-empty-list", tmp_path / "f", monkeypatch) == [
        "content/targets/farmers.yaml:9:10: “updates: []”表示空的内容，下面的行不属于它；"
        "提示：请删除“updates:”后面的“[]”，下面的行才会成为它的内容"
    ]


def test_dates_and_comparators_read_in_chinese():
    assert message_zh("updates[0].date: expected a date YYYY-MM-DD, found text") == (
        "updates[0].date：应为日期 YYYY-MM-DD，实际为文字"
    )
    assert message_zh(
        "status is achieved, but the figure 100000 does not meet the target (at least 500000)"
    ) == ("状态为“已完成”，但数值 100000 未达到目标（不少于 500000）")
    assert message_zh("status is missed, but the figure 9 meets the target (at most 10)") == (
        "状态为 missed，但数值 9 已达到目标（不超过 10）"
    )


def test_the_chinese_build_summary_has_no_english(content):
    result = CliRunner().invoke(cli, ["--lang", "zh", "build", "--out", "out"])
    assert result.exit_code == 0, result.output
    (line,) = [ln for ln in result.stdout.splitlines() if ln.startswith("✓")]
    assert line.startswith("✓ 已生成 ")
    assert not re.search(r"[A-Za-z]{2,}", line.replace("MB", "").replace("out/", "")), line


def test_a_hint_of_two_hints_is_translated_in_both_parts():
    assert (
        hint_zh("expected one of: en, zh; quote the text: a comma in {zh: …, en: …} splits it")
        == "可选值：en, zh；请给文字加引号：{zh: …, en: …} 中的逗号会把文字拆开"
    )
    assert hint_zh("did you mean 'en'?; quote the text: a comma in {zh: …, en: …} splits it") == (
        "是否应为“en”？；请给文字加引号：{zh: …, en: …} 中的逗号会把文字拆开"
    )
    assert hint_zh("only quantity targets have a number; use kind: quantity") == (
        "只有量化指标有数值；请用 kind: quantity"
    )
