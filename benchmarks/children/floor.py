"""The floor: `python -m benchmarks.children.floor CONTENT OUT PAGES WORKERS`.

The least a Python generator can do for the same number of pages: load the same files with
PyYAML's C loader, parse the report with markdown-it-py, render PAGES pages with Jinja2
(templates in floor_templates/, as rich as a plain site's) and write them, with as many worker
processes as the build uses. Full build ÷ floor is what validation, charts, data files and our
own templates cost on top. It imports nothing from `generator` on purpose (that would add the
generator's import time to the floor), so it keeps its own list of statuses.
"""

import time

_T0 = time.perf_counter()

LANGS = ("zh", "en")
STATUSES = ("achieved", "on_track", "in_progress", "at_risk", "missed", "not_started", "no_update")
NAV_KINDS = ("", "targets/", "counties/", "report/", "changes/", "data/", "about/")
CHUNK = 400  # pages per task, as generator/parallel.py splits them

_STATE: dict = {}  # set before the workers fork: the environment, the site, the pages, out


def _load(path):
    import yaml

    with open(path, "rb") as f:
        return yaml.load(f, Loader=yaml.CSafeLoader)


def load_content(content):
    """site, counties, sections, targets (with their status, section, theme, counties) and the
    report's blocks in both languages."""
    import os
    from collections import defaultdict

    data = {n: _load(content / f"{n}.yaml") for n in ("site", "counties")}
    # one report (report/, sections.yaml, targets/) or several (reports/<id>/, beyond 10,000
    # synthetic targets): their parts, targets and texts together, paragraph ids by report
    several = sorted((content / "reports").iterdir()) if (content / "reports").is_dir() else []
    data["sections"], targets, data["report"] = [], [], {lang: [] for lang in LANGS}
    if several:  # the footer names the (first) report, as site.yaml's report: does for one
        data["site"]["report"] = _load(several[0] / "report.yaml")
    for base in several or [content]:
        data["sections"] += _load(base / "sections.yaml")
        folder = base / "targets"
        got = [_load(folder / n) for n in sorted(os.listdir(folder)) if n.endswith(".yaml")]
        report = _report(base if several else content / "report")
        if several:
            for t in got:
                t["source"]["paragraph"] = f"{base.name}/{t['source']['paragraph']}"
            report = {k: [(f"{base.name}/{b[0]}", *b[1:]) for b in v] for k, v in report.items()}
        targets += got
        for lang in LANGS:
            data["report"][lang] += report[lang]
    sec_of = {s["id"]: s for s in data["sections"]}
    theme_of = {(s["id"], t["id"]): t for s in data["sections"] for t in s["themes"]}
    county_of = {c["id"]: c for c in data["counties"]}
    by_theme = defaultdict(list)
    for t in targets:
        ups = t.get("updates") or []
        t["_status"] = ups[-1]["status"] if ups else "no_update"
        t["_last"] = ups[-1] if ups else None
        t["_section"] = sec_of[t["section"]]
        t["_theme"] = theme_of[(t["section"], t["theme"])]
        t["_counties"] = [county_of[c] for c in t["counties"] if c != "all"]
        by_theme[(t["section"], t["theme"])].append(t)
    data["targets"], data["by_theme"] = targets, by_theme
    return data


def _report(texts):
    from markdown_it import MarkdownIt
    from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

    md = MarkdownIt("commonmark", {"html": False})
    md = md.use(attrs_block_plugin).use(attrs_plugin, spans=True)
    report = {}
    for lang in LANGS:
        tokens = md.parse((texts / f"{lang}.md").read_text("utf-8"))
        blocks = []
        for i, tok in enumerate(tokens):
            if tok.type in ("paragraph_open", "heading_open") and tok.level == 0:
                html = md.renderer.renderInline(tokens[i + 1].children, md.options, {})
                blocks.append((tok.attrGet("id"), tok.tag, html))
        report[lang] = blocks
    return report


def plan_pages(data, total_pages):
    """(file, template, context) of every page: each target's page in both languages, the
    lists, the report and the changes, then small cards up to `total_pages`."""
    from collections import defaultdict

    pages = []
    targets = data["targets"]
    para_en = {b[0]: b[2] for b in data["report"]["en"]}
    updates = sorted(
        ((u, t) for t in targets for u in t.get("updates") or ()),
        key=lambda p: (p[0]["date"], p[1]["id"]),
        reverse=True,
    )
    by_para = defaultdict(list)
    for t in targets:
        by_para[t["source"]["paragraph"]].append(t)
    for lang in LANGS:
        for t in targets:
            related = [r for r in data["by_theme"][(t["section"], t["theme"])] if r is not t][:12]
            ctx = dict(lang=lang, tg=t, title=t["title"][lang], description=t["_status"])
            ctx.update(current="targets/", related=related)
            ctx["para_en"] = para_en.get(t["source"]["paragraph"], "")
            pages.append((f"{lang}/targets/{t['id']}/index.html", "target.html", ctx))
        for rel, title, items, groups in _lists(data, lang):
            ctx = dict(lang=lang, title=title, description=title, items=items, groups=groups)
            pages.append((f"{lang}/{rel}", "list.html", {**ctx, "current": "targets/"}))
        ctx = dict(lang=lang, title="Report", description="Report", blocks=data["report"][lang])
        pages.append(
            (
                f"{lang}/report/index.html",
                "report.html",
                {**ctx, "by_para": by_para, "current": "report/"},
            )
        )
        ctx = dict(lang=lang, title="Changes", description="Changes", updates=updates)
        pages.append((f"{lang}/changes/index.html", "changes.html", {**ctx, "current": "changes/"}))
    i = 0
    while len(pages) < total_pages and targets:  # small per-target pages (the embed cards)
        t, lang = targets[(i // 2) % len(targets)], LANGS[i % 2]
        rel = (
            f"{lang}/embed/targets/{t['id']}/index.html"
            if i < 2 * len(targets)
            else f"{lang}/extra/{i}/index.html"
        )
        pages.append((rel, "card.html", {"lang": lang, "tg": t}))
        i += 1
    return pages


def _lists(data, lang):
    targets, sections, counties = data["targets"], data["sections"], data["counties"]
    groups = [(s, [t for t in targets if t["section"] == s["id"]]) for s in sections]
    lists = [
        ("index.html", "Home", targets[:8], []),
        ("targets/index.html", "Targets", targets, groups),
        ("print/index.html", "Print", targets, groups),
    ]
    lists += [(f"sections/{s['id']}/index.html", s["title"][lang], m, []) for s, m in groups]
    lists += [
        (f"status/{st}/index.html", st, [t for t in targets if t["_status"] == st], [])
        for st in STATUSES
    ]
    lists += [
        (
            f"counties/{c['id']}/index.html",
            c["name"][lang],
            [t for t in targets if c["id"] in t["counties"] or "all" in t["counties"]],
            [],
        )
        for c in counties
    ]
    names = ("counties", "about", "glossary", "data", "search")
    return lists + [(f"{name}/index.html", name, [], []) for name in names]


def _environment():
    from pathlib import Path

    import jinja2

    folder = Path(__file__).resolve().parent / "floor_templates"
    templates = {p.name: p.read_text("utf-8") for p in sorted(folder.glob("*.html"))}
    return jinja2.Environment(
        loader=jinja2.DictLoader(templates),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_span(span):
    """Render and write pages[span[0]:span[1]]; in a forked worker, or in this process."""
    import os

    env, site, out, nav = _STATE["env"], _STATE["site"], _STATE["out"], _STATE["nav"]
    made = set()
    for rel, template, ctx in _STATE["pages"][span[0] : span[1]]:
        html = env.get_template(template).render(
            root="../" * rel.count("/"),
            site=site,
            nav=nav[ctx["lang"]],
            path=rel.split("/", 1)[-1],
            **ctx,
        )
        path = out / rel
        if path.parent not in made:
            os.makedirs(path.parent, exist_ok=True)
            made.add(path.parent)
        with open(path, "wb") as f:
            f.write(html.encode("utf-8"))
    return span[1] - span[0]


def main() -> None:
    import json
    import resource
    import sys
    from pathlib import Path

    content, out = Path(sys.argv[1]), Path(sys.argv[2])
    total_pages, workers = int(sys.argv[3]), int(sys.argv[4])
    data = load_content(content)
    nav = {lang: [(k, k.rstrip("/") or "home") for k in NAV_KINDS] for lang in LANGS}
    _STATE.update(env=_environment(), site=data["site"], out=out, nav=nav)
    _STATE["pages"] = pages = plan_pages(data, total_pages)
    if workers <= 1:
        written = render_span((0, len(pages)))
    else:  # the same split as generator/parallel.py: chunks of pages to forked workers
        import multiprocessing

        spans = [(i, min(i + CHUNK, len(pages))) for i in range(0, len(pages), CHUNK)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            written = sum(pool.imap_unordered(render_span, spans))
    result = {
        "seconds": time.perf_counter() - _T0,
        "pages": written,
        "files": written,
        "workers": workers,
        "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
