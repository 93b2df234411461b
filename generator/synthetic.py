"""Synthetic content in the real format, for benchmarks: `make_content(dest, n_targets, seed)`.

A pure function of (n_targets, seed): the same bytes every time. The tree has site.yaml, the real
counties.yaml and map file (copied from the repository's content/), 7 sections of 3–5 themes, a
report of about N/5 paragraphs in both languages, N target files, a glossary and not-targets.
Every target quotes an exact sentence of its paragraph, so the tree passes the real validator.
Text is assembled from a fixed vocabulary of realistic phrases, so Chinese word segmentation and
the English stemmer see varied words rather than one repeated string.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

REPO_CONTENT = Path(__file__).resolve().parent.parent / "content"
SECTIONS = 7

# -- vocabulary -------------------------------------------------------------------------------

# Section titles: (zh, en). Seven are drawn, in an order fixed by the seed.
SECTION_TITLES = [
    (
        "全力推进乡村振兴 促进城乡融合发展",
        "Advance rural revitalization and bring town and country together",
    ),
    (
        "全力打造创新高地 促进产业转型升级",
        "Build a highland of innovation and upgrade our industries",
    ),
    (
        "全力扩大有效需求 促进经济稳定增长",
        "Expand effective demand and keep the economy growing steadily",
    ),
    (
        "全力实施城市更新 促进城市品质提升",
        "Carry out urban renewal and raise the quality of our cities",
    ),
    (
        "全力深化重点改革 促进发展活力迸发",
        "Deepen key reforms and release the energy of development",
    ),
    (
        "全力守护绿水青山 促进生态环境改善",
        "Protect our rivers and mountains and improve the environment",
    ),
    (
        "全力增进民生福祉 促进社会和谐稳定",
        "Improve people's well-being and keep society harmonious and stable",
    ),
    (
        "全力扩大对外开放 促进区域协同发展",
        "Open wider to the outside world and develop together with our neighbours",
    ),
    (
        "全力建设法治政府 促进治理能力提升",
        "Build a law-based government and strengthen our capacity to govern",
    ),
    (
        "全力发展文化旅游 促进文旅深度融合",
        "Develop culture and tourism and bring the two closer together",
    ),
]

# Theme titles: (id, zh, en). Drawn without replacement, so ids are unique across the site.
THEME_TITLES = [
    ("modern-agriculture", "打造现代农业强市", "A strong city of modern agriculture"),
    ("grain-security", "守住粮食安全底线", "Hold the bottom line of food security"),
    ("fruit-industry", "做强果业特色产业", "Make the fruit industry stronger"),
    ("emerging-industries", "打造新兴产业强市", "A strong city of emerging industries"),
    ("digital-economy", "加快发展数字经济", "Speed up the digital economy"),
    ("innovation", "构建创新高地", "A highland of innovation"),
    ("talent", "构建人才高地", "A highland of talent"),
    ("opening-up", "构建开放高地", "A highland of opening-up"),
    ("investment", "积极扩大有效投资", "Expand effective investment"),
    ("consumption", "促进消费回暖升级", "Revive and upgrade consumption"),
    ("urban-renewal", "实施城市更新行动", "Urban renewal"),
    ("rural-construction", "实施乡村建设行动", "Rural construction"),
    ("transport", "完善综合交通网络", "A complete transport network"),
    ("energy-revolution", "深化能源革命", "Energy revolution"),
    ("development-zones", "深化开发区改革", "Reform of development zones"),
    ("state-enterprises", "深化国资国企改革", "Reform of state-owned enterprises"),
    ("streamlining", "深化放管服效改革", "Streamlining administration and improving services"),
    ("green-development", "筑牢绿色发展底线", "Green development"),
    ("yellow-river", "加强黄河流域生态保护", "Ecological protection of the Yellow River basin"),
    ("safety", "筑牢安全稳定底线", "Safety and stability"),
    ("employment", "稳定和扩大就业", "Stable and growing employment"),
    ("education", "办好人民满意的教育", "Education people are satisfied with"),
    ("health", "打造健康运城", "A healthy Yuncheng"),
    ("culture", "繁荣发展文化事业", "A flourishing cultural life"),
    ("tourism", "打造知名旅游强市", "A renowned tourism city"),
    ("social-security", "健全社会保障体系", "A sound social security system"),
    ("elderly-care", "完善养老服务体系", "Better care for the elderly"),
    ("housing", "改善群众住房条件", "Better housing"),
    ("rule-of-law", "提升法治观念，依纪干事", "Rule of law and discipline"),
    ("efficiency", "提升工作效能，奋发干事", "Efficiency and drive"),
    ("business-environment", "持续优化营商环境", "A better business environment"),
    ("finance", "防范化解金融风险", "Preventing financial risks"),
    ("water", "加强水资源节约利用", "Saving and using water well"),
    ("county-economy", "壮大县域经济", "Stronger county economies"),
    ("logistics", "发展现代物流产业", "Modern logistics"),
    ("heritage", "加强文化遗产保护", "Protecting cultural heritage"),
    ("sports", "推动全民健身运动", "Sport and fitness for all"),
    ("food-safety", "守护食品药品安全", "Safe food and medicine"),
    ("smart-city", "建设新型智慧城市", "A smart city"),
    ("clean-air", "打好蓝天保卫战", "Clean air"),
]

# Quantity objects: (slug, zh, en, unit zh, unit en, verb zh, verb en, counted, magnitudes).
# `counted`: the English unit is the thing counted ("40 firms"), not a measure ("40 km of ...").
QUANTITIES = [
    (
        "farmland",
        "高标准农田",
        "high-standard farmland",
        "亩",
        "mu",
        "新建",
        "build",
        False,
        (10_000, 50_000, 100_000, 300_000, 500_000),
    ),
    (
        "orchards",
        "老果园改造提升",
        "old orchards renovated and upgraded",
        "亩",
        "mu",
        "完成",
        "complete",
        False,
        (20_000, 60_000, 160_000),
    ),
    (
        "greenhouses",
        "设施农业",
        "protected farming",
        "亩",
        "mu",
        "发展",
        "develop",
        False,
        (5_000, 10_000, 30_000),
    ),
    (
        "high-tech-firms",
        "高新技术企业",
        "high-tech enterprises",
        "家",
        "firms",
        "新培育",
        "foster",
        True,
        (20, 40, 60, 100, 200),
    ),
    (
        "tech-smes",
        "科技型中小企业",
        "tech-based small and medium-sized enterprises",
        "家",
        "firms",
        "新增",
        "add",
        True,
        (50, 100, 400),
    ),
    (
        "rural-roads",
        "农村公路",
        "rural roads",
        "公里",
        "km",
        "新建改建",
        "build or rebuild",
        False,
        (100, 300, 500, 1_000),
    ),
    (
        "sewers",
        "城市污水管网",
        "urban sewer network",
        "公里",
        "km",
        "改造",
        "renovate",
        False,
        (30, 80, 150),
    ),
    (
        "kindergartens",
        "公办幼儿园",
        "public kindergartens",
        "所",
        "kindergartens",
        "新建",
        "build",
        True,
        (5, 10, 20, 30),
    ),
    (
        "base-stations",
        "5G基站",
        "5G base stations",
        "个",
        "base stations",
        "新建",
        "build",
        True,
        (1_000, 2_000, 3_000),
    ),
    (
        "chargers",
        "公共充电桩",
        "public charging points",
        "个",
        "charging points",
        "建成",
        "complete",
        True,
        (500, 1_000, 2_000),
    ),
    (
        "urban-jobs",
        "城镇新增就业",
        "new urban jobs",
        "人",
        "jobs",
        "实现",
        "create",
        True,
        (30_000, 40_000, 50_000),
    ),
    (
        "skills-training",
        "职业技能培训",
        "vocational skills training",
        "人次",
        "person-times",
        "开展",
        "provide",
        True,
        (50_000, 100_000, 150_000),
    ),
    (
        "old-compounds",
        "老旧小区改造",
        "renovation of old residential compounds",
        "个",
        "compounds",
        "完成",
        "complete",
        True,
        (100, 200, 400),
    ),
    (
        "afforestation",
        "营造林",
        "afforestation",
        "亩",
        "mu",
        "完成",
        "complete",
        False,
        (100_000, 167_000, 200_000),
    ),
    (
        "rural-toilets",
        "农村卫生厕所改造",
        "rural sanitary toilet upgrades",
        "座",
        "toilets",
        "完成",
        "complete",
        True,
        (10_000, 30_000, 50_000),
    ),
    (
        "investment-signed",
        "招商引资签约额",
        "signed investment",
        "亿元",
        "100 million yuan",
        "完成",
        "reach",
        False,
        (500, 1_000, 3_000),
    ),
    (
        "smart-factories",
        "智能工厂和数字化车间",
        "smart factories and digital workshops",
        "户",
        "firms",
        "培育",
        "foster",
        True,
        (10, 20, 30),
    ),
    (
        "museums",
        "名人展馆和典故展馆",
        "museums of famous people and historical allusions",
        "个",
        "museums",
        "打造",
        "create",
        True,
        (10, 28, 40),
    ),
    (
        "reading-rooms",
        "城市书房",
        "city reading rooms",
        "个",
        "reading rooms",
        "建成",
        "open",
        True,
        (5, 10, 15),
    ),
    (
        "tourism-road",
        "黄河一号旅游公路",
        "Yellow River No. 1 tourism road",
        "公里",
        "km",
        "再建成",
        "complete another",
        False,
        (100, 196, 250),
    ),
]

# increase_pct: (slug, zh, en, percentages).
GROWTH = [
    (
        "industrial-output",
        "规上工业增加值",
        "value added of industry above designated size",
        (6, 7, 8),
    ),
    (
        "rd-spending",
        "规上工业企业研发经费投入",
        "research spending of industrial firms above designated size",
        (10, 12, 15),
    ),
    ("retail-sales", "社会消费品零售总额", "retail sales of consumer goods", (8, 10)),
    ("fixed-investment", "固定资产投资", "fixed-asset investment", (8, 10, 12)),
    ("foreign-trade", "外贸进出口总额", "total foreign trade", (5, 8, 10)),
    (
        "rural-income",
        "农村居民人均可支配收入",
        "per-capita disposable income of rural residents",
        (7, 8, 9),
    ),
]

# at_most: (slug, zh, en, unit zh, unit en, limits).
LIMITS = [
    (
        "unemployment",
        "城镇调查失业率",
        "the surveyed urban unemployment rate",
        "%",
        "%",
        (5.5, 6.0),
    ),
    (
        "pm25",
        "细颗粒物平均浓度",
        "the average PM2.5 concentration",
        "微克/立方米",
        "µg/m³",
        (45, 50, 55),
    ),
    (
        "energy-intensity",
        "单位地区生产总值能耗",
        "energy use per unit of GDP",
        "吨标准煤/万元",
        "tce per 10,000 yuan",
        (1.2, 1.5),
    ),
]

# Milestone projects: (slug, zh, en) and the step promised: (zh, en template).
PROJECTS = [
    ("bridge", "黄河大桥", "Yellow River bridge"),
    ("airport", "通用机场", "general aviation airport"),
    ("sewage-plant", "第二污水处理厂", "second sewage treatment plant"),
    ("logistics-park", "综合物流园", "integrated logistics park"),
    ("museum", "博物馆新馆", "new museum building"),
    ("waste-to-energy", "垃圾焚烧发电项目", "waste-to-energy plant"),
    ("expressway", "城市快速路", "urban expressway"),
    ("hospital", "人民医院新院区", "new campus of the people's hospital"),
    ("college", "职业技术学院新校区", "new campus of the vocational college"),
    ("sports-centre", "全民健身中心", "public fitness centre"),
    ("wetland-park", "湿地公园", "wetland park"),
    ("data-centre", "大数据中心", "big-data centre"),
    ("hydrogen-park", "氢能产业园", "hydrogen industry park"),
    ("heating", "集中供热管网", "district heating network"),
    ("water-supply", "城乡供水一体化工程", "integrated urban-rural water supply project"),
    ("pig-farm", "生猪养殖基地", "pig-farming base"),
]
STEPS = [
    ("建成投用", "complete and open the {x}"),
    ("开工建设", "start construction of the {x}"),
    ("通过省级验收", "have the {x} pass provincial acceptance"),
    ("完成前期工作", "complete the preparatory work for the {x}"),
    ("投产达效", "bring the {x} into full production"),
    ("主体完工", "finish the main structure of the {x}"),
]

# Qualitative commitments: verb × domain × form.
QUAL_VERBS = [
    ("深化", "deepen"),
    ("完善", "improve"),
    ("健全", "strengthen"),
    ("持续推进", "keep advancing"),
    ("全面加强", "comprehensively strengthen"),
    ("加快构建", "speed up building"),
]
QUAL_DOMAINS = [
    ("营商环境", "the business environment"),
    ("放管服改革", "administrative streamlining"),
    ("河长制", "the river chief system"),
    ("林长制", "the forest chief system"),
    ("乡村治理", "rural governance"),
    ("数字政府", "digital government"),
    ("安全生产", "work safety"),
    ("食品药品监管", "food and drug supervision"),
    ("社会信用", "social credit"),
    ("基层医疗卫生", "primary health care"),
    ("义务教育均衡发展", "balanced compulsory education"),
    ("文物保护利用", "heritage protection"),
    ("生态环境治理", "environmental governance"),
    ("黄河流域生态保护", "Yellow River protection"),
    ("科技成果转化", "the transfer of research results"),
    ("人才引进", "talent recruitment"),
    ("粮食安全", "food security"),
    ("疫情常态化防控", "routine epidemic prevention"),
    ("政务公开", "open government"),
    ("普惠金融", "inclusive finance"),
]
QUAL_FORMS = [
    ("工作机制", "the working mechanisms of"),
    ("制度体系", "the rules governing"),
    ("长效机制", "long-term arrangements for"),
    ("服务体系", "the services for"),
    ("责任体系", "responsibility for"),
    ("标准体系", "the standards of"),
]

# Sentences that commit to nothing (the report's connective tissue).
STYLES = [
    ("精细化", "refined"),
    ("特色化", "distinctive"),
    ("功能化", "multifunctional"),
    ("集群化", "clustered"),
    ("高端化", "high-end"),
    ("智能化", "smart"),
    ("融合化", "integrated"),
    ("品牌化", "branded"),
    ("全域化", "area-wide"),
    ("绿色化", "green"),
    ("数字化", "digital"),
    ("规范化", "standardised"),
]
PRINCIPLES = [
    (
        "坚持稳中求进工作总基调",
        "We will uphold the general principle of pursuing progress while ensuring stability",
    ),
    ("坚持以人民为中心的发展思想", "We will keep the people at the centre of our development"),
    ("坚持项目为王", "We will treat projects as the key to everything"),
    ("坚持保护和开发并重", "We will give equal weight to protection and development"),
    ("坚持引育并举、以用为本", "We will both recruit and train talent, and put it to good use"),
    ("坚持问题导向和目标导向相结合", "We will combine a focus on problems with a focus on goals"),
    (
        "坚持尽力而为、量力而行",
        "We will do everything we can within the limits of what we can afford",
    ),
    ("坚持系统观念", "We will take a systems approach"),
]
OUTCOMES = [
    ("让群众有更多获得感、幸福感、安全感", "so that people feel more fulfilled, happier and safer"),
    (
        "为全市高质量发展提供有力支撑",
        "to give strong support to high-quality development across the city",
    ),
    ("推动各项工作落地见效", "so that every task is carried through and shows results"),
    ("增强发展的协调性和可持续性", "to make development more balanced and sustainable"),
    ("形成上下联动、齐抓共管的工作格局", "so that every level of government works together on it"),
    ("切实提升公共服务水平", "to raise the level of public services in practice"),
]

NOTES = [
    (
        "相关部门已制定实施方案并召开专题推进会。",
        "The departments concerned have drawn up an implementation plan and held a meeting on it.",
    ),
    (
        "项目已完成立项、规划和环评手续，正在组织施工招标。",
        "The project has its approval, planning and environmental permits; construction is being "
        "tendered.",
    ),
    (
        "受疫情和汛期影响，部分工程进度有所滞后。",
        "Some works fell behind schedule because of the epidemic and the flood season.",
    ),
    (
        "市政府督查室通报显示，该项工作总体进展顺利。",
        "A bulletin of the city government's supervision office says the work is broadly on track.",
    ),
    (
        "据市统计局公布的数据，全年目标已经完成。",
        "Figures published by the city statistics bureau show that the annual target was met.",
    ),
    (
        "年底前未见完成情况的公开报道。",
        "No published report of completion was found by the end of the year.",
    ),
    (
        "各县（市、区）已分解下达任务，正在逐项落实。",
        "The task has been divided among the counties, which are carrying it out item by item.",
    ),
]
SOURCES = ["运城日报", "运城市人民政府网站", "运城新闻网", "山西日报", "黄河晨报", "运城晚报"]
STATUS_WEIGHTS = [
    ("achieved", 30),
    ("on_track", 20),
    ("in_progress", 25),
    ("at_risk", 10),
    ("missed", 5),
    ("not_started", 10),
]
NUMBERS_ZH = "一二三四五六七八九十"


# -- model of the tree ------------------------------------------------------------------------


@dataclass
class _Para:
    pid: str
    section: int
    theme: tuple[str, str, str]
    lead: bool
    targets: list[dict] = field(default_factory=list)
    zh: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)


def _zh_number(value: float) -> str:
    if isinstance(value, int) and value >= 10_000 and value % 10_000 == 0:
        return f"{value // 10_000}万"
    if isinstance(value, int) and value >= 10_000 and value % 1_000 == 0:
        return f"{value / 10_000:g}万"
    return f"{value:g}"


def _en_number(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_PLAIN_ZH = re.compile(r"^[\u3400-\u9fff][\u3000-\u303f\u3400-\u9fff\uff00-\uffef0-9A-Za-z.%“”]*$")


def _q(text: str) -> str:
    """A YAML scalar: Chinese text plain (as staff write it), anything else double-quoted."""
    return text if _PLAIN_ZH.match(text) else json.dumps(text, ensure_ascii=False)


def _text(zh: str, en: str) -> str:
    return f"{{zh: {_q(zh)}, en: {_q(en)}}}"


class _Maker:
    def __init__(self, n: int, seed: int):
        self.n = n
        self.rng = random.Random(seed)
        self.counties = _counties()

    # -- sentences ------------------------------------------------------------------------
    def filler(self) -> tuple[str, str]:
        rng = self.rng
        kind = rng.randrange(3)
        if kind == 0:
            a, b, c = rng.sample(STYLES, 3)
            outcome = rng.choice(OUTCOMES)
            return (
                f"着眼于{a[0]}、{b[0]}、{c[0]}发展，{outcome[0]}",
                f"Focusing on {a[1]}, {b[1]} and {c[1]} development, we will work {outcome[1]}.",
            )
        if kind == 1:
            p, o = rng.choice(PRINCIPLES), rng.choice(OUTCOMES)
            return f"{p[0]}，{o[0]}", f"{p[1]}, {o[1]}."
        (dom, other), o = rng.sample(QUAL_DOMAINS, 2), rng.choice(OUTCOMES)
        return (
            f"统筹{dom[0]}与{other[0]}，{o[0]}",
            f"We will coordinate {dom[1]} with related work {o[1]}.",
        )

    def target_counties(self) -> list[str]:
        if self.rng.random() < 0.5:
            return ["all"]
        return self.rng.sample(sorted(self.counties), self.rng.randint(1, 3))

    def commitment(self, i: int) -> dict:
        """One target: its sentence in both languages and its metric."""
        rng = self.rng
        counties = self.target_counties()
        names = [self.counties[c] for c in counties if c != "all"]
        zh_who = "、".join(n[0] for n in names)
        en_who = _and([n[1] for n in names]) if names else ""
        kind = rng.choices(("quantity", "milestone", "qualitative"), (45, 30, 25))[0]
        t: dict = {"counties": counties, "kind": kind}
        if kind == "quantity":
            comp = rng.choices(("at_least", "exactly", "increase_pct", "at_most"), (60, 20, 12, 8))[
                0
            ]
            if comp in ("at_least", "exactly"):
                slug, zh, en, uzh, uen, vzh, ven, counted, mags = rng.choice(QUANTITIES)
                num = rng.choice(mags)
                if comp == "at_least":
                    szh = f"{vzh}{zh}{_zh_number(num)}{uzh}以上"
                    phrase = (
                        f"{ven} at least {_en_number(num)} {uen}"
                        if counted
                        else f"{ven} at least {_en_number(num)} {uen} of {en}"
                    )
                else:
                    szh = f"{vzh}{zh}{_zh_number(num)}{uzh}"
                    phrase = (
                        f"{ven} {_en_number(num)} {uen}"
                        if counted
                        else f"{ven} {_en_number(num)} {uen} of {en}"
                    )
                if counted:
                    phrase += f" ({en})"
                unit = (uzh, uen)
            elif comp == "increase_pct":
                slug, zh, en, pcts = rng.choice(GROWTH)
                num = rng.choice(pcts)
                szh, phrase = f"{zh}增长{num}%以上", f"raise {en} by at least {num}%"
                unit = ("%", "%")
            else:
                slug, zh, en, uzh, uen, limits = rng.choice(LIMITS)
                num = rng.choice(limits)
                szh = f"{zh}控制在{_zh_number(num)}{uzh}以内"
                phrase = f"keep {en} within {_en_number(num)} {uen}".replace(" %", "%")
                unit = (uzh, uen)
            t.update(comparator=comp, target=num, unit=unit)
            if names:
                szh = f"{zh_who}{szh}"
                phrase = f"{phrase} in {en_who}"
        elif kind == "milestone":
            slug, zh, en = rng.choice(PROJECTS)
            step_zh, step_en = rng.choice(STEPS)
            where_zh = zh_who or "市区"
            where_en = f" in {en_who}" if names else " in the city centre"
            szh = f"推进{where_zh}{zh}{step_zh}"
            phrase = step_en.format(x=en) + where_en
        else:
            (vzh, ven), (dzh, den), (fzh, fen) = (
                rng.choice(QUAL_VERBS),
                rng.choice(QUAL_DOMAINS),
                rng.choice(QUAL_FORMS),
            )
            slug = re.sub(r"[^a-z0-9]+", "-", den.lower().removeprefix("the ")).strip("-")
            szh = f"{vzh}{dzh}{fzh}" if not names else f"支持{zh_who}{vzh}{dzh}{fzh}"
            phrase = f"{ven} {fen} {den}" + (f" in {en_who}" if names else "")
        where = f"-{counties[0]}" if names else ""
        t.update(id=f"{slug}{where}-{i + 1}", zh=szh, en_phrase=phrase)
        return t

    # -- structure ------------------------------------------------------------------------
    def structure(self) -> tuple[list[tuple[str, str, list]], list[_Para]]:
        rng = self.rng
        titles = rng.sample(SECTION_TITLES, SECTIONS)
        pool = rng.sample(THEME_TITLES, len(THEME_TITLES))
        sections = []
        for s in range(SECTIONS):
            k = rng.randint(3, 5)
            themes, pool = pool[:k], pool[k:]
            sections.append((titles[s][0], titles[s][1], themes))
        slots = [(s, th) for s, (_, _, themes) in enumerate(sections) for th in themes]
        n_paras = max(round(self.n / 5), len(slots))
        paras: list[_Para] = []
        per_section = [0] * SECTIONS
        for j in range(n_paras):
            s, theme = slots[j * len(slots) // n_paras]
            lead = j == 0 or slots[(j - 1) * len(slots) // n_paras][1] != theme
            per_section[s] += 1
            paras.append(_Para(f"p-{s + 1}-{per_section[s]}", s, theme, lead))
        return sections, paras

    def paragraph_text(self, para: _Para) -> None:
        rng = self.rng
        parts: list[tuple[str, str]] = [
            (t["zh"], "We will " + t["en_phrase"] + ".") for t in para.targets
        ]
        length = sum(len(p[0]) + 1 for p in parts)
        target_len = rng.randint(150, 300)
        while length < target_len or len(parts) < 3:
            f = self.filler()
            parts.insert(rng.randint(0, len(parts)), f)
            length += len(f[0]) + 1
        para.zh = [p[0] + "。" for p in parts]
        para.en = [p[1] for p in parts]

    def updates(self, t: dict) -> list[dict]:
        rng = self.rng
        count = rng.choices((0, 1, 2, 3, 4), (25, 30, 25, 12, 8))[0]
        if not count:
            return []
        days = sorted(rng.sample(range(0, 337), count))  # 2021-03-01 … 2022-01-31
        final = rng.choices([s for s, _ in STATUS_WEIGHTS], [w for _, w in STATUS_WEIGHTS])[0]
        statuses = [
            rng.choice(("not_started", "in_progress", "in_progress", "on_track", "at_risk"))
            for _ in range(count - 1)
        ] + [final]
        if final == "not_started":
            statuses = ["not_started"] * count
        out = []
        for k, (day, status) in enumerate(zip(days, statuses, strict=True)):
            up: dict = {"date": _date(day), "status": status}
            if t["kind"] == "quantity" and rng.random() < 0.8 and status != "not_started":
                target = t["target"]
                if t["comparator"] == "at_most":
                    share = rng.uniform(0.8, 1.0) if status != "missed" else rng.uniform(1.05, 1.3)
                    up["value"] = round(target * share, 1)
                else:
                    if status == "achieved":
                        share = rng.uniform(1.0, 1.3)
                    elif status == "missed":
                        share = rng.uniform(0.5, 0.95)
                    else:
                        share = (k + 1) / (count + 1) * rng.uniform(0.6, 1.1)
                    up["value"] = (
                        round(target * share, 1)
                        if isinstance(target, float) or t["comparator"] == "increase_pct"
                        else int(target * share)
                    )
            if rng.random() < 0.85:
                up["note"] = self.note(t, up)
            src = rng.choice(SOURCES)  # every update has a source (validation requires one)
            up["source"] = (
                f"{src}：{t['zh'][:18]}",
                f"https://www.yuncheng.gov.cn/doc/"
                f"{up['date'][:4]}/{up['date'][5:7]}/{up['date'][8:]}/"
                f"{rng.randrange(100_000, 999_999)}.shtml",
            )
            out.append(up)
        last = out[-1]
        if (
            t["kind"] == "quantity"
            and t["comparator"] in ("at_least", "exactly")
            and isinstance(last.get("value"), int)
            and last["value"] >= 13
            and rng.random() < 0.25
        ):
            ids = sorted(self.counties) if t["counties"] == ["all"] else t["counties"]
            chosen = sorted(rng.sample(ids, min(len(ids), rng.randint(3, 8))))
            weights = [rng.random() + 0.1 for _ in chosen]
            scale = last["value"] * rng.uniform(0.5, 1.0) / sum(weights)
            last["counties"] = {c: int(w * scale) for c, w in zip(chosen, weights, strict=True)}
        return out

    def note(self, t: dict, up: dict) -> tuple[str, str]:
        zh, en = self.rng.choice(NOTES)
        if "value" in up:
            uzh, uen = t["unit"]
            v = up["value"]
            month, day = int(up["date"][5:7]), int(up["date"][8:])
            zh = f"截至{month}月{day}日，已完成{_zh_number(v)}{uzh}。{zh}"
            en = f"By {up['date']}, {_en_number(v)} {uen} had been reached. {en}".replace(" %", "%")
        return zh, en


def _date(day: int) -> str:
    import datetime as dt

    return (dt.date(2021, 3, 1) + dt.timedelta(days=day)).isoformat()


def _counties() -> dict[str, tuple[str, str]]:
    """id → (zh, en) names from the real counties.yaml (read with the C loader)."""
    import yaml

    data = yaml.load(
        (REPO_CONTENT / "counties.yaml").read_text(encoding="utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )
    return {c["id"]: (c["name"]["zh"], c["name"]["en"]) for c in data}


# -- writing ----------------------------------------------------------------------------------


def _target_yaml(t: dict, para: _Para, section_id: str, deadline: str) -> str:
    en_title = t["en_phrase"][0].upper() + t["en_phrase"][1:]
    lines = [
        "# yaml-language-server: $schema=../schema/target.json",
        f"id: {t['id']}",
        f"section: {section_id}",
        f"theme: {para.theme[0]}",
        "title:",
        f"  zh: {_q(t['zh'])}",
        f"  en: {_q(en_title)}",
        "source:",
        f"  paragraph: {para.pid}",
        f"  quote: {_q(t['zh'])}",
    ]
    if t["kind"] == "quantity":
        lines += [
            "metric:",
            "  kind: quantity",
            f"  target: {t['target']}",
            f"  comparator: {t['comparator']}",
            f"  unit: {_text(*t['unit'])}",
        ]
    elif t["kind"] == "milestone" or t["with_metric"]:
        lines.append(f"metric: {{kind: {t['kind']}}}")
    lines.append(f"counties: [{', '.join(t['counties'])}]")
    lines.append(f"deadline: {deadline}")
    if not t["updates"]:
        lines.append("updates: []")
    else:
        lines.append("updates:")
        for up in t["updates"]:
            lines += [f"  - date: {up['date']}", f"    status: {up['status']}"]
            if "value" in up:
                lines.append(f"    value: {up['value']}")
            if "counties" in up:
                pairs = ", ".join(f"{c}: {v}" for c, v in up["counties"].items())
                lines.append(f"    counties: {{{pairs}}}")
            if "note" in up:
                lines += [
                    "    note:",
                    f"      zh: {_q(up['note'][0])}",
                    f"      en: {_q(up['note'][1])}",
                ]
            if "source" in up:
                lines += [
                    "    source:",
                    f"      title: {_q(up['source'][0])}",
                    f"      url: {_q(up['source'][1])}",
                ]
    return "\n".join(lines) + "\n"


def make_content(dest: Path, n_targets: int, seed: int = 2021) -> None:
    """Write a synthetic content tree with `n_targets` targets into `dest` (created or reused;
    an existing targets/ folder is replaced)."""
    if n_targets < 0:
        raise ValueError("n_targets must not be negative")
    dest = Path(dest)
    m = _Maker(n_targets, seed)
    rng = m.rng
    sections, paras = m.structure()
    targets: list[tuple[dict, _Para]] = []
    for i in range(n_targets):
        para = paras[i * len(paras) // n_targets]
        t = m.commitment(i)
        while any(o["zh"] == t["zh"] for o in para.targets):  # one quote, one place
            t = m.commitment(i)
        para.targets.append(t)
        targets.append((t, para))
    for para in paras:
        m.paragraph_text(para)

    (dest / "report").mkdir(parents=True, exist_ok=True)
    (dest / "geo").mkdir(exist_ok=True)
    if (dest / "targets").exists():
        shutil.rmtree(dest / "targets")
    (dest / "targets").mkdir()
    shutil.copyfile(REPO_CONTENT / "counties.yaml", dest / "counties.yaml")
    shutil.copyfile(REPO_CONTENT / "geo" / "yuncheng.geojson", dest / "geo" / "yuncheng.geojson")
    _write(dest / "site.yaml", SITE_YAML.format(n=n_targets, seed=seed))

    section_ids = [f"sec-{s + 1}" for s in range(SECTIONS)]
    first_para: dict[str, str] = {}
    for p in paras:
        first_para.setdefault(p.theme[0], p.pid)
    out = []
    for s, (zh, en, themes) in enumerate(sections):
        out += [
            f"- id: {section_ids[s]}",
            f'  number: {{zh: （{NUMBERS_ZH[s]}）, en: "{s + 1}"}}',
            f"  paragraph: h-{s + 1}",
            "  title:",
            f"    zh: {_q(zh)}",
            f"    en: {_q(en)}",
            "  themes:",
        ]
        for tid, tzh, ten in themes:
            out += [
                f"    - id: {tid}",
                f"      paragraph: {first_para[tid]}",
                f"      title: {_text(tzh, ten)}",
            ]
    _write(
        dest / "sections.yaml",
        "# Synthetic sections (generator/synthetic.py).\n" + "\n".join(out) + "\n",
    )

    zh_md = ["{#h-title}", "# 运城市2021年政府工作报告（合成文本）", ""]
    en_md = ["{#h-title}", "# Yuncheng Government Work Report 2021 (synthetic text)", ""]
    for s, (zh, en, _) in enumerate(sections):
        zh_md += [f"{{#h-{s + 1}}}", f"## （{NUMBERS_ZH[s]}）{zh}", ""]
        en_md += [f"{{#h-{s + 1}}}", f"## ({s + 1}) {en}", ""]
        for p in (p for p in paras if p.section == s):
            lead_zh = f"[{p.theme[1]}。]{{.lead}}" if p.lead else ""
            lead_en = f"[{p.theme[2]}.]{{.lead}} " if p.lead else ""
            zh_md += [f"{{#{p.pid}}}", lead_zh + "".join(p.zh), ""]
            en_md += [f"{{#{p.pid}}}", lead_en + " ".join(p.en), ""]
    _write(dest / "report" / "zh.md", "\n".join(zh_md))
    _write(dest / "report" / "en.md", "\n".join(en_md))

    for t, para in targets:
        t["with_metric"] = rng.random() < 0.5
        t["updates"] = m.updates(t)
        deadline = rng.choices(
            ("2021-12-31", "2021-06-30", "2022-06-30", "2022-12-31"), (80, 8, 6, 6)
        )[0]
        _write(
            dest / "targets" / f"{t['id']}.yaml",
            _target_yaml(t, para, section_ids[para.section], deadline),
        )

    _write(dest / "glossary.yaml", GLOSSARY_YAML)
    _write(dest / "not-targets.yaml", NOT_TARGETS_YAML)


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))


SITE_YAML = """\
# Synthetic site: {n} targets, seed {seed} (generator/synthetic.py). Not real content.
title:
  zh: 河东公开 · 合成测试站点
  en: "Hedong Open: synthetic test site"
report:
  title:
    zh: 运城市2021年政府工作报告（合成文本）
    en: "Yuncheng Government Work Report 2021 (synthetic text)"
  date: 2021-02-04
  session:
    zh: 运城市四届人大七次会议
    en: 7th Session of the 4th Yuncheng Municipal People's Congress
publisher:
  zh: 河东公开编辑组
  en: Hedong Open editors
geo: geo/yuncheng.geojson
licence:
  id: CC-BY-4.0
  url: https://creativecommons.org/licenses/by/4.0/
"""

GLOSSARY_YAML = """\
- term: {zh: "高标准农田", en: "high-standard farmland"}
  gloss:
    zh: 田块平整、灌排配套、旱涝保收的高产稳产农田
    en: "Farmland upgraded with levelled fields, irrigation and drainage for high, stable yields."
- term: {zh: "河长制", en: "river chief system"}
  gloss:
    zh: 由各级党政负责人担任河长，负责河湖管理保护
    en: "Officials at each level are made personally responsible for a river or lake."
- term: {zh: "放管服", en: "streamlining administration"}
  gloss:
    zh: 简政放权、放管结合、优化服务
    en: "Delegating powers, improving regulation and upgrading services."
- term: {zh: "河东", en: "Hedong"}
  gloss: {zh: "运城的古称", en: "The ancient name of Yuncheng."}
"""

NOT_TARGETS_YAML = """\
- paragraph: h-title
  text: "2021"
  reason: {zh: "标题中的年份", en: "Year in a heading"}
"""
