"""What pages exist and what they list: long lists paginate, so no page grows without bound."""

import pytest

from generator.incremental import Reuse
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


def test_a_build_makes_each_targets_page_when_it_is_read(content):
    """A one-off build holds no Page for the targets' own pages (400,000 of them at 100,000
    targets): it makes each when it is read, equal to the one a `serve` session keeps."""
    site, _ = validate(load(content))
    strings = Renderer().strings.data
    built = plan(site, strings).own
    reuse = Reuse()
    reuse.start()
    kept = plan(site, strings, reuse=reuse).own
    assert len(built) == len(kept) == 4 * len(site.targets)
    assert list(built) == list(kept)
    assert built[0] == built[0] and built[0] is not built[0]
    assert built[-1] == kept[-1] and built[1:3] == list(kept[1:3])
    first = built[0].path.split("/")[2]
    assert first in {t.id for t in site.targets}
    assert [(p.path, p.template) for p in built[:4]] == [
        (f"zh/targets/{first}/index.html", "target.html"),
        (f"zh/embed/targets/{first}/index.html", "embed_target.html"),
        (f"en/targets/{first}/index.html", "target.html"),
        (f"en/embed/targets/{first}/index.html", "embed_target.html"),
    ]
    with pytest.raises(IndexError):
        built[len(built)]
