"""Year-to-year links between commitments of different reports: `continues:` names the
commitment of an earlier report that this one takes up again, `continued_in:` the later ones
that take this one up. Both ends must agree: B continues A exactly when A's continued_in
lists B. Checked on the files' values, so every wrong link is found even when a file has
other problems."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.errors import Msg, did_you_mean
from generator.validate.base import Base
from generator.yamlnodes import YamlDoc

if TYPE_CHECKING:
    from generator.validate.reports import Checked


@dataclass(frozen=True)
class _Node:
    """One commitment file as the links see it."""

    doc: YamlDoc
    report: str
    order: int  # its report's place, oldest first
    continues: str | None
    continued_in: tuple[tuple[int, str], ...]  # (index in the list, id)


class LinkChecks(Base):
    def links(self, reports: list[Checked]) -> None:
        nodes = _nodes(reports)
        for tid, node in nodes.items():
            if node.continues is not None:
                self.link_back(tid, node, nodes)
            seen: set[str] = set()
            for i, later in node.continued_in:
                if later in seen:
                    where = ("continued_in", i)
                    self.at(node.doc, where, "continued_in_twice", {"id": later})
                else:
                    self.link_forward(tid, node, i, later, nodes)
                seen.add(later)

    def link_back(self, tid: str, node: _Node, nodes: dict[str, _Node]) -> None:
        """`continues: A` on B: A exists, is of an earlier report, and lists B."""
        other_id = node.continues
        assert other_id is not None
        where = ("continues",)
        other = self.linked(node, where, other_id, nodes, "continues_unknown")
        if other is None:
            return
        if other.order >= node.order:
            found = {"id": other_id, "report": other.report, "own": node.report}
            self.at(node.doc, where, "continues_not_earlier", found, "continues_not_earlier.hint")
        elif tid not in (x for _, x in other.continued_in):
            hint = Msg("continues_one_sided.hint", {"file": other.doc.file, "own": tid})
            self.at(node.doc, where, "continues_one_sided", {"id": other_id, "own": tid}, hint)

    def link_forward(
        self, tid: str, node: _Node, i: int, later: str, nodes: dict[str, _Node]
    ) -> None:
        """`continued_in: [.., B, ..]` on A: B exists, is of a later report, and continues A."""
        where = ("continued_in", i)
        other = self.linked(node, where, later, nodes, "continued_in_unknown")
        if other is None:
            return
        if other.order <= node.order:
            found = {"id": later, "report": other.report, "own": node.report}
            self.at(node.doc, where, "continued_in_not_later", found, "continued_in_not_later.hint")
        elif other.continues != tid:
            found = {"file": other.doc.file, "own": tid, "id": later}
            hint = Msg("continued_in_one_sided.hint", found)
            self.at(node.doc, where, "continued_in_one_sided", {"id": later, "own": tid}, hint)

    def linked(
        self, node: _Node, where: tuple[Any, ...], other_id: str, nodes: dict[str, _Node], code: str
    ) -> _Node | None:
        """The commitment a link names, or None (with the problem recorded)."""
        if other_id == node.doc.value.get("id"):
            self.at(node.doc, where, "continues_itself", None, "continues_itself.hint")
            return None
        other = nodes.get(other_id)
        if other is None:
            self.at(node.doc, where, code, {"id": other_id}, did_you_mean(other_id, nodes))
        return other


def _nodes(reports: list[Checked]) -> dict[str, _Node]:
    """Every commitment file with an id, by id (the first file, when an id is used twice)."""
    nodes: dict[str, _Node] = {}
    for order, r in enumerate(reports):
        for doc in r.sources.targets:
            value = doc.value
            tid = value.get("id") if isinstance(value, dict) else None
            if not isinstance(tid, str) or tid in nodes:
                continue
            after = value.get("continues")
            later = value.get("continued_in")
            nodes[tid] = _Node(
                doc,
                r.sources.id,
                order,
                after if isinstance(after, str) else None,
                tuple((i, x) for i, x in enumerate(later) if isinstance(x, str))
                if isinstance(later, list)
                else (),
            )
    return nodes
