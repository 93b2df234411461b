"""The README documents every command and option staff can use (sqlite-utils' test_docs)."""

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
