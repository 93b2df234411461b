"""Screenshots for the staff guide (docs/staff-guide.md), taken from the real site and from
`serve` showing a content error. `make guide-images` copies them into docs/images/."""

import shutil
import threading

from generator import serve
from tests.browser.support import REPO
from tests.casefile import HERE

OUT = REPO / "tests" / "artifacts" / "guide"


def test_commitment_page_images(new_page, base_url):
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("zh", "en"):
        page = new_page(viewport={"width": 1000, "height": 900})
        page.goto(f"{base_url}{lang}/targets/linyi-yellow-river-bridge/")
        page.locator("main").screenshot(path=str(OUT / f"commitment-{lang}.png"))
        assert (OUT / f"commitment-{lang}.png").stat().st_size > 10_000


def test_error_overlay_image(new_page, tmp_path, monkeypatch):
    OUT.mkdir(parents=True, exist_ok=True)
    # messages name files as staff see them: content/reports/<report>/targets/…
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    shutil.copytree(HERE / "fixtures" / "two-reports", content)
    ready, stop = threading.Event(), threading.Event()
    thread = threading.Thread(
        target=serve.run,
        daemon=True,
        args=(content, tmp_path / "preview", "127.0.0.1", 0, "/", ready, stop),
    )
    thread.start()
    try:
        assert ready.wait(30)
        page = new_page(viewport={"width": 1000, "height": 700})
        page.goto(f"http://127.0.0.1:{ready.port}/zh/targets/farmers/")
        path = content / "reports" / "test-2021" / "targets" / "farmers.yaml"
        path.write_text(
            path.read_text().replace(
                "updates: []", "updates:\n  - date: 2021-06-01\n    status: done\n"
            )
        )
        page.wait_for_selector("#serve-errors", timeout=5_000)
        assert "status" in page.text_content("#serve-errors")
        page.screenshot(path=str(OUT / "serve-error.png"))
    finally:
        stop.set()
        thread.join(10)
