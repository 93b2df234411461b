"""Every number in the tracked parts of a report is covered by a commitment's quote, or listed
in that report's not-targets.yaml with a reason (content/reports/<id>/). Fails on any
uncovered number, so it stays true for every report the site tracks."""

import re

from generator.model import Report, Target

NUMBER = re.compile(
    r"\d+(?:\.\d+)?|[一二两三四五六七八九十]+(?:万名|座)|不少于[一二三四五六七八九十]+个"
)


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def tracked(report: Report, not_targets: list[dict]) -> set[str]:
    """The blocks of the report that the site tracks: from the first one its parts or its
    not-targets name, to the end of its last part (the next heading as high as that part's).
    The 2022 report is the whole printed text, of which parts 三 and 四 are the work plan;
    its review of 2021 (parts 一, 二) and the notes after 四 are not commitments."""
    ids = [b.id for b in report.zh]
    named = [s.paragraph for s in report.sections] + [n["paragraph"] for n in not_targets]
    start = min(ids.index(pid) for pid in named if pid in ids)
    last = ids.index(report.sections[-1].paragraph)
    level = report.zh[last].level or 99
    end = next((i for i in range(last + 1, len(ids)) if 0 < report.zh[i].level <= level), len(ids))
    return set(ids[start:end])


def uncovered(report: Report, targets: list[Target], not_targets: list[dict]) -> list[str]:
    """The numbers of the report's tracked Chinese text that no quote and no not-target
    covers."""
    covered: dict[str, list[tuple[int, int]]] = {}
    mine = tracked(report, not_targets)
    blocks = {b.id: b.text for b in report.zh if b.id in mine}
    for t in targets:
        assert t.paragraph in blocks, f"{t.id} quotes {t.paragraph}, outside the tracked parts"
        covered.setdefault(t.paragraph, []).extend(spans(blocks[t.paragraph], t.quote))
    for item in not_targets:
        if item["paragraph"] not in blocks:
            continue  # a heading or preamble before the tracked parts
        covered.setdefault(item["paragraph"], []).extend(
            spans(blocks[item["paragraph"]], item["text"])
        )
    missing = []
    for pid, text in blocks.items():
        for m in NUMBER.finditer(text):
            if not any(a <= m.start() and m.end() <= b for a, b in covered.get(pid, [])):
                missing.append(f"{report.id} {pid}: {text[max(0, m.start() - 12) : m.end() + 6]}")
    return missing


def test_every_number_is_a_target_or_a_listed_exception(real_sources, real_validated):
    sources = real_sources
    site, problems = real_validated
    assert site is not None, [p.format() for p in problems]
    assert [r.id for r in site.reports] == [
        r.id for r in sorted(sources.reports, key=lambda r: r.date)
    ]
    assert site.reports, "the real content keeps each report in content/reports/<id>/"
    missing = []
    for report, files in zip(
        site.reports, sorted(sources.reports, key=lambda r: r.date), strict=True
    ):
        listed = files.not_targets.value if files.not_targets else []
        own = [t for t in site.targets if t.report == report.id]
        assert own, f"{report.id} has no commitments"
        missing += uncovered(report, own, listed)
    assert not missing, "numbers not covered:\n" + "\n".join(missing)
