"""How numbers, figures and dates read in each language, and JSON for a page's <script>.

Plain functions of their arguments, shared by plan, charts, exports and render (the templates
call them as filters: `|number(lang)`, `|figure(unit, lang)`, `|date(lang)`, `|month(lang)`,
`|tojson`)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from markupsafe import Markup


def number(value: float | int | None, lang: str) -> str:
    """1,234,567 in English; 123.5万 style for large Chinese figures, as Chinese readers expect."""
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if lang == "zh":
        if isinstance(value, int) and value >= 10_000 and value % 1_000 == 0:
            if value >= 100_000_000 and value % 1_000_000 == 0:
                return f"{value / 100_000_000:g}亿"
            return f"{value / 10_000:g}万"
        return f"{value:g}" if isinstance(value, float) else str(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.10g}"


def figure(value: float | int | None, unit: Any, lang: str) -> str:
    """A figure with its unit as a reader says it: 3000 亿元 is "300 billion yuan" in English,
    never "3,000 100 million yuan" (figures in 亿元 are stored as written in the report)."""
    if value is None:
        return "—"
    if unit is None:
        return number(value, lang)
    name = unit(lang)
    if lang == "en" and name.startswith("100 million "):
        rest, yuan = name.removeprefix("100 million "), value * 100_000_000
        if yuan >= 1_000_000_000:
            return f"{yuan / 1_000_000_000:,.10g} billion {rest}"
        return f"{yuan / 1_000_000:,.10g} million {rest}"
    joiner = "" if lang == "zh" or name.startswith("%") else " "
    return f"{number(value, lang)}{joiner}{name}"


def date(value: dt.date | None, lang: str) -> str:
    if value is None:
        return "—"
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {value.strftime('%B')} {value.year}"


def month(value: dt.date, lang: str) -> str:
    return f"{value.year}年{value.month}月" if lang == "zh" else value.strftime("%B %Y")


def to_json(value: Any) -> Markup:
    """JSON for <script type="application/json">: '<', '>' and '&' escaped so no tag can close."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)
