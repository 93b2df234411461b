"""The contact: never invented. Without one the build warns (in both languages) and the pages
say there is no channel; with one, every commitment links to it with its id and title."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

from generator.cli import cli
from generator.load import load
from generator.validate import validate
from tests.built import built


def _with_contact(content, text: str) -> None:
    site = content / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + text, encoding="utf-8")


def _report_link(output: dict[str, bytes], page: str) -> str:
    html = output[page].decode()
    box = html.split('class="report-source"', 1)[1].split("</section>", 1)[0]
    return re.search(r'<a class="contact-link" href="([^"]+)"', box).group(1).replace("&amp;", "&")


def test_without_a_contact_the_build_warns_and_pages_name_no_address(
    content, runner, minimal_built
):
    output, warnings = minimal_built  # the minimal fixture has no contact
    assert [w.message for w in warnings if "contact" in w.message] == [
        "no contact in site.yaml: the pages say that corrections to this site have no channel "
        "yet, and send questions about a commitment to the 12345 hotline"
    ]
    zh = output["zh/targets/farmland/index.html"].decode()
    assert "本站暂时还没有接收来源或纠错的渠道" in zh and "运城12345政务服务便民热线" in zh
    assert "mailto:" not in zh and "contact-link" not in zh
    en = output["en/about/index.html"].decode()
    assert "no channel for sources or corrections yet" in en and "12345" in en
    # printed by the build, in the staff member's language
    result = runner.invoke(cli, ["--lang", "zh", "build", "--out", "out", "--no-search"])
    assert result.exit_code == 0
    assert "警告：site.yaml 中没有联系方式" in result.stderr
    result = runner.invoke(cli, ["build", "--out", "out", "--no-search"])
    assert "warning: no contact in site.yaml" in result.stderr


def test_validation_itself_does_not_warn_about_the_contact(content):
    site, problems = validate(load(content))
    assert site is not None and site.info.contact is None
    assert not [p for p in problems if "contact" in p.message]


def test_an_email_contact_prefills_the_commitment(content):
    _with_contact(
        content, "contact: {email: editors@example.org, name: {zh: 编辑部, en: The editors}}\n"
    )
    output, warnings = built(content, content.parent / "site", base_url="https://example.org/t/")
    assert not [w for w in warnings if "contact" in w.message]
    link = _report_link(output, "zh/targets/farmland/index.html")
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and parts.path == "editors@example.org"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["subject"].startswith("报告来源或纠错：") and "（farmland）" in query["subject"]
    body = query["body"]
    assert "\r\n编号：farmland\r\n" in body
    assert "网址：https://example.org/t/zh/targets/farmland/" in body
    footer = output["en/index.html"].decode()
    assert 'href="mailto:editors@example.org"' in footer and "The editors" in footer
    assert "no channel" not in output["en/about/index.html"].decode()


def test_a_contact_page_gets_the_commitment_as_query_parameters(content):
    _with_contact(content, 'contact: {url: "https://example.org/feedback?from=site"}\n')
    output = built(content, content.parent / "site").files
    link = _report_link(output, "en/targets/farmland/index.html")
    assert link.startswith("https://example.org/feedback?from=site&")
    query = parse_qs(urlsplit(link).query)
    assert query["commitment"] == ["farmland"] and query["lang"] == ["en"]
    title = re.search(r"<h1[^>]*>([^<]+)</h1>", output["en/targets/farmland/index.html"].decode())
    assert query["title"] == [unquote(title.group(1))]


def test_a_malformed_email_is_refused(content):
    _with_contact(content, "contact: {email: not-an-address}\n")
    site, problems = validate(load(content))
    assert site is None
    assert [p.format() for p in problems] == [
        "content/site.yaml:8:18: contact.email: 'not-an-address' is not valid; "
        "hint: an address such as editors@example.org"
    ]
