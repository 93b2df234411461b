"""marks.segments: a paragraph's HTML cut around the quotes of its commitments, for the
template that marks them. Joining the segments gives the paragraph back, unchanged."""

from markupsafe import Markup

from generator.marks import segments


def text_of(parts) -> str:
    return "".join(p if isinstance(p, str) else p[0] for p in parts)


def marked(parts) -> list[tuple[str, str]]:
    return [(str(p[0]), p[1]) for p in parts if not isinstance(p, str)]


def test_each_quote_is_cut_out_where_it_first_appears():
    html = "新建高标准农田10万亩，改造农田5万亩。新建高标准农田10万亩。"
    parts = segments(html, [("改造农田5万亩", "b"), ("新建高标准农田10万亩", "a")])
    assert marked(parts) == [("新建高标准农田10万亩", "a"), ("改造农田5万亩", "b")]
    assert text_of(parts) == html
    assert all(isinstance(p, Markup) for p in parts if isinstance(p, str))


def test_a_quote_inside_a_longer_one_is_not_marked_again():
    html = "全年造林16.7万亩，森林覆盖率提高。"
    parts = segments(html, [("造林16.7万亩", "short"), ("全年造林16.7万亩", "long")])
    assert marked(parts) == [("全年造林16.7万亩", "long")]


def test_a_quote_is_marked_where_no_longer_mark_cuts_through_it():
    html = "甲乙丙丁戊。丁戊己。"
    # "丁戊" first appears across the end of the longer mark, so it is marked where it next
    # appears whole
    parts = segments(html, [("丁戊", "b"), ("甲乙丙丁", "a")])
    assert marked(parts) == [("甲乙丙丁", "a"), ("丁戊", "b")]
    assert parts[1] == "戊。" and text_of(parts) == html


def test_quotes_are_found_escaped_and_never_across_markup():
    html = "R&amp;D投入增长15%，<strong>新增企业</strong>100家。"
    parts = segments(html, [("R&D投入增长15%", "a"), ("新增企业100家", "b"), ("不存在", "c")])
    assert marked(parts) == [("R&amp;D投入增长15%", "a")]
    assert text_of(parts) == html


def test_a_paragraph_without_quotes_is_one_segment():
    assert segments("没有承诺。", []) == (Markup("没有承诺。"),)
    assert segments("", [("x", 1)]) == (Markup(""),)
