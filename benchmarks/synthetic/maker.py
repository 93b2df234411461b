"""The commitments, paragraphs and updates of synthetic content, drawn from the vocabulary.

Every choice comes from one `random.Random(seed)`, in a fixed order, so the same (n, seed)
always gives the same content (benchmarks/synthetic/files.py writes it).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from benchmarks.synthetic.vocabulary import (
    GROWTH,
    LIMITS,
    NOTES,
    OUTCOMES,
    PRINCIPLES,
    PROJECTS,
    QUAL_DOMAINS,
    QUAL_FORMS,
    QUAL_VERBS,
    QUANTITIES,
    SECTION_TITLES,
    SOURCES,
    STATUS_WEIGHTS,
    STEPS,
    STYLES,
    THEME_TITLES,
)

REPO_CONTENT = Path(__file__).resolve().parents[2] / "content"
SECTIONS = 7


@dataclass
class _Para:
    pid: str
    section: int
    theme: tuple[str, str, str]
    lead: bool
    targets: list[dict] = field(default_factory=list)
    zh: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)


def _zh_number(value: float) -> str:
    if isinstance(value, int) and value >= 10_000 and value % 10_000 == 0:
        return f"{value // 10_000}万"
    if isinstance(value, int) and value >= 10_000 and value % 1_000 == 0:
        return f"{value / 10_000:g}万"
    return f"{value:g}"


def _en_number(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class Maker:
    """Draws everything from one seeded random generator; call order is part of the output."""

    def __init__(self, n: int, seed: int):
        self.n = n
        self.rng = random.Random(seed)
        self.counties = _counties()

    # -- sentences ------------------------------------------------------------------------
    def filler(self) -> tuple[str, str]:
        rng = self.rng
        kind = rng.randrange(3)
        if kind == 0:
            a, b, c = rng.sample(STYLES, 3)
            outcome = rng.choice(OUTCOMES)
            return (
                f"着眼于{a[0]}、{b[0]}、{c[0]}发展，{outcome[0]}",
                f"Focusing on {a[1]}, {b[1]} and {c[1]} development, we will work {outcome[1]}.",
            )
        if kind == 1:
            p, o = rng.choice(PRINCIPLES), rng.choice(OUTCOMES)
            return f"{p[0]}，{o[0]}", f"{p[1]}, {o[1]}."
        (dom, other), o = rng.sample(QUAL_DOMAINS, 2), rng.choice(OUTCOMES)
        return (
            f"统筹{dom[0]}与{other[0]}，{o[0]}",
            f"We will coordinate {dom[1]} with related work {o[1]}.",
        )

    def target_counties(self) -> list[str]:
        if self.rng.random() < 0.5:
            return ["all"]
        return self.rng.sample(sorted(self.counties), self.rng.randint(1, 3))

    def commitment(self, i: int) -> dict:
        """One target: its sentence in both languages and its metric."""
        rng = self.rng
        counties = self.target_counties()
        names = [self.counties[c] for c in counties if c != "all"]
        kind = rng.choices(("quantity", "milestone", "qualitative"), (45, 30, 25))[0]
        t: dict = {"counties": counties, "kind": kind}
        if kind == "quantity":
            slug, szh, phrase = self._quantity(t)
            if names:
                szh = f"{'、'.join(n[0] for n in names)}{szh}"
                phrase = f"{phrase} in {_and([n[1] for n in names])}"
        elif kind == "milestone":
            slug, szh, phrase = self._milestone(names)
        else:
            slug, szh, phrase = self._qualitative(names)
        where = f"-{counties[0]}" if names else ""
        t.update(id=f"{slug}{where}-{i + 1}", zh=szh, en_phrase=phrase)
        return t

    def _quantity(self, t: dict) -> tuple[str, str, str]:
        """(slug, Chinese sentence, English phrase); sets the metric's fields in `t`."""
        rng = self.rng
        comp = rng.choices(("at_least", "exactly", "increase_pct", "at_most"), (60, 20, 12, 8))[0]
        if comp in ("at_least", "exactly"):
            slug, zh, en, uzh, uen, vzh, ven, counted, mags = rng.choice(QUANTITIES)
            num = rng.choice(mags)
            more = comp == "at_least"
            szh = f"{vzh}{zh}{_zh_number(num)}{uzh}" + ("以上" if more else "")
            amount = (
                f"{ven} at least {_en_number(num)} {uen}"
                if more
                else (f"{ven} {_en_number(num)} {uen}")
            )
            phrase = f"{amount} ({en})" if counted else f"{amount} of {en}"
            unit = (uzh, uen)
        elif comp == "increase_pct":
            slug, zh, en, pcts = rng.choice(GROWTH)
            num = rng.choice(pcts)
            szh, phrase = f"{zh}增长{num}%以上", f"raise {en} by at least {num}%"
            unit = ("%", "%")
        else:
            slug, zh, en, uzh, uen, limits = rng.choice(LIMITS)
            num = rng.choice(limits)
            szh = f"{zh}控制在{_zh_number(num)}{uzh}以内"
            phrase = f"keep {en} within {_en_number(num)} {uen}".replace(" %", "%")
            unit = (uzh, uen)
        t.update(comparator=comp, target=num, unit=unit)
        return slug, szh, phrase

    def _milestone(self, names: list[tuple[str, str]]) -> tuple[str, str, str]:
        slug, zh, en = self.rng.choice(PROJECTS)
        step_zh, step_en = self.rng.choice(STEPS)
        where_zh = "、".join(n[0] for n in names) or "市区"
        where_en = f" in {_and([n[1] for n in names])}" if names else " in the city centre"
        return slug, f"推进{where_zh}{zh}{step_zh}", step_en.format(x=en) + where_en

    def _qualitative(self, names: list[tuple[str, str]]) -> tuple[str, str, str]:
        rng = self.rng
        (vzh, ven), (dzh, den), (fzh, fen) = (
            rng.choice(QUAL_VERBS),
            rng.choice(QUAL_DOMAINS),
            rng.choice(QUAL_FORMS),
        )
        slug = re.sub(r"[^a-z0-9]+", "-", den.lower().removeprefix("the ")).strip("-")
        who = "、".join(n[0] for n in names)
        szh = f"{vzh}{dzh}{fzh}" if not names else f"支持{who}{vzh}{dzh}{fzh}"
        phrase = f"{ven} {fen} {den}" + (f" in {_and([n[1] for n in names])}" if names else "")
        return slug, szh, phrase

    # -- structure ------------------------------------------------------------------------
    def structure(self) -> tuple[list[tuple[str, str, list]], list[_Para]]:
        rng = self.rng
        titles = rng.sample(SECTION_TITLES, SECTIONS)
        pool = rng.sample(THEME_TITLES, len(THEME_TITLES))
        sections = []
        for s in range(SECTIONS):
            k = rng.randint(3, 5)
            themes, pool = pool[:k], pool[k:]
            sections.append((titles[s][0], titles[s][1], themes))
        slots = [(s, th) for s, (_, _, themes) in enumerate(sections) for th in themes]
        n_paras = max(round(self.n / 5), len(slots))
        paras: list[_Para] = []
        per_section = [0] * SECTIONS
        for j in range(n_paras):
            s, theme = slots[j * len(slots) // n_paras]
            lead = j == 0 or slots[(j - 1) * len(slots) // n_paras][1] != theme
            per_section[s] += 1
            paras.append(_Para(f"p-{s + 1}-{per_section[s]}", s, theme, lead))
        return sections, paras

    def paragraph_text(self, para: _Para) -> None:
        rng = self.rng
        parts: list[tuple[str, str]] = [
            (t["zh"], "We will " + t["en_phrase"] + ".") for t in para.targets
        ]
        length = sum(len(p[0]) + 1 for p in parts)
        target_len = rng.randint(150, 300)
        while length < target_len or len(parts) < 3:
            f = self.filler()
            parts.insert(rng.randint(0, len(parts)), f)
            length += len(f[0]) + 1
        para.zh = [p[0] + "。" for p in parts]
        para.en = [p[1] for p in parts]

    def updates(self, t: dict) -> list[dict]:
        """0-4 dated updates, oldest first; the last may split its value by county."""
        rng = self.rng
        count = rng.choices((0, 1, 2, 3, 4), (25, 30, 25, 12, 8))[0]
        if not count:
            return []
        days = sorted(rng.sample(range(0, 337), count))  # 2021-03-01 … 2022-01-31
        final = rng.choices([s for s, _ in STATUS_WEIGHTS], [w for _, w in STATUS_WEIGHTS])[0]
        statuses = [
            rng.choice(("not_started", "in_progress", "in_progress", "on_track", "at_risk"))
            for _ in range(count - 1)
        ] + [final]
        if final == "not_started":
            statuses = ["not_started"] * count
        out = []
        for k, (day, status) in enumerate(zip(days, statuses, strict=True)):
            up: dict = {"date": _date(day), "status": status}
            if t["kind"] == "quantity" and rng.random() < 0.8 and status != "not_started":
                up["value"] = self._value(t, status, (k + 1) / (count + 1))
            if rng.random() < 0.85:
                up["note"] = self.note(t, up)
            src = rng.choice(SOURCES)  # every update has a source (validation requires one)
            up["source"] = (
                f"{src}：{t['zh'][:18]}",
                f"https://www.yuncheng.gov.cn/doc/"
                f"{up['date'][:4]}/{up['date'][5:7]}/{up['date'][8:]}/"
                f"{rng.randrange(100_000, 999_999)}.shtml",
            )
            out.append(up)
        self._by_county(t, out[-1])
        return out

    def _value(self, t: dict, status: str, progress: float) -> float:
        """The figure an update reports: past the target when achieved, short when missed,
        else about `progress` of the way (a ceiling: under it unless missed)."""
        rng, target = self.rng, t["target"]
        if t["comparator"] == "at_most":
            share = rng.uniform(0.8, 1.0) if status != "missed" else rng.uniform(1.05, 1.3)
            return round(target * share, 1)
        if status == "achieved":
            share = rng.uniform(1.0, 1.3)
        elif status == "missed":
            share = rng.uniform(0.5, 0.95)
        else:
            share = progress * rng.uniform(0.6, 1.1)
        if isinstance(target, float) or t["comparator"] == "increase_pct":
            return round(target * share, 1)
        return int(target * share)

    def _by_county(self, t: dict, last: dict) -> None:
        """A quarter of the counted targets report their last value for 3-8 counties."""
        rng = self.rng
        if (
            t["kind"] == "quantity"
            and t["comparator"] in ("at_least", "exactly")
            and isinstance(last.get("value"), int)
            and last["value"] >= 13
            and rng.random() < 0.25
        ):
            ids = sorted(self.counties) if t["counties"] == ["all"] else t["counties"]
            chosen = sorted(rng.sample(ids, min(len(ids), rng.randint(3, 8))))
            weights = [rng.random() + 0.1 for _ in chosen]
            scale = last["value"] * rng.uniform(0.5, 1.0) / sum(weights)
            last["counties"] = {c: int(w * scale) for c, w in zip(chosen, weights, strict=True)}

    def note(self, t: dict, up: dict) -> tuple[str, str]:
        zh, en = self.rng.choice(NOTES)
        if "value" in up:
            uzh, uen = t["unit"]
            v = up["value"]
            month, day = int(up["date"][5:7]), int(up["date"][8:])
            zh = f"截至{month}月{day}日，已完成{_zh_number(v)}{uzh}。{zh}"
            en = f"By {up['date']}, {_en_number(v)} {uen} had been reached. {en}".replace(" %", "%")
        return zh, en


def _date(day: int) -> str:
    return (dt.date(2021, 3, 1) + dt.timedelta(days=day)).isoformat()


def _counties() -> dict[str, tuple[str, str]]:
    """id → (zh, en) names from the real counties.yaml (read with the C loader)."""
    data = yaml.load(
        (REPO_CONTENT / "counties.yaml").read_text(encoding="utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )
    return {c["id"]: (c["name"]["zh"], c["name"]["en"]) for c in data}
