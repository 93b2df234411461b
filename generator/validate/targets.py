"""Target files: each against spec.TARGET, then against the other files (ids that exist, quotes
that are the report's words), then ids unique across files.

Each file is checked by `check_file`, a pure function of the file, its structure check and a
`FileContext` (what the checks read of the other files). A `serve` session's reuse
(generator/incremental.py) gives a file that is the same object as last time its last result,
while the context is the same object too: a one-file edit checks one file, not 10,000.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator import spec
from generator.check import Checker
from generator.errors import Diagnostic, Hint, Msg, did_you_mean
from generator.model import Block, County, Document, Publisher, Section, Target
from generator.validate import convert
from generator.validate.base import Base
from generator.validate.quotes import find_quote, in_their_own_words, nearest_hint
from generator.validate.updates import UpdateChecks
from generator.yamlnodes import YamlDoc

Structure = tuple[list[Diagnostic], Target | None]  # the spec check's problems, the model
FileResult = tuple[list[Diagnostic], Target | None, str | None]  # problems, target, its id


class TargetChecks(Base):
    """Every target file of a report, each checked alone, then ids unique across them."""

    def targets(
        self,
        counties: tuple[County, ...] | None,
        sections: tuple[Section, ...] | None,
        paragraphs: dict[str, Block],
    ) -> tuple[Target, ...] | None:
        reuse, docs = self.reuse, self.src.targets
        key = self.src.report_files.get("zh", "")  # one report's files
        context = reuse.memo(
            "check-context",
            key,
            file_context,
            reuse.canonical("check-counties", key, counties),
            reuse.canonical("check-sections", key, sections),
            reuse.canonical("check-paragraphs", key, paragraphs),
            reuse.canonical("check-documents", key, self.documents),
            reuse.canonical("check-publishers", key, self.publishers),
            self.src.publishers is not None,
            key,
            self.first_year,
            self.today,
        )
        structures = reuse.each("check-structure:" + key, target_structure, (docs,))
        checked = reuse.each("check-file:" + key, check_file, (docs, structures), context)
        result, failed = self._unique(docs, checked)
        if failed or counties is None or sections is None:
            return None
        return tuple(sorted(result, key=operator.attrgetter("id")))

    def _unique(self, docs: list[YamlDoc], checked: list[FileResult]) -> tuple[list[Target], bool]:
        """(valid targets, whether any file failed), with every problem recorded and ids used
        twice refused."""
        targets = list(map(operator.itemgetter(1), checked))
        tids = set(map(operator.itemgetter(2), checked))
        if (  # the usual answer, found in C: no problem, every file a target, no id twice
            not any(map(operator.itemgetter(0), checked))
            and not any(map(operator.is_, targets, itertools.repeat(None)))
            and len(tids) == len(checked)
        ):
            return targets, False
        result: list[Target] = []
        seen: dict[str, str] = {}
        failed = False
        for doc, (found, target, tid) in zip(docs, checked, strict=True):
            if found:
                self.out.extend(found)
            if tid is not None:
                if tid in seen:
                    self.at(doc, ("id",), "duplicate_target", {"id": tid, "file": seen[tid]})
                    target = None
                seen[tid] = doc.file
            if target is None:
                failed = True
                continue
            result.append(target)
        return result, failed


@dataclass(frozen=True, eq=False)
class FileContext:
    """What one target file's cross-file checks read of the other files: the counties, the
    parts and themes, the report's paragraphs, source documents, the publisher register, the
    report's year and the build date. One object while all of those are the same."""

    refs: _Refs
    documents: Mapping[str, Document]
    publishers: tuple[Publisher, ...]
    register: bool  # a publishers.yaml exists: sources are checked against it
    report_file: str  # the report's Chinese text, as messages name it
    first_year: int | None
    today: dt.date


def file_context(
    counties: tuple[County, ...] | None,
    sections: tuple[Section, ...] | None,
    paragraphs: dict[str, Block],
    documents: Mapping[str, Document],
    publishers: tuple[Publisher, ...],
    register: bool,
    report_file: str,
    first_year: int | None,
    today: dt.date,
) -> FileContext:
    """A module-level function (a bound classmethod is a new object at every access, which
    reuse would take for another function)."""
    refs = _Refs(counties, sections, paragraphs)
    return FileContext(refs, documents, publishers, register, report_file, first_year, today)


def target_structure(doc: YamlDoc) -> Structure:
    """Spec check of one target file, and its model when the structure is right."""
    found: list[Diagnostic] = []
    checker = Checker(doc, found)
    checker.check(spec.TARGET, doc.value)
    return found, convert.target(doc, doc.value) if checker.ok else None


def check_file(doc: YamlDoc, structure: Structure, context: FileContext) -> FileResult:
    """One target file's problems, its target (None when anything is wrong) and its id."""
    return FileChecks(context).check(doc, structure)


class FileChecks(UpdateChecks):
    """The rules one target file must keep against the other files."""

    def __init__(self, context: FileContext):  # not Base's: one file needs no sources
        self.out: list[Diagnostic] = []
        self.forms = {}
        self.refs = context.refs
        self.documents = dict(context.documents)
        self.publishers = context.publishers
        self.register = context.register
        self.report_file = context.report_file or "zh.md"
        self.first_year = context.first_year
        self.today = context.today

    def check(self, doc: YamlDoc, structure: Structure) -> FileResult:
        found, target = structure
        raw = doc.value if isinstance(doc.value, dict) else {}
        self.target_refs(doc, raw)
        ok = target is not None and not any(p.severity == "error" for p in self.out)
        if target is not None and ok and self.forms:
            target = in_their_own_words(target, self.forms)
        tid = raw.get("id") if isinstance(raw.get("id"), str) else None
        return found + self.out, target if ok else None, tid

    # -- cross-file rules, applied to whichever fields have the right type --------------------

    def target_refs(self, doc: YamlDoc, raw: dict[str, Any]) -> None:
        self.target_names(doc, raw)
        self.target_place(doc, raw)
        self.target_quote(doc, raw)
        self.target_counties(doc, raw)
        refs = self.refs
        self.updates(doc, raw, refs.county_ids if refs.counties is not None else None)

    def target_names(self, doc: YamlDoc, raw: dict[str, Any]) -> None:
        """The id is the file name, and the file name is an id."""
        stem = doc.file.rsplit("/", 1)[-1].removesuffix(".yaml")
        tid = raw.get("id")
        hint: Hint
        stem_ok = re.fullmatch(spec.ID_PATTERN, stem) is not None
        if isinstance(tid, str) and tid != stem and re.fullmatch(spec.ID_PATTERN, tid):
            if not stem_ok:  # "x - 副本.yaml", "x (1).yaml": an editor's copy of x.yaml
                args = {"file": f"{stem}.yaml", "id": tid}
                self.at(doc, (), "file_copy", args, Msg("file_copy.hint", args))
                return
            hint = Msg("id_not_file.hint", {"id": tid, "stem": stem})
            self.at(doc, ("id",), "id_not_file", {"id": tid, "file": f"{stem}.yaml"}, hint)
        if not stem_ok:
            hint = "hint.id_letters"
            self.at(doc, (), "file_name_not_id", {"file": f"{stem}.yaml"}, hint)

    def target_place(self, doc: YamlDoc, raw: dict[str, Any]) -> None:
        """The section and the theme exist."""
        section, sections = raw.get("section"), self.refs.section_map
        if not isinstance(section, str) or self.refs.sections is None:
            return
        if section not in sections:
            hint = did_you_mean(section, sections)
            self.at(doc, ("section",), "unknown_section", {"name": section}, hint)
            return
        theme = raw.get("theme")
        if isinstance(theme, str) and theme not in sections[section]:
            hint = did_you_mean(theme, sections[section])
            self.at(doc, ("theme",), "unknown_theme", {"name": theme, "section": section}, hint)

    def target_quote(self, doc: YamlDoc, raw: dict[str, Any]) -> None:
        """The paragraph exists and holds the quote, whatever the width of its punctuation."""
        source, paragraphs = raw.get("source"), self.refs.paragraphs
        if not isinstance(source, dict) or not paragraphs:
            return
        pid, quote = source.get("paragraph"), source.get("quote")
        if not isinstance(pid, str):
            return
        block = paragraphs.get(pid)
        if block is None:
            hint = did_you_mean(pid, paragraphs)
            self.at(doc, ("source", "paragraph"), "unknown_paragraph", {"name": pid}, hint)
        elif isinstance(quote, str) and quote.strip():
            form = find_quote(quote, block.text)
            if form is None:
                where = f"{self.report_file}:{block.line}"
                hint = self.elsewhere(quote, paragraphs) or nearest_hint(quote, block.text)
                found = {"id": pid, "where": where}
                self.at(doc, ("source", "quote"), "quote_not_found", found, hint)
            elif form != quote:
                self.forms[("source",)] = form

    def elsewhere(self, quote: str, paragraphs: dict[str, Block]) -> Msg | None:
        """A hint naming the paragraph that does hold the quote, if one does."""
        for block in paragraphs.values():
            if find_quote(quote, block.text) is not None:
                where = f"{self.report_file}:{block.line}"
                return Msg("quote_elsewhere.hint", {"id": block.id, "where": where})
        return None

    def target_counties(self, doc: YamlDoc, raw: dict[str, Any]) -> None:
        listed, refs = raw.get("counties"), self.refs
        if not isinstance(listed, list) or refs.counties is None:
            return
        for i, cid in enumerate(listed):
            if isinstance(cid, str) and cid != "all" and cid not in refs.county_ids:
                named = refs.county_named(cid)  # 临猗县 or 临猗 typed for linyi
                hint = (
                    Msg("did_you_mean", {"name": named})
                    if named
                    else did_you_mean(cid, refs.county_ids | {"all"})
                )
                self.at(doc, ("counties", i), "unknown_county", {"name": cid}, hint)
        if "all" in listed and len(listed) > 1:
            self.at(doc, ("counties",), "all_with_counties", None, "all_with_counties.hint")


class _Refs:
    """What targets are checked against: counties, sections and their themes, paragraphs."""

    def county_named(self, name: str) -> str | None:
        """The id of the county called `name` (临猗县, 临猗, Linyi), if any."""
        return self.county_names.get(name.strip()) or self.county_names.get(name.strip().lower())

    def __init__(
        self,
        counties: tuple[County, ...] | None,
        sections: tuple[Section, ...] | None,
        paragraphs: dict[str, Block],
    ):
        self.counties, self.sections, self.paragraphs = counties, sections, paragraphs
        self.county_ids = {c.id for c in counties or ()}
        # a county by its Chinese or English name, with or without 县/市/区 (staff type names)
        self.county_names: dict[str, str] = {}
        for c in counties or ():
            for name in (c.name.zh, c.name.en):
                self.county_names[name] = c.id
                self.county_names[name.rstrip("县市区")] = c.id
                self.county_names[name.split(" ")[0].lower()] = c.id
        self.section_map = {s.id: {t.id for t in s.themes} for s in sections or ()}
