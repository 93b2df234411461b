"""What every command shares: the staff's language, its words from the message catalogue
(`generator/catalogue/cli.yaml`), help pages in that language, lazy loading of commands and
the one `--content` option.

The language is `--lang`, else the `HEDONG_LANG` environment variable, else `staff_lang:` in
the command's content/site.yaml, else the system locale (`messages.default_lang`). A help page
is printed before the command line is fully read, so its language is found from the raw
arguments (`--lang`, `--content`) the same way.

Help texts are catalogue entries, looked up when a page is printed: a command's description is
`<prefix>.help` (its line in the command list `<prefix>.short`), an option's `<prefix>.opt.<name>`
(else the shared `cli.opt.<name>`), where the prefix is `cli.<command name>` unless the command
sets `texts=`. Click's own words ("Usage:", "Options:", its error messages) are gettext
message ids; their Chinese is in the catalogue under `click.*` (each entry's `en` is click's
exact id) and is given to click through its `_` / `ngettext` hooks.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from generator.catalogue import LANGS, catalogue, text

CONTENT = Path("content")

# the language click's own words are shown in (set whenever a command line is read)
_now = {"lang": "en"}


# -- the language ----------------------------------------------------------------------------


def lang() -> str:
    """The language of the running command (its --lang or --content decide; see the module)."""
    from generator.messages import current_lang

    chosen = current_lang(CONTENT)
    _now["lang"] = chosen
    return chosen


def last_lang() -> str:
    """The language last chosen in this process (for words printed after click has exited)."""
    return _now["lang"]


def say(key: str, /, **values: Any) -> str:
    """A catalogue text in the running command's language."""
    return text(key, lang(), **values)


def _option(args: Sequence[str], name: str) -> str | None:
    """The value of `name` among raw arguments (`--x v` or `--x=v`), else None."""
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def help_lang(ctx: click.Context) -> str:
    """The language of a help page or usage error: as `lang()` would choose it, from the
    arguments read so far (the command's own `--content` counts)."""
    from generator.messages import default_lang

    root = ctx.find_root()
    if isinstance(root.obj, dict) and root.obj.get("lang") in LANGS:
        return str(root.obj["lang"])
    chosen = _option(root.meta.get("hedong.args", ()), "--lang")
    if chosen in LANGS:
        return chosen
    content = _option(ctx.meta.get(f"hedong.args:{ctx.info_name}", ()), "--content")
    return default_lang(Path(content) if content else CONTENT)


# -- click's own words -----------------------------------------------------------------------


def _click_zh() -> dict[str, str]:
    cat = catalogue()
    return {cat.entries[k]["en"]: cat.entries[k]["zh"] for k in cat.keys("click.")}


def _gettext(message: str) -> str:
    if _now["lang"] != "zh":
        return message
    return _click_zh().get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def _hook_click() -> None:
    """Give click's gettext calls the catalogue's Chinese (exact message ids, no patterns)."""
    from click import core, decorators, exceptions, formatting, parser, termui, types

    for module in (core, decorators, exceptions, formatting, parser, termui, types):
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]


_hook_click()


# -- help from the catalogue -----------------------------------------------------------------


def localise(command: click.Command, ctx: click.Context, lang: str, prefix: str) -> None:
    """Set a command's help texts (description, options, metavars) to `lang`'s, from the
    catalogue entries under `prefix`. Entries that do not exist leave a text as it is."""
    cat = catalogue()
    _now["lang"] = lang
    help_option = command.get_help_option(ctx)
    if help_option is not None:
        help_option.help = cat.text("cli.opt.help", lang)
    if f"{prefix}.help" in cat:  # a line "\\b" is click's "keep these lines as written"
        command.help = cat.text(f"{prefix}.help", lang).replace("\\b\n", "\b\n")
    if f"{prefix}.short" in cat:
        command.short_help = cat.text(f"{prefix}.short", lang)
    command.options_metavar = cat.text("cli.metavar.options", lang)
    if isinstance(command, click.Group):
        command.subcommand_metavar = cat.text("cli.metavar.command", lang)
    for param in command.params:
        if not isinstance(param, click.Option):
            continue
        for key in (f"{prefix}.opt.{param.name}", f"cli.opt.{param.name}"):
            if key in cat:
                param.help = cat.text(key, lang)
                break


class _Formatter(click.HelpFormatter):
    """Click's help layout, with the headings' colon in the language of the page."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = _gettext("Usage:") + ("" if _now["lang"] == "zh" else " ")
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        colon = "：" if _now["lang"] == "zh" else ":"
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")


class _Context(click.Context):
    formatter_class = _Formatter


class _Localised(click.Command):
    """Under click's Command and Group: remembers the raw arguments (for help_lang) and shows
    help and usage errors in the staff's language."""

    context_class: type[click.Context] = _Context

    def __init__(self, *args: Any, texts: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.texts = texts  # the catalogue prefix of its help texts, else cli.<name>

    def _prefix(self) -> str:
        return self.texts or f"cli.{self.name}"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:
            ctx.meta["hedong.args"] = list(args)
        ctx.meta[f"hedong.args:{ctx.info_name}"] = list(args)
        localise(self, ctx, help_lang(ctx), self._prefix())
        return super().parse_args(ctx, args)

    def get_help(self, ctx: click.Context) -> str:
        localise(self, ctx, help_lang(ctx), self._prefix())
        return super().get_help(ctx)

    def get_short_help_str(self, limit: int = 45) -> str:
        key = f"{self._prefix()}.short"
        if key in catalogue():
            return catalogue().text(key, _now["lang"])
        return super().get_short_help_str(limit)


class Command(_Localised):
    """A command whose help and messages follow the staff's language."""


class LazyGroup(_Localised, click.Group):
    """A group whose commands are imported only when one is run or its help is shown
    (`lazy`: name → "module:attribute"); the list of commands comes from the catalogue."""

    command_class = Command

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(self.lazy))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands or cmd_name not in self.lazy:
            return self.commands.get(cmd_name)
        module, attribute = self.lazy[cmd_name].split(":")
        command = getattr(importlib.import_module(module), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{self.lazy[cmd_name]} is not a click command")
        self.add_command(command, cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list without importing any command: each line from the catalogue."""
        lang = help_lang(ctx)
        rows = [(name, text(f"cli.{name}.short", lang)) for name in self.list_commands(ctx)]
        with formatter.section(_gettext("Commands")):
            formatter.write_dl(rows)


def content_option() -> Callable[[Any], Any]:
    """The `--content DIR` option of every command that reads the content. Its help is
    `cli.opt.content` (a command may have its own, `<prefix>.opt.content`)."""
    return click.option(
        "--content",
        type=click.Path(path_type=Path),
        default=CONTENT,
        show_default=True,
        metavar="DIR",
        help=text("cli.opt.content", "en"),
    )
