"""Stage 1, load: content/ on disk → Sources (parsed YAML with positions, report blocks, map).

The only stage that reads content files. It refuses what must never be read (symlinks that
leave content/, oversized or non-UTF-8 files) and reports every problem as a Diagnostic.
A Loader keeps parsed files keyed by (mtime, size), so `serve` re-reads only what changed
(how one file is read, parsed and kept: loadfiles.py; which files make the content: here;
a large one-off build parses in two processes: loadsplit.py).
One report (content/report/, targets/ …) or several (content/reports/<id>/, one a folder).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.errors import Diagnostic, Msg, Pos
from generator.loadfiles import (
    MAX_GEO_BYTES,
    MAX_REPORT_BYTES,
    FileCache,
    parse_geo,
    parse_report,
    there,
)
from generator.loadfiles import display_path as display_path  # re-exported: how paths are shown
from generator.loadsplit import parse_order
from generator.model import Block
from generator.yamlnodes import YamlDoc

MAX_TARGETS = 50_000
REPORTS = "reports"  # content/reports/<id>/: one folder a report, when the site tracks several
# the one-report layout's files, which content/reports/<id>/ holds in the other
ONE_REPORT_LAYOUT = ("report", "sections.yaml", "not-targets.yaml", "targets")


@dataclass
class ReportSources:
    """One report's folder, content/reports/<id>/ (its id is the folder's name): report.yaml,
    the text in both languages, its sections, not-targets and targets."""

    id: str
    folder: Path
    meta: YamlDoc | None = None  # report.yaml
    sections: YamlDoc | None = None
    not_targets: YamlDoc | None = None
    targets: list[YamlDoc] = field(default_factory=list)
    report: dict[str, list[Block]] = field(default_factory=dict)
    report_files: dict[str, str] = field(default_factory=dict)

    @property
    def date(self) -> str:
        """report.yaml's date as written ("" when it has none yet)."""
        value = self.meta.value if self.meta is not None else None
        date = value.get("date") if isinstance(value, dict) else None
        return date if isinstance(date, str) else ""

    @property
    def order(self) -> tuple[str, str, str]:
        """What orders the reports, oldest first: report.yaml's year (else its date's), its
        date, the folder's name."""
        value = self.meta.value if self.meta is not None else None
        year = value.get("year") if isinstance(value, dict) else None
        return (str(year) if isinstance(year, int) else self.date[:4], self.date, self.id)


@dataclass
class Sources:
    """Everything read from content/, before any cross-file rule is applied.

    One report (content/report/, sections.yaml, not-targets.yaml, targets/ and site.yaml's
    `report:`) fills `sections` … `report_files`; several (content/reports/<id>/) fill
    `reports` instead, and `view()` gives one of them in the one-report fields."""

    root: Path
    site: YamlDoc | None = None
    counties: YamlDoc | None = None
    sections: YamlDoc | None = None
    not_targets: YamlDoc | None = None
    glossary: YamlDoc | None = None
    publishers: YamlDoc | None = None
    # source documents that updates quote as evidence: id → (document.yaml, zh.md blocks, file)
    documents: dict[str, tuple[YamlDoc | None, list[Block] | None, str]] = field(
        default_factory=dict
    )
    targets: list[YamlDoc] = field(default_factory=list)
    report: dict[str, list[Block]] = field(default_factory=dict)
    report_files: dict[str, str] = field(default_factory=dict)
    geo: Any = None
    geo_file: str = ""
    problems: list[Diagnostic] = field(default_factory=list)
    reports: list[ReportSources] = field(default_factory=list)  # by folder name

    def latest(self) -> ReportSources | None:
        """The latest report (None in the one-report layout)."""
        return max(self.reports, key=lambda r: r.order, default=None)

    def view(self, report: ReportSources | None = None) -> Sources:
        """These sources with one report's files in the one-report fields (by default the
        latest's; the sources themselves in the one-report layout). The view shares the
        report's lists."""
        report = report or self.latest()
        if report is None:
            return self
        return replace(
            self,
            sections=report.sections,
            not_targets=report.not_targets,
            targets=report.targets,
            report=report.report,
            report_files=report.report_files,
            problems=[],
            reports=[],
        )


class Loader(FileCache):
    """Reads a content directory; caches parsed files between calls (used by `serve`).

    `keep=False` (a one-off build) keeps nothing: the Sources a load returns are then the only
    holder of the parsed files, and they are freed as soon as validation is over (at 10,000
    targets the build process held 111 MB after planning with the cache kept, 99 without)."""

    def __init__(self, root: Path, keep: bool = True):
        super().__init__(root)
        self.keep = keep
        self._known: dict[Path, dict[str, Path]] = {}  # folder → file name → its Path
        # folder → (its targets, index of each file name, their paths, the folder's mtime),
        # kept while every file is a valid target (see _same_listing)
        self._listings: dict[Path, tuple[list[YamlDoc], dict[str, int], set[Path], int]] = {}

    def load(self, changed: Iterable[Path] | None = None) -> Sources:
        """Read (or reuse) every content file.

        `changed`, from a file watcher, names the files that changed since the last load: every
        other file already cached is then reused without touching the disk (at 10,000 targets
        two system calls per file cost 0.4 s). Without it each file's mtime and size are checked.
        """
        root = self.root
        src = Sources(root)
        self.begin(changed)
        with self.split(self._parse_order() if changed is None and not self.keep else []):
            return self._load(src)

    def _parse_order(self) -> list[tuple[Path, int]]:
        """What a one-off build's helper may parse (loadsplit.py)."""
        folders = self._report_folders(self.root / REPORTS, [])
        return parse_order(self.root, [self.root / REPORTS / name for name in folders])

    def _load(self, src: Sources) -> Sources:
        root = self.root
        if not root.is_dir():
            src.problems.append(
                Diagnostic(
                    Pos(display_path(root)), "no_content_folder", None, "no_content_folder.hint"
                )
            )
            return src
        src.site = self._yaml(root / "site.yaml", src.problems)
        src.counties = self._yaml(root / "counties.yaml", src.problems)
        src.glossary = self._yaml(root / "glossary.yaml", src.problems, optional=True)
        src.publishers = self._yaml(root / "publishers.yaml", src.problems, optional=True)
        self._documents(root / "documents", src)
        folders = self._report_folders(root / REPORTS, src.problems)
        if folders:
            self._mixed(folders[-1], src.problems)
            src.reports = [self._report(root / REPORTS / name, src.problems) for name in folders]
        else:
            src.sections = self._yaml(root / "sections.yaml", src.problems)
            src.not_targets = self._yaml(root / "not-targets.yaml", src.problems, optional=True)
            src.report, src.report_files = self._text(root / "report", src.problems)
            src.targets = self._targets(root / "targets", src.problems)
        self._geo(src)
        # forget files that are gone (a deleted target), without touching the disk again
        if len(self._cache) != len(self._seen):
            self._cache = {p: v for p, v in self._cache.items() if p in self._seen}
        if not self.keep:
            self._cache, self._listings, self._known = {}, {}, {}
        return src

    # -- files -------------------------------------------------------------------------------

    def _targets(self, folder: Path, problems: list[Diagnostic]) -> list[YamlDoc]:
        if not folder.is_dir():
            problems.append(Diagnostic(Pos(self.shown(folder)), "no_targets_folder"))
            return []
        quick = self._same_listing(folder, problems)
        if quick is not None:
            return quick
        self._listings.pop(folder, None)
        docs = []
        listed_at = os.stat(folder).st_mtime_ns
        names = sorted(os.listdir(folder))
        if len(names) > MAX_TARGETS:
            problems.append(
                Diagnostic(Pos(display_path(folder)), "too_many_targets", {"n": f"{MAX_TARGETS:,}"})
            )
            return []
        known = self._known.setdefault(folder, {})
        # with the watcher's list, an unchanged cached file costs a dict lookup, not a Path
        trusted = self._changed is not None and not self._linked(folder)
        touched = {os.path.basename(p) for p in self._changed or ()}  # by name: errs safe
        for name in names:
            if trusted and name in known and name not in touched:
                path = known[name]
                hit = self._cache.get(path)
                if hit is not None:
                    self._seen.add(path)
                    value, found = hit[1]
                    problems.extend(found)
                    if value is not None:
                        docs.append(value)
                    continue
            path = folder / name
            if name.startswith(".") or name.endswith("~"):
                continue  # editor backups and hidden files
            if not name.endswith(".yaml"):
                hint = "not_yaml.yml_hint" if name.endswith(".yml") else "not_yaml.hint"
                problems.append(Diagnostic(Pos(self.shown(path)), "not_yaml", None, hint))
                continue
            known[name] = path
            doc = self._yaml(path, problems)
            if doc is not None:
                docs.append(doc)
        paths = [known[n] for n in names if n in known]
        if (
            len(docs) == len(names) == len(paths)
            and not any(self._cache[p][1][1] for p in paths if p in self._cache)
            and time.time_ns() - listed_at > 2_000_000_000
        ):  # every file is a target without problems, and the folder's time is not so recent
            # that a change in the same clock tick could hide: the next load may patch this
            self._listings[folder] = (
                docs,
                {n: i for i, n in enumerate(names)},
                set(paths),
                listed_at,
            )
        return docs

    def _same_listing(self, folder: Path, problems: list[Diagnostic]) -> list[YamlDoc] | None:
        """The last load's targets with only the watcher's changed files read again, when the
        folder's modification time says no file was added, removed or renamed since: then
        10,000 names need not be listed and looked up again."""
        last = self._listings.get(folder)
        if last is None or self._changed is None or self._linked(folder):
            return None
        docs, index, paths, listed_at = last
        if os.stat(folder).st_mtime_ns != listed_at:
            return None  # a file was added, removed or renamed: list the folder
        here = {os.path.abspath(folder), os.path.realpath(folder)}
        touched = {os.path.basename(p) for p in self._changed if os.path.dirname(p) in here}
        touched = {n for n in touched if not n.startswith(".") and not n.endswith("~")}
        if any(n not in index or not os.path.isfile(folder / n) for n in touched):
            return None  # a file was added or removed (or is not a file): list the folder
        docs = list(docs)
        known = self._known[folder]
        for name in sorted(touched):
            found: list[Diagnostic] = []
            doc = self._yaml(known[name], found)
            if doc is None or found:
                return None  # the full path reports it in order
            docs[index[name]] = doc
        self._seen |= paths
        self._listings[folder] = (docs, index, paths, listed_at)
        return docs

    # -- reports -----------------------------------------------------------------------------

    def _text(
        self, folder: Path, problems: list[Diagnostic], optional: bool = False
    ) -> tuple[dict[str, list[Block]], dict[str, str]]:
        """A report's zh.md and en.md: (blocks by language, file as messages name it)."""
        text: dict[str, list[Block]] = {}
        files: dict[str, str] = {}
        for lang in ("zh", "en"):
            path = folder / f"{lang}.md"
            files[lang] = self.shown(path)
            blocks = self._parsed(path, problems, MAX_REPORT_BYTES, parse_report, optional)
            if blocks is not None:
                text[lang] = blocks
        return text, files

    def _report_folders(self, folder: Path, problems: list[Diagnostic]) -> list[str]:
        """The folders of content/reports/ that hold a report.yaml, by name. A folder without
        one is a report still being written (its commitments drafted before its text and
        metadata are in place): it is left alone until its report.yaml exists."""
        if not folder.is_dir() or not self._safe(folder, problems):
            return []
        names = (n for n in sorted(os.listdir(folder)) if not n.startswith("."))
        return [n for n in names if (folder / n).is_dir() and there(folder / n / "report.yaml")]

    def _mixed(self, latest: str, problems: list[Diagnostic]) -> None:
        """The one-report layout's files beside content/reports/: each is named, with where it
        belongs (none is read: which report they are of would be a guess)."""
        for name in ONE_REPORT_LAYOUT:
            path = self.root / name
            if there(path):
                shown = self.shown(path)
                to = self.shown(self.root / REPORTS / latest)
                hint = Msg("layout_mixed.hint", {"file": shown, "to": to})
                problems.append(Diagnostic(Pos(shown), "layout_mixed", None, hint))

    def _report(self, folder: Path, problems: list[Diagnostic]) -> ReportSources:
        """One report's folder: the same per-file cache as every file, and its targets
        folder's own listing cache."""
        rs = ReportSources(folder.name, folder)
        rs.meta = self._yaml(folder / "report.yaml", problems)
        for name in ("zh.md", "en.md", "sections.yaml"):
            if not there(folder / name):
                found = {"report": folder.name, "file": name}
                where = Pos(self.shown(folder / name))
                hint = "report_file_missing.hint"
                problems.append(Diagnostic(where, "report_file_missing", found, hint))
        rs.sections = self._yaml(folder / "sections.yaml", problems, optional=True)
        rs.not_targets = self._yaml(folder / "not-targets.yaml", problems, optional=True)
        rs.report, rs.report_files = self._text(folder, problems, optional=True)
        rs.targets = self._targets(folder / "targets", problems)
        return rs

    def _documents(self, folder: Path, src: Sources) -> None:
        """Each folder of content/documents/: its document.yaml and its Chinese text (a few
        files, so the folder is listed on every load)."""
        if not folder.is_dir() or not self._safe(folder, src.problems):
            return
        for name in sorted(os.listdir(folder)):
            here = folder / name
            if name.startswith(".") or not here.is_dir():
                continue
            meta = self._yaml(here / "document.yaml", src.problems)
            text = here / "zh.md"
            blocks = self._parsed(text, src.problems, MAX_REPORT_BYTES, parse_report)
            src.documents[name] = (meta, blocks, self.shown(text))

    def _geo(self, src: Sources) -> None:
        if src.site is None or not isinstance(src.site.value, dict):
            return  # site.yaml names the map file; its own error is reported already
        rel = src.site.value.get("geo")
        if not isinstance(rel, str) or ".." in rel or rel.startswith("/"):
            return  # the validator reports the bad value
        path = self.root / rel
        src.geo_file = self.shown(path)
        src.geo = self._parsed(path, src.problems, MAX_GEO_BYTES, parse_geo)


def load(root: Path) -> Sources:
    """Read a content directory once (no cache)."""
    return Loader(root).load()


def target_file(content: Path, target_id: str) -> Path:
    """Where a commitment's file is, or was: content/targets/<id>.yaml, or with several
    reports the targets/ folder of the report that holds it. For a file that is gone, the
    report whose folder ends in the year the id ends in (wulaofeng-5a-2022 → …-2022), else
    the first: a later year's commitment adds its year to an earlier one's id."""
    folders = sorted(p.parent for p in (content / REPORTS).glob("*/report.yaml"))
    if not folders:
        return content / "targets" / f"{target_id}.yaml"
    name = f"{target_id}.yaml"
    year = target_id.rsplit("-", 1)[-1] if target_id[-4:].isdigit() else None
    found = next((f for f in folders if (f / "targets" / name).exists()), None)
    found = found or next((f for f in folders if year and f.name.endswith(year)), folders[0])
    return found / "targets" / name


def load_static(templates: Path, vendor: Path) -> dict[str, bytes]:
    """The files the pages use as they are: templates/static and the chart bundle built at
    setup (ContentError when `make setup` has not built it)."""
    from generator.assets import ECHARTS
    from generator.errors import ContentError

    files: dict[str, bytes] = {}
    static = templates / "static"
    for path in sorted(static.rglob("*")):
        if path.is_file():
            files["assets/" + path.relative_to(static).as_posix()] = path.read_bytes()
    bundle = vendor / ECHARTS
    if not bundle.is_file():
        raise ContentError(
            [Diagnostic(Pos(str(bundle)), "no_chart_library", None, "no_chart_library.hint")]
        )
    files[f"assets/vendor/{ECHARTS}"] = bundle.read_bytes()
    return files
