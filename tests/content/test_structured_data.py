"""What search engines read about the real site: the open-data page's schema.org Dataset
covers every tracked report, and no page describes itself as one report's title."""

from __future__ import annotations

import json
import re
from html import unescape

from generator.catalogue import text

JSONLD = re.compile(rb'<script type="application/ld\+json">(.*?)</script>', re.S)
DESCRIPTION = re.compile(rb'<meta name="description" content="([^"]*)"')


def test_the_dataset_covers_the_years_of_every_report(real_site: dict[str, bytes]) -> None:
    for lang in ("zh", "en"):
        (block,) = JSONLD.findall(real_site[f"{lang}/data/index.html"])
        dataset = json.loads(block)
        assert dataset["@type"] == "Dataset"
        assert dataset["temporalCoverage"] == "2021/2022"  # the 2021 and 2022 work reports
        assert "2022" not in dataset["description"]  # the site, not the latest report


def test_list_pages_are_described_by_what_the_site_is_for(real_site: dict[str, bytes]) -> None:
    for path in ("zh/status/achieved/index.html", "en/targets/index.html", "zh/data/index.html"):
        (description,) = DESCRIPTION.findall(real_site[path])
        assert unescape(description.decode()) == text("home.lead", path[:2]), path
