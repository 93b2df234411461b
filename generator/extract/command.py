"""`python -m generator extract`: the command around the rules (generator/extract/).

Reads the report (CONTENT/report/zh.md, the latest report's zh.md in content/reports/, or
--report: Markdown with {#id} lines or plain text), the counties, and that report's
not-targets, sections and targets (as they are when the content has problems elsewhere),
then prints a table of proposals with the target that covers each
(or one JSON object a line with --json), writes drafts with --write, and ends with recall and
precision against the target files. Every word it prints comes from the catalogue
(generator/catalogue/extract.yaml) in the staff's language (generator/clikit.py).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from generator.catalogue import catalogue, text
from generator.clikit import Command, content_option, lang, say

from .clauses import paragraphs
from .coverage import coverage, measure
from .model import Coverage, Measure
from .rules import extract
from .stubs import PROPOSALS, first_place, places, write_stubs

if TYPE_CHECKING:
    from generator.load import ReportSources, Sources


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


def _which(src: Sources | None, report_file: Path | None) -> ReportSources | None:
    """With several reports, the one extract works on: the one whose zh.md --report names,
    else the latest (None in the one-report layout)."""
    if src is None or not src.reports:
        return None
    here = report_file.resolve().parent if report_file is not None else None
    return next((r for r in src.reports if r.folder.resolve() == here), src.latest())


def _read_content(whole: Sources, latest: ReportSources | None) -> _Content:
    """The validated site when the content is valid; otherwise the files as they are, so a
    half-finished target elsewhere does not stop the extraction. With several reports, the
    sections, targets and not-targets of the report `latest`."""
    from generator.validate import errors_only, validate

    site, problems = validate(whole)
    src = whole.view(latest)
    nt = (
        src.not_targets.value if src.not_targets and isinstance(src.not_targets.value, list) else []
    )
    if site is not None:
        report = site.report_of(latest.id) if latest else site.report
        own = report.id if latest else ""
        return _Content(
            list(site.counties),
            nt,
            [s for s in site.sections if s.report == own],
            [t for t in site.targets if t.report == own],
            f"{report.year or site.info.report_date.year}-12-31",
            0,
        )

    def listed(doc: Any) -> list[Any]:
        value = doc.value if doc is not None else None
        return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []

    site_value = src.site.value if src.site and isinstance(src.site.value, Mapping) else {}
    date = latest.date if latest else str((site_value.get("report") or {}).get("date", ""))
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
        "why": p.why.text(lang()) if p.why else "",
        "id": p.id,
        "figure": p.figure,
        "start": p.start,
        "end": p.end,
        "covered_by": list(c.targets),
    }


@click.command("extract", cls=Command, texts="extract")
@click.option(
    "--report",
    "report_file",
    type=click.Path(path_type=Path),
    default=None,
    help=text("extract.opt.report_file", "en"),
)
@content_option()
@click.option("--write", is_flag=True, help=text("extract.opt.write", "en"))
@click.option("--json", "as_json_lines", is_flag=True, help=text("extract.opt.as_json_lines", "en"))
def extract_command(
    report_file: Path | None, content: Path, write: bool, as_json_lines: bool
) -> None:
    """Propose commitments from the report's Chinese text and show which are tracked (the
    help shown is the catalogue's extract.help, in the staff's language)."""
    from generator.load import load

    started = time.perf_counter()
    src = load(content) if content.is_dir() else None
    chosen = _which(src, report_file)
    base = chosen.folder if chosen else content  # where the report's targets/ are
    report = _read_report(report_file, content, base)
    for problem in report.problems:
        click.echo(f"! {problem.format(lang())}", err=True)
    assert src is not None  # _read_report stops when the content folder is missing
    data = _read_content(src, chosen)
    if data.problems:
        click.echo(say("extract.content_problems", n=data.problems), err=True)
    proposals = extract(report.text, data.counties, data.not_targets, fmt=report.fmt)
    items = coverage(proposals, data.targets)
    echo = (lambda line: click.echo(line, err=True)) if as_json_lines else click.echo
    if as_json_lines:
        for c in items:
            click.echo(json.dumps(as_json(c), ensure_ascii=False))
    else:
        _print_table(items)
    covered = sum(c.covered for c in items)
    echo(say("extract.summary", n=len(items), covered=covered, uncovered=len(items) - covered))
    if write:
        _write(items, report, base, data, echo)
    m = measure(proposals, data.targets, {pid: body for pid, _, body in report.blocks})
    for line in _measured(m, report.path, time.perf_counter() - started):
        echo(line)


@dataclass(frozen=True)
class _Report:
    path: Path
    tracked: Path  # CONTENT/report/zh.md (or the latest report's), which the targets quote
    text: str
    fmt: str  # "md" | "txt"
    blocks: list[tuple[str, str, str]]
    problems: list[Any]


def _read_report(report_file: Path | None, content: Path, base: Path) -> _Report:
    """The report to read (--report, else the tracked one: `base` is content/ or the latest
    report's folder), its text and its blocks; a usage error (exit 2) when it cannot be read."""
    from generator.load import display_path

    if not content.is_dir():
        raise click.BadParameter(say("extract.no_folder", path=content), param_hint="--content")
    tracked = base / "zh.md" if base != content else content / "report" / "zh.md"
    path = report_file if report_file is not None else tracked
    hint = "--report" if report_file is not None else "--content"
    if not path.is_file():
        raise click.BadParameter(say("extract.no_file", path=path), param_hint=hint)
    if path.suffix.lower() not in (".md", ".txt", ".markdown"):
        raise click.BadParameter(say("extract.bad_suffix", name=path.name), param_hint=hint)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise click.BadParameter(say("extract.not_utf8", path=path), param_hint=hint) from None
    fmt = "txt" if path.suffix.lower() == ".txt" else "md"
    found: list[Any] = []
    blocks = paragraphs(text, fmt, found, display_path(path))
    if not blocks:
        key = "extract.no_paragraphs_md" if fmt == "md" else "extract.no_paragraphs"
        raise click.BadParameter(say(key, path=path), param_hint=hint)
    return _Report(path, tracked, text, fmt, blocks, found)


def _print_table(items: list[Coverage]) -> None:
    heads = [say(f"extract.column.{k}") for k in ("paragraph", "kind", "covered_by", "clause")]
    click.echo(f"{heads[0]:<10} {heads[1]:<9} {heads[2]:<36} {heads[3]}")
    for c in items:
        p = c.proposal
        by = c.targets[0] if c.targets else "—"
        click.echo(f"{p.paragraph:<10} {p.kind:<9} {_short(by, 36):<36} {_short(p.quote)}")


def _write(items: list[Coverage], report: _Report, base: Path, data: _Content, echo: Any) -> None:
    """--write: a draft for every uncovered proposal, and what was written or kept (in
    `base`: content/, or the latest report's folder)."""
    from generator.load import display_path

    if report.path.resolve() != report.tracked.resolve():
        path, tracked = display_path(report.path), display_path(report.tracked)
        echo(say("extract.other_report", path=path, tracked=tracked))
    written, kept = write_stubs(
        items,
        base,
        places(report.blocks, data.sections),
        data.deadline,
        first_place(data.sections),
        lang(),
    )
    for f in written:
        echo(say("extract.wrote", path=f.as_posix()))
    for f in kept:
        echo(say("extract.kept", path=f.as_posix()))
    if written:
        folder = base.as_posix()
        echo(say("extract.publish", proposals=f"{folder}/{PROPOSALS}", targets=f"{folder}/targets"))


def _measured(m: Measure, path: Path, seconds: float) -> list[str]:
    """Recall and precision against the target files, or n/a when none quotes this report."""
    lines = []
    if m.elsewhere:
        lines.append(say("extract.elsewhere", n=m.elsewhere, name=path.name))
    if not m.recall.total:
        # no target quotes this report: nothing to measure against, so no precision either
        lines += [
            say("extract.recall_by_kind.none"),
            say("extract.precision_by_kind.none"),
            say("extract.seconds", seconds=f"{seconds:.2f}"),
            say("extract.final.none"),
        ]
        return lines
    recall = ", ".join(f"{_kind(k)} {r}" for k, r in m.recall_by_kind.items())
    lines.append(say("extract.recall_by_kind", figures=recall, in_scope=m.in_scope))
    if m.precision_by_kind:
        precision = ", ".join(f"{_kind(k)} {r}" for k, r in m.precision_by_kind.items())
        lines.append(say("extract.precision_by_kind", figures=precision))
    else:
        lines.append(say("extract.precision_by_kind.empty"))
    lines.append(say("extract.seconds", seconds=f"{seconds:.2f}"))
    lines.append(say("extract.final", recall=m.recall, precision=m.precision))
    return lines


def _kind(kind: str) -> str:
    """A metric kind's name in the staff's language (an unknown kind as it is written)."""
    key = f"extract.kind.{kind}"
    return say(key) if key in catalogue() else kind
