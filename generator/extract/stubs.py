"""Draft target files for uncovered proposals (`extract --write`), in content/proposals/.

Each draft validates as it is once moved into targets/; every guess in it (section, theme,
metric, counties, deadline) is marked `# TODO` for the reviewer, in comments written in the
staff's language (generator/catalogue/extract.yaml).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.catalogue import text as catalogue_text

from .model import Coverage, Proposal
from .units import _UNIT_EN

PROPOSALS = "proposals"  # folder inside content/ that the build never reads
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/target.json"


@dataclass(frozen=True)
class Place:
    section: str
    theme: str


def places(
    blocks: Sequence[tuple[str, str, str]], sections: Iterable[Any]
) -> dict[str, list[tuple[int, Place]]]:
    """paragraph id → [(offset, place)]: the section and theme a clause at or after `offset`
    belongs to. A theme starts at its paragraph; where several themes share one paragraph
    (part five), each starts where its title appears in the text."""
    secs: list[tuple[str, object, list[tuple[str, object, Any]]]] = []
    for s in sections:
        if isinstance(s, Mapping):
            themes = [
                (_id(t.get("id")), t.get("paragraph"), (t.get("title") or {}).get("zh", ""))
                for t in s.get("themes") or []
                if isinstance(t, Mapping)
            ]
            secs.append((_id(s.get("id")), s.get("paragraph"), themes))
        else:
            secs.append((s.id, s.paragraph, [(t.id, t.paragraph, t.title.zh) for t in s.themes]))
    out: dict[str, list[tuple[int, Place]]] = {}
    current: Place | None = None
    for pid, _, text in blocks:
        marks: list[tuple[int, Place]] = []
        for sid, spid, themes in secs:
            if spid == pid:
                current = Place(sid, themes[0][0] if themes else "")
        for sid, _, themes in secs:
            for tid, tpid, title in themes:
                if tpid == pid:
                    at = text.find(title) if title else -1
                    marks.append((max(at, 0), Place(sid, tid)))
        marks.sort(key=lambda m: m[0])
        if marks:
            marks[0] = (0, marks[0][1])
        elif current is not None:
            marks = [(0, current)]
        out[pid] = marks
        if marks:
            current = marks[-1][1]
    return out


def _id(value: object) -> str:
    """An id as sections.yaml gives it, when the content has problems: a string, else empty
    (the draft's section or theme is then left for the reviewer to fill in)."""
    return value if isinstance(value, str) else ""


def place_of(p: Proposal, where: Mapping[str, list[tuple[int, Place]]]) -> Place | None:
    marks = where.get(p.paragraph) or []
    found = None
    for offset, place in marks:
        if offset <= p.start:
            found = place
    return found


def first_place(sections: Iterable[Any]) -> Place | None:
    """The first section of sections.yaml and its first theme: the guess for a clause that
    comes before every section's paragraph."""
    for s in sections:
        if isinstance(s, Mapping):
            themes = [t.get("id") for t in s.get("themes") or [] if isinstance(t, Mapping)]
            sid = s.get("id")
        else:
            themes, sid = [t.id for t in s.themes], s.id
        if isinstance(sid, str) and themes and isinstance(themes[0], str):
            return Place(sid, themes[0])
    return None


def stub(
    p: Proposal,
    place: Place | None,
    deadline: str,
    guessed: bool = False,
    base: str = "content",
    lang: str = "en",
) -> str:
    """A draft target file for the proposal. It validates as it is (moved into targets/), so
    the reviewer starts from a working file; every guess is marked `# TODO …`, and the
    English title is the Chinese one until someone translates it (`validate --report` lists
    it as missing English). Its comments are in `lang`, the staff's language."""
    q = json.dumps  # a JSON string is a valid YAML double-quoted scalar

    def zh(value: str | None) -> str:
        return q(value or "", ensure_ascii=False)

    def say(key: str, **values: object) -> str:
        return catalogue_text(key, lang, **values)

    why = say("extract.draft.why", why=p.why.text(lang)) if p.why else say("extract.draft.why.none")
    where = "extract.draft.section.guessed" if guessed else "extract.draft.section.found"
    check = say("extract.draft.check")
    # `base`: content, or a report's folder (content/reports/<id>): its proposals/ folder is
    # as deep as its targets/, so the schema line stays right when the draft is moved
    depth = base.count("/") + 1
    lines = [
        SCHEMA_LINE.replace("../", "../" * depth, 1),
        f"# {say('extract.draft.not_published', base=base)}",
        f"# {say('extract.draft.steps')}",
        f"# git mv {base}/{PROPOSALS}/{p.id}.yaml {base}/targets/{p.id}.yaml",
        f"# {why}",
        f"id: {p.id}",
        f"section: {zh(place.section if place else '')}  # {say(where)}",
        f"theme: {zh(place.theme if place else '')}  # {check}",
        "title:",
        f"  zh: {zh(p.quote)}  # {say('extract.draft.shorten')}",
        f"  en: {zh(p.quote)}  # {say('extract.draft.translate')}",
        "source:",
        f"  paragraph: {p.paragraph}",
        f"  quote: {zh(p.quote)}",
        "metric:",
        f"  kind: {p.kind}  # {say('extract.draft.kind')}",
    ]
    if p.kind == "quantity":
        unit_en = _UNIT_EN.get(p.unit or "") or (p.unit or "")
        lines += [
            f"  target: {p.number}  # {say('extract.draft.target', figure=zh(p.figure))}",
            f"  comparator: {p.comparator}  # {say('extract.draft.comparator')}",
            f"  unit: {{zh: {zh(p.unit)}, en: {q(unit_en, ensure_ascii=False)}}}"
            f"  # {say('extract.draft.unit')}",
        ]
    counties = ", ".join(p.counties) if p.counties else "all"
    lines += [
        f"counties: [{counties}]  # {say('extract.draft.counties')}",
        f"deadline: {deadline}  # {check}",
        "updates: []",
    ]
    return "\n".join(lines) + "\n"


def write_stubs(
    items: Sequence[Coverage],
    content: Path,
    where: Mapping[str, Any],
    deadline: str,
    fallback: Place | None = None,
    lang: str = "en",
) -> tuple[list[Path], list[Path]]:
    """Write a stub for every uncovered proposal into content/proposals/ (`content` may be a
    report's folder, content/reports/<id>/: then into its proposals/), with comments in `lang`.
    Returns (written, kept): a file that exists (here or in targets/) is never replaced."""
    folder = content / PROPOSALS
    base = _shown_base(content)
    written: list[Path] = []
    kept: list[Path] = []
    for item in items:
        if item.covered:
            continue
        p = item.proposal
        path = folder / f"{p.id}.yaml"
        existing = content / "targets" / f"{p.id}.yaml"
        if existing.exists():
            kept.append(existing)
            continue
        folder.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("x", encoding="utf-8", newline="\n") as fh:  # "x": never overwrite
                place = place_of(p, where)
                fh.write(stub(p, place or fallback, deadline, place is None, base, lang))
        except FileExistsError:
            kept.append(path)
            continue
        written.append(path)
    return written, kept


def _shown_base(folder: Path) -> str:
    """How the drafts name their folder: content, or content/reports/<id>."""
    if folder.parent.name == "reports":
        return f"content/reports/{folder.name}"
    return "content"
