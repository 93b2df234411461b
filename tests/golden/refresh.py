"""`make golden`: rewrite tests/golden/expected from tests/fixtures/minimal. Review the diff."""

import shutil

from tests.golden.site import EXPECTED, golden_output

if __name__ == "__main__":
    shutil.rmtree(EXPECTED, ignore_errors=True)
    files = golden_output()
    for path, data in files.items():
        target = EXPECTED / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"wrote {len(files)} files to {EXPECTED}")
