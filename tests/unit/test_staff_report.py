"""`validate --report`: what valid content still needs, as a table and a CSV file."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from pathlib import Path

import click
import pytest

from generator.load import load
from generator.model import Text
from generator.staff_report import (
    Row,
    csv_bytes,
    report_options,
    run_report,
    staff_report,
    table,
    untranslated,
    write_report,
)
from generator.validate import validate

TODAY = dt.date(2022, 6, 1)
F, R = "content/targets/farmers.yaml", "content/targets/ruicheng-acceptance.yaml"

# farmers.yaml of the minimal fixture, now with one update that has every kind of problem
FARMERS = """\
id: farmers
section: agriculture
theme: farmland
title:
  zh: 培育高素质农民6000人以上
  en: "Train at least 6,000 高素质 farmers (高素质农民)"
source:
  paragraph: p-1-1
  quote: 培育高素质农民6000人以上
metric:
  kind: quantity
  target: 6000
  comparator: at_least
  unit: {zh: 人, en: 人}
counties: [all]
deadline: 2021-12-31
updates:
  - date: 2021-09-01
    status: in_progress
    value: 1000
    note: {zh: 进展顺利。, en: 进展顺利。}
    source: {title: 测试, url: "http://example.org/x"}
"""


@pytest.fixture(autouse=True)
def ruicheng_still_open(content: Path) -> None:
    """These cases look at the content on TODAY (2022-06-01), before the fixture's late
    completion of ruicheng-acceptance (dated that very day) was reported: drop that update."""
    path = content / "targets" / "ruicheng-acceptance.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  - date: 2022-06-01")], encoding="utf-8")


def site_of(content: Path):
    site, problems = validate(load(content))
    assert site is not None, [p.format() for p in problems]
    return site


def test_the_minimal_fixture(content):
    assert staff_report(site_of(content), TODAY) == [
        Row("farmers", F, "no_update", "nothing reported; due 2021-12-31"),
        Row("ruicheng-acceptance", R, "stale", "last update 2021-10-01 (on_track) is 243 days old"),
    ]


def test_every_kind_of_problem(content):
    (content / "targets" / "farmers.yaml").write_text(FARMERS, encoding="utf-8")
    assert staff_report(site_of(content), TODAY) == [
        Row("farmers", F, "stale", "last update 2021-09-01 (in_progress) is 273 days old"),
        Row("ruicheng-acceptance", R, "stale", "last update 2021-10-01 (on_track) is 243 days old"),
        Row(
            "farmers",
            F,
            "behind_schedule",
            "1,000 of 6,000 人 (16.7%) on 2021-09-01, when 67% "
            "of the time to 2021-12-31 had passed",
        ),
        Row("farmers", F, "missing_english", "metric.unit.en is the same as the Chinese"),
        Row("farmers", F, "missing_english", "title.en has Chinese outside parentheses: 高素质"),
        Row("farmers", F, "missing_english", "updates[0].note.en is the same as the Chinese"),
        Row("farmers", F, "not_https", "updates[0] of 2021-09-01: http://example.org/x"),
    ]


def test_stale_days_and_final_statuses(content):
    site = site_of(content)
    assert [r.problem for r in staff_report(site, TODAY, stale_days=300)] == ["no_update"]
    assert [r.problem for r in staff_report(site, dt.date(2022, 3, 30))] == ["no_update"]
    # 2022-03-30 is 180 days after 2021-10-01: stale means older than that
    assert [r.target for r in staff_report(site, dt.date(2022, 3, 31)) if r.problem == "stale"] == [
        "ruicheng-acceptance"
    ]
    # farmland was achieved on 2021-12-31: finished work is never stale
    assert all(r.target != "farmland" for r in staff_report(site, dt.date(2030, 1, 1)))


@pytest.mark.parametrize(
    "zh,en,expected",
    [
        ("标题", "Title", ""),
        ("关羽公园", "Guan Yu (关羽) Park", ""),
        ("关羽公园", "Guan Yu（关羽）Park", ""),
        ("5G", "5G", ""),  # the same, but nothing to translate
        ("标题", "标题", "is the same as the Chinese"),
        ("标题", " ", "is empty"),
        ("标题", "Build 标题 and 公园 (公园)", "has Chinese outside parentheses: 标题、公园"),
    ],
)
def test_missing_english(zh, en, expected):
    assert untranslated(Text(zh, en)) == expected


def test_the_csv_file(content, tmp_path):
    (content / "targets" / "farmers.yaml").write_text(FARMERS, encoding="utf-8")
    rows = staff_report(site_of(content), TODAY)
    data = csv_bytes(rows)
    assert data.startswith(codecs.BOM_UTF8)
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert parsed[0] == ["target", "file", "problem", "detail"]
    assert parsed[1:] == [[r.target, r.file, r.problem, r.detail] for r in rows]
    assert parsed[3][3].startswith("1,000 of 6,000")  # a comma inside a field is quoted
    assert csv_bytes(list(reversed(rows))) == data  # sorted, whatever the input order
    write_report(rows, tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_bytes() == data


def test_run_report_writes_the_file_and_returns_the_table(content, tmp_path):
    text = run_report(site_of(content), TODAY, 180, Path("report.csv"))
    assert (tmp_path / "report.csv").read_bytes() == csv_bytes(
        staff_report(site_of(content), TODAY)
    )
    assert text.splitlines() == [
        "Staff report for 2022-06-01 (stale after 180 days): 2 problem(s) in 2 commitment(s)",
        "",
        "no_update: no progress reported yet / 尚无进展 (1)",
        "  target               file                                      detail",
        "  farmers              content/targets/farmers.yaml              nothing reported; "
        "due 2021-12-31",
        "",
        "stale: last update is too old / 进展过旧 (1)",
        "  target               file                                      detail",
        "  ruicheng-acceptance  content/targets/ruicheng-acceptance.yaml  last update "
        "2021-10-01 (on_track) is 243 days old",
        "",
        "written to report.csv (2 row(s))",
    ]


def test_an_empty_report():
    assert (
        table([], TODAY, 180) == "Staff report for 2022-06-01 (stale after 180 days): nothing to do"
    )
    assert csv_bytes([]) == codecs.BOM_UTF8 + b"target,file,problem,detail\r\n"


@click.command()
@report_options
def fake_validate(report, stale_days, today, report_file):
    click.echo(f"{report} {stale_days} {today} {report_file}")


def test_the_command_line_options(runner):
    result = runner.invoke(fake_validate, [])
    assert result.exit_code == 0
    assert result.stdout == f"False 180 {dt.date.today()} report.csv\n"
    result = runner.invoke(
        fake_validate,
        ["--report", "--stale-days", "30", "--today", "2022-01-15", "--report-file", "x/r.csv"],
    )
    assert result.stdout == "True 30 2022-01-15 x/r.csv\n"
    result = runner.invoke(fake_validate, ["--today", "2022-02-30"])
    assert result.exit_code == 2 and "'2022-02-30' is not a date YYYY-MM-DD" in result.stderr
    assert "--stale-days N" in runner.invoke(fake_validate, ["--help"]).stdout
