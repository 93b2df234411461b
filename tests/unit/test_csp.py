"""Every page's own Content-Security-Policy agrees with the policy a host is told to send
(generator/hosting.py, written as `_headers` and shown in the README): the same directives and
sources, a page allowing no script source the header does not, and only the pages that need
one extra script source having it (Pagefind's WebAssembly on the search page, the 404 page's
inline script by its hash)."""

from __future__ import annotations

import html
import re

import pytest

from generator import hosting
from tests.built import built as build_site
from tests.casefile import MINIMAL

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# a page type each: the layout (base.html) and every page on base_minimal.html
PAGE_TYPES = (
    "index.html",  # language chooser
    "404.html",
    "zh/index.html",
    "en/search/index.html",
    "zh/embed/map/index.html",
    "en/embed/map/index.html",
)


def policy(text: str) -> dict[str, list[str]]:
    directives = [d.split() for d in text.split(";") if d.strip()]
    return {d[0]: d[1:] for d in directives}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    files = build_site(MINIMAL, tmp_path_factory.mktemp("csp") / "site").files
    return {path: data.decode() for path, data in files.items() if path.endswith(".html")}


def meta_policy(page: str) -> dict[str, list[str]]:
    found = META.findall(page)
    assert len(found) == 1, "expected one Content-Security-Policy <meta>"
    return policy(html.unescape(found[0]))


def test_every_page_type_is_checked(pages):
    assert set(PAGE_TYPES) <= set(pages)
    assert any(p.startswith("zh/embed/targets/") for p in pages)


def test_every_page_policy_agrees_with_the_served_headers(pages):
    served = policy(hosting.csp())
    # a <meta> policy cannot carry frame-ancestors; frame-src 'self' is what the header's
    # default-src 'self' gives frames already
    expected = {k: v for k, v in served.items() if k != "frame-ancestors"}
    extras = {"'wasm-unsafe-eval'", hosting.notfound_hash()}
    for path, page in pages.items():
        own = meta_policy(page)
        assert own.pop("frame-src") == ["'self'"], path
        assert own.keys() == expected.keys(), path
        for directive, sources in own.items():
            if directive == "script-src":
                assert set(sources) <= set(expected[directive]), path
                assert set(expected[directive]) - set(sources) <= extras, path
            else:
                assert sources == expected[directive], (path, directive)


def test_only_the_pages_that_need_one_have_an_extra_script_source(pages):
    for path, page in pages.items():
        scripts = meta_policy(page)["script-src"]
        if path == "404.html":
            assert scripts == ["'self'", hosting.notfound_hash()], path
        elif path.endswith("/search/index.html"):
            assert scripts == ["'self'", "'wasm-unsafe-eval'"], path
        else:
            assert scripts == ["'self'"], path
