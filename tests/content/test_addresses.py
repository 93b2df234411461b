"""No published address breaks: every page of the site as it was published at commit 39aca09
(before the 2022 report was added) still leads to the same commitment, paragraph, county,
section or month, in the site built now.

The list is tests/fixtures/addresses/39aca09.txt (every file of that build, assets and the
search index aside); the report's paragraph anchors are in anchors/. An address is kept when
the same file exists and, for a commitment, names the same commitment; a report paragraph is
kept when the page at the old address has the same `id` on an element, so `#p-1-3` still
scrolls to it without JavaScript.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "addresses"


def _listed(name: str) -> list[str]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


ADDRESSES = _listed("39aca09.txt")


def test_the_list_covers_what_readers_link_to() -> None:
    """The fixture holds what the issue names: commitments, their embeds and data files,
    counties, parts, the report (both languages)."""
    kinds = {a.split("/")[1] for a in ADDRESSES if a.startswith("zh/")}
    assert {"targets", "embed", "counties", "sections", "report", "status", "changes"} <= kinds
    assert sum(a.startswith("data/targets/") for a in ADDRESSES) == 155


def test_every_published_address_still_resolves(real_site: dict[str, bytes]) -> None:
    missing = [a for a in ADDRESSES if a not in real_site]
    assert not missing, f"{len(missing)} published addresses no longer resolve: {missing[:20]}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_paragraph_anchors_still_lead_to_their_paragraph(
    real_site: dict[str, bytes], lang: str
) -> None:
    page = real_site[f"{lang}/report/index.html"].decode("utf-8")
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    anchors = (FIXTURES / "anchors" / f"{lang}-report.txt").read_text().split()
    assert anchors, "no anchors listed"
    lost = [a for a in anchors if a not in ids]
    assert not lost, f"{lang}/report/ lost paragraph anchors: {lost}"


def test_commitment_pages_still_name_the_same_commitment(real_site: dict[str, bytes]) -> None:
    """The page at /zh/targets/<id>/ is that commitment's (its data file has the same id)."""
    for address in ADDRESSES:
        match = re.fullmatch(r"data/targets/(.+)\.json", address)
        if match:
            assert f'"id":"{match.group(1)}"'.encode() in real_site[address], address
