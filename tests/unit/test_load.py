"""Loading refuses unsafe files and accepts what editors on any system write."""

import os
from pathlib import Path

import pytest

from generator.load import Loader, load
from generator.validate import validate
from tests.built import built


def messages(content: Path) -> list[str]:
    _, problems = validate(load(content))
    return [p.format() for p in problems]


def test_minimal_content_is_valid(content):
    site, problems = validate(load(content))
    assert site is not None and problems == []


def test_symlink_outside_content_is_refused(content, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n")
    os.symlink(secret, content / "targets" / "leak.yaml")
    found = messages(content)
    assert any("symbolic link points outside" in m for m in found)
    assert not any("hunter2" in m for m in found)


def test_non_utf8_file_is_named(content):
    (content / "targets" / "farmers.yaml").write_bytes("title: 农民\n".encode("gbk"))
    assert any(
        m.startswith("content/targets/farmers.yaml:1:") and "not UTF-8" in m
        for m in messages(content)
    )


FARMERS = "id: farmers\ntitle:\n  zh: 培育高素质农民\n  en: Train farmers\n"
UTF16 = (
    "content/targets/farmers.yaml:1:1: the file is saved as UTF-16 (Notepad calls it 'Unicode' "
    "or 'UTF-16 LE'), not UTF-8; hint: save it as UTF-8: in Notepad, File > Save As…, "
    "Encoding: UTF-8"
)


@pytest.mark.parametrize(
    "data",
    [
        FARMERS.encode("utf-16"),  # Notepad's "Unicode": little-endian with a byte-order mark
        b"\xfe\xff" + FARMERS.encode("utf-16-be"),  # "Unicode big endian"
        FARMERS.encode("utf-16-le"),  # no byte-order mark
        FARMERS.replace("\n", "\r\n").encode("utf-16-be"),
    ],
    ids=["le-bom", "be-bom", "le", "be-crlf"],
)
def test_utf16_is_recognised_by_name(content, data):
    (content / "targets" / "farmers.yaml").write_bytes(data)
    assert UTF16 in messages(content)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_and_gb18030_are_recognised_by_name(content, encoding):
    text = FARMERS + "# 㐀 is in GB18030 only\n" if encoding == "gb18030" else FARMERS
    (content / "targets" / "farmers.yaml").write_bytes(text.encode(encoding))
    assert (
        "content/targets/farmers.yaml:3:7: the file is saved as GB18030/GBK (Notepad on Chinese "
        "Windows calls it 'ANSI'), not UTF-8; hint: save it as UTF-8: in Notepad, File > Save "
        "As…, Encoding: UTF-8"
    ) in messages(content)


def test_a_utf8_file_with_one_damaged_byte_is_not_called_gbk(content):
    data = FARMERS.encode("utf-8").replace("素质".encode(), b"\xb4")
    (content / "targets" / "farmers.yaml").write_bytes(data)
    assert (
        "content/targets/farmers.yaml:3:10: file is not UTF-8 text; hint: save it as UTF-8 (in "
        "Save As, Encoding: UTF-8; not 'Unicode' or 'ANSI')"
    ) in messages(content)


def test_encoding_messages_in_chinese(content):
    farmers = content / "targets" / "farmers.yaml"
    farmers.write_bytes(FARMERS.encode("utf-16"))
    _, problems = validate(load(content))
    assert [p.format("zh") for p in problems] == [
        "content/targets/farmers.yaml:1:1: 文件以 UTF-16 编码保存（记事本中称为“Unicode”或"
        "“UTF-16 LE”），不是 UTF-8；提示：请另存为 UTF-8：在记事本中选择“文件 > 另存为…”，"
        "“编码”选“UTF-8”"
    ]
    farmers.write_bytes(FARMERS.encode("gbk"))
    _, problems = validate(load(content))
    assert [p.format("zh") for p in problems] == [
        "content/targets/farmers.yaml:3:7: 文件以 GB18030/GBK 编码保存（中文 Windows 的记事本中"
        "称为“ANSI”），不是 UTF-8；提示：请另存为 UTF-8：在记事本中选择“文件 > 另存为…”，"
        "“编码”选“UTF-8”"
    ]


def test_oversized_file_is_refused(content):
    (content / "targets" / "farmers.yaml").write_text("a: " + "x" * 300_000)
    assert any("file is too large" in m for m in messages(content))


def test_stray_files_in_targets_are_named(content):
    (content / "targets" / "notes.txt").write_text("x")
    assert any("only .yaml files" in m for m in messages(content))


def test_bom_and_crlf_give_the_same_site(content):
    before = built(content, content.parent / "before").files
    for path in [content / "targets" / "farmland.yaml", content / "report" / "zh.md"]:
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    after = built(content, content.parent / "after").files
    assert before == after


def test_a_watcher_list_of_changed_files_is_trusted_for_the_others(content):
    """`serve` passes the files its watcher saw change: those are read again, new and deleted
    files are noticed from the folder listing, and every other file is reused unread."""
    from generator.load import Loader

    loader = Loader(content)
    titles = {d.value["id"]: d.value["title"]["en"] for d in loader.load().targets}
    farmers, farmland = content / "targets/farmers.yaml", content / "targets/farmland.yaml"
    farmers.write_text(farmers.read_text("utf-8").replace(titles["farmers"], "Edited"), "utf-8")
    farmland.write_text(
        farmland.read_text("utf-8").replace(titles["farmland"], "Not announced"), "utf-8"
    )
    (content / "targets/ruicheng-acceptance.yaml").unlink()
    new = content / "targets/farmers-two.yaml"
    new.write_text(farmers.read_text("utf-8").replace("id: farmers", "id: farmers-two"), "utf-8")

    seen = {d.value["id"]: d.value["title"]["en"] for d in loader.load(changed={farmers}).targets}

    assert seen == {
        "farmers": "Edited",  # named by the watcher: read again
        "farmland": titles["farmland"],  # not named: the cached value is trusted
        "farmers-two": "Edited",  # new in the folder: read
    }
    assert {d.value["id"] for d in loader.load().targets} == set(seen)  # a full check
    assert "Not announced" in [d.value["title"]["en"] for d in loader.load().targets]


def test_an_unchanged_folder_is_not_listed_again_but_a_new_file_is_noticed(content, monkeypatch):
    """With the watcher's list, a folder whose modification time has not moved since the last
    listing (nothing added, removed or renamed) is not listed again: 10,000 names at scale."""
    from generator import load as load_module
    from generator.load import Loader

    folder = content / "targets"
    an_hour_ago = (os.stat(folder).st_mtime_ns // 10**9 - 3600) * 10**9
    os.utime(folder, ns=(an_hour_ago, an_hour_ago))  # not listed in the same clock tick
    loader = Loader(content)
    loader.load()
    farmers = folder / "farmers.yaml"
    farmers.write_text(farmers.read_text("utf-8").replace("6,000 farmers", "6,001 farmers"))
    assert os.stat(folder).st_mtime_ns == an_hour_ago  # an edit in place

    real_listdir = os.listdir

    def listdir(path):  # the few source documents are listed each time; the targets are not
        if os.path.samefile(path, folder):
            pytest.fail(f"listed {path}")
        return real_listdir(path)

    monkeypatch.setattr(load_module.os, "listdir", listdir)
    titles = {d.value["id"]: d.value["title"]["en"] for d in loader.load({farmers}).targets}
    assert titles["farmers"] == "Train at least 6,001 farmers" and len(titles) == 3

    monkeypatch.setattr(load_module.os, "listdir", real_listdir)
    (folder / "ruicheng-acceptance.yaml").unlink()  # the watcher missed it; the folder's time
    assert "ruicheng-acceptance" not in {d.value["id"] for d in loader.load(set()).targets}
    new = folder / "farmers-two.yaml"
    new.write_text(farmers.read_text("utf-8").replace("id: farmers", "id: farmers-two"), "utf-8")
    assert "farmers-two" in {d.value["id"] for d in loader.load({new}).targets}


def test_a_one_off_builds_loader_keeps_no_parsed_file(content):
    """`serve` keeps parsed files between loads; `build` does not, so they are freed once
    validated (at 100,000 targets, room for planning and rendering)."""
    kept, once = Loader(content), Loader(content, keep=False)
    assert kept.load().targets and once.load().targets
    assert kept._cache and not once._cache
