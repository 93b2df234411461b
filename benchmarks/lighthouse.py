"""Lighthouse (npm, a dev dependency in package.json) against the benchmark's server, with
Debian's Chromium (CHROME_PATH): mobile form factor and its own simulated throttling (the same
slow phone as benchmarks/pagebench.py), performance and accessibility."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"


def lighthouse_available() -> str | None:
    """None when Lighthouse can run here, else why not."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not found"
    if not LIGHTHOUSE.exists():
        return "lighthouse is not installed (npm ci installs it from package-lock.json)"
    if shutil.which("node") is None:
        return "node not found"
    return None


def run_lighthouse(url: str, folder: Path) -> dict[str, Any]:
    """One Lighthouse run (mobile, simulated slow phone): scores 0-100, LCP, CLS, failures."""
    out = folder / "lighthouse.json"
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    cmd = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        "--only-categories=performance,accessibility",
        "--disable-full-page-screenshot",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
        "--no-first-run --disable-background-networking --disable-component-update "
        "--disable-sync",
    ]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not out.exists():
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise RuntimeError("lighthouse failed: " + " / ".join(tail))
    report = json.loads(out.read_text("utf-8"))
    out.unlink()
    cats = report["categories"]
    audits = report["audits"]
    failed = [
        key
        for ref in cats["accessibility"]["auditRefs"]
        if ref.get("weight")
        and (audits[key := ref["id"]].get("score") is not None)
        and audits[key]["score"] < 1
    ]
    metrics = {
        key: audits[key]["numericValue"]
        for key in (
            "first-contentful-paint",
            "speed-index",
            "largest-contentful-paint",
            "total-blocking-time",
            "cumulative-layout-shift",
        )
        if key in audits
    }
    return {
        "metrics": metrics,
        "performance": round((cats["performance"]["score"] or 0) * 100),
        "accessibility": round((cats["accessibility"]["score"] or 0) * 100),
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "failed": failed,
        "runtime_error": report.get("runtimeError", {}).get("message"),
    }
