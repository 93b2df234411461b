"""docs/new-report.md followed once, end to end, on a small new report.

tests/fixtures/extract/new-report/ holds three paragraphs of another city's 2021 work plan in
the block format, their English and their parts; the rest of the content folder is
tests/fixtures/minimal. Each step below is the step of the same number in the guide.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

from generator.cli import cli
from generator.load import load
from generator.validate import validate
from tests.content.test_coverage import NUMBER, spans

ROOT = Path(__file__).resolve().parents[2]
NEW = ROOT / "tests" / "fixtures" / "extract" / "new-report"

# What a reviewer writes for each draft (step 3): the English title, and a better id for two.
ENGLISH = {
    "p-1-1-completion": "Open the Zhengxi, Yuzun and Meishi expressways to traffic",
    "p-1-1-70-km": "Upgrade 70 km of national and provincial trunk roads",
    "p-1-1-1000-km": "Upgrade 1,000 km of county and township roads",
    "p-1-2-launch": "Start building the Guanyin large reservoir",
    "p-1-2-8-sites": "Start 8 small and medium reservoirs",
    "p-1-2-6-sites": "Complete the acceptance of 6 reservoirs",
    "p-1-2-5-sites": "Begin impounding water in 5 reservoirs",
    "p-1-2-2000-items": "Build 2,000 5G and 2,000 Internet-of-Things base stations",
    "p-1-2-in-use": "Put the Zunyi big data centre into service",
    "p-2-1-100-schools": "Build, rebuild or extend 100 schools",
    "p-2-1-47500-items": "Add 47,500 school places",
    "p-2-1-45000-visits": "Vocational skills training for 45,000 person-times",
    "p-2-1-92000-people": "92,000 new urban jobs",
    "p-2-1-90000-people": "Move 90,000 surplus farm workers into other work",
}
RENAME = {"p-2-1-100-schools": "schools-100", "p-1-2-in-use": "zunyi-big-data-centre"}


def run(runner, *args: str):
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def uncovered_numbers(content: Path) -> list[str]:
    """tests/content/test_coverage.py, on this content folder."""
    sources = load(content)
    site, problems = validate(sources)
    assert site is not None, [p.format() for p in problems]
    blocks = {b.id: b.text for b in site.report.zh}
    covered: dict[str, list[tuple[int, int]]] = {}
    for t in site.targets:
        covered.setdefault(t.paragraph, []).extend(spans(blocks[t.paragraph], t.quote))
    for item in sources.not_targets.value:
        covered.setdefault(item["paragraph"], []).extend(
            spans(blocks[item["paragraph"]], item["text"])
        )
    return [
        f"{pid}: {m.group()}"
        for pid, text in blocks.items()
        for m in NUMBER.finditer(text)
        if not any(a <= m.start() and m.end() <= b for a, b in covered.get(pid, []))
    ]


def test_a_new_report_from_its_text_to_published_commitments(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", content)

    # 1. The text goes into content/report/zh.md (and en.md), its parts into sections.yaml;
    #    the old report's targets and not-targets go.
    shutil.rmtree(content / "report")
    shutil.copytree(NEW / "report", content / "report")
    shutil.copy(NEW / "sections.yaml", content / "sections.yaml")
    shutil.rmtree(content / "targets")
    (content / "targets").mkdir()
    (content / "not-targets.yaml").write_text("[]\n", encoding="utf-8")
    assert "0 commitments" in run(runner, "validate").stdout

    # 2. extract: the table, then --json for a closer look, then --write for the drafts.
    table = run(runner, "extract").stdout
    assert "14 proposals: 0 covered, 14 uncovered" in table
    assert "recall: n/a (0/0), precision: n/a (no target quotes this report)" in table
    found = [json.loads(x) for x in run(runner, "extract", "--json").stdout.splitlines()]
    assert [(o["kind"], o["quote"]) for o in found if o["paragraph"] == "p-1-1"] == [
        ("milestone", "实现正习、余遵、湄石高速公路建成通车"),
        ("quantity", "改造国省干线70公里"),
        ("quantity", "县乡公路1000公里"),
    ]
    written = run(runner, "extract", "--write").stdout
    drafts = sorted((content / "proposals").glob("*.yaml"))
    assert sorted(p.stem for p in drafts) == sorted(ENGLISH)
    assert all(f"wrote content/proposals/{p.name}" in written for p in drafts)

    # 3. Review each draft: every guess is marked TODO; translate the title, give it a readable
    #    id if you like (file name = id), then move it into targets/. A draft validates as it
    #    is, and until its title is translated validate --report lists it.
    untranslated = content / "targets" / drafts[0].name
    shutil.copy(drafts[0], untranslated)
    listed = run(runner, "validate", "--report", "--report-file", "r.csv").stdout
    assert f"{drafts[0].stem}" in listed and "title.en is the same as the Chinese" in listed
    untranslated.unlink()
    for draft in drafts:
        text = draft.read_text(encoding="utf-8")
        value = yaml.safe_load(text)
        assert value["source"]["quote"] in (content / "report" / "zh.md").read_text("utf-8")
        assert [ln for ln in text.splitlines() if ln.startswith("section:")][0].endswith(
            "(from sections.yaml: the part this paragraph is in)"
        )
        zh_title = json.dumps(value["title"]["zh"], ensure_ascii=False)
        text = re.sub(
            r"^  en: .*$",
            f"  en: {json.dumps(ENGLISH[draft.stem])}",
            text,
            count=1,
            flags=re.M,
        )
        assert f"  zh: {zh_title}" in text
        new_id = RENAME.get(draft.stem, draft.stem)
        text = text.replace(f"id: {draft.stem}\n", f"id: {new_id}\n")
        (content / "targets" / f"{new_id}.yaml").write_text(text, encoding="utf-8")
        draft.unlink()
    schools = yaml.safe_load((content / "targets" / "schools-100.yaml").read_text("utf-8"))
    assert (schools["section"], schools["theme"]) == ("livelihood", "practical-matters")
    assert schools["source"]["quote"] == "新改扩建城乡学校100所"  # （1） is not in the quote
    assert schools["metric"] == {
        "kind": "quantity",
        "target": 100,
        "comparator": "exactly",
        "unit": {"zh": "所", "en": "schools"},
    }
    assert "14 commitments" in run(runner, "validate").stdout

    # 4. The coverage test: every number is in a target's quote or in not-targets.yaml.
    assert uncovered_numbers(content) == ["p-2-1: 1", "p-2-1: 2"]  # （1）, （2）
    (content / "not-targets.yaml").write_text(
        "- paragraph: p-2-1\n  text: （1）\n  reason: {zh: 序号, en: List number}\n"
        "- paragraph: p-2-1\n  text: （2）\n  reason: {zh: 序号, en: List number}\n",
        encoding="utf-8",
    )
    assert uncovered_numbers(content) == []

    # 5. Translation: no title or unit left in Chinese on the English side.
    report = run(
        runner, "validate", "--report", "--report-file", "report.csv", "--today", "2021-06-01"
    ).stdout
    assert "missing_english" not in report and "English text missing" not in report

    # 6. Publish: validate, build; extract now finds every proposal tracked.
    run(runner, "build", "--no-search", "--out", "site")
    page = (tmp_path / "site" / "zh" / "targets" / "schools-100" / "index.html").read_text("utf-8")
    assert "新改扩建城乡学校100所" in page
    assert (tmp_path / "site" / "en" / "targets" / "zunyi-big-data-centre" / "index.html").exists()
    again = run(runner, "extract").stdout
    assert "14 proposals: 14 covered, 0 uncovered" in again
    assert again.splitlines()[-1] == "recall: 1.00 (14/14), precision: 1.00 (14/14)"
