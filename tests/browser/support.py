"""Plumbing for the browser tests: a static server under a sub-path, a recorder of everything
that goes wrong in a page, link checking and screenshots.

The site promises to work "at a domain root or under any sub-path without configuration"
(generator/urls.py), so it is always served here at http://127.0.0.1:PORT/sub/path/: a link that
escapes the prefix (an absolute `/zh/...`) gets a 404 and fails a test.
"""

from __future__ import annotations

import posixpath
import re
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response, Route

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CONTENT = REPO / "content"
SCREENSHOTS = REPO / "tests" / "artifacts" / "screenshots"

PREFIX = "/sub/path/"
HOST = "127.0.0.1"
# Any URL that is not http://127.0.0.1:PORT/... (other hosts, https, ws, ...).
NOT_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1:\d+/)")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".geojson": "application/geo+json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".wasm": "application/wasm",
}


# --- the server ---------------------------------------------------------------------------------


def make_handler(root: Path, prefix: str = PREFIX) -> type[BaseHTTPRequestHandler]:
    """A handler serving `root` at `prefix` only, like a static host serving a project site.

    Directory URLs serve their index.html (and `/dir` redirects to `/dir/`); a missing file under
    the prefix gets status 404 with the site's own 404.html, as GitHub Pages or Netlify would;
    anything outside the prefix is a bare 404.
    """
    root = root.resolve()

    class SubPathHandler(BaseHTTPRequestHandler):
        server_version = "HedongTest/1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._serve(with_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._serve(with_body=False)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # keep pytest output clean

        def _serve(self, with_body: bool) -> None:
            parts = urlsplit(self.path)
            path = unquote(parts.path)
            query = f"?{parts.query}" if parts.query else ""
            if path == prefix.rstrip("/"):
                return self._redirect(prefix + query)
            if not path.startswith(prefix):
                return self._send(
                    HTTPStatus.NOT_FOUND,
                    b"outside the site prefix\n",
                    "text/plain; charset=utf-8",
                    with_body,
                )
            rel = posixpath.normpath(path[len(prefix) :]) if path != prefix else "."
            target = (root / rel).resolve()
            if target != root and root not in target.parents:
                return self._not_found(with_body)
            if target.is_dir():
                if not path.endswith("/"):
                    return self._redirect(path + "/" + query)
                target = target / "index.html"
            if not target.is_file():
                return self._not_found(with_body)
            kind = CONTENT_TYPES.get(target.suffix.lower(), "application/octet-stream")
            self._send(HTTPStatus.OK, target.read_bytes(), kind, with_body)

        def _not_found(self, with_body: bool) -> None:
            page = root / "404.html"
            body = page.read_bytes() if page.is_file() else b"not found\n"
            self._send(HTTPStatus.NOT_FOUND, body, CONTENT_TYPES[".html"], with_body)

        def _redirect(self, location: str) -> None:
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _send(self, status: int, body: bytes, kind: str, with_body: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if with_body:
                self.wfile.write(body)

    return SubPathHandler


class SiteServer:
    """A ThreadingHTTPServer on a free port, in a daemon thread."""

    def __init__(self, root: Path, prefix: str = PREFIX) -> None:
        self.httpd = ThreadingHTTPServer((HOST, 0), make_handler(root, prefix))
        self.httpd.daemon_threads = True
        self.base_url = f"http://{HOST}:{self.httpd.server_address[1]}{prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


# --- what goes wrong in a page ------------------------------------------------------------------


@dataclass
class Problems:
    """Everything a page should never do, collected over one test (all its pages)."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    allowed: list[tuple[str, int]] = field(default_factory=list)

    def allow_http_error(self, url_suffix: str, status: int = 404) -> None:
        """Expect one error response (e.g. the 404 page test): a response whose URL ends with
        `url_suffix` and has `status` is not a problem, nor is Chromium's console line about it."""
        self.allowed.append((url_suffix, status))

    def _is_allowed(self, url: str, status: int | None = None) -> bool:
        return any(
            url.endswith(suffix) and (status is None or status == code)
            for suffix, code in self.allowed
        )

    def watch(self, context: BrowserContext) -> None:
        """Record problems from every page of `context`; block requests that leave 127.0.0.1."""

        def block(route: Route) -> None:
            self.external_requests.append(f"{route.request.method} {route.request.url}")
            route.abort("blockedbyclient")

        # Only requests that leave the test server are intercepted (the pattern is matched inside
        # the browser driver), so local requests are not slowed down by a round trip to Python.
        context.route(NOT_LOCAL, block)
        context.on("page", self._watch_page)
        for page in context.pages:
            self._watch_page(page)

    def _watch_page(self, page: Page) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", lambda err: self.page_errors.append(f"{page.url}: {err}"))
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)

    def _on_console(self, msg: ConsoleMessage) -> None:
        if msg.type != "error":
            return
        where = msg.location.get("url", "") if msg.location else ""
        if msg.text.startswith("Failed to load resource") and self._is_allowed(where):
            return
        if msg.text.startswith("Failed to load resource") and urlsplit(where).hostname != HOST:
            return  # a blocked external request: reported in external_requests
        self.console_errors.append(f"{where}: {msg.text}")

    def _on_request_failed(self, request: Request) -> None:
        failure = request.failure or ""
        if urlsplit(request.url).hostname != HOST:
            return  # blocked by the route above: reported in external_requests
        if "ERR_ABORTED" in failure:
            return  # cancelled by a navigation away from the page, not a broken resource
        self.failed_requests.append(f"{request.method} {request.url}: {failure}")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400 and not self._is_allowed(response.url, response.status):
            self.http_errors.append(f"{response.status} {response.url}")

    def report(self) -> str:
        """'' when nothing went wrong, else one line per problem, by kind."""
        lines = []
        for name in (
            "console_errors",
            "page_errors",
            "failed_requests",
            "http_errors",
            "external_requests",
        ):
            items = getattr(self, name)
            if items:
                lines.append(f"{name} ({len(items)}):")
                lines.extend(f"  - {item}" for item in items)
        return "\n".join(lines)


# --- page helpers -------------------------------------------------------------------------------

CHART_LIVE = "c => c.classList.contains('is-live') && !!c.querySelector('.chart-live svg path')"


def wait_for_charts(page: Page, timeout: float = 10_000) -> None:
    """Scroll to each ECharts figure on the page, as a reader does, and wait until it has drawn
    (a no-op on pages without one): charts.js fetches the chart library only for a chart in
    view. The page is left scrolled to its last chart."""
    for chart in page.locator(".chart[data-chart]").all():
        chart.evaluate("c => c.scrollIntoView({block: 'center'})")
        page.wait_for_function(CHART_LIVE, arg=chart.element_handle(), timeout=timeout)


def save_screenshot(page: Page, name: str) -> Path:
    """Full-page PNG at tests/artifacts/screenshots/NAME.png (git-ignored), for human review."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.evaluate(DRAW_ALL)
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    return path


# Parts of long pages are drawn only when they come near the window (site.css,
# content-visibility: auto), which a full-page capture never brings about: the capture draws
# them all, as a reader scrolling through sees them (the layout is the same either way).
DRAW_ALL = """() => {
  for (const el of document.querySelectorAll('body *')) {
    if (getComputedStyle(el).contentVisibility === 'auto') {
      el.style.contentVisibility = 'visible';
    }
  }
}"""


class IdCollector(HTMLParser):
    """Every id="..." in an HTML document (fragment targets)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)


def ids_in(html: str) -> set[str]:
    parser = IdCollector()
    parser.feed(html)
    return parser.ids


def same_origin_links(page: Page) -> list[str]:
    """Absolute URLs of the page's `<a href>` links (HTML and SVG) that stay on this origin."""
    return page.evaluate(
        """() => Array.from(new Set(Array.from(document.querySelectorAll('a[href]'))
             .map(a => new URL(a.getAttribute('href'), document.baseURI).href)
             .filter(h => new URL(h).origin === location.origin)))"""
    )


def split_fragment(url: str) -> tuple[str, str]:
    base, fragment = urldefrag(url)
    return base, unquote(fragment)


COUNTY_URL = re.compile(r"/counties/([a-z0-9-]+)/$")
