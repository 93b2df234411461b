"""The scan for input-method slips names them where YAML's syntax is, and leaves Chinese
text alone: full-width punctuation inside values is the text's own."""

import re
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
        # lines without a colon that YAML reads as text, not as keys that lack one
        "note: |\n  status in progress\n  more text\nid: x\n",  # a block of text
        "note: >\n  status in progress\nid: x\n",
        "note: Train at least\n  six thousand farmers\nid: x\n",  # text over two lines
        "note:\n  six thousand\n  farmers\nid: x\n",
        'note: "Train at least\n  six thousand farmers"\nid: x\n',  # a quoted value
        "note: 'Train\nsix thousand'\nid: x\n",
        "counties: [yanhu,\n  yongji]\nid: x\n",
        "# status in progress\nid: x\n# title 运城\n",  # comments
        "counties:\n  - yanhu\n  - all of them\nid: x\n",  # list items
        "- some text\n- c: d\n",
        "- c: d\n- some text\n",
        "title: plain text # a comment\nid: x\n",
        "url: https://example.org/a:b\nid: x\n",
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
        # a key without its colon, or without the space after it: at the key, not a line late
        ("id: x\ntitle 运城市新建学校\nchecked: 2022-03-01\n", [(2, 1)]),
        ("id: x\ntitle 运城市新建学校\n", [(2, 1)]),  # the last line
        ("title 运城市新建学校\nid: x\n", [(1, 1)]),  # the first line
        ("updates:\n  - date: 2021-12-31\n    status in_progress\n", [(3, 5)]),
        ("updates:\n  - date 2021-12-31\n    status: achieved\n", [(2, 5)]),
        ("title:\n  zh 培育\n  en: Train\n", [(2, 3)]),
        ("source:\n  title: a\n  url: b\nstatus achieved\n", [(4, 1)]),
        ("id: x\nunit {zh: 人, en: people}\n", [(2, 1)]),
        ("id: x\nstatus:achieved\n", [(2, 1)]),
        ("id: x\nstatus　achieved\n", [(2, 1)]),  # a full-width space for the colon
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


def _key_lines(text: str):
    for number, line in enumerate(text.split("\n")):
        found = re.match(r"( *(?:- )*)([A-Za-z_][A-Za-z0-9_-]*): (\S.*)$", line)
        if found:
            yield number, found


def test_a_key_without_its_colon_is_named_at_the_key_and_only_where_yaml_refuses_it():
    """Every key line of (a tenth of) the real content, typed without its colon or without the
    space after it: the scan names that key, at its line and column, unless libyaml reads the
    line as a key of its own (a quoted value holding ': '); and what the scan names, libyaml
    never reads as the staff member meant."""
    files = sorted((ROOT / "content").rglob("*.yaml"))[::10]
    named = missed = 0
    for path in files:
        lines = path.read_text(encoding="utf-8-sig").split("\n")
        for number, key in _key_lines("\n".join(lines)):
            for code, between in (("no_colon", " "), ("no_space", ":")):
                typed = key[1] + key[2] + between + key[3]
                text = "\n".join([*lines[:number], typed, *lines[number + 1 :]])
                slips = scan(text)
                try:
                    value = yamlnodes.parse(text, "x").value
                except yamlnodes.YamlProblem:
                    value = None
                if not slips:
                    missed += 1
                    assert value is not None, typed  # libyaml read it: a key of its own
                    continue
                named += 1
                assert [(s.line, s.col, s.message.code) for s in slips] == [
                    (number + 1, len(key[1]) + 1, code)
                ], typed
                assert value is None or key[2] not in _keys(value), typed
    assert named > 500 and missed < named / 100, (named, missed)


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()
