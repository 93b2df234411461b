"""`python -m generator new`: start a new target file, checked before it is written.

Every field comes from a flag or, when the flag is missing, from a question (with --no-input a
missing flag is a usage error instead). Each answer is checked as it is given (sections,
themes and counties are listed with their Chinese names, and may be answered with them); a
wrong one is asked again, alone, and every other answer is kept. The file is then built in
memory, added to the content as it is on disk and run through the same validator as
`validate`; a field the validator still refuses is asked again too (with --no-input every
problem is listed and nothing is written). The file is written only when nothing is wrong, and
never over an existing file. Its comments explain each field in Chinese and English, taken
from the docs in spec.py, so they cannot drift from what is checked; its `updates:` is ready
for the first update the way docs/staff-guide.md says to add one.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from generator import spec, yamlnodes
from generator.errors import Diagnostic, Pos

if TYPE_CHECKING:
    from generator.load import Sources

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/target.json"
DEFAULT_DEADLINE = "2021-12-31"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


# -- the file's text -------------------------------------------------------------------------


def comment(s: spec.Spec) -> str:
    """A spec's doc, Chinese first: "Short title / 标题" → "标题 / Short title"."""
    doc = s.doc
    if " / " in doc:
        en, zh = doc.rsplit(" / ", 1)
        doc = f"{zh} / {en}"
    if isinstance(s, spec.Str) and s.enum and not all(v in doc for v in s.enum):
        doc += ": " + " | ".join(s.enum)
    return doc


def scalar(value: Any, flow: bool = False) -> str:
    """A value as YAML that reads back as exactly that value (plain when that is safe)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    text = str(value)
    plain = f"k: [{text}]\n" if flow else f"k: {text}\n"
    try:
        back = yamlnodes.parse(plain, "-").value
    except yamlnodes.YamlProblem:
        back = None
    if text and "\n" not in text and back == {"k": [text] if flow else text}:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def render(value: dict[str, Any]) -> str:
    """The new file: the schema line, then each field under a bilingual comment. An empty
    `updates` is written `updates:` with a commented example under it (an empty value, read
    as no updates), so that an update is added below it as the staff guide says, with no
    `[]` to remove first."""
    lines = [SCHEMA_LINE, f"# {comment(spec.TARGET)} — docs/content.md", ""]
    metric = value.get("metric")
    quantity = isinstance(metric, dict) and metric.get("kind") == "quantity"
    _fields(spec.TARGET, value, 0, lines, quantity)
    return "\n".join(lines) + "\n"


def _fields(
    obj: spec.Obj, value: dict[str, Any], indent: int, lines: list[str], quantity: bool = False
) -> None:
    pad = " " * indent
    for key in obj.keys:
        if key.name not in value:
            continue
        item, s = value[key.name], key.spec
        if s.doc:
            lines.append(f"{pad}# {comment(s)}")
        if key.name == "updates" and not item and indent == 0:
            lines.append("updates:")
            lines += _update_example(quantity)
        elif isinstance(s, spec.Obj) and isinstance(item, dict):
            lines.append(f"{pad}{key.name}:")
            _fields(s, item, indent + 2, lines)
        elif isinstance(item, list):
            items = ", ".join(scalar(x, flow=True) for x in item)
            lines.append(f"{pad}{key.name}: [{items}]")
        else:
            lines.append(f"{pad}{key.name}: {scalar(item)}")


def _update_example(quantity: bool) -> list[str]:
    """A commented-out update under `updates:`, placed where an update goes: deleting the
    `# ` in front of each line makes it one."""
    example = [
        ("- date: 2021-06-30", "date"),
        ("  status: in_progress", "status"),
        ("  value: 0", "value"),
        ('  note: {zh: "说明", en: "Explanation"}', "note"),
        ('  source: {title: "来源标题", url: "https://..."}', "source"),
    ]
    lines = [
        "  # 在这里添加进展，最早的在前；照下面的格式写，去掉每行开头的 # / Add updates here, "
        "oldest first, as below, without the # at the start of each line:"
    ]
    for text, name in example:
        if name == "value" and not quantity:
            continue
        key = spec.UPDATE.key(name)
        assert key is not None
        pad = " " * max(1, 42 - _width(text))
        lines.append(f"  # {text}{pad}# {comment(key.spec)}")
    return lines


def _width(text: str) -> int:
    """Columns in a terminal or editor: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# -- checking --------------------------------------------------------------------------------


def check_new(src: Sources, text: str, shown: str) -> list[Diagnostic]:
    """Every problem the content would have with the new file added (errors and warnings)."""
    from generator.validate import validate

    try:
        doc = yamlnodes.parse(text, shown)
    except yamlnodes.YamlProblem as exc:  # pragma: no cover - render() writes valid YAML
        return [Diagnostic(Pos(shown, exc.line, exc.col), exc.message, exc.hint)]
    src.targets.append(doc)
    _, problems = validate(src)
    return problems


def _exists(content: Path, target_id: str) -> Diagnostic | None:
    from generator.load import display_path

    if not re.fullmatch(spec.ID_PATTERN, target_id):
        return None  # the validator explains what a valid id looks like
    path = content / "targets" / f"{target_id}.yaml"
    if path.exists() or path.is_symlink():
        return Diagnostic(
            Pos(display_path(path)),
            f"a target with id '{target_id}' already exists",
            "choose another id, or edit that file",
        )
    return None


def _say(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def _refuse(problems: list[Diagnostic], shown: str, lang: str = "en") -> None:
    for p in sorted(problems):
        click.echo(p.format(lang), err=True)
    errors = sum(1 for p in problems if p.severity == "error")
    click.echo(
        _say(
            lang,
            f"✗ {errors} problem(s) found; nothing was written ({shown}).",
            f"✗ 发现 {errors} 个问题，没有写入任何文件（{shown}）。",
        ),
        err=True,
    )
    sys.exit(1)


# -- questions -------------------------------------------------------------------------------

# each field: its flag, and where the validator reports it in the file (to ask it again)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "target_id": ("--id", ("id",)),
    "section": ("--section", ("section",)),
    "theme": ("--theme", ("theme",)),
    "title_zh": ("--title-zh", ("title", "zh")),
    "title_en": ("--title-en", ("title", "en")),
    "paragraph": ("--paragraph", ("source", "paragraph")),
    "quote": ("--quote", ("source", "quote")),
    "kind": ("--kind", ("metric", "kind")),
    "target": ("--target", ("metric", "target")),
    "comparator": ("--comparator", ("metric", "comparator")),
    "unit_zh": ("--unit-zh", ("metric", "unit", "zh")),
    "unit_en": ("--unit-en", ("metric", "unit", "en")),
    "counties": ("--counties", ("counties",)),
    "deadline": ("--deadline", ("deadline",)),
}
QUANTITY_ONLY = ("target", "comparator", "unit_zh", "unit_en")
# answers in Chinese that name a kind or a comparator (docs/content.md)
KIND_WORDS = {
    "定量": "quantity",
    "量化": "quantity",
    "数量": "quantity",
    "里程碑": "milestone",
    "节点": "milestone",
    "定性": "qualitative",
}
COMPARATOR_WORDS = {
    "以上": "at_least",
    "不少于": "at_least",
    "达到": "at_least",
    "突破": "more_than",
    "超过": "more_than",
    "以下": "at_most",
    "以内": "at_most",
    "不超过": "at_most",
}
ALL_WORDS = ("all", "全市", "全部", "所有")
_WAN = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)")

Problem = tuple[str, str]  # (message, hint), in English; shown in the staff's language


def _counties(text: str) -> list[str]:
    return [c for c in re.split(r"[,，、\s]+", text.strip()) if c]


def _number(text: str) -> Any:
    """'6000' → 6000, '2.5' → 2.5; anything else stays text, which the validator explains."""
    text = text.strip()
    if _NUMBER.fullmatch(text):
        return float(text) if "." in text else int(text)
    return text


def _doc(*path: str) -> str:
    s: spec.Spec = spec.TARGET
    for name in path:
        assert isinstance(s, spec.Obj)
        key = s.key(name)
        assert key is not None
        s = key.spec
    return comment(s)


class _Content:
    """What the questions are checked against, from whatever of the content is readable."""

    def __init__(self, src: Sources):
        # id → {"names": its Chinese names, "themes": {id: (paragraph, Chinese names)}}
        self.sections: dict[str, dict[str, Any]] = {}
        value = src.sections.value if src.sections else None
        for section in value if isinstance(value, list) else []:
            if not (isinstance(section, dict) and isinstance(section.get("id"), str)):
                continue
            themes = section.get("themes") if isinstance(section.get("themes"), list) else []
            self.sections[section["id"]] = {
                "names": _names(section.get("title"), section.get("short"), section.get("number")),
                "themes": {
                    t["id"]: (str(t.get("paragraph", "")), _names(t.get("title")))
                    for t in themes
                    if isinstance(t, dict) and isinstance(t.get("id"), str)
                },
            }
        self.counties: dict[str, list[str]] = {}  # id → Chinese names
        value = src.counties.value if src.counties else None
        for county in value if isinstance(value, list) else []:
            if isinstance(county, dict) and isinstance(county.get("id"), str):
                self.counties[county["id"]] = _names(county.get("name"))
        self.blocks = {b.id: b for b in src.report.get("zh", [])}
        self.report_file = src.report_files.get("zh", "content/report/zh.md")

    def themes(self, section: str) -> dict[str, tuple[str, list[str]]]:
        return self.sections.get(section, {}).get("themes", {})


def _names(*texts: Any) -> list[str]:
    """The Chinese of {zh, en} values (a section's title, short label, number)."""
    return [t["zh"].strip() for t in texts if isinstance(t, dict) and isinstance(t.get("zh"), str)]


def _by_name(answer: str, named: dict[str, list[str]]) -> str:
    """The id an answer names: the id itself, a Chinese name, or the one name containing it."""
    if answer in named:
        return answer
    exact = [i for i, names in named.items() if answer in names]
    if len(exact) == 1:
        return exact[0]
    short = answer.rstrip("区县市")
    inside = [i for i, names in named.items() if any(short and short in n for n in names)]
    return inside[0] if len(inside) == 1 else answer


class _Form:
    """The answers to `new`: each from its flag or asked, checked as given, asked again alone
    while wrong; every other answer is kept."""

    def __init__(
        self, ctx: click.Context, no_input: bool, known: _Content, content: Path, lang: str
    ):
        self.ctx, self.no_input, self.known, self.content, self.lang = (
            ctx,
            no_input,
            known,
            content,
            lang,
        )
        self.answers: dict[str, Any] = {}
        self.failed: list[Problem] = []  # the problems of the answer being asked again

    # -- one field ---------------------------------------------------------------------------

    def field(self, name: str, value: Any) -> Any:
        while True:
            if value is None:
                value = self.prompt(name)
            answer = self.convert(name, value)
            if self.no_input:  # nothing is asked again: the validator lists every problem
                return answer
            self.failed = self.check(name, answer)
            if not self.failed:
                return answer
            self.tell(self.failed)
            value = None

    def prompt(self, name: str) -> Any:
        flag = FIELDS[name][0]
        if self.no_input:
            raise click.UsageError(
                f"Missing option '{flag}' (nothing is asked with --no-input).", self.ctx
            )
        self.show(name)
        text, default = self.question(name)
        try:
            return click.prompt(f"{flag.removeprefix('--')} — {text}", default=default)
        except click.Abort:
            if sys.stdin.isatty():
                raise
            click.echo()
            if self.failed:  # no other answer to a wrong one: that answer's problem stands
                click.echo(
                    _say(
                        self.lang,
                        "✗ no other answer was given; nothing was written.",
                        "✗ 没有给出新的回答，没有写入任何文件。",
                    ),
                    err=True,
                )
                sys.exit(1)
            raise click.UsageError(
                f"Missing option '{flag}' (no answer on standard input).", self.ctx
            ) from None

    def question(self, name: str) -> tuple[str, Any]:
        questions = {
            "target_id": (_doc("id"), None),
            "section": (_doc("section"), None),
            "theme": (_doc("theme"), None),
            "title_zh": ("标题（中文） / Short title in Chinese", None),
            "title_en": ("标题（英文） / Short title in English", None),
            "paragraph": (_doc("source", "paragraph"), self.default_paragraph()),
            "quote": (_doc("source", "quote"), None),
            "kind": (_doc("metric", "kind") + "（定量 / 里程碑 / 定性）", None),
            "target": (_doc("metric", "target"), None),
            "comparator": (_doc("metric", "comparator"), "at_least"),
            "unit_zh": ("单位（中文），如 亩 / Unit in Chinese", None),
            "unit_en": ("单位（英文），如 mu / Unit in English", None),
            "counties": (_doc("counties") + " (all / a,b)", "all"),
            "deadline": (_doc("deadline"), DEFAULT_DEADLINE),
        }
        return questions[name]

    def default_paragraph(self) -> str | None:
        theme = self.known.themes(self.answers.get("section", "")).get(self.answers.get("theme"))
        return theme[0] if theme and theme[0] else None

    def show(self, name: str) -> None:
        """What to choose from, with the Chinese names staff know."""
        known = self.known
        if name == "section" and known.sections:
            click.echo("  部分 / sections:")
            for sid, section in known.sections.items():
                click.echo(f"    {sid}  {' '.join(section['names'][-1:] + section['names'][:1])}")
        elif name == "theme":
            themes = known.themes(self.answers.get("section", ""))
            if themes:
                click.echo("  主题 / themes:")
                for tid, (_, names) in themes.items():
                    click.echo(f"    {tid}  {' '.join(names)}")
        elif name == "quote":
            block = known.blocks.get(self.answers.get("paragraph", ""))
            if block is not None:
                click.echo(f"  {block.id}: {block.text}")
        elif name == "counties" and known.counties:
            listed = ["all 全市"] + [f"{cid} {' '.join(n)}" for cid, n in known.counties.items()]
            click.echo("  县（市、区） / counties:")
            for i in range(0, len(listed), 5):
                click.echo("    " + "，".join(listed[i : i + 5]))

    def tell(self, problems: list[Problem]) -> None:
        from generator.messages import hint_zh, message_zh

        for message, hint in problems:
            if self.lang == "zh":
                line = (message_zh(message) or message) + (
                    f"；提示：{hint_zh(hint) or hint}" if hint else ""
                )
                click.echo(f"  ✗ {line}；请重新输入", err=True)
            else:
                click.echo(
                    f"  ✗ {message}" + (f"; hint: {hint}" if hint else "") + "; answer again",
                    err=True,
                )

    # -- answers -----------------------------------------------------------------------------

    def convert(self, name: str, value: Any) -> Any:
        """An answer as the file holds it: Chinese names to ids, numbers to numbers."""
        known = self.known
        text = value.strip() if isinstance(value, str) else value
        if name == "section" and isinstance(text, str):
            return _by_name(text, {i: s["names"] for i, s in known.sections.items()})
        if name == "theme" and isinstance(text, str):
            themes = known.themes(self.answers.get("section", ""))
            return _by_name(text, {i: names for i, (_, names) in themes.items()})
        if name == "kind" and isinstance(text, str):
            return KIND_WORDS.get(text, text)
        if name == "comparator" and isinstance(text, str):
            return COMPARATOR_WORDS.get(text, text)
        if name == "target" and isinstance(text, str):
            return _number(text)
        if name == "counties" and isinstance(text, str):
            ids = [
                "all" if c in ALL_WORDS else _by_name(c, known.counties) for c in _counties(text)
            ]
            return ids or ["all"]
        if name == "quote" and isinstance(text, str):
            from generator.validate import find_quote

            block = known.blocks.get(self.answers.get("paragraph", ""))
            found = find_quote(text, block.text) if block is not None else None
            return found or text  # the report's own punctuation, whatever was typed
        return text

    def check(self, name: str, answer: Any) -> list[Problem]:
        """What is wrong with one answer, in the validator's words (so they translate)."""
        from generator.errors import did_you_mean
        from generator.validate import _nearest_hint

        known = self.known
        listed = "choose one of the ids listed above"
        if name == "target_id":
            if not re.fullmatch(spec.ID_PATTERN, answer or ""):
                return [
                    (
                        f"id: '{answer}' is not valid",
                        "use lowercase letters, digits and hyphens only",
                    )
                ]
            existing = _exists(self.content, answer)
            return [(existing.message, existing.hint)] if existing else []
        if name in ("title_zh", "title_en", "unit_zh", "unit_en") and not answer:
            path = ".".join(FIELDS[name][1][-2:])
            return [(f"{path}: must not be empty", "")]
        if name == "section" and known.sections and answer not in known.sections:
            return [(f"unknown section '{answer}'", did_you_mean(answer, known.sections) or listed)]
        if name == "theme":
            section = self.answers.get("section", "")
            themes = known.themes(section)
            if themes and answer not in themes:
                return [
                    (
                        f"unknown theme '{answer}' in section '{section}'",
                        did_you_mean(answer, themes) or listed,
                    )
                ]
        if name == "paragraph" and known.blocks and answer not in known.blocks:
            return [(f"unknown paragraph '{answer}'", did_you_mean(answer, known.blocks))]
        if name == "quote":
            block = known.blocks.get(self.answers.get("paragraph", ""))
            if block is not None and answer not in block.text:
                where = f"{known.report_file}:{block.line}"
                return [
                    (
                        f"quote not found in paragraph {block.id} ({where})",
                        _nearest_hint(answer, block.text),
                    )
                ]
        if name == "kind" and answer not in spec.KINDS:
            return [(f"metric.kind: '{answer}' is not allowed", did_you_mean(answer, spec.KINDS))]
        if name == "comparator" and answer not in spec.COMPARATORS:
            return [
                (
                    f"metric.comparator: '{answer}' is not allowed",
                    did_you_mean(answer, spec.COMPARATORS),
                )
            ]
        if name == "target" and not isinstance(answer, (int, float)):
            wan = _WAN.fullmatch(str(answer))
            hint = "write digits only, without units or commas"
            if wan:
                n = float(wan.group(1)) * (10_000 if wan.group(2) == "万" else 100_000_000)
                hint = f"write digits only: {answer} is {n:.15g}"
            return [("metric.target: expected a number, found text", hint)]
        if name == "counties":
            return self.check_counties(answer, listed)
        if name == "deadline" and not _is_date(answer):
            return [("deadline: expected a date YYYY-MM-DD, found text", "e.g. 2021-12-31")]
        return []

    def check_counties(self, ids: list[str], listed: str) -> list[Problem]:
        from generator.errors import did_you_mean

        known = set(self.known.counties)
        found: list[Problem] = []
        if known:
            for cid in ids:
                if cid != "all" and cid not in known:
                    hint = did_you_mean(cid, known | {"all"}) or listed
                    found.append((f"unknown county '{cid}'", hint))
        if "all" in ids and len(ids) > 1:
            found.append(
                (
                    "'all' cannot be combined with county ids",
                    "write [all] alone, or list the counties",
                )
            )
        return found

    # -- all fields --------------------------------------------------------------------------

    def needed(self, name: str) -> bool:
        return name not in QUANTITY_ONLY or self.answers.get("kind") == "quantity"

    def fill(self, given: dict[str, Any], names: list[str]) -> None:
        """Answer `names` in order: a flag's value, else a question (a flag that does not apply
        is kept as given, so that the validator explains why)."""
        for name in names:
            if self.needed(name):
                self.answers[name] = self.field(name, given.get(name))
            elif given.get(name) is not None:
                self.answers[name] = self.convert(name, given[name])
            else:
                self.answers.pop(name, None)

    def value(self) -> dict[str, Any]:
        a = self.answers
        metric: dict[str, Any] = {"kind": a["kind"]}
        for name in ("target", "comparator"):
            if name in a:
                metric[name] = a[name]
        if "unit_zh" in a or "unit_en" in a:
            metric["unit"] = {k: a[f"unit_{k}"] for k in ("zh", "en") if f"unit_{k}" in a}
        return {
            "id": a["target_id"],
            "section": a["section"],
            "theme": a["theme"],
            "title": {"zh": a["title_zh"], "en": a["title_en"]},
            "source": {"paragraph": a["paragraph"], "quote": a["quote"]},
            "metric": metric,
            "counties": a["counties"],
            "deadline": a["deadline"],
            "updates": [],
        }

    def fields_at(self, text: str, problems: list[Diagnostic]) -> list[str] | None:
        """The fields the problems are about (by their line in the rendered file), in order;
        None when one of them is about none of the fields asked."""
        doc = yamlnodes.parse(text, "-")
        lines: dict[int, str] = {}
        for name, (_, path) in FIELDS.items():
            if name in self.answers:
                lines.setdefault(doc.at(path)[0], name)
                lines.setdefault(doc.key_at(path)[0], name)
        names = [lines.get(p.pos.line) for p in problems]
        if None in names:
            return None
        return [n for n in FIELDS if n in names]


def _is_date(text: Any) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(str(text))
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(text)))


@click.command("new")
@click.option(
    "--content",
    type=click.Path(path_type=Path),
    default=Path("content"),
    show_default=True,
    help="Folder with site.yaml, targets/ and report/.",
)
@click.option(
    "--id", "target_id", metavar="ID", help="New id = file name, e.g. farmland-high-standard."
)
@click.option("--section", metavar="ID", help="Section id from sections.yaml.")
@click.option("--theme", metavar="ID", help="Theme id within that section.")
@click.option("--paragraph", metavar="ID", help="Paragraph id of content/report/zh.md, e.g. p-1-1.")
@click.option("--quote", metavar="TEXT", help="The report's exact words.")
@click.option("--title-zh", metavar="TEXT", help="Short title in Chinese.")
@click.option("--title-en", metavar="TEXT", help="Short title in English.")
@click.option("--kind", type=click.Choice(spec.KINDS), help="How the commitment is measured.")
@click.option("--target", metavar="NUMBER", help="The number promised (quantity only).")
@click.option(
    "--comparator",
    type=click.Choice(spec.COMPARATORS),
    help="How the figure meets the target (quantity only).",
)
@click.option("--unit-zh", metavar="TEXT", help="Unit in Chinese, e.g. 亩 (quantity only).")
@click.option("--unit-en", metavar="TEXT", help="Unit in English, e.g. mu (quantity only).")
@click.option("--counties", metavar="all|ID,ID", help="'all' or county ids, comma-separated.")
@click.option(
    "--deadline",
    default=DEFAULT_DEADLINE,
    show_default=True,
    metavar="YYYY-MM-DD",
    help="Date the commitment is due.",
)
@click.option("--no-input", is_flag=True, help="Never ask; a missing option is an error.")
@click.pass_context
def new_command(
    ctx: click.Context,
    content: Path,
    target_id: str | None,
    section: str | None,
    theme: str | None,
    paragraph: str | None,
    quote: str | None,
    title_zh: str | None,
    title_en: str | None,
    kind: str | None,
    target: str | None,
    comparator: str | None,
    unit_zh: str | None,
    unit_en: str | None,
    counties: str | None,
    deadline: str,
    no_input: bool,
) -> None:
    """Create content/targets/<id>.yaml for a new commitment, asking for what is missing.

    Each answer is checked as it is given; a wrong one is asked again and the others are kept.
    The new file is checked together with the rest of the content before it is written; with
    --no-input every problem is listed as a FILE:LINE:COL line and nothing is written. An
    existing file is never replaced.
    """
    from generator.load import Loader, display_path  # imported when used: keeps --help fast
    from generator.messages import current_lang

    lang = current_lang()
    src = Loader(content).load()
    form = _Form(ctx, no_input, _Content(src), content, lang)
    given = {
        "target_id": target_id,
        "section": section,
        "theme": theme,
        "title_zh": title_zh,
        "title_en": title_en,
        "paragraph": paragraph,
        "quote": quote,
        "kind": kind,
        "target": target,
        "comparator": comparator,
        "unit_zh": unit_zh,
        "unit_en": unit_en,
        "counties": counties,
        "deadline": deadline,
    }
    form.fill(given, ["target_id"])
    existing = _exists(content, form.answers["target_id"])
    if existing:  # with --no-input (else asked again above)
        _refuse([existing], existing.pos.file, lang)
    form.fill(given, list(FIELDS)[1:])
    while True:
        path = content / "targets" / f"{form.answers['target_id']}.yaml"
        shown = display_path(path)
        text = render(form.value())
        problems = check_new(Loader(content).load(), text, shown)
        errors = [p for p in problems if p.severity == "error"]
        if not errors:
            break
        again = None if no_input else form.fields_at(text, errors)
        if not again:
            _refuse(problems, shown, lang)
        assert again is not None
        form.tell([(p.message, p.hint) for p in errors])
        form.failed = [(p.message, p.hint) for p in errors]
        for name in again:
            form.answers.pop(name)
        # the fields asked again, then any later answer that depends on them, checked anew
        form.fill({}, [n for n in FIELDS if n not in form.answers or n in again])
        for name in list(FIELDS)[list(FIELDS).index(again[0]) + 1 :]:
            if name in form.answers and form.needed(name) and form.check(name, form.answers[name]):
                form.failed = form.check(name, form.answers[name])
                form.tell(form.failed)
                form.answers[name] = form.field(name, None)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as f:  # never replaces a file
            f.write(text)
    except FileExistsError:
        _refuse(
            [
                Diagnostic(
                    Pos(shown),
                    f"a target with id '{form.answers['target_id']}' already exists",
                    "choose another id, or edit that file",
                )
            ],
            shown,
            lang,
        )
    for p in problems:
        click.echo(p.format(lang), err=True)
    click.echo(
        _say(
            lang,
            f"✓ wrote {shown}; add progress under updates: and run python -m generator validate",
            f"✓ 已写入 {shown}；请在 updates: 下面添加进展，然后运行 python -m generator validate",
        )
    )
