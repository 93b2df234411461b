"""write.template_cache: compiled templates kept in a folder between processes. A cached
template is the one compiled from the same source; an edited template is compiled again."""

import jinja2

from generator.write import template_cache


def render(folder, cache_dir, name="page.html"):
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        bytecode_cache=template_cache(cache_dir),
        auto_reload=False,
    )
    return env.get_template(name).render(who="河东")


def test_a_kept_template_renders_as_compiled_and_an_edit_is_seen(tmp_path):
    folder, cache = tmp_path / "templates", tmp_path / "cache"
    folder.mkdir()
    (folder / "page.html").write_text("<p>{{ who }}{% for i in range(3) %}{{ i }}{% endfor %}</p>")
    assert render(folder, cache) == "<p>河东012</p>"
    assert list(cache.iterdir()), "the compiled template is kept"
    assert render(folder, cache) == "<p>河东012</p>"  # read from the cache
    (folder / "page.html").write_text("<p>{{ who|length }}</p>")
    assert render(folder, cache) == "<p>2</p>"


def test_a_damaged_cache_file_is_compiled_again(tmp_path):
    folder, cache = tmp_path / "templates", tmp_path / "cache"
    folder.mkdir()
    (folder / "page.html").write_text("<b>{{ who }}</b>")
    render(folder, cache)
    for kept in cache.iterdir():
        data = kept.read_bytes()
        kept.write_bytes(data[: len(data) // 2])  # cut short: marshal cannot read it
    assert render(folder, cache) == "<b>河东</b>"
    for kept in cache.iterdir():
        kept.write_bytes(b"not a cache file")
    assert render(folder, cache) == "<b>河东</b>"
