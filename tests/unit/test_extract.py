"""`extract` proposes commitments from the report text and checks which ones are tracked.

The fixture tests/fixtures/extract/report.md is written like the real report; EXPECTED lists
what a staff member should get from it. The last tests run on the real 2021 report and fail
when recall or precision falls below what was measured when the rules were written.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import click
import pytest
import yaml

from generator.extract import (
    PROPOSALS,
    Proposal,
    coverage,
    extract,
    extract_command,
    measure,
    paragraphs,
)
from generator.load import load
from generator.model import Text
from generator.staff_report import untranslated
from generator.validate import validate
from tests.cli.test_language import content_ids, english_sentences

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "extract"
REPORT = (FIXTURES / "report.md").read_text(encoding="utf-8")
COUNTIES = yaml.safe_load((ROOT / "content" / "counties.yaml").read_text(encoding="utf-8"))
FINAL_LINE = re.compile(r"^recall: \d\.\d\d \(\d+/\d+\), precision: \d\.\d\d \(\d+/\d+\)$")

# (paragraph, kind, quote, number, unit, comparator, counties) for every proposal of report.md
EXPECTED = [
    ("p-1-1", "quantity", "新建高标准农田20万亩以上", 200000, "亩", "at_least", ()),
    ("p-1-1", "quantity", "改造提升老旧果园8.5万亩", 85000, "亩", "exactly", ()),
    ("p-1-1", "quantity", "省级龙头企业达到70家", 70, "家", "at_least", ()),
    ("p-1-1", "quantity", "全年培训新型职业农民1.2万人次", 12000, "人次", "exactly", ()),
    ("p-1-2", "quantity", "2021年完成中心城区老旧小区改造120个", 120, "个", "exactly", ()),
    ("p-1-2", "quantity", "新建城市道路25公里", 25, "公里", "exactly", ()),
    ("p-1-2", "milestone", "盐湖区第二污水处理厂建成投运", None, None, None, ("yanhu",)),
    ("p-1-2", "milestone", "芮城通用机场投入使用", None, None, None, ("ruicheng",)),
    (
        "p-1-2",
        "milestone",
        "推动新绛县、绛县全域旅游示范区通过省级验收",
        None,
        None,
        None,
        ("xinjiang", "jiangxian"),
    ),
    ("p-1-3", "quantity", "高新技术企业突破二百五十家", 250, "家", "more_than", ()),
    ("p-1-3", "quantity", "全社会研发投入增长12%以上", 12, "%", "increase_pct", ()),
    ("p-1-3", "quantity", "全年竣工1000万元以上工业项目80个", 80, "个", "exactly", ()),
    ("p-1-5", "quantity", "城镇新增就业4.5万人", 45000, "人", "exactly", ()),
    ("p-1-5", "quantity", "筹集保障性租赁住房不少于三千套", 3000, "套", "at_least", ()),
    ("p-1-5", "milestone", "实现农村生活垃圾收运处置体系全覆盖", None, None, None, ()),
    ("p-1-5", "milestone", "“散乱污”企业动态清零", None, None, None, ()),
    ("p-1-5", "quantity", "每个县(市、区)新建1所至2所公办幼儿园", 1, "所", "at_least", ()),
]
NOT_TARGETS = [{"paragraph": "p-1-6", "text": "再增加3件", "reason": {"zh": "件数", "en": "count"}}]


def table(proposals: list[Proposal]) -> list[tuple]:
    return [
        (p.paragraph, p.kind, p.quote, p.number, p.unit, p.comparator, p.counties)
        for p in proposals
    ]


# -- extraction ---------------------------------------------------------------------------------


def test_the_fixture_report_gives_the_expected_proposals():
    assert table(extract(REPORT, COUNTIES, NOT_TARGETS)) == EXPECTED


def test_every_quote_is_an_exact_substring_of_its_paragraph_as_the_build_reads_it():
    texts = {pid: text for pid, _, text in paragraphs(REPORT)}
    for p in extract(REPORT, COUNTIES, NOT_TARGETS):
        assert p.quote in texts[p.paragraph]
        assert texts[p.paragraph][p.start : p.end] == p.quote


def test_suggested_ids_are_valid_target_ids_and_unique():
    ids = [p.id for p in extract(REPORT, COUNTIES, NOT_TARGETS)]
    assert ids[:3] == ["p-1-1-200000-mu", "p-1-1-85000-mu", "p-1-1-70-firms"]
    assert "p-1-2-ruicheng-in-use" in ids
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ids)


def test_county_names_map_to_ids_and_the_longest_name_wins():
    def counties(clause: str) -> list[tuple[str, ...]]:
        return [p.counties for p in extract(clause, COUNTIES)]

    assert counties("支持芮城通过国家验收。") == [("ruicheng",)]
    assert counties("盐湖、夏县、万荣等县(区)通过省级验收。") == [("yanhu", "xiaxian", "wanrong")]
    assert counties("新绛县污水处理厂建成。") == [("xinjiang",)]  # not 绛县 (jiangxian)
    assert counties("绛县污水处理厂建成。") == [("jiangxian",)]
    assert counties("永济市、河津市通过省级验收。") == [("yongji", "hejin")]
    assert counties("城西污水处理厂建成。") == [()]  # () means the whole city: counties: [all]


def test_clauses_split_at_commas_and_where_each_part_has_its_own_aim():
    assert [p.quote for p in extract("新培育高科技领军企业20家,总数达到40家。", COUNTIES)] == [
        "新培育高科技领军企业20家",
        "总数达到40家",
    ]
    assert [p.quote for p in extract("完成植树造林16.7万亩、水土流失治理36.9万亩。", COUNTIES)] == [
        "完成植树造林16.7万亩",
        "水土流失治理36.9万亩",
    ]
    assert [p.quote for p in extract("争取芮城通用机场建成、万荣通用机场开工。", COUNTIES)] == [
        "争取芮城通用机场建成",
        "万荣通用机场开工",
    ]
    # a list of figures for one subject stays one clause, one proposal per figure
    listed = extract("省级、市级龙头企业分别达到60家、300家。", COUNTIES)
    assert [(p.quote, p.number) for p in listed] == [
        ("省级、市级龙头企业分别达到60家、300家", 60),
        ("省级、市级龙头企业分别达到60家、300家", 300),
    ]


def test_numbers_units_and_comparators_are_read():
    def first(clause: str) -> tuple:
        p = extract(clause, COUNTIES)[0]
        return p.number, p.unit, p.comparator

    assert first("销售收入突破400亿元。") == (400, "亿元", "more_than")  # money keeps 亿元
    assert first("市场主体总量突破40万户。") == (400000, "户", "more_than")  # 突破: strictly more
    assert first("完成434.8公里“四好农村路”建设。") == (434.8, "公里", "exactly")
    # a plain figure to deliver, as minimum-living-allowance-raise.yaml (2021) has it
    assert first("城乡居民最低生活保障标准每人每月再提高20元。") == (20, "元", "exactly")
    assert first("规上工业企业研发经费投入增长10%以上。") == (10, "%", "increase_pct")
    assert first("实施两万名妇女居家灵活就业技能培训。") == (20000, "名", "exactly")
    assert first("中心城区建设河东驿站十座。") == (10, "座", "exactly")


def test_comparators_follow_the_content_format():
    def read(clause: str) -> list[tuple]:
        return [(p.number, p.unit, p.comparator) for p in extract(clause, COUNTIES)]

    # a level to raise to is at_least; only a growth rate is increase_pct
    assert read("力争战略性新兴产业产值占工业比重提高到20%。") == [(20, "%", "at_least")]
    assert read("年内科技服务业收入增长超过30%。") == [(30, "%", "increase_pct")]
    assert read("城乡居民人均可支配收入分别增长9%和10%。") == [
        (9, "%", "increase_pct"),
        (10, "%", "increase_pct"),
    ]
    # 左右: about the figure, unless it is a ceiling
    assert read("制造业增加值占地区生产总值比重达36%左右。") == [(36, "%", "exactly")]
    assert read("居民消费价格指数涨幅控制在3%左右。") == [(3, "%", "at_most")]
    assert read("地区生产总值增长9%左右。") == [(9, "%", "increase_pct")]
    # 超过 and 突破 are strictly more; a range is at least its lower end
    assert read("“百年百项”完工率超过80%。") == [(80, "%", "more_than")]
    assert read("培育1-2个省级智慧商圈。") == [(1, "个", "at_least")]
    assert [p.figure for p in extract("培育1-2个省级智慧商圈。", COUNTIES)] == ["1-2个"]


def test_a_figure_in_front_of_a_noun_is_an_aim_only_when_its_verb_delivers_it():
    def figures(text: str) -> list[tuple]:
        return [(p.figure, p.number, p.unit) for p in extract(text, COUNTIES)]

    # sizes that describe a project, thresholds, counts of what a push covers: not aims
    assert figures("推进茅台201厂3万吨酱香系列酒、习酒公司1.9万吨习酒技改等重点项目建设。") == []
    assert figures("开展10亿元以上项目“领跑者”评选。") == []
    assert figures("深化规划设计、基础设施、乡村治理等12个领域改革实践。") == []
    assert figures("加快晋昌源煤业年产120万吨捣固炼焦等90项重点项目建设。") == []
    # delivered: the verb before the figure builds, forms, frees or spends it
    assert figures("形成100万平方米产业规模。") == [("100万平方米", 1000000, "平方米")]
    assert figures("腾出40万吨标煤空间。") == [("40万吨", 400000, "吨")]
    assert figures("安排2000万元科创基金用于发展战略性新兴产业。") == [("2000万元", 2000, "万元")]
    assert figures("建设12个城市公园。") == [("12个", 12, "个")]
    assert figures("200个授权发明专利实现产业化。") == [("200个", 200, "个")]
    # two aims with 以上 in one list; a share of villages, not the income that qualifies them
    assert figures("培育认定1家以上国家级企业技术中心、190家以上国家高新技术企业。") == [
        ("1家", 1, "家"),
        ("190家", 190, "家"),
    ]
    assert figures("争取80%以上的村经常性收入达到150万元、经营性收入超过50万元。") == [
        ("80%", 80, "%")
    ]


def test_bugs_found_by_the_held_out_check():
    def read(text: str) -> list[tuple]:
        return [(p.figure, p.comparator) for p in extract(text, COUNTIES) if p.kind == "quantity"]

    # 超 is 超过 only right before the figure, not the 超 of 超采量
    assert read("压减地下水超采量400万立方米。") == [("400万立方米", "exactly")]
    assert read("引进资金超50亿元。") == [("50亿元", "more_than")]
    # a size with 及以下 in front of a noun is a threshold, like one with 以下
    assert read("关停20座1000立方米及以下高炉。") == [("20座", "exactly")]
    # a verb alone in quotation marks is still the verb; a name in quotation marks is not
    assert [p.figure for p in extract("82个旱厕全部“清零”。", COUNTIES)] == ["清零"]
    assert extract("全力推进“十大新开工项目”。", COUNTIES) == []


def test_money_in_dollars_bare_amounts_and_one_per_place():
    def read(text: str) -> list[tuple]:
        return [(p.number, p.unit, p.comparator) for p in extract(text, COUNTIES)]

    assert read("实际利用外资确保28亿美元、力争30亿美元。") == [
        (28, "亿美元", "exactly"),
        (30, "亿美元", "exactly"),
    ]
    assert read("确保市区PM2.5浓度低于32微克/立方米。") == [(32, "微克/立方米", "at_most")]
    assert read("力争凹凸棒石产业园固定资产投资和产值均突破亿元。") == [(1, "亿元", "more_than")]
    assert read("每个城区建设一个老年活动中心。") == [(1, "个", "exactly")]
    assert read("牢牢守好发展和生态两条底线。") == []  # a slogan, like 三个强市


def test_milestones_need_an_event_verb_not_a_push():
    def cues(text: str) -> list[tuple[str, str]]:
        return [(p.quote, p.figure) for p in extract(text, COUNTIES) if p.kind == "milestone"]

    # events: completion, documents, events held, listings, titles won, opening
    assert cues("完成市县国土空间总体规划编制。") == [("完成市县国土空间总体规划编制", "完成")]
    assert cues("出台公路养护市场化改革试点指导意见。")[0][1] == "出台"
    assert cues("高质量办好茶博会、辣博会、竹博会等。")[0][1] == "办好茶博会"
    assert cues("争取开建沪平城际。") == [("争取开建沪平城际", "开建")]
    assert cues("争取列入国家跨境电商进口试点城市。")[0][1] == "列入国家跨境电商进口试点"
    assert cues("力争成功创建国家生态文明建设示范市。")[0][1] == "成功创建"
    assert cues("全面启用新市民中心。")[0][1] == "启用"
    assert cues("清华附中、世外高中招生办学。")[0][1] == "招生"
    # "speed up / push" pledges, as the content audit settled them: qualitative
    for text in (
        "加快市第二医院迁建。",
        "加快建立国土空间规划体系。",
        "建立健全城乡融合发展体制机制。",
        "加快户籍法定人员基本养老保险全覆盖。",
        "推进赤水、湄潭、仁怀城北客运站建设。",
        "加快建设河西区域医疗中心。",
        "建设农机研发制造基地。",
    ):
        assert cues(text) == [], text
    # a verb inside a word, a name or a frame is no event
    for text in (
        "巩固全国文明城市创建成果。",
        "强化项目开工率和竣工达产率指标考核。",
        "全力推进“十大新开工项目”。",
        "引进一批具有上市潜力的“硬科技”企业。",
        "从全市前十大传统行业和列入省级转型升级试点五大行业着手，逐行逐业进行提升。",
    ):
        assert cues(text) == [], text


def test_a_numbered_line_without_a_full_stop_is_a_heading_in_plain_text():
    text = "（五）着力开建先进制造新体系\n\n力争开工建设永民高速公路。\n"
    assert [(b[0], b[1]) for b in paragraphs(text, "txt")] == [
        ("p-auto-1", "heading"),
        ("p-auto-2", "paragraph"),
    ]
    assert [p.paragraph for p in extract(text, COUNTIES, fmt="txt")] == ["p-auto-2"]


def test_noise_is_not_proposed():
    noise = (
        "实施“111”“1331”“136”等创新工程,新建“5G”基站。"  # programme names in quotes
        "深入学习贯彻党的十九届五中全会精神,打造三个强市,实施两大行动。"  # slogans
        "争创5A级景区,PM2.5浓度持续下降,建好一个核心区。"  # letters, 一个
        "2021年是建党一百周年,第五幼儿园。"
    )  # years, anniversaries, ordinals
    assert extract(noise, COUNTIES) == []


def test_a_year_in_the_clause_is_not_the_figure():
    [p] = extract("2021年新建5所学校。", COUNTIES)
    assert (p.number, p.unit, p.quote) == (5, "所", "2021年新建5所学校")


def test_not_targets_entries_are_never_proposed():
    with_list = extract(REPORT, COUNTIES, NOT_TARGETS)
    without = extract(REPORT, COUNTIES)
    assert [p.quote for p in without if p not in with_list] == ["市里再增加3件"]
    # plain strings are noise in every paragraph
    assert extract("新建高标准农田50万亩以上。", COUNTIES, ["50万亩"]) == []


def test_a_plain_text_report_gets_paragraph_ids_p_auto_n():
    text = (FIXTURES / "report.txt").read_text(encoding="utf-8")
    found = extract(text, COUNTIES)
    assert [(p.paragraph, p.quote) for p in found] == [
        ("p-auto-1", "新建高标准农田20万亩以上"),
        ("p-auto-1", "改造提升老旧果园8.5万亩"),  # the line break is joined, as in Markdown
        ("p-auto-2", "芮城通用机场投入使用"),
    ]


# -- coverage and measurement -------------------------------------------------------------------


def target(tid: str, paragraph: str, quote: str, kind: str = "quantity") -> dict:
    return {"id": tid, "source": {"paragraph": paragraph, "quote": quote}, "metric": {"kind": kind}}


def test_a_proposal_is_covered_by_an_overlapping_quote_in_the_same_paragraph():
    proposals = extract(REPORT, COUNTIES, NOT_TARGETS)
    targets = [
        target("farmland", "p-1-1", "新建高标准农田20万亩以上"),  # the same clause
        target("airport", "p-1-2", "芮城通用机场", "milestone"),  # part of the clause
        target("firms", "p-1-1", "达到70家"),  # contains the figure
        target("elsewhere", "p-1-5", "新建高标准农田"),  # same words, other paragraph
    ]
    covered = {c.proposal.quote: c.targets for c in coverage(proposals, targets)}
    assert covered["新建高标准农田20万亩以上"] == ("farmland",)
    assert covered["芮城通用机场投入使用"] == ("airport",)
    assert covered["省级龙头企业达到70家"] == ("firms",)
    assert covered["新建城市道路25公里"] == ()


def test_recall_and_precision_count_targets_and_proposals():
    proposals = extract(REPORT, COUNTIES, NOT_TARGETS)
    texts = {pid: text for pid, _, text in paragraphs(REPORT)}
    targets = [
        target("farmland", "p-1-1", "新建高标准农田20万亩以上"),
        target("airport", "p-1-2", "芮城通用机场投入使用", "milestone"),
        target("mission", "p-1-4", "深入学习贯彻党的十九届五中全会精神", "qualitative"),
        target("other-report", "p-9-9", "不在这份报告里"),
    ]
    m = measure(proposals, targets, texts)
    assert (m.recall.n, m.recall.total) == (2, 3)  # other-report is not counted
    assert m.elsewhere == 1 and m.missed == ("mission",)
    assert (m.precision.n, m.precision.total) == (2, len(EXPECTED))
    assert str(m.recall_by_kind["quantity"]) == "1.00 (1/1)"
    assert str(m.recall_by_kind["qualitative"]) == "0.00 (0/1)"


# -- the command --------------------------------------------------------------------------------


@pytest.fixture
def group(monkeypatch) -> click.Group:
    """A throwaway group, as cli.py registers it: cli.add_command(extract_command). Messages
    in English unless a test asks for Chinese (the real content's staff_lang is zh)."""
    monkeypatch.setenv("HEDONG_LANG", "en")

    @click.group()
    def cli() -> None:
        pass

    cli.add_command(extract_command)
    return cli


R21 = Path("reports") / "yuncheng-2021"  # the 2021 report's folder in content/
ON_2021 = ["--report", "content/reports/yuncheng-2021/zh.md"]  # the report extract reads


@pytest.fixture
def real_copy(tmp_path, monkeypatch) -> Path:
    """A copy of the real content/ at tmp/content, with tmp as the working directory."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def test_the_command_prints_a_table_a_summary_and_recall_and_precision(runner, group, real_copy):
    result = runner.invoke(group, ["extract", *ON_2021], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["paragraph", "kind", "covered", "by", "clause"]
    row = next(line for line in lines if "新建高标准农田50万亩以上" in line)
    assert row.split() == [
        "p-1-1",
        "quantity",
        "farmland-high-standard",
        "新建高标准农田50万亩以上",
    ]
    assert any(re.fullmatch(r"\d+ proposals: \d+ covered, \d+ uncovered", line) for line in lines)
    assert any(line.startswith("recall by target kind: quantity ") for line in lines)
    assert FINAL_LINE.match(lines[-1]), lines[-1]
    assert not (real_copy / R21 / PROPOSALS).exists()  # nothing is written without --write


def test_a_report_no_target_quotes_is_measured_as_n_a(runner, group, content):
    result = runner.invoke(
        group, ["extract", "--report", str(FIXTURES / "report.md")], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    row = next(line for line in lines if "新建高标准农田20万亩以上" in line)
    assert row.split()[:3] == ["p-1-1", "quantity", "—"]
    n = len(EXPECTED) + 1  # the minimal content does not list 再增加3件 as a not-target
    assert f"{n} proposals: 0 covered, {n} uncovered" in lines
    # nothing to compare with: no precision figure (it is not 0.00)
    assert "precision by proposal kind: n/a (no target quotes this report)" in lines
    assert lines[-1] == "recall: n/a (0/0), precision: n/a (no target quotes this report)"
    assert not any(re.search(r"precision: \d", line) for line in lines)


def test_json_prints_one_object_per_proposal_and_nothing_else(runner, group, content):
    result = runner.invoke(
        group,
        ["extract", "--report", str(FIXTURES / "report.md"), "--json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == len(EXPECTED) + 1  # 再增加3件 is not a not-target here
    assert objects[0] == {
        "paragraph": "p-1-1",
        "quote": "新建高标准农田20万亩以上",
        "kind": "quantity",
        "number": 200000,
        "unit": "亩",
        "comparator": "at_least",
        "counties": ["all"],
        "why": "figure 20万亩; aim word 新建; at_least: 以上",
        "id": "p-1-1-200000-mu",
        "figure": "20万亩",
        "start": 20,
        "end": 33,
        "covered_by": [],
    }
    texts = {pid: text for pid, _, text in paragraphs(REPORT)}
    for o in objects:
        assert texts[o["paragraph"]][o["start"] : o["end"]] == o["quote"]
    airport = next(o for o in objects if o["quote"] == "芮城通用机场投入使用")
    assert (airport["kind"], airport["number"], airport["counties"]) == (
        "milestone",
        None,
        ["ruicheng"],
    )
    assert airport["why"] == "event verb 投入使用 (in-use)"
    # the summary goes to stderr, where it does not spoil the JSON
    assert f"{len(objects)} proposals: 0 covered" in result.stderr
    assert "recall: n/a (0/0), precision: n/a (no target quotes this report)" in result.stderr


def test_json_says_which_targets_cover_a_proposal(runner, group, real_copy):
    result = runner.invoke(group, ["extract", "--json", *ON_2021], catch_exceptions=False)
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    farmland = next(o for o in objects if o["quote"] == "新建高标准农田50万亩以上")
    assert farmland["covered_by"] == ["farmland-high-standard"]
    assert FINAL_LINE.match(result.stderr.splitlines()[-1])


def test_help_documents_json_in_both_languages(runner, group, monkeypatch):
    result = runner.invoke(group, ["extract", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "--json Print one JSON object a line for each proposal" in text
    assert "With --json each line is one proposal" in text
    for field in ("paragraph", "quote", "kind", "number", "unit", "comparator", "counties"):
        assert f'"{field}":' in text
    assert "why: the words that made it a proposal" in text
    assert "每条建议输出一行" not in text and "使用 --json 时" not in text  # one language a page

    monkeypatch.setenv("HEDONG_LANG", "zh")
    result = runner.invoke(group, ["extract", "--help"])
    assert result.exit_code == 0
    text = "".join(result.stdout.split())
    assert "--json每条建议输出一行JSON" in text
    assert "使用--json时每行是一条建议" in text
    for field in ("paragraph", "quote", "kind", "number", "unit", "comparator", "counties"):
        assert f'"{field}":' in text
    assert "why为提出理由" in text
    assert "Print one JSON object" not in text


def test_the_command_speaks_the_staff_language(runner, group, real_copy, monkeypatch):
    monkeypatch.setenv("HEDONG_LANG", "zh")
    result = runner.invoke(group, ["extract", *ON_2021], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["段落", "类型", "已覆盖的承诺", "分句"]
    assert any(re.fullmatch(r"\d+ 条建议：\d+ 条已覆盖，\d+ 条未覆盖", line) for line in lines)
    assert any(line.startswith("按承诺类型的召回率：数量目标 ") for line in lines)
    assert re.fullmatch(r"召回率：\d\.\d\d \(\d+/\d+\)，准确率：\d\.\d\d \(\d+/\d+\)", lines[-1])
    # the rows themselves are the same in every language: ids and the report's own words
    row = next(line for line in lines if "新建高标准农田50万亩以上" in line)
    assert row.split()[:3] == ["p-1-1", "quantity", "farmland-high-standard"]
    result = runner.invoke(group, ["extract", "--report", "nope.md"])
    assert result.exit_code == 2 and "找不到文件：nope.md" in result.stderr

    # the drafts --write writes: every comment in Chinese, the data as in English
    for tid in ("farmland-high-standard", "wanrong-general-airport"):
        (real_copy / R21 / "targets" / f"{tid}.yaml").unlink()
    result = runner.invoke(group, ["extract", "--write", *ON_2021], catch_exceptions=False)
    folder = f"content/{R21}/{PROPOSALS}"
    assert f"已写入 {folder}/p-1-1-500000-mu.yaml" in result.stdout
    drafts = {p.name: p.read_text("utf-8") for p in (real_copy / R21 / PROPOSALS).iterdir()}
    assert sorted(drafts) == ["p-1-1-500000-mu.yaml", "p-2-3-wanrong-start.yaml"]
    ids = content_ids(real_copy)
    assert {name: english_sentences(d, ids) for name, d in drafts.items()} == {
        name: [] for name in drafts
    }
    quantity, milestone = drafts["p-1-1-500000-mu.yaml"], drafts["p-2-3-wanrong-start.yaml"]
    assert "# 提出理由：数字 50万亩；目标用语 新建；比较方式 at_least：以上\n" in quantity
    assert '\nsection: "three-strong-cities"  # TODO 请核对（按 sections.yaml，' in quantity
    assert "# 提出理由：节点动词 开工（编号中写作 start）\n" in milestone
    assert yaml.safe_load(quantity)["metric"]["comparator"] == "at_least"
    (real_copy / R21 / PROPOSALS / "p-1-1-500000-mu.yaml").unlink()
    monkeypatch.setenv("HEDONG_LANG", "en")
    runner.invoke(group, ["extract", "--write", *ON_2021], catch_exceptions=False)
    english = (real_copy / R21 / PROPOSALS / "p-1-1-500000-mu.yaml").read_text("utf-8")
    assert "# Proposed because: figure 50万亩; aim word 新建; at_least: 以上\n" in english
    assert yaml.safe_load(english) == yaml.safe_load(quantity)


def test_a_missing_report_is_a_usage_error_without_traceback(runner, group, content):
    result = runner.invoke(group, ["extract", "--report", "nope.md"])
    assert result.exit_code == 2
    assert "--report" in result.stderr and "file not found: nope.md" in result.stderr
    assert "Traceback" not in result.output
    result = runner.invoke(
        group, ["extract", "--report", str(FIXTURES / "README.md"), "--content", "missing"]
    )
    assert result.exit_code == 2 and "--content" in result.stderr


def test_write_drafts_files_that_validate_as_they_are_and_never_overwrites(
    runner, group, real_copy
):
    for tid in ("farmland-high-standard", "wanrong-general-airport", "approval-time-cut-30pct"):
        (real_copy / R21 / "targets" / f"{tid}.yaml").unlink()
    kept = real_copy / R21 / PROPOSALS / "p-2-3-wanrong-start.yaml"
    kept.parent.mkdir()
    kept.write_text("# my notes\n", encoding="utf-8")

    result = runner.invoke(group, ["extract", "--write", *ON_2021], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    folder = "content/reports/yuncheng-2021"
    assert f"wrote {folder}/proposals/p-1-1-500000-mu.yaml" in result.stdout
    assert f"kept {folder}/proposals/p-2-3-wanrong-start.yaml" in result.stdout
    assert kept.read_text(encoding="utf-8") == "# my notes\n"  # never overwritten
    assert sorted(p.name for p in (real_copy / R21 / PROPOSALS).iterdir()) == [
        "p-1-1-500000-mu.yaml",
        "p-2-3-wanrong-start.yaml",
        "p-5-1-30-pct.yaml",
    ]
    # four themes start in paragraph p-5-1; the clause follows the title 深化“放管服效”改革
    reform = yaml.safe_load((real_copy / R21 / PROPOSALS / "p-5-1-30-pct.yaml").read_text("utf-8"))
    assert (reform["section"], reform["theme"]) == ("key-reform", "government-services")

    stub = (real_copy / R21 / PROPOSALS / "p-1-1-500000-mu.yaml").read_text(encoding="utf-8")
    # proposals/ is as deep as targets/: the schema line stays right when the draft is moved
    assert stub.startswith("# yaml-language-server: $schema=../../../schema/target.json\n")
    value = yaml.safe_load(stub)
    assert value["source"] == {"paragraph": "p-1-1", "quote": "新建高标准农田50万亩以上"}
    assert (value["section"], value["theme"]) == ("three-strong-cities", "modern-agriculture")
    assert value["metric"] == {
        "kind": "quantity",
        "target": 500000,
        "comparator": "at_least",
        "unit": {"zh": "亩", "en": "mu"},
    }
    assert value["counties"] == ["all"]
    # every guess is marked for review, and the file says why it was proposed
    for field in ("section:", "theme:", "en:", "kind:", "target:", "comparator:", "counties:"):
        line = next(x for x in stub.splitlines() if x.lstrip().startswith(field))
        assert "# TODO" in line, line
    assert "# Proposed because: figure 50万亩; aim word 新建; at_least: 以上" in stub
    # the English title is the Chinese one until someone translates it: validate --report
    # lists it as missing English
    assert value["title"]["en"] == value["title"]["zh"]
    assert untranslated(Text(**value["title"]))[0] == "same"  # as the Chinese

    site, _ = validate(load(real_copy))
    assert site is not None  # proposals/ is not read by the build
    # every draft validates as it is, once moved into targets/
    for draft in sorted((real_copy / R21 / PROPOSALS).iterdir()):
        if draft.name == kept.name:
            continue
        shutil.copy(draft, real_copy / R21 / "targets" / draft.name)
    site, problems = validate(load(real_copy))
    assert site is not None, [p.format() for p in problems]
    assert {t.id for t in site.targets} >= {"p-1-1-500000-mu", "p-5-1-30-pct"}
    (real_copy / R21 / "targets" / "p-5-1-30-pct.yaml").unlink()

    again = runner.invoke(group, ["extract", "--write", *ON_2021], catch_exceptions=False)
    assert f"kept {folder}/targets/p-1-1-500000-mu.yaml" not in again.stdout  # now covered
    assert "wrote" not in again.stdout


def test_a_plain_text_report_and_a_markdown_file_without_ids(runner, group, content, tmp_path):
    result = runner.invoke(
        group, ["extract", "--report", str(FIXTURES / "report.txt")], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "3 proposals: 0 covered, 3 uncovered" in result.stdout
    assert any(line.startswith("p-auto-2 ") for line in result.stdout.splitlines())
    (tmp_path / "plain.md").write_text("新建高标准农田20万亩以上。\n", encoding="utf-8")
    result = runner.invoke(group, ["extract", "--report", "plain.md"])
    assert result.exit_code == 2 and "{#p-…}" in result.stderr


def test_broken_content_elsewhere_does_not_stop_the_extraction(runner, group, real_copy):
    (real_copy / R21 / "targets" / "rental-housing-5000.yaml").write_text("id: [unclosed\n")
    result = runner.invoke(group, ["extract", *ON_2021], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "the content has 1 problem(s)" in result.stderr
    row = next(line for line in result.stdout.splitlines() if "筹集租赁住房5000套" in line)
    assert row.split()[2] == "—"  # its target could not be read, so the clause is uncovered
    assert FINAL_LINE.match(result.stdout.splitlines()[-1])


# -- the real 2021 report -----------------------------------------------------------------------


def test_recall_and_precision_on_the_real_report_do_not_regress():
    """Measured when the rules were written: quantity recall 1.00 (52/52), milestone recall
    0.90 (37/41), precision 1.00 (86/86). Since the rules were measured on other cities
    (tests/fixtures/extract/corpus/SCORES.md): quantity 52/52, milestone 28/31 (the content
    now has fewer milestones), precision 75/75; "speed up / push" clauses, now qualitative
    targets, are no longer proposed (qualitative targets are out of scope)."""
    site, problems = validate(load(ROOT / "content"))
    assert site is not None, [p.format() for p in problems]
    text = (ROOT / "content" / R21 / "zh.md").read_text(encoding="utf-8")
    not_targets = yaml.safe_load((ROOT / "content" / R21 / "not-targets.yaml").read_text("utf-8"))
    proposals = extract(text, site.counties, not_targets)
    report = site.report_of("yuncheng-2021")
    targets = [t for t in site.targets if t.report == report.id]
    m = measure(proposals, targets, {b.id: b.text for b in report.zh})
    assert m.recall_by_kind["quantity"].value >= 0.95, m
    assert m.recall_by_kind["milestone"].value >= 0.85, m
    assert m.in_scope.value >= 0.90, m
    assert m.precision.value >= 0.95, m
    assert m.precision_by_kind["quantity"].value >= 0.95, m
    texts = {b.id: b.text for b in report.zh}
    assert all(p.quote in texts[p.paragraph] for p in proposals)


def test_every_quantity_target_of_the_real_report_is_read_with_its_own_figures():
    """Number and comparator of each proposal agree with the target file that tracks it (5 of
    the 52 comparators disagreed before 突破 became more_than and 再提高20元 exactly). Units are
    not compared: the files write them for readers (名 as 人, 所（每个县市区）)."""
    site, problems = validate(load(ROOT / "content"))
    assert site is not None, [p.format() for p in problems]
    text = (ROOT / "content" / R21 / "zh.md").read_text(encoding="utf-8")
    not_targets = yaml.safe_load((ROOT / "content" / R21 / "not-targets.yaml").read_text("utf-8"))
    proposals = [p for p in extract(text, site.counties, not_targets) if p.kind == "quantity"]
    texts = {b.id: b.text for b in site.report_of("yuncheng-2021").zh}
    checked = 0
    for t in site.targets:
        if t.metric.kind != "quantity" or t.report != "yuncheng-2021":
            continue
        start = texts[t.paragraph].find(t.quote)
        end = start + len(t.quote)
        same = [
            p
            for p in proposals
            if p.paragraph == t.paragraph
            and start <= p.figure_start < end
            and p.number == t.metric.target
        ]
        assert same, (t.id, t.quote)
        assert same[0].comparator == t.metric.comparator, (t.id, same[0].comparator)
        checked += 1
    assert checked >= 50
