"""Writing the generator's own caches under .cache/ (compiled dataclass code, the message
catalogue): whole or not at all, since parallel test processes and render workers read them
while another process may be writing. A cache that cannot be written is simply not kept."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def keep(cache: Path, data: bytes) -> None:
    """Write `cache` atomically (a temporary file beside it, then a rename), or not at all."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=cache.name + ".")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, cache)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
