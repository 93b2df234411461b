"""`python -m generator new`: the command. The answers are gathered (form.py), the file is
built in memory (filetext.py), added to the content as it is on disk and run through the same
validator as `validate`; a field the validator still refuses is asked again (with --no-input
every problem is listed and nothing is written). The file is written only when nothing is
wrong, and never over an existing file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from generator import spec, yamlnodes
from generator.catalogue import text
from generator.clikit import Command, content_option, lang
from generator.errors import Diagnostic, Pos
from generator.scaffold.answers import exists
from generator.scaffold.filetext import render
from generator.scaffold.form import Form
from generator.scaffold.known import DEFAULT_DEADLINE, FIELDS, Known

if TYPE_CHECKING:
    from generator.load import Sources


def check_new(
    src: Sources, file_text: str, shown: str, report_id: str | None = None
) -> list[Diagnostic]:
    """Every problem the content would have with the new file added to the targets of the
    report `report_id` (errors and warnings)."""
    from generator.validate import validate

    try:
        doc = yamlnodes.parse(file_text, shown)
    except yamlnodes.YamlProblem as exc:  # pragma: no cover - render() writes valid YAML
        return [Diagnostic.of(Pos(shown, exc.line, exc.col), exc.msg, exc.hint)]
    report = next((r for r in src.reports if r.id == report_id), None)
    src.view(report).targets.append(doc)  # a view shares its report's list of targets
    _, problems = validate(src)
    return problems


def refuse(problems: list[Diagnostic], shown: str, chosen: str) -> None:
    """List the problems and stop: nothing is written."""
    for p in sorted(problems):
        click.echo(p.format(chosen), err=True)
    errors = sum(1 for p in problems if p.severity == "error")
    click.echo(text("new.refused", chosen, errors=errors, file=shown), err=True)
    sys.exit(1)


def _options(command: Any) -> Any:
    """The flags of `new`, one a field (help: cli.new.opt.<name> in the catalogue)."""
    metavars = {"target": "NUMBER", "counties": "all|ID,ID", "deadline": "YYYY-MM-DD"}
    choices = {"kind": spec.KINDS, "comparator": spec.COMPARATORS}
    options = []
    for name, (flag, _) in FIELDS.items():
        kwargs: dict[str, Any] = {"help": text(f"cli.new.opt.{name}", "en")}
        if name in choices:
            kwargs["type"] = click.Choice(choices[name])
        else:
            kwargs["metavar"] = metavars.get(name, "ID" if name in _IDS else "TEXT")
        if name == "deadline":
            kwargs |= {"default": DEFAULT_DEADLINE, "show_default": True}
        options.append(click.option(flag, name, **kwargs))
    options.append(
        click.option("--no-input", is_flag=True, help=text("cli.new.opt.no_input", "en"))
    )
    for option in reversed(options):
        command = option(command)
    return command


_IDS = ("target_id", "section", "theme", "paragraph")


def _write(path: Path, file_text: str, shown: str, target_id: str, chosen: str) -> None:
    try:
        with path.open("x", encoding="utf-8", newline="\n") as f:  # never replaces a file
            f.write(file_text)
    except FileExistsError:
        found = Diagnostic(Pos(shown), "target_exists", {"id": target_id}, "target_exists.hint")
        refuse([found], shown, chosen)


def which_report(
    ctx: click.Context, src: Sources, report_id: str | None, no_input: bool, chosen: str
) -> tuple[Sources, Path, str | None]:
    """The report the new commitment is of, as (the content seen as that report alone, its
    targets folder, its id): --report, else the latest, asked when there are several. In the
    one-report layout, content/targets/."""
    if not src.reports:
        return src, src.root / "targets", None
    ids = [r.id for r in src.reports]
    latest = src.latest()
    assert latest is not None
    if report_id is None and len(ids) > 1 and not no_input:
        click.echo(text("new.list.reports", chosen))
        for r in src.reports:
            click.echo(f"    {r.id}")
        suffix = "：" if chosen == "zh" else ": "
        ask = text("new.ask.report", chosen)
        report_id = click.prompt(ask, default=latest.id, prompt_suffix=suffix)
    report = next((r for r in src.reports if r.id == (report_id or latest.id)), None)
    if report is None:
        found = text("new.unknown_report", chosen, id=report_id, ids=", ".join(ids))
        raise click.BadParameter(found, ctx=ctx, param_hint="--report")
    if ctx.get_parameter_source("deadline") == click.core.ParameterSource.DEFAULT:
        ctx.params["deadline"] = f"{report.date[:4] or DEFAULT_DEADLINE[:4]}-12-31"
    return src.view(report), report.folder / "targets", report.id


@click.command("new", cls=Command)
@content_option()
@click.option("--report", "report_id", metavar="ID", help=text("cli.new.opt.report_id", "en"))
@_options
@click.pass_context
def new_command(
    ctx: click.Context, /, content: Path, report_id: str | None, no_input: bool, **given: Any
) -> None:
    """Create a new commitment's file, asking for what is missing (help: cli.new.help)."""
    from generator.load import Loader, display_path  # imported when used: keeps --help fast

    chosen = lang()
    src, folder, report_id = which_report(ctx, Loader(content).load(), report_id, no_input, chosen)
    given["deadline"] = ctx.params.get("deadline", given.get("deadline"))
    form = Form(ctx, no_input, Known(src), folder, chosen)
    form.fill(given, ["target_id"])
    existing = exists(folder, form.answers["target_id"])
    if existing:  # with --no-input (else asked again above)
        refuse([existing], existing.pos.file, chosen)
    form.fill(given, list(FIELDS)[1:])
    while True:
        path = folder / f"{form.answers['target_id']}.yaml"
        shown = display_path(path)
        file_text = render(form.value(), depth=len(folder.relative_to(content).parts))
        problems = check_new(Loader(content).load(), file_text, shown, report_id)
        errors = [p for p in problems if p.severity == "error"]
        if not errors:
            break
        again = None if no_input else form.fields_at(file_text, errors)
        if not again:
            refuse(problems, shown, chosen)
            return
        form.ask_again(again, errors)
    _write(path, file_text, shown, form.answers["target_id"], chosen)
    for p in problems:
        click.echo(p.format(chosen), err=True)
    click.echo(text("new.wrote", chosen, file=shown))
