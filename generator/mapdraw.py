"""The county map for readers without JavaScript, as data: each county's outline (projected
here from the GeoJSON), colour, tooltip and label. macros/map.html draws it as inline SVG; the
live ECharts map (charts.py) uses the same colours and words."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from generator.catalogue import text
from generator.progress import CountyMeasure

# Colour-blind-safe sequential blues (ColorBrewer Blues) for the share done: none done (with a
# report) has a bin of its own, so a county with one done never looks like one with none; the
# lightest is dark enough to stand apart from the page, and counties are outlined in dark grey.
# (low, high, colour): low < share <= high, and the first bin is exactly 0.
BINS: tuple[tuple[float, float, str], ...] = (
    (0, 0, "#deebf7"),
    (0, 25, "#9ecae1"),
    (25, 50, "#6baed6"),
    (50, 75, "#3182bd"),
    (75, 100, "#08519c"),
)
NO_DATA = "#d9d9d9"  # the county has commitments of its own, none with a report
NO_OWN = "#f4f4f4"  # no commitment names the county (drawn hatched)
DARK_FILLS = ("#3182bd", "#08519c")  # labels on these are white


def bin_colour(share: float | None) -> str:
    if share is None:
        return NO_DATA
    if share <= 0:
        return BINS[0][2]
    return next((colour for low, high, colour in BINS[1:] if low < share <= high), BINS[-1][2])


def fill_of(m: CountyMeasure) -> str:
    """The county's colour: no commitment of its own, none reported, or the share done."""
    return NO_OWN if m.total == 0 else bin_colour(m.share)


def short_name(county: Any, lang: str) -> str:
    """The name printed on the map: 盐湖区; Yanhu (English names drop District/County/City)."""
    name = str(county.name(lang))
    return name if lang == "zh" else name.split(" ")[0]


def map_label(m: CountyMeasure, lang: str) -> str:
    """Name and done/own commitments, e.g. '永济市 1/3'; a county with none shows '–'."""
    return f"{short_name(m.county, lang)}\n{f'{m.done}/{m.total}' if m.total else '–'}"


def measure_words(m: CountyMeasure, lang: str) -> str:
    """'已完成 1/3（33.3%）': what the colour of a county says, in words."""
    if m.total == 0:
        return text("map.tip.no_own", lang)
    opening, closing = text("common.open_paren", lang), text("common.close_paren", lang)
    if m.share is None:
        return f"{text('map.tip.no_data', lang)}{opening}0/{m.total}{closing}"
    return f"{text('map.tip.done', lang)} {m.done}/{m.total}{opening}{m.share:g}%{closing}"


WIDTH = 600


@dataclass(frozen=True)
class MapBasis:
    """The county map projected once: each county's SVG path, the drawing's height and where
    each county's label goes. Plan makes it once per build (a `serve` session keeps it while
    the map file is unchanged) and every drawing of the map reuses it."""

    paths: tuple[tuple[str, str], ...]  # (code, path d)
    height: str
    centres: dict[str, tuple[float, float]]


def map_basis(geo: Any) -> MapBasis:
    """The basis of every drawing of the map in `geo` (GeoJSON)."""
    paths = dict(_geo_paths(geo))
    height = paths.pop("__height__")
    return MapBasis(tuple(paths.items()), height, _centres(paths))


def _geo_paths(geo: Any) -> tuple[tuple[str, str], ...]:
    """(code, SVG path d) per county, projected equirectangularly (cos φ)."""
    rings: list[tuple[str, list[list[list[float]]]]] = []
    for f in geo["features"]:
        code = str(f.get("id") or (f.get("properties") or {}).get("code"))
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        rings.append((code, [ring for poly in polys for ring in poly]))
    xs = [p[0] for _, rs in rings for r in rs for p in r]
    ys = [p[1] for _, rs in rings for r in rs for p in r]
    left, top = min(xs), max(ys)
    k = math.cos(math.radians((min(ys) + top) / 2))
    scale = WIDTH / ((max(xs) - left) * k)
    out = []
    for code, rs in rings:
        parts = []
        for r in rs:
            pts = [f"{(x - left) * k * scale:.1f},{(top - y) * scale:.1f}" for x, y in r]
            parts.append("M" + "L".join(pts) + "Z")
        out.append((code, "".join(parts)))
    height = (top - min(ys)) * scale
    return tuple(sorted(out)) + (("__height__", f"{height:.0f}"),)


def _centres(paths: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Where each county's label goes: the area centroid of its largest ring, in the paths'
    projection (so names sit inside their county)."""
    centres = {}
    for code, d in paths.items():
        best: tuple[float, float, float] = (0.0, 0.0, 0.0)
        for ring in d.split("M")[1:]:
            pts = [tuple(map(float, p.split(","))) for p in ring.rstrip("Z").split("L")]
            area = cx = cy = 0.0
            for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):
                cross = x0 * y1 - x1 * y0
                area += cross
                cx += (x0 + x1) * cross
                cy += (y0 + y1) * cross
            if area and abs(area) > abs(best[2]):
                best = (cx / (3 * area), cy / (3 * area), area)
        centres[code] = (best[0], best[1])
    return centres


@dataclass(frozen=True)
class CountyShape:
    """One county on the drawn map: its outline, colours, tooltip and label."""

    id: str  # the county's id (its page: urls.page("county", lang, id))
    d: str  # SVG path data
    fill: str  # a colour, or "url(#noown)" (hatched: no commitment names it)
    title: str  # "盐湖区: 已完成 1/3 (33%)"
    current: bool  # outlined: the county of the page it is drawn on
    x: str  # label position, in whole map units
    y: str
    ink: str  # label colour, readable on the fill
    name: str  # label lines: short name and done/own commitments
    count: str


@dataclass(frozen=True)
class MapDrawing:
    """Everything macros/map.html needs to draw the county map as inline SVG."""

    width: int
    height: str
    label: str  # what the colours measure (the map's accessible name)
    counties: tuple[CountyShape, ...]
    new_tab: bool = False  # links open a new tab (the embedded map)


def map_drawing(
    site: Any,
    measures: Sequence[CountyMeasure],
    lang: str,
    highlight: str | None = None,
    new_tab: bool = False,
    basis: MapBasis | None = None,
) -> MapDrawing:
    """The map to draw without JavaScript: one shape per county, with its name and measure.

    `new_tab`: the links open a new tab (the embedded map must not load the site inside the
    frame of the page that embeds it). `basis`: the projected map (map_basis), when the
    caller has it."""
    basis = basis or map_basis(site.geo)
    paths, height, centres = dict(basis.paths), basis.height, basis.centres
    by_code = {m.county.code: m for m in measures}
    shapes = []
    for code, d in paths.items():
        m = by_code.get(code)
        if m is None:
            continue
        fill = fill_of(m)
        x, y = centres[code]
        name, count = map_label(m, lang).split("\n")
        shapes.append(
            CountyShape(
                id=m.county.id,
                d=d,
                fill="url(#noown)" if m.total == 0 else fill,
                title=f"{m.county.name(lang)}{text('common.colon', lang)}{measure_words(m, lang)}",
                current=highlight == m.county.id,
                x=f"{x:.0f}",
                y=f"{y:.0f}",
                ink="#fff" if fill in DARK_FILLS else "#1a1a1a",
                name=name,
                count=count,
            )
        )
    label = text("map.tip.measure", lang)
    return MapDrawing(WIDTH, height, label, tuple(shapes), new_tab)


def highlighted(drawing: MapDrawing, county_id: str | None) -> MapDrawing:
    """The same drawing with `county_id` outlined and no other (what map_drawing makes with
    that highlight): the 26 county pages of a build share one drawing's shapes and words."""
    shapes = tuple(
        s if s.current == (s.id == county_id) else replace(s, current=not s.current)
        for s in drawing.counties
    )
    if all(a is b for a, b in zip(shapes, drawing.counties, strict=True)):
        return drawing
    return replace(drawing, counties=shapes)
