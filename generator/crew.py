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

Workers are forked by the build process's main thread only, between two of its pages
(`tend`): forked from another thread, a worker could inherit a module lock that the main
thread held in the middle of an import, and wait for it forever.
A worker that fails sends its exception back; the build process raises it (`join`).
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
Done = tuple[int, list[str]]  # a span's start, its pages' SHA-256s
DIGEST = 32  # bytes of a SHA-256


def fork_safe() -> bool:
    """Whether this process may fork a worker or a helper now: a system that forks, called from
    the main thread, and no other thread alive. Another thread's locks (an import under way, a
    stream it is printing to) would be copied held into the child, which would wait for them
    forever: a `serve` session whose HTTP threads run, or a test that runs `serve` in a thread,
    builds in one process."""
    return (
        hasattr(os, "fork")
        and threading.current_thread() is threading.main_thread()
        and threading.active_count() == 1
    )


class WorkerFailed(RuntimeError):
    """A worker ended without finishing its spans and without an exception to tell why."""


class Crew:
    """Workers for `spans`: `want(n)` keeps n of them running while spans are left (each
    `tend()` forks the missing ones); `join()` waits for the last and returns each span's
    start with its pages' digests."""

    def __init__(self, spans: Sequence[Span], work: Work, lifetime: int):
        ctx = multiprocessing.get_context("fork")
        self._ctx, self.spans, self._work, self._lifetime = ctx, spans, work, lifetime
        pages = spans[-1][1] if spans else 0
        self._next = ctx.RawValue(ctypes.c_long, 0)  # the next span to take
        self._lock = ctx.Lock()
        self._sizes = ctx.RawArray(ctypes.c_int64, len(spans))  # bytes + 1 once a span is done
        self._digests = ctx.RawArray(ctypes.c_char, pages * DIGEST)
        self._errors, self._report = ctx.Pipe(duplex=False)
        self._live: list[Any] = []
        self._wanted = 0
        self._error: BaseException | None = None
        self._failed: int | None = None  # the exit code of a worker that failed

    def want(self, workers: int) -> None:
        """Keep `workers` workers running from now on, while spans are left."""
        self._wanted = workers
        self.tend()

    def tend(self, timeout: float | None = 0) -> None:
        """Reap the workers that ended, fork new ones in their place while spans are left, and
        take a failed worker's exception; wait up to `timeout` seconds (None: until a worker
        ends) for one to end first."""
        if self._live:
            ready = wait([p.sentinel for p in self._live] + [self._errors], timeout)
            if self._errors in ready:
                self._error = self._error or self._errors.recv()
            ended = [p for p in self._live if not p.is_alive()]
            for worker in ended:
                self._reap(worker)
            self._live = [p for p in self._live if p not in ended]
        while len(self._live) < min(self._wanted, self._untaken()):
            worker = self._ctx.Process(target=self._life, name="render", daemon=True)
            worker.start()
            self._live.append(worker)

    def stop(self) -> None:
        """End every worker now (this process failed: their pages are not wanted)."""
        self._wanted = 0
        for worker in self._live:
            worker.kill()
            worker.join()
        self._live = []

    def done_pages(self) -> int:
        spans, sizes = self.spans, self._sizes
        return sum(end - start for (start, end), size in zip(spans, sizes, strict=True) if size)

    def join(self, tick: Callable[[], None] | None = None) -> tuple[list[Done], int]:
        """Wait for every span; [(start, its pages' SHA-256s)] and the bytes written. `tick` is
        called about twice a second meanwhile (progress)."""
        while self._live:
            self.tend(0.5)
            if self._error is not None or self._failed is not None:
                self.stop()  # the others' pages are not wanted: fail now
            if tick:
                tick()
        if self._errors.poll():  # sent by the last worker, read here if not yet
            self._error = self._error or self._errors.recv()
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

    def _untaken(self) -> int:
        """Spans no worker has taken yet (none once a worker has failed): no more workers
        than that are forked."""
        if self._error is not None or self._failed is not None:
            return 0
        return max(0, len(self.spans) - self._next.value)

    def _reap(self, worker: Any) -> None:
        """Reap a worker that exited; remember a failure."""
        worker.join()
        if worker.exitcode and self._failed is None:
            self._failed = worker.exitcode

    # -- in a worker ---------------------------------------------------------------------------

    def _life(self) -> None:
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
