"""`serve`: an edit to a target file reloads the open page with the new status within a second;
invalid content shows an overlay and keeps the last good site."""

import shutil
import threading
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
    page.wait_for_event("load", timeout=5_000)  # the reload the served script triggers
    assert "On track" in page.text_content(".target-status")


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


@pytest.fixture
def broken_server(tmp_path):
    """`serve` started on content that already has a mistake, with Chinese messages."""
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    farmers = content / "targets" / "farmers.yaml"
    good = farmers.read_text(encoding="utf-8")
    farmers.write_text(good.replace("theme: farmland", "theme： farmland"), encoding="utf-8")
    ready, stop = threading.Event(), threading.Event()
    thread = threading.Thread(
        target=serve.run,
        args=(content, tmp_path / "preview", "127.0.0.1", 0, "/sub/", ready, stop),
        kwargs={"lang": "zh"},
        daemon=True,
    )
    thread.start()
    assert ready.wait(30)
    yield farmers, good, f"http://127.0.0.1:{ready.port}/sub/"
    stop.set()
    thread.join(10)


def test_broken_content_at_start_shows_the_error_bar_until_it_is_fixed(broken_server, page):
    farmers, good, url = broken_server
    page.goto(url + "zh/targets/farmers/")
    page.wait_for_selector("#serve-errors", timeout=5_000)
    bar = page.text_content("#serve-errors")
    assert bar.startswith("内容有错误（改好后即显示预览）：")
    assert "farmers.yaml:3:6: 键“theme”后面是全角冒号“：”" in bar
    farmers.write_text(good, encoding="utf-8")
    page.wait_for_event("load", timeout=10_000)  # the reload once the first build is done
    assert page.locator("#serve-errors").count() == 0
    assert "培育高素质农民6000人以上" in page.text_content("h1")
