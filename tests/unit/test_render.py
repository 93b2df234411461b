"""Rendering: content is always escaped, UI strings exist in both languages."""

import re
from pathlib import Path

from generator.formats import date, figure, number, to_json
from generator.render import TEMPLATES, Renderer


def test_numbers_in_each_language():
    assert number(500000, "en") == "500,000"
    assert number(500000, "zh") == "50万"
    assert number(1234, "zh") == "1234"
    assert number(40_000_000_000, "zh") == "400亿"
    assert number(434.8, "en") == "434.8"
    assert number(None, "zh") == "—"


def test_dates_in_each_language():
    import datetime as dt

    assert date(dt.date(2021, 12, 31), "zh") == "2021年12月31日"
    assert date(dt.date(2021, 12, 31), "en") == "31 December 2021"


def test_json_for_script_tags_cannot_close_the_tag():
    text = str(to_json({"t": "</script><script>alert(1)</script>"}))
    assert "</script" not in text and "<" not in text


def test_every_string_used_in_templates_exists_in_both_languages():
    strings = Renderer().strings.data
    used = set()
    for path in Path(TEMPLATES).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        keys = re.findall(r"(?<![\w.])t\('([a-z0-9_.]+)'", text)
        used |= {k for k in keys if not k.endswith(".")}
    missing = sorted(k for k in used if k not in strings)
    assert not missing, missing
    for key, value in strings.items():
        assert set(value) == {"zh", "en"}, key


def test_no_template_marks_content_safe():
    for path in Path(TEMPLATES).rglob("*.html"):
        assert "|safe" not in path.read_text(encoding="utf-8"), path.name


def test_a_figure_reads_as_a_reader_says_it():
    """亿元 figures are stored as the report writes them (3000); English says 300 billion."""
    from generator.model import Text

    yi = Text("亿元", "100 million yuan")
    assert figure(3000, yi, "en") == "300 billion yuan"
    assert figure(3291.4, yi, "en") == "329.14 billion yuan"
    assert figure(5, yi, "en") == "500 million yuan"
    assert figure(3000, yi, "zh") == "3000亿元"
    assert figure(167000, Text("亩", "mu"), "en") == "167,000 mu"
    assert figure(167000, Text("亩", "mu"), "zh") == "16.7万亩"
    assert figure(10, Text("%", "%"), "en") == "10%"
    assert figure(None, yi, "en") == "—"
