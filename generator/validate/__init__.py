"""Stage 2, validate: Sources → (Site, []) or (None, every Diagnostic).

Structure is checked against spec.py (check.py); this package adds the rules that span files:
known ids, quotes that are exact words of the report, both languages present, updates in date
order, county figures that add up, and a map with exactly the counties of counties.yaml.
All lookups are dict/set based, so validation stays linear in the number of targets.

Several reports (content/reports/<id>/): `reports` checks each with the same checks and makes
one Site of them, `links` the year-to-year links between their commitments.

Modules: `core` (the run, in order), `references` (counties, sections, publishers, documents,
glossary, map), `report` (the report's two languages, the paragraphs others name), `targets`
(target files, each checked alone so that a `serve` session can keep its result), `updates`,
`quotes` (finding a quote, saying how a wrong one differs), `convert` (checked values → the
model), `base`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from generator.errors import Diagnostic
from generator.incremental import NO_REUSE, NoReuse
from generator.load import Sources
from generator.model import Site
from generator.validate.quotes import find_quote, nearest_hint

__all__ = ["errors_only", "find_quote", "nearest_hint", "validate"]


def validate(
    src: Sources, today: dt.date | None = None, reuse: NoReuse = NO_REUSE
) -> tuple[Site | None, list[Diagnostic]]:
    """Check everything; build the model only when there is no error. `today` is the build
    date: no update may be dated after it. `reuse`: a `serve` session's memory of its last
    build, which gives an unchanged target file its last result."""
    from generator.validate.core import Validator
    from generator.validate.reports import ReportsValidator, one_report_links

    day = today or dt.date.today()
    v = (ReportsValidator if src.reports else Validator)(src, day, reuse)  # content/reports/<id>/
    site = v.run()
    if not src.reports:
        v.out += one_report_links(src, day, reuse)
    problems = sorted(set(v.out))
    if any(p.severity == "error" for p in problems):
        return None, problems
    return site, problems


def errors_only(problems: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [p for p in problems if p.severity == "error"]


_nearest_hint = nearest_hint  # the name `new` (scaffold.py) imports
