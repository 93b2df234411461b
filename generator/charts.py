"""Charts: ECharts options as plain dicts; the same figures for readers without JavaScript
are the county map drawn from mapdraw.py's data and the pages' own tables.

The options are what pyecharts 2.1 made for these charts (its defaults spelled out in
generator/echarts_defaults.py), written directly: importing pyecharts took 0.2 s of every
build (a third of a 100-target build's imports), and the options it made are the same data.
tests/unit/test_chart_options.py compares them with pyecharts' own when it is installed.
Then the extra fields the site script reads (tooltip lines, link per county). Built
once per distinct chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from generator import echarts_defaults, urls
from generator.catalogue import text
from generator.formats import number
from generator.mapdraw import (  # the map's colours and words are mapdraw's
    BINS,
    DARK_FILLS,
    NO_DATA,
    NO_OWN,
    MapBasis,
    MapDrawing,
    fill_of,
    highlighted,
    map_drawing,
    map_label,
    measure_words,
)
from generator.progress import STATUS_ORDER, CountyMeasure

# Okabe–Ito based status colours; the words and icons carry the meaning, colour only helps.
STATUS_COLOURS = {
    "achieved": "#009E73",
    "achieved_late": "#7FCBB5",
    "on_track": "#0072B2",
    "in_progress": "#56B4E9",
    "at_risk": "#E69F00",
    "missed": "#D55E00",
    "not_started": "#999999",
    "no_update": "#DDDDDD",
}
# The charts' words, from the message catalogue: status names, and the map's tooltip lines
_WORDS = {
    **{status: f"status.{status}" for status in STATUS_ORDER},
    "no_data": "map.tip.no_data",
    "no_own": "map.tip.no_own",
    "measure": "map.tip.measure",
    "done": "map.tip.done",
    "commitments": "map.tip.commitments",
    "citywide": "map.tip.citywide",
    "reported": "map.tip.reported",
    "by_section": "chart.sections",
}


def _words(lang: str) -> dict[str, str]:
    return {name: text(key, lang) for name, key in _WORDS.items()}


@dataclass(frozen=True)
class ChartData:
    """One chart: its id, the ECharts option, and the no-JS fallbacks (the county map's
    drawing, which macros/map.html draws as SVG; the rows of its table)."""

    id: str
    option: dict[str, Any]
    svg: MapDrawing | None = None
    rows: tuple[Any, ...] = field(default=())


def bin_label(low: float, high: float) -> str:
    return f"{low:g}%" if low == high else f"{low:g}–{min(high, 100):g}%"


# -- the county map ----------------------------------------------------------------------------


def county_map(
    site: Any,
    measures: Sequence[CountyMeasure],
    lang: str,
    highlight: str | None = None,
    skeleton: dict[str, Any] | None = None,
    basis: MapBasis | None = None,
    base: ChartData | None = None,
) -> ChartData:
    """Choropleth of all counties; `highlight` outlines one county (its own page).
    `skeleton` (map_skeleton) and `basis` (mapdraw.map_basis): made once by the caller for
    every map of a build, or here when not given. `base`: this map without a highlight (made
    here from the same site, measures and language), whose words and drawing are reused: the
    county pages' maps differ from it only in the county outlined."""
    words = _words(lang)
    name_of = {c.code: c.name(lang) for c in site.counties}
    if base is not None and base.svg is not None:
        data = [dict(item) for item in base.option["series"][0]["data"]]
        drawing = highlighted(base.svg, highlight)
    else:
        data = _map_data(measures, lang, words, name_of)
        drawing = map_drawing(site, measures, lang, highlight, basis=basis)
    for m, item in zip(measures, data, strict=True):
        if highlight == m.county.id:
            item["itemStyle"] = {"borderColor": "#111", "borderWidth": 3}
            item["selected"] = True
    chart_id = f"map-{highlight or 'all'}-{lang}"
    skeleton = skeleton or map_skeleton(site.geo, lang, tuple(name_of.items()))
    option = {**skeleton, "series": [dict(skeleton["series"][0])]}
    series = option["series"][0]
    series["data"] = data
    series.pop("mapType", None)
    series["map"] = "yuncheng"
    series["selectedMode"] = False
    series["emphasis"] = {
        "label": {"show": True},
        "itemStyle": {"borderColor": "#111", "borderWidth": 2.5},
    }
    series["itemStyle"] = {"borderColor": "#4d4d4d", "borderWidth": 1}
    option.update(_common(lang, words["measure"]))
    option.pop("legend", None)
    rows = base.rows if base is not None and base.rows == tuple(measures) else tuple(measures)
    return ChartData(chart_id, option, drawing, rows)  # the base's rows: one table, rendered once


def _map_data(
    measures: Sequence[CountyMeasure], lang: str, words: dict[str, str], name_of: dict[str, str]
) -> list[dict[str, Any]]:
    """The map's data: one item per county, with its tooltip lines, link and label."""
    data = []
    for m in measures:
        c = m.county
        share = m.share
        fill = fill_of(m)
        colon = text("common.colon", lang)
        tip = [
            c.name(lang),
            f"{words['commitments']}{colon}{m.total}",
            f"{words['reported']}{colon}{m.reported}",
            measure_words(m, lang),
        ]
        tip += [f"{words[s]}{colon}{n}" for s, n in m.counts.items() if n and s != "no_update"]
        tip.append(f"{words['citywide']}{colon}{m.citywide}")
        item: dict[str, Any] = {
            "name": name_of[c.code],
            "value": -2 if m.total == 0 else (-1 if share is None else share),
            "tip": tip,
            "url": urls.page("county", lang, c.id).removesuffix("index.html"),
            "label": {
                "show": True,
                "formatter": map_label(m, lang).replace("{", "").replace("}", ""),
                "color": "#fff" if fill in DARK_FILLS else "#1a1a1a",
                "fontSize": 12,
                "lineHeight": 15,
            },
        }
        data.append(item)
    return data


def map_skeleton(geo: Any, lang: str, names: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    """The county map's options apart from its data: plan makes it once per
    language for the 28 maps of a build. Callers copy what they change."""
    words = _words(lang)
    zh_name = {code: _feature_name(geo, code) for code, _ in names}
    pieces = [
        {"value": 0, "label": bin_label(*BINS[0][:2]), "color": BINS[0][2]},
        *(
            {"gt": low, "lte": high, "label": bin_label(low, high), "color": colour}
            for low, high, colour in BINS[1:]
        ),
    ]
    pieces.insert(0, {"value": -1, "label": words["no_data"], "color": NO_DATA})
    pieces.insert(0, {"value": -2, "label": words["no_own"], "color": NO_OWN})
    series = echarts_defaults.map_series(
        words["measure"],
        [{"name": name, "value": -1} for _, name in names],  # replaced by each map's own data
        {zh_name[code]: name for code, name in names},
    )
    visual_map = {
        "show": False,
        "type": "piecewise",
        "min": 0,
        "max": 100,
        "inRange": {"color": ["#50a3ba", "#eac763", "#d94e5d"]},
        **echarts_defaults.VISUAL_MAP,
        "padding": 5,
        "showLabel": True,
        "itemWidth": 20,
        "itemHeight": 14,
        "borderWidth": 0,
        "pieces": pieces,
    }
    return echarts_defaults.defaults(
        [series], [words["measure"]], True, "item", visualMap=visual_map
    )


def target_county_map(site: Any, view: Any, lang: str) -> ChartData:
    """Per-county figures of one target's last update, on the map."""
    values = dict((c.code, v) for c, v in view.county_values)
    name_of = {c.code: c.name(lang) for c in site.counties}
    zh_name = {c.code: _feature_name(site.geo, c.code) for c in site.counties}
    unit = view.target.metric.unit(lang) if view.target.metric.unit else ""
    top = max(values.values()) if values else 1
    data = [
        {
            "name": name_of[c.code],
            "value": values.get(c.code, -1),
            "tip": [
                c.name(lang),
                f"{number(values[c.code], lang)} {unit}"
                if c.code in values
                else text("map.tip.no_data", lang),
            ],
            "url": urls.page("county", lang, c.id).removesuffix("index.html"),
        }
        for c in site.counties
    ]
    chart_id = f"map-target-{view.target.id}-{lang}"
    series = echarts_defaults.map_series(
        unit or "value",
        [{"name": d["name"], "value": d["value"]} for d in data],  # replaced by data below
        {zh_name[code]: name for code, name in name_of.items()},
    )
    visual_map = {
        "show": True,
        "type": "continuous",
        "min": 0,
        "max": top,
        "inRange": {"color": ["#eff3ff", "#08519c"]},
        **echarts_defaults.VISUAL_MAP,
        "left": "left",
        "padding": 5,
        "showLabel": True,
        "itemWidth": 20,
        "itemHeight": 140,
        "borderWidth": 0,
    }
    option = echarts_defaults.defaults(
        [series], [unit or "value"], True, "item", visualMap=visual_map
    )
    series["data"] = data
    option["visualMap"]["outOfRange"] = {"color": NO_DATA}
    option.update(_common(lang, view.target.title(lang)))
    option.pop("legend", None)
    return ChartData(chart_id, option, None, ())


def _common(lang: str, description: str) -> dict[str, Any]:
    return {
        "animation": False,
        "aria": {"enabled": True, "label": {"description": description, "data": {"maxCount": 13}}},
        "tooltip": {"trigger": "item", "confine": True},
    }


def _feature_name(geo: dict[str, Any], code: str) -> str:
    for f in geo["features"]:
        props = f.get("properties") or {}
        if str(f.get("id")) == code or str(props.get("code")) == code:
            return str(props.get("name", code))
    return code


# -- status by section (bar) -------------------------------------------------------------------


def sections_bar(
    site: Any,
    counts: dict[str, dict[str, int]],
    lang: str,
    skeleton: dict[str, Any] | None = None,
) -> ChartData:
    """Commitments by status in each part of the report; `counts` by section id, then status.
    `skeleton`: bar_skeleton(site.sections, lang), when the caller keeps it."""
    sections = site.sections
    chart_id = f"sections-{lang}"
    skeleton = skeleton or bar_skeleton(sections, lang)
    option = {**skeleton, "series": [dict(series) for series in skeleton["series"]]}
    for series, status in zip(option["series"], STATUS_ORDER, strict=True):
        series["data"] = [counts[s.id][status] for s in sections]
    rows = tuple((s, counts[s.id], sum(counts[s.id].values())) for s in sections)
    return ChartData(chart_id, option, None, rows)


# the site's own type (site.css --font), so chart labels match the page
FONT = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif'


def bar_skeleton(sections: Any, lang: str) -> dict[str, Any]:
    """The sections chart's options apart from its counts; callers copy the
    series they fill.

    Bars are labelled with each part's short plain-language label (sections.yaml `short:`), so
    no label is cut on a phone; the value axis has whole-number ticks that hide rather than
    overlap; the legend is the page's own (HTML, beside the no-JS bars), not the chart's."""
    names = tuple(s.label(lang) for s in sections)
    words = _words(lang)
    series = [
        echarts_defaults.bar_series(words[status], [0 for _ in names]) for status in STATUS_ORDER
    ]
    option = echarts_defaults.defaults(
        series,  # each series' data is replaced by each chart's counts
        [words[status] for status in STATUS_ORDER],
        False,
        "axis",
        xAxis=[echarts_defaults.axis()],
        yAxis=[echarts_defaults.axis(data=list(names))],
        color=[STATUS_COLOURS[status] for status in STATUS_ORDER],
    )
    option.update(_common(lang, words["by_section"]))
    option["tooltip"] = {"trigger": "axis", "axisPointer": {"type": "shadow"}, "confine": True}
    option["grid"] = {"left": 4, "right": 20, "top": 8, "bottom": 4, "containLabel": True}
    option["textStyle"] = {"fontFamily": FONT}
    y_axis = option["yAxis"][0]
    y_axis["inverse"] = True
    y_axis["axisTick"] = {"show": False}
    y_axis["axisLabel"] = {"fontSize": 13, "color": "#1a1a1a", "margin": 10}
    x_axis = option["xAxis"][0]
    x_axis["minInterval"] = 1
    x_axis["splitNumber"] = 4
    x_axis["axisLabel"] = {"fontSize": 12, "color": "#444444", "hideOverlap": True}
    return option
