"""Every number in the report that states an aim is covered by a target's quote, or listed in
content/not-targets.yaml with a reason. Fails on any uncovered number, so it stays true."""

import re

from generator.load import load
from generator.validate import validate
from tests.conftest import ROOT

NUMBER = re.compile(
    r"\d+(?:\.\d+)?|[一二两三四五六七八九十]+(?:万名|座)|不少于[一二三四五六七八九十]+个"
)


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def test_every_number_is_a_target_or_a_listed_exception():
    sources = load(ROOT / "content")
    site, problems = validate(sources)
    assert site is not None, [p.format() for p in problems]
    covered: dict[str, list[tuple[int, int]]] = {}
    blocks = {b.id: b.text for b in site.report.zh}
    for t in site.targets:
        covered.setdefault(t.paragraph, []).extend(spans(blocks[t.paragraph], t.quote))
    for item in sources.not_targets.value:
        covered.setdefault(item["paragraph"], []).extend(
            spans(blocks[item["paragraph"]], item["text"])
        )
    missing = []
    for pid, text in blocks.items():
        for m in NUMBER.finditer(text):
            if not any(a <= m.start() and m.end() <= b for a, b in covered.get(pid, [])):
                missing.append(f"{pid}: {text[max(0, m.start() - 12) : m.end() + 6]}")
    assert not missing, "numbers not covered:\n" + "\n".join(missing)
