"""The words and patterns extract's rules read a report with (see generator/extract/).

Text patterns only: what a sentence, a clause, a figure, an aim, a comparator word, a milestone
verb and a push word look like. The rules that use them are in rules.py and quantities.py.
"""

from __future__ import annotations

import re

# -- text patterns ------------------------------------------------------------------------------

_SENTENCE_END = "。；;！？!?：:"
_STOP = re.compile("[。！？!?]")  # a full stop; ；and ： end a clause, not the sentence
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
        "公斤",
        "千克",
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
    r"(?P<mult>(?<=\d)(?:万亿|[万亿]))?"  # 5.5万亿元
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
    "计划|关停|清理|打通|降至|降到|"
    "[新改扩][(（]?[^，,。；]{0,5}?建"  # 新建, 改扩建, 新(改、扩)建
)
# The comparator word nearest before the figure decides (docs/content.md): 突破 and 超过 are
# strictly more (more_than); 达到, 不少于 and a level to raise to (提高到20%) are at_least; a
# level to lower to (降至5%, 下降到2.5) is at_most.
_BEFORE = re.compile(
    "(?P<at_most>不超过|不高于|控制在|低于|以内|(?:降|降低|下降|减少|压减|压缩|压降)[到至])|(?P<more_than>突破|超过|高于|超$)|"
    "(?P<at_least>不少于|不低于|至少|达到|达|(?:提高|提升|增加|扩大|恢复)[到至])"
)
# A growth rate: 增长8%, 分别增长5%和16%, 增长超过30%; not 提高到20% (a level).
_GROWTH_BEFORE = re.compile("(?:增长|增幅|增速|上涨|提高|提升)(?![到至])[^，,。；：:]{0,12}$")
_RANGE_HEAD = re.compile(r"(?P<low>\d+(?:\.\d+)?)(?:-|—|–|~|～|至|到)$")  # 1-2个: from 1

# Milestones: the first verb found names the proposal's id (…-start, …-acceptance). A verb
# inside quotation marks is part of a name (“十大新开工项目”, “上市100”) and does not count.
_MILESTONES: tuple[tuple[str, str], ...] = (
    (r"投入使用|交付使用|建成投用|投用|启用|投运", "in-use"),
    (r"通过[^，,。；]{0,4}验收|(?:终期|竣工|评价)验收|验收合格", "acceptance"),
    (r"获批", "approval"),
    (r"(?<=区)扩区", "expansion"),  # 风陵渡、绛县开发区扩区 (a zone enlarged)
    (r"挂牌|(?<!具有)上市(?!潜力|公司|后备|步伐)", "listing"),  # not 加快…上市步伐 (a pace)
    (r"(?:纳入|列入)[^，,。；]{0,30}?(?:试点|名录|清单|范围|项目库|目录)", "inclusion"),
    (r"全覆盖", "full-coverage"),
    (r"清零", "zero"),
    (r"创建成功|成功创建|创建为|创成", "title"),
    (r"(?<!创)建成", "completion"),  # not 巩固…创建成果
    (r"竣工(?!率|达产率)|完工|收尾(?=工作|工程)", "completion"),  # 做好…收尾工作
    (r"开工(?!率)|开建", "start"),
    (r"投产|(?:实现|开始)[^，,。；]{0,20}?生产", "production"),
    (
        r"正式开放|口岸[^，,。；]{0,4}开放|开通|通车|招生|开学|开业|开园|开馆|"
        r"新开(?=[^，,。；]{0,30}?(?:线路|航线|班列|专线))|"  # 新开…2条公交线路
        # 打通学苑路北延、…等“断头路”: roads named before 断头路, not 打通群众急需的断头路
        r"打通(?=[^，,。；]{1,30}?[路街道桥][^，,。；]{0,30}?断头路)",
        "opening",
    ),
    (r"创建[^，,。；]{0,6}A级", "a-level"),
    (r"迁建", "relocation"),
    (r"启动", "launch"),
    (r"举办|承办|办好[^，,。；]{0,30}?(?:会|节|赛|展)", "event"),
    (r"设立|组建|(?<!构)建立(?!健全)", "establishment"),  # not 构建立体化, 建立健全
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

# A Chinese enumerator at the start of a clause.
_ENUMERATOR = re.compile(
    r"(?:[一二三四五六七八九十]+是|[（(][0-9一二三四五六七八九十]{1,3}[)）])(?=[\u3400-\u9fff])"
)  # 一是, （1）, (2)

# A plain-text block that starts with a part or task number and has no full stop is a heading
# (三、2021年主要工作, （五）着力开建先进制造新体系): it names a part, it does not promise.
_HEADING = re.compile(
    r"^\s*(?:\**[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])[^。！？!?]*$"
)

# 投资和产值均突破亿元: a bare 万元/亿元 after 突破, 超过 or 达到 at the end of the phrase is one.
_BARE_MONEY = re.compile(r"(?<=突破|超过|达到)(?P<unit>[万亿](?:元|美元))(?=[，,。；;、]|$)")

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
