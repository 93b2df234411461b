"""What a page put on the wire, as the browser saw it (requests of a Playwright context)."""

from __future__ import annotations

import time
from typing import Any


class Transfers:
    """Requests of a browser context (pages and their workers: Pagefind fetches its index
    from a Web Worker) and what each put on the wire: the compressed body and the headers."""

    def __init__(self, context: Any) -> None:
        self.done: list[Any] = []
        self.pending = 0
        self.quiet_since = time.monotonic()
        context.on("request", self._started)
        context.on("requestfinished", self._finished)
        context.on("requestfailed", self._failed)

    def _started(self, request: Any) -> None:
        if not request.url.startswith("data:"):
            self.pending += 1

    def _finished(self, request: Any) -> None:
        if not request.url.startswith("data:"):
            self.done.append(request)
            self._settle()

    def _failed(self, request: Any) -> None:
        if not request.url.startswith("data:"):
            self._settle()

    def _settle(self) -> None:
        self.pending = max(0, self.pending - 1)
        self.quiet_since = time.monotonic()

    def wait_quiet(self, page: Any, quiet: float = 0.5, timeout: float = 120) -> None:
        """Until no request has been in flight for `quiet` seconds (the network is idle)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.pending == 0 and time.monotonic() - self.quiet_since >= quiet:
                return
            page.wait_for_timeout(100)  # lets Playwright deliver the events
        raise TimeoutError("the network did not go quiet")

    def mark(self) -> int:
        return len(self.done)

    def since(self, mark: int = 0) -> dict[str, int]:
        out: dict[str, int] = {}
        for request in self.done[mark:]:
            sizes = request.sizes()
            size = max(0, sizes["responseBodySize"]) + max(0, sizes["responseHeadersSize"])
            out[request.url] = out.get(request.url, 0) + size
        return out
