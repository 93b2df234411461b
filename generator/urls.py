"""The output layout: where each page lives (the numbered pages of a long list, page/2/ …,
are made from these paths by plan._paged).

Every page is a directory with an index.html, so URLs are clean (`/zh/targets/<id>/`) on any
static host. Links are made relative to the page that holds them, so the site works at a domain
root or under any sub-path without configuration.
"""

from __future__ import annotations

LANGS = ("zh", "en")
HTML_LANG = {"zh": "zh-Hans", "en": "en"}
OG_LOCALE = {"zh": "zh_CN", "en": "en_US"}


# kind → (the path before the key, the path after it; None: the kind takes no key)
_PAGES: dict[str, tuple[str, str | None]] = {
    "home": ("index.html", None),
    "targets": ("targets/index.html", None),
    "target": ("targets/", "/index.html"),
    "section": ("sections/", "/index.html"),
    "theme": ("sections/", "/index.html"),  # key = "section/theme"
    "status": ("status/", "/index.html"),
    "counties": ("counties/index.html", None),
    "county": ("counties/", "/index.html"),
    "report": ("report/index.html", None),  # the one report (or the first, kept)
    "reports": ("reports/index.html", None),  # every report, when there are several
    "report-text": ("reports/", "/index.html"),  # key = report id
    "document": ("documents/", "/index.html"),  # a source document (evidence)
    "about": ("about/index.html", None),
    "glossary": ("glossary/index.html", None),
    "changes": ("changes/index.html", None),
    "changes-month": ("changes/", "/index.html"),  # key = "2021-09"
    "data": ("data/index.html", None),
    "search": ("search/index.html", None),
    "print": ("print/index.html", None),
    "embed-target": ("embed/targets/", "/index.html"),
    "embed-map": ("embed/map/index.html", None),
    "feed": ("feed.xml", None),
}
_ROOT_PAGES = {"choose": "index.html", "404": "404.html"}  # outside the language folders


def page(kind: str, lang: str | None = None, key: str = "") -> str:
    """Site-relative path of a page's file, e.g. 'zh/targets/x/index.html'."""
    if kind in _ROOT_PAGES:
        return _ROOT_PAGES[kind]
    head, tail = _PAGES[kind]
    prefix = f"{lang}/" if lang else ""
    return prefix + head if tail is None else prefix + head + key + tail


def href(from_file: str, to_file: str, fragment: str = "") -> str:
    """Relative link from one output file to another; directory pages end in '/'.

    Written out by hand (not posixpath.relpath, which normalises against the real disk and is
    the slowest call of a build): both paths are clean site-relative paths.
    """
    target = to_file[: -len("index.html")] if to_file.endswith("index.html") else to_file
    here = from_file.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    rel = "../" * (len(here) - common) + "/".join(there[common:])
    if not rel:
        return f"#{fragment}" if fragment else "./"
    return rel + (f"#{fragment}" if fragment else "")


def absolute(base_url: str | None, file: str) -> str | None:
    """Absolute URL of an output file when a base URL is configured (canonical, hreflang)."""
    if not base_url:
        return None
    path = file[: -len("index.html")] if file.endswith("index.html") else file
    return base_url + path


def other_lang(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


def swap_lang(file: str, lang: str) -> str:
    """The same page in the other language: the paths differ only in the first segment."""
    return other_lang(lang) + file[len(lang) :]
