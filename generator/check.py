"""Check a loaded YAML value against its spec (spec.py), collecting every problem with a position.

Returns nothing: a file whose structure has problems is not turned into a model, but every
problem in it is still reported, so one run shows them all.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from generator.errors import Diagnostic, Pos, did_you_mean
from generator.spec import Code, Date, List, MapOf, Num, Obj, Spec, Str, describe, type_name
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

    def problem(self, path: Path, message: str, hint: str = "", *, key: bool = False) -> None:
        line, col = self.doc.key_at(path) if key else self.doc.at(path)
        self.out.append(Diagnostic(Pos(self.doc.file, line, col), message, hint))
        self.ok = False

    def check(self, spec: Spec, value: Any, path: Path = ()) -> None:
        label = _label(path)
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
                    self.problem((*path, key), f"{label}: '{key}' is not a valid id", key=True)
                self.check(spec.value, item, (*path, key))
        elif isinstance(spec, Str):
            self._str(spec, value, path, label)
        elif isinstance(spec, Num):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self._type(spec, value, path, "write digits only, without units or commas")
            elif not math.isfinite(value):
                self.problem(path, f"{label}: the number must be finite")
            elif value < spec.minimum:
                self.problem(path, f"{label}: the number must not be negative")
        elif isinstance(spec, Date):
            self._date(value, path, label)
        elif isinstance(spec, Code):
            text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
            if not isinstance(text, str) or not re.fullmatch(rf"\d{{{spec.digits}}}", text):
                self.problem(
                    path,
                    f"{label}: expected a {spec.digits}-digit code",
                    'write it in quotes, e.g. "140802"',
                )

    def _type(self, spec: Spec, value: Any, path: Path, hint: str = "") -> None:
        self.problem(
            path, f"{_label(path)}: expected {type_name(spec)}, found {describe(value)}", hint
        )

    def _obj(self, spec: Obj, value: Any, path: Path) -> None:
        if not isinstance(value, dict):
            hint = "write it as zh: … and en: … on two indented lines" if _is_text(spec) else ""
            self._type(spec, value, path, hint)
            return
        names = [k.name for k in spec.keys]
        for key in value:
            if spec.key(key) is None:
                hint = did_you_mean(key, names)
                if _is_text(spec):
                    split = "quote the text: a comma in {zh: …, en: …} splits it"
                    hint = f"{hint}; {split}" if hint else split
                self.problem(
                    (*path, key), f"unknown field '{_label((*path, key))}'", hint, key=True
                )
        for k in spec.keys:
            if k.name in value:
                self.check(k.spec, value[k.name], (*path, k.name))
            elif k.required:
                where = f" in {_label(path)}" if path else ""
                self.problem(path, f"missing required field '{k.name}'{where}", _field_hint(k))
        for rule in spec.rules:
            if value.get(rule.key) in rule.values:
                for name in rule.require:
                    if name not in value:
                        self.problem(
                            (*path, rule.key),
                            f"{_label(path) or 'this'} with {rule.key} "
                            f"'{value[rule.key]}' needs '{name}'",
                            rule.hint,
                        )
                for name in rule.forbid:
                    if name in value:
                        self.problem(
                            (*path, name),
                            f"'{name}' does not apply when {rule.key} is '{value[rule.key]}'",
                            rule.hint,
                            key=True,
                        )

    def _list(self, spec: List, value: Any, path: Path) -> None:
        if value is None and spec.min_items == 0:
            return
        if not isinstance(value, list):
            self._type(spec, value, path, "start each item on its own line with '- '")
            return
        if len(value) < spec.min_items:
            self.problem(path, f"{_label(path)}: needs at least {spec.min_items} item(s)")
        if len(value) > spec.max_items:
            self.problem(path, f"{_label(path)}: more than {spec.max_items} items")
            return
        for i, item in enumerate(value):
            self.check(spec.item, item, (*path, i))

    def _str(self, spec: Str, value: Any, path: Path, label: str) -> None:
        if not isinstance(value, str):
            hint = "put the text in quotes" if value is not None else "fill in the value"
            if isinstance(value, bool):
                hint = "put it in quotes: YAML reads yes/no/on/off as true/false"
            self._type(spec, value, path, hint)
            return
        stripped = value.strip()
        if len(stripped) < spec.min_len:
            self.problem(path, f"{label}: must not be empty")
            return
        if len(value) > spec.max_len:
            self.problem(path, f"{label}: longer than {spec.max_len} characters", "shorten it")
        if _HIDDEN.search(value) or _CONTROL.search(value):
            self.problem(
                path,
                f"{label}: contains invisible or text-direction control characters",
                "retype the text; copy-paste from some programs adds them",
            )
        if spec.enum and value not in spec.enum:
            self.problem(path, f"{label}: '{value}' is not allowed", did_you_mean(value, spec.enum))
        elif spec.pattern and not re.match(spec.pattern, value):
            hint = spec.hint or _pattern_hint(spec.pattern)
            self.problem(path, f"{label}: '{_short(value)}' is not valid", hint)

    def _date(self, value: Any, path: Path, label: str) -> None:
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            self.problem(
                path,
                f"{label}: expected a date YYYY-MM-DD, found {describe(value)}",
                "e.g. 2021-12-31",
            )
            return
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            self.problem(path, f"{label}: {value} is not a real date", "check month and day")


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


def _field_hint(key: Any) -> str:
    if isinstance(key.spec, Date):
        return f"add {key.name}: YYYY-MM-DD"
    if isinstance(key.spec, Obj) and _is_text(key.spec):
        return f"add {key.name}: with zh: and en: lines below it"
    return f"add {key.name}:"


def _pattern_hint(pattern: str) -> str:
    if "https?" in pattern:
        return "use a full http:// or https:// address"
    if "a-z0-9" in pattern:
        return "use lowercase letters, digits and hyphens only"
    return ""
