"""Score extract's first drafts of the 2022 Yuncheng report against the reviewed commitments.

    python -m tests.extract_score --yuncheng-2022              # first drafts (drafts.jsonl)
    python -m tests.extract_score --yuncheng-2022 --rerun      # also extract as it is now
    python -m tests.extract_score --yuncheng-2022 --details    # every draft and commitment
    python -m tests.extract_score --yuncheng-2022 --live       # the content as it is today
    python -m tests.extract_score --yuncheng-2022 --freeze     # copy the content's commitments
                                                               # and text into the fixture

Before writing any commitment, two content helpers ran `extract` on the 2022 report and kept
its first drafts exactly (tests/fixtures/extract/yuncheng-2022/drafts.jsonl); then they wrote
the reviewed commitments of parts 三 and 四 (content/reports/yuncheng-2022/targets/) and
recorded what became of each draft (review-A.tsv, review-B.tsv). This module compares the two.

Matched, as tests/extract_score.py matches a proposal with a label: same paragraph, same kind,
the draft's span overlapping the commitment's quote (for a quantity, the span of the draft's
figure; for a milestone, its quote), one to one, largest overlap first (a figure inside two
quotes goes to the one with its own number, unit and comparator, then to the narrower quote:
the commitments have no figure span of their own, as the corpus labels have). A matched draft is
"kept" when its number, unit and comparator are the commitment's (milestones: always), else
"changed"; an unmatched draft that overlaps a commitment of another kind (most often one the
reviewers made qualitative) is "other kind"; the rest are "dropped". Precision: matched /
proposals; recall: matched / commitments of that kind. Qualitative commitments are outside
extract's scope by design: counted apart, never as misses. Only drafts of parts 三 and 四 are
scored (parts 一, 二 and the notes look back at 2021 and were not reviewed).

By default it reads the copy of the commitments and of the text frozen in the fixture
(reviewed.jsonl, zh.md: as they were when the review was scored), so its figures can be
re-derived whatever happens to the content later; --live reads the content instead.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "extract" / "yuncheng-2022"
CONTENT = ROOT / "content"
REPORT = "yuncheng-2022"
KINDS = ("quantity", "milestone")
PARTS = ("p-3-", "p-4-")  # the reviewed parts: 三 (2022年工作安排) and 四 (government's conduct)


@dataclass(frozen=True)
class Commitment:
    id: str
    paragraph: str
    quote: str
    kind: str
    start: int
    end: int
    number: float | None = None
    unit: str | None = None
    comparator: str | None = None


@dataclass(frozen=True)
class Draft:
    id: str
    paragraph: str
    kind: str
    quote: str
    start: int
    end: int
    figure: str
    number: float | None
    unit: str | None
    comparator: str | None


# -- reading ------------------------------------------------------------------------------------


def content_text(content: Path = CONTENT) -> Path:
    """The 2022 report's Chinese text in the content: its report folder once it moves there,
    else content/documents/."""
    for path in (content / "reports" / REPORT / "zh.md", content / "documents" / REPORT / "zh.md"):
        if path.is_file():
            return path
    raise FileNotFoundError(f"no zh.md for {REPORT} in {content}")


def paragraphs(text: str) -> dict[str, str]:
    from generator.extract import paragraphs as blocks

    return {pid: body for pid, kind, body in blocks(text, "md") if kind == "paragraph"}


def commitments_from_targets(folder: Path, paras: dict[str, str]) -> list[Commitment]:
    out = []
    for path in sorted(folder.glob("*.yaml")):
        t = yaml.safe_load(path.read_text(encoding="utf-8"))
        src, metric = t["source"], t["metric"]
        text = paras.get(src["paragraph"], "")
        start = text.find(src["quote"])
        if start < 0:
            raise ValueError(f"{path.name}: quote not in {src['paragraph']}: {src['quote']}")
        unit = (metric.get("unit") or {}).get("zh")
        out.append(
            Commitment(
                t["id"],
                src["paragraph"],
                src["quote"],
                metric["kind"],
                start,
                start + len(src["quote"]),
                metric.get("target"),
                unit,
                metric.get("comparator"),
            )
        )
    return out


def read_commitments(path: Path) -> list[Commitment]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Commitment(**json.loads(line)) for line in lines if line.strip()]


def read_drafts(lines: list[str]) -> list[Draft]:
    """Drafts from `extract --json` lines (drafts.jsonl is exactly that output)."""
    out = []
    for line in lines:
        if not line.strip():
            continue
        d = json.loads(line)
        out.append(
            Draft(
                d["id"],
                d["paragraph"],
                d["kind"],
                d["quote"],
                d["start"],
                d["end"],
                d["figure"],
                d["number"],
                d["unit"],
                d["comparator"],
            )
        )
    return out


def first_drafts() -> list[Draft]:
    return read_drafts((FIXTURE / "drafts.jsonl").read_text(encoding="utf-8").splitlines())


def rerun(text: str, module: ModuleType | None = None) -> list[str]:
    """`extract --json` lines for the text, as the first drafts were made: the content's
    counties, no not-targets (the 2022 not-targets.yaml was written from the review)."""
    from generator.extract.command import as_json
    from generator.extract.model import Coverage

    if module is None:
        import generator.extract as module
    counties = yaml.safe_load((CONTENT / "counties.yaml").read_text(encoding="utf-8"))
    proposals = module.extract(text, counties, [], fmt="md")
    return [
        json.dumps(as_json(Coverage(p, ())), ensure_ascii=False)  # type: ignore[arg-type]
        for p in proposals
    ]


def frozen() -> tuple[str, list[Commitment]]:
    """The text and the reviewed commitments as frozen in the fixture."""
    text = (FIXTURE / "zh.md").read_text(encoding="utf-8")
    return text, read_commitments(FIXTURE / "reviewed.jsonl")


def live(content: Path = CONTENT) -> tuple[str, list[Commitment]]:
    text = content_text(content).read_text(encoding="utf-8")
    folder = content / "reports" / REPORT / "targets"
    return text, commitments_from_targets(folder, paragraphs(text))


def freeze(content: Path = CONTENT) -> tuple[int, str]:
    """Copy the content's 2022 text and commitments into the fixture."""
    source = content_text(content)
    text, commitments = live(content)
    shutil.copyfile(source, FIXTURE / "zh.md")
    lines = [json.dumps(c.__dict__, ensure_ascii=False) for c in commitments]
    (FIXTURE / "reviewed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(commitments), str(source.relative_to(ROOT))


# -- scoring ------------------------------------------------------------------------------------


@dataclass
class KindScore:
    proposals: int = 0
    kept: int = 0
    changed: int = 0  # matched, with another number, unit or comparator
    other_kind: int = 0  # unmatched, on a commitment of another kind
    dropped: int = 0
    commitments: int = 0

    @property
    def matched(self) -> int:
        return self.kept + self.changed

    @property
    def missed(self) -> int:
        return self.commitments - self.matched


@dataclass
class Score:
    kinds: dict[str, KindScore]
    qualitative: int  # reviewed commitments outside extract's scope
    qualitative_touched: int  # of those, how many a draft overlaps
    outside: int  # drafts outside parts 三 and 四 (not reviewed, not scored)
    outcome: dict[str, tuple[str, str]] = field(default_factory=dict)  # draft id → (outcome, cid)
    found: dict[str, str] = field(default_factory=dict)  # commitment id → draft id
    commitments: list[Commitment] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)


def _figure_span(d: Draft, seen: Counter[tuple[Any, ...]]) -> tuple[int, int]:
    """The draft's figure in its paragraph: the n-th occurrence of its figure in its quote,
    n counting drafts with the same paragraph, quote and figure (as tests/extract_score.py)."""
    key = (d.paragraph, d.start, d.end, d.figure)
    n = seen[key]
    seen[key] += 1
    pos = -1
    for _ in range(n + 1):
        pos = d.quote.find(d.figure, pos + 1)
        if pos < 0:
            return d.start, d.end
    return d.start + pos, d.start + pos + len(d.figure)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _same_figures(d: Draft, c: Commitment) -> list[str]:
    bad = []
    if d.number is None or c.number is None or abs(float(d.number) - float(c.number)) > 1e-6:
        bad.append("number")
    if (d.unit or "").replace("％", "%") != (c.unit or "").replace("％", "%"):
        bad.append("unit")
    if d.comparator != c.comparator:
        bad.append("comparator")
    return bad


def score(drafts: list[Draft], commitments: list[Commitment]) -> Score:
    scoped = [d for d in drafts if d.paragraph.startswith(PARTS)]
    seen: Counter[tuple[Any, ...]] = Counter()
    spans = [_figure_span(d, seen) if d.kind == "quantity" else (d.start, d.end) for d in scoped]
    s = Score(
        {k: KindScore() for k in KINDS},
        sum(c.kind == "qualitative" for c in commitments),
        0,
        len(drafts) - len(scoped),
        commitments=commitments,
        drafts=scoped,
    )
    for c in commitments:
        if c.kind in s.kinds:
            s.kinds[c.kind].commitments += 1
    pairs = []
    for di, d in enumerate(scoped):
        for ci, c in enumerate(commitments):
            if c.paragraph == d.paragraph and c.kind == d.kind:
                o = _overlap(spans[di], (c.start, c.end))
                if o > 0:  # ties (a figure inside two quotes): the same figures, then the
                    bad = len(_same_figures(d, c)) if d.kind == "quantity" else 0
                    pairs.append((-o, bad, c.end - c.start, di, ci))  # narrower quote
    used_d: set[int] = set()
    used_c: set[int] = set()
    for *_, di, ci in sorted(pairs):
        if di in used_d or ci in used_c:
            continue
        used_d.add(di)
        used_c.add(ci)
        d, c = scoped[di], commitments[ci]
        bad = _same_figures(d, c) if d.kind == "quantity" else []
        s.outcome[d.id] = ("changed " + "/".join(bad) if bad else "kept", c.id)
        s.found[c.id] = d.id
        ks = s.kinds[d.kind]
        if bad:
            ks.changed += 1
        else:
            ks.kept += 1
    touched: set[str] = set()
    for di, d in enumerate(scoped):
        s.kinds[d.kind].proposals += 1
        if di in used_d:
            continue
        other = [
            c
            for c in commitments
            if c.paragraph == d.paragraph
            and c.kind != d.kind
            and _overlap(spans[di], (c.start, c.end)) > 0
        ]
        if other:
            s.kinds[d.kind].other_kind += 1
            s.outcome[d.id] = (f"other kind ({other[0].kind})", other[0].id)
            touched.update(c.id for c in other if c.kind == "qualitative")
        else:
            s.kinds[d.kind].dropped += 1
            s.outcome[d.id] = ("dropped", "")
    s.qualitative_touched = len(touched)
    return s


# -- the review's own record --------------------------------------------------------------------


def review_rows() -> list[dict[str, str]]:
    rows = []
    for name in ("review-A.tsv", "review-B.tsv"):
        with (FIXTURE / name).open(encoding="utf-8", newline="") as f:
            rows += [dict(r, file=name) for r in csv.DictReader(f, delimiter="\t")]
    return rows


def review_counts(drafts: list[Draft], commitments: list[Commitment]) -> dict[str, Counter[str]]:
    """The review's outcomes counted per kind: a draft's outcome under the draft's kind, a
    missed commitment under the commitment's kind (qualitative ones apart)."""
    kind_of_draft = {d.id: d.kind for d in drafts}
    kind_of = {c.id: c.kind for c in commitments}
    out: dict[str, Counter[str]] = {k: Counter() for k in (*KINDS, "qualitative")}
    for r in review_rows():
        if r["outcome"] == "missed":
            out[kind_of.get(r["commitment_id"], "unknown")]["missed"] += 1
        else:
            out[kind_of_draft[r["draft_id"]]][r["outcome"]] += 1
    return out


def reconcile(s: Score) -> list[str]:
    """Where the review's outcome and this score's differ, draft by draft and commitment by
    commitment."""
    lines = []
    missed_by_review = {}
    for r in review_rows():
        if r["outcome"] == "missed":
            missed_by_review[r["commitment_id"]] = r
            continue
        ours, cid = s.outcome.get(r["draft_id"], ("not scored", ""))
        theirs = r["outcome"]
        if theirs != ours.split(" ")[0]:
            lines.append(
                f"  draft {r['draft_id']}: review {theirs} → {r['commitment_id'] or '-'}; "
                f"here {ours} {cid}".rstrip()
            )
    kind_of = {c.id: c.kind for c in s.commitments}
    for c in s.commitments:
        if c.kind not in KINDS:
            continue
        by_review = c.id in missed_by_review
        here = c.id not in s.found
        if by_review != here:
            way = "missed by the review, found here" if by_review else "found by the review"
            lines.append(
                f"  {c.kind} {c.id}: {way}; here "
                + ("missed" if here else f"found by {s.found[c.id]}")
            )
    stray = [cid for cid in missed_by_review if cid not in kind_of]
    lines += [f"  missed {cid}: in the review, not a commitment" for cid in stray]
    return lines


# -- output -------------------------------------------------------------------------------------


def _ratio(n: int, d: int) -> str:
    return f"{n / d:.2f} ({n}/{d})" if d else "n/a"


def table(s: Score, label: str) -> list[str]:
    head = (
        f"{'kind':<10} {'proposals':>9} {'kept':>5} {'changed':>7} {'other kind':>10} "
        f"{'dropped':>7} {'reviewed':>8} {'missed':>6}  {'precision':<15} recall"
    )
    lines = [label, head]
    total = KindScore()
    for kind in KINDS:
        k = s.kinds[kind]
        for name in ("proposals", "kept", "changed", "other_kind", "dropped", "commitments"):
            setattr(total, name, getattr(total, name) + getattr(k, name))
        lines.append(_row(kind, k))
    lines.append(_row("both", total))
    lines.append(
        f"qualitative commitments (outside extract's scope, not misses): {s.qualitative}, "
        f"{s.qualitative_touched} of them overlapped by an 'other kind' draft; "
        f"drafts outside parts 三 and 四 (not reviewed, not scored): {s.outside}"
    )
    return lines


def _row(name: str, k: KindScore) -> str:
    return (
        f"{name:<10} {k.proposals:>9} {k.kept:>5} {k.changed:>7} {k.other_kind:>10} "
        f"{k.dropped:>7} {k.commitments:>8} {k.missed:>6}  "
        f"{_ratio(k.matched, k.proposals):<15} {_ratio(k.matched, k.commitments)}"
    )


def markdown(rows: list[tuple[str, Score]]) -> list[str]:
    out = [
        "| drafts | kind | proposals | kept | changed | other kind | dropped | reviewed "
        "commitments | missed | precision | recall |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for label, s in rows:
        for kind in KINDS:
            k = s.kinds[kind]
            out.append(
                f"| {label} | {kind} | {k.proposals} | {k.kept} | {k.changed} | {k.other_kind} "
                f"| {k.dropped} | {k.commitments} | {k.missed} | "
                f"{_ratio(k.matched, k.proposals)} | {_ratio(k.matched, k.commitments)} |"
            )
    return out


def review_table(counts: dict[str, Counter[str]]) -> list[str]:
    lines = ["the review's own record (review-A.tsv + review-B.tsv):"]
    for kind, c in counts.items():
        lines.append(
            f"  {kind:<11} kept {c['kept']}, changed {c['changed']}, dropped {c['dropped']}, "
            f"missed {c['missed']}"
        )
    return lines


def details(s: Score) -> list[str]:
    out = []
    for d in s.drafts:
        what, cid = s.outcome[d.id]
        out.append(f"  {what:<24} {d.kind:<9} {d.id:<28} {d.quote[:40]} → {cid or '-'}")
    for c in s.commitments:
        if c.kind in KINDS and c.id not in s.found:
            out.append(f"  {'missed':<24} {c.kind:<9} {c.id:<40} {c.paragraph:<7} {c.quote[:50]}")
    return out


def main(args: Any) -> int:
    """--yuncheng-2022 of tests/extract_score.py (args: its parsed arguments)."""
    if args.freeze:
        n, source = freeze()
        print(f"froze {n} commitments and {source} into {FIXTURE.relative_to(ROOT)}")
        return 0
    text, commitments = live() if args.live else frozen()
    where = "the content today" if args.live else "the fixture (reviewed.jsonl, zh.md)"
    first = score(first_drafts(), commitments)
    rows = [("first drafts", first)]
    if args.rerun or args.rev:
        from tests.extract_score import extract_module

        if args.rev:
            module = extract_module(args.rev)
            rows.append(
                (f"extract at {args.rev}", score(read_drafts(rerun(text, module)), commitments))
            )
        now = score(read_drafts(rerun(text)), commitments)
        rows.append(("after the rule changes", now))
    if args.markdown:
        print("\n".join(markdown(rows)))
        return 0
    print(f"2022 Yuncheng report, parts 三 and 四; reviewed commitments from {where}")
    for label, s in rows:
        print()
        print("\n".join(table(s, label + ":")))
    print()
    print("\n".join(review_table(review_counts(first_drafts(), commitments))))
    diff = reconcile(first)
    print(f"where the first drafts' score and the review differ ({len(diff)}):")
    print("\n".join(diff) if diff else "  nowhere")
    if args.details:
        for label, s in rows:
            print(f"\n== {label}")
            print("\n".join(details(s)))
    return 0
