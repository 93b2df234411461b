"""What `new` knows of the content: the sections, themes, counties and report paragraphs its
answers are checked against (from whatever of the content is readable), and how an answer
becomes what the file holds (Chinese names to ids, 万 and numbers to numbers)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.load import Sources

# each field: its flag, and where the validator reports it in the file (to ask it again)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "target_id": ("--id", ("id",)),
    "section": ("--section", ("section",)),
    "theme": ("--theme", ("theme",)),
    "title_zh": ("--title-zh", ("title", "zh")),
    "title_en": ("--title-en", ("title", "en")),
    "paragraph": ("--paragraph", ("source", "paragraph")),
    "quote": ("--quote", ("source", "quote")),
    "kind": ("--kind", ("metric", "kind")),
    "target": ("--target", ("metric", "target")),
    "comparator": ("--comparator", ("metric", "comparator")),
    "unit_zh": ("--unit-zh", ("metric", "unit", "zh")),
    "unit_en": ("--unit-en", ("metric", "unit", "en")),
    "counties": ("--counties", ("counties",)),
    "deadline": ("--deadline", ("deadline",)),
}
QUANTITY_ONLY = ("target", "comparator", "unit_zh", "unit_en")
DEFAULT_DEADLINE = "2021-12-31"
# answers in Chinese that name a kind or a comparator (docs/content.md)
KIND_WORDS = {
    "定量": "quantity",
    "量化": "quantity",
    "数量": "quantity",
    "里程碑": "milestone",
    "节点": "milestone",
    "定性": "qualitative",
}
COMPARATOR_WORDS = {
    "以上": "at_least",
    "不少于": "at_least",
    "达到": "at_least",
    "突破": "more_than",
    "超过": "more_than",
    "以下": "at_most",
    "以内": "at_most",
    "不超过": "at_most",
}
ALL_WORDS = ("all", "全市", "全部", "所有")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Choice:
    """A section, theme or county that answers may name: its Chinese names (answers may use
    them; a section's are its title, short label and number) and its name in each language
    (for the lists); a section has its themes, a theme its paragraph."""

    names: list[str]
    label: dict[str, str]
    paragraph: str = ""
    themes: dict[str, Choice] = field(default_factory=dict)


class Known:
    """Sections (with their themes), counties and the Chinese report's paragraphs: for each,
    its Chinese names (answers may use them) and its name in each language (for the lists)."""

    def __init__(self, src: Sources):
        self.sections: dict[str, Choice] = {}  # id → the section, with its themes
        value = src.sections.value if src.sections else None
        for section in value if isinstance(value, list) else []:
            if not (isinstance(section, dict) and isinstance(section.get("id"), str)):
                continue
            themes = section.get("themes")
            self.sections[section["id"]] = Choice(
                _names(section.get("title"), section.get("short"), section.get("number")),
                _label(section.get("title")),
                themes={
                    t["id"]: Choice(
                        _names(t.get("title")),
                        _label(t.get("title")),
                        paragraph=str(t.get("paragraph", "")),
                    )
                    for t in (themes if isinstance(themes, list) else [])
                    if isinstance(t, dict) and isinstance(t.get("id"), str)
                },
            )
        self.counties: dict[str, Choice] = {}
        value = src.counties.value if src.counties else None
        for county in value if isinstance(value, list) else []:
            if isinstance(county, dict) and isinstance(county.get("id"), str):
                name = county.get("name")
                self.counties[county["id"]] = Choice(_names(name), _label(name))
        self.blocks = {b.id: b for b in src.report.get("zh", [])}
        self.report_file = src.report_files.get("zh", "zh.md")  # the report text, as load names it

    def themes(self, section: str) -> dict[str, Choice]:
        chosen = self.sections.get(section)
        return chosen.themes if chosen is not None else {}

    def convert(self, name: str, value: Any, answers: dict[str, Any]) -> Any:
        """An answer as the file holds it: Chinese names to ids, numbers to numbers."""
        text = value.strip() if isinstance(value, str) else value
        if not isinstance(text, str):
            return text
        if name == "section":
            return by_name(text, {i: s.names for i, s in self.sections.items()})
        if name == "theme":
            themes = self.themes(answers.get("section", ""))
            return by_name(text, {i: t.names for i, t in themes.items()})
        if name == "kind":
            return KIND_WORDS.get(text, text)
        if name == "comparator":
            return COMPARATOR_WORDS.get(text, text)
        if name == "target":
            return number(text)
        if name == "counties":
            named = {i: c.names for i, c in self.counties.items()}
            ids = ["all" if c in ALL_WORDS else by_name(c, named) for c in split_list(text)]
            return ids or ["all"]
        if name == "quote":
            from generator.validate import find_quote

            block = self.blocks.get(answers.get("paragraph", ""))
            found = find_quote(text, block.text) if block is not None else None
            return found or text  # the report's own punctuation, whatever was typed
        return text


def _names(*texts: Any) -> list[str]:
    """The Chinese of {zh, en} values (a section's title, short label, number)."""
    return [t["zh"].strip() for t in texts if isinstance(t, dict) and isinstance(t.get("zh"), str)]


def _label(value: Any) -> dict[str, str]:
    """A {zh, en} value's text in each language ("" where it has none)."""
    if not isinstance(value, dict):
        return {"zh": "", "en": ""}
    return {lang: str(value.get(lang) or "").strip() for lang in ("zh", "en")}


def by_name(answer: str, named: dict[str, list[str]]) -> str:
    """The id an answer names: the id itself, a Chinese name, or the one name containing it."""
    if answer in named:
        return answer
    exact = [i for i, names in named.items() if answer in names]
    if len(exact) == 1:
        return exact[0]
    short = answer.rstrip("区县市")
    inside = [i for i, names in named.items() if any(short and short in n for n in names)]
    return inside[0] if len(inside) == 1 else answer


def split_list(text: str) -> list[str]:
    """Items separated by commas (either width), 、 or spaces."""
    return [c for c in re.split(r"[,，、\s]+", text.strip()) if c]


def number(text: str) -> Any:
    """'6000' → 6000, '2.5' → 2.5; anything else stays text, which the checks explain."""
    text = text.strip()
    if _NUMBER.fullmatch(text):
        return float(text) if "." in text else int(text)
    return text
