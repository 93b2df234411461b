"""The build-time arithmetic shown next to every quantified commitment and on the map."""

import datetime as dt

from generator.model import County, Metric, Target, Text, Update
from generator.progress import county_measure, elapsed, met, overdue, percent, schedule

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


def test_a_county_is_measured_by_the_commitments_that_name_it():
    """City-wide commitments would give every county the same figure: they are counted apart."""
    yanhu = County("yanhu", "140802", Text("盐湖区", "Yanhu"))
    targets = (
        target(updates=[update(status="achieved")]),  # city-wide
        target(counties=("yanhu",), updates=[update(status="at_risk")]),
        target(counties=("yanhu",), updates=[update(status="achieved")]),
        target(counties=("ruicheng",), updates=[update(status="achieved")]),
    )
    m = county_measure(yanhu, targets)
    assert (m.total, m.reported, m.done, m.citywide) == (2, 2, 1, 1)
    assert m.share == 50.0


def test_a_late_completion_counts_as_done_on_the_map():
    yanhu = County("yanhu", "140802", Text("盐湖区", "Yanhu"))
    done = update(status="achieved", date=dt.date(2024, 12, 16))
    late = target(counties=("yanhu",), updates=[done])
    assert late.status == "achieved_late"
    assert county_measure(yanhu, (late,)).done == 1


def test_a_county_with_nothing_reported_has_no_data_not_zero():
    yanhu = County("yanhu", "140802", Text("盐湖区", "Yanhu"))
    m = county_measure(yanhu, (target(), target(counties=("yanhu",))))
    assert m.total == 1 and m.reported == 0
    assert m.share is None


def test_a_county_no_commitment_names_has_nothing_to_measure():
    yanhu = County("yanhu", "140802", Text("盐湖区", "Yanhu"))
    m = county_measure(yanhu, (target(updates=[update(status="achieved")]),))
    assert (m.total, m.citywide) == (0, 1)
    assert m.share is None


def test_reported_but_nothing_done_is_a_real_zero():
    yanhu = County("yanhu", "140802", Text("盐湖区", "Yanhu"))
    m = county_measure(yanhu, (target(counties=("yanhu",), updates=[update(status="missed")]),))
    assert m.share == 0.0


def test_county_measures_in_one_pass_equal_one_county_at_a_time(real_model):
    from generator.progress import county_measures

    site = real_model
    assert county_measures(site.counties, site.targets) == [
        county_measure(c, site.targets) for c in site.counties
    ]


def test_more_than_is_strict():
    """突破200家: exactly 200 has not broken through 200."""
    assert not met(target(comparator="more_than", target=200.0, updates=[update(200)]))
    assert met(target(comparator="more_than", target=200.0, updates=[update(201)]))


def test_the_record_at_the_deadline_and_overdue():
    on_time = update(status="in_progress", date=dt.date(2021, 12, 31))
    late = update(status="achieved", date=dt.date(2024, 12, 16))
    tg = target(updates=[on_time, late])
    assert tg.status == "achieved_late"
    assert tg.at_deadline == on_time
    assert not overdue(tg, dt.date(2026, 11, 30))  # done, if late
    assert overdue(target(), dt.date(2026, 11, 30))  # no report, deadline long passed
    assert not overdue(target(), dt.date(2021, 6, 1))  # deadline still ahead
