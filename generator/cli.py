"""The command line: thin wrappers that turn ContentError into FILE:LINE:COL lines and exit 1.

Staff never see a Python traceback for a content mistake; developers get one with --debug.
Every word printed comes from the message catalogue (`generator/catalogue/cli.yaml`) in the
staff's language (`generator/clikit.py`). Commands other than `validate` and `build` live in
their own modules and are imported only when run (`COMMANDS`), so `--help` stays fast.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import NoReturn

import click

from generator.catalogue import text
from generator.clikit import LazyGroup, content_option, lang, last_lang, say
from generator.errors import ContentError, Diagnostic
from generator.staff_report import report_options

OUT = Path("site")

# command name → "module:attribute", imported when the command is run or its help is shown
COMMANDS = {
    "extract": "generator.extract:extract_command",
    "new": "generator.scaffold:new_command",
    "serve": "generator.serve:serve_command",
    "verify": "generator.verify:verify_command",
}


def _print_problems(problems: list[Diagnostic]) -> None:
    chosen = lang()
    for p in problems:
        click.echo(p.format(chosen), err=True)


def _fail(exc: ContentError) -> NoReturn:
    _print_problems(exc.diagnostics)
    errors = sum(1 for d in exc.diagnostics if d.severity == "error")
    click.echo(say("cli.fail", errors=errors), err=True)
    sys.exit(1)


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    texts="cli.main",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--debug", is_flag=True, help="Show Python tracebacks (for developers).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Language of messages.")
@click.pass_context
def cli(ctx: click.Context, debug: bool, lang: str | None) -> None:
    """The group: its help is the catalogue's cli.main.help."""
    ctx.obj = {"debug": debug, "lang": lang}  # None: chosen for the command's --content


@cli.command()
@content_option()
@report_options
def validate(
    content: Path, report: bool, stale_days: int, today: dt.date, report_file: Path
) -> None:
    """Check the content; with --report, list what needs attention (cli.validate.help)."""
    from generator.load import load
    from generator.validate import validate as run_validate

    started = time.perf_counter()
    site, problems = run_validate(load(content))
    if site is None:
        _fail(ContentError(problems))
    _print_problems(problems)
    seconds = time.perf_counter() - started
    click.echo(
        say(
            "cli.validate.ok",
            targets=len(site.targets),
            counties=len(site.counties),
            sections=len(site.sections),
            seconds=f"{seconds:.2f}",
        )
    )
    if report:
        from generator.staff_report import run_report

        click.echo(run_report(site, today, stale_days, report_file, lang()))


@cli.command()
@content_option()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=OUT,
    show_default=True,
    metavar="DIR",
    help="Where to write the website. Replaced only when the build succeeds.",
)
@click.option("--base-url", default=None, metavar="URL", help="Public address of the site.")
@click.option(
    "--search/--no-search", default=True, show_default=True, help="Build the search index."
)
@click.option("--allow-removals", is_flag=True, help="Let the build remove commitment pages.")
@click.pass_context
def build(
    ctx: click.Context,
    content: Path,
    out: Path,
    base_url: str | None,
    search: bool,
    allow_removals: bool,
) -> None:
    """Check the content, then write the website into --out (cli.build.help)."""
    from generator import search as search_module
    from generator.build import build as run_build
    from generator.write import OutputError

    if base_url is not None and not (
        base_url.startswith(("http://", "https://")) and base_url.endswith("/")
    ):
        raise click.BadParameter(say("cli.build.bad_base_url"), param_hint="--base-url")

    def progress(done: int, total: int) -> None:
        if total >= 1000 and sys.stderr.isatty():
            line = say("cli.build.rendering", done=done, total=total)
            click.echo("\r" + line, nl=done == total, err=True)

    if search and not search_module.available():
        click.echo(say("cli.build.no_search"), err=True)
        search = False
    try:
        result = run_build(
            content,
            out,
            base_url,
            progress=progress,
            search_index=search,
            allow_removals=allow_removals,
        )
    except search_module.SearchError as exc:
        click.echo(say("cli.build.search_failed", error=exc), err=True)
        sys.exit(1)
    except ContentError as exc:
        if ctx.obj["debug"]:
            raise
        _fail(exc)
        return
    except OutputError as exc:
        click.echo(f"✗ {exc}", err=True)
        sys.exit(1)
    _print_problems(result.warnings)
    done = say(
        "cli.build.ok",
        pages=result.pages,
        files=result.files,
        mb=f"{result.bytes / 1_048_576:.1f}",
        out=out,
        seconds=f"{result.seconds:.2f}",
    )
    if search:
        done += say("cli.build.ok.search", seconds=f"{result.search_seconds:.2f}")
    click.echo(done)


def main() -> None:
    debug = "--debug" in sys.argv
    try:
        cli.main(prog_name="python -m generator", standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # a bug, not a content mistake: say so plainly
        if debug:
            raise
        chosen = last_lang()
        click.echo(text("cli.internal_error", chosen, name=type(exc).__name__, error=exc), err=True)
        click.echo(text("cli.internal_error.hint", chosen), err=True)
        sys.exit(70)
