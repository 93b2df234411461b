"""The static files of the site: styles and scripts from templates/static, the ECharts bundle built
at setup from the locked npm packages, and the county map as plain JSON. All served from the
site itself; nothing is loaded from another host. load.load_static reads them; this adds the map.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / ".cache" / "vendor"
ECHARTS = "echarts.min.js"


def site_files(static: dict[str, bytes], geo: dict[str, Any]) -> dict[str, bytes]:
    """The static files as load read them (load.load_static), and the county map as JSON."""
    files = dict(static)
    files["assets/geo/yuncheng.json"] = json.dumps(
        geo, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode()
    return files
