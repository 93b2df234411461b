"""The site's data model: frozen dataclasses built by generator/validate/, read by plan.py.

Nothing here reads files or knows about pages; these are the facts the site publishes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

Lang = str  # "zh" | "en"


@dataclass(frozen=True, slots=True)
class Text:
    zh: str
    en: str

    def __call__(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True, slots=True)
class County:
    id: str
    code: str
    name: Text


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    section_id: str
    paragraph: str
    title: Text


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    number: Text
    paragraph: str
    title: Text
    themes: tuple[Theme, ...]
    short: Text | None = None  # a plain-language label for charts and groups ("Industry")
    report: str = ""  # the id of the report it is a part of

    def label(self, lang: Lang) -> str:
        """The short label, or the title when the section has none."""
        return self.short(lang) if self.short else self.title(lang)


@dataclass(frozen=True, slots=True)
class Block:
    """A heading or paragraph of the report in one language."""

    id: str
    kind: str  # "heading" | "paragraph"
    level: int  # heading level; 0 for paragraphs
    text: str  # plain text, for quotes and search
    html: str  # rendered inline HTML (escaped, raw HTML disabled)
    line: int  # 1-based line of the block in its file


@dataclass(frozen=True, slots=True)
class Report:
    """One government work report the site tracks: its text in both languages, its parts
    (sections), and what the reader is told about it. A site tracks one or several."""

    zh: tuple[Block, ...]
    en: tuple[Block, ...]
    id: str = "report"  # the folder name under content/reports/, e.g. "yuncheng-2021"
    year: int = 0  # the year whose work plan it is (commitments are due by its end)
    title: Text | None = None
    date: dt.date | None = None  # the day it was delivered
    session: Text | None = None
    speaker: Text | None = None
    publisher: Text | None = None
    archive_url: str | None = None
    archive_label: Text | None = None
    sections: tuple[Section, ...] = ()
    file: str = ""  # its Chinese text, as messages name it

    def blocks(self, lang: Lang) -> tuple[Block, ...]:
        return self.zh if lang == "zh" else self.en

    def block(self, paragraph: str) -> Block | None:
        return next((b for b in self.zh if b.id == paragraph), None)


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str
    publisher: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The city's own words for an outcome: a quote from a paragraph of a source document."""

    document: str  # a Document id
    paragraph: str
    quote: str
    en: str  # an English rendering of the quoted words


@dataclass(frozen=True, slots=True)
class Document:
    """A primary source kept in content/documents/ (a later government work report), so that
    updates can quote it and readers can follow the quote to its paragraph."""

    id: str
    title: Text
    date: dt.date
    publisher: Text
    blocks: tuple[Block, ...]
    file: str
    session: Text | None = None
    speaker: Text | None = None
    archive_url: str | None = None
    archive_label: Text | None = None

    def block(self, paragraph: str) -> Block | None:
        return next((b for b in self.blocks if b.id == paragraph), None)


@dataclass(frozen=True, slots=True)
class Publisher:
    """One entry of content/publishers.yaml: who stands behind a web domain."""

    domain: str
    name: Text
    kind: str  # government | official_media | trade_press | archive | refused


@dataclass(frozen=True, slots=True)
class Metric:
    kind: str  # quantity | milestone | qualitative
    target: float | None = None
    comparator: str | None = None
    unit: Text | None = None
    baseline: float | None = None


@dataclass(frozen=True, slots=True)
class Update:
    date: dt.date
    status: str
    value: float | None = None
    counties: tuple[tuple[str, float], ...] = ()
    note: Text | None = None
    source: Source | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Target:
    id: str
    file: str
    section: str
    theme: str
    title: Text
    paragraph: str
    quote: str
    metric: Metric
    counties: tuple[str, ...]  # ("all",) or county ids
    deadline: dt.date
    updates: tuple[Update, ...]
    checked: dt.date | None = None  # when someone last compared the record with the sources
    search_zh: tuple[str, ...] = ()  # extra search words readers use
    search_en: tuple[str, ...] = ()
    report: str = ""  # the id of the report it was made in
    continues: str | None = None  # an earlier report's commitment this one takes up again
    continued_in: tuple[str, ...] = ()  # later reports' commitments that take this one up

    @property
    def last(self) -> Update | None:
        return self.updates[-1] if self.updates else None

    @property
    def status(self) -> str:
        """The status the site shows: the last update's, except that a completion reported
        for a date after the deadline is 'achieved_late' (staff write 'achieved'; lateness
        comes from the dates); 'no_update' when nothing was reported."""
        if not self.updates:
            return "no_update"
        last = self.updates[-1]
        if last.status == "achieved" and last.date > self.deadline:
            return "achieved_late"
        return last.status

    @property
    def at_deadline(self) -> Update | None:
        """The last update dated on or before the deadline: the record at the deadline."""
        due = [u for u in self.updates if u.date <= self.deadline]
        return due[-1] if due else None

    def keywords(self, lang: Lang) -> tuple[str, ...]:
        return self.search_zh if lang == "zh" else self.search_en

    def concerns(self, county_id: str) -> bool:
        return "all" in self.counties or county_id in self.counties


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    term: Text
    gloss: Text


@dataclass(frozen=True, slots=True)
class Contact:
    """How readers reach the publisher (content/site.yaml `contact:`); any part may be absent."""

    email: str | None = None
    url: str | None = None
    name: Text | None = None

    @property
    def reachable(self) -> bool:
        return bool(self.email or self.url)


@dataclass(frozen=True, slots=True)
class SiteInfo:
    title: Text
    report_title: Text
    report_date: dt.date
    session: Text | None
    publisher: Text
    base_url: str | None
    geo_file: str
    licence_id: str
    licence_url: str
    contact: Contact | None = None  # None: no channel for corrections yet (the build warns)
    staff_lang: str | None = None  # the language of staff messages (messages.default_lang)


@dataclass(frozen=True, slots=True)
class Site:
    """Everything the generator publishes, validated and cross-referenced."""

    info: SiteInfo
    counties: tuple[County, ...]
    sections: tuple[Section, ...]
    report: Report
    targets: tuple[Target, ...]  # sorted by id
    geo: dict[str, Any] = field(hash=False, compare=False, repr=False)
    glossary: tuple[GlossaryEntry, ...] = ()
    documents: tuple[Document, ...] = ()
    publishers: tuple[Publisher, ...] = ()
    reports: tuple[Report, ...] = ()  # every tracked report, oldest first (`report` is one)

    def report_of(self, report_id: str) -> Report:
        """The report with this id (the only report when the site tracks one)."""
        return next((r for r in self.reports if r.id == report_id), self.report)

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def publisher(self, url: str) -> Publisher | None:
        """The register entry whose domain is the URL's host or a parent of it."""
        return publisher_of(self.publishers, url)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)


def publisher_of(publishers: tuple[Publisher, ...], url: str) -> Publisher | None:
    """The most specific entry for the URL: a domain matches itself and its subdomains; an
    entry may name a path too (github.com/lawtext), which must then begin the URL's path."""
    rest = url.split("://", 1)[-1].lower()
    host, _, path = rest.partition("/")
    host = host.rsplit("@", 1)[-1].split(":", 1)[0]
    best: Publisher | None = None
    for p in publishers:
        d_host, _, d_path = p.domain.lower().strip("/").partition("/")
        if host != d_host and not host.endswith("." + d_host):
            continue
        if d_path and not (path == d_path or path.startswith(d_path + "/")):
            continue
        if best is None or len(p.domain) > len(best.domain):
            best = p
    return best
