"""Screenshots for the staff guide (docs/staff-guide.md), taken from the real site and from
`serve` showing a content error. `make guide-images` copies them into docs/images/."""

import shutil
import threading

from generator import serve
from tests.browser.support import CONTENT, REPO

OUT = REPO / "tests" / "artifacts" / "guide"
# docs/staff-guide.md, step 2: the update, as a staff member types it under `updates: []`
GUIDE_UPDATE = """  - date: 2021-12-31
    status: in_progress
    value: 300000
    note:
      zh: 全年新建高标准农田30万亩。
      en: "300,000 mu of high-standard farmland were built in 2021."
    source:
      title: "运城市农业农村局：2021年高标准农田建设进展"
      url: "https://www.yuncheng.gov.cn/"
"""


def test_commitment_page_images(new_page, base_url):
    """A commitment page from its title to its updates (step 2 of the guide adds one there);
    the parts below, whose citation holds the test server's address, are left out."""
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("zh", "en"):
        page = new_page(viewport={"width": 1000, "height": 900})
        page.goto(f"{base_url}{lang}/targets/linyi-yellow-river-bridge/")
        main = page.locator("main").bounding_box()
        history = page.locator("section[aria-labelledby=history-heading]").bounding_box()
        assert main and history
        bottom = history["y"] + history["height"] + 16
        clip = {**main, "height": bottom - main["y"]}
        page.screenshot(path=str(OUT / f"commitment-{lang}.png"), clip=clip, full_page=True)
        assert (OUT / f"commitment-{lang}.png").stat().st_size > 10_000


def test_error_overlay_image(new_page, tmp_path, monkeypatch):
    """The guide's picture of a mistake in the preview, on the real site: the mistake the guide
    warns about first (an update added below `updates: []`, the [] left in place), with the
    messages in the site's staff language (Chinese, content/site.yaml)."""
    OUT.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(tmp_path)  # messages name files as staff see them: content/reports/…
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (path,) = content.glob("reports/*/targets/farmland-high-standard.yaml")
    ready, stop = threading.Event(), threading.Event()
    thread = threading.Thread(
        target=serve.run,
        daemon=True,
        args=(content, tmp_path / "preview", "127.0.0.1", 0, "/", ready, stop),
    )
    thread.start()
    try:
        assert ready.wait(300)  # the real site's first build
        page = new_page(viewport={"width": 1000, "height": 700})
        page.goto(f"http://127.0.0.1:{ready.port}/zh/targets/farmland-high-standard/")
        text = path.read_text(encoding="utf-8")
        assert text.endswith("\nupdates: []\n")
        path.write_text(text + GUIDE_UPDATE, encoding="utf-8")
        page.wait_for_selector("#serve-errors", timeout=60_000)
        bar = page.text_content("#serve-errors")
        assert "farmland-high-standard.yaml:19:10" in bar and "表示空列表" in bar, bar
        page.screenshot(path=str(OUT / "serve-error.png"))
    finally:
        stop.set()
        thread.join(10)
