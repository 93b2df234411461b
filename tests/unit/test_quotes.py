"""A quote typed or pasted from the printed report (full-width ，（）) matches the stored text
(ASCII ,()), and the other way round; the site shows the report's own form and marks it in the
report. A quote that really differs is shown against the nearest passage."""

from pathlib import Path

from generator.load import load
from generator.validate import find_quote, validate
from tests.built import built


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_find_quote_gives_the_paragraph_its_own_words():
    text = "新建高标准农田50万亩以上,培育高素质农民6000人以上(含)。"
    assert (
        find_quote("以上，培育高素质农民６０００人以上（含）", text)
        == "以上,培育高素质农民6000人以上(含)"
    )
    assert find_quote("培育高素质农民6000人", text) == "培育高素质农民6000人"
    assert find_quote("以上、培育", text) is None  # 、 is not a comma of another width
    assert find_quote("以上,培育", "以上，培育") == "以上，培育"


def test_a_full_width_quote_matches_and_the_site_shows_the_report_form(content: Path):
    farmers = content / "targets" / "farmers.yaml"
    edit(farmers, "quote: 培育高素质农民6000人以上", "quote: 以上，培育高素质农民6000人以上")
    site, problems = validate(load(content))
    assert site is not None, [p.format() for p in problems]
    (target,) = [t for t in site.targets if t.id == "farmers"]
    assert target.quote == "以上,培育高素质农民6000人以上"
    output = built(content, content.parent / "site").files
    page = output["zh/targets/farmers/index.html"].decode()
    assert "以上,培育高素质农民6000人以上" in page and "以上，培育" not in page
    report = output["zh/report/index.html"].decode()
    marked = report[report.index('<mark class="commitment') :]
    assert '../targets/farmers/">以上,培育高素质农民6000人以上</a>' in marked


def test_an_ascii_quote_matches_a_full_width_report_and_an_evidence_quote_too(content: Path):
    edit(content / "report" / "zh.md", "50万亩以上,培育", "50万亩以上，培育")
    farmers = content / "targets" / "farmers.yaml"
    edit(farmers, "quote: 培育高素质农民6000人以上", "quote: 以上,培育高素质农民6000人以上")
    edit(
        farmers,
        "updates: []",
        "updates:\n  - date: 2021-12-31\n    status: in_progress\n"
        '    evidence: {document: review-2022, paragraph: p-1-1, quote: "这一年,新建高标准农田'
        '51.2万亩", en: "That year, 512,000 mu"}\n',
    )
    site, problems = validate(load(content))
    assert site is not None, [p.format() for p in problems]
    (target,) = [t for t in site.targets if t.id == "farmers"]
    assert target.quote == "以上，培育高素质农民6000人以上"
    assert target.updates[0].evidence is not None
    assert target.updates[0].evidence.quote == "这一年，新建高标准农田51.2万亩"
    output = built(content, content.parent / "site").files
    assert "这一年，新建高标准农田51.2万亩" in output["zh/targets/farmers/index.html"].decode()


def test_a_real_difference_is_marked_in_chinese(content: Path):
    farmers = content / "targets" / "farmers.yaml"
    edit(farmers, "quote: 培育高素质农民6000人以上", "quote: 培育高素质农民6000人以下")
    _, problems = validate(load(content))
    assert [p.format("zh") for p in problems] == [
        "content/targets/farmers.yaml:10:10: 在段落 p-1-1（content/report/zh.md:5）中找不到这段"
        "引文；提示：段落原文是“…农民6000人以【上】”，引文却是“…农民6000人以【下】”"
        "（【】标出不同之处）；请照原文复制"
    ]
