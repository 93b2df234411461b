"""`serve`: an edit to a target file reloads the open page with the new status within a second;
invalid content shows an overlay and keeps the last good site."""

import shutil
import threading
import time
from pathlib import Path

import pytest

from generator import serve
from tests.casefile import MINIMAL


@pytest.fixture
def server(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    ready, stop = threading.Event(), threading.Event()
    thread = threading.Thread(
        target=serve.run,
        args=(content, tmp_path / "preview", "127.0.0.1", 0, "/sub/", ready, stop),
        daemon=True,
    )
    thread.start()
    assert ready.wait(30)
    yield content, f"http://127.0.0.1:{ready.port}/sub/"
    stop.set()
    thread.join(10)


def test_an_edit_reloads_the_page_with_the_new_status(server, page):
    content, url = server
    page.goto(url + "en/targets/farmers/")
    assert "Deadline passed, no report found" in page.text_content(".target-status")
    path: Path = content / "targets" / "farmers.yaml"
    path.write_text(
        path.read_text().replace(
            "updates: []",
            (
                "updates:\n  - date: 2021-06-01\n    status: on_track\n"
                '    source: {title: t, url: "https://example.org/x"}\n'
            ),
        )
    )
    started = time.perf_counter()
    page.wait_for_event("load", timeout=5_000)  # the reload the served script triggers
    assert "On track" in page.text_content(".target-status")
    assert time.perf_counter() - started < 1.0  # polled every 0.3 s; a rebuild takes ~0.05 s


def test_invalid_content_shows_an_overlay_and_keeps_the_site(server, page):
    content, url = server
    page.goto(url + "zh/targets/farmers/")
    (content / "targets" / "farmers.yaml").write_text("id: farmers\nsection: [\n")
    page.wait_for_selector("#serve-errors", timeout=5_000)
    assert "content/targets/farmers.yaml" in page.text_content(
        "#serve-errors"
    ) or "farmers.yaml:" in page.text_content("#serve-errors")
    page.reload()
    assert page.text_content("h1")  # the last good page is still served
