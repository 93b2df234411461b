"""`python -m generator validate --report`: what in valid content still needs a supervisor's
attention, what needs action first.

Valid content can still contradict itself, cite unknown publishers, be overdue, stale or
half-translated. The report lists, per commitment (named by its title in the staff's language,
with the file to open):

    needs action first
    contradiction    an update whose figure already meets the target while its status says
                     the work goes on (in_progress, on_track, at_risk), or whose county figures
                     add up to more than the city's
    unregistered     an update's source from a publisher not in content/publishers.yaml
    overdue          the deadline has passed and no update says achieved or missed
    unchecked        not compared with the sources for more than --stale-days: the later of
                     `checked:` and the last update (achieved and missed are final)
    the rest
    no_update        nothing reported yet, deadline still ahead
    behind_schedule  a quantified target whose share reached trails the share of time elapsed
                     (progress.schedule, from the report's date to the deadline)
    missing_english  English text that is empty, the same as the Chinese, or has Chinese
                     characters outside parentheses ("Guan Yu (关羽) Park" is fine)
    not_https        an update's source address that is not https://

Every word is a catalogue entry (`attention.*` in cli.yaml) in the staff's language, the CSV file
too (UTF-8 with a BOM so spreadsheet programs read the Chinese). `today` is a parameter so
tests are fixed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from generator.catalogue import text

if TYPE_CHECKING:  # imported when a report is made: `--help` stays fast
    from generator.model import Site, Target, Text, Update

DEFAULT_STALE_DAYS = 180
DEFAULT_FILE = Path("report.csv")
FINAL = ("achieved", "missed")
GOING_ON = ("in_progress", "on_track", "at_risk")

# problem code → whether it needs action first; in the order the report shows them
PROBLEMS = {
    "contradiction": True,
    "unregistered": True,
    "overdue": True,
    "unchecked": True,
    "no_update": False,
    "behind_schedule": False,
    "missing_english": False,
    "not_https": False,
}
COLUMNS = ("title", "target", "file", "problem", "detail")

_CJK = "\u3400-\u9fff\uf900-\ufaff"

Values = tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Row:
    """One problem of one commitment; `detail` is the catalogue key `attention.<problem>.detail`
    (or a variant) filled with `values`, written in either language."""

    target: str
    file: str
    problem: str  # a key of PROBLEMS
    title: Text
    detail: str
    values: Values = ()

    def key(self) -> tuple[int, str, str]:
        return (list(PROBLEMS).index(self.problem), self.target, self.text("en"))

    def text(self, lang: str) -> str:
        shown = {k: _value(v, lang) for k, v in self.values}
        return text(self.detail, lang, **shown)


def _value(value: Any, lang: str) -> str:
    """A value in a detail: numbers with thousands separators, statuses and texts in `lang`."""
    if value is None:
        return ""
    if hasattr(value, "zh") and callable(value):  # a model.Text
        return str(value(lang))
    if isinstance(value, Status):
        return text(f"status.{value.code}", lang)
    return str(value)


@dataclass(frozen=True)
class Status:
    code: str


def staff_report(site: Site, today: dt.date, stale_days: int = DEFAULT_STALE_DAYS) -> list[Row]:
    """Every problem of every target, sorted by problem (in PROBLEMS order), target, detail."""
    rows: list[Row] = []
    for t in site.targets:
        for problem, detail, values in _problems(site, t, today, stale_days):
            rows.append(Row(t.id, t.file, problem, t.title, detail, tuple(values.items())))
    return sorted(rows, key=Row.key)


Found = Iterator[tuple[str, str, dict[str, Any]]]


def _problems(site: Site, t: Target, today: dt.date, stale_days: int) -> Found:
    yield from _contradictions(t)
    yield from _sources(site, t)
    yield from _dates(t, today, stale_days)
    yield from _schedule(site, t)
    for field, words in _texts(t):
        why, chinese = untranslated(words)
        if why:
            values = {"field": field, "chinese": chinese}
            yield "missing_english", f"attention.missing_english.{why}", values
    for i, u in enumerate(t.updates):
        if u.source and not u.source.url.lower().startswith("https://"):
            yield "not_https", "attention.not_https.detail", _at(i, u) | {"url": u.source.url}


def _at(i: int, u: Update) -> dict[str, Any]:
    return {"n": i + 1, "date": u.date}


def _contradictions(t: Target) -> Found:
    from generator.progress import meets

    m = t.metric
    for i, u in enumerate(t.updates):
        if (
            m.kind == "quantity"
            and u.value is not None
            and m.target is not None
            and u.status in GOING_ON
            and meets(u.value, m.target, m.comparator)
        ):
            values = _at(i, u) | {"status": Status(u.status)}
            values |= {"value": _num(u.value), "target": _num(m.target), "unit": _unit(t)}
            yield "contradiction", "attention.contradiction.met", values
        counties = [v for _, v in u.counties]
        if counties and u.value is not None and sum(counties) > u.value:
            values = _at(i, u) | {"total": _num(sum(counties)), "city": _num(u.value)}
            yield "contradiction", "attention.contradiction.counties", values


def _sources(site: Site, t: Target) -> Found:
    if not site.publishers:
        return
    for i, u in enumerate(t.updates):
        if u.source and site.publisher(u.source.url) is None:
            yield "unregistered", "attention.unregistered.detail", _at(i, u) | {"url": u.source.url}


def _dates(t: Target, today: dt.date, stale_days: int) -> Found:
    last = t.last
    if last is not None and last.status in FINAL:
        return  # achieved and missed are final: nothing is due, nothing goes stale
    if t.deadline < today and last is None:
        yield "overdue", "attention.overdue.nothing", {"deadline": t.deadline}
    elif t.deadline < today and last is not None:
        values = {"deadline": t.deadline, "date": last.date, "status": Status(last.status)}
        yield "overdue", "attention.overdue.detail", values
    elif last is None:
        yield "no_update", "attention.no_update.detail", {"deadline": t.deadline}
    looked = max((d for d in (t.checked, last.date if last else None) if d), default=None)
    if looked is not None and (today - looked).days > stale_days:
        yield (
            "unchecked",
            "attention.unchecked.detail",
            {"date": looked, "days": (today - looked).days},
        )


def _schedule(site: Site, t: Target) -> Found:
    from generator.progress import elapsed, percent, schedule

    # the schedule runs from the day its own report was delivered
    start, last = site.report_of(t.report).date or site.info.report_date, t.last
    if last is None or schedule(t, start) != "behind":
        return
    share, time = percent(t), elapsed(start, t.deadline, last.date)
    yield (
        "behind_schedule",
        "attention.behind_schedule.detail",
        {
            "value": _num(last.value),
            "target": _num(t.metric.target),
            "unit": _unit(t),
            "share": f"{share:g}",
            "date": last.date,
            "time": f"{time * 100:.0f}",
            "deadline": t.deadline,
        },
    )


def _unit(t: Target) -> Text | None:
    return t.metric.unit


def _texts(t: Target) -> list[tuple[str, Text]]:
    out = [("title", t.title)]
    if t.metric.unit:
        out.append(("metric.unit", t.metric.unit))
    out += [(f"updates[{i}].note", u.note) for i, u in enumerate(t.updates) if u.note]
    return out


def untranslated(words: Text) -> tuple[str, str]:
    """Why the English of `words` is missing ("empty", "same" as the Chinese, or "chinese"
    outside parentheses, with those characters), or ("", "") when it is there."""
    en = words.en.strip()
    if not en:
        return "empty", ""
    if en == words.zh.strip() and re.search(f"[{_CJK}]", en):
        return "same", ""
    outside = re.sub(r"\([^()]*\)|（[^（）]*）", "", en)
    found = re.findall(f"[{_CJK}]+", outside)
    if found:
        return "chinese", "、".join(found)
    return "", ""


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


# -- output ----------------------------------------------------------------------------------


def csv_bytes(rows: list[Row], lang: str = "en") -> bytes:
    """The CSV file in `lang`: UTF-8 with BOM, a header row, one row per problem, CRLF ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([text(f"attention.column.{c}", lang) for c in COLUMNS])
    for row in sorted(rows, key=Row.key):
        problem = text(f"attention.{row.problem}", lang)
        writer.writerow((row.title(lang), row.target, row.file, problem, row.text(lang)))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_report(rows: list[Row], path: Path = DEFAULT_FILE, lang: str = "en") -> None:
    path.write_bytes(csv_bytes(rows, lang))


def table(rows: list[Row], today: dt.date, stale_days: int, lang: str = "en") -> str:
    """The terminal version: what needs action first, then the rest; one block per problem
    with its count, each commitment by its title with the file to open and what is wrong."""
    targets = len({r.target for r in rows})
    head = {"today": today, "days": stale_days}
    if not rows:
        return text("attention.title.nothing", lang, **head)
    lines = [text("attention.title", lang, problems=len(rows), targets=targets, **head)]
    for first in (True, False):
        part = [r for r in rows if PROBLEMS[r.problem] is first]
        if not part:
            continue
        heading = "attention.first" if first else "attention.rest"
        lines += ["", text(heading, lang, count=len({r.target for r in part}))]
        for problem in (p for p in PROBLEMS if PROBLEMS[p] is first):
            group = [r for r in part if r.problem == problem]
            if group:
                name = text(f"attention.{problem}", lang)
                lines += ["", text("attention.group", lang, problem=name, count=len(group))]
                lines += _block(group, lang)
    return "\n".join(lines)


def _block(group: list[Row], lang: str) -> list[str]:
    """A group's rows: each commitment's title once, then per problem its file and detail."""
    lines: list[str] = []
    previous = None
    for r in group:
        if r.target != previous:
            lines.append("  " + r.title(lang))
            previous = r.target
        lines.append(text("attention.row", lang, file=r.file, detail=r.text(lang)))
    return lines


def run_report(
    site: Site,
    today: dt.date,
    stale_days: int = DEFAULT_STALE_DAYS,
    path: Path = DEFAULT_FILE,
    lang: str = "en",
) -> str:
    """Write the CSV file and return the table (with a last line naming the file)."""
    rows = staff_report(site, today, stale_days)
    write_report(rows, path, lang)
    written = text("attention.written", lang, path=path, rows=len(rows))
    return table(rows, today, stale_days, lang) + "\n\n" + written


# -- command-line options --------------------------------------------------------------------


class IsoDate(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2
    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            from generator.clikit import say

            self.fail(say("attention.bad_date", value=value), param, ctx)


def _today(ctx: click.Context, param: click.Parameter, value: dt.date | None) -> dt.date:
    return value or dt.date.today()


def report_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --report, --stale-days, --today and --report-file to a click command (their help:
    `cli.opt.report` … in the catalogue)."""
    options = [
        click.option("--report", is_flag=True, help=text("cli.opt.report", "en")),
        click.option(
            "--stale-days",
            type=click.IntRange(min=0),
            default=DEFAULT_STALE_DAYS,
            show_default=True,
            metavar="N",
            help=text("cli.opt.stale_days", "en"),
        ),
        click.option(
            "--today",
            type=IsoDate(),
            default=None,
            callback=_today,
            help=text("cli.opt.today", "en"),
        ),
        click.option(
            "--report-file",
            type=click.Path(path_type=Path, dir_okay=False),
            default=DEFAULT_FILE,
            show_default=True,
            metavar="FILE",
            help=text("cli.opt.report_file", "en"),
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command
