"""`serve`: a live preview for staff. Builds, serves on 127.0.0.1, rebuilds what an edit
affects, and reloads the open page. Invalid content: the errors go to the terminal and to an
overlay in the browser, and the last good site stays served. Content that is invalid when
`serve` starts gets the same: the server starts, every page shows the errors (a placeholder
where there is no site yet), and the preview appears once they are fixed.

The reload script is added to HTML responses by this server only; built files never hold it.
"""

from __future__ import annotations

import html
import http.server
import json
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any

import click

from generator.catalogue import text
from generator.clikit import Command, content_option, lang
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
    box.textContent = heading + "\\n" + errors.join("\\n");
  }
  var heading = "";
  function poll() {
    fetch(SERVE_ROOT + "__serve/state", { cache: "no-store" }).then(function (r) { return r.json(); })
      .then(function (s) {
        if (version !== null && s.version !== version && !s.errors.length) { location.reload(); return; }
        version = s.version;
        heading = s.heading;
        overlay(s.errors);
      }).catch(function () {}).finally(function () { setTimeout(poll, 300); });
  }
  poll();
}());
"""


class State:
    """What the open pages poll: the build's version, the errors and the overlay's heading.
    `changed` is notified on every change (tests wait on it)."""

    def __init__(self, lang: str = "en") -> None:
        self.version = 0
        self.errors: list[str] = []
        self.built = False  # a good build of this session is being served
        self.lang = lang
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)

    def heading(self) -> str:
        """The overlay's first line, in the staff's language."""
        return text("serve.overlay.kept" if self.built else "serve.overlay.waiting", self.lang)

    def json(self) -> bytes:
        with self.lock:
            doc = {"version": self.version, "errors": self.errors, "heading": self.heading()}
        return json.dumps(doc, ensure_ascii=False).encode()

    def update(self, errors: list[str], built: bool | None = None) -> None:
        with self.changed:
            if not errors:
                self.version += 1
            self.errors = errors
            if built is not None:
                self.built = built
            self.changed.notify_all()

    def wait(self, condition: Any, timeout: float) -> bool:
        """Wait until condition(state) holds (tests)."""
        with self.changed:
            return bool(self.changed.wait_for(lambda: condition(self), timeout))


def placeholder(prefix: str, lang: str) -> bytes:
    """The page served where there is no site yet: the reload script shows the errors over it
    and reloads it once they are fixed."""
    waiting = html.escape(text("serve.placeholder", lang))
    title = html.escape(text("serve.placeholder.title", lang))
    html_lang = "zh-Hans" if lang == "zh" else "en"
    return (
        f'<!doctype html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
        f'<link rel="icon" href="data:,"><title>{title}</title></head>'
        f'<body><p id="serve-waiting">{waiting}</p>'
        f'<script src="{prefix}__serve/reload.js"></script></body></html>\n'
    ).encode()


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
        elif not local.suffix and not local.exists():
            local = local / "index.html"  # a page's address (…/targets/x/) where there is none
        if local.suffix == ".html" and not local.is_file() and self.state.errors:
            return self._send(placeholder(self.prefix, self.state.lang), "text/html; charset=utf-8")
        if local.suffix == ".html" and local.is_file():
            return self._send(
                with_reload(local.read_bytes(), self.prefix), "text/html; charset=utf-8"
            )
        return super().do_GET()

    def _send(self, body: bytes, ctype: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def with_reload(page: bytes, prefix: str) -> bytes:
    """A built page as this server sends it: with the reload script (which shows the errors
    over the page) before its </body>."""
    tag = f'<script src="{prefix}__serve/reload.js"></script></body>'.encode()
    return page.replace(b"</body>", tag, 1)


def _problems(exc: ContentError, lang: str) -> list[str]:
    """The errors as the terminal and the overlay show them, in `lang`."""
    return [d.format(lang) for d in exc.diagnostics]


class _Preview:
    """One serve session: the builds, the shared state the pages poll, and what the terminal
    is told (in the staff's language)."""

    def __init__(self, content: Path, out: Path, lang: str):
        self.session = Session(content, out)
        self.state = State(lang)
        self.lang = lang

    def failed(self, exc: ContentError, key: str) -> None:
        self.state.update(_problems(exc, self.lang))
        for line in self.state.errors:
            click.echo(line, err=True)
        click.echo(text(key, self.lang), err=True)

    def full(self) -> None:
        """The whole build (at the start, and after each save while nothing good was built)."""
        try:
            result = self.session.full()
        except ContentError as exc:
            self.failed(exc, "serve.waiting")
            return
        self.state.update([], built=True)
        seconds = f"{result.seconds:.2f}"
        click.echo(text("serve.built", self.lang, pages=result.rendered, seconds=seconds))

    def changed(self, paths: set[Path]) -> None:
        """An edit: rebuild what it affects, or keep the last good site and show the errors."""
        if not self.state.built:  # nothing good built yet: try the whole build again
            self.full()
            return
        try:
            result = self.session.rebuild(paths)
        except ContentError as exc:
            self.failed(exc, "serve.kept")
            return
        self.state.update([])
        click.echo(
            text(
                "serve.rebuilt",
                self.lang,
                time=time.strftime("%H:%M:%S"),
                pages=result.rendered,
                files=len(result.changed),
                ms=f"{result.seconds * 1000:.0f}",
            )
        )


def _saved(changes: set[tuple[Any, str]]) -> set[Path]:
    """The files an editor saved, without its backup and lock files."""
    return {
        Path(p)
        for _, p in changes
        if not Path(p).name.startswith((".", "#")) and not p.endswith("~")
    }


def run(
    content: Path,
    out: Path,
    host: str,
    port: int,
    prefix: str,
    ready: threading.Event | None = None,
    stop: threading.Event | None = None,
    lang: str | None = None,
) -> None:
    """Serve until interrupted (or `stop` is set, in tests). Content that is invalid at the
    start is served as its errors until a save fixes it; then the first full build runs."""
    from watchfiles import watch

    from generator.messages import default_lang

    lang = lang or default_lang(content)
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    preview = _Preview(content, out, lang)
    preview.full()
    handler = partial(Handler, directory=str(out))
    Handler.state, Handler.prefix = preview.state, prefix
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://{host}:{server.server_port}{prefix}"
    click.echo(text("serve.serving", lang, address=address))
    if ready is not None:
        ready.port = server.server_port  # type: ignore[attr-defined]
        ready.state = preview.state  # type: ignore[attr-defined]
        ready.set()
    templates = preview.session.templates
    try:
        for changes in watch(content, templates, stop_event=stop, debounce=100, step=50):
            paths = _saved(changes)
            if paths:
                preview.changed(paths)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


@click.command("serve", cls=Command)
@content_option()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path(".cache/preview"),
    show_default=True,
    metavar="DIR",
    help="Where the preview is written (not site/).",
)
@click.option("--port", default=8000, show_default=True, metavar="N", help="Port on 127.0.0.1.")
@click.option(
    "--prefix", default="/", show_default=True, metavar="PATH", help="Serve under this path."
)
def serve_command(content: Path, out: Path, port: int, prefix: str) -> None:
    """Preview the site while you edit (help: cli.serve.help)."""
    run(content, out, "127.0.0.1", port, prefix, lang=lang())
