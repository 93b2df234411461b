"""The files targets refer to: counties, sections and themes, publishers, source documents, the
glossary and the map. Each is checked against its spec, then for ids used twice."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator import spec
from generator.errors import Msg
from generator.model import County, Document, GlossaryEntry, Publisher, Section, Theme
from generator.validate.base import Base
from generator.validate.convert import text


class ReferenceChecks(Base):
    def publisher_register(self) -> tuple[Publisher, ...]:
        doc = self.src.publishers
        value = self.checked(doc, spec.PUBLISHERS)
        if value is None or doc is None:
            return ()
        seen: dict[str, int] = {}
        result = []
        for i, item in enumerate(value):
            domain = item["domain"].lower()
            if domain in seen:
                self.at(doc, (i, "domain"), "duplicate_publisher", {"domain": domain})
            seen[domain] = i
            result.append(Publisher(domain, text(item["name"]), item["kind"]))
        return tuple(result)

    def source_documents(self) -> dict[str, Document]:
        result: dict[str, Document] = {}
        for name, (meta, blocks, file) in self.src.documents.items():
            value = self.checked(meta, spec.DOCUMENT)
            if value is None or meta is None or blocks is None:
                continue
            if value["id"] != name:
                hint = Msg("hint.set_id", {"id": name})
                self.at(meta, ("id",), "id_not_folder", {"id": value["id"], "folder": name}, hint)
                continue
            archive = value.get("archive")
            result[name] = Document(
                id=name,
                title=text(value["title"]),
                date=dt.date.fromisoformat(value["date"]),
                publisher=text(value["publisher"]),
                blocks=tuple(blocks),
                file=file,
                session=text(value["session"]) if "session" in value else None,
                speaker=text(value["speaker"]) if "speaker" in value else None,
                archive_url=archive["url"] if archive else None,
                archive_label=text(archive["label"]) if archive else None,
            )
        return result

    def counties(self) -> tuple[County, ...] | None:
        doc = self.src.counties
        value = self.checked(doc, spec.COUNTIES)
        if value is None or doc is None:
            return None
        result: list[County] = []
        ids: dict[str, int] = {}
        codes: dict[str, int] = {}
        for i, item in enumerate(value):
            code = str(item["code"])
            for seen, key, shown in ((ids, item["id"], "id"), (codes, code, "code")):
                if key in seen:
                    first = doc.at((seen[key], shown))[0]
                    self.at(
                        doc,
                        (i, shown),
                        "duplicate_county_id" if shown == "id" else "duplicate_county_code",
                        {"value": key, "line": first},
                        "duplicate_county.hint",
                    )
                seen[key] = i
            if item["id"] == "all":
                self.at(doc, (i, "id"), "all_reserved", None, "hint.another_id")
            result.append(County(item["id"], code, text(item["name"])))
        return tuple(result)

    def sections(self) -> tuple[Section, ...] | None:
        doc = self.src.sections
        value = self.checked(doc, spec.SECTIONS)
        if value is None or doc is None:
            return None
        result: list[Section] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(value):
            if item["id"] in seen:
                self.at(doc, (i, "id"), "duplicate_section", {"id": item["id"]})
            seen[item["id"]] = i
            themes, theme_seen = [], set()
            for j, th in enumerate(item["themes"]):
                if th["id"] in theme_seen:
                    self.at(doc, (i, "themes", j, "id"), "duplicate_theme", {"id": th["id"]})
                theme_seen.add(th["id"])
                themes.append(Theme(th["id"], item["id"], th["paragraph"], text(th["title"])))
            result.append(
                Section(
                    item["id"],
                    text(item["number"]),
                    item["paragraph"],
                    text(item["title"]),
                    tuple(themes),
                    text(item["short"]) if "short" in item else None,
                )
            )
        return tuple(result)

    def glossary(self) -> tuple[GlossaryEntry, ...]:
        value = self.checked(self.src.glossary, spec.GLOSSARY)
        return tuple(GlossaryEntry(text(e["term"]), text(e["gloss"])) for e in value or ())

    # -- map ---------------------------------------------------------------------------------

    def geo(self, counties: tuple[County, ...] | None) -> dict[str, Any] | None:
        geo, file = self.src.geo, self.src.geo_file
        if geo is None:
            return None
        if (
            not isinstance(geo, dict)
            or geo.get("type") != "FeatureCollection"
            or not isinstance(geo.get("features"), list)
        ):
            self.add(file, 1, "map_not_collection")
            return None
        codes: dict[str, int] = {}
        for i, feature in enumerate(geo["features"]):
            code = _feature_code(feature)
            geometry = feature.get("geometry") if isinstance(feature, dict) else None
            if (
                code is None
                or not isinstance(geometry, dict)
                or geometry.get("type") not in ("Polygon", "MultiPolygon")
            ):
                self.add(file, 1, "map_feature", {"n": i}, "map_feature.hint")
                continue
            codes[code] = i
        if counties is None:
            return None
        known = {c.code for c in counties}
        for code in sorted(known - codes.keys()):
            self.add(file, 1, "map_missing_county", {"code": code}, "map_missing_county.hint")
        for code in sorted(codes.keys() - known):
            self.add(file, 1, "map_unknown_county", {"code": code}, "map_unknown_county.hint")
        return geo if known == codes.keys() else None


def _feature_code(feature: Any) -> str | None:
    if not isinstance(feature, dict):
        return None
    props: dict[str, Any] = (
        feature["properties"] if isinstance(feature.get("properties"), dict) else {}
    )
    for value in (feature.get("id"), props.get("code"), props.get("adcode")):
        if value is not None and re.fullmatch(r"\d{6}", str(value)):
            return str(value)
    return None
