"""YAML text → plain values plus the position of every key and value.

Uses libyaml's composer (PyYAML's CSafeLoader): it keeps line/column marks and is the fastest
loader measured here (docs/performance.md). Walking the node tree ourselves lets us refuse what
PyYAML's constructor accepts silently: duplicate keys, aliases (the "billion laughs" bomb),
non-standard tags and absurd nesting. Dates stay text; the validator parses them.
"""

from __future__ import annotations

import sys
import zlib
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.errors import Msg

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
_STR, _TIMESTAMP, _MERGE = _STD + "str", _STD + "timestamp", _STD + "merge"
_SCALARS = {
    _STD + "bool": _constructor.construct_yaml_bool,
    _STD + "int": _constructor.construct_yaml_int,
    _STD + "float": _constructor.construct_yaml_float,
}


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class YamlProblem(Exception):
    """A problem at a 1-based (line, col) of the file being read: a message id of the
    catalogue with its values (`msg`), and a hint (`hint`, a Msg or None)."""

    def __init__(self, line: int, col: int, msg: Msg, hint: Msg | None = None):
        super().__init__(msg.text("en"))
        self.line, self.col, self.msg, self.hint = line, col, msg, hint

    @property
    def message(self) -> str:
        return self.msg.text("en")


@dataclass(eq=False)  # identity: the loader's cache hands out the same object for an unchanged file
class YamlDoc:
    """One YAML file: its value, and where to find its text to say where each part was written.

    Positions are looked up only when a problem is reported: the node tree is composed again
    from the text then, and kept for that file only. Holding 10,000 files' node trees (with a
    Python object per mark) instead took about 200 MB at 10,000 targets. A file read from disk
    (`disk`) is not held as text either (15 MB at 10,000 targets): it is read again,
    and used only if it is still the text that was parsed (`crc`); else positions are (1, 1).
    """

    file: str
    value: Any
    text: str = field(default="", repr=False)  # the text, when it was not read from `disk`
    disk: str = field(default="", repr=False)  # the file's path, when it was
    crc: int = field(default=0, repr=False)  # zlib.crc32 of the text that was parsed
    _root: yaml.Node | None = field(default=None, repr=False)

    @property
    def root(self) -> yaml.Node | None:
        if self._root is None:
            text = self.text or self._reread()
            if not text:
                return None
            try:
                self._root = yaml.compose(text, Loader=_Loader)
            except yaml.YAMLError:  # pragma: no cover - the text parsed once already
                return None
        return self._root

    def _reread(self) -> str:
        """The file's text again, as the loader decoded it, if it is still the parsed one."""
        if not self.disk:
            return ""
        try:
            with open(self.disk, "rb") as f:
                text = decoded(f.read())
        except (OSError, UnicodeDecodeError):
            return ""
        return text if zlib.crc32(text.encode("utf-8")) == self.crc else ""

    def _node(self, path: Path) -> tuple[yaml.Node | None, yaml.Node | None, Path]:
        """(value node, key node) at `path` or at the nearest enclosing path that exists."""
        node, key_node = self.root, None
        found: Path = ()
        for step in path:
            if isinstance(node, yaml.MappingNode) and isinstance(step, str):
                pair = next(((k, v) for k, v in node.value if k.value == step), None)
                if pair is None:
                    break
                key_node, node = pair
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(step, int)
                and 0 <= step < len(node.value)
            ):
                key_node, node = None, node.value[step]
            else:
                break
            found = (*found, step)
        return node, key_node, found

    def at(self, path: Path) -> tuple[int, int]:
        """1-based (line, col) of the value at `path`, or of the nearest enclosing value."""
        node, _, _ = self._node(path)
        return (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)

    def key_at(self, path: Path) -> tuple[int, int]:
        """Position of the key of `path` (where an unknown or misplaced field is written)."""
        node, key_node, found = self._node(path)
        if key_node is not None and found == tuple(path):
            return key_node.start_mark.line + 1, key_node.start_mark.column + 1
        return self.at(path)


def decoded(data: bytes) -> str:
    """A content file's bytes as the loader reads them: UTF-8 (a byte-order mark dropped),
    Windows line ends as \\n. One function, so that a file read again for positions is read
    exactly as it was for parsing (raises UnicodeDecodeError)."""
    return data.decode("utf-8-sig").replace("\r\n", "\n")


def parse(text: str, file: str, disk: str = "") -> YamlDoc:
    """Parse one YAML document; raise YamlProblem with a position on any refusal. `disk`: the
    path the text was read from, read again for positions instead of holding the text."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        said = _said(problem)
        context = exc.context_mark
        if context is not None and exc.context and context is not mark:
            while_ = _said(exc.context.strip(), context.line + 1)
            said = Msg("yaml.while", {"problem": said, "context": while_})
            problem += f" ({exc.context.strip()})"
            if "end of stream" in problem:  # an unclosed quote or bracket: point where it opened
                mark = context
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        lines = text.splitlines()
        bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
        hint = "hint.tabs" if "\t" in bad_line else _syntax_hint(problem)
        raise YamlProblem(line, col, Msg("yaml_syntax", {"problem": said}), Msg(hint)) from None
    except yaml.YAMLError as exc:  # ReaderError: control characters and the like
        problem = (str(exc).splitlines() or [""])[0]
        raise YamlProblem(1, 1, Msg("yaml_error", {"problem": problem})) from None
    except RecursionError:
        raise YamlProblem(1, 1, Msg("nesting_too_deep"), Msg("nesting_too_deep.hint")) from None
    if root is None:
        raise YamlProblem(1, 1, Msg("empty_file"), Msg("empty_file.hint"))
    value = _Walker().walk(root, 0)
    if disk:
        return YamlDoc(file, value, disk=disk, crc=zlib.crc32(text.encode("utf-8")))
    return YamlDoc(file, value, text)


# libyaml's problems and contexts, as message ids (the English texts are libyaml's own words)
_SAID = {
    "found unexpected end of stream": "yaml.end_of_stream",
    "did not find expected key": "yaml.expected_key",
    "could not find expected ':'": "yaml.expected_colon",
    "mapping values are not allowed in this context": "yaml.mapping_here",
    "found character that cannot start any token": "yaml.bad_character",
    "did not find expected '-' indicator": "yaml.expected_dash",
    "did not find expected ',' or ']'": "yaml.expected_bracket",
    "did not find expected ',' or '}'": "yaml.expected_brace",
    "did not find expected node content": "yaml.expected_content",
    "block sequence entries are not allowed in this context": "yaml.sequence_here",
    "found unknown escape character": "yaml.unknown_escape",
    "found a tab character that violates indentation": "yaml.tab",
    "found a tab character where an indentation space is expected": "yaml.tab_expected",
    "while scanning a quoted scalar": "yaml.in_quoted",
    "while parsing a quoted scalar": "yaml.in_quoted_parse",
    "while scanning a simple key": "yaml.in_key",
    "while parsing a block mapping": "yaml.in_mapping",
    "while parsing a block collection": "yaml.in_list",
    "while parsing a flow mapping": "yaml.in_flow_mapping",
    "while parsing a flow sequence": "yaml.in_flow_list",
    "while scanning for the next token": "yaml.in_line",
    "while scanning a plain scalar": "yaml.in_text",
    "while scanning a block scalar": "yaml.in_block_text",
    "while parsing a block node": "yaml.in_node",
    "while parsing a flow node": "yaml.in_flow_node",
}


def _said(text: str, line: int | None = None) -> Msg:
    """What libyaml said, as a message: one of those above, else its own words."""
    code = _SAID.get(text)
    if line is None:
        return Msg(code) if code else Msg("yaml.said", {"text": text})
    return Msg(code, {"line": line}) if code else Msg("yaml.said_at", {"text": text, "line": line})


def _syntax_hint(problem: str) -> str:
    """The hint (a message id) for one of libyaml's problems."""
    if "quoted scalar" in problem:
        return "hint.close_quote"
    if "flow" in problem:
        return "hint.close_bracket"
    if "tab" in problem:
        return "hint.tabs"
    if "mapping values are not allowed" in problem:
        return "hint.quote_colon"
    if "found character '@'" in problem or "found character '`'" in problem:
        return "hint.quote_value"
    return "hint.check_indentation"


# Keys and short values (ids, statuses, dates, "zh"/"en") are interned: libyaml makes a new
# string for every scalar, and at 10,000 target files the same few hundred words took 26 MB,
# one copy per file.
_intern = sys.intern
SHORT = 24  # characters: values up to this long are interned


class _Walker:
    def __init__(self) -> None:
        self.seen: set[int] = set()

    def walk(self, node: yaml.Node, depth: int) -> Any:
        if id(node) in self.seen:
            raise YamlProblem(*_pos(node), Msg("yaml_alias"), Msg("yaml_alias.hint"))
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise YamlProblem(
                *_pos(node), Msg("too_many_values", {"n": MAX_NODES}), Msg("hint.split_shorten")
            )
        if depth > MAX_DEPTH:
            raise YamlProblem(
                *_pos(node), Msg("nesting_deeper", {"n": MAX_DEPTH}), Msg("nesting_deeper.hint")
            )
        cls = node.__class__
        if cls is yaml.ScalarNode:  # an identity test, faster than isinstance on this hot path
            return self.scalar(node)  # type: ignore[arg-type]
        if cls is yaml.SequenceNode:
            self.check_tag(node, "seq")
            return [self.walk(item, depth + 1) for item in node.value]
        self.check_tag(node, "map")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode or key_node.tag == _MERGE:
                raise YamlProblem(*_pos(key_node), Msg("plain_keys"), Msg("plain_keys.hint"))
            key = _intern(key_node.value)
            if key in result:
                first = next(k for k, _ in node.value if k.value == key)
                raise YamlProblem(
                    *_pos(key_node),
                    Msg("duplicate_key", {"key": key, "line": first.start_mark.line + 1}),
                    Msg("duplicate_key.hint"),
                )
            result[key] = self.walk(value_node, depth + 1)
        return result

    @staticmethod
    def check_tag(node: yaml.Node, kind: str) -> None:
        if node.tag != _STD + kind:
            raise YamlProblem(*_pos(node), Msg("yaml_tag", {"tag": node.tag}), Msg("yaml_tag.hint"))

    @staticmethod
    def scalar(node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR or tag == _TIMESTAMP:
            if len(node.value) > MAX_STRING:
                raise YamlProblem(
                    *_pos(node), Msg("text_too_long", {"n": MAX_STRING}), Msg("hint.shorten")
                )
            value = node.value
            return _intern(value) if len(value) <= SHORT else value
        if tag == _STD + "null":
            return None
        make = _SCALARS.get(tag)
        if make is not None:  # not construct_object: it caches every node it ever saw
            return make(node)
        raise YamlProblem(*_pos(node), Msg("yaml_tag", {"tag": tag}), Msg("yaml_tag.hint"))
