"""The manifest is written line by line; its bytes must be those of the json module. Files go
only where safe_path allows."""

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.write import (
    Manifest,
    OutputError,
    Part,
    manifest_from_hashes,
    manifest_parts,
    out_file,
    put_files,
    safe_path,
)


def expected(hashes: dict[str, str], commit: str | None) -> bytes:
    doc = {"generator": "hedong-open", "source_commit": commit, "files": dict(hashes)}
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1).encode() + b"\n"


def test_manifest_bytes_equal_json_dumps_with_an_indent():
    hashes = {"zh/报告/index.html": "a" * 64, 'odd "name"\\.txt': "b" * 64, "404.html": "c" * 64}
    for commit in (None, "0123abc", "0123abc-dirty"):
        assert manifest_from_hashes(hashes, commit) == expected(hashes, commit)
    assert manifest_from_hashes({}, None) == expected({}, None)


def test_a_kept_manifest_follows_changes_and_removals():
    manifest = Manifest({"b.html": "1" * 64, "a.html": "2" * 64})
    manifest["c.html"] = "3" * 64
    manifest["a.html"] = "4" * 64
    del manifest["b.html"]
    assert manifest.bytes(None) == expected({"a.html": "4" * 64, "c.html": "3" * 64}, None)


def test_a_kept_manifest_rejoins_only_what_changed_and_stays_exact():
    """A session asks for the bytes after every edit; the blocks it keeps joined must never
    hold a line that changed since (the first and the last block, a new and a gone path)."""
    hashes = {f"zh/targets/t-{i:04d}/index.html": f"{i:064x}" for i in range(1_300)}
    manifest = Manifest(hashes)
    assert manifest.bytes("c1") == expected(hashes, "c1")
    for step, path in enumerate(["zh/targets/t-0000/index.html", "zh/targets/t-1299/index.html"]):
        hashes[path] = manifest[path] = f"{step:064x}"
        assert manifest.bytes("c1") == expected(hashes, "c1")
    hashes["a-new.html"] = manifest["a-new.html"] = "e" * 64
    del hashes["zh/targets/t-0600/index.html"], manifest["zh/targets/t-0600/index.html"]
    assert manifest.bytes(None) == expected(hashes, None)
    hashes["zh/targets/t-0700/index.html"] = "f" * 64
    manifest["zh/targets/t-0700/index.html"] = "f" * 64
    assert manifest.bytes(None) == expected(hashes, None)


def test_a_manifest_written_in_pieces_has_the_same_bytes(tmp_path):
    """A full build streams manifest.json (write.manifest_parts) through put_files."""
    hashes = {f"zh/targets/t-{i}/index.html": f"{i:064x}" for i in range(7)}
    hashes['odd "name"\\.txt'] = "b" * 64
    for files, commit, batch in ((hashes, "0123abc", 3), (hashes, None, 100), ({}, None, 3)):
        parts = [("manifest.json", part) for part in manifest_parts(files, commit, batch)]
        got = put_files(tmp_path, parts)
        written = (tmp_path / "manifest.json").read_bytes()
        assert written == expected(files, commit)
        assert len(parts) == (2 if not files else 2 + -(-len(files) // batch))
        assert got == {"manifest.json": hashlib.sha256(written).hexdigest()}


def test_put_files_refuses_a_file_left_unfinished(tmp_path):
    with pytest.raises(OutputError, match="unfinished: data/x.csv"):
        put_files(tmp_path, [("data/x.csv", Part(b"a"))])


@settings(max_examples=300, deadline=None)
@given(rel=st.text(alphabet="ab./\\\x00中", max_size=12))
def test_the_fast_join_writes_where_safe_path_does_and_refuses_what_it_refuses(rel: str) -> None:
    """out_file joins plain paths as strings; whatever it joins, safe_path joins the same way,
    and whatever safe_path refuses (absolute, '..', empty, backslash, NUL) it refuses too."""
    root = Path("/srv/site")
    try:
        expected = str(safe_path(root, rel))
    except OutputError:
        with pytest.raises(OutputError):
            out_file(root, rel)
        return
    assert out_file(root, rel) == expected
