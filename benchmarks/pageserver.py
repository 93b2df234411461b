"""The benchmark's web server: the built site on 127.0.0.1, compressed like a static host.

Text (HTML, CSS, JavaScript, JSON, SVG, XML, CSV) is gzipped at level 6, as Apache's
mod_deflate does by default and nginx with `gzip_comp_level 6`; images, fonts and Pagefind's
already compressed index files go as they are. HTTP/1.1 with keep-alive, as every real host.
"""

from __future__ import annotations

import gzip
import posixpath
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".wasm": "application/wasm",
    ".woff2": "font/woff2",
}
COMPRESSED_TYPES = ("text/", "application/json", "application/xml", "image/svg+xml")
GZIP_LEVEL = 6


def _handler(root: Path) -> type[BaseHTTPRequestHandler]:
    root = root.resolve()
    packed: dict[Path, bytes] = {}  # gzipped once per file (a host compresses on every request)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as every real host
        server_version = "HedongBench/1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            path = unquote(urlsplit(self.path).path)
            rel = posixpath.normpath(path.lstrip("/")) if path != "/" else "."
            target = (root / rel).resolve()
            if target != root and root not in target.parents:
                return self._send(HTTPStatus.NOT_FOUND, root / "404.html")
            if target.is_dir():
                if not path.endswith("/"):
                    self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                    self.send_header("Location", path + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                target = target / "index.html"
            if not target.is_file():
                return self._send(HTTPStatus.NOT_FOUND, root / "404.html")
            return self._send(HTTPStatus.OK, target)

        def _send(self, status: int, file: Path) -> None:
            kind = TYPES.get(file.suffix.lower(), "application/octet-stream")
            body = file.read_bytes() if file.is_file() else b"not found\n"
            accepts = "gzip" in self.headers.get("Accept-Encoding", "")
            compress = kind.startswith(COMPRESSED_TYPES)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            if compress:
                self.send_header("Vary", "Accept-Encoding")
            if compress and accepts:
                with lock:
                    if file not in packed:
                        packed[file] = gzip.compress(body, GZIP_LEVEL, mtime=0)
                body = packed[file]
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            self.wfile.write(body)

    return Handler


class GzipServer:
    """Serve `root` at http://127.0.0.1:PORT/, compressed like a static host, in a thread."""

    def __init__(self, root: Path) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(root))
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> GzipServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
