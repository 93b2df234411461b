"""Browser-test fixtures: the real site, built once, served under /sub/path/, in Debian's Chromium.

Every page a test opens is watched: a console error, an uncaught exception, a failed or >= 400
request, or any request to a host other than 127.0.0.1 (blocked) fails the test at teardown.
A test that expects one error response says so with `problems.allow_http_error(url_suffix)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from generator import search
from generator.build import build
from tests.browser.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CONTENT,
    DESKTOP,
    HERE,
    Problems,
    SiteServer,
)
from tests.shared import shared_folder


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Everything in tests/browser/ is a `browser` test (deselect with -m "not browser")."""
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's real content/, built once per test run into a temporary folder (one
    build for all workers), as `hedong build` does (with the search index when the indexer is
    installed)."""
    return shared_folder(
        tmp_path_factory,
        "browser-site",
        lambda out: build(CONTENT, out, search_index=search.available()),
    )


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    """http://127.0.0.1:PORT/sub/path/ serving the built site (with trailing slash)."""
    with SiteServer(built_site) as server:
        yield server.base_url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (make /usr/bin/chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def problems() -> Problems:
    """What went wrong in this test's pages; see Problems.allow_http_error for expected 404s."""
    return Problems()


@pytest.fixture
def new_page(browser: Browser, problems: Problems) -> Iterator[Callable[..., Page]]:
    """Factory: `new_page(**context_options)` opens a page in a fresh, watched browser context
    (desktop viewport unless given; e.g. java_script_enabled=False). All are checked at teardown."""
    contexts: list[BrowserContext] = []

    def open_page(**options) -> Page:
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        problems.watch(context)
        contexts.append(context)
        return context.new_page()

    yield open_page

    report = problems.report()  # before closing: closing cancels requests still in flight
    for context in contexts:
        context.close()
    assert not report, f"the browser recorded problems:\n{report}"


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    """A fresh watched page, 1280x900, JavaScript on."""
    return new_page()
