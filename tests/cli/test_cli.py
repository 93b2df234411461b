"""The command line as a staff member uses it."""

import hashlib
import re
from pathlib import Path

import pytest

from generator.cli import cli

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
    result = runner.invoke(cli, ["build", "--out", "out"])
    assert result.exit_code == 1
    problems = [ln for ln in result.stderr.splitlines() if not ln.startswith("✗")]
    assert problems and all(LINE.match(line) for line in problems), problems
    assert "Traceback" not in result.output


def test_a_failed_build_leaves_the_previous_site_byte_for_byte(runner, content, tmp_path):
    assert runner.invoke(cli, ["build", "--out", "out"]).exit_code == 0
    before = tree(tmp_path / "out")
    (content / "targets" / "farmland.yaml").write_text("id: farmland\ntitle: [unclosed\n")
    result = runner.invoke(cli, ["build", "--out", "out"])
    assert result.exit_code == 1
    assert tree(tmp_path / "out") == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


def test_a_template_error_also_leaves_the_site(runner, content, tmp_path, monkeypatch):
    assert runner.invoke(cli, ["build", "--out", "out"]).exit_code == 0
    before = tree(tmp_path / "out")
    import generator.render as render

    def broken(self, *args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(render.Renderer, "render", broken)
    result = runner.invoke(cli, ["build", "--out", "out"])
    assert result.exit_code != 0
    assert tree(tmp_path / "out") == before


def test_deleted_targets_disappear_from_the_site(runner, content, tmp_path):
    assert runner.invoke(cli, ["build", "--out", "out"]).exit_code == 0
    (content / "targets" / "farmers.yaml").unlink()
    assert runner.invoke(cli, ["build", "--out", "out"]).exit_code == 0
    assert not (tmp_path / "out" / "zh" / "targets" / "farmers").exists()


def test_refuses_to_replace_a_folder_it_did_not_make(runner, content, tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    result = runner.invoke(cli, ["build", "--out", "precious"])
    assert result.exit_code == 1
    assert (precious / "thesis.txt").read_text() == "years of work"


def test_two_builds_are_identical(runner, content, tmp_path):
    assert runner.invoke(cli, ["build", "--out", "a"]).exit_code == 0
    assert runner.invoke(cli, ["build", "--out", "b"]).exit_code == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_base_url_adds_absolute_alternates(runner, content, tmp_path):
    args = ["build", "--out", "out", "--base-url", "https://example.org/t/"]
    assert runner.invoke(cli, args).exit_code == 0
    html = (tmp_path / "out" / "zh" / "targets" / "farmland" / "index.html").read_text()
    assert '<link rel="canonical" href="https://example.org/t/zh/targets/farmland/">' in html
    assert 'hreflang="en" href="https://example.org/t/en/targets/farmland/"' in html
    plain = runner.invoke(cli, ["build", "--out", "out2"])
    assert plain.exit_code == 0
    assert "canonical" not in (tmp_path / "out2" / "zh" / "index.html").read_text()


def test_a_bad_base_url_is_a_usage_error(runner, content):
    result = runner.invoke(cli, ["build", "--base-url", "example.org"])
    assert result.exit_code == 2
    assert "--base-url" in result.output


@pytest.mark.parametrize("command", [[], ["build"], ["validate"]])
def test_help_speaks_to_staff(runner, command):
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


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
