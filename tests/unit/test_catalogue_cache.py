"""The message catalogue's cache (generator/catalogue/cached_catalogue): a process reads the
parsed catalogue from .cache while the YAML files are unchanged, and sees every edit."""

import os
import shutil

import pytest

from generator.catalogue import FOLDER, CatalogueError, cached_catalogue, read_catalogue


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "catalogue"
    copy.mkdir()
    for path in FOLDER.glob("*.yaml"):
        shutil.copyfile(path, copy / path.name)
    return copy


def test_the_cache_gives_what_the_yaml_says(folder, tmp_path):
    cache = tmp_path / "cache" / "catalogue.marshal"
    first = cached_catalogue(folder, cache)
    assert cache.is_file()
    assert first.entries == read_catalogue(folder).entries
    again = cached_catalogue(folder, cache)
    assert again.entries == first.entries
    assert again.text("nav.home", "en") == first.text("nav.home", "en")


def test_an_edited_file_is_read_again_even_with_the_same_size_and_time(folder, tmp_path):
    cache = tmp_path / "catalogue.marshal"
    assert cached_catalogue(folder, cache).text("nav.home", "en") != "Start"
    ui = folder / "ui.yaml"
    before = ui.stat()
    text = ui.read_text("utf-8")
    ui.write_text(text + '\nzz.cache_probe: {zh: "探针", en: "Probe"}\n', "utf-8")
    assert cached_catalogue(folder, cache).text("zz.cache_probe", "zh") == "探针"
    # the same size: an edited word; a different modification time tells it apart
    ui.write_text(text + '\nzz.cache_probe: {zh: "探针", en: "Other"}\n', "utf-8")
    os.utime(ui, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    assert cached_catalogue(folder, cache).text("zz.cache_probe", "en") == "Other"


def test_a_new_or_removed_file_is_seen(folder, tmp_path):
    cache = tmp_path / "catalogue.marshal"
    cached_catalogue(folder, cache)
    (folder / "extra.yaml").write_text('zz.extra: {zh: "另", en: "Extra"}\n', "utf-8")
    assert "zz.extra" in cached_catalogue(folder, cache)
    (folder / "extra.yaml").unlink()
    assert "zz.extra" not in cached_catalogue(folder, cache)


def test_a_mistake_is_reported_not_cached(folder, tmp_path):
    cache = tmp_path / "catalogue.marshal"
    cached_catalogue(folder, cache)
    (folder / "extra.yaml").write_text('nav.home: {zh: "首页", en: "Home"}\n', "utf-8")
    with pytest.raises(CatalogueError, match="already defined"):
        cached_catalogue(folder, cache)
    with pytest.raises(CatalogueError, match="already defined"):
        cached_catalogue(folder, cache)


def test_a_broken_or_unwritable_cache_is_ignored(folder, tmp_path):
    cache = tmp_path / "catalogue.marshal"
    cache.write_bytes(b"not marshal data")
    assert cached_catalogue(folder, cache).entries == read_catalogue(folder).entries
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache's folder would be")
    got = cached_catalogue(folder, blocked / "catalogue.marshal")
    assert got.entries == read_catalogue(folder).entries
