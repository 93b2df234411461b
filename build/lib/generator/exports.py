"""Data files written beside the pages: feeds, open data, sitemap (filled in by later stages)."""

from __future__ import annotations

from typing import Any


def data_files(site: Any, the_plan: Any, renderer: Any, base_url: str | None) -> dict[str, bytes]:
    return {}
