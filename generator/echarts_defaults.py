"""ECharts options as pyecharts 2.1 wrote them (its dump_options()): the defaults each chart,
series and axis carried, as plain dicts. generator/charts.py makes the site's charts from
these without importing pyecharts (0.2 s of every build); tests/unit/test_chart_options.py
compares the result with pyecharts' own output.
"""

from __future__ import annotations

from typing import Any

_ANIMATION = {
    "animation": True,
    "animationThreshold": 2000,
    "animationDuration": 1000,
    "animationEasing": "cubicOut",
    "animationDelay": 0,
    "animationDurationUpdate": 300,
    "animationEasingUpdate": "cubicOut",
    "animationDelayUpdate": 0,
}
_LABEL_OFF = {"show": False, "margin": 8, "richInheritPlainLabel": True, "valueAnimation": False}
VISUAL_MAP = {  # VisualMapOpts' fields between inRange and padding
    "calculable": True,
    "inverse": False,
    "splitNumber": 5,
    "hoverLink": True,
    "orient": "vertical",
}


def defaults(
    series: list[dict[str, Any]],
    legend: list[str],
    legend_shown: bool,
    trigger: str,
    **more: Any,
) -> dict[str, Any]:
    """A chart's options as pyecharts made them: Chart() then set_global_opts(), with the
    series added, the given legend and tooltip trigger, then `more` (axes, colours,
    visualMap) in the order pyecharts put them."""
    option: dict[str, Any] = {
        **_ANIMATION,
        "aria": {"enabled": False},
        "series": series,
        "legend": [_legend(legend, legend_shown)],
        "tooltip": _tooltip(trigger),
    }
    visual_map = more.pop("visualMap", None)
    option.update(more)
    option["title"] = [_title()]
    if visual_map is not None:
        option["visualMap"] = visual_map
    return option


def map_series(name: str, data: list[Any], name_map: dict[str, str]) -> dict[str, Any]:
    """Map.add(name, data, maptype="yuncheng", is_roam=False, label hidden, name_map)."""
    return {
        "type": "map",
        "name": name,
        "label": dict(_LABEL_OFF),
        "map": "yuncheng",
        "data": data,
        "roam": False,
        "aspectScale": 0.75,
        "nameProperty": "name",
        "selectedMode": False,
        "zoom": 1,
        "nameMap": name_map,
        "zlevel": 0,
        "z": 2,
        "seriesLayoutBy": "column",
        "datasetIndex": 0,
        "mapValueCalculation": "sum",
        "showLegendSymbol": True,
        "preserveAspect": False,
        "clip": False,
        "emphasis": {},
    }


def bar_series(name: str, data: list[Any]) -> dict[str, Any]:
    """Bar.add_yaxis(name, data, stack="status", label hidden)."""
    return {
        "type": "bar",
        "name": name,
        "legendHoverLink": True,
        "data": data,
        "realtimeSort": False,
        "showBackground": False,
        "stack": "status",
        "stackStrategy": "samesign",
        "cursor": "pointer",
        "barMinHeight": 0,
        "barCategoryGap": "20%",
        "barGap": "30%",
        "large": False,
        "largeThreshold": 400,
        "seriesLayoutBy": "column",
        "datasetIndex": 0,
        "clip": True,
        "zlevel": 0,
        "z": 2,
        "label": dict(_LABEL_OFF),
    }


def axis(**data: Any) -> dict[str, Any]:
    """AxisOpts() as Bar made it (after reversal_axis(), `data` on the y axis only)."""
    return {
        "show": True,
        "scale": False,
        "nameLocation": "end",
        "nameGap": 15,
        "nameTruncate": {},
        "nameMoveOverlap": True,
        "inverse": False,
        "offset": 0,
        "splitNumber": 5,
        "minInterval": 0,
        "silent": False,
        "triggerEvent": False,
        "splitLine": {"show": True, "lineStyle": {"show": False}},
        **_ANIMATION,
        **data,
    }


def _legend(data: list[str], shown: bool) -> dict[str, Any]:
    """LegendOpts() with its data."""
    return {
        "data": data,
        "selected": {},
        "show": shown,
        "padding": 5,
        "itemGap": 10,
        "itemWidth": 25,
        "itemHeight": 14,
        "backgroundColor": "transparent",
        "borderColor": "#ccc",
        "borderRadius": 0,
        "pageButtonItemGap": 5,
        "pageButtonPosition": "end",
        "pageFormatter": "{current}/{total}",
        "pageIconColor": "#2f4554",
        "pageIconInactiveColor": "#aaa",
        "pageIconSize": 15,
        "animationDurationUpdate": 800,
        "selector": False,
        "selectorPosition": "auto",
        "selectorItemGap": 7,
        "selectorButtonGap": 10,
        "triggerEvent": False,
    }


def _tooltip(trigger: str) -> dict[str, Any]:
    """TooltipOpts(trigger=…)."""
    return {
        "show": True,
        "trigger": trigger,
        "triggerOn": "mousemove|click",
        "axisPointer": {"type": "line"},
        "showContent": True,
        "alwaysShowContent": False,
        "showDelay": 0,
        "hideDelay": 100,
        "enterable": False,
        "confine": False,
        "appendToBody": False,
        "transitionDuration": 0.4,
        "displayTransition": True,
        "textStyle": {"fontSize": 14, "richInheritPlainLabel": True},
        "borderWidth": 0,
        "padding": 5,
        "order": "seriesAsc",
    }


def _title() -> dict[str, Any]:
    """TitleOpts()."""
    return {
        "show": True,
        "target": "blank",
        "subtarget": "blank",
        "padding": 5,
        "itemGap": 10,
        "textAlign": "auto",
        "textVerticalAlign": "auto",
        "triggerEvent": False,
    }
