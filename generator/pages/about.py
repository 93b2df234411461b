"""The pages about the site: the language chooser at the root, the 404 page, about & method,
and the glossary."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from generator import hosting, progress, urls
from generator.pages.inputs import PlanInputs
from generator.pages.page import Page, page, site_name, titles
from generator.progress import STATUS_ORDER


def plan_shared(inputs: PlanInputs) -> Iterator[Page]:
    """The pages outside the language folders (their words come from the catalogue)."""
    site = inputs.site
    yield page(
        urls.page("choose"),
        "choose",
        None,
        "choose_language.html",
        inputs.common,
        page_title=site_name(site),
        description=site.info.title.zh,
    )
    title = inputs.t("notfound.title", "zh") + " / " + inputs.t("notfound.title", "en")
    yield page(
        urls.page("404"),
        "404",
        "zh",
        "404.html",
        inputs.common,
        **titles(site.info, "zh", title),
        notfound={
            "script": Markup(hosting.notfound_script()),
            "hash": Markup(hosting.notfound_hash()),
        },
    )


def plan(inputs: PlanInputs, lang: str) -> Iterator[Page]:
    site = inputs.site
    yield page(
        urls.page("about", lang),
        "about",
        lang,
        "about.html",
        inputs.common,
        **titles(site.info, lang, inputs.t("about.title", lang)),
        nav_current="about",
        statuses=STATUS_ORDER,
        tolerance=int(progress.TOLERANCE * 100),
    )
    yield page(
        urls.page("glossary", lang),
        "glossary",
        lang,
        "glossary.html",
        inputs.common,
        **titles(site.info, lang, inputs.t("glossary.title", lang)),
        nav_current="about",
        entries=site.glossary,
    )
