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
from collections.abc import Iterator
from typing import Any

from generator import hosting, progress
from generator.incremental import NO_REUSE, NoReuse
from generator.model import Section, Site, Target

FIELDS: list[tuple[str, str, str, str]] = [
    # name, type, zh description, en description
    (
        "id",
        "string",
        "承诺编号（永久不变，也是网址的一部分）",
        "Permanent id, also part of its web address",
    ),
    ("title_zh", "string", "标题（中文）", "Title in Chinese"),
    ("title_en", "string", "标题（英文）", "Title in English"),
    ("section", "string", "报告部分编号", "Part of the report (id)"),
    ("section_zh", "string", "报告部分（中文）", "Part of the report, in Chinese"),
    ("section_en", "string", "报告部分（英文）", "Part of the report, in English"),
    ("theme", "string", "主题编号", "Theme (id)"),
    ("paragraph", "string", "报告段落编号", "Paragraph id in the report"),
    ("quote", "string", "报告原文", "The report's exact words (Chinese)"),
    (
        "kind",
        "string",
        "类型：quantity 量化 / milestone 节点 / qualitative 定性",
        "Kind: quantity, milestone or qualitative",
    ),
    ("target", "number", "目标数值（量化指标）", "Figure promised (quantified targets)"),
    (
        "comparator",
        "string",
        "比较方式：at_least / more_than / at_most / exactly / increase_pct",
        "How the figure is compared: at_least, more_than, at_most, exactly, increase_pct",
    ),
    ("unit_zh", "string", "单位（中文）", "Unit in Chinese"),
    ("unit_en", "string", "单位（英文）", "Unit in English"),
    (
        "counties",
        "string",
        "涉及县（市、区）编号，以空格分隔；all 表示全市",
        "County ids, space-separated; all = the whole city",
    ),
    ("deadline", "date", "完成期限", "Deadline"),
    (
        "status",
        "string",
        "最新状态；achieved_late 表示晚于期限完成，no_update 表示尚无进展报告",
        "Latest status; achieved_late = done after the deadline, no_update = nothing reported",
    ),
    ("status_date", "date", "最新状态的日期", "Date of the latest status"),
    (
        "status_at_deadline",
        "string",
        "完成期限时的状态（期限当日或之前的最后一条进展）；no_update 表示期限前无报告",
        "Status at the deadline (the last update dated on or before it); no_update = none",
    ),
    (
        "deadline_passed_open",
        "boolean",
        "期限已过，且没有报告说明已完成或未完成",
        "The deadline has passed and no report says it was done or missed",
    ),
    ("checked", "date", "最后核查日期（对照公开来源）", "Date last checked against the sources"),
    ("value", "number", "最新数值", "Latest figure reported"),
    ("percent", "number", "完成比例（%），由本站计算", "Share of the target reached (%), computed"),
    (
        "schedule",
        "string",
        "进度研判：done / ahead / on_schedule / behind",
        "Against the clock: done, ahead, on_schedule, behind",
    ),
    ("source_title", "string", "最新进展的来源标题", "Title of the latest update's source"),
    ("source_url", "string", "最新进展的来源网址", "Address of the latest update's source"),
    ("updates", "integer", "进展记录条数", "Number of progress reports"),
]
STATUSES = list(progress.STATUS_ORDER)


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


def _csv(lines: list[bytes]) -> bytes:
    head = _csv_line([f[0] for f in FIELDS]).encode("utf-8-sig")  # BOM: Excel on Chinese
    return head + b"".join(lines)  # Windows reads UTF-8 only with it


def datapackage(site: Site) -> dict[str, Any]:
    """Frictionless Data Package describing targets.csv, with bilingual field descriptions."""
    fields = []
    for name, kind, zh, en in FIELDS:
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
    site: Site, base_url: str | None, reuse: NoReuse = NO_REUSE, today: dt.date | None = None
) -> Iterator[tuple[str, bytes]]:
    """Every data file as (path, bytes), made one at a time so a build can write each and
    forget it (at 10,000 targets they are 60 MB). With a `serve` session's reuse, each
    unchanged target's serialised row is the very same bytes as last time."""
    today = today or dt.date.today()
    made = [
        reuse.memo(
            "data-row",
            t.id,
            _serialised,
            t,
            site.section(t.section),
            site.info.report_date,
            today,
        )
        for t in site.targets
    ]
    for (path, _, file), _ in made:
        yield path, file
    texts = [m[0][1] for m in made]
    lines = [m[1] for m in made]
    fields = _json({f[0]: {"zh": f[2], "en": f[3]} for f in FIELDS}).rstrip(b"\n")
    # the bytes json.dumps({"fields": …, "targets": […]}, sort_keys=True) would give, joined
    # from each target's text instead of encoding 10,000 targets again
    yield (
        "data/targets.json",
        b"".join((b'{"fields":', fields, b',"targets":[', b",".join(texts), b"]}\n")),
    )
    del texts
    yield "data/targets.csv", _csv(lines)
    del lines
    yield "data/datapackage.json", _json(datapackage(site))
    yield "robots.txt", _robots(base_url)
    yield "_headers", hosting.headers_file()
    from generator.schema import schema_bytes

    yield "schema/target.json", schema_bytes()


def _serialised(
    t: Target, section: Section, report_date: dt.date, today: dt.date
) -> tuple[tuple[str, bytes, bytes], bytes]:
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
