"""Keys typed without their colon (`title 运城市新建学校`) or without the space after it
(`title:运城市新建学校`), named at the key by the scan before parsing (yamlscan.py).

libyaml notices such a line only on the next one ("could not find expected ':'"), so the
message would point a line late. The scan records the shape of every line it reads in block
context (a `Shape`), and a line is named only where YAML's own rules make it a key that lacks
its colon, so that valid content is never refused:

- it sits at the column of the key on the line just above it in the same mapping (a value's
  continuation lines must be indented more than its key), and that line is a complete key
  with a one-line value, or the mapping's first key with a nested mapping or list as its value
  whose last line is complete;
- or it is the first line of a mapping (a list item's, or the value of `key:` on the line
  above) whose next line is a key at the same column.

A line that may be the under-indented continuation of a value above it (text after `key:`,
a block of text `|`, text over several lines) is left to libyaml's own message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.errors import Msg

# a key's name, then blanks and a value, with no colon
NO_COLON = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[ \t　]+[^\s#]")
# a key's name and its colon, then the value at once
NO_SPACE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):[^\s:]")
# a key's name, then blanks or a colon, then a { } or [ ] value
_BEFORE_FLOW = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)(?:[ \t　]+|(:))[\[{]")
# a colon that makes a key of the text before it (so the line is a key, if an odd one)
_INDICATOR = re.compile(r":(?:[ \t]|$)")

# kinds of line: a key with a one-line value, a key with nothing after it, a key whose value
# goes on over the next lines (`|`, an open quote or bracket), a list item that is not a key,
# a key typed without its colon or its space, anything else (continuations, text), and a line
# that is part of a multi-line value (not read for its shape)
KEY, EMPTY, OPEN, ITEM, NO_COLON_KIND, NO_SPACE_KIND, TEXT, INSIDE = (
    "key", "empty", "open", "item", "no_colon", "no_space", "text", "inside"
)  # fmt: skip
_HINTS = {NO_COLON_KIND: "no_colon.hint", NO_SPACE_KIND: "no_space.hint"}  # message ids
_KEYS = (KEY, EMPTY, OPEN)
_COMPLETE = (KEY, EMPTY, ITEM)


@dataclass(frozen=True)
class Shape:
    """One line that is neither blank nor a comment: its 1-based number, the 0-based column
    of its first character and of its content after any list markers `- `, what it is, and
    the key's name for a key without colon or space."""

    number: int
    indent: int
    col: int
    kind: str
    key: str = ""

    @property
    def item(self) -> bool:
        return self.col > self.indent


INSIDE_SHAPE = Shape(0, 10**9, 10**9, INSIDE)


def candidate(line: str, i: int) -> tuple[str, str] | None:
    """(kind, key name) when the content at i is a key without its colon or its space."""
    rest = line[i:]
    found = _BEFORE_FLOW.match(rest)  # `name {zh: …}`: no key of the content has a brace in it
    if found:
        return (NO_SPACE_KIND if found.group(2) else NO_COLON_KIND), found.group(1)
    comment = rest.find(" #")  # where a comment begins after plain text
    if _INDICATOR.search(rest if comment < 0 else rest[:comment]):
        return None
    found = NO_COLON.match(rest)
    if found:
        return NO_COLON_KIND, found.group(1)
    found = NO_SPACE.match(rest)
    if found:
        return NO_SPACE_KIND, found.group(1)
    return None


def missing(shapes: list[Shape]) -> list[tuple[int, int, Msg, Msg]]:
    """(line, column, message, hint) of every key without its colon or space."""
    found = []
    for k, shape in enumerate(shapes):
        if shape.kind not in (NO_COLON_KIND, NO_SPACE_KIND):
            continue
        if _sibling_of_the_key_above(shapes, k) or _first_of_a_mapping(shapes, k):
            values = {"key": shape.key}
            found.append(
                (
                    shape.number,
                    shape.col + 1,
                    Msg(shape.kind, values),
                    Msg(_HINTS[shape.kind], values),
                )
            )
    return found


def _sibling_of_the_key_above(shapes: list[Shape], k: int) -> bool:
    line = shapes[k]
    if line.item or k == 0:
        return False
    above = k - 1
    while above >= 0 and shapes[above].indent > line.col:
        above -= 1
    if above < 0 or shapes[above].col != line.col or shapes[above].kind not in _KEYS:
        return False
    key, previous = shapes[above], shapes[k - 1]
    if above == k - 1:
        return key.kind == KEY
    return (
        key.kind == EMPTY
        and shapes[above + 1].kind in _KEYS + (ITEM,)
        and previous.kind in _COMPLETE
    )


def _first_of_a_mapping(shapes: list[Shape], k: int) -> bool:
    line = shapes[k]
    if k + 1 >= len(shapes):
        return False
    below = shapes[k + 1]
    if below.kind not in _KEYS or below.item or below.col != line.col:
        return False
    if line.item or k == 0:
        return True
    above = shapes[k - 1]
    return above.kind == EMPTY and above.col < line.col
