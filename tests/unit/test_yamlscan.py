"""The scan for input-method slips names them where YAML's syntax is, and leaves Chinese
text alone: full-width punctuation inside values is the text's own."""

from pathlib import Path

import pytest

from generator import yamlnodes
from generator.yamlscan import scan

ROOT = Path(__file__).resolve().parents[2]


def where(text: str) -> list[tuple[int, int]]:
    return [(s.line, s.col) for s in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        'note:\n  zh: 目标：全年完成，超额完成。\n  en: "Aim: done, ahead"\n',
        'note: {zh: 全年完成51.2万亩，超额完成任务, en: "Done, ahead of plan"}\n',
        "title: {zh: “三个强市”建设, en: x}\n",
        "source:\n  quote: “三个强市”\n",  # the report's own words keep their quotation marks
        "text: “合(和)汽(气)生材(财)”\n",
        'title: "“高素质”农民：培训，技能"\n',
        "title: '它''s：，'\n",
        "note: |\n  说明：a，b\n  status： x\n  　indented\nid: x\n",
        "updates: []\nchecked: 2022-03-01\n",
        "updates:\n  # - date: 2021-06-30\nchecked: 2022-03-01\n",
        "url: https://example.org/a：b\n",
        "search: {zh: [农民培训, 高素质农民], en: [farmer training]}\n",
    ],
)
def test_values_and_valid_syntax_are_left_alone(text):
    assert scan(text) == []


@pytest.mark.parametrize(
    "text, places",
    [
        ("status： achieved\n", [(1, 7)]),
        ("updates:\n  - date： 2021-12-31\n", [(2, 9)]),
        ("title: {zh: 说明,\n  en： x}\n", [(2, 5)]),  # a { } over two lines
        ("note: |\n  说明\nstatus： x\n", [(3, 7)]),  # after a block of text
        ('note: "a\n  b"\nstatus： x\n', [(3, 7)]),  # after a quoted value on two lines
        ("counties: [yanhu，yongji，xiaxian]\n", [(1, 17), (1, 24)]),
        ("updates: []\n\n  # new\n  - date: 2021-12-31\n", [(1, 10)]),
        ("  updates: {}\n    x: 1\n", [(1, 12)]),
    ],
)
def test_slips_are_named_where_they_are(text, places):
    assert where(text) == places


def test_every_slip_is_a_file_libyaml_would_misread_or_refuse():
    """What the scan flags never parses as the staff member meant."""
    for text in ["status： achieved\n", "a:\n　b: 1\n", "counties: [a，b]\n"]:
        try:
            value = yamlnodes.parse(text, "x").value
        except yamlnodes.YamlProblem:
            continue
        assert value not in ({"status": "achieved"}, {"a": {"b": 1}}, {"counties": ["a", "b"]})


def test_the_real_content_has_no_slips():
    files = sorted((ROOT / "content").rglob("*.yaml"))
    assert len(files) > 100
    found = {f.name: scan(f.read_text(encoding="utf-8-sig")) for f in files}
    assert {name: slips for name, slips in found.items() if slips} == {}
