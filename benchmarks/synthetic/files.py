"""Writing synthetic content: `make_content(dest, n_targets, seed)`, files in the real format.

site.yaml, glossary.yaml and not-targets.yaml come from templates/; counties.yaml and the map
are the real ones (copied from the repository's content/); sections, the report in both
languages and one file a target are made by benchmarks.synthetic.maker.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from benchmarks.synthetic.maker import REPO_CONTENT, SECTIONS, Maker, _Para
from benchmarks.synthetic.vocabulary import NUMBERS_ZH

TEMPLATES = Path(__file__).resolve().parent / "templates"


_PLAIN_ZH = re.compile(r"^[\u3400-\u9fff][\u3000-\u303f\u3400-\u9fff\uff00-\uffef0-9A-Za-z.%“”]*$")


def _q(text: str) -> str:
    """A YAML scalar: Chinese text plain (as staff write it), anything else double-quoted."""
    return text if _PLAIN_ZH.match(text) else json.dumps(text, ensure_ascii=False)


def _text(zh: str, en: str) -> str:
    return f"{{zh: {_q(zh)}, en: {_q(en)}}}"


def _target_yaml(t: dict, para: _Para, section_id: str, deadline: str) -> str:
    en_title = t["en_phrase"][0].upper() + t["en_phrase"][1:]
    lines = [
        "# yaml-language-server: $schema=../schema/target.json",
        f"id: {t['id']}",
        f"section: {section_id}",
        f"theme: {para.theme[0]}",
        "title:",
        f"  zh: {_q(t['zh'])}",
        f"  en: {_q(en_title)}",
        "source:",
        f"  paragraph: {para.pid}",
        f"  quote: {_q(t['zh'])}",
    ]
    if t["kind"] == "quantity":
        lines += [
            "metric:",
            "  kind: quantity",
            f"  target: {t['target']}",
            f"  comparator: {t['comparator']}",
            f"  unit: {_text(*t['unit'])}",
        ]
    elif t["kind"] == "milestone" or t["with_metric"]:
        lines.append(f"metric: {{kind: {t['kind']}}}")
    lines.append(f"counties: [{', '.join(t['counties'])}]")
    lines.append(f"deadline: {deadline}")
    if not t["updates"]:
        lines.append("updates: []")
    else:
        lines.append("updates:")
        for up in t["updates"]:
            lines += [f"  - date: {up['date']}", f"    status: {up['status']}"]
            if "value" in up:
                lines.append(f"    value: {up['value']}")
            if "counties" in up:
                pairs = ", ".join(f"{c}: {v}" for c, v in up["counties"].items())
                lines.append(f"    counties: {{{pairs}}}")
            if "note" in up:
                lines += [
                    "    note:",
                    f"      zh: {_q(up['note'][0])}",
                    f"      en: {_q(up['note'][1])}",
                ]
            if "source" in up:
                lines += [
                    "    source:",
                    f"      title: {_q(up['source'][0])}",
                    f"      url: {_q(up['source'][1])}",
                ]
    return "\n".join(lines) + "\n"


PER_REPORT = 10_000  # targets a report at most: one report's folder takes 50,000 files at most


def make_content(dest: Path, n_targets: int, seed: int = 2021) -> None:
    """Write a synthetic content tree with `n_targets` targets into `dest` (created or reused;
    an existing targets/ folder is replaced).

    Up to PER_REPORT targets: one report (content/report/, targets/). Beyond, as a province-wide
    or several-year site would be: ceil(n / PER_REPORT) reports of equal size in
    content/reports/r<k>/ (the validator allows 50,000 files a targets/ folder and 4 MB a report
    text), each drawn with seed + k, its ids (targets, parts, themes) ending in -r<k>."""
    if n_targets < 0:
        raise ValueError("n_targets must not be negative")
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO_CONTENT / "counties.yaml", dest / "counties.yaml")
    (dest / "geo").mkdir(exist_ok=True)
    shutil.copyfile(REPO_CONTENT / "geo" / "yuncheng.geojson", dest / "geo" / "yuncheng.geojson")
    shutil.copyfile(TEMPLATES / "glossary.yaml", dest / "glossary.yaml")
    site = (TEMPLATES / "site.yaml").read_text(encoding="utf-8").format(n=n_targets, seed=seed)
    if n_targets <= PER_REPORT:
        _write(dest / "site.yaml", site)
        _one_report(dest, dest / "report", n_targets, seed, "")
        return
    reports = -(-n_targets // PER_REPORT)
    head, report_block = site.split("\nreport:\n", 1)
    rest = report_block.split("\npublisher:", 1)[1]
    _write(dest / "site.yaml", head + "\npublisher:" + rest)
    meta = "\n".join(line[2:] for line in report_block.split("\npublisher:")[0].splitlines())
    meta += (
        "\npublisher: {zh: 运城市人民政府（合成）, "
        'en: "Yuncheng Municipal People\'s Government (synthetic)"}'
    )
    if (dest / "reports").exists():
        shutil.rmtree(dest / "reports")
    for k in range(reports):
        folder = dest / "reports" / f"r{k + 1}"
        folder.mkdir(parents=True)
        title = meta.replace("合成文本", f"合成文本{k + 1}")
        _write(folder / "report.yaml", title.replace("text)", f"text {k + 1})") + "\n")
        size = n_targets * (k + 1) // reports - n_targets * k // reports
        _one_report(folder, folder, size, seed + k + 1, f"-r{k + 1}")


def _one_report(dest: Path, texts: Path, n_targets: int, seed: int, suffix: str) -> None:
    """One report's sections, text (in `texts`), targets/ and not-targets in `dest`; every id
    ends in `suffix`."""
    m = Maker(n_targets, seed)
    sections, paras = m.structure()
    if suffix:
        renamed = {th: (th[0] + suffix, *th[1:]) for _, _, themes in sections for th in themes}
        sections = [(zh, en, [renamed[th] for th in themes]) for zh, en, themes in sections]
        for para in paras:
            para.theme = renamed[para.theme]
    targets: list[tuple[dict, _Para]] = []
    for i in range(n_targets):
        para = paras[i * len(paras) // n_targets]
        t = m.commitment(i)
        while any(o["zh"] == t["zh"] for o in para.targets):  # one quote, one place
            t = m.commitment(i)
        t["id"] += suffix
        para.targets.append(t)
        targets.append((t, para))
    for para in paras:
        m.paragraph_text(para)

    texts.mkdir(parents=True, exist_ok=True)
    if (dest / "targets").exists():
        shutil.rmtree(dest / "targets")
    (dest / "targets").mkdir()
    section_ids = [f"sec-{s + 1}{suffix}" for s in range(SECTIONS)]
    _write(dest / "sections.yaml", _sections_yaml(sections, paras, section_ids))
    _write_report(texts, sections, paras)
    _write_targets(dest, m, targets, section_ids)
    shutil.copyfile(TEMPLATES / "not-targets.yaml", dest / "not-targets.yaml")


def _sections_yaml(sections: list, paras: list[_Para], section_ids: list[str]) -> str:
    first_para: dict[str, str] = {}
    for p in paras:
        first_para.setdefault(p.theme[0], p.pid)
    out = []
    for s, (zh, en, themes) in enumerate(sections):
        out += [
            f"- id: {section_ids[s]}",
            f'  number: {{zh: （{NUMBERS_ZH[s]}）, en: "{s + 1}"}}',
            f"  paragraph: h-{s + 1}",
            "  title:",
            f"    zh: {_q(zh)}",
            f"    en: {_q(en)}",
            "  themes:",
        ]
        for tid, tzh, ten in themes:
            out += [
                f"    - id: {tid}",
                f"      paragraph: {first_para[tid]}",
                f"      title: {_text(tzh, ten)}",
            ]
    return "# Synthetic sections (benchmarks/synthetic/).\n" + "\n".join(out) + "\n"


def _write_report(dest: Path, sections: list, paras: list[_Para]) -> None:
    zh_md = ["{#h-title}", "# 运城市2021年政府工作报告（合成文本）", ""]
    en_md = ["{#h-title}", "# Yuncheng Government Work Report 2021 (synthetic text)", ""]
    for s, (zh, en, _) in enumerate(sections):
        zh_md += [f"{{#h-{s + 1}}}", f"## （{NUMBERS_ZH[s]}）{zh}", ""]
        en_md += [f"{{#h-{s + 1}}}", f"## ({s + 1}) {en}", ""]
        for p in (p for p in paras if p.section == s):
            lead_zh = f"[{p.theme[1]}。]{{.lead}}" if p.lead else ""
            lead_en = f"[{p.theme[2]}.]{{.lead}} " if p.lead else ""
            zh_md += [f"{{#{p.pid}}}", lead_zh + "".join(p.zh), ""]
            en_md += [f"{{#{p.pid}}}", lead_en + " ".join(p.en), ""]
    _write(dest / "zh.md", "\n".join(zh_md))
    _write(dest / "en.md", "\n".join(en_md))


def _write_targets(
    dest: Path, m: Maker, targets: list[tuple[dict, _Para]], section_ids: list[str]
) -> None:
    rng = m.rng
    for t, para in targets:
        t["with_metric"] = rng.random() < 0.5
        t["updates"] = m.updates(t)
        deadline = rng.choices(
            ("2021-12-31", "2021-06-30", "2022-06-30", "2022-12-31"), (80, 8, 6, 6)
        )[0]
        _write(
            dest / "targets" / f"{t['id']}.yaml",
            _target_yaml(t, para, section_ids[para.section], deadline),
        )


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))
