"""Timing one child process: wall and CPU time, peak memory of the process and of its workers.

Each round runs in a child process (benchmarks/children/) that starts its clock before its
first import and prints one JSON line {seconds, pages, files, maxrss_kb}; the parent reaps it
with os.wait4, whose rusage is that one child's (peak RSS per child, not the running maximum
RUSAGE_CHILDREN keeps; CPU time including the workers it reaped). A build that renders in
worker processes (generator/parallel.py) has no single peak, so the parent also samples the
PSS of the child's whole process tree every 0.1 s.

Before each child starts, the repository's own modules are compiled to .pyc (precompile()), as
an installed package's are: this environment sets PYTHONDONTWRITEBYTECODE=1, so a module edited
since its .pyc was written would otherwise be compiled again in every fresh process (the whole
generator takes 0.2 s of CPU to compile; the floor imports only installed packages).
"""

from __future__ import annotations

import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TRASH = ".trash"


class ChildFailed(RuntimeError):
    pass


def run_child(module: str, *args: str, timeout: float = 1800) -> dict[str, Any]:
    """Run `python -m module args` from the repository root and return its JSON line, plus the
    wall time seen from outside (interpreter start included) and the child's peak RSS as
    os.wait4 reports it for that one process."""
    precompile()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    streams, readers = _read_streams(proc)
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    done = threading.Event()
    peak = {"rss": 0, "pss": 0}
    sampler = threading.Thread(target=_sample, args=(proc.pid, peak, done), daemon=True)
    sampler.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        killer.cancel()
        done.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    for t in readers:
        t.join()
    result = _result(proc.returncode, streams)
    result["wall_seconds"] = wall
    result["self_maxrss_kb"] = result.get("maxrss_kb")
    result["maxrss_kb"] = max(usage.ru_maxrss, result.get("maxrss_kb") or 0)
    result["tree_rss_kb"] = max(peak["rss"], result["maxrss_kb"])
    result["tree_pss_kb"] = peak["pss"]
    # CPU time of the child and the workers it reaped: steadier than wall time on a busy machine
    result["cpu_seconds"] = usage.ru_utime + usage.ru_stime
    result["loadavg"] = loadavg()
    return result


def precompile() -> None:
    """Write the .pyc of every module of generator/ and benchmarks/ whose .pyc is missing or
    older than its source (what `pip install` does), outside the timed child."""
    for package in ("generator", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1, workers=1)


def _read_streams(proc: subprocess.Popen[bytes]) -> tuple[dict[str, bytes], list[threading.Thread]]:
    streams: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda n=name, s=stream: streams.__setitem__(n, s.read()))
        for name, stream in (("out", proc.stdout), ("err", proc.stderr))
    ]
    for t in readers:
        t.start()
    return streams, readers


def _sample(pid: int, peak: dict[str, int], done: threading.Event) -> None:
    """The whole process tree every 0.1 s: a parallel build has worker processes."""
    while not done.wait(0.1):
        rss, pss = tree_memory(pid)
        peak["rss"], peak["pss"] = max(peak["rss"], rss), max(peak["pss"], pss)


def _result(returncode: int, streams: dict[str, bytes]) -> dict[str, Any]:
    if returncode != 0:
        err = streams.get("err", b"").decode("utf-8", "replace")
        tail = "\n".join(err.strip().splitlines()[-15:])
        raise ChildFailed(f"exit status {returncode}:\n{tail}")
    out = streams.get("out", b"").decode("utf-8", "replace")
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    if not lines:
        raise ChildFailed("no JSON result on stdout")
    return json.loads(lines[-1])


def tree_memory(root: int) -> tuple[int, int]:
    """(RSS, PSS) in kB summed over `root` and its descendants, from /proc. PSS shares the
    pages that forked workers have in common, so it is the honest total; RSS counts them twice."""
    children = _children()
    rss = pss = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith(b"Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            continue
    return rss, pss


def _children() -> dict[int, list[int]]:
    """parent pid → child pids, from /proc/*/stat."""
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return children
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(name))
    return children


def loadavg() -> list[float] | None:
    """Other processes on the machine skew timings; the load average says how much."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


# -- outputs ------------------------------------------------------------------------------------


def discard(path: Path, work: Path) -> None:
    """Move a finished output aside (a rename, instantly) instead of deleting it between rounds:
    deleting 50,000 files takes 5-10 s of disk time, so it is done once, after the last
    measurement (see cleanup())."""
    if not path.exists():
        return
    trash = work / TRASH
    trash.mkdir(exist_ok=True)
    os.rename(path, tempfile.mkdtemp(prefix=path.name + "-", dir=trash))


def cleanup(folder: Path) -> None:
    """Delete `folder` in a detached `rm -rf`, so the benchmark returns when measuring is done."""
    if not folder.exists():
        return
    try:
        subprocess.Popen(
            ["rm", "-rf", "--", str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
