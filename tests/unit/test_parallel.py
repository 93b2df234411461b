"""Rendering in worker processes: the same files whatever the workers, even when each worker is
replaced by a fresh one after every task (generator/parallel.py, RECYCLE_TASKS)."""

import hashlib
import os
import shutil
import tempfile
import threading
from pathlib import Path

from generator import parallel
from generator.build import build
from generator.render import Renderer


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _spans_rendered_by_workers(tmp_path: Path, monkeypatch) -> Path:
    """A folder where each span a forked worker renders leaves a file named after its pid."""
    spans = tmp_path / "spans"
    spans.mkdir()
    render_range = parallel._render_range

    def recording(start: int, end: int) -> tuple[list[str], int]:
        (spans / f"{start}-{os.getpid()}").touch()  # only ever called in a worker
        return render_range(start, end)

    monkeypatch.setattr(parallel, "_render_range", recording)
    return spans


def test_workers_replaced_after_every_task_write_the_same_site(content, tmp_path, monkeypatch):
    build(content, tmp_path / "one", workers=1)
    spans = _spans_rendered_by_workers(tmp_path, monkeypatch)
    monkeypatch.setattr(parallel, "CHUNK", 5)  # many small tasks
    monkeypatch.setattr(parallel, "RECYCLE_TASKS", 1)  # a fresh worker for each
    build(content, tmp_path / "two", workers=2)
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    workers = {name.split("-")[1] for name in os.listdir(spans)}
    assert len(os.listdir(spans)) == len(workers) > 1  # a fresh worker for each span
    assert len(_tree(tmp_path / "one")) > 40


def test_lists_are_drawn_here_and_targets_by_workers(content, tmp_path, monkeypatch):
    """A worker that drew the lists would copy nearly the whole model (1 GB a worker at 100,000
    targets); the build process draws them while the workers draw the targets' own pages."""
    drawn_here: list[str] = []
    render = Renderer.render

    def recording(self, template, path, lang, context):
        drawn_here.append(path)  # only this process's list: workers record in their own copy
        return render(self, template, path, lang, context)

    monkeypatch.setattr(Renderer, "render", recording)
    monkeypatch.setattr(parallel, "CHUNK", 5)
    build(content, tmp_path / "site", workers=2)
    files = _tree(tmp_path / "site")
    assert "zh/index.html" in drawn_here and "en/targets/index.html" in drawn_here
    assert not [p for p in drawn_here if "/targets/" in p and p.count("/") > 2]
    assert any(f.startswith("zh/targets/") and f.count("/") == 3 for f in files)


def test_data_files_are_written_while_the_workers_still_draw(content, tmp_path, monkeypatch):
    """The build process writes the data files after its lists, not alone after the last
    worker is done (that left a core idle: about 20 s at 100,000 targets)."""
    from generator import build as build_module

    seen: list[tuple[str, bool]] = []
    other_files = build_module.other_files

    def watched(*args, **kwargs):
        for rel, data in other_files(*args, **kwargs):
            seen.append((rel, parallel._JOB is not None))  # the workers' job still on
            yield rel, data

    monkeypatch.setattr(build_module, "other_files", watched)
    monkeypatch.setattr(parallel, "CHUNK", 5)
    build(content, tmp_path / "site", workers=2)
    assert {rel for rel, _ in seen} >= {"data/targets.json", "data/targets.csv"}
    assert all(during for _, during in seen)
    assert set(_tree(tmp_path / "site")) >= {rel for rel, _ in seen}


def test_a_site_of_150_pages_renders_on_both_cores(monkeypatch):
    """Measured on 2 cores: 184 pages 7 % faster with a worker, the real site 28 %."""
    monkeypatch.delenv("HEDONG_WORKERS", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert parallel.default_workers(149) == 1
    assert parallel.default_workers(150) == 2
    monkeypatch.setenv("HEDONG_WORKERS", "1")
    assert parallel.default_workers(150_000) == 1


def test_beside_another_thread_a_build_forks_no_worker(content, tmp_path, monkeypatch):
    """A `serve` session's HTTP threads may hold a lock (a stream being printed to) that a
    forked worker would inherit held and wait for forever: the build stays in one process."""
    build(content, tmp_path / "alone", workers=1)
    spans = _spans_rendered_by_workers(tmp_path, monkeypatch)
    monkeypatch.setattr(parallel, "CHUNK", 5)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        build(content, tmp_path / "beside", workers=2)
    finally:
        stop.set()
        other.join()
    assert os.listdir(spans) == []
    assert _tree(tmp_path / "beside") == _tree(tmp_path / "alone")
    build(content, tmp_path / "after", workers=2)  # the thread is gone: workers again
    assert os.listdir(spans)
    assert _tree(tmp_path / "after") == _tree(tmp_path / "alone")


def test_a_build_run_from_another_thread_forks_no_worker(content, tmp_path, monkeypatch):
    """As a test runs `serve` in a thread: forked from it, a worker could inherit a lock the
    main thread holds."""
    build(content, tmp_path / "alone", workers=1)
    spans = _spans_rendered_by_workers(tmp_path, monkeypatch)
    monkeypatch.setattr(parallel, "CHUNK", 5)
    failed: list[BaseException] = []

    def run() -> None:
        try:
            build(content, tmp_path / "threaded", workers=2)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            failed.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert failed == []
    assert os.listdir(spans) == []
    assert _tree(tmp_path / "threaded") == _tree(tmp_path / "alone")


def test_one_process_or_two_write_the_same_search_index(content, tmp_path, monkeypatch):
    """Pagefind numbers pages in the order it walks the folders, so both ways make every
    folder first, in one order: a site is the same bytes, its index included, on any machine."""
    monkeypatch.setattr(parallel, "CHUNK", 5)
    # in memory where there is such a folder: tmpfs lists a folder in the order its entries
    # were made, where ext4 lists them by a hash of their names
    shm = Path("/dev/shm")
    work = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() else tmp_path
    try:
        build(content, work / "one", workers=1, search_index=True)
        build(content, work / "two", workers=2, search_index=True)
        one = _tree(work / "one")
        assert any(rel.startswith("pagefind/") for rel in one)
        assert one == _tree(work / "two")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_progress_tells_each_count_once_with_workers(monkeypatch):
    """`build` prints each count over the last on a terminal and ends the line at the last:
    told the last count twice (join's last tick, then the one after it), it printed the
    finished line twice."""

    class Crew:  # every span done by the time join() ticks, twice
        def __init__(self, spans, work, lifetime):
            self.spans = spans

        def want(self, workers):
            pass

        def tend(self):
            pass

        def done_pages(self):
            return sum(end - start for start, end in self.spans)

        def join(self, tick):
            tick()
            tick()
            return [(start, ["00"] * (end - start)) for start, end in self.spans], 0

    seen: list[tuple[int, int]] = []
    monkeypatch.setattr(parallel, "Crew", Crew)
    parallel._in_workers(
        2, [(0, 5), (5, 8)], lambda between: 4, 12, lambda *c: seen.append(c), None
    )
    assert seen == [(12, 12)]


def test_progress_counts_up_to_every_page_with_workers(content, tmp_path, monkeypatch):
    seen: list[tuple[int, int]] = []
    monkeypatch.setattr(parallel, "CHUNK", 5)
    result = build(content, tmp_path / "site", workers=2, progress=lambda *c: seen.append(c))
    done = [d for d, _ in seen]
    assert done == sorted(set(done))
    assert seen[-1] == (result.pages, result.pages)
