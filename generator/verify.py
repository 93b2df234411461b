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

from generator.catalogue import text
from generator.clikit import Command, lang, say

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


def verify(site_dir: Path, ignore: Iterable[str] = DEFAULT_IGNORE, lang: str = "en") -> list[str]:
    """Every difference between site_dir and its manifest, as readable lines in `lang`
    (empty = intact). Paths matching an `ignore` pattern are not compared at all."""
    return [text(f"verify.{kind}", lang, path=path) for kind, path in differences(site_dir, ignore)]


def differences(site_dir: Path, ignore: Iterable[str] = DEFAULT_IGNORE) -> list[tuple[str, str]]:
    """(kind, path) for every difference: kind is unreadable, missing, changed or added."""
    patterns = tuple(ignore)
    manifest_path = site_dir / "manifest.json"
    try:
        doc = json.loads(manifest_path.read_text(encoding="utf-8"))
        expected: dict[str, str] = doc["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return [("unreadable", str(manifest_path))]
    found = []
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
            found.append(("missing", rel))
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            found.append(("changed", rel))
    for rel in sorted(present - set(expected) - {"manifest.json"}):
        found.append(("added", rel))
    return found


@click.command("verify", cls=Command)
@click.argument(
    "site_dir", type=click.Path(path_type=Path, exists=True, file_okay=False), default="site"
)
@click.option("--ignore", "patterns", metavar="PATTERN", multiple=True, help="Leave out files.")
def verify_command(site_dir: Path, patterns: tuple[str, ...]) -> None:
    """Check a copy of the site against its manifest.json (help: cli.verify.help)."""
    problems = verify(site_dir, DEFAULT_IGNORE + patterns, lang())
    for line in problems:
        click.echo(line, err=True)
    if problems:
        click.echo(say("verify.failed", count=len(problems)), err=True)
        raise SystemExit(1)
    commit = json.loads((site_dir / "manifest.json").read_text())["source_commit"]
    if commit:
        click.echo(say("verify.ok.commit", commit=commit))
    else:
        click.echo(say("verify.ok"))
