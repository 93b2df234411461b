"""What extract finds and measures: proposals, their coverage by target files, recall and
precision. Plain frozen values; the rules that make them are in rules.py and quantities.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.errors import Msg


@dataclass(frozen=True)
class Proposal:
    """One clause of the report that looks like a commitment."""

    paragraph: str  # paragraph id (p-1-1, or p-auto-3 for a plain-text report)
    kind: str  # "quantity" | "milestone"
    quote: str  # exact substring of the paragraph's text
    start: int  # quote == context[start:end]
    end: int
    id: str  # suggested target id, unique within one extract() run
    number: float | None = None  # quantities: the figure, 万/亿 applied (50万亩 → 500000 亩)
    unit: str | None = None  # 亩, 人次, 亿元 (money keeps 万元/亿元 and is not scaled)
    comparator: str | None = None  # at_least | more_than | at_most | exactly | increase_pct
    figure: str = ""  # the figure as written: "50万亩"; the milestone verb for milestones
    counties: tuple[str, ...] = ()  # county ids named in the clause; () means the whole city
    context: str = field(default="", repr=False, compare=False)  # the paragraph's text
    figure_start: int = -1  # where `figure` is in the paragraph's text
    why: Msg | None = None  # the words that made it a proposal, for the reviewer (a message
    # of generator/catalogue/extract.yaml, shown in the staff's language)


@dataclass(frozen=True)
class Coverage:
    proposal: Proposal
    targets: tuple[str, ...]  # ids of the targets that track it, best match first

    @property
    def covered(self) -> bool:
        return bool(self.targets)


@dataclass(frozen=True)
class Ratio:
    n: int
    total: int

    @property
    def value(self) -> float:
        return self.n / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.value:.2f} ({self.n}/{self.total})" if self.total else "n/a (0/0)"


@dataclass(frozen=True)
class Measure:
    recall: Ratio  # targets whose quote overlaps a proposal / targets that quote this report
    precision: Ratio  # proposals covered by a target / proposals
    recall_by_kind: dict[str, Ratio]  # by the target's metric kind
    precision_by_kind: dict[str, Ratio]  # by the proposal's kind
    missed: tuple[str, ...]  # ids of targets no proposal overlaps
    elsewhere: int  # targets whose quote is not in this report (not counted)

    @property
    def in_scope(self) -> Ratio:
        """Recall over the kinds extract proposes (quantity and milestone targets)."""
        kinds = [
            self.recall_by_kind[k] for k in ("quantity", "milestone") if k in self.recall_by_kind
        ]
        return Ratio(sum(r.n for r in kinds), sum(r.total for r in kinds))


@dataclass(frozen=True)
class _Q:
    start: int
    end: int  # end of the figure, range and 以上 included
    number: float
    unit: str
    comparator: str
    figure: str
    because: str = ""  # the words the comparator was read from
