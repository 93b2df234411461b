"""The reuse rule of a `serve` session (generator/incremental.py), value by value."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.synthetic import make_content
from generator.incremental import NO_REUSE, Reuse
from generator.pages.inputs import all_updates
from generator.pages.page import RELATED
from generator.session import Rebuild, Session


def double(x: int, offset: int) -> int:
    made.append(x)
    return 2 * x + offset


made: list[object] = []


def test_each_makes_again_only_the_rows_whose_items_are_new_objects() -> None:
    reuse = Reuse()
    a, b, c = ["a"], ["b"], ["c"]
    keep = {id(a): 1, id(b): 2, id(c): 3}

    def value(item: list[str], offset: int) -> int:
        made.append(item)
        return keep[id(item)] * 10 + offset

    made.clear()
    assert reuse.each("s", value, ([a, b, c],), 0) == [10, 20, 30]
    assert made == [a, b, c]
    made.clear()
    b2 = ["b"]
    keep[id(b2)] = 5
    assert reuse.each("s", value, ([a, b2, c],), 0) == [10, 50, 30]
    assert made == [b2]  # only the new object
    made.clear()
    assert reuse.each("s", value, ([c, a],), 0) == [30, 10]  # moved and removed: kept
    assert made == []
    assert reuse.each("s", value, ([c, a],), 1) == [31, 11]  # another shared input: all again
    assert made == [c, a]


def test_each_with_several_columns_compares_every_item_of_a_row() -> None:
    reuse = Reuse()
    x, y, z = object(), object(), object()

    def pair(p: object, q: object) -> tuple[object, object]:
        made.append((p, q))
        return (p, q)

    made.clear()
    first = reuse.each("pairs", pair, ([x, y], [z, z]))
    again = reuse.each("pairs", pair, ([x, y], [z, x]))
    assert made == [(x, z), (y, z), (y, x)]
    assert again[0] is first[0] and again[1] == (y, x)


def test_without_reuse_every_value_is_made() -> None:
    made.clear()
    assert NO_REUSE.each("n", double, ([1, 2],), 1) == [3, 5]
    assert NO_REUSE.each("n", double, ([1, 2],), 1) == [3, 5]
    assert made == [1, 2, 1, 2]


def one(item: object) -> int:
    made.append(item)
    return 1


def test_a_build_that_does_not_ask_forgets() -> None:
    reuse = Reuse()
    item = object()
    made.clear()
    for asks in (True, True, False, True):
        reuse.start()
        if asks:
            reuse.each("gone", one, ([item],))
        reuse.finish()  # a build that did not ask for "gone" drops it
    assert made == [item, item]  # kept for the second build, made again for the fourth


# -- in a session: a one-file edit makes a handful of values, not one per target -----------


def _session_after_one_edit(tmp_path: Path, n: int) -> tuple[Session, Rebuild, str]:
    content = tmp_path / "content"
    make_content(content, n, 2021)
    target = sorted(content.glob("**/targets/*.yaml"))[n // 2]
    session = Session(content, tmp_path / "site", commit=False)
    session.full()
    text = target.read_text("utf-8")
    target.write_text(
        text.replace(
            "updates: []",
            "updates:\n  - {date: 2021-06-01, "
            "status: at_risk, source: {title: 运城市人民政府, "
            "url: 'https://www.yuncheng.gov.cn/a'}}",
        ),
        "utf-8",
    )
    if "updates: []" not in text:  # the target already has updates: change its last status
        target.write_text(text.replace("status: on_track", "status: at_risk", 1), "utf-8")
    return session, session.rebuild({target}), target.stem


def test_a_one_file_edit_checks_one_file_and_draws_only_its_pages_among_the_targets(
    tmp_path: Path,
) -> None:
    """What a session makes again after one target file changes: that file's check, model,
    view and pages, the report paragraph it is marked in, its data row; nothing per other
    target. (A bound method as a reused function, or an input made anew at every build,
    turns this into one value per target, silently: the output stays right, only slow.)"""
    session, result, tid = _session_after_one_edit(tmp_path, 60)
    assert session.reuse.misses <= 12, session.reuse.misses
    assert session.reuse.hits >= 5 * 60
    ids = {p.split("/")[-2] for p in result.changed if re.search(r"/targets/[^/]+/index", p)}
    assert tid in ids
    # besides its own, only the pages that list it as related (its theme's first few)
    assert len(ids - {tid, "page"}) <= RELATED, sorted(ids)


def test_a_rebuild_with_nothing_changed_makes_nothing(tmp_path: Path) -> None:
    content = tmp_path / "content"
    make_content(content, 30, 2021)
    session = Session(content, tmp_path / "site", commit=False)
    session.full()
    result = session.rebuild(set())
    assert session.reuse.misses == 0 and result.rendered == 0 and result.changed == []


@settings(max_examples=60, deadline=None)
@given(
    steps=st.lists(
        st.lists(st.tuples(st.integers(0, 11), st.lists(st.integers(0, 5), max_size=3))),
        min_size=1,
        max_size=6,
    )
)
def test_a_session_orders_the_updates_exactly_as_a_fresh_sort(
    steps: list[list[tuple[int, list[int]]]],
) -> None:
    """all_updates moves only the changed targets' updates in last time's order; after any
    series of changes (targets edited, added, dropped, reordered) the order is a full sort's,
    ties on one day included."""
    reuse = Reuse()
    views: dict[str, Any] = {}
    for step in steps:
        reuse.start()
        for number, days in step:
            tid = f"t{number % 8}"
            if number >= 8:  # dropped
                views.pop(tid, None)
                continue
            updates = [SimpleNamespace(date=dt.date(2022, 1, 1 + d)) for d in days]
            target = SimpleNamespace(id=tid, updates=updates)
            views[tid] = SimpleNamespace(target=target)
            views = dict(sorted(views.items(), key=lambda kv: (len(step) * int(kv[0][1:])) % 7))
        got = all_updates(views, reuse)
        assert [(u.date, v.target.id) for u, v in got] == [
            (u.date, v.target.id) for u, v in all_updates(views)
        ]
        assert [id(u) for u, _ in got] == [id(u) for u, _ in all_updates(views)]
        reuse.finish()
