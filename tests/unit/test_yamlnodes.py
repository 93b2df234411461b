"""YAML loading keeps positions and refuses what PyYAML would accept silently."""

import pytest

from generator.yamlnodes import YamlProblem, parse


def test_values_and_positions_are_kept():
    doc = parse("id: x\ntitle:\n  zh: 标题\n  en: Title\nn: 3\n", "f.yaml")
    assert doc.value == {"id": "x", "title": {"zh": "标题", "en": "Title"}, "n": 3}
    assert doc.at(("title", "en")) == (4, 7)
    assert doc.key_at(("title",)) == (2, 1)


def test_dates_stay_text_so_the_validator_can_judge_them():
    assert parse("d: 2021-12-31\n", "f").value == {"d": "2021-12-31"}


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("a: 1\na: 2\n", 2, "duplicate key 'a'"),
        ("a: &x [1]\nb: *x\n", 1, "aliases"),
        ("a: !!python/object:os.system x\n", 1, "tag"),
        ("a: !custom x\n", 1, "tag"),
        ("<<: {a: 1}\n", 1, "keys must be plain"),
        ("", 1, "empty"),
        ("x: " + "[" * 40 + "]" * 40 + "\n", 1, "nesting"),
    ],
)
def test_refusals_name_the_line(text, line, message):
    with pytest.raises(YamlProblem) as info:
        parse(text, "f.yaml")
    assert info.value.line == line
    assert message in info.value.message


def test_a_huge_nesting_does_not_crash():
    with pytest.raises(YamlProblem):
        parse("[" * 100_000 + "]" * 100_000, "f")


def test_long_strings_are_refused():
    with pytest.raises(YamlProblem, match="longer than"):
        parse("a: " + "x" * 30_000 + "\n", "f")
