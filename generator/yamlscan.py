"""Input-method slips in YAML syntax, found in the text before it is parsed.

Staff type in a Chinese input method, which writes full-width punctuation: a colon `：` after a
key, a comma `，` between the items of `[a, b]`, a full-width space `　` in the indentation, or
Chinese quotation marks `“ ”` where YAML wants `" "`. libyaml then either misreads the file
silently (curly quotes become part of a title) or gives up a line later with a message about
"simple keys". This scanner reads the file line by line, only where YAML's own syntax goes
(indentation, keys, list markers, flow brackets), and names each slip at its exact line and
column. Full-width punctuation inside values is left alone: Chinese text is full of `：` and `，`.

It also finds the commonest slip of following the staff guide: items added under
`updates: []`, which libyaml reports one line late as "did not find expected key"; and a key
typed without its colon or the space after it (`title 运城市新建学校`), named at the key by
yamlcolon.py from the shape of each line this scan reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator import yamlcolon
from generator.errors import Msg
from generator.yamlcolon import INSIDE_SHAPE, Shape

# Quick tests that most files pass without a line-by-line scan (at 10,000 targets the scan of
# every file would cost seconds): characters that are slips wherever they are, a full-width
# colon after a letter or digit, Chinese quotation marks after a colon, and the patterns below,
# each starting with a literal (Python's re then skips ahead quickly).
_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
# a line that begins with a key's name and then blanks and a value, or a colon and no blank:
# a key that lacks its colon or the space after it (yamlcolon.py)
# (possessive: a line like `  zh: …` fails at its colon without trying shorter names)
_NO_COLON = re.compile(r"\n[ \t]*+(?:-[ \t]+)*+[A-Za-z_][A-Za-z0-9_-]*+(?:[ \t　]+[^\s#]|:[^\s:])")
_MAYBE = (
    re.compile(r"，[ \t]*[A-Za-z_]"),  # a full-width comma before a key
    re.compile(r"\[[^\]\n]*，"),  # a full-width comma between [ ] items
    re.compile(r"\[\][ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*[ \t-]"),  # [] then items
    re.compile(r"\{\}[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*[ \t-]"),
    _NO_COLON,
)
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[ \t]*([:：])")
_BLOCK = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")
# `key: []` (or {}) followed, after blank and comment lines, by a line that is more indented,
# or by a list item at the same indentation: items meant for the list
_EMPTY_THEN_ITEMS = re.compile(
    r"^( *)([A-Za-z_][A-Za-z0-9_-]*):[ \t]*(\[\]|\{\})[ \t]*(?:#[^\n]*)?\n"
    r"(?:[ \t]*(?:#[^\n]*)?\n)*"
    r"(?:\1[ \t]+\S|\1-[ \t])",
    re.M,
)
# values that are the report's (or a document's) own words, where “ ” are the text's own
_VERBATIM = {"quote", "text"}
MAX_SLIPS = 20

FULLWIDTH = {"：": ":", "，": ",", "［": "[", "｛": "{", "－": "-"}
# what each full-width mark is called (message ids of generator/catalogue/diagnostics.yaml)
NAMES = {"［": "mark.bracket", "｛": "mark.brace", "－": "mark.dash"}


@dataclass(frozen=True)
class Slip:
    """A slip at a 1-based line and column (code points), with its message and hint."""

    line: int
    col: int
    message: Msg
    hint: Msg


def _replace(char: str) -> Msg:
    return Msg(
        "hint.replace_fullwidth",
        {"name": Msg(NAMES[char]), "char": char, "ascii": FULLWIDTH[char]},
    )


_COLON_HINT = Msg("hint.replace_colon")
_COMMA_HINT = Msg("hint.replace_comma")
_SPACE_HINT = Msg("hint.replace_space")


def scan(text: str) -> list[Slip]:
    """Every slip in the text, in order (at most MAX_SLIPS)."""
    if not _maybe(text):
        return []
    scanner = _Scanner()
    for number, line in enumerate(text.split("\n"), 1):
        scanner.line(number, line)
        if len(scanner.slips) >= MAX_SLIPS:
            break
    if not scanner.slips:  # a line late is all libyaml manages for these
        scanner.slips += [Slip(*found) for found in yamlcolon.missing(scanner.shapes)]
    for match in _EMPTY_THEN_ITEMS.finditer(text):
        at = text.count("\n", 0, match.start()) + 1
        key, empty = match.group(2), match.group(3)
        scanner.slips.append(
            Slip(
                at,
                match.start(3) - match.start() + 1,
                Msg(
                    "empty_list_then_items" if empty == "[]" else "empty_mapping_then_items",
                    {"key": key, "empty": empty},
                ),
                Msg("empty_then_items.hint", {"key": key, "empty": empty}),
            )
        )
    return sorted(set(scanner.slips), key=lambda s: (s.line, s.col))[:MAX_SLIPS]


def _maybe(text: str) -> bool:
    """Whether the text may hold a slip (False: it certainly holds none)."""
    if "　" in text or "－" in text or "［" in text or "｛" in text or "\u00a0" in text:
        return True
    for char, before in (("：", _KEY_CHARS), ("“", ":"), ("‘", ":")):
        i = text.find(char)
        while i >= 0:
            j = i - 1
            while j >= 0 and text[j] in " \t":
                j -= 1
            if j >= 0 and text[j] in before:
                return True
            i = text.find(char, i + 1)
    if _NO_COLON.match("\n" + text[:200]):  # the first line
        return True
    return any(pattern.search(text) for pattern in _MAYBE)


class _Scanner:
    """State carried from line to line: a block scalar's indentation, an open quote, the
    open flow brackets."""

    def __init__(self) -> None:
        self.slips: list[Slip] = []
        self.block: int | None = None  # inside a `|` or `>` scalar indented more than this
        self.quote = ""  # an open quoted scalar: '"' or "'"
        self.flow: list[str] = []  # open '[' and '{'
        self.number = 0
        self.shapes: list[Shape] = []  # every line but blanks and comments (yamlcolon.py)
        self.shape: Shape | None = None

    def slip(self, col: int, message: Msg, hint: Msg) -> None:
        self.slips.append(Slip(self.number, col + 1, message, hint))

    def line(self, number: int, line: str) -> None:
        self.number = number
        if self.block is not None:
            stripped = line.lstrip(" ")
            if not stripped or len(line) - len(stripped) > self.block:
                if stripped:
                    self.shapes.append(INSIDE_SHAPE)
                return
            self.block = None
        i = 0
        if self.quote or self.flow:
            self.shapes.append(INSIDE_SHAPE)
        if self.quote:
            i = self.close_quote(line, 0)
            if self.quote:
                return
        if self.flow:
            self.flow_part(line, i)
            return
        self.shape = None
        self.block_line(line)
        if self.shape is not None and i == 0:
            open_ = self.shape.kind == yamlcolon.KEY and (
                self.block is not None or self.quote or self.flow
            )
            self.shapes.append(replace(self.shape, kind=yamlcolon.OPEN) if open_ else self.shape)

    # -- block context ----------------------------------------------------------------------

    def block_line(self, line: str) -> None:
        i, n = 0, len(line)
        while i < n and line[i] in " \t　\u00a0":
            if line[i] == "　":
                self.slip(i, Msg("fullwidth_indent"), Msg("fullwidth_indent.hint"))
                return
            if line[i] == "\u00a0":  # pasted from Word or a web page
                self.slip(i, Msg("nbsp_indent"), Msg("nbsp_indent.hint"))
                return
            i += 1
        indent = i
        while i < n and line[i] in "-－" and (i + 1 == n or line[i + 1] in " \t　"):
            if line[i] == "－":
                self.slip(i, Msg("fullwidth_dash"), _replace("－"))
                return
            if i + 1 < n and line[i + 1] == "　":
                self.slip(i + 1, Msg("fullwidth_space_after", {"after": "-"}), _SPACE_HINT)
                return
            i += 1
            while i < n and line[i] in " \t":
                i += 1
        if i >= n or line[i] == "#":
            if i > indent:
                self.shape = Shape(self.number, indent, i, yamlcolon.ITEM)
            return
        key = _KEY.match(line, i)
        self.shape = self.shape_of(line, indent, i, key)
        if key is None:
            self.value(line, i, "", indent)
            return
        name = key.group(1)
        if key.group(2) == "：":
            self.slip(key.start(2), Msg("fullwidth_colon", {"key": name}), _COLON_HINT)
            return
        j = key.end()
        if j < n and line[j] == "　":
            self.slip(j, Msg("fullwidth_space_after", {"after": f"{name}:"}), _SPACE_HINT)
            return
        if j < n and line[j] not in " \t":
            return  # `a:b` is text, not a key (a URL, a time)
        while j < n and line[j] in " \t":
            j += 1
        self.value(line, j, name, indent)

    def shape_of(self, line: str, indent: int, i: int, key: re.Match[str] | None) -> Shape:
        """What the line is, for yamlcolon.py (from its content at i)."""
        kind, name = yamlcolon.TEXT, ""
        j = _skip_spaces(line, key.end()) if key else i
        if "\t" in line[:indent]:
            pass  # tabs: libyaml's own message names them
        elif key is not None and (key.end() == len(line) or line[key.end()] in " \t"):
            kind = yamlcolon.EMPTY if j >= len(line) or line[j] == "#" else yamlcolon.KEY
        else:
            found = yamlcolon.candidate(line, i)
            if found:
                kind, name = found
            elif i > indent:
                kind = yamlcolon.ITEM
        return Shape(self.number, indent, i, kind, name)

    def value(self, line: str, i: int, key: str, indent: int) -> None:
        """What follows `key:` (or a list marker) in block context."""
        if i >= len(line) or line[i] == "#":
            return
        first = line[i]
        if first in "[{":
            self.flow_part(line, i)
        elif first in "\"'":
            self.quote = first
            self.close_quote(line, i + 1)
        elif first in "［｛":
            mark = Msg(NAMES[first])
            self.slip(
                i,
                Msg("fullwidth_mark_after", {"name": mark, "char": first, "after": f"{key}:"})
                if key
                else Msg("fullwidth_mark", {"name": mark, "char": first}),
                _replace(first),
            )
        elif _BLOCK.match(line, i):
            self.block = indent
        elif key and key not in _VERBATIM:
            self.curly(line, i, _plain_end(line, i), key)

    def curly(self, line: str, start: int, end: int, key: str) -> None:
        """A plain value wholly inside Chinese quotation marks: YAML keeps them as text."""
        value = line[start:end].rstrip()
        if (
            len(value) >= 2
            and value[0] in "“‘"
            and value[-1] in "”’"
            and not any(c in "“”‘’" for c in value[1:-1])
        ):
            self.slip(
                start,
                Msg("chinese_quotes", {"open": value[0], "close": value[-1], "key": key}),
                Msg("chinese_quotes.hint"),
            )

    def close_quote(self, line: str, i: int) -> int:
        """Skip to the end of the open quoted scalar; the index after it (or len(line))."""
        q, n = self.quote, len(line)
        while i < n:
            c = line[i]
            if q == '"' and c == "\\":
                i += 2
                continue
            if c == q:
                if q == "'" and i + 1 < n and line[i + 1] == "'":
                    i += 2
                    continue
                self.quote = ""
                return i + 1
            i += 1
        return n

    # -- flow context: [a, b] and {k: v} ----------------------------------------------------

    def flow_part(self, line: str, i: int) -> None:
        n = len(line)
        expect_key = bool(self.flow) and self.flow[-1] == "{" and self.after_separator(line, i)
        while i < n and (self.flow or line[i] in "[{"):
            c = line[i]
            if self.quote:
                i = self.close_quote(line, i)
                continue
            if c in "\"'" and _token_start(line, i):
                self.quote = c
                i += 1
                continue
            if c == "#" and (i == 0 or line[i - 1] in " \t"):
                return
            if c in "[{":
                self.flow.append(c)
                i += 1
                expect_key = c == "{"
            elif c in "]}":
                if self.flow:
                    self.flow.pop()
                i += 1
                expect_key = False
            elif c == ",":
                i += 1
                expect_key = bool(self.flow) and self.flow[-1] == "{"
            elif c == "，":
                self.full_width_comma(line, i)
                i += 1
            elif c in " \t":
                i += 1
            elif expect_key:
                i = self.flow_key(line, i)
                expect_key = False
            else:
                i += 1

    def after_separator(self, line: str, i: int) -> bool:
        return not line[:i].strip() or line[:i].rstrip()[-1] in "{,"

    def full_width_comma(self, line: str, i: int) -> None:
        if self.flow[-1] == "[":
            self.slip(i, Msg("fullwidth_comma_list"), _COMMA_HINT)
            return
        key = _KEY.match(line, _skip_spaces(line, i + 1))
        if key is not None:
            self.slip(i, Msg("fullwidth_comma_key", {"key": key.group(1)}), _COMMA_HINT)

    def flow_key(self, line: str, i: int) -> int:
        """A key of a flow mapping at i: check its colon and what follows; return where the
        scan goes on (the value)."""
        key = _KEY.match(line, i)
        if key is None:
            return i + 1
        name = key.group(1)
        if key.group(2) == "：":
            self.slip(key.start(2), Msg("fullwidth_colon", {"key": name}), _COLON_HINT)
            return key.end()
        j = key.end()
        if j < len(line) and line[j] == "　":
            self.slip(j, Msg("fullwidth_space_after", {"after": f"{name}:"}), _SPACE_HINT)
            return j + 1
        j = _skip_spaces(line, j)
        if j < len(line) and line[j] in "“‘" and name not in _VERBATIM:
            self.curly(line, j, _flow_end(line, j), name)
        return j


def _skip_spaces(line: str, i: int) -> int:
    while i < len(line) and line[i] in " \t":
        i += 1
    return i


def _token_start(line: str, i: int) -> bool:
    before = line[:i].rstrip(" \t")
    return not before or before[-1] in "[{,:"


def _plain_end(line: str, i: int) -> int:
    """End of a plain block value: the line, less a comment."""
    hash_at = line.find(" #", i)
    return hash_at if hash_at >= 0 else len(line)


def _flow_end(line: str, i: int) -> int:
    """End of a plain value inside [ ] or { }: the next , ] or }."""
    for j in range(i, len(line)):
        if line[j] in ",]}":
            return j
    return len(line)
