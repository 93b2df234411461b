"""The language of staff messages: staff choose it with --lang, the HEDONG_LANG environment
variable or `staff_lang:` in content/site.yaml (else the system locale decides).

The messages themselves are in the one catalogue (generator/catalogue/): a diagnostic carries
a message id, written in the chosen language by `Diagnostic.format(lang)`.
"""

from __future__ import annotations

import locale
import os
import re
from pathlib import Path

LANG_VARIABLE = "HEDONG_LANG"
_STAFF_LANG = re.compile(r"""^staff_lang:[ \t]*["']?(zh|en)["']?[ \t]*(?:#.*)?$""", re.M)


def site_lang(content: Path) -> str | None:
    """`staff_lang:` of content/site.yaml, read as a line (so it still counts when the file has
    a mistake elsewhere, whose message should then be in that language too)."""
    try:
        text = (Path(content) / "site.yaml").read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    match = _STAFF_LANG.search(text)
    return match.group(1) if match else None


def default_lang(content: Path | None = None) -> str:
    """The language of staff messages when --lang is not given: the HEDONG_LANG environment
    variable (zh or en), else `staff_lang:` in the content's site.yaml, else zh when the
    system locale is Chinese and en otherwise."""
    chosen = os.environ.get(LANG_VARIABLE, "").strip().lower()[:2]
    if chosen in ("zh", "en"):
        return chosen
    if content is not None:
        from_site = site_lang(content)
        if from_site:
            return from_site
    return _locale_lang()


def _locale_lang() -> str:
    """zh when the system locale is Chinese, else en."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "zh" if loc.lower().startswith("zh") else "en"


def current_lang(default_content: Path = Path("content")) -> str:
    """The language of the running command: --lang, or default_lang() for the command's own
    --content folder (click's current context; en outside a command)."""
    import click

    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return default_lang(default_content)
    root = ctx.find_root()
    if not isinstance(root.obj, dict):
        root.obj = {}
    chosen = root.obj.get("lang")
    if isinstance(chosen, str) and chosen:
        return chosen
    content = ctx.params.get("content")
    lang = default_lang(content if isinstance(content, Path) else default_content)
    root.obj["lang"] = lang
    return lang
