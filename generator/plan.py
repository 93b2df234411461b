"""Stage 3, plan: Site → the pages to render (generator/pages/), as plain records.

Decides what goes where (through urls.py) and shapes every value a template shows: templates
only display. The page families are in generator/pages/, listed in its PAGE_KINDS table.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from generator.incremental import NO_REUSE, NoReuse
from generator.model import Site, Update
from generator.pages import plan_pages
from generator.pages.inputs import PlanInputs, make_inputs
from generator.pages.page import LIST_LIMIT, RELATED, Page
from generator.pages.views import TargetView

__all__ = ["LIST_LIMIT", "RELATED", "Page", "Plan", "TargetView", "plan"]


@dataclass(frozen=True)
class Plan:
    lists: tuple[Page, ...]  # the pages of many targets (lists, counts, reports, feeds)
    own: Sequence[Page]  # each target's own pages (pages/target.py: made when read)
    inputs: PlanInputs

    @property
    def pages(self) -> Iterator[Page]:
        """Every page: the lists, then the targets' own."""
        return itertools.chain(self.lists, self.own)

    @property
    def count(self) -> int:
        return len(self.lists) + len(self.own)

    @property
    def views(self) -> Mapping[str, TargetView]:
        return self.inputs.views

    @property
    def updates(self) -> list[tuple[Update, TargetView]]:
        return self.inputs.updates


def plan(
    site: Site,
    strings: Mapping[str, Mapping[str, str]],
    base_url: str | None = None,
    reuse: NoReuse = NO_REUSE,
    today: dt.date | None = None,
) -> Plan:
    """Every page of the site, in a stable order; `strings` are the UI strings (titles).
    `reuse`: a `serve` session's memory of its last build (generator/incremental.py)."""
    inputs = make_inputs(site, strings, base_url, reuse, today)
    lists, own = plan_pages(inputs)
    return Plan(lists, own, inputs)
