"""Build the minimal fixture the way the golden test does (shared by the test and `make golden`)."""

from __future__ import annotations

from pathlib import Path

from generator.build import render_site
from generator.write import manifest
from tests.casefile import MINIMAL

EXPECTED = Path(__file__).resolve().parent / "expected"
SKIP = ("assets/",)  # copied verbatim from templates/static and the locked npm bundle


def golden_output() -> dict[str, bytes]:
    output, _, _ = render_site(MINIMAL, base_url="https://example.org/tracker/")
    output["manifest.json"] = manifest(output, None)
    return {path: data for path, data in output.items() if not path.startswith(SKIP)}
