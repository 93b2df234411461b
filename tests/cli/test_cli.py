"""The command line as a staff member uses it."""

import hashlib
import re
import shutil
import sys
from pathlib import Path

import pytest

import generator.render as render
from generator.cli import cli, main
from generator.render import TEMPLATES

LINE = re.compile(r"^[^:\s]+:\d+:\d+: \S")


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_build_writes_the_site(runner, content, tmp_path):
    result = runner.invoke(cli, ["build", "--out", "out"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert re.search(r"built \d+ pages", result.stdout)
    out = tmp_path / "out"
    for path in [
        "index.html",
        "zh/index.html",
        "en/index.html",
        "zh/targets/farmland/index.html",
        "en/counties/ruicheng/index.html",
        "zh/report/index.html",
        "404.html",
        "assets/css/site.css",
        "assets/vendor/echarts.min.js",
        "manifest.json",
    ]:
        assert (out / path).is_file(), path


def test_validate_writes_nothing(runner, content, tmp_path):
    before = sorted(p.name for p in tmp_path.iterdir())
    result = runner.invoke(cli, ["validate"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "content is valid: 3 commitments" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_bad_content_exits_1_with_one_line_per_problem(runner, content):
    (content / "targets" / "farmers.yaml").write_text("id: farmers\nsection: nope\n")
    result = runner.invoke(cli, ["build", "--no-search", "--out", "out"])
    assert result.exit_code == 1
    problems = [ln for ln in result.stderr.splitlines() if not ln.startswith("✗")]
    assert problems and all(LINE.match(line) for line in problems), problems
    assert "Traceback" not in result.output


def test_a_failed_build_leaves_the_previous_site_byte_for_byte(runner, content, tmp_path):
    assert runner.invoke(cli, ["build", "--no-search", "--out", "out"]).exit_code == 0
    before = tree(tmp_path / "out")
    (content / "targets" / "farmland.yaml").write_text("id: farmland\ntitle: [unclosed\n")
    result = runner.invoke(cli, ["build", "--no-search", "--out", "out"])
    assert result.exit_code == 1
    assert tree(tmp_path / "out") == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


def test_a_template_error_names_the_template_line_and_leaves_the_site(
    runner, content, tmp_path, monkeypatch
):
    assert runner.invoke(cli, ["build", "--no-search", "--out", "out"]).exit_code == 0
    before = tree(tmp_path / "out")
    # a developer's slip in a copy of the templates: an end tag nothing opened
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    page = templates / "target.html"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    line = lines.index("{% block main %}\n") + 1
    lines[line - 1] = "{% block main %}{% endfor %}\n"
    page.write_text("".join(lines), encoding="utf-8")
    real_init = render.Renderer.__init__

    def with_broken_templates(self, templates_folder=None, *args, **kwargs):
        real_init(self, templates, *args, **kwargs)

    monkeypatch.setattr(render.Renderer, "__init__", with_broken_templates)
    result = runner.invoke(cli, ["build", "--no-search", "--out", "out"])
    assert result.exit_code == 1, result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"templates/target.html:{line}:1: "), first
    assert "endfor" in first, first
    assert "Traceback" not in result.output
    assert tree(tmp_path / "out") == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


def test_an_internal_error_exits_70_without_a_traceback_unless_debug(
    content, tmp_path, monkeypatch, capsys
):
    def broken(self, *args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(render.Renderer, "render", broken)
    monkeypatch.setattr(sys, "argv", ["generator", "build", "--no-search", "--out", "out"])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 70
    err = capsys.readouterr().err
    assert "RuntimeError: disk on fire" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()
    # --debug: the developer gets the exception itself
    monkeypatch.setattr(sys, "argv", ["generator", "--debug", "build", "--no-search"])
    with pytest.raises(RuntimeError, match="disk on fire"):
        main()


def test_deleted_targets_disappear_from_the_site_when_allowed(runner, content, tmp_path):
    assert runner.invoke(cli, ["build", "--no-search", "--out", "out"]).exit_code == 0
    (content / "targets" / "farmers.yaml").unlink()
    result = runner.invoke(cli, ["build", "--no-search", "--out", "out", "--allow-removals"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "out" / "zh" / "targets" / "farmers").exists()


def test_a_build_that_would_drop_published_pages_stops_and_names_them(runner, content, tmp_path):
    assert runner.invoke(cli, ["build", "--no-search", "--out", "out"]).exit_code == 0
    before = tree(tmp_path / "out")
    (content / "targets" / "farmers.yaml").unlink()
    renamed = content / "targets" / "ruicheng-acceptance.yaml"
    renamed.rename(content / "targets" / "ruicheng-accept.yaml")
    path = content / "targets" / "ruicheng-accept.yaml"
    path.write_text(path.read_text().replace("id: ruicheng-acceptance", "id: ruicheng-accept"))
    result = runner.invoke(cli, ["build", "--no-search", "--out", "out"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "content/targets/farmers.yaml:1:1: the site in out/ has a page for commitment "
        "'farmers', which this build would remove (its file is gone); hint: restore the file "
        "(git checkout content/targets/farmers.yaml), or build with --allow-removals if the "
        "commitment was withdrawn or renamed",
        "content/targets/ruicheng-acceptance.yaml:1:1: the site in out/ has a page for "
        "commitment 'ruicheng-acceptance', which this build would remove (its file is gone); "
        "hint: restore the file (git checkout content/targets/ruicheng-acceptance.yaml), or "
        "build with --allow-removals if the commitment was withdrawn or renamed",
    ]
    assert tree(tmp_path / "out") == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]
    zh = runner.invoke(cli, ["--lang", "zh", "build", "--no-search", "--out", "out"])
    assert zh.exit_code == 1
    assert zh.stderr.splitlines()[0] == (
        "content/targets/farmers.yaml:1:1: 当前网站 out/ 中有承诺“farmers”的网页，这次生成会把"
        "它删除（它的文件已不存在）；提示：请恢复该文件（git checkout content/targets/farmers."
        "yaml）；如果这项承诺确实已撤下或改名，请加 --allow-removals 重新生成"
    )
    assert tree(tmp_path / "out") == before


def test_a_first_build_and_an_added_target_need_no_flag(runner, content, tmp_path):
    (tmp_path / "out").mkdir()  # an empty folder, as on a fresh clone with site/ made by hand
    assert runner.invoke(cli, ["build", "--no-search", "--out", "out"]).exit_code == 0
    new = content / "targets" / "farmers-two.yaml"
    new.write_text(
        (content / "targets" / "farmers.yaml").read_text().replace("id: farmers", "id: farmers-two")
    )
    assert runner.invoke(cli, ["build", "--no-search", "--out", "out"]).exit_code == 0
    assert (tmp_path / "out" / "en" / "targets" / "farmers-two" / "index.html").is_file()


def test_refuses_to_replace_a_folder_it_did_not_make(runner, content, tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    result = runner.invoke(cli, ["build", "--no-search", "--out", "precious"])
    assert result.exit_code == 1
    assert (precious / "thesis.txt").read_text() == "years of work"


def test_two_builds_are_identical(runner, content, tmp_path):
    assert runner.invoke(cli, ["build", "--out", "a"]).exit_code == 0
    assert runner.invoke(cli, ["build", "--out", "b"]).exit_code == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_base_url_adds_absolute_alternates(runner, content, tmp_path):
    args = ["build", "--no-search", "--out", "out", "--base-url", "https://example.org/t/"]
    assert runner.invoke(cli, args).exit_code == 0
    html = (tmp_path / "out" / "zh" / "targets" / "farmland" / "index.html").read_text()
    assert '<link rel="canonical" href="https://example.org/t/zh/targets/farmland/">' in html
    assert 'hreflang="en" href="https://example.org/t/en/targets/farmland/"' in html
    plain = runner.invoke(cli, ["build", "--no-search", "--out", "out2"])
    assert plain.exit_code == 0
    assert "canonical" not in (tmp_path / "out2" / "zh" / "index.html").read_text()


def test_a_bad_base_url_is_a_usage_error(runner, content):
    result = runner.invoke(cli, ["build", "--base-url", "example.org"])
    assert result.exit_code == 2
    assert "--base-url" in result.output


@pytest.mark.parametrize("command", [[], ["build"], ["validate"]])
def test_help_speaks_to_staff(runner, command):
    """In the language chosen: --lang, else (here, the repository's content/site.yaml) zh."""
    english = runner.invoke(cli, ["--lang", "en", *command, "--help"])
    assert english.exit_code == 0
    assert english.output.startswith("Usage: ")
    chinese = runner.invoke(cli, [*command, "--help"])
    assert chinese.exit_code == 0
    assert chinese.output.startswith("用法：")


def test_content_errors_never_show_a_traceback(runner, content):
    (content / "site.yaml").write_text("title: [\n")
    result = runner.invoke(cli, ["build"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.startswith("content/site.yaml:")


def test_output_is_identical_whatever_the_parallelism(content, tmp_path):
    from generator.build import build

    build(content, tmp_path / "one", workers=1)
    build(content, tmp_path / "two", workers=2)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert len(tree(tmp_path / "one")) > 40
