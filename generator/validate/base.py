"""What every group of checks shares: the sources, the build date, where problems go, and the
two ways of recording one (at a place in a YAML file, or anywhere)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator import spec
from generator.check import Checker
from generator.errors import Diagnostic, Hint, Pos
from generator.incremental import NO_REUSE, NoReuse
from generator.load import Sources
from generator.model import Document, Publisher
from generator.yamlnodes import Path, YamlDoc


class Base:
    def __init__(self, src: Sources, today: dt.date, reuse: NoReuse = NO_REUSE):
        self.src = src
        self.today = today
        self.reuse = reuse  # a `serve` session's memory of its last build
        self.out: list[Diagnostic] = list(src.problems)
        self.first_year: int | None = None  # the report's year: no update may be older
        self.documents: dict[str, Document] = {}
        self.publishers: tuple[Publisher, ...] = ()
        # quotes found in their paragraph only with full-width and half-width punctuation
        # told apart: where they are in the target file → the paragraph's own words
        self.forms: dict[Path, str] = {}

    def at(
        self,
        doc: YamlDoc,
        path: Path,
        code: str,
        args: dict[str, Any] | None = None,
        hint: Hint = None,
        *,
        key: bool = False,
        severity: str = "error",
    ) -> None:
        """Message `code` (with `args`) at the value, or with key=True the key, of `path`."""
        line, col = doc.key_at(path) if key else doc.at(path)
        self.out.append(Diagnostic(Pos(doc.file, line, col), code, args, hint, severity))

    def add(self, file: str, line: int, code: str, args: Any = None, hint: Hint = None) -> None:
        """Message `code` at the start of a line of a file that is not YAML (a report, a map)."""
        self.out.append(Diagnostic(Pos(file, line), code, args, hint))

    def checked(self, doc: YamlDoc | None, shape: spec.Spec) -> Any:
        """The document's value if its structure is right, else None (problems recorded)."""
        if doc is None:
            return None
        checker = Checker(doc, self.out)
        checker.check(shape, doc.value)
        return doc.value if checker.ok else None
