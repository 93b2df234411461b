"""The site's words all come from the message catalogue, and the catalogue holds no dead words:
every key the templates, charts and data exports use exists in both languages, and every key
of ui.yaml and fields.yaml is used somewhere (templates or Python). A key made at run time
("status." ~ s) counts only through DYNAMIC below, which says which keys it can make."""

from __future__ import annotations

import ast
import re

import yaml

from generator import exports, spec
from generator.catalogue import FOLDER, catalogue
from generator.charts import _WORDS
from generator.progress import STATUS_ORDER
from generator.render import TEMPLATES

PACKAGE = FOLDER.parent
KEY = r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+"
NAV = ("home", "targets", "counties", "report", "changes", "data", "about")  # header.html
# every key made from a prefix at run time, by prefix: what the prefix can be followed by
DYNAMIC: dict[str, tuple[str, ...]] = {
    "status.": STATUS_ORDER,
    "status.explain.": STATUS_ORDER,
    "schedule.": ("done", "ahead", "on_schedule", "behind"),  # progress.schedule
    "lang.": spec.LANGS,
    "nav.": NAV,
    "comparator.": spec.COMPARATORS,
    "kind.": spec.KINDS,
    "publisher.kind.": spec.PUBLISHER_KINDS,
    "field.": tuple(name for name, _ in exports.FIELDS),
    "notfound.": ("title", "lead", "home", "targets", "search"),  # pages/about.py
}
OWN_FILES = ("ui.yaml", "fields.yaml")


def own_keys() -> dict[str, str]:
    keys = {}
    for name in OWN_FILES:
        data = yaml.safe_load((FOLDER / name).read_text(encoding="utf-8")) or {}
        keys.update({key: name for key in data})
    return keys


def template_texts() -> dict[str, str]:
    return {
        p.relative_to(TEMPLATES).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(TEMPLATES.rglob("*"))
        if p.suffix in (".html", ".xml")
    }


def python_strings() -> tuple[set[str], set[str]]:
    """Every string constant of the package, and every prefix of an f-string like f"a.{x}"."""
    literals, prefixes = set(), set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and str(first.value).endswith("."):
                    prefixes.add(first.value)
    return literals, prefixes


def template_keys() -> tuple[set[str], set[str], set[str]]:
    """Keys that templates pass to t() or t_in(), every quoted literal, and the prefixes of keys
    made with `'prefix.' ~ value`."""
    called, literals, prefixes = set(), set(), set()
    for text in template_texts().values():
        called |= set(re.findall(rf"\bt(?:_in)?\((?:[^,()']*,\s*)?'({KEY})'", text))
        literals |= set(re.findall(rf"'({KEY})'", text))
        prefixes |= set(re.findall(r"'([a-z][a-z0-9_.]*\.)' ~", text))
    return called, literals, prefixes


def test_every_key_the_templates_charts_and_exports_use_exists_in_both_languages():
    entries = catalogue().entries
    called, _, prefixes = template_keys()
    used = set(called) | set(_WORDS.values())
    for module in ("charts.py", "mapdraw.py", "exports.py"):
        text = (PACKAGE / module).read_text(encoding="utf-8")
        used |= set(re.findall(rf"\btext\([\"']({KEY})[\"']", text))
    for prefix in prefixes | {"field."}:
        used |= {prefix + value for value in DYNAMIC[prefix]}
    missing = sorted(key for key in used if key not in entries)
    assert not missing, f"used but not in generator/catalogue/: {missing}"
    for key in used:
        assert all(entries[key][lang] is not None for lang in ("zh", "en")), key


def test_every_key_made_at_run_time_is_declared():
    """A new `'prefix.' ~ value` in a template, or f"prefix.{value}" in Python, for keys of
    ui.yaml or fields.yaml must be added to DYNAMIC with the values it can take."""
    _, _, template_prefixes = template_keys()
    _, python_prefixes = python_strings()
    ours = own_keys()
    found = {p for p in template_prefixes | python_prefixes if any(k.startswith(p) for k in ours)}
    undeclared = sorted(found - set(DYNAMIC))
    assert not undeclared, f"add these prefixes to DYNAMIC: {undeclared}"


def test_every_key_of_ui_and_fields_is_used():
    _, template_literals, _ = template_keys()
    python_literals, _ = python_strings()
    used = template_literals | python_literals
    used |= {prefix + value for prefix, values in DYNAMIC.items() for value in values}
    unused = sorted(f"{file}: {key}" for key, file in own_keys().items() if key not in used)
    assert not unused, f"never used (remove them, or declare how they are used): {unused}"
