"""Which search indexes a site gets (generator/search.py): one for the whole site, or one per
report once a site with several reports is larger than search.ONE_INDEX_MAX."""

import dataclasses

from generator import search


def test_a_site_of_the_real_size_has_one_index(real_model):
    assert len(real_model.reports) == 2
    assert search.bundles(real_model) == (search.WHOLE,)


def test_a_large_site_has_one_index_per_report_newest_first(real_model, monkeypatch):
    monkeypatch.setattr(search, "ONE_INDEX_MAX", 100)
    indexes = search.bundles(real_model)
    assert [(b.folder, b.report) for b in indexes] == [
        ("pagefind/yuncheng-2022/", "yuncheng-2022"),
        ("pagefind/yuncheng-2021/", "yuncheng-2021"),
    ]
    every = [t for b in indexes for t in b.targets]
    assert sorted(every) == sorted(t.id for t in real_model.targets)  # each in one index
    newest = indexes[0]
    assert "linyi-yellow-river-bridge-2022" in newest.targets
    assert "linyi-yellow-river-bridge" not in newest.targets
    parts = {s.id: s.report for s in real_model.sections}
    assert newest.sections and {parts[s] for s in newest.sections} == {"yuncheng-2022"}


def test_reports_of_one_year_have_an_index_each(real_model, monkeypatch):
    """Several cities' reports of one year (a province-wide site): the reader picks a report,
    not a year."""
    monkeypatch.setattr(search, "ONE_INDEX_MAX", 100)
    same_year = tuple(dataclasses.replace(r, year=2021) for r in real_model.reports)
    site = dataclasses.replace(real_model, reports=same_year)
    assert [b.report for b in search.bundles(site)] == ["yuncheng-2022", "yuncheng-2021"]
