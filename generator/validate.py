"""Stage 2, validate: Sources → (Site, []) or (None, every Diagnostic).

Structure is checked against spec.py; this module adds the rules that span files: known ids,
quotes that are exact words of the report, both languages present, updates in date order,
county figures that add up, and a map with exactly the counties of counties.yaml.
All lookups are dict/set based, so validation stays linear in the number of targets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import itertools
import operator
import re
from collections.abc import Iterable
from typing import Any

from generator import progress, spec
from generator.check import Checker
from generator.errors import Diagnostic, Pos, did_you_mean
from generator.load import Sources
from generator.model import (
    Block,
    Contact,
    County,
    Document,
    Evidence,
    GlossaryEntry,
    Metric,
    Publisher,
    Report,
    Section,
    Site,
    SiteInfo,
    Source,
    Target,
    Text,
    Theme,
    Update,
)
from generator.model import publisher_of as model_publisher_of
from generator.yamlnodes import Path, YamlDoc

_CJK = re.compile(r"[\u3400-\u9fff]")
# Structure checks and the Target built from an unchanged file are reused (serve, incremental).


def validate(src: Sources, today: dt.date | None = None) -> tuple[Site | None, list[Diagnostic]]:
    """Check everything; build the model only when there is no error. `today` is the build
    date: no update may be dated after it."""
    v = _Validator(src, today or dt.date.today())
    site = v.run()
    problems = sorted(set(v.out))
    if any(p.severity == "error" for p in problems):
        return None, problems
    return site, problems


def _text(value: dict[str, str]) -> Text:
    return Text(value["zh"].strip(), value["en"].strip())


def _contact(value: dict[str, Any] | None) -> Contact | None:
    """site.yaml `contact:`, or None when it names no way to reach anyone."""
    if not value:
        return None
    contact = Contact(
        email=value["email"].strip() if "email" in value else None,
        url=value["url"].strip() if "url" in value else None,
        name=_text(value["name"]) if "name" in value else None,
    )
    return contact if contact.reachable else None


class _Validator:
    def __init__(self, src: Sources, today: dt.date):
        self.src = src
        self.today = today
        self.out: list[Diagnostic] = list(src.problems)
        self.first_year: int | None = None  # the report's year: no update may be older
        self.documents: dict[str, Document] = {}
        self.publishers: tuple[Publisher, ...] = ()
        # quotes found in their paragraph only with full-width and half-width punctuation
        # told apart: where they are in the target file → the paragraph's own words
        self.forms: dict[Path, str] = {}

    def at(
        self,
        doc: YamlDoc,
        path: Path,
        message: str,
        hint: str = "",
        key: bool = False,
        severity: str = "error",
    ) -> None:
        line, col = doc.key_at(path) if key else doc.at(path)
        self.out.append(Diagnostic(Pos(doc.file, line, col), message, hint, severity))

    def checked(self, doc: YamlDoc | None, shape: spec.Spec) -> Any:
        """The document's value if its structure is right, else None (problems recorded)."""
        if doc is None:
            return None
        checker = Checker(doc, self.out)
        checker.check(shape, doc.value)
        return doc.value if checker.ok else None

    # -- the run ---------------------------------------------------------------------------

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
            for section in sections:
                for pid, what in [(section.paragraph, f"section '{section.id}'")] + [
                    (t.paragraph, f"theme '{t.id}'") for t in section.themes
                ]:
                    if pid not in paragraphs:
                        self.out.append(
                            Diagnostic(
                                Pos(src.sections.file if src.sections else ""),
                                f"{what}: unknown paragraph '{pid}'",
                                did_you_mean(pid, paragraphs),
                            )
                        )
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
        info = SiteInfo(
            title=_text(site_value["title"]),
            report_title=_text(site_value["report"]["title"]),
            report_date=dt.date.fromisoformat(site_value["report"]["date"]),
            session=_text(site_value["report"]["session"])
            if "session" in site_value["report"]
            else None,
            publisher=_text(site_value["publisher"]),
            base_url=site_value.get("base_url"),
            geo_file=site_value["geo"],
            licence_id=site_value["licence"]["id"],
            licence_url=site_value["licence"]["url"],
            contact=_contact(site_value.get("contact")),
            staff_lang=site_value.get("staff_lang"),
        )
        return Site(
            info,
            counties,
            sections,
            report,
            targets,
            geo,
            glossary,
            tuple(self.documents.values()),
            self.publishers,
        )

    # -- reference files ---------------------------------------------------------------------

    def publisher_register(self) -> tuple[Publisher, ...]:
        doc = self.src.publishers
        value = self.checked(doc, spec.PUBLISHERS)
        if value is None or doc is None:
            return ()
        seen: dict[str, int] = {}
        result = []
        for i, item in enumerate(value):
            domain = item["domain"].lower()
            if domain in seen:
                self.at(doc, (i, "domain"), f"duplicate publisher domain '{domain}'")
            seen[domain] = i
            result.append(Publisher(domain, _text(item["name"]), item["kind"]))
        return tuple(result)

    def source_documents(self) -> dict[str, Document]:
        result: dict[str, Document] = {}
        for name, (meta, blocks, file) in self.src.documents.items():
            value = self.checked(meta, spec.DOCUMENT)
            if value is None or meta is None or blocks is None:
                continue
            if value["id"] != name:
                self.at(
                    meta,
                    ("id",),
                    f"id '{value['id']}' does not match the folder name '{name}'",
                    f"set id: {name}",
                )
                continue
            archive = value.get("archive")
            result[name] = Document(
                id=name,
                title=_text(value["title"]),
                date=dt.date.fromisoformat(value["date"]),
                publisher=_text(value["publisher"]),
                blocks=tuple(blocks),
                file=file,
                session=_text(value["session"]) if "session" in value else None,
                speaker=_text(value["speaker"]) if "speaker" in value else None,
                archive_url=archive["url"] if archive else None,
                archive_label=_text(archive["label"]) if archive else None,
            )
        return result

    def counties(self) -> tuple[County, ...] | None:
        doc = self.src.counties
        value = self.checked(doc, spec.COUNTIES)
        if value is None or doc is None:
            return None
        result, ids, codes = [], {}, {}
        for i, item in enumerate(value):
            code = str(item["code"])
            for seen, key, shown in ((ids, item["id"], "id"), (codes, code, "code")):
                if key in seen:
                    self.at(
                        doc,
                        (i, shown),
                        f"duplicate county {shown} '{key}' (first at line "
                        f"{doc.at((seen[key], shown))[0]})",
                        "each county appears once",
                    )
                seen[key] = i
            if item["id"] == "all":
                self.at(doc, (i, "id"), "'all' is reserved", "choose another id")
            result.append(County(item["id"], code, _text(item["name"])))
        return tuple(result)

    def sections(self) -> tuple[Section, ...] | None:
        doc = self.src.sections
        value = self.checked(doc, spec.SECTIONS)
        if value is None or doc is None:
            return None
        result: list[Section] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(value):
            if item["id"] in seen:
                self.at(doc, (i, "id"), f"duplicate section id '{item['id']}'")
            seen[item["id"]] = i
            themes, theme_seen = [], set()
            for j, th in enumerate(item["themes"]):
                if th["id"] in theme_seen:
                    self.at(doc, (i, "themes", j, "id"), f"duplicate theme id '{th['id']}'")
                theme_seen.add(th["id"])
                themes.append(Theme(th["id"], item["id"], th["paragraph"], _text(th["title"])))
            result.append(
                Section(
                    item["id"],
                    _text(item["number"]),
                    item["paragraph"],
                    _text(item["title"]),
                    tuple(themes),
                    _text(item["short"]) if "short" in item else None,
                )
            )
        return tuple(result)

    def report(self) -> Report | None:
        src = self.src
        if "zh" not in src.report or "en" not in src.report:
            return None
        zh, en = src.report["zh"], src.report["en"]
        zh_ids = {b.id: b for b in zh}
        en_ids = {b.id: b for b in en}
        for b in zh:
            if b.id not in en_ids:
                self.out.append(
                    Diagnostic(
                        Pos(src.report_files["en"]),
                        f"paragraph '{b.id}' is missing from the English report",
                        f"translate {src.report_files['zh']}:{b.line}",
                    )
                )
            if not b.text.strip():
                self.out.append(Diagnostic(Pos(src.report_files["zh"], b.line), "empty paragraph"))
        for b in en:
            if b.id not in zh_ids:
                self.out.append(
                    Diagnostic(
                        Pos(src.report_files["en"], b.line),
                        f"paragraph '{b.id}' is not in the Chinese report",
                        did_you_mean(b.id, zh_ids) or "use the same ids",
                    )
                )
            elif not b.text.strip() or (b.text == zh_ids[b.id].text and _CJK.search(b.text)):
                self.out.append(
                    Diagnostic(
                        Pos(src.report_files["en"], b.line),
                        f"paragraph '{b.id}' is not translated",
                        "write the English text",
                    )
                )
        order_zh = [b.id for b in zh if b.id in en_ids]
        order_en = [b.id for b in en if b.id in zh_ids]
        if order_zh != order_en:
            first = next(e for z, e in zip(order_zh, order_en, strict=True) if z != e)
            line = en_ids[first].line
            self.out.append(
                Diagnostic(
                    Pos(src.report_files["en"], line),
                    f"paragraph '{first}' is out of order",
                    "keep the paragraphs in the order of the Chinese report",
                )
            )
        return Report(tuple(zh), tuple(en))

    def not_targets(self, paragraphs: dict[str, Block]) -> None:
        doc = self.src.not_targets
        value = self.checked(doc, spec.NOT_TARGETS)
        if value is None or doc is None or not paragraphs:
            return
        for i, item in enumerate(value):
            block = paragraphs.get(item["paragraph"])
            if block is None:
                self.at(
                    doc,
                    (i, "paragraph"),
                    f"unknown paragraph '{item['paragraph']}'",
                    did_you_mean(item["paragraph"], paragraphs),
                )
            elif item["text"] not in block.text:
                self.at(
                    doc,
                    (i, "text"),
                    f"text not found in paragraph {block.id}",
                    "copy the exact words of the report",
                )

    def glossary(self) -> tuple[GlossaryEntry, ...]:
        value = self.checked(self.src.glossary, spec.GLOSSARY)
        return tuple(GlossaryEntry(_text(e["term"]), _text(e["gloss"])) for e in value or ())

    # -- targets -----------------------------------------------------------------------------

    def targets(
        self,
        counties: tuple[County, ...] | None,
        sections: tuple[Section, ...] | None,
        paragraphs: dict[str, Block],
    ) -> tuple[Target, ...] | None:
        county_ids = {c.id for c in counties or ()}
        section_map = {s.id: {t.id for t in s.themes} for s in sections or ()}
        result: list[Target] = []
        seen: dict[str, str] = {}
        failed = False
        any_found = False
        # what a target's cross-file checks depend on: the loader hands out the same objects
        # while these files are unchanged, so each target's result can be kept until then
        context = (
            self.src.counties,
            self.src.sections,
            self.src.report.get("zh"),
            self.src.report_files.get("zh"),
            self.src.publishers,
            tuple((k, v[0], v[1]) for k, v in self.src.documents.items()),
            self.first_year,
            self.today,
        )

        def check(doc: YamlDoc) -> tuple[Any, list[Diagnostic], Target | None, str | None]:
            """(context, problems, target, id): this file's checks, kept while it and what
            they depend on are the same objects (a `serve` rebuild skips 10,000 files)."""
            hit = doc.memo.get("checked")
            if hit is None or hit[0] != context:
                structure, target = self.target_structure(doc)
                raw = doc.value if isinstance(doc.value, dict) else {}
                start = len(self.out)
                self.forms = {}
                self.target_refs(doc, raw, county_ids, section_map, paragraphs, counties, sections)
                refs = self.out[start:]
                del self.out[start:]
                ok = target is not None and not any(p.severity == "error" for p in refs)
                if ok and self.forms:
                    target = _in_their_own_words(target, self.forms)
                tid = raw.get("id") if isinstance(raw.get("id"), str) else None
                hit = doc.memo["checked"] = (context, structure + refs, target if ok else None, tid)
            return hit

        quick = self._same_targets(context, check)
        if quick is not None:
            return quick
        for doc in self.src.targets:
            _, found, target, tid = check(doc)
            if found:
                self.out.extend(found)
                any_found = True
            if tid is not None:
                if tid in seen:
                    self.at(doc, ("id",), f"duplicate target id '{tid}' (also in {seen[tid]})")
                    target = None
                seen[tid] = doc.file
            if target is None:
                failed = True
                continue
            result.append(target)
        self.src.memo.pop("targets", None)
        if failed or counties is None or sections is None:
            return None
        targets = tuple(sorted(result, key=operator.attrgetter("id")))
        if not any_found:  # the quick path below assumes no file had anything to report
            self.src.memo["targets"] = (context, list(self.src.targets), targets)
        return targets

    def _same_targets(self, context: tuple[Any, ...], check: Any) -> tuple[Target, ...] | None:
        """The last result, when every target file was valid without remarks, with only the
        files that are new objects checked again, provided they keep their ids and still
        have nothing to report: a one-file edit in `serve` then checks one file, not 10,000.
        None: check everything (the full loop reports problems in order)."""
        last = self.src.memo.get("targets")
        docs = self.src.targets
        if last is None or last[0] != context or len(last[1]) != len(docs):
            return None
        _, old_docs, old_targets = last
        changed = list(itertools.compress(range(len(docs)), map(operator.is_not, old_docs, docs)))
        if len(changed) > 100:
            return None
        position = {t.id: i for i, t in enumerate(old_targets)} if changed else {}
        targets = list(old_targets)
        for i in changed:
            _, found, target, tid = check(docs[i])
            old_tid = old_docs[i].memo.get("checked", (None,) * 4)[3]
            if found or target is None or tid is None or tid != old_tid or tid not in position:
                return None
            targets[position[tid]] = target
        result = tuple(targets)
        self.src.memo["targets"] = (context, list(docs), result)
        return result

    @staticmethod
    def target_structure(doc: YamlDoc) -> tuple[list[Diagnostic], Target | None]:
        """Spec check of one target file, and its model, cached per loaded file."""
        hit = doc.memo.get("target")
        if hit is None:
            found: list[Diagnostic] = []
            checker = Checker(doc, found)
            checker.check(spec.TARGET, doc.value)
            hit = (found, _target(doc, doc.value) if checker.ok else None)
            doc.memo["target"] = hit
        return hit

    def target_refs(
        self,
        doc: YamlDoc,
        raw: dict[str, Any],
        county_ids: set[str],
        section_map: dict[str, set[str]],
        paragraphs: dict[str, Block],
        counties: Any,
        sections: Any,
    ) -> None:
        """Cross-file rules, applied to whichever fields have the right type."""
        stem = doc.file.rsplit("/", 1)[-1].removesuffix(".yaml")
        tid = raw.get("id")
        if isinstance(tid, str) and tid != stem and re.fullmatch(spec.ID_PATTERN, tid):
            self.at(
                doc,
                ("id",),
                f"id '{tid}' does not match the file name '{stem}.yaml'",
                f"rename the file to {tid}.yaml or set id: {stem}",
            )
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", stem):
            self.at(
                doc,
                (),
                f"file name '{stem}.yaml' is not a valid id",
                "use lowercase letters, digits and hyphens",
            )
        section = raw.get("section")
        if isinstance(section, str) and sections is not None:
            if section not in section_map:
                self.at(
                    doc,
                    ("section",),
                    f"unknown section '{section}'",
                    did_you_mean(section, section_map),
                )
            else:
                theme = raw.get("theme")
                if isinstance(theme, str) and theme not in section_map[section]:
                    self.at(
                        doc,
                        ("theme",),
                        f"unknown theme '{theme}' in section '{section}'",
                        did_you_mean(theme, section_map[section]),
                    )
        source = raw.get("source")
        if isinstance(source, dict) and paragraphs:
            pid, quote = source.get("paragraph"), source.get("quote")
            if isinstance(pid, str):
                block = paragraphs.get(pid)
                if block is None:
                    self.at(
                        doc,
                        ("source", "paragraph"),
                        f"unknown paragraph '{pid}'",
                        did_you_mean(pid, paragraphs),
                    )
                elif isinstance(quote, str) and quote.strip():
                    form = find_quote(quote, block.text)
                    if form is None:
                        where = f"{self.src.report_files.get('zh', 'zh.md')}:{block.line}"
                        self.at(
                            doc,
                            ("source", "quote"),
                            f"quote not found in paragraph {pid} ({where})",
                            self.elsewhere(quote, paragraphs) or _nearest_hint(quote, block.text),
                        )
                    elif form != quote:
                        self.forms[("source",)] = form
        listed = raw.get("counties")
        if isinstance(listed, list) and counties is not None:
            for i, cid in enumerate(listed):
                if isinstance(cid, str) and cid != "all" and cid not in county_ids:
                    self.at(
                        doc,
                        ("counties", i),
                        f"unknown county '{cid}'",
                        did_you_mean(cid, county_ids | {"all"}),
                    )
            if "all" in listed and len(listed) > 1:
                self.at(
                    doc,
                    ("counties",),
                    "'all' cannot be combined with county ids",
                    "write [all] alone, or list the counties",
                )
        self.updates(doc, raw, county_ids if counties is not None else None)

    def updates(self, doc: YamlDoc, raw: dict[str, Any], county_ids: set[str] | None) -> None:
        updates = raw.get("updates")
        if not isinstance(updates, list):
            return
        metric = raw.get("metric") if isinstance(raw.get("metric"), dict) else {}
        kind = metric.get("kind")
        listed = raw.get("counties") if isinstance(raw.get("counties"), list) else ["all"]
        previous: str | None = None
        for i, up in enumerate(updates):
            if not isinstance(up, dict):
                continue
            date = up.get("date")
            if isinstance(date, str) and _is_date(date):
                if previous is not None and date < previous:
                    self.at(
                        doc,
                        ("updates", i, "date"),
                        f"update of {date} comes after one of {previous}",
                        "list updates oldest first",
                    )
                previous = date
                self.update_date(doc, i, dt.date.fromisoformat(date))
            self.update_sources(doc, i, up)
            self.update_status(doc, i, up, metric)
            if "value" in up and kind in ("milestone", "qualitative"):
                self.at(
                    doc,
                    ("updates", i, "value"),
                    f"a {kind} target has no figure",
                    "remove value: or make the metric a quantity",
                    key=True,
                )
            per_county = up.get("counties")
            if isinstance(per_county, dict) and county_ids is not None:
                for cid in per_county:
                    if cid not in county_ids:
                        self.at(
                            doc,
                            ("updates", i, "counties", cid),
                            f"unknown county '{cid}'",
                            did_you_mean(cid, county_ids),
                            key=True,
                        )
                    elif "all" not in listed and cid not in listed:
                        self.at(
                            doc,
                            ("updates", i, "counties", cid),
                            f"county '{cid}' is not among this target's counties",
                            "add it to counties:",
                            key=True,
                        )
                values = [x for x in per_county.values() if _number(x)]
                total, city = sum(values), up.get("value")
                if _number(city) and total > city:
                    self.at(
                        doc,
                        ("updates", i, "counties"),
                        f"county figures add up to {total:g}, more than the city figure {city:g}",
                        "check the figures",
                        severity="warning",
                    )

    def update_date(self, doc: YamlDoc, i: int, date: dt.date) -> None:
        """No fact from the future of the build, none from before the report's year."""
        if date > self.today:
            self.at(
                doc,
                ("updates", i, "date"),
                f"date {date} is in the future",
                "check the year: an update records something that has happened",
            )
        elif self.first_year is not None and date.year < self.first_year:
            self.at(
                doc,
                ("updates", i, "date"),
                f"date {date} is before the report's year {self.first_year}",
                "check the year",
            )

    def update_sources(self, doc: YamlDoc, i: int, up: dict[str, Any]) -> None:
        """Every update has a source or the city's own words; quotes are exact; sources come
        from publishers the register accepts."""
        if "source" not in up and "evidence" not in up:
            self.at(
                doc,
                ("updates", i),
                "this update has no source",
                "add source: {title, url} or evidence: {document, paragraph, quote, en}",
            )
        evidence = up.get("evidence")
        if isinstance(evidence, dict):
            self.evidence(doc, i, evidence)
        source = up.get("source")
        url = source.get("url") if isinstance(source, dict) else None
        if isinstance(url, str) and self.src.publishers is not None:
            found = model_publisher_of(self.publishers, url)
            if found is None:
                self.at(
                    doc,
                    ("updates", i, "source", "url"),
                    "the source's web site is not in content/publishers.yaml",
                    "cite a government body or official media, or add the publisher to the "
                    "register with its kind",
                    severity="warning",
                )
            elif found.kind == "refused":
                self.at(
                    doc,
                    ("updates", i, "source", "url"),
                    f"{found.domain} is a copy, forum or aggregator site ({found.name.en}); it "
                    "is never a source",
                    "cite the original publisher (the government or official media)",
                )

    def evidence(self, doc: YamlDoc, i: int, ev: dict[str, Any]) -> None:
        doc_id, pid, quote = ev.get("document"), ev.get("paragraph"), ev.get("quote")
        if not isinstance(doc_id, str):
            return
        document = self.documents.get(doc_id)
        if document is None:
            self.at(
                doc,
                ("updates", i, "evidence", "document"),
                f"unknown document '{doc_id}'",
                did_you_mean(doc_id, self.documents) or "documents are in content/documents/",
            )
            return
        if not isinstance(pid, str):
            return
        block = document.block(pid)
        if block is None:
            self.at(
                doc,
                ("updates", i, "evidence", "paragraph"),
                f"unknown paragraph '{pid}' in document {doc_id}",
                did_you_mean(pid, {b.id for b in document.blocks}),
            )
        elif isinstance(quote, str) and quote.strip():
            form = find_quote(quote, block.text)
            if form is None:
                self.at(
                    doc,
                    ("updates", i, "evidence", "quote"),
                    f"quote not found in paragraph {pid} ({document.file}:{block.line})",
                    _nearest_hint(quote, block.text),
                )
            elif form != quote:
                self.forms[("updates", i)] = form

    def elsewhere(self, quote: str, paragraphs: dict[str, Block]) -> str:
        """A hint naming the paragraph that does hold the quote, if one does."""
        for block in paragraphs.values():
            if find_quote(quote, block.text) is not None:
                where = f"{self.src.report_files.get('zh', 'zh.md')}:{block.line}"
                return f"the quote is in paragraph {block.id} ({where}): set paragraph: {block.id}"
        return ""

    def update_status(
        self, doc: YamlDoc, i: int, up: dict[str, Any], metric: dict[str, Any]
    ) -> None:
        """A quantity is 'achieved' only when its figure meets the promise, and a figure that
        meets it contradicts 'missed'."""
        value, target = up.get("value"), metric.get("target")
        if metric.get("kind") != "quantity" or not _number(value) or not _number(target):
            return
        met = progress.meets(value, target, metric.get("comparator"))
        if up.get("status") == "achieved" and not met:
            self.at(
                doc,
                ("updates", i, "status"),
                f"status is achieved, but the figure {value:g} does not meet the target "
                f"({_comparator_words(metric.get('comparator'))} {target:g})",
                "use in_progress, at_risk or missed, or correct the figure",
            )
        elif up.get("status") in ("missed", "not_started") and met:
            self.at(
                doc,
                ("updates", i, "status"),
                f"status is {up.get('status')}, but the figure {value:g} meets the target "
                f"({_comparator_words(metric.get('comparator'))} {target:g})",
                "check the status and the figure",
            )

    # -- map ---------------------------------------------------------------------------------

    def geo(self, counties: tuple[County, ...] | None) -> dict | None:
        geo, file = self.src.geo, self.src.geo_file
        if geo is None:
            return None
        if (
            not isinstance(geo, dict)
            or geo.get("type") != "FeatureCollection"
            or not isinstance(geo.get("features"), list)
        ):
            self.out.append(Diagnostic(Pos(file), "map file is not a GeoJSON FeatureCollection"))
            return None
        codes: dict[str, int] = {}
        for i, feature in enumerate(geo["features"]):
            code = _feature_code(feature)
            geometry = feature.get("geometry") if isinstance(feature, dict) else None
            if (
                code is None
                or not isinstance(geometry, dict)
                or geometry.get("type") not in ("Polygon", "MultiPolygon")
            ):
                self.out.append(
                    Diagnostic(
                        Pos(file),
                        f"map feature {i} has no county code or no polygon",
                        "each feature needs id: '140802'",
                    )
                )
                continue
            codes[code] = i
        if counties is None:
            return None
        known = {c.code for c in counties}
        for code in sorted(known - codes.keys()):
            self.out.append(
                Diagnostic(
                    Pos(file),
                    f"map has no boundary for county code {code}",
                    "use a map file with all counties of counties.yaml",
                )
            )
        for code in sorted(codes.keys() - known):
            self.out.append(
                Diagnostic(
                    Pos(file),
                    f"map has an unknown county code {code}",
                    "remove it or add the county to counties.yaml",
                )
            )
        return geo if known == codes.keys() else None


def _feature_code(feature: Any) -> str | None:
    if not isinstance(feature, dict):
        return None
    props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
    for value in (feature.get("id"), props.get("code"), props.get("adcode")):
        if value is not None and re.fullmatch(r"\d{6}", str(value)):
            return str(value)
    return None


def _comparator_words(comparator: str | None) -> str:
    return {"at_most": "at most", "more_than": "more than"}.get(comparator or "", "at least")


# Full-width forms of ASCII (U+FF01-FF5E: ，（）；：！？ digits, letters) and the ideographic
# space read as their ASCII selves when a quote is looked for: the printed report has ，（）
# where content/report/zh.md has ,(), and a quote typed or pasted from either must match.
# One character for one, so a match's offsets are the paragraph's own.
_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _fold(text: str) -> str:
    return text.translate(_HALF_WIDTH)


def find_quote(quote: str, text: str) -> str | None:
    """The paragraph's own words for a quote: the quote itself when the text has it, else the
    passage that differs from it only in full-width or half-width punctuation; None when the
    text has neither."""
    if quote in text:
        return quote
    at = _fold(text).find(_fold(quote))
    return text[at : at + len(quote)] if at >= 0 else None


def _in_their_own_words(target: Target, forms: dict[Path, str]) -> Target:
    """The target with its quotes as the report (or document) writes them: what the site shows
    and what it marks in the report's text."""
    updates = list(target.updates)
    for path, form in forms.items():
        if path[0] == "updates":
            up = updates[path[1]]
            if up.evidence is not None:
                evidence = dataclasses.replace(up.evidence, quote=form)
                updates[path[1]] = dataclasses.replace(up, evidence=evidence)
    return dataclasses.replace(
        target, quote=forms.get(("source",), target.quote), updates=tuple(updates)
    )


def _compare(a: str, b: str) -> tuple[int, int]:
    """(characters two texts share in order, edits from one to the other)."""
    common = edits = 0
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            common += a2 - a1
        else:
            edits += max(a2 - a1, b2 - b1)
    return common, edits


def _nearest(quote: str, text: str) -> str | None:
    """The passage of the text most like the quote (as long as it, give or take two
    characters), punctuation width aside; None when no passage shares half of it."""
    q, t = _fold(quote), _fold(text)
    size = len(q)
    matcher = difflib.SequenceMatcher(None, t, q, autojunk=False)
    blocks = sorted(matcher.get_matching_blocks(), key=lambda b: -b.size)[:5]
    starts = {max(0, b.a - b.b) for b in blocks if b.size}
    # and the window with most characters in place, for quotes that share no long run
    starts.add(max(range(max(1, len(t) - size + 1)), key=lambda s: sum(map(str.__eq__, t[s:], q))))
    best, best_score, best_common = (0, size), (-size - 3, 0), 0
    for start in starts:
        for shift in (0, -1, 1, -2, 2):
            for length in (size, size - 1, size + 1, size - 2, size + 2):
                a = max(0, start + shift)
                window = t[a : a + length]
                common, edits = _compare(window, q)
                # fewest edits; then the length nearest the quote's (a changed character
                # rather than one missing and one added)
                score = (-edits, -abs(len(window) - size))
                if score > best_score:
                    best, best_score, best_common = (a, length), score, common
    if best_common * 2 < size:
        return None
    a, length = best
    return text[a : a + length]


def _marked(ours: str, theirs: str, keep: int = 8) -> tuple[str, str]:
    """Both texts with the runs that differ in 【】 (an empty 【】 where one lacks what the
    other has), and long runs that agree shortened to … with `keep` characters either side."""
    a_out: list[str] = []
    b_out: list[str] = []
    ops = difflib.SequenceMatcher(None, _fold(ours), _fold(theirs), autojunk=False).get_opcodes()
    for n, (tag, a1, a2, b1, b2) in enumerate(ops):
        if tag == "equal":
            same = ours[a1:a2]
            first, last = n == 0, n == len(ops) - 1
            if first and not last and len(same) > keep:
                same = "…" + same[-keep:]
            elif last and not first and len(same) > keep:
                same = same[:keep] + "…"
            elif not first and not last and len(same) > 2 * keep + 1:
                same = same[:keep] + "…" + same[-keep:]
            a_out.append(same)
            b_out.append(same)
        else:
            a_out.append(f"【{ours[a1:a2]}】")
            b_out.append(f"【{theirs[b1:b2]}】")
    return "".join(a_out), "".join(b_out)


def _nearest_hint(quote: str, text: str) -> str:
    """The passage of the paragraph closest to the quote, with what differs marked."""
    nearest = _nearest(quote, text)
    if nearest is None:
        return "no passage of the paragraph is like it; copy the paragraph's words exactly"
    passage, marked_quote = _marked(nearest, quote)
    return (
        f"the paragraph has “{passage}” where the quote has “{marked_quote}” "
        "(【】 marks what differs); copy the paragraph's words"
    )


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _target(doc: YamlDoc, v: dict[str, Any]) -> Target:
    m = v.get("metric") or {"kind": "qualitative"}
    metric = Metric(
        m["kind"],
        m.get("target"),
        m.get("comparator"),
        _text(m["unit"]) if "unit" in m else None,
        m.get("baseline"),
    )
    return Target(
        id=v["id"],
        file=doc.file,
        section=v["section"],
        theme=v["theme"],
        title=_text(v["title"]),
        paragraph=v["source"]["paragraph"],
        quote=v["source"]["quote"],
        metric=metric,
        counties=tuple(v["counties"]),
        deadline=dt.date.fromisoformat(v["deadline"]),
        updates=tuple(_update(u) for u in v.get("updates") or ()),
        checked=dt.date.fromisoformat(v["checked"]) if "checked" in v else None,
        search_zh=tuple(w.strip() for w in (v.get("search") or {}).get("zh") or ()),
        search_en=tuple(w.strip() for w in (v.get("search") or {}).get("en") or ()),
    )


def _update(u: dict[str, Any]) -> Update:
    src, ev = u.get("source"), u.get("evidence")
    return Update(
        date=dt.date.fromisoformat(u["date"]),
        status=u["status"],
        value=u.get("value"),
        counties=tuple(sorted((u.get("counties") or {}).items())),
        note=_text(u["note"]) if "note" in u else None,
        source=Source(src["title"].strip(), src["url"].strip(), src.get("publisher"))
        if src
        else None,
        evidence=Evidence(ev["document"], ev["paragraph"], ev["quote"], ev["en"].strip())
        if ev
        else None,
    )


def errors_only(problems: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [p for p in problems if p.severity == "error"]
