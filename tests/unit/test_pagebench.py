"""The page measurements' own parts that need no browser: the server compresses like a host,
and CLS is Chrome's largest session window."""

import gzip
import urllib.request
from pathlib import Path

from benchmarks.pagebench import cls_of
from benchmarks.pageserver import GzipServer


def fetch(url: str, gzip_ok: bool = True) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip" if gzip_ok else ""})
    with urllib.request.urlopen(request) as response:
        return dict(response.headers), response.read()


def test_the_server_gzips_text_and_sends_images_as_they_are(tmp_path: Path):
    page = "<!doctype html><title>t</title>" + "<p>河东公开</p>" * 500
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "a.png").write_bytes(b"\x89PNG" + bytes(2000))
    with GzipServer(tmp_path) as server:
        headers, body = fetch(server.url + "zh/")
        assert headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body).decode("utf-8") == page
        assert int(headers["Content-Length"]) == len(body) < len(page.encode()) / 10
        headers, body = fetch(server.url + "zh/", gzip_ok=False)
        assert "Content-Encoding" not in headers and body.decode("utf-8") == page
        headers, body = fetch(server.url + "a.png")
        assert "Content-Encoding" not in headers and len(body) == 2004


def test_cls_is_the_largest_session_window():
    shifts = [[100, 0.01, ""], [600, 0.02, ""], [3000, 0.025, ""], [9000, 0.001, ""]]
    # 100 and 600 ms are one window (0.03); 3,000 ms starts another (0.025)
    assert abs(cls_of(shifts) - 0.03) < 1e-9
    # a window lasts at most 5 s even when shifts keep coming
    steady = [[t, 0.01, ""] for t in range(0, 8000, 500)]
    assert abs(cls_of(steady) - 0.1) < 1e-9
    assert cls_of([]) == 0
