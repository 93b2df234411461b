"""Stage 4, render: Pages → bytes, with one Jinja2 environment for the whole build.

Autoescape everywhere, StrictUndefined, and no `|safe` on content: the only markup that reaches
a page unescaped is what markdown-it produced with raw HTML disabled (Block.html) and SVG the
generator drew itself. UI strings come from the message catalogue (generator/catalogue/)
through t().
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from generator import urls
from generator.errors import Diagnostic, Pos, TemplateProblem
from generator.formats import date, figure, month, number, to_json
from generator.load import display_path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
RUN = 64  # list items kept joined together by pieces() in a `serve` session


def _bytecode_dir() -> Path:
    """Compiled templates are cached between runs (keyed by source), saving ~0.4 s a build."""
    folder = TEMPLATES.parent / ".cache" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        import tempfile

        folder = Path(tempfile.gettempdir()) / "hedong-open-jinja"
        folder.mkdir(exist_ok=True)
    return folder


class Strings:
    """The UI strings, from the one message catalogue (generator/catalogue/)."""

    def __init__(self, folder: Path | None = None):
        from generator.catalogue import CatalogueError, catalogue, read_catalogue

        try:
            cat = catalogue() if folder is None else read_catalogue(folder)
        except CatalogueError as exc:
            raise TemplateProblem([Diagnostic(Pos("generator/catalogue"), str(exc))]) from None
        self.data: Mapping[str, Mapping[str, str]] = cat.entries

    def get(self, key: str, lang: str, **values: Any) -> str:
        try:
            text = self.data[key][lang]
        except KeyError:
            raise jinja2.UndefinedError(
                f"unknown UI string '{key}' (add it to generator/catalogue/)"
            ) from None
        return text.format(**values) if values else text


class Renderer:
    """Holds the environment and strings; render() turns one page into bytes."""

    def __init__(self, templates: Path = TEMPLATES, keep_pieces: bool = False):
        self.templates = templates
        # piece() results are kept only where pages are rendered again (a `serve` session);
        # a one-off build renders each long page once and would only fill memory
        self.keep_pieces = keep_pieces
        self._pieces: dict[tuple[Any, ...], tuple[tuple[Any, ...], Markup]] = {}
        self.strings = Strings()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # a build never sees templates change; serve makes a new Renderer
            bytecode_cache=jinja2.FileSystemBytecodeCache(str(_bytecode_dir())),
        )
        self.env.filters.update(
            number=number, figure=figure, date=date, month=month, tojson=to_json
        )
        self.env.globals.update(urls=urls)
        self._cache: dict[str, jinja2.Template] = {}
        self._rows: dict[tuple[int, str, int, bool], tuple[Any, Markup]] = {}
        self._fragments: dict[tuple[Any, ...], Markup] = {}

    def template(self, name: str) -> jinja2.Template:
        if name not in self._cache:
            try:
                self._cache[name] = self.env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateProblem(
                    [_template_problem(self.templates, exc, exc.lineno)]
                ) from None
        return self._cache[name]

    def render(
        self, template: str, file: str, lang: str | None, context: Mapping[str, Any]
    ) -> bytes:
        def link(kind: str, key: str = "", fragment: str = "", in_lang: str | None = None) -> str:
            return urls.href(file, urls.page(kind, in_lang or lang, key), fragment)

        def asset(path: str) -> str:
            return urls.href(file, path)

        def t(key: str, **values: Any) -> str:
            return self.strings.get(key, lang or "zh", **values)

        # Rows, headers and footers are cached per language and page depth, so the links in
        # them must work from every page at that depth, not only from the first page that
        # rendered them: they climb to the language folder (or the root) and go down from
        # there ("../../targets/x/", never the shorter "../x/" that only a sibling could use).
        depth = file.count("/")
        in_lang = bool(lang) and file.startswith(f"{lang}/")
        anywhere = (f"{lang}/" + "_/" * (depth - 1) if in_lang else "_/" * depth) + "index.html"

        def shared_link(
            kind: str, key: str = "", fragment: str = "", in_lang: str | None = None
        ) -> str:
            return urls.href(anywhere, urls.page(kind, in_lang or lang, key), fragment)

        def row(view: Any, show_section: bool = True) -> Markup:
            """One list row, rendered once per (view, language, page depth) and reused."""
            key = (id(view), lang or "zh", depth, in_lang, show_section)
            hit = self._rows.get(key)
            if hit is None or hit[0] is not view:
                macro = self.template("macros/targets.html").module.row  # type: ignore[attr-defined]
                hit = (view, Markup(macro(view, lang, t, shared_link, show_section)))
                self._rows[key] = hit
            return hit[1]

        def piece(name: str, *args: Any) -> Markup:
            """A repeated piece of a long page (macros/pieces.html): an update, a report
            paragraph, a printable row. Kept by the identity of its arguments (unchanged
            targets keep their objects between rebuilds) and reused while they are equal."""
            key = (name, lang, depth, in_lang, *map(id, args))
            hit = self._pieces.get(key) if self.keep_pieces else None
            if hit is None or hit[0] != args:
                macro = getattr(self.template("macros/pieces.html").module, name)
                hit = (args, Markup(macro(*args, lang, t, shared_link)))
                if self.keep_pieces:
                    self._pieces[key] = hit
            return hit[1]

        def joined(name: str, items: Any) -> str:
            return "".join(
                [piece(name, *i) if isinstance(i, tuple) else piece(name, i) for i in items]
            )

        def pieces(name: str, items: Any) -> Markup:
            """piece() for each item (a tuple is spread into arguments), joined in Python:
            a 10,000-row list pays no template loop. In a `serve` session runs of RUN items
            are kept joined too, so a 10,000-row page costs 160 comparisons, not 10,000
            lookups, when one row changed."""
            if not self.keep_pieces or len(items) <= RUN:
                return Markup(joined(name, items))
            out = []
            for start in range(0, len(items), RUN):
                run = tuple(items[start : start + RUN])
                first = run[0][0] if isinstance(run[0], tuple) else run[0]
                key = ("run", name, lang, depth, in_lang, id(first), len(run))
                hit = self._pieces.get(key)
                if hit is None or hit[0] != run:
                    hit = self._pieces[key] = (run, Markup(joined(name, run)))
                out.append(hit[1])
            return Markup("".join(out))

        def rows(views: Any, show_section: bool = True, condense: bool = False) -> Markup:
            """A list of commitments; with `condense`, those with no report at all follow
            the others in a collapsed group, so a long list shows first what is known."""
            if condense:
                quiet = [v for v in views if v.status == "no_update"]
                if quiet and len(quiet) < len(views):
                    told = [v for v in views if v.status != "no_update"]
                    summary = t("targets.quiet_group", n=len(quiet))
                    return Markup(
                        f"{rows(told, show_section)}\n"
                        f'<details class="quiet-group"><summary>{escape(summary)}</summary>\n'
                        f"{rows(quiet, show_section)}\n</details>"
                    )
            body = "\n".join(row(v, show_section) for v in views)
            return Markup(f'<ul class="target-list">\n{body}\n</ul>')

        def cached(key: tuple[Any, ...], make: Callable[[], Any]) -> Markup:
            hit = self._fragments.get(key)
            if hit is None:
                hit = self._fragments[key] = Markup(make())
            return hit

        def status_macro(name: str) -> Any:
            return getattr(self.template("macros/status.html").module, name)

        def badge(status: str, overdue: bool = False) -> Markup:
            return cached(
                ("badge", lang, status, overdue),
                lambda: status_macro("badge")(status, t, overdue),
            )

        def icon(status: str) -> Markup:
            return cached(("icon", status), lambda: status_macro("icon")(status))

        def schedule(value: str | None) -> Markup:
            return cached(("schedule", lang, value), lambda: status_macro("schedule")(value, t))

        def progress_bar(share: float | None, label: str) -> Markup:
            return cached(
                ("progress", share, label), lambda: status_macro("progress")(share, label)
            )

        def fragment(name: str) -> Markup:
            """A partial that depends only on language, page depth and the current nav item
            (header, footer): rendered once per combination, not once per page."""
            site, nav = context.get("site"), context.get("nav_current", "")
            return cached(
                ("fragment", name, lang, depth, in_lang, nav, site),
                lambda: self.template(name).render(
                    {
                        "site": site,
                        "nav_current": nav,
                        "lang": lang,
                        "link": shared_link,
                        "asset": asset,
                        "t": t,
                    }
                ),
            )

        helpers: dict[str, Callable[..., Any]] = {
            "link": link,
            "asset": asset,
            "t": t,
            "rows": rows,
            "piece": piece,
            "pieces": pieces,
            "badge": badge,
            "icon": icon,
            "schedule": schedule,
            "progress_bar": progress_bar,
            "fragment": fragment,
        }
        try:
            html = self.template(template).render(
                {**context, **helpers, "lang": lang, "file": file}
            )
        except jinja2.UndefinedError as exc:
            raise TemplateProblem(
                [_template_problem(self.templates, exc, _lineno(exc), template)]
            ) from None
        return html.encode("utf-8")


def _lineno(exc: BaseException) -> int:
    tb = exc.__traceback__
    line = 1
    while tb is not None:
        if (
            tb.tb_frame.f_code.co_filename.endswith(".html")
            or "template" in tb.tb_frame.f_code.co_name
        ):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _template_problem(
    folder: Path, exc: Exception, line: int | None, name: str | None = None
) -> Diagnostic:
    file = getattr(exc, "filename", None) or str(folder / (name or "?"))
    return Diagnostic(
        Pos(display_path(Path(file)), line or 1),
        f"template error: {exc}",
        "this is a template problem, not a content problem",
    )
