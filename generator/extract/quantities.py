"""Figures in a clause: which are aims (50万亩以上), read as number, unit and comparator.

A figure is a number (Arabic or Chinese numerals, 万/亿, decimals) with a unit. It proposes an
aim when it ends its phrase (新增就业5万人) or its verb delivers it (新建12个公园), not when it
only describes a thing (推进3万吨酱香系列酒项目建设) or sets a threshold (500万元以上工业项目).
The comparator comes from the nearest word (docs/content.md): 突破 more_than, 提高到20% at_least,
增长8% increase_pct, 控制在…以内 at_most.
"""

from __future__ import annotations

import re

from .model import _Q
from .patterns import (
    _BARE_MONEY,
    _BEFORE,
    _BEFORE_NOUN,
    _CJK,
    _COUNT_UNITS,
    _CUE,
    _ENUMERATOR,
    _GROWTH_BEFORE,
    _LIST,
    _QUANTITY,
    _RANGE_HEAD,
    _RANGE_TAIL,
)


def _quantities(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> list[_Q]:
    found: list[_Q] = []
    for m in _BARE_MONEY.finditer(text, start, end):
        if not any(s < m.end() and m.start() < e for s, e in blocked):
            comparator, because = _comparator(text[start : m.start()], "", "", "")
            found.append(_Q(m.start(), m.end(), 1, m.group("unit"), comparator, m.group(), because))
    pos = start
    while True:
        hit = _QUANTITY.search(text, pos, end)
        if not hit:
            break
        pos = hit.end()
        q = _quantity(text, hit, start, end, blocked)
        if q is None:
            continue
        found.append(q)
        pos = max(pos, q.end)
    found.sort(key=lambda q: q.start)
    return [q for i, q in enumerate(found) if _is_aim(text, start, q, found[:i], found[i + 1 :])]


def _is_aim(text: str, start: int, q: _Q, earlier: list[_Q], later: list[_Q]) -> bool:
    """Whether a figure states an aim. One at the end of its phrase (新增就业5万人, 达到70家,
    60家、300家) does, unless it counts the items listed after it (再增加4件：一是…); one in
    front of a noun may only describe it:
    - a threshold: 500万元以上工业项目, 10亿元以上项目…评选 (a size with 以上/以下), or any figure
      with 以上 that qualifies a later figure of the same phrase;
    - a size its verb does not deliver: 推进3万吨酱香系列酒项目建设, 20万亩国家储备林等项目列入;
    - a count the clause only pushes along: 深化12个领域改革, 推进551项重大项目建设."""
    if any(p.unit in ("%", "％") and text[p.end : p.end + 1] == "的" for p in earlier):
        return False  # 80%以上的村经常性收入达到150万元: 150万元 says which villages
    after = text[q.end : q.end + 1]
    if after in "：:" and _ENUMERATOR.match(text, q.end + 1):
        return False  # 再增加4件：一是新建106个…；二是…: each item is its own aim
    if not _BEFORE_NOUN.match(after) or after in _LIST or text.startswith("用于", q.end):
        return True  # 新增就业5万人, 60家、300家, 34条67公里, 筹措100亿元用于…
    if q.unit in ("%", "％", "个百分点", "百分点"):
        return True  # 80%以上的村…
    count = q.unit in _COUNT_UNITS
    if text[q.end - 2 : q.end] in ("以上", "以下"):
        if not count:
            return False  # 500万元以上工业项目
        return not any(
            not any(ch in _LIST + "，," for ch in text[q.end : r.start]) for r in later
        )  # 1家以上国家级企业技术中心、190家以上…: both aims
    # 深化规划设计、…、乡村治理等12个领域: the verb is before the list the count closes
    stop = q.start
    if text[q.start - 1 : q.start] == "等" and "、" in text[start : q.start]:
        stop = text.index("、", start, q.start)
    cues = list(_CUE.finditer(text, start, stop))
    last = cues[-1].lastgroup if cues else None
    if count:
        return last != "push"
    return last == "deliver"


def _quantity(
    text: str, m: re.Match[str], start: int, end: int, blocked: list[tuple[int, int]]
) -> _Q | None:
    """The figure `m` found in the clause text[start:end], read as a _Q; None when it is noise
    (_noise), not a number anyone tracks (_value) or a slogan."""
    num = m.group("num")
    a, b = m.span()
    if _noise(text, num, a, b, blocked):
        return None
    read = _value(text, m, start)
    if read is None:
        return None
    value, unit = read
    a, stop, value, ranged = _ranged(text, num, value, start, end, a, b)
    tail, extra = _tail(text, stop)
    approx = "a range" if ranged else m.group("approx")
    comparator, because = _comparator(text[start:a], tail, unit, approx or "")
    if tail in ("以上", "以下", "以内", "左右"):
        stop += 2 + extra
    value = int(value) if float(value).is_integer() else round(value, 6)
    return _Q(a, stop, value, unit, comparator, text[a:b], because)


def _noise(text: str, num: str, a: int, b: int, blocked: list[tuple[int, int]]) -> bool:
    """In quotation marks or a listed not-target; glued to Latin letters (5G, PM2.5, 5A级);
    an ordinal (第五)."""
    if any(s < b and a < e for s, e in blocked):
        return True
    before = text[a - 1] if a > 0 else ""
    after = text[b] if b < len(text) else ""
    inner = text[a + len(num)] if a + len(num) < len(text) else ""
    if (
        re.match(r"[A-Za-z0-9.]", before)
        or re.match(r"[A-Za-z]", after)
        or re.match(r"[A-Za-z]", inner)
    ):
        return True
    return before == "第"


def _value(text: str, m: re.Match[str], start: int) -> tuple[float, str] | None:
    """(value, unit) of the figure: Arabic numerals with 万/亿 applied, except money, which
    stays in 万元/亿元 as the report writes it (万亿元 in 亿元: 5.5万亿元 is 55000 亿元);
    Chinese numerals when they count something (not 一个核心区 or 一批, unless 每 comes
    before: 每个城区建设一个…; not a slogan)."""
    num, unit, mult = m.group("num"), m.group("unit"), m.group("mult") or ""
    a, b = m.span()
    if num[0].isdigit():
        value = float(num)
        if unit in ("元", "美元") and mult == "万亿":
            value, unit = value * 10_000, "亿" + unit  # 5.5万亿元 → 55000 亿元
        elif unit in ("元", "美元") and mult:
            unit = mult + unit
        elif mult:
            value *= {"万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}[mult]
        return value, unit
    if num == "一" and "每" not in text[start:a]:
        return None
    if _slogan(text, b):
        return None  # 三个强市, 四个运城, 两条底线
    counted = _cn_number(num)
    return None if counted is None else (counted, unit)


def _ranged(
    text: str, num: str, value: float, start: int, end: int, a: int, b: int
) -> tuple[int, int, float, bool]:
    """A range makes the figure its lower end: 1所至2所 (the figure runs to the range's end),
    1-2个 (it starts at the 1). Returns (start, stop, value, ranged)."""
    stop, ranged = b, False
    range_m = _RANGE_TAIL.match(text, b)
    if range_m and range_m.end() <= end:
        stop, ranged = range_m.end(), True
    low = _RANGE_HEAD.search(text, start, a)
    if low and num[0].isdigit() and not re.match(r"[\d.]", text[low.start() - 1 : low.start()]):
        a, ranged = low.start(), True
        value = float(low.group("low")) * (value / float(num))
    return a, stop, value, ranged


def _tail(text: str, stop: int) -> tuple[str, int]:
    """The two characters after the figure (以上, 以下, 以内, 左右 …), and 1 when a 及 comes
    first (1000立方米及以下高炉)."""
    if text[stop : stop + 3] in ("及以上", "及以下"):
        return text[stop + 1 : stop + 3], 1
    return text[stop : stop + 2], 0


def _comparator(head: str, tail: str, unit: str, at_least: str) -> tuple[str, str]:
    """(comparator, the words it was read from). head: the clause before the figure; tail:
    the two characters after it (and its range); at_least: 多/余 after the number, or "a range".
    The nearest word decides; a growth rate in per cent is increase_pct."""
    growth = _GROWTH_BEFORE.search(head) if unit in ("%", "％") else None
    if growth:
        return "increase_pct", growth.group()[:2]  # 增长8%, 增长8%以上, 增长8%左右
    if tail == "以上" or at_least:
        return "at_least", at_least or tail  # 50万亩以上, 10余所, 1至2所
    if tail in ("以下", "以内"):
        return "at_most", tail
    words = list(_BEFORE.finditer(head[-12:]))
    nearest = words[-1] if words else None
    if tail == "左右":  # about: a level, unless it is a ceiling (控制在3%左右)
        if nearest and nearest.lastgroup == "at_most":
            return "at_most", f"{nearest.group()}…左右"
        return "exactly", tail
    if nearest:
        return str(nearest.lastgroup), nearest.group()
    return "exactly", ""


def _slogan(text: str, after_unit: int) -> bool:
    """三个强市: a Chinese numeral, 个 and two characters, then the clause or quote ends."""
    tail = text[after_unit : after_unit + 3]
    return (
        len(tail) >= 2
        and bool(_CJK.fullmatch(tail[0]) and _CJK.fullmatch(tail[1]))
        and (len(tail) == 2 or not _CJK.fullmatch(tail[2]) or tail[2] in "是的")
    )


def _cn_number(s: str) -> float | None:
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits.update({"〇": 0, "两": 2})
    small = {"十": 10, "百": 100, "千": 1000}
    big = {"万": 10_000, "亿": 100_000_000}
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in digits:
            digit = digits[ch]
        elif ch in small:
            section += (1 if digit is None else digit) * small[ch]
            digit = None
        elif ch in big:
            section += digit or 0
            total += (section or 1) * big[ch]
            section, digit = 0, None
        else:
            return None
    return float(total + section + (digit or 0))
