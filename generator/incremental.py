"""Reuse between builds of a `serve` session: the one place where anything is kept from the
last build, and the one rule that decides what may be kept.

The rule: a value made by a named pure function is reused when the function and every one of
its inputs are the same as last time (`is`, or `==` for plain values such as str, int and
dates). Nothing else is compared, so adding an input to a function's arguments is all it takes
to make reuse aware of it; a function that reads anything besides its arguments breaks the
rule (the property test in tests/unit/test_incremental.py edits content at random and requires
the session's output to equal a full build, byte for byte, after every step).

Stages take an optional `reuse` argument. A one-off build passes `NO_REUSE`, which makes every
value afresh and keeps nothing; the `serve` session owns a `Reuse` and passes it to plan,
data files and render. Which inputs are "the same" is decided upstream: load and validate give
an unchanged file's Target the very same object as last time, so everything made from it is
reused down the line.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import Any, TypeVar

from markupsafe import Markup

T = TypeVar("T")

# values compared with == rather than `is`: equal plain values are interchangeable
_PLAIN = (str, int, float, bool, bytes, dt.date, type(None))


def same(old: tuple[Any, ...], new: tuple[Any, ...]) -> bool:
    """The inputs are the same: equal length, each the very same object or an equal plain
    value (a tuple of those counts as plain when its items are)."""
    if len(old) != len(new):
        return False
    if all(map(operator.is_, old, new)):  # the usual answer, found in C
        return True
    for a, b in zip(old, new, strict=True):
        if a is b:
            continue
        if type(a) is not type(b):
            return False
        if isinstance(a, _PLAIN):
            if a != b:
                return False
        elif isinstance(a, tuple):
            if not same(a, b):
                return False
        else:
            return False
    return True


class NoReuse:
    """Every value made afresh, nothing kept: what a one-off build and the tests use."""

    active = False

    def memo(self, space: str, key: Hashable, make: Callable[..., T], *args: Any) -> T:
        return make(*args)

    def each(
        self, space: str, make: Callable[..., T], columns: Sequence[Sequence[Any]], *shared: Any
    ) -> list[T]:
        return [make(*row, *shared) for row in zip(*columns, strict=True)]

    def canonical(self, space: str, key: Hashable, value: T) -> T:
        return value

    def previous(self, space: str) -> Any:
        return None

    def keep(self, space: str, value: Any) -> None:
        pass

    def start(self) -> None:
        pass

    def finish(self) -> None:
        pass


NO_REUSE = NoReuse()


def _canonical() -> None:
    """Marks the entries of Reuse.canonical (never called)."""


_MISSING = object()


def _row(row: Any, width: int) -> tuple[Any, ...]:
    return row if width != 1 else (row,)


def _rows(rows: Sequence[Any], width: int) -> Sequence[tuple[Any, ...]]:
    return rows if width != 1 else [(r,) for r in rows]


def _ids(row: Any, width: int) -> Hashable:
    return id(row) if width == 1 else tuple(map(id, row))


def _moved(old: Sequence[Sequence[Any]], new: Sequence[Sequence[Any]]) -> Iterator[bool]:
    """Per row, whether any column holds another object than last time (column by column,
    all in C: a one-file edit at 10,000 targets compares 20,000 items in about a millisecond)."""
    if len(new) == 1:
        return map(operator.is_not, old[0], new[0])
    flags = [map(operator.is_not, a, b) for a, b in zip(old, new, strict=True)]
    return map(any, zip(*flags, strict=True))


class Reuse(NoReuse):
    """What a `serve` session keeps between builds: per (space, key), the function, its inputs
    and its value. Entries not asked for during a build are dropped when it finishes, so a
    deleted target's values do not linger."""

    active = True

    def __init__(self) -> None:
        self._kept: dict[tuple[str, Hashable], tuple[Callable[..., Any], tuple[Any, ...], Any]] = {}
        self._asked: set[tuple[str, Hashable]] = set()
        self.hits = 0
        self.misses = 0

    def memo(self, space: str, key: Hashable, make: Callable[..., T], *args: Any) -> T:
        """`make(*args)`, or the value it gave last time under (space, key) if the function
        and the inputs are the same."""
        slot = (space, key)
        self._asked.add(slot)
        hit = self._kept.get(slot)
        if hit is not None and hit[0] is make and same(hit[1], args):
            self.hits += 1
            return hit[2]  # type: ignore[no-any-return]
        self.misses += 1
        value = make(*args)
        self._kept[slot] = (make, args, value)
        return value

    def each(
        self, space: str, make: Callable[..., T], columns: Sequence[Sequence[Any]], *shared: Any
    ) -> list[T]:
        """`[make(*row, *shared) for row in zip(*columns)]`, the same rule applied row by row:
        with the same function and the same `shared` inputs, a row whose items are the very
        objects of last time's row at the same place keeps that row's value; when rows were
        added or removed, of any row last time. A one-file edit at 10,000 targets then makes
        one value, and finding it costs a few C-level passes."""
        slot = (space, "each")
        self._asked.add(slot)
        columns = tuple(map(tuple, columns))  # kept: the caller may change its lists later
        rows = tuple(zip(*columns, strict=True)) if len(columns) != 1 else columns[0]
        hit = self._kept.get(slot)
        values: list[T]
        if hit is None or hit[0] is not make or not same(hit[1], shared):
            values = [make(*row, *shared) for row in _rows(rows, len(columns))]
            self.misses += len(values)
        else:
            values = self._each_again(make, hit[2], columns, rows, shared)
        self._kept[slot] = (make, shared, (columns, values))
        return values

    def _each_again(
        self,
        make: Callable[..., T],
        last: tuple[tuple[Sequence[Any], ...], list[T]],
        columns: tuple[Sequence[Any], ...],
        rows: Sequence[Any],
        shared: tuple[Any, ...],
    ) -> list[T]:
        old_columns, old_values = last
        width = len(columns)
        if len(old_values) == len(rows):  # in place: compare position by position, in C
            values = list(old_values)
            made = 0
            for i in itertools.compress(range(len(rows)), _moved(old_columns, columns)):
                values[i] = make(*_row(rows[i], width), *shared)
                made += 1
            self.hits += len(rows) - made
            self.misses += made
            return values
        # rows added or removed: find each row's last value by its items' identities (the old
        # rows are alive while this runs, so an id cannot belong to a new object)
        old_rows = tuple(zip(*old_columns, strict=True)) if width != 1 else old_columns[0]
        kept = {_ids(row, width): v for row, v in zip(old_rows, old_values, strict=True)}
        values = []
        for row in rows:
            value = kept.get(_ids(row, width), _MISSING)
            if value is _MISSING:
                value = make(*_row(row, width), *shared)
                self.misses += 1
            else:
                self.hits += 1
            values.append(value)  # type: ignore[arg-type]
        return values

    def canonical(self, space: str, key: Hashable, value: T) -> T:
        """The object kept last time under (space, key) when it equals `value`, else `value`
        (kept from now on). Small shared values made afresh by every validation (a section,
        a county) then stay the same objects, and what is made from them is reused."""
        slot = (space, key)
        self._asked.add(slot)
        hit = self._kept.get(slot)
        if hit is not None and (hit[2] is value or hit[2] == value):
            return hit[2]  # type: ignore[no-any-return]
        self._kept[slot] = (_canonical, (), value)
        return value

    def previous(self, space: str) -> Any:
        """What the last build kept under `space` (keep), or None: a hint for making a value
        faster (an order to start sorting from), never the value itself."""
        slot = (space, "previous")
        self._asked.add(slot)
        hit = self._kept.get(slot)
        return None if hit is None else hit[2]

    def keep(self, space: str, value: Any) -> None:
        """Keep `value` for the next build's previous(space)."""
        slot = (space, "previous")
        self._asked.add(slot)
        self._kept[slot] = (_canonical, (), value)

    def start(self) -> None:
        """A build begins: count what it asks for."""
        self._asked = set()
        self.hits = self.misses = 0

    def finish(self) -> None:
        """A build is over: forget what it did not ask for."""
        if len(self._asked) < len(self._kept):
            for slot in set(self._kept) - self._asked:
                del self._kept[slot]

    def clear(self) -> None:
        """Forget everything (templates or the catalogue changed: nothing made before holds)."""
        self._kept.clear()
        self._asked.clear()


# -- the renderer's part: markup by key ------------------------------------------------------
#
# The renderer asks `cache.get(key, args, make)` for a list row, a repeated piece of a long
# page (an update, a report paragraph), a status badge or the header of a language and depth.
# The answer is `make()`, or what it gave last time under `key` when `args` are the same (the
# very same objects, or equal). `args` are kept with the markup, so an entry is never reused
# for other inputs. A one-off build's renderer keeps rows and badges for the length of the
# build; a `serve` session owns one RenderCache (with pieces) and clears it when the
# templates or the catalogue change.


class NoCache:
    """Every piece rendered afresh, nothing kept."""

    pieces = False

    def get(self, key: Hashable, args: tuple[Any, ...], make: Callable[[], str]) -> Markup:
        return Markup(make())

    def clear(self) -> None:
        pass


NO_CACHE = NoCache()


class RenderCache(NoCache):
    """Rendered markup by key, least recently used first out beyond `limit` entries.

    Keys are hashable descriptions (`("row", "zh", 2, True, id(view))`); since each entry keeps
    its `args` alive, an `id()` in a key cannot be reused by another object while it is kept.
    With `pieces=False` the renderer keeps only what many pages of one build repeat (list
    rows, status badges and icons) and renders the pieces of long pages afresh: a one-off
    build shows each of those once or twice, and keeping them would only fill memory.
    """

    def __init__(self, limit: int = 400_000, pieces: bool = True):
        self.limit, self.pieces = limit, pieces
        # an OrderedDict: dropping a plain dict's oldest entry (del d[next(iter(d))]) walks
        # over the holes earlier deletions left at its start, so a full cache slowed every
        # miss (200,000 misses with 10,000 kept: 1.67 s, against 0.11 s for an OrderedDict)
        self._kept: OrderedDict[Hashable, tuple[tuple[Any, ...], Markup]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, args: tuple[Any, ...], make: Callable[[], str]) -> Markup:
        kept = self._kept
        hit = kept.get(key)
        if hit is not None and (hit[0] is args or hit[0] == args):
            self.hits += 1
            kept.move_to_end(key)  # most recently used
            return hit[1]
        self.misses += 1
        value = Markup(make())
        kept[key] = (args, value)
        kept.move_to_end(key)
        if len(kept) > self.limit:
            kept.popitem(last=False)
        return value

    def clear(self) -> None:
        self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)
