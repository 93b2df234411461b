"""The new target file's text: each field under a bilingual comment taken from the docs in
spec.py (so they cannot drift from what is checked), and an `updates:` ready for the first
update the way docs/staff-guide.md says to add one."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from generator import spec, yamlnodes

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/target.json"  # from content/targets/


def comment(s: spec.Spec) -> str:
    """A spec's doc, Chinese first: "Short title / 标题" → "标题 / Short title"."""
    doc = s.doc
    if " / " in doc:
        en, zh = doc.rsplit(" / ", 1)
        doc = f"{zh} / {en}"
    if isinstance(s, spec.Str) and s.enum and not all(v in doc for v in s.enum):
        doc += ": " + " | ".join(s.enum)
    return doc


def scalar(value: Any, flow: bool = False) -> str:
    """A value as YAML that reads back as exactly that value (plain when that is safe)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    text = str(value)
    plain = f"k: [{text}]\n" if flow else f"k: {text}\n"
    try:
        back = yamlnodes.parse(plain, "-").value
    except yamlnodes.YamlProblem:
        back = None
    if text and "\n" not in text and back == {"k": [text] if flow else text}:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def render(value: dict[str, Any], depth: int = 1) -> str:
    """The new file: the schema line, then each field under a bilingual comment. An empty
    `updates` is written `updates:` with a commented example under it (an empty value, read
    as no updates), so that an update is added below it as the staff guide says, with no
    `[]` to remove first."""
    # content/schema/target.json, seen from a targets folder `depth` folders below content/
    schema = SCHEMA_LINE.replace("../", "../" * depth, 1)
    lines = [schema, f"# {comment(spec.TARGET)} — docs/content.md", ""]
    metric = value.get("metric")
    quantity = isinstance(metric, dict) and metric.get("kind") == "quantity"
    _fields(spec.TARGET, value, 0, lines, quantity)
    return "\n".join(lines) + "\n"


def _fields(
    obj: spec.Obj, value: dict[str, Any], indent: int, lines: list[str], quantity: bool = False
) -> None:
    pad = " " * indent
    for key in obj.keys:
        if key.name not in value:
            continue
        item, s = value[key.name], key.spec
        if s.doc:
            lines.append(f"{pad}# {comment(s)}")
        if key.name == "updates" and not item and indent == 0:
            lines.append("updates:")
            lines += _update_example(quantity)
        elif isinstance(s, spec.Obj) and isinstance(item, dict):
            lines.append(f"{pad}{key.name}:")
            _fields(s, item, indent + 2, lines)
        elif isinstance(item, list):
            items = ", ".join(scalar(x, flow=True) for x in item)
            lines.append(f"{pad}{key.name}: [{items}]")
        else:
            lines.append(f"{pad}{key.name}: {scalar(item)}")


def _update_example(quantity: bool) -> list[str]:
    """A commented-out update under `updates:`, placed where an update goes: deleting the
    `# ` in front of each line makes it one."""
    example = [
        ("- date: 2021-06-30", "date"),
        ("  status: in_progress", "status"),
        ("  value: 0", "value"),
        ('  note: {zh: "说明", en: "Explanation"}', "note"),
        ('  source: {title: "来源标题", url: "https://..."}', "source"),
    ]
    lines = [
        "  # 在这里添加进展，最早的在前；照下面的格式写，去掉每行开头的 # / Add updates here, "
        "oldest first, as below, without the # at the start of each line:"
    ]
    for text, name in example:
        if name == "value" and not quantity:
            continue
        key = spec.UPDATE.key(name)
        assert key is not None
        pad = " " * max(1, 42 - _width(text))
        lines.append(f"  # {text}{pad}# {comment(key.spec)}")
    return lines


def _width(text: str) -> int:
    """Columns in a terminal or editor: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
