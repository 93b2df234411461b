"""`extract`: propose commitments from a report's Chinese text, and check which are tracked.

The report states its aims in clauses: a sentence (ended by 。；;：) holds several clauses
separated by commas, and most clauses that hold an aim say so with a figure and a target
phrase (新建高标准农田50万亩以上) or with an event verb (万荣通用机场开工). This package finds
those clauses with plain rules, no model and no dictionary beyond content/:

- clauses.py: the report → paragraphs → clauses (headings, quotations and enumerators aside);
- quantities.py: figures that are aims, read as number, unit and comparator;
- rules.py: which clauses are proposed (quantity or milestone), their counties and ids;
- patterns.py, units.py: the words the rules read with;
- coverage.py: which proposals target files already track; recall and precision;
- stubs.py: draft target files for the uncovered ones (`--write`);
- command.py: the `extract` command (its texts: generator/catalogue/extract.yaml).

Every proposal's `quote` is an exact substring of its paragraph's text as generator/report.py
produces it, so a proposal can become a target file without editing the quote. The rules are
measured on a hand-labelled corpus of other cities' reports (tests/fixtures/extract/corpus/,
`python -m tests.extract_score`).

    python -m generator extract            # table of proposals, coverage, recall/precision
    python -m generator extract --json     # one JSON object a line per proposal, with why
    python -m generator extract --write    # also draft target files for the uncovered ones
                                           # into content/proposals/ (never overwrites)
"""

from __future__ import annotations

from typing import Any

from .clauses import paragraphs
from .coverage import coverage, measure
from .model import Coverage, Measure, Proposal, Ratio
from .rules import extract
from .stubs import PROPOSALS, SCHEMA_LINE, Place, first_place, place_of, places, stub, write_stubs

__all__ = [
    "PROPOSALS",
    "SCHEMA_LINE",
    "Coverage",
    "Measure",
    "Place",
    "Proposal",
    "Ratio",
    "as_json",
    "coverage",
    "extract",
    "extract_command",
    "first_place",
    "measure",
    "paragraphs",
    "place_of",
    "places",
    "stub",
    "write_stubs",
]


def __getattr__(name: str) -> Any:
    """The command and its JSON form load click and the catalogue: only when asked for."""
    if name in ("extract_command", "as_json"):
        from . import command

        return getattr(command, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
