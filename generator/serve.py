"""`serve`: a live preview for staff. Builds, serves on 127.0.0.1, rebuilds what an edit
affects, and reloads the open page. Invalid content: the errors go to the terminal and to an
overlay in the browser, and the last good site stays served. Content that is invalid when
`serve` starts gets the same: the server starts, every page shows the errors (a placeholder
where there is no site yet), and the preview appears once they are fixed.

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


def _say(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


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
        if self.built:
            return _say(
                self.lang,
                "Content errors (the last good version is shown):",
                "内容有错误（页面显示的是上一次正确的版本）：",
            )
        return _say(
            self.lang,
            "Content errors (the preview appears once they are fixed):",
            "内容有错误（改好后即显示预览）：",
        )

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
            return self.changed.wait_for(lambda: condition(self), timeout)


def placeholder(prefix: str, lang: str) -> bytes:
    """The page served where there is no site yet: the reload script shows the errors over it
    and reloads it once they are fixed."""
    text = _say(
        lang,
        "The content has errors, so there is no preview yet. This page shows them and reloads "
        "once they are fixed.",
        "内容有错误，还没有可预览的网站。本页会列出错误，改好后自动刷新。",
    )
    html_lang = "zh-Hans" if lang == "zh" else "en"
    return (
        f'<!doctype html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
        f'<link rel="icon" href="data:,"><title>{_say(lang, "Preview", "预览")}</title></head>'
        f'<body><p id="serve-waiting">{text}</p>'
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


def _problems(exc: ContentError, lang: str) -> list[str]:
    return [d.format(lang) for d in exc.diagnostics]


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
    session = Session(content, out)
    state = State(lang)

    def full() -> None:
        try:
            result = session.full()
        except ContentError as exc:
            state.update(_problems(exc, lang))
            for line in state.errors:
                click.echo(line, err=True)
            click.echo(
                _say(
                    lang,
                    "✗ the content has errors: the preview starts once they are fixed",
                    "✗ 内容有错误：改好后预览即开始",
                ),
                err=True,
            )
            return
        state.update([], built=True)
        click.echo(
            _say(
                lang,
                f"✓ built {result.rendered} pages in {result.seconds:.2f} s",
                f"✓ 已生成 {result.rendered} 个页面，用时 {result.seconds:.2f} 秒",
            )
        )

    full()
    handler = partial(Handler, directory=str(out))
    Handler.state, Handler.prefix = state, prefix
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    click.echo(
        _say(
            lang,
            f"Serving http://{host}:{server.server_port}{prefix}  (Ctrl+C to stop)",
            f"预览地址 http://{host}:{server.server_port}{prefix}（按 Ctrl+C 停止）",
        )
    )
    if ready is not None:
        ready.port = server.server_port  # type: ignore[attr-defined]
        ready.state = state  # type: ignore[attr-defined]
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
            if not state.built:  # nothing good built yet: try the whole build again
                full()
                continue
            try:
                result = session.rebuild(paths)
            except ContentError as exc:
                state.update(_problems(exc, lang))
                for line in state.errors:
                    click.echo(line, err=True)
                click.echo(
                    _say(
                        lang,
                        "✗ not rebuilt: the last good site is still served",
                        "✗ 没有重新生成：预览仍显示上一次正确的版本",
                    ),
                    err=True,
                )
                continue
            state.update([])
            stamp = time.strftime("%H:%M:%S")
            click.echo(
                _say(
                    lang,
                    f"{stamp} rebuilt {result.rendered} pages, {len(result.changed)} files "
                    f"changed in {result.seconds * 1000:.0f} ms",
                    f"{stamp} 重新生成 {result.rendered} 个页面，{len(result.changed)} 个文件有"
                    f"变化，用时 {result.seconds * 1000:.0f} 毫秒",
                )
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
    Content that has errors when the preview starts is shown as its errors until they are fixed.
    """
    from generator.messages import current_lang

    run(content, out, "127.0.0.1", port, prefix, lang=current_lang())
