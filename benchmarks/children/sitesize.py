"""A folder's size: files, bytes (their lengths) and bytes on disk (allocated blocks)."""

from __future__ import annotations

import os
from pathlib import Path


def tree_size(root: Path) -> tuple[int, int, int]:
    """(files, bytes, bytes on disk) under root; on disk counts whole blocks, as `du` does."""
    files = size = disk = 0
    for folder, _, names in os.walk(root):
        for name in names:
            st = os.lstat(os.path.join(folder, name))
            files += 1
            size += st.st_size
            disk += st.st_blocks * 512
    return files, size, disk
