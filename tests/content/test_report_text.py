"""The report on the site is the government's text, paragraph for paragraph, in both languages."""

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

REPORT = ROOT / "content" / "reports" / "yuncheng-2021"
SEED = ROOT / "tests" / "fixtures" / "seed" / "report-2021-zh.txt"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_88d0d8cdf2f50e59.txt"
# Blocks the printing splits mid-sentence at a column or page break
# (content/reports/yuncheng-2021/NOTES.md).
PAGE_BREAKS = [
    "龙头带动",
    "坚持引育并",
    "全部实行“标准地”",
    "干河生",
    "高水平建",
    "成必优”,",
    "建筑垃圾管理等地",
]


def normalise(text: str) -> str:
    text = re.sub(r"<sub>(.*?)</sub>", r"\1", text)
    text = re.sub(r"\{#[^}]+\}|\]\{\.lead\}|\*\*|^#+ ", "", text, flags=re.M)
    return re.sub(r"[\s\[]", "", text)


def seed_blocks() -> list[str]:
    blocks = [b.strip() for b in SEED.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    joined: list[str] = []
    for block in blocks:
        if joined and any(joined[-1].endswith(end) for end in PAGE_BREAKS):
            joined[-1] += block
        else:
            joined.append(block)
    return [normalise(b) for b in joined]


@pytest.fixture
def site_blocks(real_sources):
    """The 2021 report's blocks in a language, as the site reads them."""
    report = real_sources.view(next(r for r in real_sources.reports if r.id == "yuncheng-2021"))
    return lambda lang: report.report[lang]


def test_the_committed_seed_is_the_shared_seed():
    if SHARED_SEED.exists():  # beside the checkout in CI and for developers
        assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_zh_matches_the_seed_paragraph_for_paragraph(site_blocks):
    ours = [normalise(b.text) for b in site_blocks("zh")]
    seed = seed_blocks()
    assert len(ours) == len(seed) == 51
    for i, (a, b) in enumerate(zip(ours, seed, strict=True)):
        assert a == b, f"block {i} differs:\n ours: {a[:80]}\n seed: {b[:80]}"


def test_en_has_the_same_ids_and_every_paragraph_translated(site_blocks):
    zh, en = site_blocks("zh"), site_blocks("en")
    assert [b.id for b in zh] == [b.id for b in en]
    for b in en:
        latin = len(re.findall(r"[A-Za-z]", b.text))
        cjk = len(re.findall(r"[\u3400-\u9fff]", b.text))
        assert b.text.strip() and (cjk == 0 or latin > 3 * cjk), f"{b.id} looks untranslated"


def test_ids_are_stable_and_unique(site_blocks):
    ids = [b.id for b in site_blocks("zh")]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"(p|h)-[a-z0-9-]+", i) for i in ids)
    assert Path(REPORT / "NOTES.md").exists()


REPORT_IDS = sorted(p.name for p in (ROOT / "content" / "reports").iterdir() if p.is_dir())


@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_every_report_is_translated_block_for_block(report_id: str, real_sources):
    """Each tracked report's English text has the Chinese text's ids in the same order, every
    block translated (2022: the whole printed report, parts 一 to 四 and the notes)."""
    src = real_sources
    report = src.view(next(r for r in src.reports if r.id == report_id)).report
    zh, en = report["zh"], report["en"]
    assert len(zh) > 40
    assert [b.id for b in zh] == [b.id for b in en]
    for b in en:
        latin = len(re.findall(r"[A-Za-z]", b.text))
        cjk = len(re.findall(r"[\u3400-\u9fff]", b.text))
        assert b.text.strip() and (cjk == 0 or latin > 3 * cjk), (
            f"{report_id} {b.id} looks untranslated"
        )


def test_both_reports_are_tracked():
    assert REPORT_IDS == ["yuncheng-2021", "yuncheng-2022"]
