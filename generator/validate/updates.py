"""A target's updates: in date order, none from the future or before the report's year, each
with a source or the city's own words, a status the figure does not contradict, figures only
for quantities, per-county figures for the target's own counties."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator import progress
from generator.errors import Hint, Msg, did_you_mean
from generator.model import publisher_of
from generator.validate.base import Base
from generator.validate.convert import is_date, is_number
from generator.validate.quotes import find_quote, nearest_hint
from generator.yamlnodes import YamlDoc

_COMPARATORS = {"at_most": "compared.at_most", "more_than": "compared.more_than"}


class UpdateChecks(Base):
    register: bool  # a publishers.yaml exists: sources are checked against it

    def updates(self, doc: YamlDoc, raw: dict[str, Any], county_ids: set[str] | None) -> None:
        updates = raw.get("updates")
        if not isinstance(updates, list):
            return
        metric: dict[str, Any] = raw["metric"] if isinstance(raw.get("metric"), dict) else {}
        kind = metric.get("kind")
        listed: list[Any] = raw["counties"] if isinstance(raw.get("counties"), list) else ["all"]
        previous: str | None = None
        for i, up in enumerate(updates):
            if not isinstance(up, dict):
                continue
            date = up.get("date")
            if isinstance(date, str) and is_date(date):
                if previous is not None and date < previous:
                    found = {"date": date, "previous": previous}
                    self.at(doc, ("updates", i, "date"), "update_order", found, "update_order.hint")
                previous = date
                self.update_date(doc, i, dt.date.fromisoformat(date))
            self.update_sources(doc, i, up)
            self.update_status(doc, i, up, metric)
            if "value" in up and kind in ("milestone", "qualitative"):
                where = ("updates", i, "value")
                hint = "figure_not_quantity.hint"
                self.at(doc, where, "figure_not_quantity", {"kind": kind}, hint, key=True)
            if isinstance(up.get("counties"), dict) and county_ids is not None:
                self.update_counties(doc, i, up, county_ids, listed)

    def update_counties(
        self, doc: YamlDoc, i: int, up: dict[str, Any], county_ids: set[str], listed: list[Any]
    ) -> None:
        """Per-county figures: for the target's own counties, adding up to no more than the
        city's figure."""
        per_county = up["counties"]
        hint: Hint
        for cid in per_county:
            where = ("updates", i, "counties", cid)
            if cid not in county_ids:
                hint = did_you_mean(cid, county_ids)
                self.at(doc, where, "unknown_county", {"name": cid}, hint, key=True)
            elif "all" not in listed and cid not in listed:
                hint = "county_not_listed.hint"
                self.at(doc, where, "county_not_listed", {"name": cid}, hint, key=True)
        values = [x for x in per_county.values() if is_number(x)]
        total, city = sum(values), up.get("value")
        if is_number(city) and total > city:
            self.at(
                doc,
                ("updates", i, "counties"),
                "county_sum",
                {"total": f"{total:g}", "city": f"{city:g}"},
                "county_sum.hint",
                severity="warning",
            )

    def update_date(self, doc: YamlDoc, i: int, date: dt.date) -> None:
        """No fact from the future of the build, none from before the report's year."""
        if date > self.today:
            self.at(doc, ("updates", i, "date"), "date_future", {"date": date}, "date_future.hint")
        elif self.first_year is not None and date.year < self.first_year:
            found = {"date": date, "year": self.first_year}
            self.at(doc, ("updates", i, "date"), "date_before_report", found, "hint.check_year")

    def update_sources(self, doc: YamlDoc, i: int, up: dict[str, Any]) -> None:
        """Every update has a source or the city's own words; quotes are exact; sources come
        from publishers the register accepts."""
        if "source" not in up and "evidence" not in up:
            self.at(doc, ("updates", i), "no_source", None, "no_source.hint")
        evidence = up.get("evidence")
        if isinstance(evidence, dict):
            self.evidence(doc, i, evidence)
        source = up.get("source")
        url = source.get("url") if isinstance(source, dict) else None
        if not isinstance(url, str) or not self.register:
            return
        found = publisher_of(self.publishers, url)
        where = ("updates", i, "source", "url")
        if found is None:
            hint = "not_in_register.hint"
            self.at(doc, where, "not_in_register", None, hint, severity="warning")
        elif found.kind == "refused":
            shown = {"domain": found.domain, "name": found.name.en}
            self.at(doc, where, "refused_source", shown, "refused_source.hint")

    def evidence(self, doc: YamlDoc, i: int, ev: dict[str, Any]) -> None:
        doc_id, pid, quote = ev.get("document"), ev.get("paragraph"), ev.get("quote")
        if not isinstance(doc_id, str):
            return
        document = self.documents.get(doc_id)
        hint: Hint
        if document is None:
            hint = did_you_mean(doc_id, self.documents) or Msg("unknown_document.hint")
            where = ("updates", i, "evidence", "document")
            self.at(doc, where, "unknown_document", {"id": doc_id}, hint)
            return
        if not isinstance(pid, str):
            return
        block = document.block(pid)
        if block is None:
            hint = did_you_mean(pid, {b.id for b in document.blocks})
            found = {"name": pid, "document": doc_id}
            where = ("updates", i, "evidence", "paragraph")
            self.at(doc, where, "unknown_document_paragraph", found, hint)
        elif isinstance(quote, str) and quote.strip():
            form = find_quote(quote, block.text)
            if form is None:
                found = {"id": pid, "where": f"{document.file}:{block.line}"}
                hint = nearest_hint(quote, block.text)
                self.at(doc, ("updates", i, "evidence", "quote"), "quote_not_found", found, hint)
            elif form != quote:
                self.forms[("updates", i)] = form

    def update_status(
        self, doc: YamlDoc, i: int, up: dict[str, Any], metric: dict[str, Any]
    ) -> None:
        """A quantity is 'achieved' only when its figure meets the promise, and a figure that
        meets it contradicts 'missed'."""
        value, target = up.get("value"), metric.get("target")
        if metric.get("kind") != "quantity" or not is_number(value) or not is_number(target):
            return
        comparator = metric.get("comparator")
        met = progress.meets(value, target, comparator)  # type: ignore[arg-type]
        status = up.get("status")
        figures = {
            "value": f"{value:g}",
            "target": f"{target:g}",
            "comparator": Msg(_COMPARATORS.get(str(comparator), "compared.at_least")),
        }
        hint: Hint
        if status == "achieved" and not met:
            hint = "achieved_below_target.hint"
            self.at(doc, ("updates", i, "status"), "achieved_below_target", figures, hint)
        elif status in ("missed", "not_started") and met:
            found = figures | {"status": status}
            hint = "status_contradicts_figure.hint"
            self.at(doc, ("updates", i, "status"), "status_contradicts_figure", found, hint)
