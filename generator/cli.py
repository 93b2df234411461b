"""The command line: thin wrappers that turn ContentError into FILE:LINE:COL lines and exit 1.

Staff never see a Python traceback for a content mistake; developers get one with --debug.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import click

from generator.errors import ContentError, Diagnostic
from generator.staff_report import report_options

CONTENT = Path("content")
OUT = Path("site")


def _lang() -> str:
    from generator.messages import current_lang

    return current_lang(CONTENT)


def _say(en: str, zh: str) -> str:
    return zh if _lang() == "zh" else en


def _print_problems(problems: list[Diagnostic]) -> None:
    lang = _lang()
    for p in problems:
        click.echo(p.format(lang), err=True)


def _fail(exc: ContentError) -> None:
    _print_problems(exc.diagnostics)
    errors = sum(1 for d in exc.diagnostics if d.severity == "error")
    click.echo(
        _say(
            f"✗ {errors} problem(s) found; nothing was written. Fix them and run the "
            "command again.",
            f"✗ 发现 {errors} 个问题，没有写入任何文件。请修改后重新运行命令。",
        ),
        err=True,
    )
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show Python tracebacks (for developers).")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    help="Language of messages. Default: the HEDONG_LANG environment variable, else "
    "staff_lang in content/site.yaml, else the system locale. 提示语言（默认：环境变量 "
    "HEDONG_LANG，其次 content/site.yaml 中的 staff_lang，再次系统语言）。",
)
@click.pass_context
def cli(ctx: click.Context, debug: bool, lang: str | None) -> None:
    """Hedong Open: build the commitment-tracker website from the files in content/.

    \b
    Most days you need two commands:
      python -m generator validate   check your edits, change nothing
      python -m generator build      check, then write the website into site/
    """
    ctx.obj = {"debug": debug, "lang": lang}  # None: chosen for the command's --content


@cli.command()
@click.option(
    "--content",
    type=click.Path(path_type=Path),
    default=CONTENT,
    show_default=True,
    help="Folder with site.yaml, targets/ and report/.",
)
@report_options
def validate(
    content: Path, report: bool, stale_days: int, today: dt.date, report_file: Path
) -> None:
    """Check the content for mistakes and list every one of them.

    Writes nothing, unless --report asks for the list of commitments that need attention
    (no update, stale, behind schedule, missing English, non-https sources) as report.csv.
    """
    from generator.load import load
    from generator.validate import validate as run_validate

    started = time.perf_counter()
    site, problems = run_validate(load(content))
    if site is None:
        _fail(ContentError(problems))
    _print_problems(problems)
    seconds = time.perf_counter() - started
    click.echo(
        _say(
            f"✓ content is valid: {len(site.targets)} commitments, "
            f"{len(site.counties)} counties, {len(site.sections)} parts ({seconds:.2f} s)",
            f"✓ 内容无误：{len(site.targets)} 项承诺，{len(site.counties)} 个县（市、区），"
            f"{len(site.sections)} 个部分（{seconds:.2f} 秒）",
        )
    )
    if report:
        from generator.staff_report import run_report

        click.echo(run_report(site, today, stale_days, report_file))


@cli.command()
@click.option(
    "--content",
    type=click.Path(path_type=Path),
    default=CONTENT,
    show_default=True,
    help="Folder with site.yaml, targets/ and report/.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=OUT,
    show_default=True,
    help="Where to write the website. Replaced only when the build succeeds.",
)
@click.option(
    "--base-url",
    default=None,
    metavar="URL",
    help="Public address of the site, ending in '/' (enables canonical links).",
)
@click.option(
    "--search/--no-search",
    default=True,
    show_default=True,
    help="Build the search index (needs `make setup`).",
)
@click.option(
    "--allow-removals",
    is_flag=True,
    help="Let the build remove commitment pages that the site in --out has (their files were "
    "deleted or renamed on purpose). 允许删除已发布承诺的网页。",
)
@click.pass_context
def build(
    ctx: click.Context,
    content: Path,
    out: Path,
    base_url: str | None,
    search: bool,
    allow_removals: bool,
) -> None:
    """Check the content, then write the whole website into --out (site/ by default).

    If anything is wrong, the errors are listed and the previous website stays as it was.
    A build that would remove the page of a commitment the site already has stops too, unless
    --allow-removals is given.
    """
    from generator import search as search_module
    from generator.build import build as run_build
    from generator.write import OutputError

    if base_url is not None and not (
        base_url.startswith(("http://", "https://")) and base_url.endswith("/")
    ):
        raise click.BadParameter(
            "use a full address ending in '/', e.g. https://example.org/", param_hint="--base-url"
        )

    def progress(done: int, total: int) -> None:
        if total >= 1000 and sys.stderr.isatty():
            click.echo(f"\r  rendering {done}/{total} pages", nl=done == total, err=True)

    if search and not search_module.available():
        click.echo(
            _say(
                "! the search indexer is not installed (run `make setup`); building without search",
                "! 没有安装搜索索引工具（请运行 `make setup`）；这次生成不含搜索",
            ),
            err=True,
        )
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
        click.echo(f"✗ {exc}; the previous site was left as it was", err=True)
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
    seconds = result.search_seconds
    mb = result.bytes / 1_048_576
    click.echo(
        _say(
            f"✓ built {result.pages} pages ({result.files} files, {mb:.1f} MB) into "
            f"{out}/ in {result.seconds:.2f} s"
            + (f"; search index {seconds:.2f} s" if search else ""),
            f"✓ 已生成 {result.pages} 个页面（{result.files} 个文件，{mb:.1f} MB），"
            f"写入 {out}/，用时 {result.seconds:.2f} 秒"
            + (f"；搜索索引用时 {seconds:.2f} 秒" if search else ""),
        )
    )


def _register() -> None:
    """Commands that live in their own modules, imported when this module is (not lazily)."""
    from generator.bench import bench_command
    from generator.extract import extract_command
    from generator.scaffold import new_command
    from generator.serve import serve_command
    from generator.verify import verify_command

    cli.add_command(bench_command)
    cli.add_command(extract_command)
    cli.add_command(new_command)
    cli.add_command(serve_command)
    cli.add_command(verify_command)


_register()


def main() -> None:
    debug = "--debug" in sys.argv
    try:
        cli.main(prog_name="python -m generator", standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # a bug, not a content mistake: say so plainly
        if debug:
            raise
        click.echo(f"✗ internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo(
            "  This is a bug in the generator, not in your content. Run again with "
            "--debug and send the output to the developers.",
            err=True,
        )
        sys.exit(70)
