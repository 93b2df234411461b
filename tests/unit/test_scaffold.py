"""`python -m generator new`: a new target file, checked before it is written, never over one."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest

from generator import yamlnodes
from generator.cli import cli
from generator.load import load
from generator.scaffold import SCHEMA_LINE, new_command, render, scalar
from generator.schema import target_schema
from generator.validate import validate

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^[^:\s]+:\d+:\d+: \S")
FLAGS = [
    "--no-input",
    "--id",
    "farmer-training",
    "--section",
    "agriculture",
    "--theme",
    "farmland",
    "--paragraph",
    "p-1-1",
    "--quote",
    "培育高素质农民6000人以上",
    "--title-zh",
    "培育高素质农民6000人以上",
    "--title-en",
    "Train at least 6,000 farmers",
    "--kind",
    "quantity",
    "--target",
    "6000",
    "--comparator",
    "at_least",
    "--unit-zh",
    "人",
    "--unit-en",
    "people",
    "--counties",
    "yanhu,ruicheng",
]


def flags(**changes: str | None) -> list[str]:
    """FLAGS with some values changed (None drops the flag)."""
    out: list[str] = []
    it = iter(FLAGS[1:])
    for flag, value in zip(it, it, strict=True):
        key = flag[2:].replace("-", "_")
        value = changes.get(key, value)
        if value is not None:
            out += [flag, value]
    return ["--no-input", *out]


def problems(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if not line.startswith("✗")]


def test_a_valid_target_is_written_and_then_validates(runner, content):
    result = runner.invoke(new_command, FLAGS, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "wrote content/targets/farmer-training.yaml" in result.stdout
    path = content / "targets" / "farmer-training.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    assert "# 标题 / Short title\ntitle:\n" in text
    assert "# 完成期限 / Date the commitment is due, YYYY-MM-DD\ndeadline: 2021-12-31\n" in text
    site, found = validate(load(content))
    assert site is not None, [p.format() for p in found]
    made = next(t for t in site.targets if t.id == "farmer-training")
    assert made.title.en == "Train at least 6,000 farmers"
    assert made.counties == ("yanhu", "ruicheng")
    assert (made.metric.kind, made.metric.target, made.metric.unit.zh) == ("quantity", 6000, "人")
    assert made.updates == ()
    value = yamlnodes.parse(text, "x").value
    assert list(jsonschema.Draft202012Validator(target_schema()).iter_errors(value)) == []


def test_a_quote_not_in_the_paragraph_is_refused_and_nothing_is_written(runner, content):
    before = sorted(p.name for p in (content / "targets").iterdir())
    result = runner.invoke(new_command, flags(quote="培育高素质农民6000人以下"))
    assert result.exit_code == 1
    assert problems(result) == [
        "content/targets/farmer-training.yaml:19:10: quote not found in paragraph p-1-1 "
        "(content/report/zh.md:5); hint: the paragraph has “…农民6000人以【上】” where the quote "
        "has “…农民6000人以【下】” (【】 marks what differs); copy the paragraph's words"
    ]
    assert "nothing was written" in result.stderr
    assert sorted(p.name for p in (content / "targets").iterdir()) == before


def test_an_existing_id_is_refused_and_the_file_kept(runner, content):
    path = content / "targets" / "farmers.yaml"
    before = path.read_bytes()
    result = runner.invoke(new_command, flags(id="farmers"))
    assert result.exit_code == 1
    assert problems(result) == [
        "content/targets/farmers.yaml:1:1: a target with id 'farmers' "
        "already exists; hint: choose another id, or edit that file"
    ]
    assert path.read_bytes() == before


def test_unknown_ids_get_suggestions_and_all_problems_are_listed(runner, content):
    result = runner.invoke(
        new_command,
        flags(
            section="agricultur",
            kind="milestone",
            comparator=None,
            unit_zh=None,
            unit_en=None,
            counties="all,ruichen",
        ),
    )
    assert result.exit_code == 1
    found = problems(result)
    assert all(LINE.match(line) for line in found), found
    assert found == [
        "content/targets/farmer-training.yaml:7:10: unknown section 'agricultur'; "
        "hint: did you mean 'agriculture'?",
        "content/targets/farmer-training.yaml:25:3: 'target' does not apply when kind is "
        "'milestone'; hint: only quantity targets have a number; use kind: quantity",
        "content/targets/farmer-training.yaml:27:11: 'all' cannot be combined with county ids; "
        "hint: write [all] alone, or list the counties",
        "content/targets/farmer-training.yaml:27:17: unknown county 'ruichen'; "
        "hint: did you mean 'ruicheng'?",
    ]
    assert not (content / "targets" / "farmer-training.yaml").exists()


def test_a_bad_id_is_explained_and_never_becomes_a_path(runner, content, tmp_path):
    result = runner.invoke(new_command, flags(id="../escape"))
    assert result.exit_code == 1
    assert "id: '../escape' is not valid" in result.stderr
    assert not (tmp_path / "escape.yaml").exists() and not (content / "escape.yaml").exists()


def test_no_input_names_the_missing_flag(runner, content):
    result = runner.invoke(new_command, flags(title_en=None))
    assert result.exit_code == 2
    assert "Missing option '--title-en'" in result.stderr
    assert not (content / "targets" / "farmer-training.yaml").exists()


def test_quantity_flags_are_needed_only_for_quantities(runner, content):
    result = runner.invoke(new_command, flags(kind="quantity", unit_en=None))
    assert result.exit_code == 2 and "Missing option '--unit-en'" in result.stderr
    result = runner.invoke(
        new_command,
        flags(kind="qualitative", target=None, comparator=None, unit_zh=None, unit_en=None),
    )
    assert result.exit_code == 0, result.output
    text = (content / "targets" / "farmer-training.yaml").read_text(encoding="utf-8")
    assert "metric:\n  # quantity | milestone | qualitative\n  kind: qualitative\n" in text
    assert "#    value:" not in text  # the update example has no figure


def test_missing_answers_on_a_closed_stdin_are_a_usage_error(runner, content):
    result = runner.invoke(new_command, ["--id", "farmer-training"], input="")
    assert result.exit_code == 2
    assert "Missing option '--section'" in result.stderr


def test_prompts_ask_for_what_is_missing(runner, content):
    answers = [
        "farmer-training",  # id
        "agriculture",  # section
        "farmland",  # theme
        "培育高素质农民",  # title zh
        "Train: farmers, #1",  # title en (needs quotes in YAML)
        "",  # paragraph: the theme's paragraph p-1-1 is the default
        "培育高素质农民6000人以上",  # quote
        "quantity",  # kind
        "6000",  # target
        "",  # comparator: at_least
        "人",  # unit zh
        "people",  # unit en
        "",  # counties: all
    ]
    result = runner.invoke(
        new_command,
        ["--deadline", "2021-06-30"],
        input="\n".join(answers) + "\n",
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    # English was chosen (conftest): the lists name sections, themes and counties in English
    assert "  Sections:\n    agriculture  Agriculture\n    tourism  Tourism\n" in result.stdout
    assert "  Themes:\n    farmland  Farmland\n" in result.stdout
    assert "p-1-1: 打造农业强市。新建高标准农田" in result.stdout  # the paragraph to quote from
    counties = "    all (the whole city), yanhu Yanhu District, ruicheng Ruicheng County\n"
    assert "  Counties:\n" + counties in result.stdout
    assert "Short title in Chinese: " in result.stdout
    site, found = validate(load(content))
    assert site is not None, [p.format() for p in found]
    made = next(t for t in site.targets if t.id == "farmer-training")
    assert made.title.en == "Train: farmers, #1"
    assert (made.paragraph, made.metric.comparator, made.counties) == (
        "p-1-1",
        "at_least",
        ("all",),
    )
    assert str(made.deadline) == "2021-06-30"


def test_an_invalid_choice_is_asked_again(runner, content):
    args = flags(kind=None)[1:]  # without --no-input
    result = runner.invoke(new_command, args, input="quantty\nmilestone\n")
    assert (
        "  ✗ metric.kind: 'quantty' is not allowed; hint: did you mean 'quantity'?; answer again"
    ) in result.stderr
    assert result.exit_code == 1  # milestone with a target is then refused by the validator
    assert "'target' does not apply" in result.stderr


def test_a_wrong_answer_is_asked_again_alone_and_every_other_answer_is_kept(runner, content):
    """As a staff member answers, in Chinese: names instead of ids, a figure with 万, a quote
    pasted from the printed report (full-width ，), a county the target does not have."""
    answers = [
        "farmers",  # id: exists
        "farmer-training",
        "农业",  # section, by its Chinese name
        "农田",  # theme, by part of its Chinese name
        "培育高素质农民",
        "Train farmers",
        "",  # paragraph: the theme's
        "以上，培育高素质农民6000人以下",  # not the report's words
        "以上，培育高素质农民6000人以上",  # the report's words, full-width comma
        "定量",  # kind: quantity
        "6000万",
        "6000",
        "以上",  # comparator: at_least
        "人",
        "people",
        "盐湖区，运城",  # 运城 is not a county
        "盐湖区，芮城",
    ]
    result = runner.invoke(
        cli, ["--lang", "zh", "new"], input="\n".join(answers) + "\n", catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "  ✗ 编号为“farmers”的承诺已经存在；提示：请换一个编号，或直接修改那个文件；请重新输入",
        "  ✗ 在段落 p-1-1（content/report/zh.md:5）中找不到这段引文；提示：段落原文是"
        "“…农民6000人以【上】”，引文却是“…农民6000人以【下】”（【】标出不同之处）；请照原文复制；"
        "请重新输入",
        "  ✗ metric.target：应为数值，实际为文字；提示：只写数字：6000万 即 60000000；请重新输入",
        "  ✗ 未知的县（市、区）“运城”；提示：可选值：all, ruicheng, yanhu；请重新输入",
    ]
    assert result.stdout.count("标题（中文）：") == 1  # nothing else was asked twice
    # in Chinese the lists use the Chinese names staff know, and no question is in English
    assert "  报告部分：\n    agriculture  （一） 农业\n    tourism  （二） 旅游\n" in result.stdout
    assert "  主题：\n    farmland  农田建设\n" in result.stdout
    assert "  县（市、区）：\n    all 全市，yanhu 盐湖区，ruicheng 芮城县\n" in result.stdout
    site, found = validate(load(content))
    assert site is not None, [p.format() for p in found]
    made = next(t for t in site.targets if t.id == "farmer-training")
    assert (made.section, made.theme, made.paragraph) == ("agriculture", "farmland", "p-1-1")
    assert made.quote == "以上,培育高素质农民6000人以上"  # as the report writes it
    assert (made.metric.kind, made.metric.target, made.metric.comparator) == (
        "quantity",
        6000,
        "at_least",
    )
    assert made.counties == ("yanhu", "ruicheng")
    assert "✓ 已写入 content/targets/farmer-training.yaml" in result.stdout


def test_what_only_the_validator_finds_is_asked_again_too(runner, content):
    args = flags(title_zh="农" * 301)[1:]  # without --no-input: the title is too long
    result = runner.invoke(new_command, args, input="培育高素质农民\n", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "  ✗ title.zh: longer than 300 characters; hint: shorten it; answer again" in (
        result.stderr
    )
    site, _ = validate(load(content))
    assert next(t for t in site.targets if t.id == "farmer-training").title.zh == "培育高素质农民"


def test_no_other_answer_to_a_wrong_one_writes_nothing(runner, content):
    result = runner.invoke(new_command, flags(section="nope")[1:], input="")
    assert result.exit_code == 1
    assert "unknown section 'nope'" in result.stderr and "nothing was written" in result.stderr
    assert not (content / "targets" / "farmer-training.yaml").exists()


GUIDE_UPDATE = """\
  - date: 2021-12-31            # 这条进展所说情况的日期
    status: achieved            # 见下表
    value: 6000                 # 量化指标的完成数（只写数字）
    note:
      zh: 全年培育高素质农民6000人。
      en: "6,000 farmers were trained in 2021."
    source:                     # “已完成”“未完成”必须有来源
      title: "运城市2022年政府工作报告"
      url: "https://www.yuncheng.gov.cn/..."
"""


def test_the_new_file_takes_an_update_the_way_the_staff_guide_says(runner, content):
    """docs/staff-guide.md: add the update under `updates:` at the end of the file; nothing
    to remove first (the file has no `updates: []`)."""
    guide = (ROOT / "docs" / "staff-guide.md").read_text(encoding="utf-8")
    assert "在文件末尾的 `updates:` 下面" in guide and "updates:\n  - date: 2021-12-31" in guide
    assert runner.invoke(new_command, FLAGS).exit_code == 0
    path = content / "targets" / "farmer-training.yaml"
    text = path.read_text(encoding="utf-8")
    assert "updates: []" not in text and "\nupdates:\n  # " in text
    site, found = validate(load(content))
    assert site is not None and next(t for t in site.targets if t.id == "farmer-training")
    path.write_text(text + GUIDE_UPDATE, encoding="utf-8")
    site, found = validate(load(content))
    assert site is not None, [p.format() for p in found]
    made = next(t for t in site.targets if t.id == "farmer-training")
    assert [(u.status, u.value) for u in made.updates] == [("achieved", 6000)]
    # and so does the commented example, once the # in front of its lines are removed
    lines = text.splitlines()
    example = [
        ln.replace("  # ", "  ", 1) if ln.startswith(("  # -", "  #   ")) else ln for ln in lines
    ]
    path.write_text("\n".join(example) + "\n", encoding="utf-8")
    site, found = validate(load(content))
    assert site is not None, [p.format() for p in found]
    made = next(t for t in site.targets if t.id == "farmer-training")
    assert [(u.status, u.value, u.source.title) for u in made.updates] == [
        ("in_progress", 0, "来源标题")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "no",
        "2021",
        "1e3",
        "null",
        "~",
        "a: b",
        "a #b",
        "#x",
        " lead",
        "trail ",
        "'q'",
        '"q"',
        "[x]",
        "{x}",
        "- x",
        "@x",
        "a,b",
        "x\ny",
        "",
        "2021-12-31",
        "培育，高素质：农民",
        "\\",
        "tab\there",
        "&a",
        "*a",
        "!x",
        "%x",
        "? x",
        "|",
        ">",
    ],
)
def test_every_value_reads_back_as_written(text):
    for flow in (False, True):
        written = scalar(text, flow=flow)
        doc = f"k: [{written}]\n" if flow else f"k: {written}\n"
        assert yamlnodes.parse(doc, "x").value == {"k": [text] if flow else text}


def test_plain_values_stay_plain():
    assert scalar("培育高素质农民6000人以上") == "培育高素质农民6000人以上"
    assert scalar("2021-12-31") == "2021-12-31"
    assert scalar(6000) == "6000" and scalar(2.5) == "2.5"
    assert scalar("yes") == '"yes"' and scalar("a, b", flow=True) == '"a, b"'


def test_render_is_deterministic_and_documents_every_field():
    value = {
        "id": "x",
        "section": "s",
        "theme": "t",
        "title": {"zh": "标", "en": "T"},
        "source": {"paragraph": "p-1-1", "quote": "q"},
        "metric": {"kind": "milestone"},
        "counties": ["all"],
        "deadline": "2021-12-31",
        "updates": [],
    }
    text = render(value)
    assert text == render(value)
    for field in [
        "id",
        "section",
        "theme",
        "title",
        "source",
        "metric",
        "counties",
        "deadline",
        "updates",
    ]:
        line = text.splitlines().index(
            next(ln for ln in text.splitlines() if ln.startswith(f"{field}:"))
        )
        assert text.splitlines()[line - 1].startswith("# "), field
    assert yamlnodes.parse(text, "x").value == {**value, "updates": None}  # `updates:`
