"""`serve` on content that is broken when it starts: the server starts anyway, every page
address shows the errors (in the staff's language) and the full preview follows the fix."""

import json
import shutil
import threading
from pathlib import Path
from urllib.request import urlopen

import pytest

from generator import serve
from tests.casefile import MINIMAL


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    farmers = content / "targets" / "farmers.yaml"
    good = farmers.read_text(encoding="utf-8")
    farmers.write_text(good.replace("section: agriculture", "section： agriculture"), "utf-8")
    ready, stop = threading.Event(), threading.Event()
    thread = threading.Thread(
        target=serve.run,
        args=(content, tmp_path / "preview", "127.0.0.1", 0, "/sub/", ready, stop),
        kwargs={"lang": "zh"},
        daemon=True,
    )
    thread.start()
    assert ready.wait(30)
    yield farmers, good, ready, f"http://127.0.0.1:{ready.port}/sub/"
    stop.set()
    thread.join(10)


def get(url: str) -> str:
    with urlopen(url) as response:
        return response.read().decode("utf-8")


def test_serve_starts_on_broken_content_and_shows_the_errors_until_fixed(broken, tmp_path):
    farmers, good, ready, url = broken
    state = json.loads(get(url + "__serve/state"))
    assert state["errors"] == [
        "content/targets/farmers.yaml:2:8: 键“section”后面是全角冒号“：”；"
        "提示：把全角冒号“：”改成英文冒号“:”"
    ]
    assert state["heading"] == "内容有错误（改好后即显示预览）："
    for page in ("", "zh/targets/farmers/", "en/report/index.html"):
        html = get(url + page)
        assert "内容有错误，还没有可预览的网站" in html
        assert '<script src="/sub/__serve/reload.js"></script>' in html
    assert not (tmp_path / "preview").exists()

    farmers.write_text(good, encoding="utf-8")
    assert ready.state.wait(lambda s: s.built and not s.errors, 30)
    state = json.loads(get(url + "__serve/state"))
    assert state["errors"] == [] and state["version"] == 1
    html = get(url + "zh/targets/farmers/")
    assert "培育高素质农民6000人以上" in html and "还没有可预览的网站" not in html

    farmers.write_text(good.replace("section: agriculture", "section: agricultur"), "utf-8")
    assert ready.state.wait(lambda s: bool(s.errors), 30)
    state = json.loads(get(url + "__serve/state"))
    assert state["heading"] == "内容有错误（页面显示的是上一次正确的版本）："
    assert "未知的报告部分“agricultur”" in state["errors"][0]
    assert "培育高素质农民6000人以上" in get(url + "zh/targets/farmers/")  # the last good page
