"""The shape of every content file, declared once.

The validator checks YAML values against these specs (with positions and "did you mean"), and
`schema.py` turns the same specs into the JSON Schema that editors use: one source of truth.
Cross-file rules (known ids, quotes in paragraphs) live in generator/validate/.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANGS = ("zh", "en")
STATUSES = ("not_started", "in_progress", "on_track", "at_risk", "achieved", "missed")
KINDS = ("quantity", "milestone", "qualitative")
COMPARATORS = ("at_least", "more_than", "at_most", "exactly", "increase_pct")
PUBLISHER_KINDS = ("government", "official_media", "trade_press", "archive", "refused")
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARAGRAPH_PATTERN = r"^[a-z]+(?:-[a-z0-9]+)+$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
URL_PATTERN = r"^https?://[^\s<>\"']+$"
EMAIL_PATTERN = r"^[^\s@<>\"'(),;:\[\]]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"


@dataclass(frozen=True)
class Spec:
    """Base of all specs; `doc` is bilingual help shown in the schema and `new` comments."""

    doc: str = ""


@dataclass(frozen=True)
class Str(Spec):
    pattern: str | None = None
    enum: tuple[str, ...] = ()
    max_len: int = 2_000
    min_len: int = 1
    hint: str = ""  # a message id of generator/catalogue/diagnostics.yaml


@dataclass(frozen=True)
class Num(Spec):
    minimum: float = 0


@dataclass(frozen=True)
class Date(Spec):
    pass


@dataclass(frozen=True)
class Code(Spec):
    """A numeric code written as text or as a number (GB/T 2260)."""

    digits: int = 6


@dataclass(frozen=True)
class List(Spec):
    item: Spec = field(default_factory=Str)
    min_items: int = 0
    max_items: int = 10_000


@dataclass(frozen=True)
class MapOf(Spec):
    """A mapping with free keys (e.g. county id → value)."""

    key: Str = field(default_factory=Str)
    value: Spec = field(default_factory=Num)


@dataclass(frozen=True)
class Key:
    name: str
    spec: Spec
    required: bool = True


@dataclass(frozen=True)
class RequireWhen:
    """If `key` has one of `values`, the keys in `require` must be present (and `forbid` absent)."""

    key: str
    values: tuple[str, ...]
    require: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    hint: str = ""  # a message id of generator/catalogue/diagnostics.yaml


@dataclass(frozen=True)
class Obj(Spec):
    keys: tuple[Key, ...] = ()
    rules: tuple[RequireWhen, ...] = ()
    # at least one of these keys must be present (checked by validate/updates.py and the schema)
    one_of_required: tuple[str, ...] = ()

    def key(self, name: str) -> Key | None:
        return next((k for k in self.keys if k.name == name), None)


def text(doc: str = "", max_len: int = 2_000) -> Obj:
    """Bilingual text {zh, en}: unknown keys are errors (they catch a split flow mapping)."""
    return Obj(doc=doc, keys=(Key("zh", Str(max_len=max_len)), Key("en", Str(max_len=max_len))))


UNIT = text("Unit of the figure / 单位，如 亩、家、公里", max_len=40)

SOURCE = Obj(
    doc="Where the figure was published / 信息来源",
    keys=(
        Key("title", Str(doc="Title of the source as published / 来源标题", max_len=400)),
        Key(
            "url",
            Str(
                doc="Web address, http(s) only / 网址",
                pattern=URL_PATTERN,
                hint="hint.full_url",
            ),
        ),
        Key("publisher", Str(doc="Who published it / 发布单位", max_len=200), required=False),
    ),
)

EVIDENCE = Obj(
    doc="The city's own words for this outcome: a quote from a report or a document in "
    "content/documents/ / 证据：引用报告或 content/documents/ 中文件的原话",
    keys=(
        Key(
            "document",
            Str(doc="A report or document id, e.g. yuncheng-2022 / 文件编号", pattern=ID_PATTERN),
        ),
        Key(
            "paragraph",
            Str(
                doc="Paragraph id in the document, e.g. p-1-3 / 段落编号", pattern=PARAGRAPH_PATTERN
            ),
        ),
        Key("quote", Str(doc="Exact words of that paragraph / 原文（须逐字一致）", max_len=1_000)),
        Key("en", Str(doc="The quote in English / 引文的英文译文", max_len=2_000)),
    ),
)

UPDATE = Obj(
    doc="One progress report, oldest first / 一次进展更新（按时间先后）",
    keys=(
        Key("date", Date(doc="Date the reported facts refer to, YYYY-MM-DD / 进展日期")),
        Key("status", Str(doc="Status / 状态", enum=STATUSES)),
        Key("value", Num(doc="Figure reached (quantity targets) / 完成数"), required=False),
        Key(
            "counties",
            MapOf(doc="Per-county figures / 分县数据", key=Str(pattern=ID_PATTERN)),
            required=False,
        ),
        Key("note", text("Explanation / 说明", max_len=4_000), required=False),
        Key("source", SOURCE, required=False),
        Key("evidence", EVIDENCE, required=False),
    ),
    one_of_required=("source", "evidence"),
)

METRIC = Obj(
    doc="How the commitment is measured / 衡量方式",
    keys=(
        Key("kind", Str(doc="quantity | milestone | qualitative", enum=KINDS)),
        Key("target", Num(doc="The number promised / 目标数值"), required=False),
        Key(
            "comparator",
            Str(
                doc="at_least (以上/不少于/达到) | more_than (突破/超过) | at_most | exactly | "
                "increase_pct",
                enum=COMPARATORS,
            ),
            required=False,
        ),
        Key("unit", UNIT, required=False),
        Key("baseline", Num(doc="Starting figure, if known / 基数"), required=False),
    ),
    rules=(
        RequireWhen(
            "kind",
            ("quantity",),
            require=("target", "comparator", "unit"),
            hint="hint.quantity_needs",
        ),
        RequireWhen(
            "kind",
            ("milestone", "qualitative"),
            forbid=("target", "comparator", "unit"),
            hint="hint.only_quantity",
        ),
    ),
)

TARGET = Obj(
    doc="One commitment of the report / 一项承诺",
    keys=(
        Key(
            "id",
            Str(
                doc="Same as the file name: lowercase letters, digits, hyphens / 与文件名相同",
                pattern=ID_PATTERN,
                max_len=80,
            ),
        ),
        Key("section", Str(doc="A section id from sections.yaml / 所属部分", pattern=ID_PATTERN)),
        Key("theme", Str(doc="A theme id within that section / 所属主题", pattern=ID_PATTERN)),
        Key("title", text("Short title / 标题", max_len=300)),
        Key(
            "source",
            Obj(
                doc="Where the report says it / 报告原文",
                keys=(
                    Key(
                        "paragraph",
                        Str(
                            doc="Paragraph id in its report's zh.md, e.g. p-1-1 / 段落编号",
                            pattern=PARAGRAPH_PATTERN,
                        ),
                    ),
                    Key(
                        "quote",
                        Str(
                            doc="Exact words of the report / 报告原文（须逐字一致）", max_len=1_000
                        ),
                    ),
                ),
            ),
        ),
        Key("metric", METRIC, required=False),
        Key(
            "counties",
            List(
                doc="[all] or county ids / 涉及的县（市、区）",
                item=Str(pattern=r"^(all|[a-z0-9-]+)$"),
                min_items=1,
                max_items=13,
            ),
        ),
        Key("deadline", Date(doc="Date the commitment is due, YYYY-MM-DD / 完成期限")),
        Key(
            "checked",
            Date(doc="When the record was last compared with the sources / 最后核查日期"),
            required=False,
        ),
        Key(
            "search",
            Obj(
                doc="Extra search words readers use / 搜索关键词（读者常用的说法）",
                keys=(
                    Key("zh", List(item=Str(max_len=40), max_items=30), required=False),
                    Key("en", List(item=Str(max_len=60), max_items=30), required=False),
                ),
            ),
            required=False,
        ),
        Key(
            "continues",
            Str(
                doc="The id of an earlier report's commitment that this one takes up again (the "
                "same undertaking) / 本承诺延续的上一份报告中的承诺编号（同一事项）",
                pattern=ID_PATTERN,
                max_len=80,
            ),
            required=False,
        ),
        Key(
            "continued_in",
            List(
                doc="Ids of later reports' commitments that take this one up again / "
                "后续报告中延续本承诺的承诺编号",
                item=Str(pattern=ID_PATTERN, max_len=80),
                min_items=1,
                max_items=20,
            ),
            required=False,
        ),
        Key(
            "updates",
            List(
                doc="Progress reports, oldest first / 进展（按时间先后）",
                item=UPDATE,
                max_items=500,
            ),
        ),
    ),
)

COUNTY = Obj(
    keys=(
        Key("id", Str(pattern=ID_PATTERN)),
        Key("code", Code()),
        Key("name", text(max_len=80)),
    )
)
COUNTIES = List(item=COUNTY, min_items=1, max_items=500)

THEME = Obj(
    keys=(
        Key("id", Str(pattern=ID_PATTERN)),
        Key("paragraph", Str(pattern=PARAGRAPH_PATTERN)),
        Key("title", text(max_len=200)),
    )
)
SECTION = Obj(
    keys=(
        Key("id", Str(pattern=ID_PATTERN)),
        Key("number", text(max_len=20)),
        Key("paragraph", Str(pattern=PARAGRAPH_PATTERN)),
        Key("title", text(max_len=200)),
        Key(
            "short",
            text("Plain-language label for charts and groups / 简称（图表、分组用）", max_len=24),
            required=False,
        ),
        Key("themes", List(item=THEME, min_items=1, max_items=100)),
    )
)
SECTIONS = List(item=SECTION, min_items=1, max_items=200)

SITE = Obj(
    keys=(
        Key("title", text(max_len=200)),
        Key(
            "report",
            Obj(
                keys=(
                    Key("title", text(max_len=300)),
                    Key("date", Date()),
                    Key("session", text(max_len=300), required=False),
                )
            ),
        ),
        Key("publisher", text(max_len=200)),
        Key(
            "contact",
            Obj(
                doc="How readers reach the publisher with a source or a correction; each field "
                "is optional. Never write an address nobody reads / 读者提供来源或纠错的联系方式，"
                "各项均可省略；不要填写无人查看的地址",
                keys=(
                    Key(
                        "email",
                        Str(
                            doc="E-mail address / 电子邮箱",
                            pattern=EMAIL_PATTERN,
                            max_len=254,
                            hint="hint.email",
                        ),
                        required=False,
                    ),
                    Key(
                        "url",
                        Str(
                            doc="A contact or feedback page, http(s) / 联系或留言网页",
                            pattern=URL_PATTERN,
                            hint="hint.full_url",
                        ),
                        required=False,
                    ),
                    Key("name", text("Who answers / 由谁答复", max_len=200), required=False),
                ),
            ),
            required=False,
        ),
        Key(
            "base_url",
            Str(
                pattern=r"^https?://[^\s<>\"'#?]+/$",
                hint="hint.base_url",
            ),
            required=False,
        ),
        Key("geo", Str(pattern=r"^[A-Za-z0-9_./-]+\.geojson$")),
        Key("licence", Obj(keys=(Key("id", Str()), Key("url", Str(pattern=URL_PATTERN))))),
        Key(
            "staff_lang",
            Str(
                doc="Language of the messages staff see (validate, build, new, serve): zh or "
                "en; --lang and the HEDONG_LANG environment variable override it / "
                "工作人员看到的提示语言",
                enum=LANGS,
            ),
            required=False,
        ),
    )
)

# site.yaml when content/reports/<id>/ holds the reports: the same keys but `report:`, which
# each report's own report.yaml (REPORT below) replaces
SITE_SHARED = Obj(keys=tuple(k for k in SITE.keys if k.name != "report"))

PUBLISHER = Obj(
    keys=(
        Key(
            "domain",
            Str(
                doc="Web domain, optionally with a path: people.com.cn, github.com/lawtext",
                pattern=r"^[a-z0-9.-]+\.[a-z]{2,}(/[A-Za-z0-9._~/-]+)?$",
                hint="hint.domain",
            ),
        ),
        Key("name", text(max_len=200)),
        Key("kind", Str(enum=PUBLISHER_KINDS)),
        Key("note", text(max_len=500), required=False),
    )
)
PUBLISHERS = List(item=PUBLISHER, max_items=5_000)

DOCUMENT = Obj(
    keys=(
        Key("id", Str(pattern=ID_PATTERN)),
        Key("title", text(max_len=300)),
        Key("date", Date()),
        Key("session", text(max_len=300), required=False),
        Key("speaker", text(max_len=200), required=False),
        Key("publisher", text(max_len=200)),
        Key(
            "archive",
            Obj(keys=(Key("url", Str(pattern=URL_PATTERN)), Key("label", text(max_len=300)))),
            required=False,
        ),
    )
)

REPORT = Obj(
    doc="One government work report the site tracks, content/reports/<id>/report.yaml (the "
    "folder's name is its id) / 一份政府工作报告（content/reports/<编号>/report.yaml，"
    "文件夹名即编号）",
    keys=(
        Key("title", text("Title as the site shows it / 报告标题", max_len=300)),
        Key("date", Date(doc="The day it was delivered, YYYY-MM-DD / 作报告的日期")),
        Key(
            "year",
            Num(
                doc="The year whose work plan it is; default: the year of date / "
                "工作安排所属年份，默认取 date 的年份"
            ),
            required=False,
        ),
        Key("session", text("The congress session / 会议", max_len=300), required=False),
        Key("speaker", text("Who delivered it / 报告人", max_len=200), required=False),
        Key("publisher", text("Who published it / 发布单位", max_len=200)),
        Key(
            "archive",
            Obj(
                doc="An archived copy of the full official text / 报告全文存档",
                keys=(Key("url", Str(pattern=URL_PATTERN)), Key("label", text(max_len=300))),
            ),
            required=False,
        ),
    ),
)

NOT_TARGET = Obj(
    keys=(
        Key("paragraph", Str(pattern=PARAGRAPH_PATTERN)),
        Key("text", Str(max_len=200)),
        Key("reason", text(max_len=300)),
    )
)
NOT_TARGETS = List(item=NOT_TARGET, max_items=5_000)

GLOSSARY = List(
    item=Obj(keys=(Key("term", text(max_len=200)), Key("gloss", text(max_len=2_000)))),
    max_items=1_000,
)
