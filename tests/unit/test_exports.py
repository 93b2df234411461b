"""Feeds, open data and sitemap: parseable, deterministic, and equal to the YAML content."""

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import pytest

from generator.load import load
from generator.pages import feeds
from generator.validate import validate
from tests.built import built
from tests.casefile import MINIMAL

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def output(minimal_built_at_base):
    return minimal_built_at_base.files


def test_atom_feed_per_language_newest_first_with_stable_ids(output):
    for lang in ("zh", "en"):
        feed = ET.fromstring(output[f"{lang}/feed.xml"])
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == 4  # one per update in the fixture
        dates = [e.find(f"{ATOM}updated").text for e in entries]
        assert dates == sorted(dates, reverse=True)
        assert feed.find(f"{ATOM}updated").text == dates[0] == "2022-06-01T00:00:00Z"
        ids = [e.find(f"{ATOM}id").text for e in entries]
        prefix = f"tag:hedong-open.yuncheng,2021:{lang}/targets/"
        assert len(set(ids)) == 4 and all(i.startswith(prefix) for i in ids)
        assert ids[0] == prefix + "ruicheng-acceptance/2"  # its second update
        link = entries[0].find(f"{ATOM}link").get("href")
        assert link == f"https://example.org/t/{lang}/targets/ruicheng-acceptance/"


def test_sitemap_lists_both_languages_with_alternates(output):
    root = ET.fromstring(output["sitemap.xml"])
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [u.find(f"{ns}loc").text for u in root.findall(f"{ns}url")]
    assert "https://example.org/t/zh/targets/farmland/" in locs
    assert "https://example.org/t/en/targets/farmland/" in locs
    assert all(loc.startswith("https://example.org/t/") for loc in locs)
    assert b"Sitemap: https://example.org/t/sitemap.xml" in output["robots.txt"]


def test_no_sitemap_without_a_base_url(minimal_built):
    files = minimal_built.files
    assert "sitemap.xml" not in files
    assert b"Sitemap" not in files["robots.txt"]


def test_json_and_csv_figures_equal_the_yaml(content, output):
    site, _ = validate(load(content))
    data = json.loads(output["data/targets.json"])
    by_id = {t["id"]: t for t in data["targets"]}
    text = output["data/targets.csv"]
    assert text.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens Chinese correctly
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text.decode("utf-8-sig")))}
    for t in site.targets:
        doc = by_id[t.id]
        assert doc["title_zh"] == t.title.zh and doc["title_en"] == t.title.en
        assert doc["target"] == t.metric.target
        assert [h["value"] for h in doc["history"]] == [u.value for u in t.updates]
        assert doc["status"] == t.status
        assert rows[t.id]["status"] == t.status
        last = t.updates[-1].value if t.updates else None
        assert rows[t.id]["value"] == ("" if last is None else str(last))
        per_target = json.loads(output[f"data/targets/{t.id}.json"])
        assert per_target == doc
    assert by_id["farmers"]["status"] == "no_update" and by_id["farmers"]["value"] is None


def test_data_package_is_valid(minimal_built, tmp_path):
    import frictionless

    files = minimal_built.files
    for name in ("datapackage.json", "targets.csv"):
        (tmp_path / name).write_bytes(files[f"data/{name}"])
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_headers_file_for_static_hosts(output):
    headers = output["_headers"].decode()
    assert "Content-Security-Policy: default-src 'self'" in headers
    assert "X-Content-Type-Options: nosniff" in headers
    assert "Strict-Transport-Security" in headers


def test_joined_data_files_are_the_bytes_a_json_and_csv_encoder_would_write(output, content):
    """targets.json and targets.csv are joined from each target's cached bytes; they must be
    exactly what encoding the whole document at once gives."""
    from generator.catalogue import catalogue
    from generator.exports import FIELDS, _row, target_json

    def _json_of(site, t):
        return target_json(t, site.section(t.section), site.info.report_date, dt.date.today())

    site, _ = validate(load(content))
    doc = {
        "fields": {name: catalogue().both(f"field.{name}") for name, _ in FIELDS},
        "targets": [_json_of(site, t) for t in site.targets],
    }
    expected = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert output["data/targets.json"] == (expected + "\n").encode()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[n for n, _ in FIELDS], lineterminator="\r\n")
    writer.writeheader()
    for t in site.targets:
        writer.writerow(
            {
                k: "" if v is None else v
                for k, v in _row(
                    t, site.section(t.section), site.info.report_date, dt.date.today()
                ).items()
            }
        )
    assert output["data/targets.csv"] == buffer.getvalue().encode("utf-8-sig")


def test_beyond_the_protocols_limit_the_sitemap_is_an_index_of_sitemaps(
    tmp_path, monkeypatch: pytest.MonkeyPatch, output
) -> None:
    """At most 50,000 URLs in one sitemap file (sitemaps.org); the limit is made small here
    so the minimal fixture's pages need several files."""
    monkeypatch.setattr(feeds, "SITEMAP_URLS", 10)
    files = built(MINIMAL, tmp_path / "site", base_url="https://example.org/t/").files
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{ns}sitemapindex"
    parts = [e.find(f"{ns}loc").text for e in index.findall(f"{ns}sitemap")]
    assert len(parts) > 1 and parts[0] == "https://example.org/t/sitemap-1.xml"
    locs = []
    for url in parts:
        root = ET.fromstring(files[url.removeprefix("https://example.org/t/")])
        urls = [u.find(f"{ns}loc").text for u in root.findall(f"{ns}url")]
        assert 0 < len(urls) <= 10
        locs += urls
    assert "https://example.org/t/zh/targets/farmland/" in locs
    assert len(locs) == len(set(locs))  # each page once, in one of the files
    one_file = ET.fromstring(output["sitemap.xml"])
    assert set(locs) == {u.find(f"{ns}loc").text for u in one_file.findall(f"{ns}url")}
