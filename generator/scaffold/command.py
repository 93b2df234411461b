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


def check_new(src: Sources, file_text: str, shown: str) -> list[Diagnostic]:
    """Every problem the content would have with the new file added (errors and warnings)."""
    from generator.validate import validate

    try:
        doc = yamlnodes.parse(file_text, shown)
    except yamlnodes.YamlProblem as exc:  # pragma: no cover - render() writes valid YAML
        return [Diagnostic.of(Pos(shown, exc.line, exc.col), exc.msg, exc.hint)]
    src.targets.append(doc)
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


@click.command("new", cls=Command)
@content_option()
@_options
@click.pass_context
def new_command(ctx: click.Context, content: Path, no_input: bool, **given: Any) -> None:
    """Create a new commitment's file, asking for what is missing (help: cli.new.help)."""
    from generator.load import Loader, display_path  # imported when used: keeps --help fast

    chosen = lang()
    form = Form(ctx, no_input, Known(Loader(content).load()), content, chosen)
    form.fill(given, ["target_id"])
    existing = exists(content, form.answers["target_id"])
    if existing:  # with --no-input (else asked again above)
        refuse([existing], existing.pos.file, chosen)
    form.fill(given, list(FIELDS)[1:])
    while True:
        path = content / "targets" / f"{form.answers['target_id']}.yaml"
        shown = display_path(path)
        file_text = render(form.value())
        problems = check_new(Loader(content).load(), file_text, shown)
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
