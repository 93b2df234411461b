"""The reuse rule of a `serve` session (generator/incremental.py), value by value."""

from __future__ import annotations

from generator.incremental import NO_REUSE, Reuse


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
