"""Source documents that evidence quotes come from are the official text, paragraph for paragraph.

`content/reports/yuncheng-2022/zh.md` is the city's 2022 government work report as kept by the
lawtext/gov archive; `tests/fixtures/sources/yuncheng-2022-report.md` is that archive text,
byte for byte (a copy of `shared/research/sources/yuncheng-2022-report.md`).
"""

import re

from generator.errors import Diagnostic
from generator.report import parse
from tests.conftest import ROOT

DOC = ROOT / "content" / "reports" / "yuncheng-2022"
SOURCE = ROOT / "tests" / "fixtures" / "sources" / "yuncheng-2022-report.md"
SHARED_SOURCE = ROOT.parent / "shared" / "research" / "sources" / "yuncheng-2022-report.md"


def source_parts() -> tuple[str, list[str]]:
    """The source's front-matter title and its paragraphs (non-blank lines), in order."""
    text = SOURCE.read_text(encoding="utf-8")
    front, body = re.fullmatch(r"---\n(.*?)\n---\n(.*)", text, flags=re.S).groups()
    title = re.search(r"^title: (.+)$", front, flags=re.M).group(1).strip()
    return title, [line.strip() for line in body.splitlines() if line.strip()]


def blocks():
    out: list[Diagnostic] = []
    parsed = parse((DOC / "zh.md").read_text(encoding="utf-8"), "zh.md", out)
    assert out == []
    return parsed


def test_the_committed_source_is_the_shared_source():
    if SHARED_SOURCE.exists():  # beside the checkout for developers
        assert SOURCE.read_bytes() == SHARED_SOURCE.read_bytes()


def test_zh_is_the_source_paragraph_for_paragraph():
    title, paragraphs = source_parts()
    ours = blocks()
    assert (ours[0].id, ours[0].kind, ours[0].text) == ("h-0", "heading", title)
    texts = [b.text for b in ours[1:]]
    assert len(texts) == len(paragraphs) == 117
    for i, (a, b) in enumerate(zip(texts, paragraphs, strict=True)):
        where = f"block {i + 1} ({ours[i + 1].id})"
        assert a == b, f"{where} differs:\n ours: {a[:80]}\n source: {b[:80]}"
    assert "".join(texts) == "".join(paragraphs)


def test_ids_follow_the_parts_of_the_report():
    ours = blocks()
    ids = [b.id for b in ours]
    assert len(ids) == len(set(ids))
    heads = {b.id: b.text for b in ours if b.kind == "heading"}
    assert heads["h-1"] == "一、2021年及本届政府工作回顾"
    assert heads["h-3"] == "三、2022年工作安排"
    assert heads["h-3-9"].startswith("（九）")
    assert heads["h-notes"] == "附注："
    by_id = {b.id: b.text for b in ours}
    assert "承诺的15件民生实事全部兑现" in by_id["p-1-7"]
    assert "做好航空口岸正式开放验收" in by_id["p-3-22"]
    assert by_id["p-notes-28"].startswith("28.2022年山西省政府确定的12件民生实事")
    for b in ours:
        assert re.fullmatch(r"h-0|p-0-\d+|h-[1-4]|h-3-\d|p-[1-4]-\d+|h-notes|p-notes-\d+", b.id)
