"""`verify`: check a deployed copy of the site against its manifest.json.

A journalist or auditor can confirm that the published files are exactly what the content
repository builds: every file's SHA-256 must match, none may be missing, none added.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import click


def verify(site_dir: Path) -> list[str]:
    """Every difference between site_dir and its manifest, as readable lines (empty = intact)."""
    manifest_path = site_dir / "manifest.json"
    try:
        doc = json.loads(manifest_path.read_text(encoding="utf-8"))
        expected: dict[str, str] = doc["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return [f"{manifest_path}: missing or unreadable manifest"]
    problems = []
    present = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    for rel, digest in sorted(expected.items()):
        path = site_dir / rel
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
def verify_command(site_dir: Path) -> None:
    """Check that a copy of the site matches its manifest.json, file by file."""
    problems = verify(site_dir)
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
