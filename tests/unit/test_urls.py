"""Links are relative, so the site works at a domain root and under any sub-path."""

from generator.urls import absolute, href, page, swap_lang


def test_relative_links_between_pages():
    assert href("zh/targets/x/index.html", "zh/index.html") == "../../"
    assert href("zh/index.html", "zh/targets/x/index.html") == "targets/x/"
    assert href("index.html", "zh/index.html") == "zh/"
    assert href("zh/targets/x/index.html", "assets/css/site.css") == "../../../assets/css/site.css"
    assert href("zh/report/index.html", "zh/report/index.html", "p-1-1") == "#p-1-1"


def test_the_other_language_is_the_same_path():
    assert swap_lang(page("target", "zh", "x"), "zh") == "en/targets/x/index.html"


def test_absolute_urls_only_with_a_base_url():
    assert absolute(None, "zh/index.html") is None
    assert absolute("https://example.org/t/", "zh/targets/x/index.html") == (
        "https://example.org/t/zh/targets/x/"
    )
