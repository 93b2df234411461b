"""Data files beside the pages: open data (JSON, CSV, Data Package), Atom feeds, sitemap,
robots.txt, the editor schema and the `_headers` file for hosts that read it.

Everything is derived from the model and sorted, with no build timestamps: the feed's
`updated` is the newest update's date, so the same content always gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import repeat
from operator import itemgetter
from typing import Any

from generator import hosting, progress
from generator.catalogue import catalogue, text
from generator.incremental import NO_REUSE, NoReuse
from generator.model import Section, Site, Target
from generator.write import Part

FIELDS: list[tuple[str, str]] = [
    # name, type; what each means is field.<name> in generator/catalogue/fields.yaml
    ("id", "string"),
    ("title_zh", "string"),
    ("title_en", "string"),
    ("section", "string"),
    ("section_zh", "string"),
    ("section_en", "string"),
    ("theme", "string"),
    ("paragraph", "string"),
    ("quote", "string"),
    ("kind", "string"),
    ("target", "number"),
    ("comparator", "string"),
    ("unit_zh", "string"),
    ("unit_en", "string"),
    ("counties", "string"),
    ("deadline", "date"),
    ("status", "string"),
    ("status_date", "date"),
    ("status_at_deadline", "string"),
    ("deadline_passed_open", "boolean"),
    ("checked", "date"),
    ("value", "number"),
    ("percent", "number"),
    ("schedule", "string"),
    ("source_title", "string"),
    ("source_url", "string"),
    ("updates", "integer"),
    ("report", "string"),
    ("continues", "string"),
    ("continued_in", "string"),
]
STATUSES = list(progress.STATUS_ORDER)


def field_descriptions() -> dict[str, dict[str, str]]:
    """Each field's description in both languages (targets.json's "fields")."""
    return {name: catalogue().both(f"field.{name}") for name, _ in FIELDS}


def _row(t: Target, section: Section, report_date: dt.date, today: dt.date) -> dict[str, Any]:
    last = t.last
    m = t.metric
    return {
        "id": t.id,
        "title_zh": t.title.zh,
        "title_en": t.title.en,
        "section": t.section,
        "section_zh": section.title.zh,
        "section_en": section.title.en,
        "theme": t.theme,
        "paragraph": t.paragraph,
        "quote": t.quote,
        "kind": m.kind,
        "target": m.target,
        "comparator": m.comparator,
        "unit_zh": m.unit.zh if m.unit else None,
        "unit_en": m.unit.en if m.unit else None,
        "counties": " ".join(t.counties),
        "deadline": t.deadline.isoformat(),
        "status": t.status,
        "status_date": last.date.isoformat() if last else None,
        "status_at_deadline": t.at_deadline.status if t.at_deadline else "no_update",
        "deadline_passed_open": progress.overdue(t, today),
        "checked": t.checked.isoformat() if t.checked else None,
        "value": last.value if last else None,
        "percent": progress.percent(t),
        "schedule": progress.schedule(t, report_date),
        "source_title": last.source.title if last and last.source else None,
        "source_url": last.source.url if last and last.source else None,
        "updates": len(t.updates),
        "report": t.report or None,
        "continues": t.continues,
        "continued_in": " ".join(t.continued_in) or None,
    }


def target_json(
    t: Target, section: Section, report_date: dt.date, today: dt.date
) -> dict[str, Any]:
    """One target with its whole history: stable field names, both languages."""
    doc = _row(t, section, report_date, today)
    doc["history"] = [
        {
            "date": u.date.isoformat(),
            "status": u.status,
            "value": u.value,
            "counties": dict(u.counties) or None,
            "note_zh": u.note.zh if u.note else None,
            "note_en": u.note.en if u.note else None,
            "source_title": u.source.title if u.source else None,
            "source_url": u.source.url if u.source else None,
            "evidence": {
                "document": u.evidence.document,
                "paragraph": u.evidence.paragraph,
                "quote": u.evidence.quote,
                "quote_en": u.evidence.en,
            }
            if u.evidence
            else None,
        }
        for u in t.updates
    ]
    return doc


def _json(value: Any) -> bytes:
    # compact: no indent keeps json's C encoder (indent falls back to the pure-Python one)
    return (
        json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    ).encode()


def _csv_line(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()


def datapackage(site: Site) -> dict[str, Any]:
    """Frictionless Data Package describing targets.csv, with bilingual field descriptions."""
    fields = []
    for name, kind in FIELDS:
        en, zh = (text(f"field.{name}", lang) for lang in ("en", "zh"))
        field: dict[str, Any] = {"name": name, "type": kind, "description": f"{en} / {zh}"}
        if name == "status":
            field["constraints"] = {"enum": STATUSES, "required": True}
        if name == "id":
            field["constraints"] = {"required": True, "unique": True}
        fields.append(field)
    return {
        "name": "yuncheng-2021-commitments",
        "title": f"{site.info.title.en} / {site.info.title.zh}",
        "description": site.info.report_title.en + " / " + site.info.report_title.zh,
        "licenses": [{"name": site.info.licence_id, "path": site.info.licence_url}],
        "resources": [
            {
                "name": "targets",
                "path": "targets.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields, "primaryKey": ["id"]},
            }
        ],
    }


def data_files(
    site: Site,
    base_url: str | None,
    reuse: NoReuse = NO_REUSE,
    today: dt.date | None = None,
    stream: bool = False,
) -> Iterator[tuple[str, bytes | Part]]:
    """Every data file as (path, bytes), made one at a time so a build can write each and
    forget it. With `stream` (a full build), the files that list every target (targets.json,
    targets.csv) come as pieces (write.Part), one per target, between the targets' own files:
    nothing holds all targets' bytes at once (at 100,000 targets they are 500 MB). Without it
    they come whole, the same bytes (whole_files)."""
    if not stream:
        yield from whole_files(site, base_url, reuse, today).items()
        return
    today = today or dt.date.today()
    date = site.info.report_date
    of_each = map(_section_of(site, reuse), site.targets)
    yield from _parts(
        _heads(), map(_serialised, site.targets, of_each, repeat(date), repeat(today))
    )
    yield from _small_files(site, base_url)


def whole_files(
    site: Site, base_url: str | None, reuse: NoReuse = NO_REUSE, today: dt.date | None = None
) -> dict[str, bytes]:
    """Every data file whole, as a `serve` session keeps them: joined in C from each target's
    serialised row, and with the session's reuse an unchanged target's row is the very same
    bytes as last time (a one-target edit at 10,000 targets serialises one target)."""
    targets = site.targets
    of_each = list(map(_section_of(site, reuse), targets))
    date = site.info.report_date
    rows = reuse.each("data-row", _serialised, (targets, of_each), date, today or dt.date.today())
    own = list(map(itemgetter(0), rows))
    json_head, csv_head = _heads()
    files = {
        "data/targets.json": b"".join((json_head, b",".join(map(itemgetter(1), own)), b"]}\n")),
        "data/targets.csv": csv_head + b"".join(map(itemgetter(1), rows)),
    }
    files.update(zip(map(itemgetter(0), own), map(itemgetter(2), own), strict=True))
    files.update(_small_files(site, base_url))
    return files


def _section_of(site: Site, reuse: NoReuse) -> Callable[[Target], Section]:
    """Each target's part: the same Section objects as plan's (Reuse.canonical), so an
    unchanged target's row is reused although validation made its section anew."""
    sections = {x.id: reuse.canonical("section", x.id, x) for x in site.sections}
    return lambda t: sections[t.section]


def _small_files(site: Site, base_url: str | None) -> Iterator[tuple[str, bytes]]:
    from generator.schema import schema_bytes

    yield "data/datapackage.json", _json(datapackage(site))
    yield "robots.txt", _robots(base_url)
    yield "_headers", hosting.headers_file()
    yield "schema/target.json", schema_bytes()


Row = tuple[tuple[str, bytes, bytes], bytes]  # ((file path, JSON, file), CSV line)


def _heads() -> tuple[bytes, bytes]:
    """The start of targets.json and of targets.csv, before the first target. targets.json is
    the bytes json.dumps({"fields": …, "targets": […]}, sort_keys=True) would give, joined
    from each target's text instead of encoding every target again; targets.csv starts with
    a BOM, without which Excel on Chinese Windows does not read UTF-8."""
    fields = _json(field_descriptions()).rstrip(b"\n")
    csv_head = _csv_line([name for name, _ in FIELDS]).encode("utf-8-sig")
    return b"".join((b'{"fields":', fields, b',"targets":[')), csv_head


def _parts(heads: tuple[bytes, bytes], rows: Iterable[Row]) -> Iterator[tuple[str, bytes | Part]]:
    """Each target's file, and the two files of every target in pieces between them."""
    yield "data/targets.json", Part(heads[0])
    yield "data/targets.csv", Part(heads[1])
    comma = b""
    for (path, row_json, file), line in rows:
        yield path, file
        yield "data/targets.json", Part(comma + row_json)
        yield "data/targets.csv", Part(line)
        comma = b","
    yield "data/targets.json", Part(b"]}\n", end=True)
    yield "data/targets.csv", Part(b"", end=True)


def _serialised(t: Target, section: Section, report_date: dt.date, today: dt.date) -> Row:
    """((file path, JSON, file), CSV line) of one target, as UTF-8: the big files are joined from these
    bytes, never encoded again."""
    text = json.dumps(
        target_json(t, section, report_date, today),
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    row = _row(t, section, report_date, today)
    line = _csv_line(["" if v is None else v for v in row.values()])
    return (f"data/targets/{t.id}.json", text, text + b"\n"), line.encode()


def _robots(base_url: str | None) -> bytes:
    text = "User-agent: *\nAllow: /\n"
    if base_url:
        text += f"Sitemap: {base_url}sitemap.xml\n"
    return text.encode()
