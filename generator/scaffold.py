"""`python -m generator new`: start a new target file, checked before it is written.

Every field comes from a flag or, when the flag is missing, from a question (with --no-input a
missing flag is a usage error instead). The file is built in memory, added to the content as
it is on disk and run through the same validator as `validate`; only when nothing is wrong is
it written, and never over an existing file. Its comments explain each field in Chinese and
English, taken from the docs in spec.py, so they cannot drift from what is checked.
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
    """The new file: the schema line, then each field under a bilingual comment."""
    lines = [SCHEMA_LINE, f"# {comment(spec.TARGET)} — docs/content.md", ""]
    _fields(spec.TARGET, value, 0, lines)
    metric = value.get("metric")
    lines += _update_example(isinstance(metric, dict) and metric.get("kind") == "quantity")
    return "\n".join(lines) + "\n"


def _fields(obj: spec.Obj, value: dict[str, Any], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for key in obj.keys:
        if key.name not in value:
            continue
        item, s = value[key.name], key.spec
        if s.doc:
            lines.append(f"{pad}# {comment(s)}")
        if isinstance(s, spec.Obj) and isinstance(item, dict):
            lines.append(f"{pad}{key.name}:")
            _fields(s, item, indent + 2, lines)
        elif isinstance(item, list):
            items = ", ".join(scalar(x, flow=True) for x in item)
            lines.append(f"{pad}{key.name}: [{items}]")
        else:
            lines.append(f"{pad}{key.name}: {scalar(item)}")


def _update_example(quantity: bool) -> list[str]:
    """A commented-out update, so the next edit has a model to copy."""
    example = [
        ("- date: 2021-06-30", "date"),
        ("  status: in_progress", "status"),
        ("  value: 0", "value"),
        ('  note: {zh: "说明", en: "Explanation"}', "note"),
        ('  source: {title: "来源标题", url: "https://..."}', "source"),
    ]
    lines = [
        "# 进展示例：把上面的 [] 换成下面几行，去掉 # / Example update: replace [] above "
        "with these lines, without the #"
    ]
    for text, name in example:
        if name == "value" and not quantity:
            continue
        key = spec.UPDATE.key(name)
        assert key is not None
        pad = " " * max(1, 44 - _width(text))
        lines.append(f"#  {text}{pad}# {comment(key.spec)}")
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


def _refuse(problems: list[Diagnostic], shown: str) -> None:
    for p in sorted(problems):
        click.echo(p.format(), err=True)
    errors = sum(1 for p in problems if p.severity == "error")
    click.echo(f"✗ {errors} problem(s) found; nothing was written ({shown}).", err=True)
    sys.exit(1)


# -- questions -------------------------------------------------------------------------------


class _Asker:
    """Take a flag's value, or ask for it; with --no-input a missing flag is a usage error."""

    def __init__(self, ctx: click.Context, no_input: bool):
        self.ctx, self.no_input = ctx, no_input

    def __call__(self, flag: str, value: Any, prompt: str, **kwargs: Any) -> Any:
        if value is not None:
            return value
        if self.no_input:
            raise click.UsageError(
                f"Missing option '{flag}' (nothing is asked with --no-input).", self.ctx
            )
        try:
            return click.prompt(f"{flag.removeprefix('--')} — {prompt}", **kwargs)
        except click.Abort:
            if sys.stdin.isatty():
                raise
            click.echo()
            raise click.UsageError(
                f"Missing option '{flag}' (no answer on standard input).", self.ctx
            ) from None


def _doc(*path: str) -> str:
    s: spec.Spec = spec.TARGET
    for name in path:
        assert isinstance(s, spec.Obj)
        key = s.key(name)
        assert key is not None
        s = key.spec
    return comment(s)


def _sections(src: Sources) -> dict[str, dict[str, str]]:
    """section id → {theme id: paragraph id}, from whatever of sections.yaml is readable."""
    out: dict[str, dict[str, str]] = {}
    value = src.sections.value if src.sections else None
    for section in value if isinstance(value, list) else []:
        if isinstance(section, dict) and isinstance(section.get("id"), str):
            themes = section.get("themes") if isinstance(section.get("themes"), list) else []
            out[section["id"]] = {
                t["id"]: str(t.get("paragraph", ""))
                for t in themes
                if isinstance(t, dict) and isinstance(t.get("id"), str)
            }
    return out


def _counties(text: str) -> list[str]:
    return [c for c in re.split(r"[,，\s]+", text.strip()) if c]


def _number(text: str) -> Any:
    """'6000' → 6000, '2.5' → 2.5; anything else stays text, which the validator explains."""
    text = text.strip()
    if _NUMBER.fullmatch(text):
        return float(text) if "." in text else int(text)
    return text


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

    The new file is checked together with the rest of the content first; if anything is wrong
    the problems are listed as FILE:LINE:COL lines and nothing is written. An existing file is
    never replaced.
    """
    from generator.load import Loader, display_path  # imported when used: keeps --help fast

    ask = _Asker(ctx, no_input)
    src = Loader(content).load()
    target_id = ask("--id", target_id, _doc("id"))
    existing = _exists(content, target_id)
    if existing:
        _refuse([existing], existing.pos.file)
    known = _sections(src)
    if section is None and known and not no_input:
        click.echo(f"  sections / 部分: {', '.join(known)}")
    section = ask("--section", section, _doc("section"))
    themes = known.get(section, {})
    if theme is None and themes and not no_input:
        click.echo(f"  themes / 主题: {', '.join(themes)}")
    theme = ask("--theme", theme, _doc("theme"))
    title_zh = ask("--title-zh", title_zh, "标题（中文） / Short title in Chinese")
    title_en = ask("--title-en", title_en, "标题（英文） / Short title in English")
    paragraph = ask(
        "--paragraph", paragraph, _doc("source", "paragraph"), default=themes.get(theme) or None
    )
    blocks = {b.id: b for b in src.report.get("zh", [])}
    if quote is None and paragraph in blocks and not no_input:
        click.echo(f"  {paragraph}: {blocks[paragraph].text}")
    quote = ask("--quote", quote, _doc("source", "quote"))
    kind = ask("--kind", kind, _doc("metric", "kind"), type=click.Choice(spec.KINDS))
    metric: dict[str, Any] = {"kind": kind}
    if kind == "quantity":
        metric["target"] = _number(ask("--target", target, _doc("metric", "target")))
        metric["comparator"] = ask(
            "--comparator",
            comparator,
            _doc("metric", "comparator"),
            type=click.Choice(spec.COMPARATORS),
            default="at_least",
        )
        metric["unit"] = {
            "zh": ask("--unit-zh", unit_zh, "单位（中文），如 亩 / Unit in Chinese"),
            "en": ask("--unit-en", unit_en, "单位（英文），如 mu / Unit in English"),
        }
    else:  # given anyway: kept, so the validator explains why they do not apply
        if target is not None:
            metric["target"] = _number(target)
        if comparator is not None:
            metric["comparator"] = comparator
        if unit_zh is not None or unit_en is not None:
            metric["unit"] = {k: v for k, v in (("zh", unit_zh), ("en", unit_en)) if v is not None}
    counties = ask("--counties", counties, _doc("counties") + " (all / a,b)", default="all")
    value = {
        "id": target_id,
        "section": section,
        "theme": theme,
        "title": {"zh": title_zh, "en": title_en},
        "source": {"paragraph": paragraph, "quote": quote},
        "metric": metric,
        "counties": _counties(counties),
        "deadline": deadline,
        "updates": [],
    }
    path = content / "targets" / f"{target_id}.yaml"
    shown = display_path(path)
    text = render(value)
    problems = check_new(src, text, shown)
    if any(p.severity == "error" for p in problems):
        _refuse(problems, shown)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as f:  # never replaces a file
            f.write(text)
    except FileExistsError:
        _refuse(
            [
                Diagnostic(
                    Pos(shown),
                    f"a target with id '{target_id}' already exists",
                    "choose another id, or edit that file",
                )
            ],
            shown,
        )
    for p in problems:
        click.echo(p.format(), err=True)
    click.echo(
        f"✓ wrote {shown}; record progress under updates: and run python -m generator validate"
    )
