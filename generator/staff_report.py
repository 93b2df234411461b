"""`python -m generator validate --report`: what in valid content still needs staff attention.

Valid content can still be stale or half-translated. The report lists, per commitment:

    no_update        no progress reported yet
    stale            the last update is older than --stale-days (achieved and missed are final
                     and never stale)
    behind_schedule  a quantified target whose share reached trails the share of time elapsed
                     (progress.schedule, from the report's date to the deadline)
    missing_english  English text that is empty, the same as the Chinese, or has Chinese
                     characters outside parentheses ("Guan Yu (关羽) Park" is fine)
    not_https        an update's source address that is not https://

It is printed as a table grouped by problem and written as a CSV file (UTF-8 with a BOM so
spreadsheet programs read the Chinese correctly). `today` is a parameter so tests are fixed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from generator.model import Site, Target, Text
from generator.progress import elapsed, percent, schedule

DEFAULT_STALE_DAYS = 180
DEFAULT_FILE = Path("report.csv")
FINAL = ("achieved", "missed")

# Problem code → what it means, in display order.
PROBLEMS = {
    "no_update": "no progress reported yet / 尚无进展",
    "stale": "last update is too old / 进展过旧",
    "behind_schedule": "behind schedule / 欠进度",
    "missing_english": "English text missing / 缺少英文",
    "not_https": "source address is not https / 来源网址不是 https",
}
HEADER = ("target", "file", "problem", "detail")

_CJK = "\u3400-\u9fff\uf900-\ufaff"


@dataclass(frozen=True)
class Row:
    target: str
    file: str
    problem: str  # a key of PROBLEMS
    detail: str

    def key(self) -> tuple[int, str, str, str]:
        return (list(PROBLEMS).index(self.problem), self.target, self.file, self.detail)


def staff_report(site: Site, today: dt.date, stale_days: int = DEFAULT_STALE_DAYS) -> list[Row]:
    """Every problem of every target, sorted by problem (in PROBLEMS order), target, detail."""
    rows: list[Row] = []
    start = site.info.report_date
    for t in site.targets:

        def add(problem: str, detail: str, t: Target = t) -> None:
            rows.append(Row(t.id, t.file, problem, detail))

        last = t.last
        if last is None:
            add("no_update", f"nothing reported; due {t.deadline}")
        else:
            age = (today - last.date).days
            if age > stale_days and last.status not in FINAL:
                add("stale", f"last update {last.date} ({last.status}) is {age} days old")
            if schedule(t, start) == "behind":
                unit = t.metric.unit.en if t.metric.unit else ""
                share, time = percent(t), elapsed(start, t.deadline, last.date)
                add(
                    "behind_schedule",
                    f"{_num(last.value)} of {_num(t.metric.target)} {unit}".rstrip()
                    + f" ({share:g}%) on {last.date}, when {time * 100:.0f}% of the time to "
                    f"{t.deadline} had passed",
                )
        for field, text in _texts(t):
            problem = untranslated(text)
            if problem:
                add("missing_english", f"{field}.en {problem}")
        for i, u in enumerate(t.updates):
            if u.source and not u.source.url.lower().startswith("https://"):
                add("not_https", f"updates[{i}] of {u.date}: {u.source.url}")
    return sorted(rows, key=Row.key)


def _texts(t: Target) -> list[tuple[str, Text]]:
    out = [("title", t.title)]
    if t.metric.unit:
        out.append(("metric.unit", t.metric.unit))
    out += [(f"updates[{i}].note", u.note) for i, u in enumerate(t.updates) if u.note]
    return out


def untranslated(text: Text) -> str:
    """Why the English of `text` is missing, or '' when it is there."""
    en = text.en.strip()
    if not en:
        return "is empty"
    if en == text.zh.strip() and re.search(f"[{_CJK}]", en):
        return "is the same as the Chinese"
    outside = re.sub(r"\([^()]*\)|（[^（）]*）", "", en)
    found = re.findall(f"[{_CJK}]+", outside)
    if found:
        return "has Chinese outside parentheses: " + "、".join(found)
    return ""


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


# -- output ----------------------------------------------------------------------------------


def csv_bytes(rows: list[Row]) -> bytes:
    """The CSV file: UTF-8 with BOM, a header row, one row per problem, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in sorted(rows, key=Row.key):
        writer.writerow((row.target, row.file, row.problem, row.detail))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_report(rows: list[Row], path: Path = DEFAULT_FILE) -> None:
    path.write_bytes(csv_bytes(rows))


def table(rows: list[Row], today: dt.date, stale_days: int) -> str:
    """The terminal version: one block per problem, with its count."""
    targets = len({r.target for r in rows})
    lines = [
        f"Staff report for {today} (stale after {stale_days} days): "
        f"{len(rows)} problem(s) in {targets} commitment(s)"
    ]
    if not rows:
        return lines[0].replace(": 0 problem(s) in 0 commitment(s)", ": nothing to do")
    id_width = max(len(HEADER[0]), *(len(r.target) for r in rows))
    file_width = max(len(HEADER[1]), *(len(r.file) for r in rows))
    for problem, meaning in PROBLEMS.items():
        group = [r for r in rows if r.problem == problem]
        if not group:
            continue
        lines += [
            "",
            f"{problem}: {meaning} ({len(group)})",
            f"  {HEADER[0]:<{id_width}}  {HEADER[1]:<{file_width}}  {HEADER[3]}",
        ]
        lines += [f"  {r.target:<{id_width}}  {r.file:<{file_width}}  {r.detail}" for r in group]
    return "\n".join(lines)


def run_report(
    site: Site,
    today: dt.date,
    stale_days: int = DEFAULT_STALE_DAYS,
    path: Path = DEFAULT_FILE,
    lang: str = "en",
) -> str:
    """Write the CSV file and return the table (with a last line naming the file)."""
    rows = staff_report(site, today, stale_days)
    write_report(rows, path)
    return table(rows, today, stale_days) + f"\n\nwritten to {path} ({len(rows)} row(s))"


# -- command-line options --------------------------------------------------------------------


class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"'{value}' is not a date YYYY-MM-DD", param, ctx)


def _today(ctx: click.Context, param: click.Parameter, value: dt.date | None) -> dt.date:
    return value or dt.date.today()


def report_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --report, --stale-days, --today and --report-file to a click command."""
    options = [
        click.option(
            "--report",
            is_flag=True,
            help="Also list what needs attention (no or old updates, behind schedule, "
            "missing English, non-https sources) and write it to --report-file.",
        ),
        click.option(
            "--stale-days",
            type=click.IntRange(min=0),
            default=DEFAULT_STALE_DAYS,
            show_default=True,
            metavar="N",
            help="With --report: an update older than N days is stale.",
        ),
        click.option(
            "--today",
            type=IsoDate(),
            default=None,
            callback=_today,
            help="With --report: the date to measure from [default: today].",
        ),
        click.option(
            "--report-file",
            type=click.Path(path_type=Path, dir_okay=False),
            default=DEFAULT_FILE,
            show_default=True,
            help="With --report: where to write the CSV file.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command
