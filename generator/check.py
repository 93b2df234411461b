"""Check a loaded YAML value against its spec (spec.py), collecting every problem with a position.

Returns nothing: a file whose structure has problems is not turned into a model, but every
problem in it is still reported, so one run shows them all.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from generator.errors import Diagnostic, Hint, Msg, Pos, did_you_mean
from generator.spec import LANGS, Code, Date, List, MapOf, Num, Obj, Spec, Str
from generator.yamlnodes import Path, YamlDoc

# Characters that reorder or hide text ("Trojan Source", CVE-2021-42574) or are invisible.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # Unicode category Cc but tab/newline
_HIDDEN = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")


class Checker:
    """Collects diagnostics for one YAML document."""

    def __init__(self, doc: YamlDoc, out: list[Diagnostic]):
        self.doc = doc
        self.out = out
        self.ok = True

    def problem(
        self,
        path: Path,
        code: str,
        args: dict[str, Any] | None = None,
        hint: Hint = None,
        *,
        key: bool = False,
    ) -> None:
        """Message `code` at the value (or, with key=True, the key) of `path`; `args` gets
        the field's label as `label`."""
        line, col = self.doc.key_at(path) if key else self.doc.at(path)
        values = {"label": _label(path), **(args or {})}
        self.out.append(Diagnostic(Pos(self.doc.file, line, col), code, values, hint))
        self.ok = False

    def check(self, spec: Spec, value: Any, path: Path = ()) -> None:
        if isinstance(spec, Obj):
            self._obj(spec, value, path)
        elif isinstance(spec, List):
            self._list(spec, value, path)
        elif isinstance(spec, MapOf):
            if not isinstance(value, dict):
                self._type(spec, value, path)
                return
            for key, item in value.items():
                if spec.key.pattern and not re.match(spec.key.pattern, key):
                    self.problem(
                        (*path, key), "invalid_key", {"label": _label(path), "key": key}, key=True
                    )
                self.check(spec.value, item, (*path, key))
        elif isinstance(spec, Str):
            self._str(spec, value, path)
        elif isinstance(spec, Num):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self._type(spec, value, path, "hint.digits_only")
            elif not math.isfinite(value):
                self.problem(path, "number_not_finite")
            elif value < spec.minimum:
                self.problem(path, "number_negative")
        elif isinstance(spec, Date):
            self._date(value, path)
        elif isinstance(spec, Code):
            text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
            if not isinstance(text, str) or not re.fullmatch(rf"\d{{{spec.digits}}}", text):
                self.problem(path, "code_digits", {"digits": spec.digits}, "code_digits.hint")

    def _type(self, spec: Spec, value: Any, path: Path, hint: Hint = None) -> None:
        code = "wrong_type" if path else "file_wrong_type"  # the whole file has no label
        if not path and isinstance(spec, Obj) and isinstance(value, list):
            hint = "hint.file_list"  # `- id: …`: the fields written as a list's item
        self.problem(path, code, {"expected": type_name(spec), "found": describe(value)}, hint)

    def _obj(self, spec: Obj, value: Any, path: Path) -> None:
        if not isinstance(value, dict):
            self._type(spec, value, path, "hint.text_lines" if _is_text(spec) else None)
            return
        names = [k.name for k in spec.keys]
        for key in value:
            if key not in names:  # spec.key(key) is None, without a generator per key
                hint: tuple[Msg | None, ...] = (did_you_mean(key, names),)
                if _is_text(spec):
                    hint += (Msg("hint.comma_splits"),)
                self.problem((*path, key), "unknown_field", None, hint, key=True)
        for k in spec.keys:
            if k.name in value:
                self.check(k.spec, value[k.name], (*path, k.name))
            elif k.required:
                code = "missing_field_in" if path else "missing_field"
                self.problem(path, code, {"name": k.name}, _field_hint(k))
        for rule in spec.rules:
            if value.get(rule.key) in rule.values:
                for name in rule.require:
                    if name not in value:
                        self.problem(
                            (*path, rule.key),
                            "rule_requires" if path else "rule_requires_here",
                            {"where": _label(path), "key": rule.key, "value": value[rule.key]}
                            | {"name": name},
                            rule.hint,
                        )
                for name in rule.forbid:
                    if name in value:
                        self.problem(
                            (*path, name),
                            "rule_forbids",
                            {"name": name, "key": rule.key, "value": value[rule.key]},
                            rule.hint,
                            key=True,
                        )

    def _list(self, spec: List, value: Any, path: Path) -> None:
        if value is None and spec.min_items == 0:
            return
        if not isinstance(value, list):
            self._type(spec, value, path, "hint.list_items")
            return
        if len(value) < spec.min_items:
            self.problem(path, "too_few_items", {"n": spec.min_items})
        if len(value) > spec.max_items:
            self.problem(path, "too_many_items", {"n": spec.max_items})
            return
        for i, item in enumerate(value):
            self.check(spec.item, item, (*path, i))

    def _str(self, spec: Str, value: Any, path: Path) -> None:
        if not isinstance(value, str):
            hint = "hint.quote_text" if value is not None else "hint.fill_in"
            if isinstance(value, bool):
                hint = "hint.yes_no"
            self._type(spec, value, path, hint)
            return
        stripped = value.strip()
        if len(stripped) < spec.min_len:
            self.problem(path, "empty_text")
            return
        if len(value) > spec.max_len:
            self.problem(path, "too_long", {"n": spec.max_len}, "hint.shorten")
        if _HIDDEN.search(value) or _CONTROL.search(value):
            self.problem(path, "hidden_characters", None, "hidden_characters.hint")
        if spec.enum and value not in spec.enum:
            named = _by_label(value, spec.enum)  # 推进中 typed for in_progress
            suggestion = (
                Msg("did_you_mean", {"name": named}) if named else did_you_mean(value, spec.enum)
            )
            self.problem(path, "not_allowed", {"value": value}, suggestion)
        elif spec.pattern and not re.match(spec.pattern, value):
            fix = spec.hint or _pattern_hint(spec.pattern)
            self.problem(path, "not_valid", {"value": _short(value)}, fix)

    def _date(self, value: Any, path: Path) -> None:
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            self.problem(path, "not_a_date", {"found": describe(value)}, "not_a_date.hint")
            return
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            self.problem(path, "not_real_date", {"value": value}, "not_real_date.hint")


def _is_text(spec: Obj) -> bool:
    return [k.name for k in spec.keys] == ["zh", "en"]


def _label(path: Path) -> str:
    parts: list[str] = []
    for p in path:
        if isinstance(p, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}[{p}]"]
        else:
            parts.append(p)
    return ".".join(parts)


def _short(value: str) -> str:
    return value if len(value) <= 60 else value[:57] + "…"


def _field_hint(key: Any) -> Msg:
    if isinstance(key.spec, Date):
        return Msg("hint.add_date", {"name": key.name})
    if isinstance(key.spec, Obj) and _is_text(key.spec):
        return Msg("hint.add_text", {"name": key.name})
    return Msg("hint.add_field", {"name": key.name})


def _pattern_hint(pattern: str) -> str | None:
    if "https?" in pattern:
        return "hint.full_url"
    if "a-z0-9" in pattern:
        return "hint.id_characters"
    return None


def type_name(spec: Spec) -> Msg:
    """How a spec is named to a staff member in 'expected …' messages."""
    names: dict[type, str] = {
        Str: "type.text",
        Num: "type.number",
        Date: "type.date",
        List: "type.list",
        MapOf: "type.mapping",
        Obj: "type.mapping",
    }
    if isinstance(spec, Code):
        return Msg("type.code", {"digits": spec.digits})
    if isinstance(spec, Obj) and [k.name for k in spec.keys] == list(LANGS):
        return Msg("type.bilingual")
    return Msg(names.get(type(spec), "type.value"))


def describe(value: Any) -> Msg:
    """What was found instead, in words: 'text', 'number 5', 'nothing'."""
    if value is None:
        return Msg("found.nothing")
    if isinstance(value, bool):
        return Msg("found.yes_no", {"value": value})
    if isinstance(value, (int, float)):
        return Msg("found.number", {"value": value})
    if isinstance(value, str):
        return Msg("found.text")
    if isinstance(value, list):
        return Msg("found.list")
    return Msg("found.mapping")


def _by_label(value: str, allowed: tuple[str, ...] | list[str]) -> str | None:
    """The allowed value whose label on the site is `value` (a status typed as the site shows
    it, 推进中 or "In progress"), from the catalogue's `status.<value>` texts."""
    from generator.catalogue import catalogue

    words = catalogue()
    for option in allowed:
        key = f"status.{option}"
        if key in words and value.strip().lower() in {
            words.text(key, "zh").lower(),
            words.text(key, "en").lower(),
        }:
            return str(option)
    return None
