"""YAML text → plain values plus the position of every key and value.

Uses libyaml's composer (PyYAML's CSafeLoader): it keeps line/column marks and is the fastest
loader measured here (performance-notes.md). Walking the node tree ourselves lets us refuse what
PyYAML's constructor accepts silently: duplicate keys, aliases (the "billion laughs" bomb),
non-standard tags and absurd nesting. Dates stay text; the validator parses them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is in every PyYAML wheel; the pure-Python composer is a slow fallback
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

MAX_DEPTH = 24
MAX_STRING = 20_000  # characters in one value
MAX_NODES = 50_000  # nodes in one file

Path = tuple[str | int, ...]

_constructor = yaml.constructor.SafeConstructor()
_STD = "tag:yaml.org,2002:"


class YamlProblem(Exception):
    """A problem at a 1-based (line, col) of the file being read."""

    def __init__(self, line: int, col: int, message: str, hint: str = ""):
        super().__init__(message)
        self.line, self.col, self.message, self.hint = line, col, message, hint


@dataclass(eq=False)  # identity: the loader's cache hands out the same object for an unchanged file
class YamlDoc:
    """One YAML file: its value and where each part of it was written (1-based line, col)."""

    file: str
    value: Any
    where: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_where: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def at(self, path: Path) -> tuple[int, int]:
        """Position of the value at `path`, or of the nearest enclosing value."""
        while path not in self.where and path:
            path = path[:-1]
        return self.where.get(path, (1, 1))

    def key_at(self, path: Path) -> tuple[int, int]:
        return self.key_where.get(path) or self.at(path)


def parse(text: str, file: str) -> YamlDoc:
    """Parse one YAML document; raise YamlProblem with a position on any refusal."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        context = exc.context_mark
        if context is not None and exc.context and context is not mark:
            problem += f" ({exc.context.strip()} at line {context.line + 1})"
            if "end of stream" in problem:  # an unclosed quote or bracket: point where it opened
                mark = context
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        lines = text.splitlines()
        bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
        hint = "indent with spaces, not tabs" if "\t" in bad_line else _syntax_hint(problem)
        raise YamlProblem(line, col, f"YAML syntax error: {problem}", hint) from None
    except yaml.YAMLError as exc:  # ReaderError: control characters and the like
        raise YamlProblem(1, 1, f"YAML error: {exc}".splitlines()[0]) from None
    except RecursionError:
        raise YamlProblem(1, 1, "nesting is too deep", "simplify the file") from None
    if root is None:
        raise YamlProblem(1, 1, "the file is empty", "see docs/content.md for what it should hold")
    doc = YamlDoc(file, None)
    walker = _Walker(doc)
    doc.value = walker.walk(root, (), 0)
    return doc


def _syntax_hint(problem: str) -> str:
    if "quoted scalar" in problem:
        return "close the quote that starts here"
    if "flow" in problem:
        return "close the [ or { that starts here"
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "put text that contains ': ' in quotes"
    if "found character '@'" in problem or "found character '`'" in problem:
        return "put the value in quotes"
    return "check indentation and quotes on this line and the one above"


class _Walker:
    def __init__(self, doc: YamlDoc):
        self.doc = doc
        self.seen: set[int] = set()

    def walk(self, node: yaml.Node, path: Path, depth: int) -> Any:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if id(node) in self.seen:
            raise YamlProblem(line, col, "YAML aliases (*name) are not allowed",
                              "write the value out in full")
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise YamlProblem(line, col, f"the file has more than {MAX_NODES} values",
                              "split it or shorten it")
        if depth > MAX_DEPTH:
            raise YamlProblem(line, col, f"nesting deeper than {MAX_DEPTH} levels",
                              "simplify the structure")
        self.doc.where[path] = (line, col)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, line, col)
        if isinstance(node, yaml.SequenceNode):
            self.check_tag(node, "seq", line, col)
            return [self.walk(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        self.check_tag(node, "map", line, col)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            kline, kcol = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _STD + "merge":
                raise YamlProblem(kline, kcol, "keys must be plain names",
                                  "merge keys (<<) and complex keys are not allowed")
            key = key_node.value
            if key in result:
                first = self.doc.key_where[(*path, key)]
                raise YamlProblem(kline, kcol, f"duplicate key '{key}' (first at line {first[0]})",
                                  "remove one of them")
            self.doc.key_where[(*path, key)] = (kline, kcol)
            result[key] = self.walk(value_node, (*path, key), depth + 1)
        return result

    @staticmethod
    def check_tag(node: yaml.Node, kind: str, line: int, col: int) -> None:
        if node.tag != _STD + kind:
            raise YamlProblem(line, col, f"YAML tag '{node.tag}' is not allowed",
                              "remove the '!' tag")

    @staticmethod
    def scalar(node: yaml.ScalarNode, line: int, col: int) -> Any:
        tag = node.tag
        if tag == _STD + "str" or tag == _STD + "timestamp":
            if len(node.value) > MAX_STRING:
                raise YamlProblem(line, col, f"text longer than {MAX_STRING} characters",
                                  "shorten it")
            return node.value
        if tag == _STD + "null":
            return None
        if tag in (_STD + "bool", _STD + "int", _STD + "float"):
            return _constructor.construct_object(node)
        raise YamlProblem(line, col, f"YAML tag '{tag}' is not allowed", "remove the '!' tag")
