"""spec.TARGET → the JSON Schema (draft 2020-12) that editors use for commitment files
(content/reports/<id>/targets/*.yaml).

Generated from the same specs the validator applies (spec.py), never written by hand, so the
two cannot disagree. The result is committed as content/schema/target.json (each target file's
first line points at it) and a test fails when it drifts. Regenerate it with

    python -m generator.schema > content/schema/target.json

The schema catches what one file can show on its own (field names and types, enums, patterns,
http(s) URLs, non-negative numbers, real dates via `format: date`, fields a status or kind
requires or forbids). Rules that span files (known ids, quotes in the report, id = file name,
updates in date order) stay with the validator, which is what the build trusts.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from generator import spec

SCHEMA_ID = "urn:hedong-open:schema:target"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# The validator's rule for free text (check.py): not blank, no invisible or text-direction
# characters (Trojan Source), no control characters except newline and tab. As one pattern
# (valid in Python and in ECMA-262 with or without the u flag): none of those characters
# anywhere, and something other than white space.
_HIDDEN = (
    r"\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u2069\ufeff"
)
VISIBLE_TEXT = rf"^(?=[^{_HIDDEN}]*$)\s*\S"

_LANG_DOC = {"zh": "Chinese / 中文", "en": "English / 英文"}


def _is_text(obj: spec.Obj) -> bool:
    return [k.name for k in obj.keys] == list(spec.LANGS)


def _schema(s: spec.Spec) -> dict[str, Any]:
    """One spec as a JSON Schema; `description` is the spec's bilingual doc."""
    out: dict[str, Any]
    if isinstance(s, spec.Obj):
        out = _object(s)
    elif isinstance(s, spec.List):
        out = {
            "type": ["array", "null"] if s.min_items == 0 else "array",
            "items": _schema(s.item),
            "maxItems": s.max_items,
        }
        if s.min_items:
            out["minItems"] = s.min_items
    elif isinstance(s, spec.MapOf):
        out = {"type": "object", "additionalProperties": _schema(s.value)}
        if s.key.pattern:
            out["propertyNames"] = {"pattern": s.key.pattern}
    elif isinstance(s, spec.Str):
        out = _string(s)
    elif isinstance(s, spec.Num):
        out = {"type": "number", "minimum": s.minimum}
    elif isinstance(s, spec.Date):
        out = {"type": "string", "pattern": spec.DATE_PATTERN, "format": "date"}
    elif isinstance(s, spec.Code):
        digits = s.digits
        out = {
            "anyOf": [
                {"type": "string", "pattern": rf"^\d{{{digits}}}$"},
                {"type": "integer", "minimum": 10 ** (digits - 1), "maximum": 10**digits - 1},
            ]
        }
    else:  # pragma: no cover - a new Spec class must be taught here
        raise TypeError(f"no JSON Schema for {type(s).__name__}")
    if s.doc:
        out["description"] = s.doc
    return out


def _string(s: spec.Str) -> dict[str, Any]:
    if s.enum:
        return {"type": "string", "enum": list(s.enum)}
    return {
        "type": "string",
        "minLength": s.min_len,
        "maxLength": s.max_len,
        "pattern": _ecma(s.pattern) if s.pattern else VISIBLE_TEXT,
    }


def _ecma(pattern: str) -> str:
    """Python's `\\"` means `"`; ECMA-262 in unicode mode (editors) refuses that escape."""
    return pattern.replace('\\"', '"').replace("\\'", "'")


def _object(obj: spec.Obj) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for key in obj.keys:
        prop = _schema(key.spec)
        if _is_text(obj) and "description" not in prop:
            prop["description"] = _LANG_DOC[key.name]
        properties[key.name] = prop
    out: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    required = [k.name for k in obj.keys if k.required]
    if required:
        out["required"] = required
    if obj.rules:
        out["allOf"] = [_rule(rule) for rule in obj.rules]
    if obj.one_of_required:
        out["anyOf"] = [{"required": [name]} for name in obj.one_of_required]
    return out


def _rule(rule: spec.RequireWhen) -> dict[str, Any]:
    then: dict[str, Any] = {}
    if rule.require:
        then["required"] = list(rule.require)
    if rule.forbid:
        then["not"] = {"anyOf": [{"required": [name]} for name in rule.forbid]}
    if rule.hint:
        from generator.errors import Msg

        then["description"] = Msg(rule.hint).text("en")
    return {
        "if": {"properties": {rule.key: {"enum": list(rule.values)}}, "required": [rule.key]},
        "then": then,
    }


def target_schema() -> dict[str, Any]:
    """The JSON Schema of one target file, built from spec.TARGET."""
    schema = _schema(spec.TARGET)
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "Hedong Open commitment (content/reports/<id>/targets/*.yaml) / 河东公开 承诺文件",
        **schema,
        "description": f"{spec.TARGET.doc}. Generated from generator/spec.py; the validator "
        "(python -m generator validate) also checks ids, quotes and dates "
        "across files. See docs/content.md.",
    }


def schema_bytes() -> bytes:
    """The schema as committed: sorted keys, 2-space indent, UTF-8, final newline."""
    text = json.dumps(target_schema(), ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


if __name__ == "__main__":
    sys.stdout.buffer.write(schema_bytes())
