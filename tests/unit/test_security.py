"""Content cannot be turned against readers: scripts, raw HTML and poisoned links end up inert
or rejected, and nothing is written outside the output folder."""

import re

import pytest

from generator.write import OutputError, safe_path
from tests.built import built as build_site

ATTACK = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def built(content):
    return build_site(content, content.parent / "site").files


def test_a_script_in_a_title_is_shown_as_text_everywhere(content):
    path = content / "targets" / "farmers.yaml"
    path.write_text(
        path.read_text().replace('en: "Train at least 6,000 farmers"', f"en: '{ATTACK}'")
    )
    output = built(content)
    page = output["en/targets/farmers/index.html"].decode()
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    for name, data in output.items():
        if name.endswith((".html", ".xml")):
            text = data.decode()
            assert "<script>alert" not in text and "onerror=alert" not in text.replace(
                "&lt;img src=x onerror=alert(1)&gt;", ""
            ), name
    # in JSON data and inline chart options it stays a harmless string
    assert ATTACK in output["data/targets.json"].decode().replace('\\"', '"')


def test_raw_html_and_javascript_links_in_the_report_are_inert(content):
    path = content / "report" / "en.md"
    path.write_text(
        path.read_text().replace(
            "Support Ruicheng in passing the national acceptance check.",
            'Support <b onclick="alert(1)">Ruicheng</b> [click](javascript:alert(1)) '
            "[ok](https://example.org/).",
        )
    )
    page = built(content)["en/report/index.html"].decode()
    assert "&lt;b onclick=" in page and "<b onclick" not in page
    assert 'href="javascript:' not in page
    assert re.search(r'<a href="https://example.org/" rel="noopener noreferrer">ok</a>', page)


def test_json_in_script_tags_cannot_close_the_tag(content):
    path = content / "counties.yaml"
    path.write_text(path.read_text().replace("Ruicheng County", "</script><script>alert(1)//"))
    output = built(content)
    for name in ("en/index.html", "en/counties/ruicheng/index.html"):
        scripts = re.findall(
            r'<script type="application/json"[^>]*>(.*?)</script>', output[name].decode(), re.S
        )
        assert scripts and all("<" not in s for s in scripts)


@pytest.mark.parametrize("rel", ["../x", "/etc/passwd", "a/../../b", "", "a\\b", "a\x00b"])
def test_output_paths_cannot_leave_the_folder(tmp_path, rel):
    with pytest.raises(OutputError):
        safe_path(tmp_path, rel)


def test_every_page_has_a_strict_content_security_policy(minimal_built):
    for name, data in minimal_built.files.items():
        if name.endswith(".html"):
            html = data.decode()
            assert "Content-Security-Policy" in html, name
            policy = re.search(
                r'http-equiv="Content-Security-Policy" content="([^"]+)"', html
            ).group(1)
            assert "default-src 'self'" in policy and "unsafe-inline" not in policy, name
            if name == "404.html":  # its one script is allowed by its hash (test_hosting.py)
                assert "'sha256-" in policy.replace("&#39;", "'"), name
                continue
            assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)", html), (
                f"inline executable script in {name}"
            )
            assert not re.search(r'<[a-z][^>]*\sstyle="', html), f"inline style in {name}"
