"""The minimal fixture builds to exactly the committed files (Pelican's functional test).

After an intended change, run `make golden` and review the diff of tests/golden/expected.
"""

import difflib

from tests.golden.site import EXPECTED, golden_output


def test_build_matches_the_expected_files():
    actual = golden_output()
    expected = {
        p.relative_to(EXPECTED).as_posix(): p.read_bytes()
        for p in sorted(EXPECTED.rglob("*"))
        if p.is_file()
    }
    assert sorted(actual) == sorted(expected), "file list differs; run `make golden` and review"
    for path in sorted(expected):
        if actual[path] != expected[path]:
            diff = difflib.unified_diff(
                expected[path].decode(errors="replace").splitlines(),
                actual[path].decode(errors="replace").splitlines(),
                f"expected/{path}",
                f"actual/{path}",
                lineterm="",
                n=2,
            )
            raise AssertionError("\n".join(list(diff)[:60]) + "\n(run `make golden` if intended)")
