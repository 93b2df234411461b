"""Diagnostics: where a content problem is, what it is and how to fix it.

Every stage reports problems as Diagnostic values instead of raising at the first one, so a
staff member sees all of them in one run, each as `FILE:LINE:COL: message; hint`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Pos:
    """A place in a content file: repo-relative path, 1-based line and column (code points)."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    pos: Pos
    message: str
    hint: str = ""
    severity: str = "error"  # "error" fails the build; "warning" is printed only

    def format(self, lang: str = "en") -> str:
        """`FILE:LINE:COL: message; hint: …`, in English or (lang="zh") Chinese."""
        if lang == "zh":
            from generator.messages import hint_zh, message_zh

            message = message_zh(self.message) or self.message
            hint = (hint_zh(self.hint) or self.hint) if self.hint else ""
            level = "警告：" if self.severity == "warning" else ""
            return f"{self.pos}: {level}{message}" + (f"；提示：{hint}" if hint else "")
        text = f"{self.pos}: {self.severity + ': ' if self.severity != 'error' else ''}"
        text += self.message
        if self.hint:
            text += f"; hint: {self.hint}"
        return text


class ContentError(Exception):
    """The content cannot be built; carries every problem found."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = sorted(diagnostics)
        super().__init__(f"{len(self.diagnostics)} problem(s) in the content")


class TemplateProblem(ContentError):
    """A template failed to render (a developer mistake, reported like content errors)."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Click-style suggestion: "did you mean 'x'?" or the allowed values when few."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if len(options) <= 8:
        return "expected one of: " + ", ".join(options)
    return ""
