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


def page(kind: str, lang: str | None = None, key: str = "") -> str:
    """Site-relative path of a page's file, e.g. 'zh/targets/x/index.html'."""
    prefix = f"{lang}/" if lang else ""
    paths = {
        "choose": "index.html",
        "404": "404.html",
        "home": f"{prefix}index.html",
        "targets": f"{prefix}targets/index.html",
        "target": f"{prefix}targets/{key}/index.html",
        "section": f"{prefix}sections/{key}/index.html",
        "theme": f"{prefix}sections/{key}/index.html",  # key = "section/theme"
        "status": f"{prefix}status/{key}/index.html",
        "counties": f"{prefix}counties/index.html",
        "county": f"{prefix}counties/{key}/index.html",
        "report": f"{prefix}report/index.html",  # the one report (or the first, kept)
        "reports": f"{prefix}reports/index.html",  # every report, when there are several
        "report-text": f"{prefix}reports/{key}/index.html",  # key = report id
        "document": f"{prefix}documents/{key}/index.html",  # a source document (evidence)
        "about": f"{prefix}about/index.html",
        "glossary": f"{prefix}glossary/index.html",
        "changes": f"{prefix}changes/index.html",
        "changes-month": f"{prefix}changes/{key}/index.html",  # key = "2021-09"
        "data": f"{prefix}data/index.html",
        "search": f"{prefix}search/index.html",
        "print": f"{prefix}print/index.html",
        "embed-target": f"{prefix}embed/targets/{key}/index.html",
        "embed-map": f"{prefix}embed/map/index.html",
        "feed": f"{prefix}feed.xml",
    }
    return paths[kind]


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
