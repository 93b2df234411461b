"""`verify`: check a deployed copy of the site against its manifest.json.

A journalist or auditor can confirm that the published files are exactly what the content
repository builds: every file's SHA-256 must match, none may be missing, none added. Files a
host needs beside the site (Apache's `.htaccess`) are not part of the build: `--ignore`
patterns leave them out of the comparison, and `.htaccess` is left out by default.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

import click

# host configuration the README tells people to put beside the site (Apache), in any folder
DEFAULT_IGNORE = (".htaccess",)


def ignored(rel: str, patterns: Iterable[str]) -> bool:
    """Whether a site-relative path matches a pattern: shell-style (`*`, `?`, `[…]`), against
    the whole path (`assets/*.map`) or, for a pattern without '/', the file's name."""
    name = rel.rsplit("/", 1)[-1]
    return any(
        fnmatch.fnmatchcase(rel, p) or ("/" not in p and fnmatch.fnmatchcase(name, p))
        for p in patterns
    )


def verify(site_dir: Path, ignore: Iterable[str] = DEFAULT_IGNORE) -> list[str]:
    """Every difference between site_dir and its manifest, as readable lines (empty = intact).

    Paths matching an `ignore` pattern are not compared at all: not missing, changed or added.
    """
    patterns = tuple(ignore)
    manifest_path = site_dir / "manifest.json"
    try:
        doc = json.loads(manifest_path.read_text(encoding="utf-8"))
        expected: dict[str, str] = doc["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return [f"{manifest_path}: missing or unreadable manifest"]
    problems = []
    present = {
        rel
        for p in site_dir.rglob("*")
        if p.is_file() and not ignored(rel := p.relative_to(site_dir).as_posix(), patterns)
    }
    for rel, digest in sorted(expected.items()):
        path = site_dir / rel
        if ignored(rel, patterns):
            continue
        if rel not in present:
            problems.append(f"{rel}: missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(f"{rel}: changed (SHA-256 differs from the manifest)")
    for rel in sorted(present - set(expected) - {"manifest.json"}):
        problems.append(f"{rel}: not in the manifest (added after the build)")
    return problems


@click.command("verify")
@click.argument(
    "site_dir", type=click.Path(path_type=Path, exists=True, file_okay=False), default="site"
)
@click.option(
    "--ignore",
    "patterns",
    metavar="PATTERN",
    multiple=True,
    help="Leave out files matching PATTERN (shell-style, e.g. '.well-known/*' or '*.gz'; "
    "a pattern without '/' matches file names in any folder). Repeatable. "
    ".htaccess is always left out.",
)
def verify_command(site_dir: Path, patterns: tuple[str, ...]) -> None:
    """Check that a copy of the site matches its manifest.json, file by file."""
    problems = verify(site_dir, DEFAULT_IGNORE + patterns)
    for line in problems:
        click.echo(line, err=True)
    if problems:
        click.echo(
            f"✗ {len(problems)} difference(s): this copy is not the published build", err=True
        )
        raise SystemExit(1)
    commit = json.loads((site_dir / "manifest.json").read_text())["source_commit"]
    click.echo(
        "✓ every file matches the manifest" + (f" (content commit {commit})" if commit else "")
    )
