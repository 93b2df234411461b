"""Stage 4, render: Pages → bytes, with one Jinja2 environment for the whole build.

Autoescape everywhere, StrictUndefined, and no `|safe` on content: the only markup that reaches
a page unescaped is what markdown-it produced with raw HTML disabled (Block.html); every other
tag is the templates' own (the county map's SVG and the report's marks included). UI strings
come from the message catalogue (generator/catalogue/) through t().

Each page gets a PageContext (its file and language: link(), asset(), t()); the helpers the
templates call (badge, rows, piece, partial, …) are Jinja globals that read it from the template
context. What they render is kept, or not, by the cache the caller passes (incremental.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from pathlib import Path
from types import FunctionType, MethodType
from typing import Any

import jinja2
import jinja2.runtime
from jinja2.utils import _PassArg
from markupsafe import Markup, escape

from generator import urls
from generator.errors import Diagnostic, Pos, TemplateProblem
from generator.formats import date, figure, month, number, to_json
from generator.incremental import NO_CACHE, NoCache, RenderCache
from generator.load import display_path
from generator.write import template_cache

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
RUN = 64  # list items kept joined together by pieces() in a `serve` session
_HOLE = "\ue000{}\ue000"  # where partial() fills in a page's own value (a private-use mark)
# pieces that many pages of one build show alike, kept by a build too (like list rows): the
# county map's legend and table, on every county page of a language (pages/counties.py)
REPEATED = frozenset({"map_table"})


class Strings:
    """The UI strings, from the one message catalogue (generator/catalogue/)."""

    def __init__(self, folder: Path | None = None):
        from generator.catalogue import CatalogueError, catalogue, read_catalogue

        try:
            cat = catalogue() if folder is None else read_catalogue(folder)
        except CatalogueError as exc:
            problem = Diagnostic(Pos("generator/catalogue"), "catalogue_error", {"error": exc})
            raise TemplateProblem([problem]) from None
        self.data: Mapping[str, Mapping[str, str]] = cat.entries

    def get(self, key: str, lang: str, **values: Any) -> str:
        try:
            text = self.data[key][lang]
        except KeyError:
            raise jinja2.UndefinedError(
                f"unknown UI string '{key}' (add it to generator/catalogue/)"
            ) from None
        return text.format(**values) if values else text


class PageContext:
    """One page's address and language, and what its templates call: link(), asset(), t().

    Made once a page. Rows and pieces that many pages repeat are rendered with a `shared()`
    context instead, whose links climb to the language folder (or the root) and go down from
    there ("../../targets/x/", never the shorter "../x/" that only a sibling could use), so
    that markup is right on every page at the same depth and can be reused there."""

    __slots__ = ("file", "lang", "strings", "depth", "in_lang", "_origin")

    def __init__(self, file: str, lang: str | None, strings: Strings, shared: bool = False):
        self.file, self.lang, self.strings = file, lang, strings
        self.depth = file.count("/")
        self.in_lang = bool(lang) and file.startswith(f"{lang}/")
        self._origin = file
        if shared:
            up = "_/" * (self.depth - 1 if self.in_lang else self.depth)
            self._origin = (f"{lang}/" if self.in_lang else "") + up + "index.html"

    @property
    def where(self) -> tuple[str | None, int, bool]:
        """What shared markup depends on: language, depth, inside the language folder."""
        return (self.lang, self.depth, self.in_lang)

    def link(self, kind: str, key: str = "", fragment: str = "", in_lang: str | None = None) -> str:
        return urls.href(self._origin, urls.page(kind, in_lang or self.lang, key), fragment)

    def asset(self, path: str) -> str:
        return urls.href(self.file, path)

    def t(self, key: str, **values: Any) -> str:
        return self.strings.get(key, self.lang or "zh", **values)

    def t_in(self, lang: str, key: str, **values: Any) -> str:
        """t() in a given language, for the pages that show both (the chooser, the 404 page)."""
        return self.strings.get(key, lang, **values)


_UNSEEN = object()


class _Context(jinja2.runtime.Context):
    """Jinja's template context, with a quicker `call()` for the Python functions templates
    call thousands of times a page (t(), link(), asset()): whether a function wants the
    context, eval context or environment passed (jinja2.pass_context, …) is looked up once
    per function, not with three hasattr() at every call as Context.call does; what it does
    then is Context.call's own."""

    _pass_of: dict[Any, Any] = {}  # function → its _PassArg, or None

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805  # Jinja's own names
        __traceback_hide__ = True  # noqa: F841  # as in Context.call: left out of tracebacks
        kind = type(__obj)
        if kind is MethodType or kind is FunctionType:
            func = __obj.__func__ if kind is MethodType else __obj
            passes = __self._pass_of.get(func, _UNSEEN)
            if passes is _UNSEEN:
                if len(__self._pass_of) > 10_000:  # functions made on the fly: do not keep all
                    __self._pass_of.clear()
                passes = __self._pass_of[func] = _PassArg.from_obj(__obj)
            if passes is None:
                if kwargs:
                    kwargs.pop("_block_vars", None)
                    kwargs.pop("_loop_vars", None)
                try:
                    return __obj(*args, **kwargs)
                except StopIteration:
                    return __self.environment.undefined(
                        "value was undefined because a callable raised a StopIteration exception"
                    )
        return super().call(__obj, *args, **kwargs)


# Rendered rows and badges a one-off build keeps, the least recently used dropped first. The
# lists repeat a row on neighbouring pages, so a short memory finds nearly every repeat: at
# 10,000 targets the lists rendered 67,000 times with 10,000 kept against 65,000 with all kept,
# and their process held 130 MB instead of 200.
BUILD_KEPT = 10_000


class Renderer:
    """One Jinja2 environment for a build; render() turns one page into bytes.

    The templates' helpers are Jinja globals that read the page from the template context:
    `badge`, `icon`, `schedule`, `progress_bar` (macros/status.html), `rows`
    (macros/targets.html), `piece` and `pieces` (macros/pieces.html). What they render goes
    through `cache` (incremental.py): kept by a `serve` session, made afresh by a build.
    """

    def __init__(
        self,
        templates: Path = TEMPLATES,
        cache: NoCache | None = None,
        keep_pieces: bool = False,  # the former flag (serve): a RenderCache with pieces
    ):
        self.templates = templates
        # a one-off build keeps what its pages repeat (rows, badges), not its long pages' pieces
        self.cache = cache if cache is not None else RenderCache(BUILD_KEPT, keep_pieces)
        self._kept = self.cache if self.cache.pieces else NO_CACHE  # for piece() and pieces()
        self.strings = Strings()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # a build never sees templates change; serve makes a new Renderer
            bytecode_cache=template_cache(TEMPLATES.parent / ".cache" / "jinja"),
        )
        self.env.context_class = _Context
        self.env.filters.update(
            number=number, figure=figure, date=date, month=month, tojson=to_json
        )
        self.env.globals.update(
            urls=urls,
            badge=self.badge,
            icon=self.icon,
            schedule=self.schedule,
            progress_bar=self.progress_bar,
            rows=self.rows,
            partial=self.partial,
            piece=self.piece,
            pieces=self.pieces,
        )
        self._templates: dict[str, jinja2.Template] = {}
        # macro modules per (template, language, depth): their macros read page, t and link
        # from the module, so Python calls them with their own arguments only
        self._modules: dict[tuple[str, Any], Any] = {}
        self._shared: dict[tuple[str | None, int, bool], PageContext] = {}

    def template(self, name: str) -> jinja2.Template:
        if name not in self._templates:
            try:
                self._templates[name] = self.env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateProblem(
                    [_template_problem(self.templates, exc, exc.lineno)]
                ) from None
        return self._templates[name]

    def render(
        self, template: str, file: str, lang: str | None, context: Mapping[str, Any]
    ) -> bytes:
        page = PageContext(file, lang, self.strings)
        values = {
            **context,
            "page": page,
            "link": page.link,
            "asset": page.asset,
            "t": page.t,
            "lang": lang,
            "file": file,
        }
        try:
            html = self.template(template).render(values)
        except jinja2.UndefinedError as exc:
            raise TemplateProblem(
                [_template_problem(self.templates, exc, _lineno(exc), template)]
            ) from None
        return html.encode("utf-8")

    # -- the templates' helpers -------------------------------------------------------------

    def macros(self, name: str, page: PageContext) -> Any:
        """The macros of `name`, bound to the shared context of the page's language and depth."""
        key = (name, page.where)
        module = self._modules.get(key)
        if module is None:
            shared = self._shared_page(page)
            module = self._modules[key] = self.template(name).make_module(
                {"page": shared, "lang": shared.lang, "t": shared.t, "link": shared.link}
            )
        return module

    def _shared_page(self, page: PageContext) -> PageContext:
        shared = self._shared.get(page.where)
        if shared is None:
            shared = PageContext(page.file, page.lang, self.strings, shared=True)
            self._shared[page.where] = shared
        return shared

    @jinja2.pass_context
    def badge(self, ctx: Any, status: str, overdue: bool = False) -> Markup:
        page = ctx["page"]
        return self.cache.get(
            ("badge", page.lang, status, overdue),
            (),
            lambda: self.macros("macros/status.html", page).badge(status, overdue),
        )

    @jinja2.pass_context
    def icon(self, ctx: Any, status: str) -> Markup:
        page = ctx["page"]
        return self.cache.get(
            ("icon", status), (), lambda: self.macros("macros/status.html", page).icon(status)
        )

    @jinja2.pass_context
    def schedule(self, ctx: Any, value: str | None) -> Markup:
        page = ctx["page"]
        return self.cache.get(
            ("schedule", page.lang, value),
            (),
            lambda: self.macros("macros/status.html", page).schedule(value),
        )

    @jinja2.pass_context
    def progress_bar(self, ctx: Any, share: float | None, label: str) -> Markup:
        page = ctx["page"]
        return self.cache.get(
            ("progress", share, label),
            (),
            lambda: self.macros("macros/status.html", page).progress(share, label),
        )

    @jinja2.pass_context
    def partial(self, ctx: Any, name: str, **holes: str) -> Markup:
        """A partial that every page of a language and depth shows alike for the same current
        nav item (the header, the footer): rendered once, with the links of shared(), the
        page's `site` and `nav_current`, and the few values that differ from page to page
        (`holes`, such as the language switch's link) filled in afterwards."""
        page = ctx["page"]
        site, nav = ctx.get("site"), ctx.get("nav_current", "")
        several = bool(ctx.get("several_reports", False))  # the nav names "the reports"
        made = str(
            self.cache.get(
                ("partial", name, page.where, nav, several),
                (site,),
                lambda: self._partial(name, page, site, nav, holes, several),
            )
        )
        for key, value in holes.items():
            made = made.replace(_HOLE.format(key), str(escape(value)))
        return Markup(made)

    def _partial(
        self, name: str, page: PageContext, site: Any, nav: str, holes: Any, several: bool = False
    ) -> str:
        shared = self._shared_page(page)
        values = {"site": site, "nav_current": nav, "page": shared, "lang": shared.lang}
        values["several_reports"] = several
        values.update(t=shared.t, link=shared.link, asset=shared.asset)
        values.update({key: _HOLE.format(key) for key in holes})
        return self.template(name).render(values)

    @jinja2.pass_context
    def rows(
        self, ctx: Any, views: Any, show_section: bool = True, condense: bool = False
    ) -> Markup:
        """A list of commitments, one row each (macros/targets.html); with `condense`, those
        with no report at all follow the others in a collapsed group, so a long list shows
        first what is known."""
        page = ctx["page"]
        if condense:
            quiet = [v for v in views if v.status == "no_update"]
            if quiet and len(quiet) < len(views):
                told = [v for v in views if v.status != "no_update"]
                summary = page.t("targets.quiet_group", n=len(quiet))
                return Markup(
                    f"{self.rows(ctx, told, show_section)}\n"
                    f'<details class="quiet-group"><summary>{escape(summary)}</summary>\n'
                    f"{self.rows(ctx, quiet, show_section)}\n</details>"
                )
        row = self.macros("macros/targets.html", page).row
        get, where = self.cache.get, page.where
        body = "\n".join(
            [
                get(("row", where, show_section, id(v)), (v,), partial(row, v, show_section))
                for v in views
            ]
        )
        return Markup(f'<ul class="target-list">\n{body}\n</ul>')

    @jinja2.pass_context
    def piece(self, ctx: Any, name: str, *args: Any) -> Markup:
        """A repeated piece of a long page (macros/pieces.html): an update, a report
        paragraph, a printable row; kept by its arguments."""
        page = ctx["page"]
        return self._piece(self.macros("macros/pieces.html", page), page.where, name, args)

    def _piece(self, module: Any, where: Any, name: str, args: tuple[Any, ...]) -> Markup:
        key = (name, where, *map(id, args))
        kept = self.cache if name in REPEATED else self._kept
        return kept.get(key, args, lambda: getattr(module, name)(*args))

    @jinja2.pass_context
    def pieces(self, ctx: Any, name: str, items: Any) -> Markup:
        """piece() for each item (a tuple is spread into arguments), joined in Python: a
        10,000-row list pays no template loop. Runs of RUN items are kept joined too, so a
        kept 10,000-row page costs 160 comparisons, not 10,000 lookups, when one row changed."""
        page = ctx["page"]
        module, where = self.macros("macros/pieces.html", page), page.where

        def joined(run: Any) -> str:
            return "".join(
                [self._piece(module, where, name, i if isinstance(i, tuple) else (i,)) for i in run]
            )

        if len(items) <= RUN:
            return Markup(joined(items))
        out = []
        for start in range(0, len(items), RUN):
            run = tuple(items[start : start + RUN])
            first = run[0][0] if isinstance(run[0], tuple) else run[0]
            key = ("run", name, where, id(first), len(run))
            out.append(self._kept.get(key, run, partial(joined, run)))
        return Markup("".join(out))


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
        "template_error",
        {"error": exc},
        "template_error.hint",
    )
