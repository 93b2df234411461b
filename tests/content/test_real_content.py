"""The real content: valid, complete, and honest."""

from collections import Counter

from generator import search
from generator.model import Site
from generator.plan import plan
from generator.render import Renderer


def test_the_real_content_is_valid_without_warnings(real_validated):
    site, problems = real_validated
    assert site is not None and problems == [], [p.format() for p in problems]


def test_thirteen_counties_with_their_codes(real_model: Site):
    site = real_model
    codes = sorted(c.code for c in site.counties)
    assert codes == ["140802", *[f"1408{n}" for n in range(21, 31)], "140881", "140882"]


def test_every_county_page_lists_the_commitments_that_name_it(real_model: Site):
    site = real_model
    pages = {p.path: p for p in plan(site, Renderer().strings.data).pages}
    for county in site.counties:
        for lang in ("zh", "en"):
            page = pages[f"{lang}/counties/{county.id}/index.html"]
            listed = {v.target.id for v in page.context["named"]}
            naming = {t.id for t in site.targets if county.id in t.counties}
            assert listed == naming


def test_every_part_of_the_report_has_commitments(real_model: Site):
    site = real_model
    by_section = Counter(t.section for t in site.targets)
    assert all(by_section[s.id] for s in site.sections)
    assert len(site.targets) >= 120


def test_achieved_and_missed_always_cite_a_source(real_model: Site):
    """A web source, or the city's own words: a quote found in that paragraph of a document."""
    site = real_model
    for t in site.targets:
        for u in t.updates:
            if u.status not in ("achieved", "missed"):
                continue
            if u.evidence is None:
                assert u.source and u.source.url.startswith(("http://", "https://")), t.id
                continue
            doc = site.document(u.evidence.document)
            block = doc.block(u.evidence.paragraph) if doc else None
            assert block is not None and u.evidence.quote in block.text, t.id


def test_every_source_is_a_known_primary_publisher(real_model: Site):
    """No copy, forum or aggregator site behind any outcome; every cited domain is registered
    with its kind (the validator warns on an unknown one, and this test allows no warning)."""
    site = real_model
    cited = [(t.id, u.source.url) for t in site.targets for u in t.updates if u.source]
    for tid, url in cited:
        found = site.publisher(url)
        assert found is not None, f"{tid}: {url} is not in content/publishers.yaml"
        assert found.kind != "refused", f"{tid}: {url} is a {found.name.en}"
    assert all(u.source or u.evidence for t in site.targets for u in t.updates)


def test_no_2021_commitment_is_achieved_on_a_later_fact(real_model: Site):
    """The two 'achieved' of the first audit rested on 2022 and 2024 facts; a completion after
    the deadline shows as achieved late, and on-time completions have on-time dates."""
    site = real_model
    for t in site.targets:
        if t.status == "achieved":
            assert t.last.date <= t.deadline, t.id
    bridge = next(t for t in site.targets if t.id == "linyi-yellow-river-bridge")
    assert bridge.status == "achieved_late"
    assert bridge.at_deadline is not None and bridge.at_deadline.status == "in_progress"


def test_every_record_says_when_it_was_checked(real_model: Site):
    site = real_model
    assert all(t.checked is not None for t in site.targets)


def test_county_pages_list_their_rows_under_each_report_newest_first(real_model: Site):
    site = real_model
    pages = {p.path: p for p in plan(site, Renderer().strings.data).pages}
    newest_first = [r.id for r in reversed(site.reports)]
    assert len(newest_first) == 2  # 2021 and 2022: the grouping is what readers see
    for county in site.counties:
        values = pages[f"zh/counties/{county.id}/index.html"].context
        groups = values["named_by_report"]
        assert [r.id for r, _ in groups] == [
            i for i in newest_first if i in {r.id for r, _ in groups}
        ]
        assert all(v.report is r for r, rows in groups for v in rows)
        assert sorted(v.target.id for _, rows in groups for v in rows) == sorted(
            v.target.id for v in values["named"]
        )


def test_search_reads_every_page_that_marks_text_for_its_index(real_site: dict[str, bytes]):
    """Pagefind reads only the folders in search.INDEXED (its --glob): a page outside them
    whose template marks text with data-pagefind-body would silently be missing from search."""
    marked = {
        path
        for path, data in real_site.items()
        if path.endswith(".html") and b"data-pagefind-body" in data
    }
    kinds = Counter(path.split("/")[1] for path in marked)
    assert kinds["targets"] >= 2 * 155 and kinds["counties"] >= 2 * 13 and kinds["sections"]
    assert sorted(p for p in marked if not p.startswith(search.INDEXED)) == []
