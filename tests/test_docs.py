"""The README documents every command and option staff can use (sqlite-utils' test_docs)."""

import re
from pathlib import Path

import click

from generator.cli import cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    for name in cli.list_commands(click.Context(cli)):  # the lazy ones too, not yet imported
        assert f"python -m generator {name}" in README, name


def test_every_build_and_validate_option_is_in_the_readme():
    for name in ("build", "validate"):
        for param in cli.commands[name].params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in README, f"{name} {opt}"


def test_the_readme_opens_with_the_two_commands():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    assert "make site" in first_block and "make test" in first_block


def test_every_benchmark_option_is_in_the_readme():
    """`make bench` is not a generator command (benchmarks/ is not shipped): its own row."""
    from benchmarks.command import bench_command

    assert "python -m benchmarks" in README and "make bench" in README
    for param in bench_command.params:
        for opt in (*param.opts, *param.secondary_opts):
            if opt.startswith("--") and opt != "--help":
                assert opt in README, f"bench {opt}"


# Where documentation points at other documents: a dangling name is a broken promise to a reader.
SCANNED = ("README.md", "pyproject.toml", "docs", "generator")
MD_NAME = re.compile(r"[\w./-]*[\w-]\.md\b")
SKIP_DIRS = {".git", ".venv", "node_modules", "site", ".cache"}


def scanned_files() -> list[Path]:
    files = []
    for name in SCANNED:
        path = ROOT / name
        if path.is_file():
            files.append(path)
        else:
            files += [p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix != ".pyc"]
    return files


def markdown_names() -> set[str]:
    """The name of every Markdown file of the repository (for references by bare name)."""
    return {
        p.name for p in ROOT.rglob("*.md") if not SKIP_DIRS.intersection(p.relative_to(ROOT).parts)
    }


def dangling(text: str, where: Path, names: set[str]) -> list[str]:
    """The *.md references in `text` that name no file. A path is looked up from the file that
    mentions it and from the repository root; a bare name must be some Markdown file's name; a
    path under an upper-case placeholder (CONTENT/report/zh.md) stands for the reader's own."""
    missing = []
    for ref in MD_NAME.findall(text):
        first = ref.split("/", 1)[0]
        if "/" in ref and first.isupper():
            continue
        if "/" not in ref:
            found = ref in names
        else:
            found = (where.parent / ref).exists() or (ROOT / ref).exists()
        if not found:
            missing.append(ref)
    return missing


def test_every_markdown_file_the_docs_and_code_mention_exists():
    names = markdown_names()
    missing = []
    for path in scanned_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        rel = path.relative_to(ROOT).as_posix()
        missing += [f"{rel}: {ref}" for ref in dangling(text, path, names)]
    assert not missing, "references to Markdown files that do not exist:\n" + "\n".join(missing)


def test_the_reference_check_finds_a_dangling_name():
    names = {"README.md", "zh.md"}
    text = "see docs/content.md, zh.md, CONTENT/report/zh.md and (performance-notes.md)"
    assert dangling(text, ROOT / "README.md", names) == ["performance-notes.md"]
    assert dangling("docs/nowhere.md", ROOT / "README.md", names) == ["docs/nowhere.md"]
