"""The fixtures build to exactly the committed files (Pelican's functional test), with one
rendering process and with two.

After an intended change, run `make golden` and review the diff of tests/golden/expected.
A failure lists every file that differs, then the start of each difference, with JSON (data
files and the chart options inside <script type="application/json">) one value a line, so a
changed figure shows as the one line that changed.
"""

from __future__ import annotations

import difflib
import json
import re

import pytest

from tests.golden.site import EXPECTED, PAGED_PARTS, golden_output

LINES_PER_FILE = 40
SCRIPT_JSON = re.compile(r'(<script type="application/json"[^>]*>)(.*?)(</script>)', re.S)


def pretty_json(text: str) -> str:
    """JSON one value a line (keys in their order), or the text as it is when it is not JSON."""
    try:
        return json.dumps(json.loads(text), indent=1, ensure_ascii=False)
    except ValueError:
        return text


def readable(path: str, data: bytes) -> list[str]:
    """The lines a reviewer compares: JSON files and JSON inside script blocks pretty-printed."""
    text = data.decode("utf-8", errors="replace")
    if path.endswith(".json"):
        text = pretty_json(text)
    elif path.endswith(".html"):
        text = SCRIPT_JSON.sub(
            lambda m: f"{m.group(1)}\n{pretty_json(m.group(2))}\n{m.group(3)}", text
        )
    return text.splitlines()


def differences(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    """'' when the trees are equal; otherwise every missing, extra and differing file, then the
    first LINES_PER_FILE lines of each file's diff."""
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    changed = sorted(p for p in set(expected) & set(actual) if expected[p] != actual[p])
    if not (missing or extra or changed):
        return ""
    out = [f"{len(missing) + len(extra) + len(changed)} file(s) differ from tests/golden/expected:"]
    out += [f"  missing: {p}" for p in missing]
    out += [f"  new:     {p}" for p in extra]
    out += [f"  changed: {p}" for p in changed]
    for path in changed:
        diff = list(
            difflib.unified_diff(
                readable(path, expected[path]),
                readable(path, actual[path]),
                f"expected/{path}",
                f"actual/{path}",
                lineterm="",
                n=2,
            )
        )
        if not diff:  # the same once pretty-printed: spacing or line endings only
            diff = [f"--- expected/{path}", f"+++ actual/{path}", "(differs in spacing only)"]
        out += ["", *diff[:LINES_PER_FILE]]
        if len(diff) > LINES_PER_FILE:
            out.append(f"… {len(diff) - LINES_PER_FILE} more lines of diff")
    out.append("\n(run `make golden` if the change is intended, and review its diff)")
    return "\n".join(out)


@pytest.fixture(scope="module")
def expected() -> dict[str, bytes]:
    return {
        p.relative_to(EXPECTED).as_posix(): p.read_bytes()
        for p in sorted(EXPECTED.rglob("*"))
        if p.is_file()
    }


def test_build_matches_the_expected_files(expected: dict[str, bytes]) -> None:
    problems = differences(expected, golden_output(workers=1))
    assert not problems, problems


def test_two_rendering_processes_build_the_same_files(expected: dict[str, bytes]) -> None:
    """The site itself with two workers (the paged parts test pagination, not processes)."""
    site = {p: data for p, data in expected.items() if not p.startswith(PAGED_PARTS)}
    problems = differences(site, golden_output(workers=2, paged=False))
    assert not problems, problems


def test_a_changed_figure_in_json_is_one_line_of_the_report_and_every_file_is_named() -> None:
    data = [{"name": "盐湖区", "value": 1}, {"name": "临猗县", "value": 2}]
    option = {"series": [{"data": data}]}
    page = '<p>x</p><script type="application/json" id="o">{}</script>\n'
    before = {
        "data/a.json": json.dumps(option).encode(),
        "zh/index.html": page.replace("{}", json.dumps(option)).encode(),
        "zh/same.html": b"<p>same</p>\n",
        "gone.txt": b"x\n",
    }
    data[1]["value"] = 3
    after = dict(before)
    after["data/a.json"] = json.dumps(option).encode()
    after["zh/index.html"] = page.replace("{}", json.dumps(option)).encode()
    del after["gone.txt"]
    after["new.txt"] = b"y\n"
    report = differences(before, after)
    assert "4 file(s) differ" in report
    for line in (
        "  missing: gone.txt",
        "  new:     new.txt",
        "  changed: data/a.json",
        "  changed: zh/index.html",
    ):
        assert line in report.splitlines(), line
    removed = [ln for ln in report.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    added = [ln for ln in report.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    assert removed == ['-     "value": 2', '-     "value": 2']
    assert added == ['+     "value": 3', '+     "value": 3']
    assert differences(before, dict(before)) == ""
