"""`serve`: a live preview for staff. Builds, serves on 127.0.0.1, rebuilds what an edit
affects, and reloads the open page. Invalid content: the errors go to the terminal and to an
overlay in the browser, and the last good site stays served.

The reload script is added to HTML responses by this server only; built files never hold it.
"""

from __future__ import annotations

import http.server
import json
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any

import click

from generator.errors import ContentError
from generator.session import Session

RELOAD_JS = b"""(function () {
  var version = null;
  function overlay(errors) {
    var box = document.getElementById("serve-errors");
    if (!errors.length) { if (box) { box.remove(); } return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "serve-errors";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;" +
        "background:#fff4f4;color:#600;border-top:4px solid #c00;padding:1rem;z-index:99999;" +
        "font:14px/1.5 monospace;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "Content errors (the last good version is shown):\\n" + errors.join("\\n");
  }
  function poll() {
    fetch(SERVE_ROOT + "__serve/state", { cache: "no-store" }).then(function (r) { return r.json(); })
      .then(function (s) {
        if (version !== null && s.version !== version && !s.errors.length) { location.reload(); return; }
        version = s.version;
        overlay(s.errors);
      }).catch(function () {}).finally(function () { setTimeout(poll, 300); });
  }
  poll();
}());
"""


class State:
    def __init__(self) -> None:
        self.version = 0
        self.errors: list[str] = []
        self.lock = threading.Lock()

    def json(self) -> bytes:
        with self.lock:
            return json.dumps({"version": self.version, "errors": self.errors}).encode()


class Handler(http.server.SimpleHTTPRequestHandler):
    state: State
    prefix: str

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet server
        pass

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        return super().translate_path(path)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        route = self.path.split("?", 1)[0]
        if route == self.prefix + "__serve/state":
            return self._send(self.state.json(), "application/json")
        if route == self.prefix + "__serve/reload.js":
            return self._send(
                RELOAD_JS.replace(b"SERVE_ROOT", json.dumps(self.prefix).encode()),
                "text/javascript",
            )
        if not route.startswith(self.prefix):
            return self.send_error(404)
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            local = local / "index.html"
        if local.suffix == ".html" and local.is_file():
            html = local.read_bytes()
            tag = f'<script src="{self.prefix}__serve/reload.js"></script></body>'.encode()
            return self._send(html.replace(b"</body>", tag, 1), "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, ctype: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def _problems(exc: ContentError) -> list[str]:
    return [d.format() for d in exc.diagnostics]


def run(
    content: Path,
    out: Path,
    host: str,
    port: int,
    prefix: str,
    ready: threading.Event | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Serve until interrupted (or `stop` is set, in tests)."""
    from watchfiles import watch

    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    session = Session(content, out)
    state = State()
    try:
        result = session.full()
        click.echo(f"✓ built {result.rendered} pages in {result.seconds:.2f} s")
    except ContentError as exc:
        state.errors = _problems(exc)
        for line in state.errors:
            click.echo(line, err=True)
        raise SystemExit(1) from None
    handler = partial(Handler, directory=str(out))
    Handler.state, Handler.prefix = state, prefix
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    click.echo(f"Serving http://{host}:{server.server_port}{prefix}  (Ctrl+C to stop)")
    if ready is not None:
        ready.port = server.server_port  # type: ignore[attr-defined]
        ready.set()
    templates = session.templates
    try:
        for changes in watch(content, templates, stop_event=stop, debounce=100, step=50):
            paths = {
                Path(p)
                for _, p in changes
                if not Path(p).name.startswith((".", "#")) and not p.endswith("~")
            }
            if not paths:
                continue
            try:
                result = session.rebuild(paths)
            except ContentError as exc:
                with state.lock:
                    state.errors = _problems(exc)
                for line in state.errors:
                    click.echo(line, err=True)
                click.echo("✗ not rebuilt: the last good site is still served", err=True)
                continue
            with state.lock:
                state.errors = []
                state.version += 1
            stamp = time.strftime("%H:%M:%S")
            click.echo(
                f"{stamp} rebuilt {result.rendered} pages, {len(result.changed)} files "
                f"changed in {result.seconds * 1000:.0f} ms"
            )
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


@click.command("serve")
@click.option(
    "--content",
    type=click.Path(path_type=Path),
    default=Path("content"),
    show_default=True,
    help="Folder with site.yaml, targets/ and report/.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path(".cache/preview"),
    show_default=True,
    help="Where the preview is written (not site/).",
)
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1.")
@click.option(
    "--prefix",
    default="/",
    show_default=True,
    help="Serve under this path, e.g. /tracker/, as on the real host.",
)
def serve_command(content: Path, out: Path, port: int, prefix: str) -> None:
    """Preview the site while you edit: rebuilds on every save and reloads the browser.

    Errors are shown in the terminal and on the page; the last good version stays visible.
    """
    run(content, out, "127.0.0.1", port, prefix)
