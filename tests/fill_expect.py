"""Print what validate says for each invalid case (to review and paste into -- expect --)."""

import os
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from tests.casefile import INVALID, make_content, read_case

for path in sorted(INVALID.glob("*.txt")):
    if len(sys.argv) > 1 and path.stem not in sys.argv[1:]:
        continue
    case = read_case(path)
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        make_content(Path(tmp), case.files)
        result = CliRunner().invoke(cli, ["validate"])
        lines = [ln for ln in result.stderr.splitlines() if not ln.startswith("✗")]
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("-- expect --")]
    if "--write" in sys.argv or os.environ.get("WRITE"):
        path.write_text(head + "-- expect --\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"== {path.stem} (exit {result.exit_code})")
    print("\n".join(lines))
