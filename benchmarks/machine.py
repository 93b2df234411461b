"""What the numbers were measured on: the machine, its load, the filesystem of the outputs."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("Jinja2", "PyYAML", "markdown-it-py", "pyecharts", "MarkupSafe")


def machine() -> dict[str, Any]:
    """CPUs, memory, Python, the packages that matter and the commit measured."""
    info: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_mb"] = int(line.split()[1]) // 1024
                break
    except OSError:
        pass
    info["packages"] = _packages()
    info["commit"] = _commit()
    return info


def _packages() -> dict[str, str]:
    from importlib import metadata

    found = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return found


def _commit() -> str | None:
    """HEAD, with -dirty when generator/ or templates/ have uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "generator", "templates"],
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return head + ("-dirty" if dirty else "") if head else None


def filesystem(path: Path) -> str | None:
    """The mount type holding `path` (tmpfs and ext4 differ a lot for 20,000 small files)."""
    try:
        best = ("", None)
        real = str(path.resolve())
        for line in Path("/proc/mounts").read_text().splitlines():
            parts = line.split()
            if len(parts) > 2 and real.startswith(parts[1]) and len(parts[1]) > len(best[0]):
                best = (parts[1], parts[2])
        return best[1]
    except OSError:
        return None


def default_work_root() -> str:
    """Where outputs go by default: /dev/shm (memory) when it has room, else /tmp.

    Both the build and the floor write there, so either way the ratio compares like with like,
    but on this VM's ext4 disk writing the same 40,000 files took anything from 2.6 s to 10 s
    within minutes (journal and discard state), which swamps what the generator does. Pass
    --out-dir to measure on a disk folder.
    """
    try:
        if shutil.disk_usage("/dev/shm").free > 4 * 2**30:
            return "/dev/shm"
    except OSError:
        pass
    return "/tmp"
