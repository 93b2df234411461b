"""The site's data model: frozen dataclasses built by validate.py, read by plan.py.

Nothing here reads files or knows about pages; these are the facts the site publishes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Lang = str  # "zh" | "en"


@dataclass(frozen=True)
class Text:
    zh: str
    en: str

    def __call__(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class County:
    id: str
    code: str
    name: Text


@dataclass(frozen=True)
class Theme:
    id: str
    section_id: str
    paragraph: str
    title: Text


@dataclass(frozen=True)
class Section:
    id: str
    number: Text
    paragraph: str
    title: Text
    themes: tuple[Theme, ...]


@dataclass(frozen=True)
class Block:
    """A heading or paragraph of the report in one language."""

    id: str
    kind: str  # "heading" | "paragraph"
    level: int  # heading level; 0 for paragraphs
    text: str  # plain text, for quotes and search
    html: str  # rendered inline HTML (escaped, raw HTML disabled)
    line: int  # 1-based line of the block in its file


@dataclass(frozen=True)
class Report:
    zh: tuple[Block, ...]
    en: tuple[Block, ...]

    def blocks(self, lang: Lang) -> tuple[Block, ...]:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    publisher: str | None = None


@dataclass(frozen=True)
class Metric:
    kind: str  # quantity | milestone | qualitative
    target: float | None = None
    comparator: str | None = None
    unit: Text | None = None
    baseline: float | None = None


@dataclass(frozen=True)
class Update:
    date: dt.date
    status: str
    value: float | None = None
    counties: tuple[tuple[str, float], ...] = ()
    note: Text | None = None
    source: Source | None = None


@dataclass(frozen=True)
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

    @property
    def last(self) -> Update | None:
        return self.updates[-1] if self.updates else None

    @property
    def status(self) -> str:
        """The recorded status of the last update; 'no_update' when none was reported."""
        return self.updates[-1].status if self.updates else "no_update"

    def concerns(self, county_id: str) -> bool:
        return "all" in self.counties or county_id in self.counties


@dataclass(frozen=True)
class GlossaryEntry:
    term: Text
    gloss: Text


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Site:
    """Everything the generator publishes, validated and cross-referenced."""

    info: SiteInfo
    counties: tuple[County, ...]
    sections: tuple[Section, ...]
    report: Report
    targets: tuple[Target, ...]  # sorted by id
    geo: dict = field(hash=False, compare=False, repr=False)
    glossary: tuple[GlossaryEntry, ...] = ()

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)
