"""Tests wait for what a reader would see, never for the clock: no sleeps, no wall-clock reads.

A fixed pause either slows every run or is too short on a busy machine (a documented 1-in-20
flake in the map test came from one); a timing assertion fails whenever the machine is loaded.
Timings belong in `make bench`. A file that really needs one is listed in ALLOWED with why.
"""

from __future__ import annotations

import io
import tokenize

from tests.conftest import ROOT

TESTS = ROOT / "tests"
# Names that pause or read the clock, wherever they come from (time, asyncio, Playwright).
CLOCK = {
    "sleep",
    "wait_for_timeout",
    "perf_counter",
    "perf_counter_ns",
    "monotonic",
    "monotonic_ns",
    "process_time",
    "process_time_ns",
}
# tests/… path → the reason it may use one of them (none today).
ALLOWED: dict[str, str] = {}


def clock_uses(source: str) -> list[tuple[int, str]]:
    """(line, name) of every pause or clock read in Python source; comments and strings are
    not code and do not count."""
    found = []
    tokens = [
        t
        for t in tokenize.generate_tokens(io.StringIO(source).readline)
        if t.type in (tokenize.NAME, tokenize.OP)
    ]
    for i, tok in enumerate(tokens):
        if tok.type != tokenize.NAME:
            continue
        if tok.string in CLOCK:
            found.append((tok.start[0], tok.string))
        # time.time() / time.time_ns(), and `from time import time`
        elif tok.string in ("time", "time_ns") and i >= 2:
            before = tokens[i - 1].string, tokens[i - 2].string
            if before == (".", "time") or before == ("import", "time"):
                found.append((tok.start[0], "time." + tok.string))
    return found


def test_no_test_sleeps_or_reads_the_clock():
    offenders = []
    for path in sorted(TESTS.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in ALLOWED or "/fixtures/" in rel:
            continue
        for line, name in clock_uses(path.read_text(encoding="utf-8")):
            offenders.append(f"{rel}:{line}: {name}")
    assert not offenders, (
        "tests must wait for a condition, not for time (timings belong in `make bench`):\n"
        + "\n".join(offenders)
    )


def test_the_check_finds_each_kind_of_pause_and_clock_read():
    source = (
        "import time\n"
        "from time import time as now\n"
        "time.sleep(1)\n"
        "page.wait_for_timeout(300)\n"
        "started = time.perf_counter()\n"
        "t = time.time()\n"
        "# time.sleep(1) in a comment\n"
        "s = 'page.wait_for_timeout(1)'\n"
        "await asyncio.sleep(0)\n"
        "x = time.monotonic()\n"
    )
    assert clock_uses(source) == [
        (2, "time.time"),
        (3, "sleep"),
        (4, "wait_for_timeout"),
        (5, "perf_counter"),
        (6, "time.time"),
        (9, "sleep"),
        (10, "monotonic"),
    ]


def test_every_allowed_file_exists_and_says_why():
    for rel, reason in ALLOWED.items():
        assert (ROOT / rel).is_file(), rel
        assert reason.strip(), rel
