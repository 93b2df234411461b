"""The render workers' crew (generator/crew.py): every span done once, each page's digest at its
place, never more workers than asked for, and a worker's failure raised in the build process."""

import ctypes
import hashlib
import multiprocessing
import os
import threading

import pytest

from generator.crew import Crew, WorkerFailed

SPANS = [(0, 3), (3, 6), (6, 7), (7, 10)]


def _digest(page: int) -> str:
    return hashlib.sha256(str(page).encode()).hexdigest()


def _pages(start: int, end: int) -> tuple[list[str], int]:
    return [_digest(i) for i in range(start, end)], 100 * (end - start)


def test_every_span_is_rendered_once_with_each_digest_at_its_page():
    crew = Crew(SPANS, _pages, lifetime=10)
    crew.want(2)
    done, size = crew.join()
    assert sorted(done) == [(s, [_digest(i) for i in range(s, e)]) for s, e in SPANS]
    assert size == 1000
    assert crew.done_pages() == 10


def test_a_worker_is_replaced_after_its_lifetime(tmp_path):
    def pages(start: int, end: int) -> tuple[list[str], int]:
        (tmp_path / f"{start}-{os.getpid()}").touch()
        return _pages(start, end)

    crew = Crew(SPANS, pages, lifetime=1)
    crew.want(2)
    crew.join()
    pids = {f.name.split("-")[1] for f in tmp_path.iterdir()}
    assert len(list(tmp_path.iterdir())) == len(SPANS) == len(pids)  # a fresh process a span
    assert str(os.getpid()) not in pids


def test_never_more_workers_than_wanted():
    running = multiprocessing.get_context("fork").RawArray(ctypes.c_int, 2)  # now, most

    def pages(start: int, end: int) -> tuple[list[str], int]:
        running[0] += 1  # (a lock is not needed to see more than one: they would overlap)
        running[1] = max(running[1], running[0])
        os.sched_yield()
        running[0] -= 1
        return _pages(start, end)

    crew = Crew(SPANS * 5, pages, lifetime=2)
    crew.want(1)
    crew.join()
    assert running[1] == 1


def test_a_workers_exception_is_raised_here_without_a_traceback(capfd):
    def pages(start: int, end: int) -> tuple[list[str], int]:
        if start == 6:
            raise ValueError("page 6 cannot be drawn")
        return _pages(start, end)

    crew = Crew(SPANS, pages, lifetime=10)
    crew.want(2)
    with pytest.raises(ValueError, match="page 6 cannot be drawn"):
        crew.join()
    assert "Traceback" not in capfd.readouterr().err


def test_a_worker_that_dies_fails_the_build():
    def pages(start: int, end: int) -> tuple[list[str], int]:
        if start == 3:
            os._exit(3)  # killed, say, for want of memory
        return _pages(start, end)

    crew = Crew(SPANS, pages, lifetime=10)
    crew.want(1)
    with pytest.raises(WorkerFailed, match="exit code 3"):
        crew.join()


def test_stop_ends_the_workers_at_once(tmp_path):
    def pages(start: int, end: int) -> tuple[list[str], int]:
        (tmp_path / str(os.getpid())).write_text("")
        os.kill(os.getpid(), 19)  # SIGSTOP: a worker still busy when the build process fails
        return _pages(start, end)

    crew = Crew(SPANS, pages, lifetime=10)
    crew.want(1)
    while not list(tmp_path.iterdir()):
        os.sched_yield()
    crew.stop()
    pid = int(next(tmp_path.iterdir()).name)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # gone, and reaped


def test_workers_are_forked_by_the_main_thread_only(tmp_path):
    """Forked from another thread, a worker could inherit a module lock held mid-import by
    the main thread and wait for it forever (seen in a `serve` session's first build)."""
    forked_by: list[str] = []
    fork = os.fork

    def recording_fork() -> int:
        forked_by.append(threading.current_thread().name)
        return fork()

    crew = Crew(SPANS, _pages, lifetime=1)
    os.fork = recording_fork
    try:
        crew.want(2)
        crew.join()
    finally:
        os.fork = fork
    assert len(forked_by) >= len(SPANS)  # a fresh worker a span
    assert set(forked_by) == {"MainThread"}
    assert threading.active_count() == 1
