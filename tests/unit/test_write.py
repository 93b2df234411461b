"""The manifest is written line by line; its bytes must be those of the json module."""

import json

from generator.write import Manifest, manifest_from_hashes


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
