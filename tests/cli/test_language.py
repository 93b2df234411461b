"""Every command and every --help speaks the language chosen, and only that one.

With Chinese chosen, nothing a command prints or asks holds an English sentence: three or more
English words in a row. A word is a run of ASCII letters with a lowercase letter in it
("Usage", "found"), standing alone between spaces or ASCII punctuation; what is not prose does
not count and breaks a run: option names (--lang, -h), paths and file names (content/x.yaml,
report.csv), ids and field names (farmland-high-standard, in_progress, metric.target),
ALL-CAPS placeholders (DIR, YYYY-MM-DD), numbers, URLs, and words next to Chinese characters.
With English chosen, no Chinese character is printed except inside text quoted from the
content (titles, the report's paragraphs), which is Chinese whatever the language.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import serve
from generator.cli import cli

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+")
URL = re.compile(r"https?://\S+")
WORD = re.compile(r"^[A-Za-z]*[a-z][A-Za-z]*$")
EDGE = "\"'`“”‘’()[]{}<>,.;:!?…"


def english_sentences(output: str, ids: frozenset[str] = frozenset()) -> list[str]:
    """Every run of three or more English words in `output` (see the module); `ids` are
    names from the content and the format (county ids, statuses), which are not words."""
    found = []
    for line in output.splitlines():
        for segment in CJK.split(URL.sub(" ", line)):
            run: list[str] = []
            for token in segment.split() + [""]:
                bare = token.strip(EDGE)
                if bare and WORD.match(bare) and not token.startswith("-") and bare not in ids:
                    run.append(bare)
                    continue
                if len(run) >= 3:
                    found.append(" ".join(run))
                run = []
    return found


IDEOGRAPHS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def chinese_outside(output: str, quoted: str, glosses: bool = False) -> list[str]:
    """Every run of Chinese characters that is not quoted from `quoted` (the content's text
    and what staff typed), piece by piece between punctuation (the report's markup and the
    【】 that mark a difference sit between them). With `glosses`, Chinese in parentheses is
    an example given in English text, as in "an event verb (开工, 建成 …)"."""
    if glosses:
        output = re.sub(r"\([^()]*\)", "", output)
    return [run for run in IDEOGRAPHS.findall(output) if run not in quoted]


def content_ids(content: Path) -> frozenset[str]:
    """The ids of the content (sections, themes, counties, targets) and the format's words."""
    from generator import spec

    found = set(spec.STATUSES) | set(spec.KINDS) | set(spec.COMPARATORS) | {"all"}
    for path in content.rglob("*.yaml"):
        found |= set(re.findall(r"^\s*-?\s*id:\s*([\w-]+)", path.read_text("utf-8"), re.M))
    return frozenset(found)


def test_the_definition_finds_what_it_should():
    assert english_sentences("Error: No such option '--x'.") == ["Error No such option"]
    assert english_sentences("the file is missing; hint: restore it") == [
        "the file is missing hint restore it"
    ]
    ok = "用法：python -m generator build [选项] --lang zh content/x.yaml in_progress DIR"
    assert english_sentences(ok) == []
    assert english_sentences("✓ 内容无误：3 项承诺（report.csv，见 https://x.org/a?b=c d）") == []
    assert chinese_outside("✓ built 3 pages for 农业 and 农村", "农业") == ["农村"]
    assert chinese_outside("verbs (开工, 建成) 农村", "", glosses=True) == ["农村"]
    assert english_sentences("可选值：all, ruicheng, yanhu", frozenset({"all", "ruicheng"})) == []


@pytest.fixture
def site(content: Path, runner, tmp_path: Path) -> Path:
    """The minimal content built once in English, to verify."""
    assert (
        runner.invoke(cli, ["--lang", "en", "build", "--no-search", "--out", "out"]).exit_code == 0
    )
    return tmp_path / "out"


def content_text(content: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in content.rglob("*") if p.is_file())


HELP = [[], ["validate"], ["build"], ["serve"], ["new"], ["verify"], ["extract"]]

ANSWERS = "\n".join(
    [
        "farmers",  # exists: asked again
        "farmer-training",
        "nope",  # unknown section: asked again
        "agriculture",
        "farmland",
        "培育高素质农民",
        "Train farmers",
        "",
        "培育高素质农民6000人以下",  # not the report's words: asked again
        "培育高素质农民6000人以上",
        "quantity",
        "6000万",  # not digits: asked again
        "6000",
        "",
        "人",
        "people",
        "nowhere",  # unknown county: asked again
        "all",
    ]
)


def runs(site: Path, content: Path) -> list[tuple[list[str], str | None]]:
    """Every command as staff run it: succeeding, failing, asked questions, misused."""
    return [
        (["validate"], None),
        (["validate", "--report", "--today", "2030-01-01"], None),
        (["build", "--no-search", "--out", "out2"], None),
        (["verify", str(site)], None),
        (["verify", str(site), "--ignore", "robots.txt"], "break-site"),
        (["new"], ANSWERS),
        (["new", "--no-input", "--id", "x-y"], None),
        (["build", "--nope"], None),
        (["nope"], None),
        (["validate"], "break-content"),
        (["build", "--no-search", "--out", "out2"], "break-content"),
        (["extract"], None),
        (["extract", "--write"], "drafts"),
        (["validate", "--today", "2022-02-30", "--report"], None),
        (["build", "--base-url", "example.org"], None),
    ] + [([*c, "--help"], None) for c in HELP]


def drafts(content: Path, expected: bool) -> str:
    """The text of the draft files `extract --write` wrote (taken away again): what a staff
    member reads there is said in the staff's language too."""
    folder = content / "proposals"
    if not expected:
        return ""
    found = sorted(folder.glob("*.yaml"))
    assert found, "extract --write wrote no draft"
    text = "\n".join(p.read_text(encoding="utf-8") for p in found)
    shutil.rmtree(folder)
    return "\n" + text


def run_all(runner, site: Path, content: Path, lang: str) -> list[tuple[list[str], str]]:
    outputs = []
    farmers = content / "targets" / "farmers.yaml"
    good = farmers.read_text(encoding="utf-8")
    farmland = content / "targets" / "farmland.yaml"
    farmland_text = farmland.read_text(encoding="utf-8")
    for args, extra in runs(site, content):
        given = None
        if extra == "break-site":
            (site / "robots.txt").unlink(missing_ok=True)
            (site / "added.txt").write_text("x")
        elif extra == "break-content":
            farmers.write_text(good.replace("section: agriculture", "section: agricultur"))
        elif extra == "drafts":  # a clause of the report no target tracks any more
            farmland.unlink()
        elif extra is not None and "\n" in extra:
            given = extra + "\n"
        result = runner.invoke(cli, ["--lang", lang, *args], input=given)
        farmers.write_text(good, encoding="utf-8")
        farmland.write_text(farmland_text, encoding="utf-8")
        outputs.append((args, result.output + drafts(content, extra == "drafts")))
        assert "Traceback" not in result.output, (args, result.output)
    (content / "targets" / "farmer-training.yaml").unlink(missing_ok=True)
    return outputs


def test_chinese_chosen_no_command_prints_an_english_sentence(runner, content, site):
    outputs = run_all(runner, site, content, "zh")
    ids = content_ids(content)
    found = {" ".join(args): english_sentences(out, ids) for args, out in outputs}
    assert {k: v for k, v in found.items() if v} == {}
    said = "\n".join(out for _, out in outputs)
    for expected in (
        "用法：",
        "✓ 内容无误",
        "需要处理的情况",
        "✓ 已生成",
        "请重新输入",
        "✓ 已写入",
    ):
        assert expected in said, expected  # the runs did reach what they are meant to


def test_english_chosen_no_command_prints_chinese(runner, content, site):
    outputs = run_all(runner, site, content, "en")
    quoted = content_text(content) + ANSWERS
    found = {
        " ".join(args): chinese_outside(out, quoted, glosses="--help" in args)
        for args, out in outputs
    }
    assert {k: v for k, v in found.items() if v} == {}
    said = "\n".join(out for _, out in outputs)
    for expected in ("Usage:", "✓ content is valid", "What needs attention", "answer again"):
        assert expected in said, expected


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_serve_overlay_and_placeholder_speak_the_language(lang, tmp_path):
    """What serve adds to the browser: the error bar's heading (sent with the errors) and the
    page shown while there is no site yet."""
    state = serve.State(lang)
    waiting = state.json().decode("utf-8")
    state.update(["content/targets/x.yaml:1:1: …"], built=True)
    kept = state.json().decode("utf-8")
    page = serve.placeholder("/sub/", lang).decode("utf-8")
    shown = "\n".join([waiting, kept, re.sub(r"<[^>]+>", "\n", page)])
    if lang == "zh":
        assert "内容有错误（改好后即显示预览）：" in waiting
        assert "内容有错误（页面显示的是上一次正确的版本）：" in kept
        assert '<html lang="zh-Hans">' in page and "还没有可预览的网站" in page
        assert english_sentences(shown) == []
    else:
        assert "Content errors (the preview appears once they are fixed):" in waiting
        assert "Content errors (the last good version is shown):" in kept
        assert '<html lang="en">' in page and "there is no preview yet" in page
        assert CJK.findall(shown) == []
    assert '<script src="/sub/__serve/reload.js"></script>' in page
    built = serve.with_reload(b"<html><body><p>x</p></body></html>", "/sub/")
    assert (
        built == b'<html><body><p>x</p><script src="/sub/__serve/reload.js"></script></body></html>'
    )
