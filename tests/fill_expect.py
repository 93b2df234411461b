"""Print what validate says for each invalid case, in English and in Chinese (to review and
paste into `-- expect --` and `-- expect.zh --`; WRITE=1 or --write writes both in the file).

    .venv/bin/python -m tests.fill_expect [CASE …] [--write]
"""

import os
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from tests.casefile import INVALID, make_content, read_case


def problems(files: dict[str, str], lang: str) -> tuple[int, list[str]]:
    """(exit status, the problem lines) of `validate` on a copy of the minimal content with
    the case's files, in `lang`."""
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            make_content(Path(tmp), files)
            result = CliRunner().invoke(cli, ["--lang", lang, "validate"])
        finally:
            os.chdir(here)
    return result.exit_code, [ln for ln in result.stderr.splitlines() if not ln.startswith("✗")]


def main(args: list[str]) -> None:
    names = [a for a in args if not a.startswith("--")]
    write = "--write" in args or bool(os.environ.get("WRITE"))
    for path in sorted(INVALID.glob("*.txt")):
        if names and path.stem not in names:
            continue
        case = read_case(path)
        code, en = problems(case.files, "en")
        _, zh = problems(case.files, "zh")
        text = path.read_text(encoding="utf-8")
        head = text[: text.index("-- expect --")]
        if write:
            body = "-- expect --\n" + "\n".join(en) + "\n-- expect.zh --\n" + "\n".join(zh) + "\n"
            path.write_text(head + body, encoding="utf-8")
        print(f"== {path.stem} (exit {code})")
        print("\n".join(en))
        print("-- zh")
        print("\n".join(zh))


if __name__ == "__main__":
    main(sys.argv[1:])
