"""The real site's pages read once per test run (the site itself is built once, by
`real_site` in tests/conftest.py), for the modules that look at every page."""

from __future__ import annotations

import pytest

from tests.content.reading import Read, read_pages
from tests.shared import shared_value


@pytest.fixture(scope="session")
def real_pages(
    tmp_path_factory: pytest.TempPathFactory, real_site: dict[str, bytes]
) -> dict[str, Read]:
    """Every HTML page of the real site: its visible text, references and ids."""
    return shared_value(tmp_path_factory, "real-pages", lambda: read_pages(real_site))
