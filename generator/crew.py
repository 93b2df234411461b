"""The forked processes that render a large site's pages, kept running by the build process.

A worker shares the build process's memory (the model, the plan) until either of them writes
to a memory page; then the page is copied. Reading a Python object writes its reference count,
so a worker copies what the pages it renders read, and the build process, while it draws the
list pages (which read nearly the whole model), copies the pages it still shares with every
live worker. Three choices bound that:

- the build process drawing its pages takes one of the cores: beside it run `workers - 1`
  workers, and all of them once it is idle (`want`). Two cores then never run three processes;
- a worker renders `lifetime` spans, then exits, and a fresh one is forked in its place: it
  shares again what the old one had copied;
- workers take the next span from a shared counter and put each page's SHA-256 into shared
  memory at the page's number, so no result crosses a pipe and the build process pairs
  digests with paths only at the end.

A worker that fails sends its exception back; the build process raises it at `join()`.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import wait
from typing import Any

Span = tuple[int, int]  # pages[start:end] of the job
Work = Callable[[int, int], tuple[list[str], int]]  # a span → its pages' SHA-256s, bytes written
DIGEST = 32  # bytes of a SHA-256
Done = tuple[int, list[str]]  # a span's start, its pages' SHA-256s


class WorkerFailed(RuntimeError):
    """A worker ended without finishing its spans and without an exception to tell why."""


class Crew:
    """Workers for `spans`: `want(n)` keeps n of them running until every span is taken;
    `join()` waits for the last and returns each span's start with its pages' digests."""

    def __init__(self, spans: Sequence[Span], work: Work, lifetime: int):
        ctx = multiprocessing.get_context("fork")
        self._ctx, self.spans, self._work, self._lifetime = ctx, spans, work, lifetime
        pages = spans[-1][1] if spans else 0
        self._next = ctx.RawValue(ctypes.c_long, 0)  # the next span to take
        self._lock = ctx.Lock()
        self._sizes = ctx.RawArray(ctypes.c_int64, len(spans))  # bytes + 1 once a span is done
        self._digests = ctx.RawArray(ctypes.c_char, pages * DIGEST)
        self._errors, self._report = ctx.Pipe(duplex=False)
        self._wake_r, self._wake_w = os.pipe()
        self._wanted = 0
        self._stopping = False
        self._error: BaseException | None = None
        self._failed: int | None = None  # the exit code of a worker that failed
        self._keeper = threading.Thread(target=self._keep, name="crew", daemon=True)

    def want(self, workers: int) -> None:
        """Keep `workers` workers running (from now on, while spans are left)."""
        self._wanted = workers
        if not self._keeper.is_alive() and self._keeper.ident is None:
            self._keeper.start()
        else:
            os.write(self._wake_w, b".")

    def stop(self) -> None:
        """End every worker now (this process failed: their pages are not wanted)."""
        self._stopping = True
        if self._keeper.ident is not None:
            os.write(self._wake_w, b".")
            self._keeper.join()
        os.close(self._wake_r)
        os.close(self._wake_w)

    def done_pages(self) -> int:
        return sum(
            end - start for (start, end), size in zip(self.spans, self._sizes, strict=True) if size
        )

    def join(self, tick: Callable[[], None] | None = None) -> tuple[list[Done], int]:
        """Wait for every span; [(start, its pages' SHA-256s)] and the bytes written. `tick` is
        called about twice a second meanwhile (progress)."""
        if self._keeper.ident is None:
            self.want(1)
        while self._keeper.is_alive():
            self._keeper.join(0.5)
            if tick:
                tick()
        os.close(self._wake_r)
        os.close(self._wake_w)
        if self._error is not None:
            raise self._error
        if self._failed is not None or not all(self._sizes):
            raise WorkerFailed(f"a rendering worker ended with exit code {self._failed}")
        raw = self._digests.raw
        done = [
            (start, [raw[i * DIGEST : (i + 1) * DIGEST].hex() for i in range(start, end)])
            for start, end in self.spans
        ]
        return done, sum(self._sizes) - len(self._sizes)

    # -- the build process's thread that keeps the workers -----------------------------------

    def _keep(self) -> None:
        live: list[Any] = []
        while True:
            live = [p for p in live if p.is_alive() or not self._ended(p)]
            if self._stopping:
                for worker in live:
                    worker.kill()
                    worker.join()
                return
            left = self._next.value < len(self.spans) and self._error is None and not self._failed
            if not left and not live:
                return
            while left and len(live) < self._wanted:
                worker = self._ctx.Process(target=self._live, name="render", daemon=True)
                worker.start()
                live.append(worker)
            ready = wait([p.sentinel for p in live] + [self._wake_r, self._errors])
            if self._wake_r in ready:
                os.read(self._wake_r, 64)
            if self._errors in ready:
                self._error = self._errors.recv()

    def _ended(self, worker: Any) -> bool:
        """Reap a worker that exited; remember a failure."""
        worker.join()
        if worker.exitcode and self._failed is None:
            self._failed = worker.exitcode
        return True

    # -- in a worker ---------------------------------------------------------------------------

    def _live(self) -> None:
        """A worker's life: up to `lifetime` spans, each taken from the shared counter."""
        gc.freeze()  # what it inherited is never scanned, so never copied, by its collections
        try:
            for _ in range(self._lifetime):
                with self._lock:
                    i = self._next.value
                    if i >= len(self.spans):
                        return
                    self._next.value = i + 1
                start, end = self.spans[i]
                digests, size = self._work(start, end)
                raw = b"".join(map(bytes.fromhex, digests))
                assert len(raw) == (end - start) * DIGEST
                # a c_char array takes bytes for a slice (typeshed knows only lists)
                self._digests[start * DIGEST : end * DIGEST] = raw  # type: ignore[call-overload]
                self._sizes[i] = size + 1
        except BaseException as exc:
            self._report.send(exc)  # raised again by the build process, which reports it
            raise SystemExit(1) from None  # (multiprocessing would print a traceback)
