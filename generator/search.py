"""Search: Pagefind (extended build, with Chinese word segmentation) indexes the written site.

It runs on the finished files in the temporary folder, before the swap, so the index always
matches the pages; one index per `<html lang>` (zh-hans, en), page bodies only
(`data-pagefind-body` on <main>). The binary comes from the locked npm package `pagefind`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.assets import ROOT

BINARY = ROOT / "node_modules" / "@pagefind" / "linux-x64" / "bin" / "pagefind_extended"


class SearchError(Exception):
    pass


def available() -> bool:
    return BINARY.is_file()


def index(site_dir: Path) -> None:
    """Write site_dir/pagefind/ (raises SearchError with Pagefind's own words on failure)."""
    if not available():
        raise SearchError(f"the search indexer is missing ({BINARY}); run `make setup`")
    result = subprocess.run(
        [str(BINARY), "--site", str(site_dir), "--quiet"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        raise SearchError("search indexing failed: " + (result.stderr or result.stdout).strip())
