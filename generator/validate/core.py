"""The run: every file checked in order, then the model built when nothing is wrong."""

from __future__ import annotations

import datetime as dt

from generator import spec
from generator.model import Site
from generator.validate import convert
from generator.validate.references import ReferenceChecks
from generator.validate.report import ReportChecks
from generator.validate.targets import TargetChecks


class Validator(TargetChecks, ReferenceChecks, ReportChecks):
    def run(self) -> Site | None:
        src = self.src
        site_value = self.checked(src.site, spec.SITE)
        if site_value is not None:
            self.first_year = dt.date.fromisoformat(site_value["report"]["date"]).year
        self.publishers = self.publisher_register()
        self.documents = self.source_documents()
        counties = self.counties()
        sections = self.sections()
        report = self.report()
        paragraphs = {b.id: b for b in report.zh} if report else {}
        if sections is not None and report is not None:
            self.section_paragraphs(sections, paragraphs)
        self.not_targets(paragraphs)
        glossary = self.glossary()
        targets = self.targets(counties, sections, paragraphs)
        geo = self.geo(counties)
        if (
            site_value is None
            or counties is None
            or sections is None
            or report is None
            or targets is None
            or geo is None
        ):
            return None
        return Site(
            convert.site_info(site_value),
            counties,
            sections,
            report,
            targets,
            geo,
            glossary,
            tuple(self.documents.values()),
            self.publishers,
        )
