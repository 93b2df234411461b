"""The real site, built once per test run the way `build` ships it, for the modules that only
read it (links, page weight, visible text)."""

from __future__ import annotations

import pytest

from tests.built import built
from tests.conftest import ROOT


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Every file of the real content's site, by its path in the site."""
    return built(ROOT / "content", tmp_path_factory.mktemp("real") / "site").files
