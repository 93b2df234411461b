"""Commands are imported only when run: `python -m generator --help` loads none of them."""

import json
import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import json, sys
from generator.cli import cli
try:
    cli.main({args!r}, prog_name="python -m generator")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""

HEAVY = ("pyecharts", "generator.session", "generator.build", "generator.render", "jinja2")
COMMANDS = ("generator.serve", "generator.scaffold", "generator.verify")


def modules_after(*args: str) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(run.stdout.splitlines()[-1]))


def test_the_help_page_imports_no_command():
    loaded = modules_after("--help")
    assert not [m for m in loaded if m.startswith(HEAVY + COMMANDS + ("generator.extract",))]


def test_a_command_imports_its_own_module_only():
    loaded = modules_after("verify", "--help")
    assert "generator.verify" in loaded
    assert not [m for m in loaded if m.startswith(HEAVY + ("generator.serve", "generator.extract"))]
