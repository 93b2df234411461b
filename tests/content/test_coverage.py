"""Every number in a report that states an aim is covered by a commitment's quote, or listed in
that report's not-targets.yaml with a reason (content/reports/<id>/). Fails on any uncovered
number, so it stays true for every report the site tracks."""

import re

from generator.load import load
from generator.model import Report, Target
from generator.validate import validate
from tests.conftest import ROOT

NUMBER = re.compile(
    r"\d+(?:\.\d+)?|[一二两三四五六七八九十]+(?:万名|座)|不少于[一二三四五六七八九十]+个"
)


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def uncovered(report: Report, targets: list[Target], not_targets: list[dict]) -> list[str]:
    """The numbers of the report's Chinese text that no quote and no not-target covers."""
    covered: dict[str, list[tuple[int, int]]] = {}
    blocks = {b.id: b.text for b in report.zh}
    for t in targets:
        covered.setdefault(t.paragraph, []).extend(spans(blocks[t.paragraph], t.quote))
    for item in not_targets:
        covered.setdefault(item["paragraph"], []).extend(
            spans(blocks[item["paragraph"]], item["text"])
        )
    missing = []
    for pid, text in blocks.items():
        for m in NUMBER.finditer(text):
            if not any(a <= m.start() and m.end() <= b for a, b in covered.get(pid, [])):
                missing.append(f"{report.id} {pid}: {text[max(0, m.start() - 12) : m.end() + 6]}")
    return missing


def test_every_number_is_a_target_or_a_listed_exception():
    sources = load(ROOT / "content")
    site, problems = validate(sources)
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
