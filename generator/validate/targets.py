"""Target files: each against spec.TARGET, then against the other files (ids that exist, quotes
that are the report's words), then ids unique across files.

Reuse in a `serve` session (the lead moves it into generator/incremental.py later): a file's
spec check and model are kept in `doc.memo["target"]`, its cross-file result in
`doc.memo["checked"]` (valid while `context` is the same objects), and the whole tuple of
targets in `src.memo["targets"]` while every file was valid without remarks.
"""

from __future__ import annotations

import itertools
import operator
import re
from typing import Any

from generator import spec
from generator.check import Checker
from generator.errors import Diagnostic, Hint, Msg, did_you_mean
from generator.model import Block, County, Section, Target
from generator.validate import convert
from generator.validate.quotes import find_quote, in_their_own_words, nearest_hint
from generator.validate.updates import UpdateChecks
from generator.yamlnodes import YamlDoc

Checked = tuple[Any, list[Diagnostic], Target | None, str | None]


class TargetChecks(UpdateChecks):
    def targets(
        self,
        counties: tuple[County, ...] | None,
        sections: tuple[Section, ...] | None,
        paragraphs: dict[str, Block],
    ) -> tuple[Target, ...] | None:
        self.refs = _Refs(counties, sections, paragraphs)
        # what a target's cross-file checks depend on: the loader hands out the same objects
        # while these files are unchanged, so each target's result can be kept until then
        self.context = (
            self.src.counties,
            self.src.sections,
            self.src.report.get("zh"),
            self.src.report_files.get("zh"),
            self.src.publishers,
            tuple((k, v[0], v[1]) for k, v in self.src.documents.items()),
            self.first_year,
            self.today,
        )
        quick = self._same_targets()
        if quick is not None:
            return quick
        result, failed, any_found = self._every_target()
        self.src.memo.pop("targets", None)
        if failed or counties is None or sections is None:
            return None
        targets = tuple(sorted(result, key=operator.attrgetter("id")))
        if not any_found:  # the quick path below assumes no file had anything to report
            self.src.memo["targets"] = (self.context, list(self.src.targets), targets)
        return targets

    def _every_target(self) -> tuple[list[Target], bool, bool]:
        """(valid targets, whether any file failed, whether any file had a problem), with
        every problem recorded and ids used twice refused."""
        result: list[Target] = []
        seen: dict[str, str] = {}
        failed = any_found = False
        for doc in self.src.targets:
            _, found, target, tid = self._check(doc)
            if found:
                self.out.extend(found)
                any_found = True
            if tid is not None:
                if tid in seen:
                    self.at(doc, ("id",), "duplicate_target", {"id": tid, "file": seen[tid]})
                    target = None
                seen[tid] = doc.file
            if target is None:
                failed = True
                continue
            result.append(target)
        return result, failed, any_found

    def _check(self, doc: YamlDoc) -> Checked:
        """(context, problems, target, id): this file's checks, kept while it and what they
        depend on are the same objects (a `serve` rebuild skips 10,000 files)."""
        hit = doc.memo.get("checked")
        if hit is None or hit[0] != self.context:
            structure, target = self.target_structure(doc)
            raw = doc.value if isinstance(doc.value, dict) else {}
            start = len(self.out)
            self.forms = {}
            self.target_refs(doc, raw)
            refs = self.out[start:]
            del self.out[start:]
            ok = target is not None and not any(p.severity == "error" for p in refs)
            if target is not None and ok and self.forms:
                target = in_their_own_words(target, self.forms)
            tid = raw.get("id") if isinstance(raw.get("id"), str) else None
            hit = (self.context, structure + refs, target if ok else None, tid)
            doc.memo["checked"] = hit
        return hit

    def _same_targets(self) -> tuple[Target, ...] | None:
        """The last result, when every target file was valid without remarks, with only the
        files that are new objects checked again, provided they keep their ids and still
        have nothing to report: a one-file edit in `serve` then checks one file, not 10,000.
        None: check everything (the full loop reports problems in order)."""
        last = self.src.memo.get("targets")
        docs = self.src.targets
        if last is None or last[0] != self.context or len(last[1]) != len(docs):
            return None
        _, old_docs, old_targets = last
        changed = list(itertools.compress(range(len(docs)), map(operator.is_not, old_docs, docs)))
        if len(changed) > 100:
            return None
        position = {t.id: i for i, t in enumerate(old_targets)} if changed else {}
        targets = list(old_targets)
        for i in changed:
            _, found, target, tid = self._check(docs[i])
            old_tid = old_docs[i].memo.get("checked", (None,) * 4)[3]
            if found or target is None or tid is None or tid != old_tid or tid not in position:
                return None
            targets[position[tid]] = target
        result = tuple(targets)
        self.src.memo["targets"] = (self.context, list(docs), result)
        return result

    @staticmethod
    def target_structure(doc: YamlDoc) -> tuple[list[Diagnostic], Target | None]:
        """Spec check of one target file, and its model, cached per loaded file."""
        hit = doc.memo.get("target")
        if hit is None:
            found: list[Diagnostic] = []
            checker = Checker(doc, found)
            checker.check(spec.TARGET, doc.value)
            hit = (found, convert.target(doc, doc.value) if checker.ok else None)
            doc.memo["target"] = hit
        return hit

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
                where = f"{self.src.report_files.get('zh', 'zh.md')}:{block.line}"
                hint = self.elsewhere(quote, paragraphs) or nearest_hint(quote, block.text)
                found = {"id": pid, "where": where}
                self.at(doc, ("source", "quote"), "quote_not_found", found, hint)
            elif form != quote:
                self.forms[("source",)] = form

    def elsewhere(self, quote: str, paragraphs: dict[str, Block]) -> Msg | None:
        """A hint naming the paragraph that does hold the quote, if one does."""
        for block in paragraphs.values():
            if find_quote(quote, block.text) is not None:
                where = f"{self.src.report_files.get('zh', 'zh.md')}:{block.line}"
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
