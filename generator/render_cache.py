"""What the renderer may keep between pages and builds: rendered markup by key.

The renderer asks `cache.get(key, args, make)` for a list row, a repeated piece of a long page
(an update, a report paragraph) or a small status badge. The answer is `make()`, or what it
gave last time under `key` when `args` are the same (each the very same object, or equal).
The key says what was rendered and where (macro, language, page depth); `args` are everything
the markup is made from, kept with it, so an entry can never be reused for other inputs.

`NO_CACHE` keeps nothing: a one-off build and the tests use it. A `serve` session owns a
`RenderCache` and passes it to each `Renderer` it makes (a new one whenever the templates or
the catalogue change), so unchanged rows and pieces are joined, not rendered, on an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from markupsafe import Markup


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
        self._kept: dict[Hashable, tuple[tuple[Any, ...], Markup]] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, args: tuple[Any, ...], make: Callable[[], str]) -> Markup:
        kept = self._kept
        hit = kept.pop(key, None)
        if hit is not None and (hit[0] is args or hit[0] == args):
            self.hits += 1
            kept[key] = hit  # to the end: most recently used
            return hit[1]
        self.misses += 1
        value = Markup(make())
        kept[key] = (args, value)
        if len(kept) > self.limit:
            del kept[next(iter(kept))]
        return value

    def clear(self) -> None:
        self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)
