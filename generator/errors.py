"""Diagnostics: where a content problem is, what it is and how to fix it.

Every stage reports problems as Diagnostic values instead of raising at the first one, so a
staff member sees all of them in one run, each as `FILE:LINE:COL: message; hint: …`.

A diagnostic carries no sentence: it holds a message id of the one catalogue
(`generator/catalogue/diagnostics.yaml`) and the values its `{fields}` take, and the hint as
more ids. `format(lang)` writes it in English or Chinese from the same entry, so a reworded
message keeps its translation, and a message without one cannot be made (the catalogue
refuses an entry without both languages; tests/unit/test_messages.py checks that every id the
code uses exists and every id the catalogue holds is used).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Union


@dataclass(frozen=True, order=True)
class Pos:
    """A place in a content file: repo-relative path, 1-based line and column (code points)."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


# A parameter of a message: text shown as it is (an id, a path, a number already formatted),
# or another message (a type name, a comparator) written in the same language.
Arg = Union[str, "Msg"]
Args = tuple[tuple[str, Arg], ...]


def _args(values: Mapping[str, Any] | Args | None) -> Args:
    """A message's parameters as a sorted tuple of (name, text or Msg): hashable and frozen."""
    if not values:
        return ()
    items = values.items() if isinstance(values, Mapping) else values
    return tuple(sorted((k, v if isinstance(v, Msg) else str(v)) for k, v in items))


_ENTRIES: Mapping[str, Mapping[str, str]] = {}  # the catalogue's entries, once read


def _render(code: str, args: Args, lang: str) -> str:
    global _ENTRIES
    if not _ENTRIES:
        from generator.catalogue import catalogue

        _ENTRIES = catalogue().entries
    try:
        template = _ENTRIES[code][lang]
    except KeyError:
        from generator.catalogue import UnknownMessage

        raise UnknownMessage(f"unknown message '{code}' (add it to generator/catalogue/)") from None
    if not args:  # diagnostics' texts are always format strings: literal braces are {{ }}
        return template.format() if "{" in template else template
    return template.format(**{k: v.text(lang) if isinstance(v, Msg) else v for k, v in args})


@dataclass(frozen=True)
class Msg:
    """A message id of the catalogue with its parameters: `Msg("did_you_mean", {"name": x})`."""

    code: str
    args: Args = ()

    def __init__(self, code: str, args: Mapping[str, Any] | Args | None = None):
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "args", _args(args))

    def text(self, lang: str = "en") -> str:
        return _render(self.code, self.args, lang)


Hint = Msg | str | None | tuple[Msg | None, ...]


def _hint(hint: Hint) -> tuple[Msg, ...]:
    """A hint given as one Msg, a bare id, nothing, or several Msgs (shown one after another)."""
    if not hint:
        return ()
    if isinstance(hint, Msg):
        return (hint,)
    if isinstance(hint, str):
        return (Msg(hint),)
    return tuple(h for h in hint if h is not None)


@functools.total_ordering
@dataclass(frozen=True)
class Diagnostic:
    """A problem at `pos`: message id `code` with `args`, a hint made of message ids, and a
    severity ("error" fails the build; "warning" is printed only).

    `Diagnostic(Pos(file, 3, 10), "unknown_section", {"name": s}, did_you_mean(s, known))`.
    Sorted by position, then by the English text (the order the files are read in).
    """

    pos: Pos
    code: str
    args: Args = ()
    hint: tuple[Msg, ...] = ()
    severity: str = "error"

    def __init__(
        self,
        pos: Pos,
        code: str,
        args: Mapping[str, Any] | Args | None = None,
        hint: Hint = None,
        severity: str = "error",
    ):
        object.__setattr__(self, "pos", pos)
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "args", _args(args))
        object.__setattr__(self, "hint", _hint(hint))
        object.__setattr__(self, "severity", severity)

    @classmethod
    def of(cls, pos: Pos, msg: Msg, hint: Hint = None, severity: str = "error") -> Diagnostic:
        """The diagnostic of a message made elsewhere (a YAML refusal, a scanner's slip)."""
        return cls(pos, msg.code, msg.args, hint, severity)

    def _key(self) -> tuple[str, int, int, str, str, str]:
        """What sorting compares, as plain values, made once: sorting thousands of warnings
        compares each many times, and the English text is looked up in the catalogue."""
        try:
            return self.__dict__["_sort_key"]  # type: ignore[no-any-return]
        except KeyError:
            pos = self.pos
            key = (pos.file, pos.line, pos.col, self.message, self.hint_text("en"), self.severity)
            object.__setattr__(self, "_sort_key", key)
            return key

    def __lt__(self, other: Diagnostic) -> bool:
        return self._key() < other._key()

    @property
    def msg(self) -> Msg:
        return Msg(self.code, self.args)

    def text(self, lang: str = "en") -> str:
        """The message alone, without position or hint."""
        return _render(self.code, self.args, lang)

    def hint_text(self, lang: str = "en") -> str:
        """The hint alone ("" when there is none); several hints joined with '; ' or '；'."""
        if len(self.hint) == 1:
            return self.hint[0].text(lang)
        return _render("hint.join", (), lang).join(h.text(lang) for h in self.hint)

    @property
    def message(self) -> str:
        """The English message (for tests and logs)."""
        return self.text("en")

    def format(self, lang: str = "en") -> str:
        """`FILE:LINE:COL: message; hint: …`, in English or (lang="zh") Chinese."""
        level = _render("diagnostic.warning", (), lang) if self.severity == "warning" else ""
        hint = self.hint_text(lang)
        shown = f"{self.pos}: {level}{self.text(lang)}"
        if hint:
            shown += _render("diagnostic.hint", (("hint", hint),), lang)
        return shown


class ContentError(Exception):
    """The content cannot be built; carries every problem found."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = sorted(diagnostics)
        super().__init__(f"{len(self.diagnostics)} problem(s) in the content")


class TemplateProblem(ContentError):
    """A template failed to render (a developer mistake, reported like content errors)."""


def did_you_mean(word: str, choices: Iterable[str]) -> Msg | None:
    """Click-style suggestion: "did you mean 'x'?", or the allowed values when few, or None."""
    options = sorted(set(choices))
    if not options:
        return None
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return Msg("did_you_mean", {"name": close[0]})
    if len(options) <= 8:
        return Msg("one_of", {"options": ", ".join(options)})
    return None
