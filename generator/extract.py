"""`extract`: propose commitments from the report's Chinese text, and check which are tracked.

The report states its aims in clauses: a sentence (ended by 。；;：) holds several clauses
separated by commas, and most clauses that hold an aim say so with a figure and a target
phrase (新建高标准农田50万亩以上) or with an event verb (万荣通用机场开工). This module
finds those clauses with plain rules, no model and no dictionary beyond content/:

- quantity: a number (Arabic or Chinese numerals, 万/亿, decimals) with a unit, in a clause
  that also has a target phrase (以上, 突破, 达到, 新建, 培育, 完成, 增长, 实现 …); a figure in
  front of a noun only when its verb delivers it (新建12个公园, not 推进3万吨…项目建设); the
  comparator from the nearest word (docs/content.md: 突破 more_than, 提高到20% at_least …);
- milestone: a clause with no such figure but an event verb (建成, 开工, 投入使用, 通过…验收,
  获批, 完成, 出台, 办好…会, 纳入…试点 …); "speed up / push" clauses (加快…迁建, 推进…全覆盖,
  加快建立…) are qualitative in this project and are not proposed;
- counties: the county names of content/counties.yaml, matched by their short form
  (盐湖 for 盐湖区; one-character short forms keep their suffix: 绛县, 夏县).

Noise is left out: numbers inside quotation marks (programme names like “111”), years,
ordinals (第五), slogans (三个强市, 两条底线), numbers glued to Latin letters (5G, PM2.5, 5A),
thresholds (500万元以上工业项目100个: only 100个 is the aim), sizes that describe a project,
and every text listed in content/not-targets.yaml.

Every proposal's `quote` is an exact substring of its paragraph's text as generator/report.py
produces it, so a proposal can become a target file without editing the quote. The rules are
measured on a hand-labelled corpus of five other cities' reports (tests/fixtures/extract/
corpus/, `python -m tests.extract_score`).

    python -m generator extract            # table of proposals, coverage, recall/precision
    python -m generator extract --json     # one JSON object a line per proposal, with why
    python -m generator extract --write    # also draft target files for the uncovered ones
                                           # into content/proposals/ (never overwrites)
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import click

CONTENT = Path("content")
PROPOSALS = "proposals"  # folder inside content/ that the build never reads
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/target.json"

# -- text patterns ------------------------------------------------------------------------------

_SENTENCE_END = "。；;！？!?：:"
_COMMA = "，,"
_OPEN = '“‘「『（(【《"'
_CLOSE = '”’」』）)】》"'
_QUOTES = re.compile(r"“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\"")
_CJK = re.compile(r"[\u3400-\u9fff]")

# Longest first, so 人次 wins over 人 and 万元 (read with its 万) over 元.
_UNITS = sorted(
    [
        "亩",
        "公顷",
        "公里",
        "千米",
        "平方公里",
        "平方米",
        "米",
        "家",
        "人次",
        "人",
        "名",
        "户",
        "套",
        "座",
        "个百分点",
        "百分点",
        "个",
        "所",
        "元",
        "%",
        "％",
        "项",
        "条",
        "件",
        "处",
        "台",
        "辆",
        "吨",
        "千瓦",
        "千瓦时",
        "兆瓦",
        "倍",
        "美元",
        "立方米",
        "微克/立方米",
        "头",
        "次",
        "场",
        "张",
        "间",
        "栋",
        "棵",
        "株",
        "眼",
        "床",
    ],
    key=len,
    reverse=True,
)
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_NUM = f"[{_CN_DIGITS}十][{_CN_DIGITS}十百千万亿]*"
_QUANTITY = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|" + _CN_NUM + r")"
    r"(?P<mult>(?<=\d)[万亿])?"
    r"(?P<approx>[多余])?"
    r"(?P<unit>" + "|".join(re.escape(u) for u in _UNITS) + r")"
)
_RANGE_TAIL = re.compile(
    r"(?:至|到|-|—|–|~|～)(?:\d+(?:\.\d+)?|"
    + _CN_NUM
    + r")[万亿]?(?P<unit>"
    + "|".join(re.escape(u) for u in _UNITS)
    + r")"
)

# A clause with a figure proposes an aim only when it also says what should happen to it.
_AIM = re.compile(
    "以上|不少于|不低于|至少|突破|达到|达|超过|提高|提升|增长|增加|新增|完成|新建|建设|建成|"
    "改造|培育|打造|压缩|压减|降低|下降|减少|控制在|实施|开展|筹集|开工|竣工|转移|引进|扶持|"
    "占到|认定|举办|培训|治理|造林|签约|力争|确保|创建|实现|发展|盘活|形成|建好|安排|投资|腾出|"
    "计划|关停|清理|打通|"
    "[新改扩][(（]?[^，,。；]{0,5}?建"  # 新建, 改扩建, 新(改、扩)建
)
# The comparator word nearest before the figure decides (docs/content.md): 突破 and 超过 are
# strictly more (more_than); 达到, 不少于 and a level to raise to (提高到20%) are at_least.
_BEFORE = re.compile(
    "(?P<at_most>不超过|不高于|控制在|低于|以内)|(?P<more_than>突破|超过|高于|超$)|"
    "(?P<at_least>不少于|不低于|至少|达到|达|(?:提高|提升|增加|扩大|恢复)[到至])"
)
# A growth rate: 增长8%, 分别增长5%和16%, 增长超过30%; not 提高到20% (a level).
_GROWTH_BEFORE = re.compile("(?:增长|增幅|增速|上涨|提高|提升)(?![到至])[^，,。；：:]{0,12}$")
_RANGE_HEAD = re.compile(r"(?P<low>\d+(?:\.\d+)?)(?:-|—|–|~|～|至|到)$")  # 1-2个: from 1

# Milestones: the first verb found names the proposal's id (…-start, …-acceptance). A verb
# inside quotation marks is part of a name (“十大新开工项目”, “上市100”) and does not count.
_MILESTONES: tuple[tuple[str, str], ...] = (
    (r"投入使用|交付使用|建成投用|投用|启用|投运", "in-use"),
    (r"通过[^，,。；]{0,4}验收|(?:终期|竣工)验收|验收合格", "acceptance"),
    (r"获批", "approval"),
    (r"挂牌|(?<!具有)上市(?!潜力|公司|后备)", "listing"),
    (r"(?:纳入|列入)[^，,。；]{0,30}?(?:试点|名录|清单|范围|项目库|目录)", "inclusion"),
    (r"全覆盖", "full-coverage"),
    (r"清零", "zero"),
    (r"创建成功|成功创建|创建为|创成", "title"),
    (r"(?<!创)建成", "completion"),  # not 巩固…创建成果
    (r"竣工(?!率|达产率)|完工", "completion"),
    (r"开工(?!率)|开建", "start"),
    (r"投产|(?:实现|开始)[^，,。；]{0,20}?生产", "production"),
    (r"正式开放|口岸[^，,。；]{0,4}开放|开通|通车|招生|开学|开业|开园|开馆", "opening"),
    (r"创建[^，,。；]{0,6}A级", "a-level"),
    (r"迁建", "relocation"),
    (r"启动", "launch"),
    (r"举办|承办|办好[^，,。；]{0,30}?(?:会|节|赛|展)", "event"),
    (r"设立|(?<!构)建立(?!健全)", "establishment"),  # not 构建立体化, 建立健全
    (r"实现突破", "breakthrough"),
    (r"全面推行|全面实行|全部实行|全市域推行|全域推行", "rollout"),
    (r"全面禁止", "ban"),
    (r"完成(?!率)", "completion"),  # 完成…编制, 完成…工程, 完成…任务, 完成省下达目标
    (
        r"法规制定|制定出台|出台|印发|制定[^，,。；]{0,20}?(?:政策|意见|办法|方案|规划|计划|条例|措施|细则)|"
        r"(?:规划|方案)编制|编制[^，,。；]{0,20}?(?:规划|方案)|形成[^，,。；]{0,20}?(?:规划|方案)",
        "document",
    ),
    # 建设 a named national or provincial centre or laboratory (高水平建设省级区域医疗中心)
    (
        r"建设[^，,。；]{0,8}?(?:国家|省级|省|自治区|区域)[^，,。；]{0,12}?(?:中心|实验室|基地)",
        "construction",
    ),
)
_MILESTONE = re.compile("|".join(f"(?:{p})" for p, _ in _MILESTONES))
# These verbs promise an event only when no push word comes before them in the clause:
# 加快市疾控中心迁建, 推进…全覆盖, 加快建立…体系, 加强…规划编制 are "speed up / push" pledges
# (qualitative in this project's content), while 加快…，确保年底建成 has its own clause.
_WEAK = frozenset(
    {"construction", "establishment", "relocation", "full-coverage", "document", "a-level"}
)
_PUSH = re.compile("加快|推进|推动|抓紧|积极|统筹|探索|深化|持续|加强|引进|按照|谋划|有序")
# A clause that opens with a preposition and closes with what it frames (从…行业着手,
# 按照…模式, 以…为重点) promises no event itself.
_FRAME = re.compile(
    "(?:从|按照|以|围绕|依托|对标|对照|结合)[^，,。；：]*"
    "(?:着手|入手|为重点|为抓手|为主线|为导向|为核心|为引领|为目标|模式|要求|原则|思路)$"
)

_UNIT_EN = {
    "亩": "mu",
    "公顷": "ha",
    "公里": "km",
    "千米": "km",
    "平方公里": "km²",
    "平方米": "m²",
    "米": "m",
    "家": "enterprises",
    "人次": "person-times",
    "人": "people",
    "名": "people",
    "户": "households",
    "套": "homes",
    "座": "facilities",
    "个": "items",
    "所": "schools",
    "元": "yuan",
    "万元": "10,000 yuan",
    "亿元": "100 million yuan",
    "%": "%",
    "％": "%",
    "个百分点": "percentage points",
    "百分点": "percentage points",
    "项": "items",
    "条": "lines",
    "件": "items",
    "处": "sites",
    "台": "units",
    "辆": "vehicles",
    "吨": "tonnes",
    "千瓦": "kW",
    "千瓦时": "kWh",
    "兆瓦": "MW",
    "倍": "times",
    "美元": "US dollars",
    "万美元": "10,000 US dollars",
    "亿美元": "100 million US dollars",
    "立方米": "m³",
    "微克/立方米": "µg/m³",
    "头": "head",
    "次": "times",
    "场": "events",
    "张": "items",
    "间": "rooms",
    "栋": "buildings",
    "棵": "trees",
    "株": "plants",
    "眼": "wells",
    "床": "beds",
}
_UNIT_SLUG = {
    "亩": "mu",
    "公顷": "ha",
    "公里": "km",
    "千米": "km",
    "平方公里": "km2",
    "平方米": "m2",
    "米": "m",
    "家": "firms",
    "人次": "visits",
    "人": "people",
    "名": "people",
    "户": "households",
    "套": "homes",
    "座": "sites",
    "个": "items",
    "所": "schools",
    "元": "yuan",
    "万元": "10k-yuan",
    "亿元": "100m-yuan",
    "%": "pct",
    "％": "pct",
    "个百分点": "points",
    "百分点": "points",
    "项": "items",
    "条": "lines",
    "件": "items",
    "处": "sites",
    "台": "units",
    "辆": "vehicles",
    "吨": "tonnes",
    "千瓦": "kw",
    "千瓦时": "kwh",
    "兆瓦": "mw",
    "倍": "times",
    "美元": "usd",
    "万美元": "10k-usd",
    "亿美元": "100m-usd",
    "立方米": "m3",
    "微克/立方米": "ug-m3",
    "头": "head",
    "次": "times",
    "场": "events",
    "张": "items",
    "间": "rooms",
    "栋": "buildings",
    "棵": "trees",
    "株": "plants",
    "眼": "wells",
    "床": "beds",
}


# -- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    """One clause of the report that looks like a commitment."""

    paragraph: str  # paragraph id (p-1-1, or p-auto-3 for a plain-text report)
    kind: str  # "quantity" | "milestone"
    quote: str  # exact substring of the paragraph's text
    start: int  # quote == context[start:end]
    end: int
    id: str  # suggested target id, unique within one extract() run
    number: float | None = None  # quantities: the figure, 万/亿 applied (50万亩 → 500000 亩)
    unit: str | None = None  # 亩, 人次, 亿元 (money keeps 万元/亿元 and is not scaled)
    comparator: str | None = None  # at_least | more_than | at_most | exactly | increase_pct
    figure: str = ""  # the figure as written: "50万亩"; the milestone verb for milestones
    counties: tuple[str, ...] = ()  # county ids named in the clause; () means the whole city
    context: str = field(default="", repr=False, compare=False)  # the paragraph's text
    figure_start: int = -1  # where `figure` is in the paragraph's text
    why: str = ""  # the words that made it a proposal, for the reviewer


@dataclass(frozen=True)
class Coverage:
    proposal: Proposal
    targets: tuple[str, ...]  # ids of the targets that track it, best match first

    @property
    def covered(self) -> bool:
        return bool(self.targets)


@dataclass(frozen=True)
class Ratio:
    n: int
    total: int

    @property
    def value(self) -> float:
        return self.n / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.value:.2f} ({self.n}/{self.total})" if self.total else "n/a (0/0)"


@dataclass(frozen=True)
class Measure:
    recall: Ratio  # targets whose quote overlaps a proposal / targets that quote this report
    precision: Ratio  # proposals covered by a target / proposals
    recall_by_kind: dict[str, Ratio]  # by the target's metric kind
    precision_by_kind: dict[str, Ratio]  # by the proposal's kind
    missed: tuple[str, ...]  # ids of targets no proposal overlaps
    elsewhere: int  # targets whose quote is not in this report (not counted)

    @property
    def in_scope(self) -> Ratio:
        """Recall over the kinds extract proposes (quantity and milestone targets)."""
        kinds = [
            self.recall_by_kind[k] for k in ("quantity", "milestone") if k in self.recall_by_kind
        ]
        return Ratio(sum(r.n for r in kinds), sum(r.total for r in kinds))


# -- paragraphs ---------------------------------------------------------------------------------


def paragraphs(
    text: str, fmt: str = "auto", problems: list[Any] | None = None, file: str = "report"
) -> list[tuple[str, str, str]]:
    """The report's blocks in order as (id, kind, text); kind is "heading" or "paragraph".

    fmt "md": the report Markdown with {#id} lines, parsed exactly as the build parses it.
    fmt "txt": plain text, paragraphs separated by blank lines, ids p-auto-1, p-auto-2, …
    fmt "auto": "md" when the text has a {#id} line, else "txt".
    problems: receives the parser's Diagnostics (a Markdown block without an id is dropped).
    """
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    if fmt == "auto":
        fmt = "md" if re.search(r"^\{#[^}\s]+\}\s*$", text, re.M) else "txt"
    if fmt == "md":
        from generator.report import parse

        found: list[Any] = []
        blocks = [(b.id, b.kind, b.text) for b in parse(text, file, found)]
        if problems is not None:
            problems.extend(found)
        return blocks
    chunks = [c for c in re.split(r"\n\s*\n", text) if c.strip()]
    blocks = [
        (f"p-auto-{i}", "".join(x.strip() for x in c.splitlines())) for i, c in enumerate(chunks, 1)
    ]
    return [(pid, "heading" if _HEADING.match(body) else "paragraph", body) for pid, body in blocks]


# A plain-text block that starts with a part or task number and has no full stop is a heading
# (三、2021年主要工作, （五）着力开建先进制造新体系): it names a part, it does not promise.
_HEADING = re.compile(
    r"^\s*(?:\**[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])[^。！？!?]*$"
)


# -- extraction ---------------------------------------------------------------------------------


def extract(
    text: str, counties: Iterable[Any], not_targets: Iterable[Any] = (), fmt: str = "auto"
) -> list[Proposal]:
    """Proposals for every paragraph of a report (Markdown with ids, or plain text).

    counties: County models, dicts as in counties.yaml, or (id, zh_name) pairs.
    not_targets: entries of not-targets.yaml (models or dicts with paragraph and text), or
    plain strings that are noise in any paragraph.
    """
    names = _county_pattern(counties)
    noise = _noise_by_paragraph(not_targets)
    proposals: list[Proposal] = []
    used: set[str] = set()
    for pid, kind, body in paragraphs(text, fmt):
        if kind != "paragraph":
            continue  # headings name parts and slogans, not aims
        for p in _paragraph(pid, body, names, noise.get(pid, []) + noise.get("", [])):
            proposals.append(_with_unique_id(p, used))
    return proposals


def _paragraph(
    pid: str, text: str, names: tuple[re.Pattern[str], dict[str, str]] | None, noise: list[str]
) -> list[Proposal]:
    blocked = _blocked(text, noise)
    found: list[Proposal] = []
    for start, end in _clauses(text):
        clause = text[start:end]
        quantities = _quantities(text, start, end, blocked)
        aim = _AIM.search(clause)
        if quantities and aim:
            for s, e, qs in _split_lists(text, start, end, quantities):
                for q in qs:
                    found.append(_quantity_proposal(pid, text, s, e, q, names, aim.group()))
            continue
        if _FRAME.match(text, start, end):
            continue
        for s, e in _split_milestones(text, start, end, blocked):
            cue = _milestone_cue(text, s, e, blocked)
            if cue:
                found.append(
                    Proposal(
                        pid,
                        "milestone",
                        text[s:e],
                        s,
                        e,
                        "",
                        figure=cue.group(),
                        counties=_counties(text[s:e], names),
                        context=text,
                        figure_start=cue.start(),
                        why=f"event verb {cue.group()} ({_slug(cue.group())})",
                    )
                )
    return found


def _milestone_cue(
    text: str, start: int, end: int, blocked: list[tuple[int, int]]
) -> re.Match[str] | None:
    """The first milestone verb of text[start:end] outside quotation marks; a weak one (建立,
    迁建, 全覆盖, 编制 …) only when no push word (加快, 推进 …) comes before it."""
    for m in _MILESTONE.finditer(text, start, end):
        if any(s <= m.start() < e and text[s + 1 : e - 1] != m.group() for s, e in blocked):
            continue  # part of a name in quotation marks; a quoted verb alone (“清零”) counts
        if _slug(m.group()) in _WEAK and _PUSH.search(text, start, m.start()):
            continue
        return m
    return None


def _slug(cue: str) -> str:
    return next((slug for pattern, slug in _MILESTONES if re.search(pattern, cue)), "milestone")


def _split_milestones(
    text: str, start: int, end: int, blocked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Split at 、 where each side has its own milestone verb:
    争取芮城通用机场建成、万荣通用机场开工 → two milestones."""
    parts, a, depth = [], start, 0
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif (
            ch == "、"
            and depth == 0
            and _milestone_cue(text, a, i, blocked)
            and _milestone_cue(text, i + 1, end, blocked)
        ):
            parts.append(_trim(text, a, i))
            a = i + 1
    parts.append(_trim(text, a, end))
    return parts


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of every clause: split at sentence ends and commas outside quotes and
    brackets, with the edge punctuation and spaces trimmed."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN and not (ch == '"' and depth):
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif ch in _SENTENCE_END or (depth == 0 and ch in _COMMA):
            spans.append((start, i))  # a sentence end also closes an unbalanced quotation
            start, depth = i + 1, 0
    spans.append((start, len(text)))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s[1] > s[0]]


_ENUMERATOR = re.compile(
    r"(?:[一二三四五六七八九十]+是|[（(][0-9一二三四五六七八九十]{1,3}[)）])(?=[\u3400-\u9fff])"
)  # 一是, （1）, (2)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and 、 at both ends, and an enumerator (一是, 二是, （1）) at the start."""
    m = _ENUMERATOR.match(text, start, end)
    if m:
        start = m.end()
    while start < end and (text[start].isspace() or text[start] in "、"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "、"):
        end -= 1
    return start, end


@dataclass(frozen=True)
class _Q:
    start: int
    end: int  # end of the figure, range and 以上 included
    number: float
    unit: str
    comparator: str
    figure: str
    because: str = ""  # the words the comparator was read from


def _blocked(text: str, noise: list[str]) -> list[tuple[int, int]]:
    """Spans whose numbers are never aims: quotations and known not-targets."""
    spans = [m.span() for m in _QUOTES.finditer(text)]
    for item in noise:
        spans += [(m.start(), m.start() + len(item)) for m in re.finditer(re.escape(item), text)]
    return spans


# 投资和产值均突破亿元: a bare 万元/亿元 after 突破, 超过 or 达到 at the end of the phrase is one.
_BARE_MONEY = re.compile(r"(?<=突破|超过|达到)(?P<unit>[万亿](?:元|美元))(?=[，,。；;、]|$)")


def _quantities(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> list[_Q]:
    found: list[_Q] = []
    for m in _BARE_MONEY.finditer(text, start, end):
        if not any(s < m.end() and m.start() < e for s, e in blocked):
            comparator, because = _comparator(text[start : m.start()], "", "", False)
            found.append(_Q(m.start(), m.end(), 1, m.group("unit"), comparator, m.group(), because))
    pos = start
    while True:
        m = _QUANTITY.search(text, pos, end)
        if not m:
            break
        pos = m.end()
        q = _quantity(text, m, start, end, blocked)
        if q is None:
            continue
        found.append(q)
        pos = max(pos, q.end)
    found.sort(key=lambda q: q.start)
    return [q for i, q in enumerate(found) if _is_aim(text, start, q, found[:i], found[i + 1 :])]


# Units that count things delivered (20家, 5所, 3万人); the others measure a size (3万吨,
# 10亿元, 20万亩), and a size in front of a noun usually describes the thing (3万吨酱香系列酒).
_COUNT_UNITS = frozenset(
    "家 个 所 项 座 条 处 套 张 间 栋 台 辆 件 户 名 人 人次 次 场 眼 床 棵 株 头".split()
)
# The last verb before a figure in front of a noun says whether the figure is delivered
# (新建12个公园, 打造10万亩基地) or the clause only pushes work along (推进551项重大项目建设,
# 深化12个领域改革, 加快建设3个基地): a verb right after a push word is pushed too.
_CUE = re.compile(
    "(?P<push>(?:加快|抓紧|积极|谋划|争取|统筹|有序|稳步)(?:推进|建设|推动|实施|打造)?|推进|推动|"
    "深化|抓好|完善|提升|巩固|加强|优化|做好|联动|依托|围绕|聚焦)|"
    "(?P<deliver>新建|改建|扩建|建设|建成|建好|实施|完成|新增|培育|引进|引入|打造|创建|改造|"
    "开工|竣工|启动|关停|清理|打通|治理|认定|认证|形成|安排|投资|腾出|盘活|发展|实现|开展|组织|"
    "筹集|筹措|转移|扶持|培训|签约|续建)"
)
_BEFORE_NOUN = re.compile(r"[\u3400-\u9fff]")  # the figure is followed by a word, not 、，。
_LIST = "、和及与并或"


def _is_aim(text: str, start: int, q: _Q, earlier: list[_Q], later: list[_Q]) -> bool:
    """Whether a figure states an aim. One at the end of its phrase (新增就业5万人, 达到70家,
    60家、300家) does; one in front of a noun may only describe it:
    - a threshold: 500万元以上工业项目, 10亿元以上项目…评选 (a size with 以上/以下), or any figure
      with 以上 that qualifies a later figure of the same phrase;
    - a size its verb does not deliver: 推进3万吨酱香系列酒项目建设, 20万亩国家储备林等项目列入;
    - a count the clause only pushes along: 深化12个领域改革, 推进551项重大项目建设."""
    if any(p.unit in ("%", "％") and text[p.end : p.end + 1] == "的" for p in earlier):
        return False  # 80%以上的村经常性收入达到150万元: 150万元 says which villages
    after = text[q.end : q.end + 1]
    if not _BEFORE_NOUN.match(after) or after in _LIST or text.startswith("用于", q.end):
        return True  # 新增就业5万人, 60家、300家, 34条67公里, 筹措100亿元用于…
    if q.unit in ("%", "％", "个百分点", "百分点"):
        return True  # 80%以上的村…
    count = q.unit in _COUNT_UNITS
    if text[q.end - 2 : q.end] in ("以上", "以下"):
        if not count:
            return False  # 500万元以上工业项目
        return not any(
            not any(ch in _LIST + "，," for ch in text[q.end : r.start]) for r in later
        )  # 1家以上国家级企业技术中心、190家以上…: both aims
    # 深化规划设计、…、乡村治理等12个领域: the verb is before the list the count closes
    stop = q.start
    if text[q.start - 1 : q.start] == "等" and "、" in text[start : q.start]:
        stop = text.index("、", start, q.start)
    cues = list(_CUE.finditer(text, start, stop))
    last = cues[-1].lastgroup if cues else None
    if count:
        return last != "push"
    return last == "deliver"


def _quantity(
    text: str, m: re.Match[str], start: int, end: int, blocked: list[tuple[int, int]]
) -> _Q | None:
    num, unit, mult = m.group("num"), m.group("unit"), m.group("mult") or ""
    a, b = m.span()
    if any(s < b and a < e for s, e in blocked):
        return None  # in quotation marks or a listed not-target
    before = text[a - 1] if a > 0 else ""
    after = text[b] if b < len(text) else ""
    if (
        re.match(r"[A-Za-z0-9.]", before)
        or re.match(r"[A-Za-z]", after)
        or re.match(r"[A-Za-z]", text[a + len(num)] if a + len(num) < len(text) else "")
    ):
        return None  # 5G, PM2.5, 5A级
    if before == "第":
        return None  # an ordinal
    if num[0].isdigit():
        value = float(num)
        if unit in ("元", "美元") and mult:
            unit = mult + unit  # money stays in 万元/亿元, as the report writes it
        elif mult:
            value *= 10_000 if mult == "万" else 100_000_000
    else:
        if num == "一" and "每" not in text[start:a]:
            return None  # 一个核心区, 一批: not a count that anyone tracks (每个城区建设一个…is)
        if _slogan(text, b):
            return None  # 三个强市, 四个运城, 两条底线
        value = _cn_number(num)
        if value is None:
            return None
    stop = b
    ranged = False
    range_m = _RANGE_TAIL.match(text, b)
    if range_m and range_m.end() <= end:
        stop, ranged = range_m.end(), True  # 1所至2所: at least the lower figure
    low = _RANGE_HEAD.search(text, start, a)
    if low and num[0].isdigit() and not re.match(r"[\d.]", text[low.start() - 1 : low.start()]):
        a, ranged = low.start(), True  # 1-2个: at least 1
        value = float(low.group("low")) * (value / float(num))
    tail = text[stop : stop + 2]
    extra = 0
    if text[stop : stop + 3] in ("及以上", "及以下"):  # 1000立方米及以下高炉
        tail, extra = text[stop + 1 : stop + 3], 1
    head = text[start:a]
    approx = "a range" if ranged else m.group("approx")
    comparator, because = _comparator(head, tail, unit, approx or "")
    if tail in ("以上", "以下", "以内", "左右"):
        stop += 2 + extra
    value = int(value) if float(value).is_integer() else round(value, 6)
    return _Q(a, stop, value, unit, comparator, text[a:b], because)


def _comparator(head: str, tail: str, unit: str, at_least: str) -> tuple[str, str]:
    """(comparator, the words it was read from). head: the clause before the figure; tail:
    the two characters after it (and its range); at_least: 多/余 after the number, or "a range".
    The nearest word decides; a growth rate in per cent is increase_pct."""
    growth = _GROWTH_BEFORE.search(head) if unit in ("%", "％") else None
    if growth:
        return "increase_pct", growth.group()[:2]  # 增长8%, 增长8%以上, 增长8%左右
    if tail == "以上" or at_least:
        return "at_least", at_least or tail  # 50万亩以上, 10余所, 1至2所
    if tail in ("以下", "以内"):
        return "at_most", tail
    words = list(_BEFORE.finditer(head[-12:]))
    nearest = words[-1] if words else None
    if tail == "左右":  # about: a level, unless it is a ceiling (控制在3%左右)
        if nearest and nearest.lastgroup == "at_most":
            return "at_most", f"{nearest.group()}…左右"
        return "exactly", tail
    if nearest:
        return str(nearest.lastgroup), nearest.group()
    return "exactly", ""


def _slogan(text: str, after_unit: int) -> bool:
    """三个强市: a Chinese numeral, 个 and two characters, then the clause or quote ends."""
    tail = text[after_unit : after_unit + 3]
    return (
        len(tail) >= 2
        and bool(_CJK.fullmatch(tail[0]) and _CJK.fullmatch(tail[1]))
        and (len(tail) == 2 or not _CJK.fullmatch(tail[2]) or tail[2] in "是的")
    )


def _cn_number(s: str) -> float | None:
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits.update({"〇": 0, "两": 2})
    small = {"十": 10, "百": 100, "千": 1000}
    big = {"万": 10_000, "亿": 100_000_000}
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in digits:
            digit = digits[ch]
        elif ch in small:
            section += (1 if digit is None else digit) * small[ch]
            digit = None
        elif ch in big:
            section += digit or 0
            total += (section or 1) * big[ch]
            section, digit = 0, None
        else:
            return None
    return float(total + section + (digit or 0))


def _split_lists(text: str, start: int, end: int, qs: list[_Q]) -> list[tuple[int, int, list[_Q]]]:
    """Split a clause at 、/及/和/并/与 where each side holds its own figure:
    完成植树造林16.7万亩、水土流失治理36.9万亩 → two clauses. A bare list of figures
    (分别达到60家、300家) stays one clause with two proposals."""
    cuts = []
    for i in range(start + 1, end - 1):
        if text[i] not in "、及和并与":
            continue
        left = [q for q in qs if q.end <= i]
        right = [q for q in qs if q.start > i]
        if not left or not right:
            continue
        if left[-1].end == i and right[0].start == i + 1:
            continue  # 60家、300家
        if any(q.start < i < q.end for q in qs) or _inside_quote(text, start, i):
            continue
        cuts.append(i)
    parts, a = [], start
    for c in cuts:
        parts.append((a, c))
        a = c + 1
    parts.append((a, end))
    out = []
    for s, e in parts:
        s, e = _trim(text, s, e)
        inside = [q for q in qs if s <= q.start and q.end <= e]
        if inside:
            out.append((s, e, inside))
    return out


def _inside_quote(text: str, start: int, i: int) -> bool:
    return text.count("“", start, i) > text.count("”", start, i)


def _quantity_proposal(
    pid: str,
    text: str,
    s: int,
    e: int,
    q: _Q,
    names: tuple[re.Pattern[str], dict[str, str]] | None,
    aim: str = "",
) -> Proposal:
    return Proposal(
        pid,
        "quantity",
        text[s:e],
        s,
        e,
        "",
        number=q.number,
        unit=q.unit,
        comparator=q.comparator,
        figure=q.figure,
        counties=_counties(text[s:e], names),
        context=text,
        figure_start=q.start,
        why=f"figure {q.figure}; aim word {aim}; {q.comparator}: "
        + (q.because or "a plain figure"),
    )


# -- counties and noise -------------------------------------------------------------------------


def _county_names(counties: Iterable[Any]) -> list[tuple[str, str]]:
    pairs = []
    for c in counties:
        if isinstance(c, tuple):
            cid, name = c
        elif isinstance(c, Mapping):
            cid, name = c.get("id"), (c.get("name") or {}).get("zh")
        else:
            cid, name = c.id, c.name.zh
        if isinstance(cid, str) and isinstance(name, str) and name.strip():
            pairs.append((cid, name.strip()))
    return pairs


def _county_pattern(counties: Iterable[Any]) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """One regex for all names, longest first: 新绛县 is Xinjiang, not 绛县 (Jiangxian)."""
    by_name: dict[str, str] = {}
    for cid, name in _county_names(counties):
        by_name[name] = cid
        short = re.sub(r"[县市区]$", "", name)
        if len(short) >= 2:
            by_name.setdefault(short, cid)
    if not by_name:
        return None
    alternatives = sorted(by_name, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in alternatives)), by_name


def _counties(clause: str, names: tuple[re.Pattern[str], dict[str, str]] | None) -> tuple[str, ...]:
    if names is None:
        return ()
    pattern, by_name = names
    ids: list[str] = []
    for m in pattern.finditer(clause):
        if by_name[m.group()] not in ids:
            ids.append(by_name[m.group()])
    return tuple(ids)


def _noise_by_paragraph(not_targets: Iterable[Any]) -> dict[str, list[str]]:
    """paragraph id → texts; "" holds texts that are noise in every paragraph."""
    out: dict[str, list[str]] = {}
    for item in not_targets:
        if isinstance(item, str):
            pid, text = "", item
        elif isinstance(item, Mapping):
            pid, text = item.get("paragraph") or "", item.get("text")
        else:
            pid, text = getattr(item, "paragraph", "") or "", getattr(item, "text", None)
        if isinstance(text, str) and text and isinstance(pid, str):
            out.setdefault(pid, []).append(text)
    return out


# -- ids ----------------------------------------------------------------------------------------


def _slug_number(value: float) -> str:
    return (
        f"{value:f}".rstrip("0").rstrip(".") if not float(value).is_integer() else str(int(value))
    ).replace(".", "-")


def _with_unique_id(p: Proposal, used: set[str]) -> Proposal:
    """p-1-1-500000-mu for a quantity, p-2-3-wanrong-start for a milestone; -2, -3 on repeats."""
    if p.kind == "quantity" and p.number is not None:
        tail = f"{_slug_number(p.number)}-{_UNIT_SLUG.get(p.unit or '', 'units')}"
    else:
        verb = _slug(p.figure)
        tail = "-".join([*p.counties[:2], verb])
    base = re.sub(r"[^a-z0-9]+", "-", f"{p.paragraph}-{tail}".lower()).strip("-")
    pid, n = base, 2
    while pid in used:
        pid, n = f"{base}-{n}", n + 1
    used.add(pid)
    return replace(p, id=pid)


# -- coverage and measurement -------------------------------------------------------------------


def _spans(quote: str, context: str) -> list[tuple[int, int]]:
    if not quote:
        return []
    return [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), context)]


def _target_fields(t: Any) -> tuple[str, str, str, str]:
    """(id, paragraph, quote, kind) of a Target model or a raw target dict."""
    if isinstance(t, Mapping):
        source = t.get("source") if isinstance(t.get("source"), Mapping) else {}
        metric = t.get("metric") if isinstance(t.get("metric"), Mapping) else {}
        values = (
            t.get("id"),
            source.get("paragraph"),
            source.get("quote"),
            metric.get("kind") or "qualitative",
        )
        return tuple(v if isinstance(v, str) else "" for v in values)  # type: ignore[return-value]
    return t.id, t.paragraph, t.quote, t.metric.kind


def coverage(proposals: Sequence[Proposal], targets: Iterable[Any]) -> list[Coverage]:
    """For each proposal, the existing targets in its paragraph whose quote overlaps the
    proposal's clause or contains its figure; the largest overlap first."""
    by_paragraph: dict[str, list[tuple[str, str]]] = {}
    for t in targets:
        tid, pid, quote, _ = _target_fields(t)
        if tid and quote:
            by_paragraph.setdefault(pid, []).append((tid, quote))
    out = []
    for p in proposals:
        hits: list[tuple[int, str]] = []
        for tid, quote in by_paragraph.get(p.paragraph, []):
            overlap = max(
                (min(e, p.end) - max(s, p.start) for s, e in _spans(quote, p.context)), default=0
            )
            if overlap > 0 or (p.kind == "quantity" and p.figure and p.figure in quote):
                hits.append((-max(overlap, 0), tid))
        out.append(Coverage(p, tuple(tid for _, tid in sorted(hits))))
    return out


def measure(
    proposals: Sequence[Proposal], targets: Iterable[Any], texts: Mapping[str, str]
) -> Measure:
    """Recall: share of the targets quoting this report whose quote overlaps a proposal.
    Precision: share of the proposals that an existing target covers.
    texts: paragraph id → text of the report the proposals came from."""
    targets = list(targets)
    spans: dict[str, list[tuple[int, int]]] = {}
    for p in proposals:
        spans.setdefault(p.paragraph, []).append((p.start, p.end))
    hit: dict[str, list[int]] = {}
    missed: list[str] = []
    elsewhere = 0
    for t in targets:
        tid, pid, quote, kind = _target_fields(t)
        where = _spans(quote, texts.get(pid, ""))
        if not where:
            elsewhere += 1  # the target quotes another report, or its paragraph changed
            continue
        ok = any(s < pe and ps < e for s, e in where for ps, pe in spans.get(pid, []))
        hit.setdefault(kind, [0, 0])
        hit[kind][0] += ok
        hit[kind][1] += 1
        if not ok:
            missed.append(tid)
    covered = coverage(proposals, targets)
    by_kind: dict[str, list[int]] = {}
    for c in covered:
        by_kind.setdefault(c.proposal.kind, [0, 0])
        by_kind[c.proposal.kind][0] += c.covered
        by_kind[c.proposal.kind][1] += 1
    order = ("quantity", "milestone", "qualitative")
    return Measure(
        recall=Ratio(sum(v[0] for v in hit.values()), sum(v[1] for v in hit.values())),
        precision=Ratio(sum(c.covered for c in covered), len(covered)),
        recall_by_kind={k: Ratio(*hit[k]) for k in sorted(hit, key=_order(order))},
        precision_by_kind={k: Ratio(*by_kind[k]) for k in sorted(by_kind, key=_order(order))},
        missed=tuple(sorted(missed)),
        elsewhere=elsewhere,
    )


def _order(order: tuple[str, ...]):  # noqa: ANN202
    return lambda k: (order.index(k) if k in order else len(order), k)


# -- stubs --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    section: str
    theme: str


def places(
    blocks: Sequence[tuple[str, str, str]], sections: Iterable[Any]
) -> dict[str, list[tuple[int, Place]]]:
    """paragraph id → [(offset, place)]: the section and theme a clause at or after `offset`
    belongs to. A theme starts at its paragraph; where several themes share one paragraph
    (part five), each starts where its title appears in the text."""
    secs = []
    for s in sections:
        if isinstance(s, Mapping):
            themes = [
                (t.get("id"), t.get("paragraph"), (t.get("title") or {}).get("zh", ""))
                for t in s.get("themes") or []
                if isinstance(t, Mapping)
            ]
            secs.append((s.get("id"), s.get("paragraph"), themes))
        else:
            secs.append((s.id, s.paragraph, [(t.id, t.paragraph, t.title.zh) for t in s.themes]))
    out: dict[str, list[tuple[int, Place]]] = {}
    current: Place | None = None
    for pid, _, text in blocks:
        marks: list[tuple[int, Place]] = []
        for sid, spid, themes in secs:
            if spid == pid:
                current = Place(sid, themes[0][0] if themes else "")
        for sid, _, themes in secs:
            for tid, tpid, title in themes:
                if tpid == pid:
                    at = text.find(title) if title else -1
                    marks.append((max(at, 0), Place(sid, tid)))
        marks.sort(key=lambda m: m[0])
        if marks:
            marks[0] = (0, marks[0][1])
        elif current is not None:
            marks = [(0, current)]
        out[pid] = marks
        if marks:
            current = marks[-1][1]
    return out


def place_of(p: Proposal, where: Mapping[str, list[tuple[int, Place]]]) -> Place | None:
    marks = where.get(p.paragraph) or []
    found = None
    for offset, place in marks:
        if offset <= p.start:
            found = place
    return found


def first_place(sections: Iterable[Any]) -> Place | None:
    """The first section of sections.yaml and its first theme: the guess for a clause that
    comes before every section's paragraph."""
    for s in sections:
        if isinstance(s, Mapping):
            themes = [t.get("id") for t in s.get("themes") or [] if isinstance(t, Mapping)]
            sid = s.get("id")
        else:
            themes, sid = [t.id for t in s.themes], s.id
        if isinstance(sid, str) and themes and isinstance(themes[0], str):
            return Place(sid, themes[0])
    return None


def stub(p: Proposal, place: Place | None, deadline: str, guessed: bool = False) -> str:
    """A draft target file for the proposal. It validates as it is (moved into targets/), so
    the reviewer starts from a working file; every guess is marked `# TODO check`, and the
    English title is the Chinese one until someone translates it (`validate --report` lists
    it as missing English)."""
    q = json.dumps  # a JSON string is a valid YAML double-quoted scalar

    def zh(text: str | None) -> str:
        return q(text or "", ensure_ascii=False)

    where = (
        "the first part: no part of sections.yaml starts before it"
        if guessed
        else ("from sections.yaml: the part this paragraph is in")
    )
    lines = [
        SCHEMA_LINE,
        "# DRAFT written by `python -m generator extract --write`. Not published: the build reads",
        "# content/targets/ only. Check every line marked TODO, translate the title, then move it:",
        f"# git mv content/{PROPOSALS}/{p.id}.yaml content/targets/{p.id}.yaml",
        f"# Proposed because: {p.why}" if p.why else "# Proposed by extract",
        f"id: {p.id}",
        f"section: {zh(place.section if place else '')}  # TODO check ({where})",
        f"theme: {zh(place.theme if place else '')}  # TODO check",
        "title:",
        f"  zh: {zh(p.quote)}  # TODO shorten if you like",
        f"  en: {zh(p.quote)}  # TODO translate (until then validate --report lists it)",
        "source:",
        f"  paragraph: {p.paragraph}",
        f"  quote: {zh(p.quote)}",
        "metric:",
        f"  kind: {p.kind}  # TODO check: quantity | milestone | qualitative",
    ]
    if p.kind == "quantity":
        unit_en = _UNIT_EN.get(p.unit or "") or (p.unit or "")
        lines += [
            f"  target: {p.number}  # TODO check: read from {zh(p.figure)}",
            f"  comparator: {p.comparator}  # TODO check: at_least | more_than | at_most | "
            "exactly | increase_pct",
            f"  unit: {{zh: {zh(p.unit)}, en: {q(unit_en, ensure_ascii=False)}}}"
            "  # TODO check the English unit",
        ]
    counties = ", ".join(p.counties) if p.counties else "all"
    lines += [
        f"counties: [{counties}]  # TODO check (the counties the quote names, else all; see "
        "docs/content.md)",
        f"deadline: {deadline}  # TODO check",
        "updates: []",
    ]
    return "\n".join(lines) + "\n"


def write_stubs(
    items: Sequence[Coverage],
    content: Path,
    where: Mapping[str, Any],
    deadline: str,
    fallback: Place | None = None,
) -> tuple[list[Path], list[Path]]:
    """Write a stub for every uncovered proposal into content/proposals/.
    Returns (written, kept): a file that exists (here or in targets/) is never replaced."""
    folder = content / PROPOSALS
    written: list[Path] = []
    kept: list[Path] = []
    for item in items:
        if item.covered:
            continue
        p = item.proposal
        path = folder / f"{p.id}.yaml"
        existing = content / "targets" / f"{p.id}.yaml"
        if existing.exists():
            kept.append(existing)
            continue
        folder.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("x", encoding="utf-8", newline="\n") as fh:  # "x": never overwrite
                place = place_of(p, where)
                fh.write(stub(p, place or fallback, deadline, guessed=place is None))
        except FileExistsError:
            kept.append(path)
            continue
        written.append(path)
    return written, kept


# -- the command --------------------------------------------------------------------------------


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass
class _Content:
    counties: list[Any]
    not_targets: list[Any]
    sections: list[Any]
    targets: list[Any]
    deadline: str
    problems: int


def _read_content(content: Path) -> _Content:
    """The validated site when the content is valid; otherwise the files as they are, so a
    half-finished target elsewhere does not stop the extraction."""
    from generator.load import load
    from generator.validate import errors_only, validate

    src = load(content)
    site, problems = validate(src)
    nt = (
        src.not_targets.value if src.not_targets and isinstance(src.not_targets.value, list) else []
    )
    if site is not None:
        return _Content(
            list(site.counties),
            nt,
            list(site.sections),
            list(site.targets),
            f"{site.info.report_date.year}-12-31",
            0,
        )

    def listed(doc: Any) -> list[Any]:
        value = doc.value if doc is not None else None
        return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []

    site_value = src.site.value if src.site and isinstance(src.site.value, Mapping) else {}
    date = str((site_value.get("report") or {}).get("date", ""))
    deadline = f"{date[:4]}-12-31" if re.match(r"\d{4}-", date) else '""  # TODO'
    targets = [d.value for d in src.targets if isinstance(d.value, Mapping)]
    return _Content(
        listed(src.counties),
        listed(src.not_targets),
        listed(src.sections),
        targets,
        deadline,
        len(errors_only(problems)),
    )


def as_json(c: Coverage) -> dict[str, Any]:
    """One proposal as `extract --json` prints it."""
    p = c.proposal
    return {
        "paragraph": p.paragraph,
        "quote": p.quote,
        "kind": p.kind,
        "number": p.number,
        "unit": p.unit,
        "comparator": p.comparator,
        "counties": list(p.counties) or ["all"],
        "why": p.why,
        "id": p.id,
        "figure": p.figure,
        "start": p.start,
        "end": p.end,
        "covered_by": list(c.targets),
    }


@click.command("extract")
@click.option(
    "--report",
    "report_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Report to read: Markdown with {#id} lines, or plain .txt (paragraphs "
    "separated by blank lines).  [default: CONTENT/report/zh.md]",
)
@click.option(
    "--content",
    type=click.Path(path_type=Path),
    default=CONTENT,
    show_default=True,
    help="Folder with counties.yaml, not-targets.yaml, sections.yaml and targets/.",
)
@click.option(
    "--write",
    is_flag=True,
    help="Write a draft target file for each uncovered proposal into CONTENT/proposals/ "
    "(never replaces a file). 为每条尚无承诺文件的建议在 CONTENT/proposals/ 中起草承诺文件"
    "（不覆盖已有文件）。",
)
@click.option(
    "--json",
    "as_json_lines",
    is_flag=True,
    help="Print one JSON object a line for each proposal (paragraph, quote, kind, number, "
    "unit, comparator, counties, why, id, figure, start, end, covered_by) instead of the "
    "table. 每条建议输出一行 JSON（段落编号、原文、类型、数值、单位、比较方式、"
    "县（市、区）、提出理由等），代替表格。",
)
def extract_command(
    report_file: Path | None, content: Path, write: bool, as_json_lines: bool
) -> None:
    """Propose commitments from the report's Chinese text and show which are tracked.

    从报告中文原文中找出可能的承诺（数量目标、节点目标），并列出哪些已有承诺文件。

    Each clause with a figure and a target phrase (新建高标准农田50万亩以上) or an event
    verb (开工, 建成, 通过验收 …) is a proposal; it is covered when a target in the same
    paragraph quotes an overlapping text. Ends with recall and precision against the
    existing target files, when any of them quotes this report.

    含数字和目标用语的分句（新建高标准农田50万亩以上）或含节点动词（开工、建成、通过验收……）
    的分句即为一条建议；同一段落中已有承诺文件引用了重叠的原文，即视为已覆盖。最后列出与已有
    承诺文件相比的召回率和准确率（没有承诺文件引用这份报告时不列）。

    \b
    With --json each line is one proposal, for example:
    使用 --json 时每行是一条建议，例如：
      {"paragraph": "p-1-1", "quote": "新建高标准农田50万亩以上", "kind": "quantity",
       "number": 500000, "unit": "亩", "comparator": "at_least", "counties": ["all"],
       "why": "figure 50万亩; aim word 新建; at_least: 以上", "id": "p-1-1-500000-mu",
       "figure": "50万亩", "start": 87, "end": 100, "covered_by": ["farmland-high-standard"]}
    counties ["all"]: no county is named (the whole city). why: the words that made it a
    proposal. covered_by: ids of the target files that already track it.
    counties 为 ["all"] 表示原文未点名县（市、区）；why 为提出理由；covered_by 为已跟踪此条
    的承诺文件编号。
    """
    from generator.load import display_path

    started = time.perf_counter()
    if not content.is_dir():
        raise click.BadParameter(f"folder not found: {content}", param_hint="--content")
    tracked = content / "report" / "zh.md"
    path = report_file if report_file is not None else tracked
    hint = "--report" if report_file is not None else "--content"
    if not path.is_file():
        raise click.BadParameter(f"file not found: {path}", param_hint=hint)
    if path.suffix.lower() not in (".md", ".txt", ".markdown"):
        raise click.BadParameter(
            f"{path.name}: use a Markdown (.md) or plain-text (.txt) file", param_hint=hint
        )
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise click.BadParameter(
            f"{path} is not UTF-8 text; save it as UTF-8", param_hint=hint
        ) from None
    fmt = "txt" if path.suffix.lower() == ".txt" else "md"

    found: list[Any] = []
    blocks = paragraphs(text, fmt, found, display_path(path))
    if not blocks:
        raise click.BadParameter(
            f"no paragraphs found in {path}"
            + (
                "; the Markdown needs an id line {#p-…} above each paragraph (or use a .txt file)"
                if fmt == "md"
                else ""
            ),
            param_hint=hint,
        )
    for problem in found:
        click.echo(f"! {problem.format()}", err=True)
    data = _read_content(content)
    if data.problems:
        click.echo(
            f"! the content has {data.problems} problem(s) (see `python -m generator "
            "validate`); coverage uses the target files as they are",
            err=True,
        )
    proposals = extract(text, data.counties, data.not_targets, fmt=fmt)
    items = coverage(proposals, data.targets)
    say = (lambda line: click.echo(line, err=True)) if as_json_lines else click.echo

    if as_json_lines:
        for c in items:
            click.echo(json.dumps(as_json(c), ensure_ascii=False))
    else:
        click.echo(f"{'paragraph':<10} {'kind':<9} {'covered by':<36} clause")
        for c in items:
            p = c.proposal
            by = c.targets[0] if c.targets else "—"
            click.echo(f"{p.paragraph:<10} {p.kind:<9} {_short(by, 36):<36} {_short(p.quote)}")
    n_cov = sum(c.covered for c in items)
    say(f"{len(items)} proposals: {n_cov} covered, {len(items) - n_cov} uncovered")

    if write:
        if path.resolve() != tracked.resolve():
            say(
                f"! the drafts quote {display_path(path)}; they validate once that text is "
                f"the tracked report ({display_path(tracked)}), see docs/new-report.md"
            )
        written, kept = write_stubs(
            items,
            content,
            places(blocks, data.sections),
            data.deadline,
            first_place(data.sections),
        )
        for f in written:
            say(f"wrote {f.as_posix()}")
        for f in kept:
            say(f"kept {f.as_posix()} (exists; not replaced)")
        if written:
            say(
                "To publish one: check the lines marked TODO and translate the title, then "
                f"`git mv {content.as_posix()}/{PROPOSALS}/ID.yaml "
                f"{content.as_posix()}/targets/ID.yaml` and run "
                "`python -m generator validate`."
            )

    m = measure(proposals, data.targets, {pid: body for pid, _, body in blocks})
    if m.elsewhere:
        say(f"{m.elsewhere} target(s) quote text that is not in {path.name}; not counted")
    if not m.recall.total:
        # no target quotes this report: nothing to measure against, so no precision either
        say("recall by target kind: n/a")
        say("precision by proposal kind: n/a (no target quotes this report)")
        say(f"({time.perf_counter() - started:.2f} s)")
        say("recall: n/a (0/0), precision: n/a (no target quotes this report)")
        return
    say(
        "recall by target kind: "
        + ", ".join(f"{k} {r}" for k, r in m.recall_by_kind.items())
        + f"; quantity+milestone {m.in_scope}"
    )
    say(
        "precision by proposal kind: "
        + ", ".join(f"{k} {r}" for k, r in m.precision_by_kind.items())
        if m.precision_by_kind
        else "precision by proposal kind: n/a"
    )
    say(f"({time.perf_counter() - started:.2f} s)")
    say(f"recall: {m.recall}, precision: {m.precision}")
