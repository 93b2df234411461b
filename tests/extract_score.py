"""Score `extract` on the hand-labelled corpus of other cities' reports.

    python -m tests.extract_score                 # the cities extract may be tuned on
    python -m tests.extract_score --held-out      # also the held-out city (only at the end)
    python -m tests.extract_score --rev HEAD~3    # before (extract at HEAD~3) and now
    python -m tests.extract_score --details       # every miss, false proposal and wrong field
    python -m tests.extract_score --yuncheng-2022 # extract's first drafts of the 2022 report
                                                  # against the reviewed commitments
                                                  # (tests/extract_score_2022.py)

The corpus and the rules it was labelled by are in tests/fixtures/extract/corpus/ (README.md,
RULES.md). A quantity proposal matches a quantity label in the same paragraph when their
figures overlap; a milestone proposal matches a milestone label when their quotes overlap; one
to one, largest overlap first. Proposals that match nothing but overlap a borderline entry are
left out of precision. Matched quantities are checked for number, unit and comparator.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "extract" / "corpus"
KINDS = ("quantity", "milestone")


# -- the corpus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    kind: str
    paragraph: str  # p-auto-N
    start: int  # the quote's span in the paragraph
    end: int
    fig_start: int = 0  # quantities: the figure's span
    fig_end: int = 0
    number: float | None = None
    unit: str | None = None
    comparator: str | None = None
    quote: str = ""
    why: str = ""


@dataclass
class City:
    key: str
    name: str  # 嘉兴市 Jiaxing
    province: str
    role: str  # tune | held-out
    text: str
    paragraphs: dict[str, str]
    labels: list[Label]
    borderline: list[Label]


def _paragraphs(text: str) -> dict[str, str]:
    chunks = [c for c in text.replace("\r\n", "\n").split("\n\n") if c.strip()]
    return {
        f"p-auto-{i}": "".join(x.strip() for x in c.splitlines()) for i, c in enumerate(chunks, 1)
    }


def _span(paras: dict[str, str], entry: dict[str, Any], where: str) -> tuple[str, int, int]:
    pid = f"p-auto-{entry['p']}"
    text, quote = paras.get(pid, ""), entry["quote"]
    if text.count(quote) != 1:
        raise ValueError(f"{where}: quote occurs {text.count(quote)} times in {pid}: {quote}")
    start = text.index(quote)
    return pid, start, start + len(quote)


def load_city(key: str) -> City:
    data = yaml.safe_load((CORPUS / f"{key}.yaml").read_text(encoding="utf-8"))
    text = (CORPUS / f"{key}.txt").read_text(encoding="utf-8")
    paras = _paragraphs(text)
    labels: list[Label] = []
    for kind in KINDS:
        for e in data.get(kind) or []:
            pid, s, t = _span(paras, e, f"{key}.yaml {kind}")
            if kind == "quantity":
                fig = e["figure"]
                if e["quote"].count(fig) != 1:
                    raise ValueError(f"{key}.yaml: figure {fig} is not once in {e['quote']}")
                fs = s + e["quote"].index(fig)
                labels.append(
                    Label(
                        kind,
                        pid,
                        s,
                        t,
                        fs,
                        fs + len(fig),
                        float(e["number"]),
                        e["unit"],
                        e["comparator"],
                        e["quote"],
                    )
                )
            else:
                labels.append(Label(kind, pid, s, t, quote=e["quote"]))
    borderline = []
    for e in data.get("borderline") or []:
        pid, s, t = _span(paras, e, f"{key}.yaml borderline")
        borderline.append(Label("borderline", pid, s, t, quote=e["quote"], why=e.get("why", "")))
    return City(
        key,
        f"{data['city']['zh']} {data['city']['en']}",
        f"{data['province']['zh']} {data['province']['en']}",
        data["role"],
        text,
        paras,
        labels,
        borderline,
    )


def cities(held_out: bool = False) -> list[City]:
    out = [load_city(p.stem) for p in sorted(CORPUS.glob("*.yaml"))]
    out = [c for c in out if held_out or c.role != "held-out"]
    return sorted(out, key=lambda c: (c.role == "held-out", c.key))


# -- extract, now or at a git revision ----------------------------------------------------------


def extract_module(rev: str | None = None) -> ModuleType:
    """generator.extract as it is, or as it was at git revision `rev` (the single module
    generator/extract.py before the split, the package generator/extract/ after it)."""
    if rev is None:
        import generator.extract as module

        return module
    name = f"_extract_at_{rev.replace('~', '_').replace('^', '_').replace('/', '_')}"
    files = _git("ls-tree", "--name-only", f"{rev}:generator/extract/", check=False)
    if not files.strip():
        return _module_at(rev, name)
    folder = Path(tempfile.mkdtemp(prefix="extract-at-")) / name
    folder.mkdir()
    for file in files.split():
        if file.endswith(".py"):
            text = _git("show", f"{rev}:generator/extract/{file}")
            (folder / file).write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(
        name, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its modules import each other relatively; dataclasses too
    spec.loader.exec_module(module)
    return module


def _module_at(rev: str, name: str) -> ModuleType:
    source = _git("show", f"{rev}:generator/extract.py")
    spec = importlib.util.spec_from_loader(name, loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    exec(compile(source, f"{rev}:generator/extract.py", "exec"), module.__dict__)
    return module


def _git(*args: str, check: bool = True) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=check)
    return done.stdout if done.returncode == 0 else ""


# -- scoring ------------------------------------------------------------------------------------


@dataclass
class KindScore:
    labelled: int = 0
    proposed: int = 0
    ignored: int = 0  # proposals on a borderline entry only
    matched: int = 0
    missed: list[Label] = field(default_factory=list)
    false: list[Any] = field(default_factory=list)  # proposals

    @property
    def precision(self) -> tuple[int, int]:
        return self.matched, self.proposed - self.ignored

    @property
    def recall(self) -> tuple[int, int]:
        return self.matched, self.labelled


@dataclass
class CityScore:
    city: City
    kinds: dict[str, KindScore]
    wrong: list[tuple[Label, Any, list[str]]]  # matched quantities with a wrong field


def _figure_span(p: Any, seen: dict[tuple, int]) -> tuple[int, int]:
    """Where the proposal's figure is in its paragraph: from the proposal when it says so,
    else the n-th occurrence of its figure in its quote (n counts proposals with the same
    paragraph, quote and figure, so two equal figures in one clause are told apart)."""
    at = getattr(p, "figure_start", None)
    if isinstance(at, int) and at >= 0:
        return at, at + len(p.figure)
    key = (p.paragraph, p.start, p.end, p.figure)
    n = seen.get(key, 0)
    seen[key] = n + 1
    pos = -1
    for _ in range(n + 1):
        pos = p.quote.find(p.figure, pos + 1)
        if pos < 0:
            break
    if pos < 0 or not p.figure:
        return p.start, p.end
    return p.start + pos, p.start + pos + len(p.figure)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def score(city: City, module: ModuleType) -> CityScore:
    proposals = module.extract(city.text, (), fmt="txt")
    seen: dict[tuple, int] = {}
    spans = []
    for p in proposals:
        span = _figure_span(p, seen) if p.kind == "quantity" else (p.start, p.end)
        spans.append(span)
    kinds = {k: KindScore() for k in KINDS}
    wrong: list[tuple[Label, Any, list[str]]] = []
    for kind in KINDS:
        ks = kinds[kind]
        labels = [lab for lab in city.labels if lab.kind == kind]
        props = [(i, p) for i, p in enumerate(proposals) if p.kind == kind]
        ks.labelled, ks.proposed = len(labels), len(props)
        pairs = []
        for li, lab in enumerate(labels):
            lspan = (lab.fig_start, lab.fig_end) if kind == "quantity" else (lab.start, lab.end)
            for pi, p in props:
                if p.paragraph == lab.paragraph and _overlap(lspan, spans[pi]) > 0:
                    pairs.append((-_overlap(lspan, spans[pi]), li, pi))
        used_l: set[int] = set()
        used_p: set[int] = set()
        for _, li, pi in sorted(pairs):
            if li in used_l or pi in used_p:
                continue
            used_l.add(li)
            used_p.add(pi)
            ks.matched += 1
            if kind == "quantity":
                lab, p = labels[li], proposals[pi]
                bad = []
                if p.number is None or abs(float(p.number) - (lab.number or 0)) > 1e-6:
                    bad.append(f"number {p.number} (labelled {lab.number:g})")
                if (p.unit or "").replace("％", "%") != lab.unit:
                    bad.append(f"unit {p.unit} (labelled {lab.unit})")
                if p.comparator != lab.comparator:
                    bad.append(f"comparator {p.comparator} (labelled {lab.comparator})")
                if bad:
                    wrong.append((lab, p, bad))
        ks.missed = [lab for li, lab in enumerate(labels) if li not in used_l]
        for pi, p in props:
            if pi in used_p:
                continue
            if any(
                b.paragraph == p.paragraph and _overlap((b.start, b.end), spans[pi]) > 0
                for b in city.borderline
            ):
                ks.ignored += 1
            else:
                ks.false.append(p)
    return CityScore(city, kinds, wrong)


# -- the table ----------------------------------------------------------------------------------


def _pad(text: str, width: int) -> str:
    """Left-justify to `width` terminal columns (a Chinese character takes two)."""
    cols = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - cols, 0)


def _ratio(r: tuple[int, int]) -> str:
    n, d = r
    return f"{n / d:.2f} ({n}/{d})" if d else "n/a"


def table(scores: list[CityScore], label: str = "") -> list[str]:
    head = (
        f"{'city':<18} {'province':<8} {'paras':>5} {'Q':>3} {'M':>3} {'B':>3}  "
        f"{'Q precision':<15} {'Q recall':<15} {'M precision':<15} {'M recall':<15} fields"
    )
    lines = [label, head] if label else [head]
    totals = {k: KindScore() for k in KINDS}
    wrong_total = 0
    for s in scores:
        q, m = s.kinds["quantity"], s.kinds["milestone"]
        for k in KINDS:
            t, v = totals[k], s.kinds[k]
            t.labelled += v.labelled
            t.proposed += v.proposed
            t.ignored += v.ignored
            t.matched += v.matched
        wrong_total += len(s.wrong)
        name = s.city.name + (" *" if s.city.role == "held-out" else "")
        lines.append(
            f"{_pad(name, 18)} {s.city.province.split()[1]:<8} {len(s.city.paragraphs):>5} "
            f"{q.labelled:>3} {m.labelled:>3} {len(s.city.borderline):>3}  "
            f"{_ratio(q.precision):<15} {_ratio(q.recall):<15} "
            f"{_ratio(m.precision):<15} {_ratio(m.recall):<15} "
            f"{len(s.wrong)}/{q.matched} wrong"
        )
    if len(scores) > 1:
        q, m = totals["quantity"], totals["milestone"]
        lines.append(
            f"{'all':<18} {'':<8} {sum(len(s.city.paragraphs) for s in scores):>5} "
            f"{q.labelled:>3} {m.labelled:>3} {sum(len(s.city.borderline) for s in scores):>3}  "
            f"{_ratio(q.precision):<15} {_ratio(q.recall):<15} "
            f"{_ratio(m.precision):<15} {_ratio(m.recall):<15} "
            f"{wrong_total}/{q.matched} wrong"
        )
    return lines


def markdown(scores: list[CityScore], before: list[CityScore] | None = None) -> list[str]:
    """The table as Markdown; with `before`, each figure as before → now."""

    def cells(s: CityScore) -> list[str]:
        q, m = s.kinds["quantity"], s.kinds["milestone"]
        return [
            _ratio(q.precision),
            _ratio(q.recall),
            _ratio(m.precision),
            _ratio(m.recall),
            f"{len(s.wrong)}/{q.matched}",
        ]

    def total(scores: list[CityScore]) -> CityScore:
        kinds = {k: KindScore() for k in KINDS}
        for s in scores:
            for k in KINDS:
                t, v = kinds[k], s.kinds[k]
                t.labelled += v.labelled
                t.proposed += v.proposed
                t.ignored += v.ignored
                t.matched += v.matched
        wrong = [w for s in scores for w in s.wrong]
        city = City("all", "all", "", "", "", {}, [], [])
        return CityScore(city, kinds, wrong)

    rows = [
        "| city | province | paragraphs | labelled Q | labelled M | borderline | Q precision "
        "| Q recall | M precision | M recall | fields wrong |",
        "|---|---|---:|---:|---:|---:|---|---|---|---|---|",
    ]
    pairs = list(zip(before or [None] * len(scores), scores, strict=True))
    if len(scores) > 1:
        pairs.append((total(before) if before else None, total(scores)))
    for old, new in pairs:
        c = new.city
        now = cells(new)
        shown = (
            [f"{a} → {b}" if a != b else b for a, b in zip(cells(old), now, strict=True)]
            if old
            else now
        )
        n_para = (
            sum(len(s.city.paragraphs) for s in scores) if c.key == "all" else len(c.paragraphs)
        )
        n_q = new.kinds["quantity"].labelled
        n_m = new.kinds["milestone"].labelled
        n_b = sum(len(s.city.borderline) for s in scores) if c.key == "all" else len(c.borderline)
        name = c.name + (" (held out)" if c.role == "held-out" else "")
        province = c.province.split()[1] if c.province else ""
        rows.append(
            f"| {name} | {province} | {n_para} | {n_q} | {n_m} | {n_b} | "
            + " | ".join(shown)
            + " |"
        )
    return rows


def details(s: CityScore) -> list[str]:
    out = [f"== {s.city.name}"]
    for kind in KINDS:
        ks = s.kinds[kind]
        for lab in ks.missed:
            out.append(f"  missed {kind:<9} {lab.paragraph:<10} {lab.quote}")
        for p in ks.false:
            out.append(f"  false  {kind:<9} {p.paragraph:<10} {p.quote} [{p.figure}]")
    for lab, _, bad in s.wrong:
        out.append(f"  wrong  quantity  {lab.paragraph:<10} {lab.quote}: {'; '.join(bad)}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tests.extract_score", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--held-out", action="store_true", help="also score the held-out city")
    ap.add_argument("--rev", help="also score generator/extract at this git revision")
    ap.add_argument(
        "--details", action="store_true", help="list misses, false proposals, wrong fields"
    )
    ap.add_argument("--city", action="append", help="only this city (file name, e.g. zunyi)")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument(
        "--yuncheng-2022",
        dest="yuncheng_2022",
        action="store_true",
        help="score the first drafts of the 2022 report against the reviewed commitments",
    )
    ap.add_argument("--rerun", action="store_true", help="2022: also score extract as it is now")
    ap.add_argument("--live", action="store_true", help="2022: read the content, not the fixture")
    ap.add_argument("--freeze", action="store_true", help="2022: copy the content into the fixture")
    args = ap.parse_args(argv)
    if args.yuncheng_2022:
        from tests import extract_score_2022

        return extract_score_2022.main(args)
    chosen = cities(args.held_out)
    if args.city:
        chosen = [c for c in chosen if c.key in args.city]
    if args.markdown:
        before = [score(c, extract_module(args.rev)) for c in chosen] if args.rev else None
        now = [score(c, extract_module()) for c in chosen]
        print("\n".join(markdown(now, before)))
        return 0
    if args.rev:
        before = [score(c, extract_module(args.rev)) for c in chosen]
        print("\n".join(table(before, f"before: generator/extract at {args.rev}")))
        print()
    now = [score(c, extract_module()) for c in chosen]
    print("\n".join(table(now, "now: generator/extract in the working tree" if args.rev else "")))
    print(
        "Q, M: labelled quantities and milestones; B: borderline entries; fields: matched "
        "quantities with a wrong number, unit or comparator; * held out"
    )
    if args.details:
        for s in now:
            print("\n".join(details(s)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
