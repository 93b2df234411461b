"""The chart options generator/charts.py writes as plain dicts are the ones pyecharts 2.1 made
(the code below is charts.py's before it stopped importing pyecharts, 0.2 s of every build):
the county map, a commitment's per-county map and the sections chart, on synthetic content
that has per-county figures, in both languages."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest

from benchmarks.synthetic import make_content
from generator import charts
from generator.charts import (
    BINS,
    NO_DATA,
    NO_OWN,
    STATUS_COLOURS,
    STATUS_ORDER,
    _common,
    _feature_name,
    _words,
    bin_label,
)
from generator.load import load
from generator.validate import validate

pyecharts = pytest.importorskip("pyecharts")
from pyecharts import options as opts  # noqa: E402
from pyecharts.charts import Bar, Map  # noqa: E402


def _options(chart: Any) -> dict[str, Any]:
    option: dict[str, Any] = json.loads(chart.dump_options_with_quotes())
    return option


def reference_map_skeleton(geo: Any, lang: str, names: tuple[tuple[str, str], ...]) -> Any:
    words = _words(lang)
    zh_name = {code: _feature_name(geo, code) for code, _ in names}
    chart = Map(init_opts=opts.InitOpts(chart_id="map", renderer="svg"))
    chart.add(
        words["measure"],
        [(name, -1) for _, name in names],
        maptype="yuncheng",
        is_roam=False,
        label_opts=opts.LabelOpts(is_show=False),
        name_map={zh_name[code]: name for code, name in names},
    )
    pieces = [
        {"value": 0, "label": bin_label(*BINS[0][:2]), "color": BINS[0][2]},
        *(
            {"gt": low, "lte": high, "label": bin_label(low, high), "color": colour}
            for low, high, colour in BINS[1:]
        ),
    ]
    pieces.insert(0, {"value": -1, "label": words["no_data"], "color": NO_DATA})
    pieces.insert(0, {"value": -2, "label": words["no_own"], "color": NO_OWN})
    chart.set_global_opts(
        visualmap_opts=opts.VisualMapOpts(is_piecewise=True, pieces=pieces, is_show=False),
        tooltip_opts=opts.TooltipOpts(trigger="item"),
    )
    return _options(chart)


def reference_target_map(site: Any, view: Any, lang: str, data: list[Any]) -> Any:
    """The pyecharts part of target_county_map, with the data charts.py made."""
    values = dict((c.code, v) for c, v in view.county_values)
    name_of = {c.code: c.name(lang) for c in site.counties}
    zh_name = {c.code: _feature_name(site.geo, c.code) for c in site.counties}
    unit = view.target.metric.unit(lang) if view.target.metric.unit else ""
    top = max(values.values()) if values else 1
    chart = Map(init_opts=opts.InitOpts(chart_id="x", renderer="svg"))
    chart.add(
        unit or "value",
        [(d["name"], d["value"]) for d in data],
        maptype="yuncheng",
        is_roam=False,
        label_opts=opts.LabelOpts(is_show=False),
        name_map={zh_name[code]: name for code, name in name_of.items()},
    )
    chart.set_global_opts(
        visualmap_opts=opts.VisualMapOpts(
            min_=0, max_=top, range_color=["#eff3ff", "#08519c"], pos_left="left"
        )
    )
    option = _options(chart)
    option["series"][0].update({"data": data, "map": "yuncheng", "selectedMode": False})
    option["series"][0].pop("mapType", None)
    option["visualMap"]["outOfRange"] = {"color": NO_DATA}
    option.update(_common(lang, view.target.title(lang)))
    option.pop("legend", None)
    return option


def reference_bar_skeleton(sections: Any, lang: str) -> Any:
    names = tuple(s.label(lang) for s in sections)
    words = _words(lang)
    bar = Bar(init_opts=opts.InitOpts(chart_id=f"sections-{lang}", renderer="svg"))
    bar.add_xaxis(list(names))
    for status in STATUS_ORDER:
        bar.add_yaxis(
            words[status],
            [0 for _ in names],
            stack="status",
            color=STATUS_COLOURS[status],
            label_opts=opts.LabelOpts(is_show=False),
        )
    bar.reversal_axis()
    bar.set_global_opts(
        legend_opts=opts.LegendOpts(is_show=False), tooltip_opts=opts.TooltipOpts(trigger="axis")
    )
    option = _options(bar)
    option.update(_common(lang, words["by_section"]))
    option["tooltip"] = {"trigger": "axis", "axisPointer": {"type": "shadow"}, "confine": True}
    option["grid"] = {"left": 4, "right": 20, "top": 8, "bottom": 4, "containLabel": True}
    option["textStyle"] = {"fontFamily": charts.FONT}
    y_axis = option["yAxis"][0]
    y_axis["inverse"] = True
    y_axis["axisTick"] = {"show": False}
    y_axis["axisLabel"] = {"fontSize": 13, "color": "#1a1a1a", "margin": 10}
    x_axis = option["xAxis"][0]
    x_axis["minInterval"] = 1
    x_axis["splitNumber"] = 4
    x_axis["axisLabel"] = {"fontSize": 12, "color": "#444444", "hideOverlap": True}
    return option


def as_page(option: Any) -> str:
    """What a page carries: the option as JSON (keys sorted, like the templates' |tojson)."""
    return json.dumps(option, ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("charts") / "content"
    make_content(folder, 60)
    site, problems = validate(load(folder))
    assert site is not None, problems
    return site


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_county_map_and_sections_chart_are_pyecharts_options(site: Any, lang: str) -> None:
    names = tuple((c.code, c.name(lang)) for c in site.counties)
    mine = charts.map_skeleton(site.geo, lang, names)
    assert as_page(mine) == as_page(reference_map_skeleton(site.geo, lang, names))
    assert mine["series"][0]["nameMap"]  # the county names reach the live map
    bar = charts.bar_skeleton(site.sections, lang)
    assert as_page(bar) == as_page(reference_bar_skeleton(site.sections, lang))
    assert len(bar["series"]) == len(STATUS_ORDER)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_per_county_maps_are_pyecharts_options(site: Any, lang: str) -> None:
    county_of = {c.id: c for c in site.counties}
    views = [
        SimpleNamespace(
            target=t, county_values=tuple((county_of[c], v) for c, v in t.updates[-1].counties)
        )
        for t in site.targets
        if t.updates and t.updates[-1].counties
    ]
    assert len(views) >= 3
    for view in views:
        mine = charts.target_county_map(site, view, lang)
        reference = reference_target_map(site, view, lang, mine.option["series"][0]["data"])
        assert as_page(mine.option) == as_page(reference), view.target.id
