"""Several reports in one site (content/reports/<id>/): the site-wide files once, each report
with the one-report checks on a view of the sources (its files where those checks read them),
then one Site made of them all, then the rules that span reports: ids used once across all
reports, and year-to-year links (`continues:` / `continued_in:`) that agree at both ends.

Every report is also a source document updates may quote (`evidence: {document: <id>}`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

from generator import spec
from generator.check import Checker
from generator.errors import Diagnostic, Msg
from generator.incremental import NO_REUSE, NoReuse
from generator.load import ReportSources, Sources
from generator.model import County, Document, Report, Section, Site, Target
from generator.validate import convert
from generator.validate.base import Base
from generator.validate.convert import text
from generator.validate.core import Validator
from generator.validate.links import LinkChecks
from generator.yamlnodes import Path, YamlDoc


@dataclass
class Checked:
    """One report as far as it was checked: its folder, report.yaml's value and the results."""

    sources: ReportSources
    meta: dict[str, Any] | None
    year: int = 0
    report: Report | None = None
    sections: tuple[Section, ...] | None = None
    targets: tuple[Target, ...] | None = None


class ReportsValidator(Validator, LinkChecks):
    def run(self) -> Site | None:
        whole = self.src
        site_value = self.site_settings()
        self.publishers = self.publisher_register()
        self.documents = self.source_documents()
        counties = self.counties()
        glossary = self.glossary()
        geo = self.geo(counties)
        reports = sorted(
            (self.report_meta(rs) for rs in whole.reports),
            key=lambda r: (r.year or r.sources.order[0], r.sources.order),
        )
        self.documents |= self.report_documents(reports)
        for checked in reports:
            self.one_report(checked, counties)
        self.ids_across(reports)
        self.links(reports)
        parts = (site_value, counties, geo, *(r.report for r in reports))
        if any(p is None for p in parts) or any(r.targets is None for r in reports):
            return None
        assert site_value is not None and counties is not None and geo is not None
        shared = (counties, geo, glossary, tuple(self.documents.values()), self.publishers)
        return merge(site_value, shared, reports)

    def site_settings(self) -> dict[str, Any] | None:
        """site.yaml, whose `report:` has moved to each report's report.yaml."""
        doc = self.src.site
        if doc is None:
            return None
        value = doc.value
        if isinstance(value, dict) and "report" in value:
            latest = self.src.latest()
            file = latest.meta.file if latest and latest.meta else "report.yaml"
            hint = Msg("site_report_moved.hint", {"file": file})
            self.at(doc, ("report",), "site_report_moved", None, hint, key=True)
            value = {k: v for k, v in value.items() if k != "report"}
        checker = Checker(doc, self.out)
        checker.check(spec.SITE_SHARED, value)
        return value if checker.ok and "report" not in doc.value else None

    def report_meta(self, rs: ReportSources) -> Checked:
        """report.yaml checked, and the year whose work plan the report is."""
        value = self.checked(rs.meta, spec.REPORT)
        if value is None or rs.meta is None:
            return Checked(rs, None)
        date = dt.date.fromisoformat(value["date"])
        year = value.get("year", date.year)
        if year != int(year) or abs(year - date.year) > 1:
            found = {"year": f"{year:g}", "date": value["date"]}
            self.at(rs.meta, ("year",), "report_year", found, "report_year.hint")
            year = date.year  # for what follows: no build is made
        return Checked(rs, value, int(year))

    def report_documents(self, reports: list[Checked]) -> dict[str, Document]:
        """Each report's Chinese text as a document that updates may quote."""
        result: dict[str, Document] = {}
        for r in reports:
            rs, value = r.sources, r.meta
            zh = rs.report.get("zh")
            if value is None or zh is None:
                continue
            if rs.id in self.documents:
                self.document_is_report(rs)
                continue
            archive = value.get("archive")
            result[rs.id] = Document(
                id=rs.id,
                title=text(value["title"]),
                date=dt.date.fromisoformat(value["date"]),
                publisher=text(value["publisher"]),
                blocks=tuple(zh),
                file=rs.report_files["zh"],
                session=text(value["session"]) if "session" in value else None,
                speaker=text(value["speaker"]) if "speaker" in value else None,
                archive_url=archive["url"] if archive else None,
                archive_label=text(archive["label"]) if archive else None,
            )
        return result

    def document_is_report(self, rs: ReportSources) -> None:
        meta = self.src.documents[rs.id][0]
        if meta is None:
            return
        folder = meta.file.rsplit("/", 1)[0] + "/"
        found = {"file": rs.report_files["zh"], "folder": folder}
        hint = Msg("document_is_report.hint", found)
        self.at(meta, ("id",), "document_is_report", {"id": rs.id}, hint)

    def one_report(self, r: Checked, counties: tuple[County, ...] | None) -> None:
        """The one-report checks on this report's files (the run of core.Validator, without
        the site-wide files, checked once)."""
        whole = self.src
        # what its targets' checks depend on includes every report's text (evidence)
        texts = {x.id: (x.meta, x.report.get("zh"), x.report_files["zh"]) for x in whole.reports}
        self.src = dataclasses.replace(whole.view(r.sources), documents=whole.documents | texts)
        self.first_year = r.year or None
        try:
            self.report_parts(r, counties)
        finally:
            self.src = whole

    def report_parts(self, r: Checked, counties: tuple[County, ...] | None) -> None:
        r.sections = self.sections()
        report = self.report()
        paragraphs = {b.id: b for b in report.zh} if report else {}
        if r.sections is not None and report is not None:
            self.section_paragraphs(r.sections, paragraphs)
        self.not_targets(paragraphs)
        targets = self.targets(counties, r.sections, paragraphs)
        if r.sections is None or report is None or r.meta is None:
            return
        rid = r.sources.id
        r.sections = tuple(dataclasses.replace(s, report=rid) for s in r.sections)
        r.report = described(report, r, rid)
        r.targets = None if targets is None else self.stamped(targets, rid)

    def stamped(self, targets: tuple[Target, ...], rid: str) -> tuple[Target, ...]:
        """The targets with their report's id, each the same object as last time while its
        model is (a `serve` session keeps a target's pages while its Target is the same)."""
        return tuple(self.reuse.each("stamped:" + rid, _with_report, (targets,), rid))

    # -- ids across reports --------------------------------------------------------------------

    def ids_across(self, reports: list[Checked]) -> None:
        """Target, section and theme ids each name one thing across every report: the second
        use is refused, with the first's file named."""
        targets: dict[str, tuple[str, int]] = {}  # id → (its first file, its report)
        places: dict[str, str] = {}
        for n, r in enumerate(reports):
            year = r.year or ""
            for doc in r.sources.targets:
                tid = doc.value.get("id") if isinstance(doc.value, dict) else None
                if not isinstance(tid, str):
                    continue
                first = targets.get(tid)
                # the same report's duplicates are its own checks' (one message, not two)
                if first is not None and first[1] != n:
                    hint = Msg("target_in_two_reports.hint", {"id": tid, "year": year})
                    found = {"id": tid, "file": first[0]}
                    self.at(doc, ("id",), "target_in_two_reports", found, hint)
                targets.setdefault(tid, (doc.file, n))
            self.places_across(r.sources.sections, places, year)

    def places_across(self, doc: YamlDoc | None, seen: dict[str, str], year: Any) -> None:
        """Section and theme ids of one report's sections.yaml against earlier reports'."""
        value = doc.value if doc is not None else None
        if doc is None or not isinstance(value, list):
            return
        mine: dict[str, str] = {}
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                continue
            named: list[tuple[Path, object, str]] = [
                ((i, "id"), item.get("id"), "section_in_two_reports")
            ]
            themes = item.get("themes")
            for j, th in enumerate(themes if isinstance(themes, list) else []):
                if isinstance(th, dict):
                    named.append(((i, "themes", j, "id"), th.get("id"), "theme_in_two_reports"))
            for path, pid, code in named:
                if not isinstance(pid, str):
                    continue
                key = f"{code}:{pid}"
                if key in seen:
                    hint = Msg("in_two_reports.hint", {"id": pid, "year": year})
                    self.at(doc, path, code, {"id": pid, "file": seen[key]}, hint)
                mine.setdefault(key, doc.file)
        for key, file in mine.items():
            seen.setdefault(key, file)


def described(report: Report, r: Checked, rid: str) -> Report:
    """The report's text with what report.yaml says of it, and its sections."""
    value = r.meta or {}
    archive = value.get("archive")
    return dataclasses.replace(
        report,
        id=rid,
        year=r.year,
        title=text(value["title"]),
        date=dt.date.fromisoformat(value["date"]),
        session=text(value["session"]) if "session" in value else None,
        speaker=text(value["speaker"]) if "speaker" in value else None,
        publisher=text(value["publisher"]),
        archive_url=archive["url"] if archive else None,
        archive_label=text(archive["label"]) if archive else None,
        sections=r.sections or (),
        file=r.sources.report_files.get("zh", ""),
    )


def _with_report(target: Target, rid: str) -> Target:
    return dataclasses.replace(target, report=rid)


def merge(site_value: dict[str, Any], shared: tuple[Any, ...], reports: list[Checked]) -> Site:
    """One Site of every report (oldest first): the latest is `report`, and names the site's
    report in `info`. `shared`: counties, map, glossary, documents, publishers."""
    counties, geo, glossary, documents, publishers = shared
    latest = reports[-1]
    assert latest.report is not None and latest.meta is not None
    shown = {k: latest.meta[k] for k in ("title", "date", "session") if k in latest.meta}
    targets = [t for r in reports for t in r.targets or ()]
    quoted = {u.evidence.document for t in targets for u in t.updates if u.evidence}
    own = {r.sources.id for r in reports}
    return Site(
        convert.site_info(site_value | {"report": shown}),
        counties,
        tuple(s for r in reports for s in r.sections or ()),
        latest.report,
        tuple(sorted(targets, key=lambda t: t.id)),
        geo,
        glossary,
        # a report is a document (with a page of its own besides its report page) when an
        # update quotes it as evidence
        tuple(d for d in documents if d.id not in own or d.id in quoted),
        publishers,
        tuple(r.report for r in reports if r.report is not None),
    )


def one_report_links(src: Sources, today: dt.date, reuse: NoReuse = NO_REUSE) -> list[Diagnostic]:
    """A site with one report (the one-report layout) has no earlier or later report for a
    commitment to continue or be continued in: each link is refused."""
    checks = Base(dataclasses.replace(src, problems=[]), today)
    linked = reuse.each("one-report-links", _links_to_another_report, (src.targets,))
    for doc in itertools.compress(src.targets, linked):
        for key in ("continues", "continued_in"):
            if key in doc.value:
                checks.at(doc, (key,), "link_one_report", {"key": key}, "link_one_report.hint")
    return checks.out


def _links_to_another_report(doc: YamlDoc) -> bool:
    value = doc.value
    return isinstance(value, dict) and ("continues" in value or "continued_in" in value)
