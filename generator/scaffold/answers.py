"""Checking one answer to `new` as it is given, in the validator's own messages (catalogue ids,
shown in the staff's language): a wrong answer is asked again alone."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from generator import spec
from generator.errors import Diagnostic, Msg, Pos, did_you_mean
from generator.scaffold.known import FIELDS, Known

# a wrong answer: a Diagnostic whose position is not shown (the file is not written yet)
Problem = Diagnostic
LISTED = Msg("hint.listed_ids")
_WAN = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)")


def _problem(code: str, args: dict[str, Any] | None = None, hint: Any = None) -> Problem:
    return Diagnostic(Pos(""), code, args, hint)


def exists(folder: Path, target_id: str) -> Diagnostic | None:
    """The problem of an id whose file is already in the targets `folder`, or in another
    report's (ids are unique across reports); None when it is free or invalid."""
    from generator.load import display_path

    if not re.fullmatch(spec.ID_PATTERN, target_id):
        return None  # the validator explains what a valid id looks like
    name = f"{target_id}.yaml"
    paths = [folder / name]
    if folder.parent.parent.name == "reports":  # content/reports/<id>/targets/
        paths += sorted(folder.parent.parent.glob(f"*/targets/{name}"))
    for path in paths:
        if path.exists() or path.is_symlink():
            found = {"id": target_id}
            return Diagnostic(Pos(display_path(path)), "target_exists", found, "target_exists.hint")
    return None


class Answers:
    """The checks of each field, against what is known of the content and the answers so far."""

    def __init__(self, known: Known, folder: Path, answers: dict[str, Any]):
        self.known, self.folder, self.answers = known, folder, answers
        self.checks: dict[str, Callable[[Any], list[Problem]]] = {
            "target_id": self.target_id,
            "section": self.section,
            "theme": self.theme,
            "paragraph": self.paragraph,
            "quote": self.quote,
            "kind": lambda a: self.allowed(a, "metric.kind", spec.KINDS),
            "comparator": lambda a: self.allowed(a, "metric.comparator", spec.COMPARATORS),
            "target": self.target,
            "counties": self.counties,
            "deadline": self.deadline,
        }
        for name in ("title_zh", "title_en", "unit_zh", "unit_en"):
            self.checks[name] = partial(self.not_empty, name=name)

    def check(self, name: str, answer: Any) -> list[Problem]:
        """What is wrong with one answer (empty when nothing is)."""
        return self.checks[name](answer)

    def target_id(self, answer: Any) -> list[Problem]:
        if not re.fullmatch(spec.ID_PATTERN, answer or ""):
            found = {"label": "id", "value": answer}
            return [_problem("not_valid", found, "hint.id_characters")]
        existing = exists(self.folder, answer)
        return [existing] if existing else []

    def not_empty(self, answer: Any, name: str) -> list[Problem]:
        if answer:
            return []
        return [_problem("empty_text", {"label": ".".join(FIELDS[name][1][-2:])})]

    def section(self, answer: Any) -> list[Problem]:
        sections = self.known.sections
        if not sections or answer in sections:
            return []
        hint = did_you_mean(answer, sections) or LISTED
        return [_problem("unknown_section", {"name": answer}, hint)]

    def theme(self, answer: Any) -> list[Problem]:
        section = self.answers.get("section", "")
        themes = self.known.themes(section)
        if not themes or answer in themes:
            return []
        hint = did_you_mean(answer, themes) or LISTED
        return [_problem("unknown_theme", {"name": answer, "section": section}, hint)]

    def paragraph(self, answer: Any) -> list[Problem]:
        blocks = self.known.blocks
        if not blocks or answer in blocks:
            return []
        return [_problem("unknown_paragraph", {"name": answer}, did_you_mean(answer, blocks))]

    def quote(self, answer: Any) -> list[Problem]:
        from generator.validate import nearest_hint

        block = self.known.blocks.get(self.answers.get("paragraph", ""))
        if block is None or answer in block.text:
            return []
        where = f"{self.known.report_file}:{block.line}"
        hint = nearest_hint(answer, block.text)
        return [_problem("quote_not_found", {"id": block.id, "where": where}, hint)]

    def allowed(self, answer: Any, label: str, choices: tuple[str, ...]) -> list[Problem]:
        if answer in choices:
            return []
        hint = did_you_mean(answer, choices)
        return [_problem("not_allowed", {"label": label, "value": answer}, hint)]

    def target(self, answer: Any) -> list[Problem]:
        if isinstance(answer, (int, float)):
            return []
        wan = _WAN.fullmatch(str(answer))
        hint = Msg("hint.digits_only")
        if wan:
            n = float(wan.group(1)) * (10_000 if wan.group(2) == "万" else 100_000_000)
            hint = Msg("hint.digits_for", {"answer": answer, "number": f"{n:.15g}"})
        found = {"label": "metric.target", "expected": Msg("type.number")}
        return [_problem("wrong_type", found | {"found": Msg("found.text")}, hint)]

    def counties(self, ids: list[str]) -> list[Problem]:
        known = set(self.known.counties)
        found: list[Problem] = []
        for cid in ids if known else []:
            if cid != "all" and cid not in known:
                hint = did_you_mean(cid, known | {"all"}) or LISTED
                found.append(_problem("unknown_county", {"name": cid}, hint))
        if "all" in ids and len(ids) > 1:
            found.append(_problem("all_with_counties", None, "all_with_counties.hint"))
        return found

    def deadline(self, answer: Any) -> list[Problem]:
        if is_date(answer):
            return []
        found = {"label": "deadline", "found": Msg("found.text")}
        return [_problem("not_a_date", found, "not_a_date.hint")]


def is_date(text: Any) -> bool:
    """A real date written YYYY-MM-DD."""
    try:
        dt.date.fromisoformat(str(text))
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(text)))
