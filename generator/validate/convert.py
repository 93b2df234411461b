"""Checked YAML values → the model's frozen dataclasses (called only on values without errors)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.model import Contact, Evidence, Metric, SiteInfo, Source, Target, Text, Update
from generator.yamlnodes import YamlDoc


def text(value: dict[str, str]) -> Text:
    return Text(value["zh"].strip(), value["en"].strip())


def is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def contact(value: dict[str, Any] | None) -> Contact | None:
    """site.yaml `contact:`, or None when it names no way to reach anyone."""
    if not value:
        return None
    result = Contact(
        email=value["email"].strip() if "email" in value else None,
        url=value["url"].strip() if "url" in value else None,
        name=text(value["name"]) if "name" in value else None,
    )
    return result if result.reachable else None


def site_info(value: dict[str, Any]) -> SiteInfo:
    report = value["report"]
    return SiteInfo(
        title=text(value["title"]),
        report_title=text(report["title"]),
        report_date=dt.date.fromisoformat(report["date"]),
        session=text(report["session"]) if "session" in report else None,
        publisher=text(value["publisher"]),
        base_url=value.get("base_url"),
        geo_file=value["geo"],
        licence_id=value["licence"]["id"],
        licence_url=value["licence"]["url"],
        contact=contact(value.get("contact")),
        staff_lang=value.get("staff_lang"),
    )


def target(doc: YamlDoc, v: dict[str, Any]) -> Target:
    m = v.get("metric") or {"kind": "qualitative"}
    metric = Metric(
        m["kind"],
        m.get("target"),
        m.get("comparator"),
        text(m["unit"]) if "unit" in m else None,
        m.get("baseline"),
    )
    search = v.get("search") or {}
    return Target(
        id=v["id"],
        file=doc.file,
        section=v["section"],
        theme=v["theme"],
        title=text(v["title"]),
        paragraph=v["source"]["paragraph"],
        quote=v["source"]["quote"],
        metric=metric,
        counties=tuple(v["counties"]),
        deadline=dt.date.fromisoformat(v["deadline"]),
        updates=tuple(update(u) for u in v.get("updates") or ()),
        checked=dt.date.fromisoformat(v["checked"]) if "checked" in v else None,
        search_zh=tuple(w.strip() for w in search.get("zh") or ()),
        search_en=tuple(w.strip() for w in search.get("en") or ()),
        continues=v.get("continues"),
        continued_in=tuple(v.get("continued_in") or ()),
    )


def update(u: dict[str, Any]) -> Update:
    src, ev = u.get("source"), u.get("evidence")
    return Update(
        date=dt.date.fromisoformat(u["date"]),
        status=u["status"],
        value=u.get("value"),
        counties=tuple(sorted((u.get("counties") or {}).items())),
        note=text(u["note"]) if "note" in u else None,
        source=Source(src["title"].strip(), src["url"].strip(), src.get("publisher"))
        if src
        else None,
        evidence=Evidence(ev["document"], ev["paragraph"], ev["quote"], ev["en"].strip())
        if ev
        else None,
    )
