"""The phrases synthetic content is made of, read from vocabulary.yaml (rows as tuples)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

FILE = Path(__file__).resolve().parent / "vocabulary.yaml"


def _rows(value: Any) -> Any:
    """Lists inside a table's rows as tuples, as the maker unpacks and compares them."""
    return tuple(_rows(v) for v in value) if isinstance(value, list) else value


_DATA = yaml.load(FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

SECTION_TITLES = [_rows(r) for r in _DATA["section_titles"]]
THEME_TITLES = [_rows(r) for r in _DATA["theme_titles"]]
QUANTITIES = [_rows(r) for r in _DATA["quantities"]]
GROWTH = [_rows(r) for r in _DATA["growth"]]
LIMITS = [_rows(r) for r in _DATA["limits"]]
PROJECTS = [_rows(r) for r in _DATA["projects"]]
STEPS = [_rows(r) for r in _DATA["steps"]]
QUAL_VERBS = [_rows(r) for r in _DATA["qual_verbs"]]
QUAL_DOMAINS = [_rows(r) for r in _DATA["qual_domains"]]
QUAL_FORMS = [_rows(r) for r in _DATA["qual_forms"]]
STYLES = [_rows(r) for r in _DATA["styles"]]
PRINCIPLES = [_rows(r) for r in _DATA["principles"]]
OUTCOMES = [_rows(r) for r in _DATA["outcomes"]]
NOTES = [_rows(r) for r in _DATA["notes"]]
SOURCES = list(_DATA["sources"])
STATUS_WEIGHTS = [_rows(r) for r in _DATA["status_weights"]]
NUMBERS_ZH = _DATA["numbers_zh"]
