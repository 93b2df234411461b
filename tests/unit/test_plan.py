"""What pages exist and what they list: long lists paginate, so no page grows without bound."""

from generator.load import load
from generator.pages import page as plan_module
from generator.plan import plan
from generator.render import Renderer
from generator.validate import validate


def pages_of(content, monkeypatch=None, limit=None):
    if limit is not None:
        monkeypatch.setattr(plan_module, "LIST_LIMIT", limit)
    site, _ = validate(load(content))
    return {p.path: p for p in plan(site, Renderer().strings.data).pages}


def test_every_page_exists_in_both_languages(content):
    pages = pages_of(content)
    zh = {p[3:] for p in pages if p.startswith("zh/")}
    en = {p[3:] for p in pages if p.startswith("en/")}
    assert zh == en
    for kind in [
        "index.html",
        "targets/index.html",
        "targets/farmland/index.html",
        "sections/agriculture/index.html",
        "status/no_update/index.html",
        "counties/index.html",
        "counties/ruicheng/index.html",
        "report/index.html",
        "about/index.html",
        "glossary/index.html",
        "changes/index.html",
        "data/index.html",
        "search/index.html",
        "print/index.html",
        "embed/targets/farmland/index.html",
        "embed/map/index.html",
    ]:
        assert kind in zh, kind


def test_long_lists_continue_on_numbered_pages(content, monkeypatch):
    pages = pages_of(content, monkeypatch, limit=2)
    first = pages["zh/targets/index.html"]
    second = pages["zh/targets/page/2/index.html"]
    assert first.context["pager"]["files"] == [
        "zh/targets/index.html",
        "zh/targets/page/2/index.html",
    ]
    shown = [v.target.id for _, vs in first.context["groups"] for v in vs]
    shown += [v.target.id for _, vs in second.context["groups"] for v in vs]
    assert sorted(shown) == ["farmers", "farmland", "ruicheng-acceptance"]
    assert "en/targets/page/2/index.html" in pages


def test_related_commitments_exclude_the_page_itself(content):
    pages = pages_of(content)
    related = pages["zh/targets/farmland/index.html"].context["related"]
    assert [v.target.id for v in related] == ["farmers"]
