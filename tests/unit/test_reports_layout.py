"""Several reports in one site (content/reports/<id>/): tests/fixtures/two-reports, two small
reports with one year-to-year link, validates into one Site with every report, section and
target in it; the loader reads only report folders with a report.yaml and re-reads only
changed files, folder by folder."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.extract.command import extract_command
from generator.incremental import Reuse
from generator.load import Loader, load, target_file
from generator.scaffold.command import new_command
from generator.validate import validate
from tests.casefile import HERE, make_content

TWO = HERE / "fixtures" / "two-reports"


@pytest.fixture
def two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return make_content(tmp_path, {"fixture": "two-reports"})


def test_two_reports_make_one_site(two: Path) -> None:
    site, problems = validate(load(two))
    assert site is not None, [p.format() for p in problems]
    assert [(r.id, r.year, r.title.en if r.title else "") for r in site.reports] == [
        ("test-2021", 2021, "Test report"),
        ("test-2022", 2022, "Test report 2022"),
    ]
    old, new = site.reports
    assert site.report is new  # the latest report leads
    assert (site.info.report_title.en, site.info.report_date) == ("Test report 2022", new.date)
    assert new.date == dt.date(2022, 2, 1) and new.speaker and new.speaker.en == "The mayor"
    assert old.session and old.session.zh == "第一次会议" and old.speaker is None
    assert new.archive_url == "https://example.org/report-2022"
    assert old.file == "content/reports/test-2021/zh.md"
    assert [b.id for b in new.zh] == ["h-1", "p-1-1", "h-3", "p-3-1"]
    assert [(s.id, s.report) for s in site.sections] == [
        ("agriculture", "test-2021"),
        ("tourism", "test-2021"),
        ("work-2022", "test-2022"),
    ]
    assert [s.id for s in old.sections] == ["agriculture", "tourism"]
    assert [s.id for s in new.sections] == ["work-2022"]
    assert [(t.id, t.report) for t in site.targets] == [
        ("farmers", "test-2021"),
        ("farmland", "test-2021"),
        ("ruicheng-acceptance", "test-2021"),
        ("ruicheng-acceptance-2022", "test-2022"),
        ("urban-jobs-2022", "test-2022"),
    ]
    assert site.report_of("test-2021") is old


def test_the_year_to_year_link_is_in_the_model(two: Path) -> None:
    site, _ = validate(load(two))
    assert site is not None
    by_id = {t.id: t for t in site.targets}
    assert by_id["ruicheng-acceptance"].continued_in == ("ruicheng-acceptance-2022",)
    assert by_id["ruicheng-acceptance-2022"].continues == "ruicheng-acceptance"
    assert by_id["farmers"].continues is None and by_id["farmers"].continued_in == ()


def test_a_report_is_a_document_that_updates_quote(two: Path) -> None:
    """farmland (2021) quotes the 2022 report's review as evidence: the 2022 report is a
    document with its Chinese text; the 2021 report, which nothing quotes, has no page of
    its own beside its report page."""
    site, _ = validate(load(two))
    assert site is not None
    assert [d.id for d in site.documents] == ["test-2022"]
    doc = site.documents[0]
    assert doc.file == "content/reports/test-2022/zh.md"
    assert doc.title.en == "Test report 2022" and doc.publisher.en == "Test City Government"
    evidence = next(t for t in site.targets if t.id == "farmland").updates[-1].evidence
    assert evidence is not None and evidence.document == "test-2022"
    block = doc.block(evidence.paragraph)
    assert block is not None and evidence.quote in block.text


def test_year_defaults_to_the_year_of_the_date_and_may_be_given(two: Path) -> None:
    meta = two / "reports" / "test-2022" / "report.yaml"
    meta.write_text(meta.read_text().replace("date: 2022-02-01", "date: 2021-12-28\nyear: 2022"))
    site, problems = validate(load(two))
    assert site is not None, [p.format() for p in problems]
    assert [(r.id, r.year, r.date) for r in site.reports][1] == (
        "test-2022",
        2022,
        dt.date(2021, 12, 28),
    )


def test_a_folder_without_report_yaml_is_not_read(two: Path) -> None:
    """A report still being written: its commitments may be drafted before its text."""
    drafts = two / "reports" / "test-2023" / "targets"
    drafts.mkdir(parents=True)
    (drafts / "broken.yaml").write_text("id: [unclosed\n")
    src = load(two)
    assert [r.id for r in src.reports] == ["test-2021", "test-2022"]
    site, problems = validate(src)
    assert site is not None and problems == []


def test_the_one_report_layout_is_unchanged(content: Path) -> None:
    src = load(content)
    assert src.reports == [] and src.view() is src
    site, _ = validate(src)
    assert site is not None and site.reports == ()
    assert {t.report for t in site.targets} == {""}


def test_a_view_holds_one_reports_files(two: Path) -> None:
    src = load(two)
    latest = src.latest()
    assert latest is not None and latest.id == "test-2022"
    view = src.view()
    assert view.sections is latest.sections and view.targets is latest.targets
    assert view.report_files["zh"] == "content/reports/test-2022/zh.md"
    assert [d.file for d in src.view(src.reports[0]).targets][0] == (
        "content/reports/test-2021/targets/farmers.yaml"
    )


def test_a_serve_session_reads_again_only_the_changed_file(two: Path) -> None:
    """Each report folder's targets keep their parsed files (and listing) between loads."""
    loader = Loader(two)
    first = loader.load()
    changed = two / "reports" / "test-2022" / "targets" / "urban-jobs-2022.yaml"
    changed.write_text(changed.read_text().replace("value: 30000", "value: 31000"))
    second = loader.load(changed=[changed])
    for a, b in zip(first.reports, second.reports, strict=True):
        assert a.meta is b.meta and a.sections is b.sections
        for x, y in zip(a.targets, b.targets, strict=True):
            assert (x is y) == (not y.file.endswith("urban-jobs-2022.yaml")), y.file
    site, problems = validate(second)
    assert site is not None, [p.format() for p in problems]
    jobs = next(t for t in site.targets if t.id == "urban-jobs-2022")
    assert jobs.updates[0].value == 31000 and jobs.report == "test-2022"


def test_unchanged_targets_stay_the_same_objects_from_one_validation_to_the_next(
    two: Path,
) -> None:
    """The pages of a target are kept while its Target is the same object: with a `serve`
    session's reuse, stamping the report's id on it must not make a new one at every
    rebuild."""
    loader, reuse = Loader(two), Reuse()
    site1, _ = validate(loader.load(), reuse=reuse)
    changed = two / "reports" / "test-2021" / "targets" / "farmers.yaml"
    changed.write_text(changed.read_text().replace("checked: 2022-03-01", "checked: 2022-03-02"))
    site2, _ = validate(loader.load(changed=[changed]), reuse=reuse)
    assert site1 is not None and site2 is not None
    for a, b in zip(site1.targets, site2.targets, strict=True):
        assert (a is b) == (a.id != "farmers"), a.id


def test_the_fixture_is_small_and_complete() -> None:
    files = sorted(p.relative_to(TWO).as_posix() for p in TWO.rglob("*") if p.is_file())
    assert "site.yaml" in files and "reports/test-2021/report.yaml" in files
    assert not any(f.startswith(("targets/", "report/", "sections.yaml")) for f in files)
    assert len([f for f in files if "/targets/" in f]) == 5
    assert os.path.isdir(TWO / "reports" / "test-2022" / "targets")


# -- the commands with several reports ----------------------------------------------------------

JOBS = [
    "--id",
    "urban-jobs-half-2022",
    "--section",
    "work-2022",
    "--theme",
    "jobs-2022",
    "--title-zh",
    "新增城镇就业",
    "--title-en",
    "New urban jobs",
    "--paragraph",
    "p-3-1",
    "--quote",
    "新增城镇就业5.1万人以上",
    "--kind",
    "qualitative",
    "--counties",
    "all",
]


def test_new_writes_into_the_latest_reports_folder(two: Path) -> None:
    """Without --report the commitment is of the latest report: its targets folder, its
    paragraphs, its year's deadline, and the schema line three folders up."""
    result = CliRunner().invoke(new_command, ["--no-input", *JOBS], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    path = two / "reports" / "test-2022" / "targets" / "urban-jobs-half-2022.yaml"
    assert f"wrote content/reports/test-2022/targets/{path.name}" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../../schema/target.json"
    assert "\ndeadline: 2022-12-31\n" in text
    site, problems = validate(load(two))
    assert site is not None, [p.format() for p in problems]
    assert next(t for t in site.targets if t.id == path.stem).report == "test-2022"


def test_new_checks_against_the_report_it_is_told(two: Path) -> None:
    """--report test-2021: the 2022 paragraph and section are not of that report; an id
    another report uses is refused at once, naming that file; nothing is written."""
    args = ["--no-input", "--report", "test-2021", *JOBS]
    result = CliRunner().invoke(new_command, args, catch_exceptions=False)
    assert result.exit_code == 1
    shown = "content/reports/test-2021/targets/urban-jobs-half-2022.yaml"
    assert f"{shown}:7:10: unknown section 'work-2022'; hint: expected one of: agriculture, " in (
        result.stderr
    )
    assert f"{shown}:17:14: unknown paragraph 'p-3-1'" in result.stderr
    assert not (two / "reports" / "test-2021" / "targets" / "urban-jobs-half-2022.yaml").exists()
    taken = ["--no-input", "--report", "test-2021", "--id", "urban-jobs-2022"]
    result = CliRunner().invoke(new_command, taken, catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "content/reports/test-2022/targets/urban-jobs-2022.yaml:1:1: a target with id "
        "'urban-jobs-2022' already exists"
    )


def test_new_asks_which_report_when_there_are_several(two: Path) -> None:
    result = CliRunner().invoke(new_command, JOBS, input="test-2022\n", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Reports:\n    test-2021\n    test-2022\nReport (an id listed above) [test-2022]: " in (
        result.stdout
    )
    unknown = CliRunner().invoke(new_command, ["--report", "test-2099", *JOBS])
    assert unknown.exit_code == 2
    assert "no report has the id 'test-2099'; the reports are: test-2021, test-2022" in (
        unknown.stderr
    )


def test_extract_reads_the_latest_report_or_the_one_named(two: Path) -> None:
    runner = CliRunner()
    latest = runner.invoke(extract_command, ["--json"], catch_exceptions=False)
    assert latest.exit_code == 0, latest.output
    quotes = [json.loads(line)["quote"] for line in latest.stdout.splitlines()]
    assert any("5.1万人以上" in q for q in quotes) and not any("50万亩" in q for q in quotes)
    named = ["--json", "--report", "content/reports/test-2021/zh.md"]
    older = runner.invoke(extract_command, named, catch_exceptions=False)
    assert older.exit_code == 0, older.output
    found = {
        json.loads(line)["quote"]: json.loads(line)["covered_by"]
        for line in older.stdout.splitlines()
    }
    assert found["新建高标准农田50万亩以上"] == ["farmland"]


def test_a_removed_commitment_is_named_in_its_reports_folder(two: Path) -> None:
    assert target_file(two, "farmers") == two / "reports" / "test-2021" / "targets" / "farmers.yaml"
    assert (
        target_file(two, "gone-2022")
        == two / "reports" / "test-2022" / "targets" / "gone-2022.yaml"
    )
    assert target_file(two, "gone") == two / "reports" / "test-2021" / "targets" / "gone.yaml"
