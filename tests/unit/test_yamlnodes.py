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


def test_a_file_read_from_disk_is_read_again_for_positions(tmp_path):
    file = tmp_path / "t.yaml"
    file.write_text("id: a\ntitle:\n  zh: 标题\n", encoding="utf-8")
    doc = parse(file.read_text(encoding="utf-8"), "content/targets/t.yaml", str(file))
    assert doc.text == ""  # not held: 100,000 files' texts took about 150 MB
    assert doc.at(("title", "zh")) == (3, 7)


def test_a_file_changed_since_it_was_parsed_gives_no_wrong_positions(tmp_path):
    file = tmp_path / "t.yaml"
    file.write_text("id: a\ntitle:\n  zh: 标题\n", encoding="utf-8")
    doc = parse(file.read_text(encoding="utf-8"), "t.yaml", str(file))
    file.write_text("\n\n\nid: a\ntitle:\n  zh: 标题\n", encoding="utf-8")
    assert doc.at(("title", "zh")) == (1, 1)  # the start of the file, not line 3 of another text


def test_a_file_in_windows_line_endings_gets_its_positions(tmp_path):
    file = tmp_path / "t.yaml"
    file.write_bytes("\ufeffid: a\r\ntitle:\r\n  zh: 标题\r\n".encode())
    text = file.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")  # as the loader reads it
    assert parse(text, "t.yaml", str(file)).at(("title", "zh")) == (3, 7)


def test_keys_and_short_values_of_different_files_are_one_string():
    one = parse("status: in_progress\nnote: " + "很长的说明" * 10 + "\n", "a.yaml")
    two = parse("status: in_progress\nnote: " + "很长的说明" * 10 + "\n", "b.yaml")
    (k1, s1), (k2, s2) = next(iter(one.value.items())), next(iter(two.value.items()))
    assert k1 is k2 and s1 is s2  # at 100,000 files, one copy each instead of 100,000
    assert one.value["note"] == two.value["note"]
