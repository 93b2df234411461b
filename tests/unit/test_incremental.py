"""The `serve` session's output equals a full build, byte for byte, after every edit.

Random sequences of edits to synthetic content: a target's title, a new update, a target
added, deleted, moved to another part of the report or to other counties, the report's text,
the counties file, the site settings, a template. After each edit the session rebuilds what
it thinks changed and the test builds everything from scratch: the two folders must hold the
same files with the same bytes. Reuse (generator/incremental.py) may only skip work whose
result would be identical; any input a page forgets to declare shows up here.

`make test-fast` runs a few short sequences on a small site; the `slow` variant (in
`make test`) runs more and longer ones on a few hundred targets.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.synthetic.files import make_content
from generator.build import build
from generator.errors import ContentError
from generator.render import TEMPLATES
from generator.session import Session
from tests.built import read_tree

KINDS = (
    "title",
    "update",
    "add",
    "delete",
    "section",
    "counties",
    "report",
    "county_names",
    "site",
    "template",
)
EDITS = st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 2**31)), min_size=1, max_size=3)


class Site:
    """A copy of synthetic content and templates that edits change, one file at a time."""

    def __init__(self, root: Path, content: Path):
        self.content = root / "content"
        self.templates = root / "templates"
        shutil.copytree(content, self.content)
        shutil.copytree(TEMPLATES, self.templates)
        self.sections = re.findall(
            r"^- id: (\S+)\n(?:(?!^- id:).*\n)*?\s+themes:\n((?:\s+- id: .*\n(?:\s+\w.*\n)*)+)",
            (self.content / "sections.yaml").read_text(encoding="utf-8"),
            re.M,
        )
        self.county_ids = re.findall(
            r"^- id: (\S+)", (self.content / "counties.yaml").read_text(encoding="utf-8"), re.M
        )

    def targets(self) -> list[Path]:
        return sorted((self.content / "targets").glob("*.yaml"))

    def edit(self, kind: str, seed: int) -> set[Path]:
        """Apply one edit; return the files it changed, created or deleted."""
        rng = random.Random(seed)
        target = rng.choice(self.targets())
        text = target.read_text(encoding="utf-8")
        if kind == "title":
            new = re.sub(r'(\n  en: "[^"\n]*)"', r'\1 (edited)"', text, count=1)
            return self._put(target, new)
        if kind == "update":
            day = rng.randint(1, 28)
            entry = (
                f"  - date: 2021-12-{day:02d}\n    status: in_progress\n"
                f'    source: {{title: t{seed}, url: "https://www.yuncheng.gov.cn/x/{seed}"}}\n'
            )
            body = text.replace("updates: []\n", "updates:\n")
            return self._put(target, body.rstrip("\n") + "\n" + entry)
        if kind == "add":
            tid = re.search(r"^id: (\S+)", text, re.M).group(1)  # type: ignore[union-attr]
            new_id = f"{tid}-copy{seed % 1000}"
            path = target.with_name(f"{new_id}.yaml")
            return self._put(path, text.replace(f"id: {tid}\n", f"id: {new_id}\n", 1))
        if kind == "delete":
            target.unlink()
            return {target}
        if kind == "section":
            section, themes = rng.choice(self.sections)
            theme = rng.choice(re.findall(r"- id: (\S+)", themes))
            new = re.sub(
                r"^section: .*\ntheme: .*$", f"section: {section}\ntheme: {theme}", text, flags=re.M
            )
            return self._put(target, new)
        if kind == "counties":
            # a target without per-county figures (those must name its counties)
            target = rng.choice([p for p in self.targets() if _count(p, "counties:") == 1])
            text = target.read_text(encoding="utf-8")
            picked = rng.sample(self.county_ids, rng.randint(1, 3))
            new = re.sub(r"^counties: .*$", f"counties: [{', '.join(picked)}]", text, flags=re.M)
            return self._put(target, new)
        if kind == "report":
            path = self.content / "report" / "en.md"
            lines = path.read_text(encoding="utf-8").split("\n")
            body = [i for i, line in enumerate(lines) if line and not line.startswith(("{", "#"))]
            i = rng.choice(body)
            lines[i] += f" Edited {seed}."
            return self._put(path, "\n".join(lines))
        if kind == "county_names":
            path = self.content / "counties.yaml"
            county = rng.choice(self.county_ids)
            text = path.read_text(encoding="utf-8")
            block = re.search(rf"^- id: {county}\n(?:  .*\n)*", text, re.M)
            assert block is not None
            changed = re.sub(r"(en: )([^},\n]+)", rf"\1\2 {seed % 97}", block.group(0), count=1)
            return self._put(path, text.replace(block.group(0), changed))
        if kind == "site":
            path = self.content / "site.yaml"
            text = path.read_text(encoding="utf-8")
            return self._put(
                path, re.sub(r'(\n  en: "?)([^"\n]+)', rf"\1\2 v{seed % 97}", text, count=1)
            )
        assert kind == "template"
        path = self.templates / "macros" / "targets.html"
        return self._put(path, path.read_text(encoding="utf-8") + f"\n{{# edit {seed} #}}\n")

    @staticmethod
    def _put(path: Path, text: str) -> set[Path]:
        path.write_text(text, encoding="utf-8")
        return {path}


def _count(path: Path, word: str) -> int:
    return path.read_text(encoding="utf-8").count(word)


def check_sequence(tmp: Path, synthetic: Path, edits: list[tuple[str, int]]) -> None:
    site = Site(tmp, synthetic)
    out = tmp / "preview"
    session = Session(site.content, out, templates=site.templates, commit=False)
    session.full()
    for step, (kind, seed) in enumerate(edits, 1):
        changed = site.edit(kind, seed)
        full = tmp / f"full-{step}"
        before = read_tree(out)
        try:
            session.rebuild(changed)
        except ContentError:
            # an edit that breaks the content (two random edits may clash): a full build
            # refuses it too, and the preview keeps the last good site as it was
            with pytest.raises(ContentError):
                build(site.content, full, templates=site.templates, workers=1)
            assert read_tree(out) == before
            continue
        build(site.content, full, templates=site.templates, workers=1, allow_removals=True)
        expected = read_tree(full)
        actual = read_tree(out)
        differing = sorted(
            p for p in expected.keys() | actual.keys() if expected.get(p) != actual.get(p)
        )
        assert not differing, f"after edit {step} ({kind}, seed {seed}): {differing[:10]}"
        shutil.rmtree(tmp / f"full-{step}")


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic-small") / "content"
    make_content(folder, 20, seed=7)
    return folder


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic-large") / "content"
    make_content(folder, 300, seed=11)
    return folder


@settings(
    max_examples=2,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=EDITS)
def test_the_session_equals_a_full_build_after_every_edit(
    edits: list[tuple[str, int]], small_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    check_sequence(tmp_path_factory.mktemp("seq"), small_site, edits)


@pytest.mark.slow
@settings(
    max_examples=4,  # each edit is two 300-target builds: 4 sequences of up to 6 edits ≈ 1 min
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 2**31)), max_size=6))
def test_the_session_equals_a_full_build_on_a_few_hundred_targets(
    edits: list[tuple[str, int]], large_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    check_sequence(tmp_path_factory.mktemp("seq"), large_site, edits)


@pytest.mark.slow
def test_every_kind_of_edit_is_exercised(small_site: Path, tmp_path: Path) -> None:
    """One fixed sequence with each kind of edit once, so no kind goes untested by chance."""
    check_sequence(tmp_path, small_site, [(kind, 1000 + i) for i, kind in enumerate(KINDS)])
