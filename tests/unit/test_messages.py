"""Diagnostics come from the one catalogue in both languages; --lang and the locale choose.

Every invalid case file (tests/fixtures/invalid/) holds its Chinese lines beside its English
ones and is run in both by test_invalid_content.py; this file checks the catalogue itself:
every message id the code uses exists, every id in diagnostics.yaml is used, and both
languages of each entry take the same values.
"""

import ast
import re
import string
from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.catalogue import FOLDER, catalogue
from generator.cli import cli
from generator.errors import Diagnostic, Msg, Pos, did_you_mean
from generator.messages import default_lang
from tests.casefile import make_content
from tests.conftest import ROOT


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


def test_the_real_site_sets_chinese_for_staff(real_model):
    assert real_model.info.staff_lang == "zh"


def test_the_chinese_build_summary_has_no_english(content):
    result = CliRunner().invoke(cli, ["--lang", "zh", "build", "--out", "out"])
    assert result.exit_code == 0, result.output
    (line,) = [ln for ln in result.stdout.splitlines() if ln.startswith("✓")]
    assert line.startswith("✓ 已生成 ")
    assert not re.search(r"[A-Za-z]{2,}", line.replace("MB", "").replace("out/", "")), line


# -- the diagnostics catalogue -------------------------------------------------------------

DIAGNOSTICS = FOLDER / "diagnostics.yaml"
# calls that take a message id: callee → (positions of the id and of the hint, keyword names)
_CALLS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "Diagnostic": ((1, 3), ("code", "hint")),
    "Msg": ((0,), ("code",)),
    "at": ((2, 4), ("code", "hint")),  # validate's Base.at(doc, path, code, args, hint)
    "add": ((2, 4), ("code", "hint")),  # Base.add(file, line, code, args, hint)
    "problem": ((1, 3), ("code", "hint")),  # check.Checker.problem(path, code, args, hint)
    "_problem": ((0, 2), ("code", "hint")),  # scaffold
    "_type": ((3,), ("hint",)),  # check.Checker._type(spec, value, path, hint)
    "of": ((2,), ("hint",)),  # Diagnostic.of(pos, msg, hint)
    "Str": ((), ("hint",)),  # spec.Str(hint=…)
    "RequireWhen": ((), ("hint",)),
}
# names whose assigned strings are message ids (`hint = "…"`, `code, hint = …`, tables)
_NAMES = re.compile(r"^(hint|code|names|NAMES|_COMPARATORS|_SAID|SAVE_AS_UTF8|_[A-Z]+_HINT)$")


def _strings(node: ast.AST | None) -> set[str]:
    """The string constants an expression can give: itself, either side of `a if c else b`,
    `a or b`, the items of a tuple, the values of a dict."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body) | _strings(node.orelse)
    if isinstance(node, ast.BoolOp):
        return set().union(*(_strings(v) for v in node.values))
    if isinstance(node, ast.Tuple):
        return set().union(set(), *(_strings(e) for e in node.elts))
    if isinstance(node, ast.Dict):
        return set().union(set(), *(_strings(v) for v in node.values))
    return set()


def used_ids(source: str) -> set[str]:
    """Every message id a module's code names: the id and hint arguments of the calls above,
    and what is assigned to names that hold ids."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in _CALLS:
                positions, keywords = _CALLS[name]
                for i in positions:
                    if i < len(node.args):
                        found |= _strings(node.args[i])
                for kw in node.keywords:
                    if kw.arg in keywords:
                        found |= _strings(kw.value)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t for target in targets for t in ast.walk(target) if isinstance(t, ast.Name)]
            if any(_NAMES.match(n.id) for n in names):
                found |= _strings(node.value)
    return found


def _sources() -> dict[str, str]:
    return {
        p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "generator").rglob("*.py"))
    }


def _diagnostic_keys() -> dict[str, dict[str, str]]:
    return yaml.safe_load(DIAGNOSTICS.read_text(encoding="utf-8"))


def test_every_message_id_the_code_uses_is_in_the_catalogue():
    known = set(catalogue().entries)
    missing = {
        f"{name}: {key}"
        for name, source in _sources().items()
        for key in used_ids(source)
        if key and key not in known and (key in _diagnostic_keys() or "." in key or "_" in key)
    }
    assert not missing, sorted(missing)


def test_the_check_finds_ids_in_each_kind_of_call():
    source = (
        "Diagnostic(pos, 'a_code', {}, 'a_code.hint')\n"
        "self.at(doc, path, 'b' if x else 'c', None, hint='d')\n"
        "hint = did_you_mean(x, y) or Msg('e')\n"
        "code, hint = 'f', SAVE_AS_UTF8\n"
        "Str(pattern='x', hint='g')\n"
        "text('not.a.diagnostic', 'zh')\n"
    )
    assert used_ids(source) == {"a_code", "a_code.hint", "b", "c", "d", "e", "f", "g"}


def test_every_diagnostic_in_the_catalogue_is_used():
    constants = {
        node.value
        for source in _sources().values()
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    unused = sorted(set(_diagnostic_keys()) - constants)
    assert not unused, f"not used by generator/: {unused}"


_NOT_WORDS = {"hint.join", "yaml.said", "yaml.while"}  # "；", libyaml's words, "A（B）"


def test_both_languages_take_the_same_values_and_the_chinese_is_chinese():
    fields = string.Formatter()
    for key, entry in _diagnostic_keys().items():
        names = {
            lang: {f for _, f, _, _ in fields.parse(entry[lang]) if f is not None}
            for lang in ("zh", "en")
        }
        assert names["zh"] == names["en"], f"{key}: {names}"
        zh = entry["zh"]
        # Chinese words, except where the text is a separator or a value shown as it is
        assert re.search(r"[\u3400-\u9fff]", zh) or key in _NOT_WORDS, f"{key}: {zh}"
        # ASCII ( ) ; only inside code, {fields} or quoted YAML
        prose = re.sub(r"`[^`]*`|\{\{.*?\}\}|\{\w+\}|“[^”]*”", "", zh)
        assert not re.search(r"[();]", prose), f"{key}: {zh}"


def test_a_diagnostic_is_written_in_either_language_from_one_entry():
    problem = Diagnostic(
        Pos("content/targets/x.yaml", 3, 10),
        "unknown_section",
        {"name": "agricultur"},
        did_you_mean("agricultur", ["agriculture", "tourism"]),
    )
    assert problem.format("en") == (
        "content/targets/x.yaml:3:10: unknown section 'agricultur'; "
        "hint: did you mean 'agriculture'?"
    )
    assert problem.format("zh") == (
        "content/targets/x.yaml:3:10: 未知的报告部分“agricultur”；提示：是否应为“agriculture”？"
    )
    assert problem.message == "unknown section 'agricultur'"


def test_values_that_are_words_are_written_in_the_same_language():
    """A type, a comparator or a mark named inside a message is itself a message."""
    problem = Diagnostic(
        Pos("f.yaml", 1, 1),
        "achieved_below_target",
        {"value": "100000", "target": "500000", "comparator": Msg("compared.at_least")},
        "achieved_below_target.hint",
    )
    assert problem.text("zh") == "状态为“已完成”，但数值 100000 未达到目标（不少于 500000）"
    assert problem.text("en") == (
        "status is achieved, but the figure 100000 does not meet the target (at least 500000)"
    )
    date = Diagnostic(Pos("f.yaml"), "not_a_date", {"label": "date", "found": Msg("found.text")})
    assert date.text("zh") == "date：应为日期 YYYY-MM-DD，实际为文字"


def test_a_hint_of_two_hints_is_written_in_both_parts():
    problem = Diagnostic(
        Pos("f.yaml", 4, 43),
        "unknown_field",
        {"label": "title.000 farmers"},
        (did_you_mean("000 farmers", ["zh", "en"]), Msg("hint.comma_splits")),
    )
    assert problem.format("en").endswith(
        "; hint: expected one of: en, zh; quote the text: a comma in {zh: …, en: …} splits it"
    )
    assert problem.format("zh").endswith(
        '；提示：可选值：en, zh；请给文字加英文引号 "…"：{zh: …, en: …} 中的逗号会把文字拆开'
    )


def test_warnings_say_so_in_both_languages():
    warning = Diagnostic(Pos("content/site.yaml"), "no_contact", severity="warning")
    assert warning.format("en").startswith("content/site.yaml:1:1: warning: no contact in site")
    assert warning.format("zh").startswith("content/site.yaml:1:1: 警告：site.yaml 中没有联系方式")


def test_diagnostics_sort_by_place_then_english_text_and_stay_hashable():
    a = Diagnostic(Pos("f.yaml", 2, 1), "unknown_county", {"name": "b"})
    b = Diagnostic(Pos("f.yaml", 2, 1), "unknown_county", {"name": "a"})
    c = Diagnostic(Pos("f.yaml", 1, 5), "unknown_section", {"name": "z"})
    assert sorted([a, b, c, a]) == [c, b, a, a]
    assert len({a, b, c, Diagnostic(Pos("f.yaml", 2, 1), "unknown_county", {"name": "b"})}) == 3
