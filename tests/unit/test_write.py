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


class SmallBlocks(Manifest):
    BLOCK = 2  # blocks split and empty at once


@settings(max_examples=200, deadline=None)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(["set", "del", "bytes"]), st.integers(0, 40), st.integers(0, 9)),
        max_size=60,
    ),
    start=st.integers(0, 12),
)
def test_a_kept_manifest_stays_exact_through_any_changes(
    steps: list[tuple[str, int, int]], start: int
) -> None:
    """A session asks for the bytes after every edit; the blocks it keeps joined must never
    hold a line that changed since, whatever paths come, change or go (blocks of 2 lines, so
    that they split and empty)."""
    hashes = {f"p/{i:02d}.html": f"{i:064x}" for i in range(start)}
    for kind in (Manifest, SmallBlocks):
        kept, manifest = dict(hashes), kind(hashes)
        for what, number, digit in steps:
            path = f"p/{number:02d}.html"
            if what == "set":
                kept[path] = manifest[path] = str(digit) * 64
            elif what == "del" and path in kept:
                del kept[path], manifest[path]
            else:
                assert manifest.bytes("c") == expected(kept, "c")
        assert manifest.bytes(None) == expected(kept, None)


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
