"""The build-time arithmetic shown next to every quantified commitment and on the map."""

import datetime as dt

from generator.model import County, Metric, Target, Text, Update
from generator.progress import county_measure, elapsed, percent, schedule

START = dt.date(2021, 1, 1)


def target(kind="quantity", target=100.0, comparator="at_least", updates=(), counties=("all",)):
    return Target(
        id="t",
        file="t.yaml",
        section="s",
        theme="th",
        title=Text("标题", "Title"),
        paragraph="p-1-1",
        quote="q",
        metric=Metric(kind, target, comparator, Text("个", "x")),
        counties=counties,
        deadline=dt.date(2021, 12, 31),
        updates=tuple(updates),
    )


def update(value=None, status="in_progress", date=dt.date(2021, 7, 2)):
    return Update(date=date, status=status, value=value)


def test_percent_of_the_target_reached():
    assert percent(target(updates=[update(50)])) == 50.0
    assert percent(target(updates=[update(120)])) == 120.0


def test_unknown_is_none_never_zero():
    assert percent(target()) is None
    assert percent(target(updates=[update(None)])) is None
    assert percent(target(kind="milestone", target=None, comparator=None)) is None


def test_at_most_counts_a_figure_under_the_cap_as_done():
    assert percent(target(comparator="at_most", updates=[update(80)])) == 100.0


def test_schedule_against_time_elapsed():
    # 2 July is half-way through 2021
    assert abs(elapsed(START, dt.date(2021, 12, 31), dt.date(2021, 7, 2)) - 0.5) < 0.01
    assert schedule(target(updates=[update(70)]), START) == "ahead"
    assert schedule(target(updates=[update(52)]), START) == "on_schedule"
    assert schedule(target(updates=[update(30)]), START) == "behind"
    assert schedule(target(updates=[update(100)]), START) == "done"
    assert schedule(target(), START) is None


def test_county_measure_counts_named_and_citywide_commitments():
    yanhu = County("yanhu", "140802", Text("盐湖区", "Yanhu"))
    targets = (
        target(updates=[update(status="achieved")]),
        target(counties=("yanhu",), updates=[update(status="at_risk")]),
        target(counties=("ruicheng",), updates=[update(status="achieved")]),
    )
    m = county_measure(yanhu, targets)
    assert (m.total, m.reported, m.good) == (2, 2, 1)
    assert m.share == 50.0


def test_a_county_with_nothing_reported_has_no_data_not_zero():
    yanhu = County("yanhu", "140802", Text("盐湖区", "Yanhu"))
    m = county_measure(yanhu, (target(), target(counties=("yanhu",))))
    assert m.total == 2 and m.reported == 0
    assert m.share is None


def test_reported_but_nothing_good_is_a_real_zero():
    yanhu = County("yanhu", "140802", Text("盐湖区", "Yanhu"))
    m = county_measure(yanhu, (target(updates=[update(status="missed")]),))
    assert m.share == 0.0


def test_county_measures_in_one_pass_equal_one_county_at_a_time():
    from generator.load import load
    from generator.progress import county_measures
    from generator.validate import validate
    from tests.conftest import ROOT

    site, _ = validate(load(ROOT / "content"))
    assert site is not None
    assert county_measures(site.counties, site.targets) == [
        county_measure(c, site.targets) for c in site.counties
    ]
