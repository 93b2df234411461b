"""Static files the pages use: styles and scripts from templates/static, the ECharts bundle built
at setup from the locked npm packages, and the county map as plain JSON. All served from the
site itself; nothing is loaded from another host.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.errors import Diagnostic, Pos

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / ".cache" / "vendor"
ECHARTS = "echarts.min.js"


def collect(templates: Path, geo: dict[str, Any], vendor: Path = VENDOR) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    static = templates / "static"
    for path in sorted(static.rglob("*")):
        if path.is_file():
            files["assets/" + path.relative_to(static).as_posix()] = path.read_bytes()
    bundle = vendor / ECHARTS
    if not bundle.is_file():
        from generator.errors import ContentError

        raise ContentError(
            [
                Diagnostic(Pos(str(bundle)), "no_chart_library", None, "no_chart_library.hint")
            ]
        )
    files[f"assets/vendor/{ECHARTS}"] = bundle.read_bytes()
    files["assets/geo/yuncheng.json"] = json.dumps(
        geo, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode()
    return files
