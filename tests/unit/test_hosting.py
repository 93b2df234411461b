"""What a host is told to send equals what the build writes; the 404 page's inline script is
the one the policy allows; feeds and data name addresses that do not depend on the host."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import xml.etree.ElementTree as ET

import pytest

from generator import hosting
from tests.built import built as build_site
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
ATOM = "{http://www.w3.org/2005/Atom}"


def _block(lang: str) -> str:
    blocks = re.findall(rf"```{lang}\n(.*?)```", README, re.S)
    assert len(blocks) == 1, f"expected one ```{lang} block in the README"
    return blocks[0]


def _headers_file(text: str) -> list[tuple[str, str]]:
    lines = text.splitlines()
    assert lines[0] == "/*"
    return [tuple(line.strip().split(": ", 1)) for line in lines[1:] if line.strip()]


@pytest.fixture(scope="module")
def built(minimal_built) -> dict[str, bytes]:
    return minimal_built.files


@pytest.fixture(scope="module")
def built_with_base(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    from tests.casefile import MINIMAL

    out = tmp_path_factory.mktemp("hosting-base") / "site"
    return build_site(MINIMAL, out, base_url="https://example.org/gov/hedong/").files


def test_readme_header_blocks_equal_the_built_headers_file(built):
    expected = _headers_file(built["_headers"].decode())
    nginx = re.findall(r'^\s*add_header (\S+) "([^"]*)" always;$', _block("nginx"), re.M)
    apache = re.findall(r'^\s*Header always set (\S+) "([^"]*)"$', _block("apache"), re.M)
    assert nginx == expected, "README nginx block differs from site/_headers"
    assert apache == expected, "README Apache block differs from site/_headers"
    assert [name for name, _ in expected] == [name for name, _ in hosting.headers()]


def test_readme_apache_headers_cannot_break_the_site_without_mod_headers():
    block = _block("apache")
    inside = block.split("<IfModule mod_headers.c>", 1)[1].split("</IfModule>", 1)[0]
    assert block.count("Header always set") == inside.count("Header always set") == 5
    assert "a2enmod headers" in README and "AllowOverride FileInfo" in README


def test_readme_serves_feeds_csv_in_utf8_and_compresses_text():
    nginx = _block("nginx")
    assert "default_type application/atom+xml;" in nginx and "text/csv csv;" in nginx
    charset_types = re.search(r"charset_types ([^;]+);", nginx).group(1).split()
    gzip_types = re.search(r"gzip_types ([^;]+);", nginx).group(1).split()
    for kind in ("application/atom+xml", "text/csv", "text/css", "application/javascript"):
        assert kind in charset_types and kind in gzip_types, kind
    for kind in ("application/json", "image/svg+xml", "application/xml"):
        assert kind in gzip_types, kind
    apache = _block("apache")
    assert 'ForceType "application/atom+xml; charset=utf-8"' in apache
    assert "AddType text/csv .csv" in apache


def test_the_404_script_is_allowed_by_its_hash_and_nothing_else_inline(built):
    page = built["404.html"].decode()
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    allowed = f"'sha256-{digest}'"
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert allowed in meta.replace("&#39;", "'")
    assert allowed in dict(_headers_file(built["_headers"].decode()))["Content-Security-Policy"]
    # every other page: no inline script at all
    for path, data in built.items():
        if path.endswith(".html") and path != "404.html":
            assert not re.search(
                rb"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)", data
            ), path


def test_the_404_page_links_absolutely_with_a_base_url_and_from_the_root_without(
    built, built_with_base
):
    with_base = built_with_base["404.html"].decode()
    assert "<script>" not in with_base
    assert 'href="https://example.org/gov/hedong/assets/css/site.css"' in with_base
    for lang in ("zh", "en"):
        assert f'href="https://example.org/gov/hedong/{lang}/"' in with_base
    plain = built["404.html"].decode()
    for lang in ("zh", "en"):
        assert f'href="/{lang}/" data-root-path="{lang}/"' in plain


def test_share_image_only_with_a_base_url_and_it_is_built(built, built_with_base):
    png = built_with_base["assets/og.png"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1200, 630)
    home = built_with_base["zh/index.html"].decode()
    assert (
        '<meta property="og:image" content="https://example.org/gov/hedong/assets/og.png">' in home
    )
    assert "og:image" not in built["zh/index.html"].decode()


def test_dataset_download_urls_resolve_from_the_data_page(built, built_with_base):
    from urllib.parse import urljoin

    for output, base in ((built, "https://host.example/any/path/"), (built_with_base, "")):
        for lang in ("zh", "en"):
            page = output[f"{lang}/data/index.html"].decode()
            data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', page).group(1))
            page_url = (base or "https://example.org/gov/hedong/") + f"{lang}/data/"
            resolved = [urljoin(page_url, d["contentUrl"]) for d in data["distribution"]]
            root = base or "https://example.org/gov/hedong/"
            assert resolved == [root + "data/targets.csv", root + "data/targets.json"]


def test_feed_ids_do_not_depend_on_the_address(built, built_with_base):
    def ids(output, lang):
        feed = ET.fromstring(output[f"{lang}/feed.xml"])
        return [feed.find(f"{ATOM}id").text] + [
            e.find(f"{ATOM}id").text for e in feed.findall(f"{ATOM}entry")
        ]

    for lang in ("zh", "en"):
        assert ids(built, lang) == ids(built_with_base, lang)
        assert all(i.startswith("tag:hedong-open.yuncheng,2021:") for i in ids(built, lang))
        assert all(re.search(rf":{lang}/targets/[a-z0-9-]+/\d+$", i) for i in ids(built, lang)[1:])
    assert not set(ids(built, "zh")[1:]) & set(ids(built, "en")[1:])


def test_chinese_feed_titles_use_a_full_width_colon(built):
    feed = ET.fromstring(built["zh/feed.xml"])
    titles = [feed.find(f"{ATOM}title").text] + [
        e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")
    ]
    assert titles and all("：" in t and ": " not in t for t in titles), titles
