# ruff: noqa: E501  (the floor's HTML templates below are embedded as long lines)
"""`python -m generator bench`: synthetic 100 / 1,000 / 10,000-target builds, against a floor.

For each size, in the same run and on the same disk:

* full: `generator.build.build(content, out)` (load, validate, plan, render, data files, write;
  no search index) in a fresh Python process per round, so import time and caches are honest;
* floor: the least a Python generator can do for the same number of pages (PyYAML's C loader,
  markdown-it-py and Jinja2, nothing else: a bare Jinja2 loop),
  measured the same way; full ÷ floor is what validation, charts, data files and our templates
  cost on top;
* incremental: `generator.session.Session(...).rebuild({one target file})`.

Each round runs in a child process that starts its clock before its first import and prints one
JSON line {seconds, pages, files, maxrss_kb}; the parent reaps it with os.wait4, whose rusage is
that one child's (peak RSS per child, not the running maximum RUSAGE_CHILDREN keeps; CPU time
including the workers it reaped). A build that renders in worker processes (generator/parallel.py)
has no single peak, so the parent also samples the PSS of the child's whole process tree every
0.1 s. The floor renders with as many workers as the build uses for that many pages.

Timings on a shared machine are noisy: the table reports the minimum (and median) of the rounds,
CPU seconds, and the load average is stored with every round. Outputs are moved aside between
rounds (a rename) and deleted by a background `rm -rf` when measuring is over.
Outputs go to /dev/shm by default (see default_work_root: this VM's disk varies 4× from minute
to minute); `--out-dir /tmp/x` measures on the disk instead.

The incremental child edits one target nine times (its status changes, an update is appended)
and reports the median of the edits after the first, with the first beside it: the first edit
after `serve` starts, no slower than later ones since the session's first build fills what
edits reuse (session.full).

Then the reader's side (generator/pagebench.py, `--no-pages` skips it): the real site in
Debian's Chromium as a slow phone (first load, first search, LCP, CLS per page type) and
Lighthouse's mobile scores. Last, one table of every goal with its figure and met / not met.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import click

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = "100,1000,10000"
DEFAULT_JSON = Path(".cache/bench.json")
SEED = 2021

# -- child processes ---------------------------------------------------------------------------

FULL_CHILD = """\
import time; _t0 = time.perf_counter()
import json, resource, sys
from pathlib import Path
from generator.build import build
r = build(Path(sys.argv[1]), Path(sys.argv[2]))
seconds = time.perf_counter() - _t0
print(json.dumps({"seconds": seconds, "inner_seconds": r.seconds, "pages": r.pages,
                  "files": r.files, "bytes": r.bytes,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

# The floor: load the same files, render the same number of pages with Jinja2, write them.
FLOOR_CHILD = r'''
import time; _t0 = time.perf_counter()
import json, os, resource, sys
from collections import defaultdict
from pathlib import Path
import jinja2, yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

content, out, total_pages, workers = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
LANGS = ("zh", "en")
STATUSES = ("achieved", "on_track", "in_progress", "at_risk", "missed", "not_started", "no_update")
L = yaml.CSafeLoader

def load(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=L)

site = load(content / "site.yaml")
counties = load(content / "counties.yaml")
sections = load(content / "sections.yaml")
folder = content / "targets"
targets = [load(folder / n) for n in sorted(os.listdir(folder)) if n.endswith(".yaml")]

md = MarkdownIt("commonmark", {"html": False}).use(attrs_block_plugin).use(attrs_plugin, spans=True)
report = {}
for lang in LANGS:
    tokens = md.parse((content / "report" / f"{lang}.md").read_text("utf-8"))
    blocks = []
    for i, tok in enumerate(tokens):
        if tok.type in ("paragraph_open", "heading_open") and tok.level == 0:
            html = md.renderer.renderInline(tokens[i + 1].children, md.options, {})
            blocks.append((tok.attrGet("id"), tok.tag, html))
    report[lang] = blocks
para = {lang: {b[0]: b[2] for b in report[lang]} for lang in LANGS}

sec_of = {s["id"]: s for s in sections}
theme_of = {(s["id"], t["id"]): t for s in sections for t in s["themes"]}
county_of = {c["id"]: c for c in counties}
by_theme = defaultdict(list)
for t in targets:
    ups = t.get("updates") or []
    t["_status"] = ups[-1]["status"] if ups else "no_update"
    t["_last"] = ups[-1] if ups else None
    t["_section"] = sec_of[t["section"]]
    t["_theme"] = theme_of[(t["section"], t["theme"])]
    t["_counties"] = [county_of[c] for c in t["counties"] if c != "all"]
    by_theme[(t["section"], t["theme"])].append(t)

TEMPLATES = {
"base.html": """<!DOCTYPE html>
<html lang="{{ 'zh-Hans' if lang == 'zh' else 'en' }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'">
<title>{{ title }} - {{ site.title[lang] }}</title>
<meta name="description" content="{{ description }}">
<meta property="og:title" content="{{ title }}"><meta property="og:description" content="{{ description }}">
<meta property="og:site_name" content="{{ site.title[lang] }}"><meta property="og:locale" content="{{ 'zh_CN' if lang == 'zh' else 'en_US' }}">
<link rel="stylesheet" href="{{ root }}assets/css/site.css"><link rel="icon" href="{{ root }}assets/favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" href="{{ root }}{{ lang }}/feed.xml" title="{{ site.title[lang] }}">
<script src="{{ root }}assets/js/site.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">{{ 'Skip to content' if lang == 'en' else '跳到正文' }}</a>
<header class="site-header"><div class="wrap header-row">
<a class="brand" href="{{ root }}{{ lang }}/"><svg class="brand-mark" aria-hidden="true" viewBox="0 0 32 32" width="32" height="32"><rect width="32" height="32" rx="6"/><path d="M8 17l5 5 11-12" fill="none" stroke-width="3.2"/></svg><span class="brand-name">{{ site.title[lang] }}</span></a>
<form class="search-form" role="search" action="{{ root }}{{ lang }}/search/" method="get"><label for="q" class="visually-hidden">Search</label><input id="q" name="q" type="search"><button type="submit">{{ 'Search' if lang == 'en' else '搜索' }}</button></form>
<a class="lang-switch" href="{{ root }}{{ 'en' if lang == 'zh' else 'zh' }}/{{ path }}" hreflang="{{ 'en' if lang == 'zh' else 'zh-Hans' }}">{{ 'English' if lang == 'zh' else '中文' }}</a>
</div>
<nav class="site-nav"><ul class="wrap">{% for kind, label in nav %}<li><a href="{{ root }}{{ lang }}/{{ kind }}"{% if kind == current %} aria-current="page"{% endif %}>{{ label }}</a></li>{% endfor %}</ul></nav>
</header>
<main id="main" tabindex="-1" data-pagefind-body>{% block main %}{% endblock %}</main>
<footer class="site-footer"><div class="wrap"><p>{{ site.report.title[lang] }}, {{ site.report.session[lang] }}.</p>
<p>Licence: <a href="{{ site.licence.url }}" rel="license">{{ site.licence.id }}</a> · <a href="{{ root }}{{ lang }}/glossary/">Glossary</a> · <a href="{{ root }}{{ lang }}/data/">Data</a></p>
<p class="muted">{{ site.publisher[lang] }}</p></div></footer>
</body></html>
""",
"macros.html": """{% macro icon(status) -%}
<svg class="status-icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
{%- if status == 'achieved' %}<circle cx="8" cy="8" r="7"/><path d="M4.5 8.3l2.3 2.3 4.7-5" class="mark"/>
{%- elif status == 'on_track' %}<circle cx="8" cy="8" r="7"/><path d="M5 10.5l5.5-5.5M6.5 5h4v4" class="mark"/>
{%- elif status == 'in_progress' %}<circle cx="8" cy="8" r="7" class="ring"/><path d="M8 1a7 7 0 0 1 0 14z"/>
{%- elif status == 'at_risk' %}<path d="M8 1.2l7 13H1z"/><path d="M8 6v4M8 11.6v.4" class="mark"/>
{%- elif status == 'missed' %}<circle cx="8" cy="8" r="7"/><path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" class="mark"/>
{%- else %}<circle cx="8" cy="8" r="6.2" class="ring dashed"/>{%- endif %}</svg>
{%- endmacro %}
{% macro badge(status) -%}<span class="badge status-{{ status }}">{{ icon(status) }}<span>{{ status|replace('_', ' ') }}</span></span>{%- endmacro %}
{% macro row(t, lang, root) -%}
<li class="target-row" data-status="{{ t._status }}" data-section="{{ t.section }}" data-theme="{{ t.theme }}" data-counties="{{ t.counties|join(' ') }}" data-deadline="{{ t.deadline }}">
<a class="target-title" href="{{ root }}{{ lang }}/targets/{{ t.id }}/">{{ t.title[lang] }}</a>
<div class="target-meta">{{ badge(t._status) }}{% if t._last %}<span class="muted">{{ t._last.date }}</span>{% endif %}<span class="muted">{{ t._theme.title[lang] }}</span></div>
</li>
{%- endmacro %}
{% macro list(items, lang, root) -%}<ul class="target-list">{% for t in items %}{{ row(t, lang, root) }}{% endfor %}</ul>{%- endmacro %}
""",
"target.html": """{% extends "base.html" %}{% import "macros.html" as m %}
{% block main %}<div class="wrap narrow">
<nav class="breadcrumbs"><ol><li><a href="{{ root }}{{ lang }}/targets/">Targets</a></li><li><a href="{{ root }}{{ lang }}/sections/{{ tg._section.id }}/">{{ tg._section.number[lang] }} {{ tg._section.title[lang] }}</a></li></ol></nav>
<h1 data-pagefind-meta="title">{{ tg.title[lang] }}</h1>
<div class="target-status">{{ m.badge(tg._status) }}{% if tg._last %}<span>as of <time datetime="{{ tg._last.date }}">{{ tg._last.date }}</time></span>{% endif %}</div>
<section class="quote-block"><h2>{{ 'The report says' if lang == 'en' else '报告原文' }}</h2><blockquote lang="zh-Hans"><p>{{ tg.source.quote }}</p></blockquote>
<p><a href="{{ root }}{{ lang }}/report/#{{ tg.source.paragraph }}">§{{ tg.source.paragraph }}</a></p>
{% if lang == 'en' %}<details><summary>Translation of the paragraph</summary><p>{{ para_en }}</p></details>{% endif %}</section>
<dl class="facts">
<div><dt>Metric</dt><dd>{{ tg.metric.kind if tg.metric else 'qualitative' }}{% if tg.metric and tg.metric.kind == 'quantity' %}: {{ tg.metric.comparator }} <strong>{{ tg.metric.target }}</strong> {{ tg.metric.unit[lang] }}{% endif %}</dd></div>
<div><dt>Deadline</dt><dd><time datetime="{{ tg.deadline }}">{{ tg.deadline }}</time></dd></div>
<div><dt>Section</dt><dd><a href="{{ root }}{{ lang }}/sections/{{ tg.section }}/">{{ tg._section.title[lang] }}</a></dd></div>
<div><dt>Theme</dt><dd>{{ tg._theme.title[lang] }}</dd></div>
<div><dt>Counties</dt><dd>{% if not tg._counties %}{{ 'All counties' if lang == 'en' else '全市' }}{% else %}{% for c in tg._counties %}<a href="{{ root }}{{ lang }}/counties/{{ c.id }}/">{{ c.name[lang] }}</a>{% if not loop.last %}, {% endif %}{% endfor %}{% endif %}</dd></div>
</dl>
<section><h2>{{ 'History' if lang == 'en' else '进展记录' }}</h2>
{% if tg.updates %}<ol class="history" reversed>{% for u in tg.updates|reverse %}<li>
<p class="update-head"><time datetime="{{ u.date }}">{{ u.date }}</time> {{ m.badge(u.status) }}{% if u.value is defined %} <strong>{{ u.value }} {{ tg.metric.unit[lang] }}</strong>{% endif %}</p>
{% if u.note %}<p>{{ u.note[lang] }}</p>{% endif %}
{% if u.counties %}<table><tbody>{% for c, v in u.counties.items() %}<tr><th scope="row">{{ c }}</th><td>{{ v }}</td></tr>{% endfor %}</tbody></table>{% endif %}
<p class="source">Source: {% if u.source %}<a href="{{ u.source.url }}" rel="noopener noreferrer external">{{ u.source.title }}</a>{% else %}none{% endif %}</p>
</li>{% endfor %}</ol>{% else %}<p class="empty-state">{{ m.badge('no_update') }} No update yet.</p>{% endif %}</section>
{% if related %}<section><h2>{{ 'Related' if lang == 'en' else '相关承诺' }}</h2>{{ m.list(related, lang, root) }}</section>{% endif %}
<section class="cite"><h2>{{ 'Cite or embed' if lang == 'en' else '引用与嵌入' }}</h2>
<pre>{{ site.publisher[lang] }}. “{{ tg.title[lang] }}”. {{ site.title[lang] }}{% if tg._last %}, {{ tg._last.date }}{% endif %}. {{ root }}{{ lang }}/targets/{{ tg.id }}/</pre>
<details><summary>{{ 'Embed this commitment' if lang == 'en' else '嵌入此承诺' }}</summary><textarea readonly rows="3">&lt;iframe src="{{ root }}{{ lang }}/embed/targets/{{ tg.id }}/" width="100%" height="240" title="{{ tg.title[lang] }}" loading="lazy"&gt;&lt;/iframe&gt;</textarea></details>
<p><a href="{{ root }}data/targets/{{ tg.id }}.json" type="application/json">JSON</a> · <a href="{{ root }}data/targets.csv">CSV</a> · <a href="{{ root }}{{ lang }}/print/">{{ 'Print' if lang == 'en' else '打印' }}</a></p></section>
</div>{% endblock %}
""",
"card.html": """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ tg.title[lang] }}</title><link rel="stylesheet" href="{{ root }}assets/css/site.css"></head>
<body class="embed">{% import "macros.html" as m %}<main class="embed-card"><p>{{ site.title[lang] }}</p>
<h1><a href="{{ root }}{{ lang }}/targets/{{ tg.id }}/">{{ tg.title[lang] }}</a></h1><p>{{ m.badge(tg._status) }}{% if tg._last %} {{ tg._last.date }}{% endif %}</p>
<p class="muted">{{ tg.deadline }}</p></main></body></html>
""",
"list.html": """{% extends "base.html" %}{% import "macros.html" as m %}
{% block main %}<div class="wrap"><h1>{{ title }}</h1><p>{{ items|length }}</p>
{% for group, members in groups %}<details class="target-group"><summary>{{ group.number[lang] }} {{ group.title[lang] }} ({{ members|length }})</summary>{{ m.list(members, lang, root) }}</details>{% endfor %}
{% if items and not groups %}{{ m.list(items, lang, root) }}{% endif %}</div>{% endblock %}
""",
"report.html": """{% extends "base.html" %}
{% block main %}<div class="wrap narrow"><h1>{{ title }}</h1>
{% for id, tag, html in blocks %}{% if tag == 'p' %}<p id="{{ id }}">{{ html|safe }}</p>{% else %}<{{ tag }} id="{{ id }}">{{ html|safe }}</{{ tag }}>{% endif %}
{% for t in by_para.get(id, ()) %}<a class="commitment" href="{{ root }}{{ lang }}/targets/{{ t.id }}/">{{ t.title[lang] }}</a>{% endfor %}{% endfor %}
</div>{% endblock %}
""",
"changes.html": """{% extends "base.html" %}{% import "macros.html" as m %}
{% block main %}<div class="wrap"><h1>{{ title }}</h1><ol>{% for u, t in updates %}<li><time>{{ u.date }}</time> {{ m.badge(u.status) }} <a href="{{ root }}{{ lang }}/targets/{{ t.id }}/">{{ t.title[lang] }}</a></li>{% endfor %}</ol></div>{% endblock %}
""",
}
env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), autoescape=True,
                         trim_blocks=True, lstrip_blocks=True)
NAV = {lang: [(k, k.rstrip("/") or "home") for k in ("", "targets/", "counties/", "report/",
                                                   "changes/", "data/", "about/")]
       for lang in LANGS}
pages = []  # (file, template, context): planned first, then rendered (in workers if asked)

def page(rel, template, **ctx):
    pages.append((rel, template, ctx))

updates = sorted(((u, t) for t in targets for u in t.get("updates") or ()),
                 key=lambda p: (p[0]["date"], p[1]["id"]), reverse=True)
by_para = defaultdict(list)
for t in targets:
    by_para[t["source"]["paragraph"]].append(t)
for lang in LANGS:
    for t in targets:
        related = [r for r in by_theme[(t["section"], t["theme"])] if r is not t][:12]
        page(f"{lang}/targets/{t['id']}/index.html", "target.html", lang=lang, tg=t,
             title=t["title"][lang], description=t["_status"], current="targets/",
             para_en=para["en"].get(t["source"]["paragraph"], ""), related=related)
    groups = [(s, [t for t in targets if t["section"] == s["id"]]) for s in sections]
    lists = [("index.html", "Home", targets[:8], []), ("targets/index.html", "Targets", targets, groups),
             ("print/index.html", "Print", targets, groups)]
    lists += [(f"sections/{s['id']}/index.html", s["title"][lang], members, [])
              for s, members in groups]
    lists += [(f"status/{st}/index.html", st, [t for t in targets if t["_status"] == st], [])
              for st in STATUSES]
    lists += [(f"counties/{c['id']}/index.html", c["name"][lang],
               [t for t in targets if c["id"] in t["counties"] or "all" in t["counties"]], [])
              for c in counties]
    lists += [(f"{name}/index.html", name, [], []) for name in ("counties", "about", "glossary",
                                                               "data", "search")]
    for rel, title, items, grps in lists:
        page(f"{lang}/{rel}", "list.html", lang=lang, title=title, description=title,
             items=items, groups=grps, current="targets/")
    page(f"{lang}/report/index.html", "report.html", lang=lang, title="Report",
         description="Report", blocks=report[lang], by_para=by_para, current="report/")
    page(f"{lang}/changes/index.html", "changes.html", lang=lang, title="Changes",
         description="Changes", updates=updates, current="changes/")
i = 0
while len(pages) < total_pages and targets:  # small per-target pages (the build's embed cards)
    t, lang = targets[(i // 2) % len(targets)], LANGS[i % 2]
    page(f"{lang}/embed/targets/{t['id']}/index.html" if i < 2 * len(targets) else
         f"{lang}/extra/{i}/index.html", "card.html", lang=lang, tg=t)
    i += 1

def render_span(span):
    made = set()
    for rel, template, ctx in pages[span[0]:span[1]]:
        html = env.get_template(template).render(root="../" * rel.count("/"), site=site,
                                                 nav=NAV[ctx["lang"]],
                                                 path=rel.split("/", 1)[-1], **ctx)
        path = out / rel
        if path.parent not in made:
            os.makedirs(path.parent, exist_ok=True)
            made.add(path.parent)
        with open(path, "wb") as f:
            f.write(html.encode("utf-8"))
    return span[1] - span[0]

if workers <= 1:
    written = render_span((0, len(pages)))
else:  # the same split as generator/parallel.py: chunks of 400 pages to forked workers
    import multiprocessing
    spans = [(i, min(i + 400, len(pages))) for i in range(0, len(pages), 400)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        written = sum(pool.imap_unordered(render_span, spans))
print(json.dumps({"seconds": time.perf_counter() - _t0, "pages": written, "files": written,
                  "workers": workers,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
'''

INCREMENTAL_CHILD = """\
import time; _t0 = time.perf_counter()
import json, resource, statistics, sys
# a staff member's session: the status of one commitment changes again and again (each edit
# appends a dated update); the first edit comes right after the session's first build
STATUSES = ("in_progress", "on_track", "at_risk") * 3
from pathlib import Path
from generator.session import Session
content, out, target = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
original = target.read_bytes()
session = Session(content, out)
started = time.perf_counter()
session.full()
full_seconds = time.perf_counter() - started
edits = []
try:
    for k, status in enumerate(STATUSES):
        text = target.read_text("utf-8")
        update = (f"  - date: 2022-02-{k + 1:02d}\\n    status: {status}\\n    note:\\n"
                  f"      zh: 第{k + 1}次增量构建测试。\\n"
                  f"      en: \\"Incremental build test {k + 1}.\\"\\n"
                  f"    source: {{title: 测试来源, url: \\"https://www.yuncheng.gov.cn/b/{k}\\"}}\\n")
        if "updates: []" in text:
            text = text.replace("updates: []", "updates:\\n" + update.rstrip("\\n"))
        else:
            text = text.rstrip("\\n") + "\\n" + update
        target.write_text(text, "utf-8")
        started = time.perf_counter()
        result = session.rebuild({target})
        wall = time.perf_counter() - started
        edits.append({"seconds": getattr(result, "seconds", wall), "wall": wall,
                      "changed": len(getattr(result, "changed", ()) or ()),
                      "rendered": getattr(result, "rendered", None)})
finally:
    target.write_bytes(original)
warm = [e["seconds"] for e in edits[1:]]
print(json.dumps({"seconds": statistics.median(warm), "min_seconds": min(warm),
                  "first_seconds": edits[0]["seconds"], "full_seconds": full_seconds,
                  "edits": edits, "pages": None, "files": None,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


class ChildFailed(RuntimeError):
    pass


def run_child(code: str, *args: str, timeout: float = 1800) -> dict[str, Any]:
    """Run `python -c code args` from the repository root and return its JSON line, plus the
    wall time seen from outside (interpreter start included) and the child's peak RSS as
    os.wait4 reports it for that one process."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    streams: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda n=name, s=stream: streams.__setitem__(n, s.read()))
        for name, stream in (("out", proc.stdout), ("err", proc.stderr))
    ]
    for t in readers:
        t.start()
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    done = threading.Event()
    peak = {"rss": 0, "pss": 0}

    def sample() -> None:  # the whole process tree: a parallel build has worker processes
        while not done.wait(0.1):
            rss, pss = tree_memory(proc.pid)
            peak["rss"], peak["pss"] = max(peak["rss"], rss), max(peak["pss"], pss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        killer.cancel()
        done.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    for t in readers:
        t.join()
    if proc.returncode != 0:
        tail = "\n".join(
            streams.get("err", b"").decode("utf-8", "replace").strip().splitlines()[-15:]
        )
        raise ChildFailed(f"exit status {proc.returncode}:\n{tail}")
    lines = [
        ln
        for ln in streams.get("out", b"").decode("utf-8", "replace").splitlines()
        if ln.startswith("{")
    ]
    if not lines:
        raise ChildFailed("no JSON result on stdout")
    result = json.loads(lines[-1])
    result["wall_seconds"] = wall
    result["self_maxrss_kb"] = result.get("maxrss_kb")
    result["maxrss_kb"] = max(usage.ru_maxrss, result.get("maxrss_kb") or 0)
    result["tree_rss_kb"] = max(peak["rss"], result["maxrss_kb"])
    result["tree_pss_kb"] = peak["pss"]
    # CPU time of the child and the workers it reaped: steadier than wall time on a busy machine
    result["cpu_seconds"] = usage.ru_utime + usage.ru_stime
    result["loadavg"] = _loadavg()
    return result


def tree_memory(root: int) -> tuple[int, int]:
    """(RSS, PSS) in kB summed over `root` and its descendants, from /proc. PSS shares the
    pages that forked workers have in common, so it is the honest total; RSS counts them twice."""
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0, 0
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(name))
    rss = pss = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith(b"Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            continue
    return rss, pss


# -- one size --------------------------------------------------------------------------------


@dataclass
class SizeResult:
    targets: int
    generate_seconds: float = 0.0
    pages: int = 0
    files: int = 0
    bytes: int = 0
    full: list[float] = field(default_factory=list)
    full_wall: list[float] = field(default_factory=list)
    full_maxrss_kb: list[int] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    floor_pages: int = 0
    floor_maxrss_kb: list[int] = field(default_factory=list)
    incremental: float | None = None
    incremental_detail: dict[str, Any] | None = None
    incremental_note: str = ""
    workers: int = 1  # processes the build renders with (generator.parallel), and the floor too
    full_tree_rss_kb: list[int] = field(default_factory=list)
    full_cpu: list[float] = field(default_factory=list)
    floor_cpu: list[float] = field(default_factory=list)
    loadavg: list[Any] = field(default_factory=list)  # 1-minute load after each timed child
    full_tree_pss_kb: list[int] = field(default_factory=list)
    floor_tree_pss_kb: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def full_min(self) -> float | None:
        return min(self.full) if self.full else None

    @property
    def full_median(self) -> float | None:
        return statistics.median(self.full) if self.full else None

    @property
    def floor_min(self) -> float | None:
        return min(self.floor) if self.floor else None

    @property
    def ratio(self) -> float | None:
        return self.full_min / self.floor_min if self.full and self.floor else None

    @property
    def pages_per_second(self) -> float | None:
        return self.pages / self.full_min if self.full and self.full_min else None

    @property
    def peak_rss_mb(self) -> float | None:
        """Largest single process (wait4's ru_maxrss): the brief's per-child peak RSS."""
        return max(self.full_maxrss_kb) / 1024 if self.full_maxrss_kb else None

    @property
    def peak_tree_pss_mb(self) -> float | None:
        """Build process plus workers, sampled every 0.1 s (PSS: shared pages counted once)."""
        return max(self.full_tree_pss_kb) / 1024 if self.full_tree_pss_kb else None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            full_min=self.full_min,
            full_median=self.full_median,
            floor_min=self.floor_min,
            floor_median=statistics.median(self.floor) if self.floor else None,
            ratio=self.ratio,
            pages_per_second=self.pages_per_second,
            peak_rss_mb=self.peak_rss_mb,
            peak_tree_pss_mb=self.peak_tree_pss_mb,
            floor_peak_rss_mb=max(self.floor_maxrss_kb) / 1024 if self.floor_maxrss_kb else None,
        )
        return data


def build_workers(pages: int) -> int:
    """How many processes the build renders with for this many pages; the floor gets as many."""
    try:
        from generator.parallel import default_workers
    except ImportError:
        return 1
    return default_workers(pages)


def session_available() -> bool:
    try:
        return importlib.util.find_spec("generator.session") is not None
    except (ImportError, ValueError):
        return False


def bench_size(
    n: int, rounds: int, work: Path, log: Any = print, incremental: bool = True
) -> SizeResult:
    from generator.synthetic import make_content

    res = SizeResult(n)
    content = work / f"content-{n}"
    started = time.perf_counter()
    make_content(content, n, SEED)
    res.generate_seconds = time.perf_counter() - started
    log(f"  {n:,} targets: content generated in {res.generate_seconds:.1f} s")

    def out_dir(kind: str, r: int) -> Path:
        path = work / f"out-{n}-{kind}-{r}"
        discard(path, work)
        return path

    for r in range(rounds):
        out = out_dir("full", r)
        try:
            got = run_child(FULL_CHILD, str(content), str(out))
        except ChildFailed as exc:
            res.errors.append(f"full build: {exc}")
            log(f"  ✗ full build failed: {exc}")
            break
        finally:
            if r < rounds - 1:
                discard(out, work)
        res.full.append(got["seconds"])
        res.full_wall.append(got["wall_seconds"])
        res.full_maxrss_kb.append(got["maxrss_kb"])
        res.full_tree_rss_kb.append(got["tree_rss_kb"])
        res.full_tree_pss_kb.append(got["tree_pss_kb"])
        res.full_cpu.append(got["cpu_seconds"])
        res.loadavg.append(("full", r, got["loadavg"]))
        res.pages, res.files, res.bytes = got["pages"], got["files"], got["bytes"]
        log(
            f"    full  round {r + 1}: {got['seconds']:.2f} s (CPU {got['cpu_seconds']:.1f} s), "
            f"{got['pages']:,} pages, {got['maxrss_kb'] / 1024:.0f} MB"
        )

    pages = res.pages or 2 * n + 70
    workers = res.workers = build_workers(pages)
    for r in range(rounds):
        out = out_dir("floor", r)
        try:
            got = run_child(FLOOR_CHILD, str(content), str(out), str(pages), str(workers))
        except ChildFailed as exc:
            res.errors.append(f"floor: {exc}")
            log(f"  ✗ floor failed: {exc}")
            break
        finally:
            discard(out, work)
        res.floor.append(got["seconds"])
        res.floor_pages = got["pages"]
        res.floor_maxrss_kb.append(got["maxrss_kb"])
        res.floor_tree_pss_kb.append(got["tree_pss_kb"])
        res.floor_cpu.append(got["cpu_seconds"])
        res.loadavg.append(("floor", r, got["loadavg"]))
        log(
            f"    floor round {r + 1}: {got['seconds']:.2f} s (CPU {got['cpu_seconds']:.1f} s), "
            f"{got['pages']:,} pages"
        )

    if not incremental:
        res.incremental_note = "skipped"
    elif not session_available():
        res.incremental_note = "n/a (generator.session not found)"
    else:
        target = sorted((content / "targets").glob("*.yaml"))[0]
        out = out_dir("session", 0)
        try:
            got = run_child(INCREMENTAL_CHILD, str(content), str(out), str(target))
            res.incremental = got["seconds"]
            res.incremental_detail = got
            log(
                f"    incremental: median {got['seconds']:.3f} s, min {got['min_seconds']:.3f} s "
                f"of {len(got['edits']) - 1} edits after the first ({got['first_seconds']:.2f} s, "
                "first); "
                f"session full build {got['full_seconds']:.2f} s)"
            )
        except ChildFailed as exc:
            res.incremental_note = "n/a (failed)"
            res.errors.append(f"incremental: {exc}")
            log(f"  ✗ incremental failed: {exc}")
        finally:
            discard(out, work)
    return res


TRASH = ".trash"


def discard(path: Path, work: Path) -> None:
    """Move a finished output aside (a rename, instantly) instead of deleting it between rounds:
    deleting 50,000 files takes 5-10 s of disk time, so it is done once, after the last
    measurement (see cleanup())."""
    if not path.exists():
        return
    trash = work / TRASH
    trash.mkdir(exist_ok=True)
    os.rename(path, tempfile.mkdtemp(prefix=path.name + "-", dir=trash))


def cleanup(folder: Path) -> None:
    """Delete `folder` in a detached `rm -rf`, so the benchmark returns when measuring is done."""
    if not folder.exists():
        return
    try:
        subprocess.Popen(
            ["rm", "-rf", "--", str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


# -- profile ---------------------------------------------------------------------------------


def profile_build(
    content: Path, out: Path, top: int = 25, save: Path | None = None
) -> dict[str, Any]:
    """Build once in this process under cProfile; print the top functions both ways."""
    import cProfile
    import io
    import pstats

    from generator.build import build

    profiler = cProfile.Profile()
    # cProfile sees one process: render serially, or the pages rendered by workers go missing
    saved = os.environ.get("HEDONG_WORKERS")
    os.environ["HEDONG_WORKERS"] = "1"
    started = time.perf_counter()
    try:
        profiler.enable()
        build(content, out)
        profiler.disable()
    finally:
        if saved is None:
            os.environ.pop("HEDONG_WORKERS", None)
        else:
            os.environ["HEDONG_WORKERS"] = saved
    seconds = time.perf_counter() - started
    if save:
        save.parent.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(save)
    summary: dict[str, Any] = {"seconds": seconds}
    for key in ("cumulative", "tottime"):
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats(key).print_stats(top)
        click.echo(f"\n── top {top} by {key} ({seconds:.1f} s under cProfile) ──")
        text = stream.getvalue()
        click.echo(text[text.find("   ncalls") :].rstrip() if "   ncalls" in text else text)
        rows = []
        for func, (_cc, nc, tt, ct, _) in sorted(
            stats.stats.items(),  # type: ignore[attr-defined]
            key=lambda kv: kv[1][3 if key == "cumulative" else 2],
            reverse=True,
        )[:top]:
            rows.append(
                {
                    "function": f"{_short(func[0])}:{func[1]}({func[2]})",
                    "ncalls": nc,
                    "tottime": round(tt, 4),
                    "cumtime": round(ct, 4),
                }
            )
        summary[key] = rows
    return summary


def _short(filename: str) -> str:
    for marker in ("/site-packages/", str(ROOT) + "/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


# -- report ----------------------------------------------------------------------------------


def _fmt(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def table(results: list[SizeResult]) -> str:
    head = (
        "targets",
        "pages",
        "full min s",
        "full med s",
        "CPU s",
        "pages/s",
        "peak RSS MB",
        "all procs PSS MB",
        "floor min s",
        "ratio",
        "incremental med s",
        "(min, 1st)",
    )
    rows = [head]
    for r in results:
        inc = (
            _fmt(r.incremental, ".3f")
            if r.incremental is not None
            else (r.incremental_note.split(" ")[0] or "n/a")
        )
        rows.append(
            (
                f"{r.targets:,}",
                f"{r.pages:,}",
                _fmt(r.full_min, ".2f"),
                _fmt(r.full_median, ".2f"),
                _fmt(min(r.full_cpu, default=None), ".1f"),
                _fmt(r.pages_per_second, ",.0f"),
                _fmt(r.peak_rss_mb, ",.0f"),
                _fmt(r.peak_tree_pss_mb, ",.0f") + (f" ({r.workers}p)" if r.workers > 1 else ""),
                _fmt(r.floor_min, ".2f"),
                _fmt(r.ratio, ".2f") + ("×" if r.ratio else ""),
                inc,
                (
                    f"({r.incremental_detail['min_seconds']:.3f}, "
                    f"{r.incremental_detail['first_seconds']:.2f})"
                )
                if r.incremental_detail and "min_seconds" in r.incremental_detail
                else "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def goals_table(results: list[SizeResult], pages: dict[str, Any] | None) -> str:
    """Every goal beside its figure: met / not met (issue 18)."""
    rows: list[tuple[str, str, str, str]] = []

    def add(what: str, goal: str, value: float | None, spec: str, met: bool | None) -> None:
        shown = "—" if value is None else format(value, spec)
        rows.append((what, goal, shown, "—" if met is None else ("met" if met else "NOT met")))

    for r in results:
        n = f"{r.targets:,} targets"
        if r.targets <= 100:
            add(f"{n}: full build ÷ floor", "≤ 1.3×", r.ratio, ".2f", _le(r.ratio, 1.3))
            continue
        add(f"{n}: full build ÷ floor", "≤ 1.1×", r.ratio, ".2f", _le(r.ratio, 1.1))
        if r.targets >= 10_000:
            limit = 1024 if r.targets >= 100_000 else 300
            memory = r.peak_tree_pss_mb if r.targets >= 100_000 else r.peak_rss_mb
            label = "all processes PSS MB" if r.targets >= 100_000 else "peak RSS MB"
            add(f"{n}: {label}", f"≤ {limit}", memory, ",.0f", _le(memory, limit))
            detail = r.incremental_detail or {}
            add(
                f"{n}: one-target rebuild s", "≤ 0.3", r.incremental, ".3f", _le(r.incremental, 0.3)
            )
            first = detail.get("first_seconds")
            add(f"{n}: first edit after start s", "≤ 0.3", first, ".3f", _le(first, 0.3))
    measured = (pages or {}).get("pages", [])

    def worst(what: str, goal: str, key: str, spec: str, limit: float, lower: bool = True):
        """The page type farthest from the goal, and how many pages meet it."""
        got = [(p[key], f"{p['kind']} {p['lang']}") for p in measured if p.get(key) is not None]
        if not got:
            return
        value, where = (max if lower else min)(got, key=lambda g: g[0])
        met = sum(1 for v, _ in got if (v <= limit if lower else v >= limit))
        add(
            f"pages: {what} (worst: {where}; {met} of {len(got)} met)",
            goal,
            value,
            spec,
            met == len(got),
        )

    worst("first load KB", "≤ 60", "first_load_kb", ".1f", 60)
    worst("first search KB", "≤ 200", "search_kb", ".1f", 200)
    worst("LCP s", "≤ 1.5", "lcp_s", ".2f", 1.5)
    worst("CLS", "≤ 0.02", "cls_median", ".3f", 0.02)
    for p in measured:
        for key in ("performance", "accessibility"):
            p[f"lh_{key}"] = (p.get("lighthouse_median") or {}).get(key)
    worst("Lighthouse performance", "≥ 95", "lh_performance", ".0f", 95, lower=False)
    worst("Lighthouse accessibility", "= 100", "lh_accessibility", ".0f", 100, lower=False)
    if not rows:
        return ""
    head = ("goal", "target", "figure", "")
    table_rows = [head, *rows]
    widths = [max(len(row[i]) for row in table_rows) for i in range(4)]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in table_rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _le(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_mb"] = int(line.split()[1]) // 1024
                break
    except OSError:
        pass
    from importlib import metadata

    info["packages"] = {}
    for name in ("Jinja2", "PyYAML", "markdown-it-py", "pyecharts", "MarkupSafe"):
        try:
            info["packages"][name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "generator", "templates"],
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout.strip()
        info["commit"] = head + ("-dirty" if dirty else "") if head else None
    except (OSError, subprocess.SubprocessError):
        info["commit"] = None
    return info


def _loadavg() -> list[float] | None:
    """Other processes on the machine skew timings; the load average says how much."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def _filesystem(path: Path) -> str | None:
    """The mount type holding `path` (tmpfs and ext4 differ a lot for 20,000 small files)."""
    try:
        best = ("", None)
        real = str(path.resolve())
        for line in Path("/proc/mounts").read_text().splitlines():
            parts = line.split()
            if len(parts) > 2 and real.startswith(parts[1]) and len(parts[1]) > len(best[0]):
                best = (parts[1], parts[2])
        return best[1]
    except OSError:
        return None


def default_work_root() -> str:
    """Where outputs go by default: /dev/shm (memory) when it has room, else /tmp.

    Both the build and the floor write there, so either way the ratio compares like with like,
    but on this VM's ext4 disk writing the same 40,000 files took anything from 2.6 s to 10 s
    within minutes (journal and discard state), which swamps what the generator does. Pass
    --out-dir to measure on a disk folder.
    """
    try:
        if shutil.disk_usage("/dev/shm").free > 4 * 2**30:
            return "/dev/shm"
    except OSError:
        pass
    return "/tmp"


def run(
    sizes: list[int],
    rounds: int,
    json_path: Path | None,
    out_dir: Path | None,
    profile: bool,
    timing: bool = True,
    incremental: bool = True,
    pages: bool = False,
    page_rounds: int = 3,
    lighthouse_runs: int = 3,
) -> dict[str, Any]:
    started = time.perf_counter()
    work = out_dir or Path(tempfile.mkdtemp(prefix="hedong-bench-", dir=default_work_root()))
    work.mkdir(parents=True, exist_ok=True)
    click.echo(
        f"benchmark: sizes {', '.join(f'{n:,}' for n in sizes)}; {rounds} round(s); "
        f"work folder {work} ({_filesystem(work)}); {os.cpu_count()} CPUs; "
        f"Python {platform.python_version()}"
    )
    results: list[SizeResult] = []
    report: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "work_dir": str(work),
        "filesystem": _filesystem(work),
        "rounds": rounds,
        "seed": SEED,
        "loadavg_start": _loadavg(),
    }
    try:
        if timing:
            for n in sizes:
                results.append(bench_size(n, rounds, work, log=click.echo, incremental=incremental))
            click.echo("\n" + table(results))
        report["sizes"] = [r.as_json() for r in results]
        if profile:
            from generator.synthetic import make_content

            n = max(sizes)
            content = work / f"content-{n}"
            if not (content / "site.yaml").exists():
                make_content(content, n, SEED)
            out = work / f"out-{n}-profile"
            discard(out, work)
            save = json_path.with_suffix(".prof") if json_path else None
            report["profile"] = {"targets": n, **profile_build(content, out, save=save)}
            discard(out, work)
        if pages:
            from generator import pagebench

            click.echo("\nthe real site in a slow-phone Chromium (generator/pagebench.py):")
            why = pagebench.browser_missing()
            if why:
                click.echo(f"  not measured: {why}")
                report["pages"] = {"error": why}
            else:
                report["pages"] = pagebench.measure(page_rounds, lighthouse_runs, log=click.echo)
                click.echo("\n" + report["pages"]["table"])
        goals = goals_table(results, report.get("pages"))
        if goals:
            click.echo("\ngoals (issue 18):\n" + goals)
    finally:
        cleanup(work if out_dir is None else work / TRASH)
    report["total_seconds"] = time.perf_counter() - started
    report["loadavg_end"] = _loadavg()
    click.echo(
        f"\nwhole benchmark: {report['total_seconds']:.0f} s (load average "
        f"{report['loadavg_start']} at the start, {report['loadavg_end']} at the end); "
        f"{'the work folder is' if out_dir is None else 'old outputs are'} being "
        "removed in the background"
    )
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(
            json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        click.echo(f"numbers written to {json_path}")
    return report


def _sizes(ctx: click.Context, param: click.Parameter, value: str) -> list[int]:
    try:
        sizes = [int(s.replace("_", "").replace(",", "")) for s in value.split(",") if s.strip()]
    except ValueError:
        raise click.BadParameter("use numbers separated by commas, e.g. 100,1000") from None
    if not sizes or any(n < 1 for n in sizes):
        raise click.BadParameter("sizes must be positive")
    return sizes


@click.command("bench")
@click.option(
    "--sizes",
    default=DEFAULT_SIZES,
    show_default=True,
    callback=_sizes,
    help="Numbers of synthetic targets, comma-separated.",
)
@click.option(
    "--rounds",
    default=3,
    show_default=True,
    type=click.IntRange(1, 50),
    help="Fresh-process builds per size (min and median are reported).",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(path_type=Path),
    default=DEFAULT_JSON,
    show_default=True,
    help="Where to write all numbers and machine info.",
)
@click.option(
    "--out-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Keep the synthetic content and the last outputs here (default: a "
    "temporary folder in /dev/shm, or /tmp without it, removed afterwards).",
)
@click.option(
    "--profile",
    is_flag=True,
    help="Also build the largest size once under cProfile (in this process, one "
    "worker) and print the top 25 functions by cumulative and by total time.",
)
@click.option("--profile-only", is_flag=True, help="Only the cProfile run (no timed rounds).")
@click.option("--no-incremental", is_flag=True, help="Skip the one-target rebuild.")
@click.option(
    "--pages/--no-pages",
    default=True,
    show_default=True,
    help="Also open the real site's page types in a slow-phone Chromium (first load, first "
    "search, LCP, CLS) and run Lighthouse (generator/pagebench.py).",
)
@click.option("--pages-only", is_flag=True, help="Only the page measurements (no builds).")
@click.option(
    "--page-rounds",
    default=3,
    show_default=True,
    type=click.IntRange(1, 20),
    help="Loads of each page (LCP and CLS are medians).",
)
@click.option(
    "--lighthouse-runs",
    default=3,
    show_default=True,
    type=click.IntRange(0, 20),
    help="Lighthouse runs of each page (median); 0 skips Lighthouse.",
)
def bench_command(
    sizes: list[int],
    rounds: int,
    json_path: Path,
    out_dir: Path | None,
    profile: bool,
    profile_only: bool,
    no_incremental: bool,
    pages: bool,
    pages_only: bool,
    page_rounds: int,
    lighthouse_runs: int,
) -> None:
    """Time full builds of synthetic content against a bare Jinja2 floor, and the real site's
    pages in a slow-phone browser (see generator/bench.py)."""
    run(
        [] if pages_only else sizes,
        rounds,
        json_path,
        out_dir,
        (profile or profile_only) and not pages_only,
        timing=not (profile_only or pages_only),
        incremental=not no_incremental,
        pages=(pages or pages_only) and not profile_only,
        page_rounds=page_rounds,
        lighthouse_runs=lighthouse_runs,
    )


if __name__ == "__main__":
    bench_command(prog_name="python -m generator.bench")
