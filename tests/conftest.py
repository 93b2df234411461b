"""Shared fixtures: a writable copy of the minimal content, a CLI runner, the repo root, the
real site built once."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.errors import Diagnostic
from generator.load import Sources, load
from generator.model import Site
from generator.validate import validate
from tests.built import Built, built, read_tree
from tests.casefile import MINIMAL, make_content
from tests.shared import REAL_SITE, build_real_site, shared_folder, start_real_site

ROOT = Path(__file__).resolve().parent.parent


def pytest_sessionstart(session: pytest.Session) -> None:
    """On several workers (make test, make test-fast), the controller starts the real site's
    build at once, while the workers start and collect (tests/shared.py)."""
    config = session.config
    if hasattr(config, "workerinput") or not config.getoption("numprocesses", None):
        return
    here = Path(__file__).resolve().parent
    if not any(here.is_relative_to(Path(arg.split("::")[0]).resolve()) for arg in config.args):
        return  # a run of some files only: they may not need it
    root = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    config.stash[_BACKGROUND] = start_real_site(root)


def pytest_sessionfinish(session: pytest.Session) -> None:
    process = session.config.stash.get(_BACKGROUND, None)
    if process is not None and process.poll() is None:  # no test needed it after all
        process.terminate()
    if process is not None:
        process.wait()


_BACKGROUND = pytest.StashKey[subprocess.Popen[bytes]]()


@pytest.fixture(scope="session")
def minimal_built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """tests/fixtures/minimal as `build --no-search` writes it, built once per worker for the
    tests that only read it: never change it."""
    return built(MINIMAL, tmp_path_factory.mktemp("minimal") / "site")


@pytest.fixture(scope="session")
def minimal_built_at_base(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The same with `--base-url https://example.org/t/`."""
    out = tmp_path_factory.mktemp("minimal-base") / "site"
    return built(MINIMAL, out, base_url="https://example.org/t/")


@pytest.fixture(scope="session")
def real_sources() -> Sources:
    """The real content as load reads it, once per worker: read it, never change it."""
    return load(ROOT / "content")


@pytest.fixture(scope="session")
def real_validated(real_sources: Sources) -> tuple[Site | None, list[Diagnostic]]:
    """The real content, loaded and validated once per worker: (model, problems). The model is
    frozen data, so tests share it."""
    return validate(real_sources)


@pytest.fixture(scope="session")
def real_model(real_validated: tuple[Site | None, list[Diagnostic]]) -> Site:
    """The real content's model (it must be valid)."""
    site, problems = real_validated
    assert site is not None, "\n".join(p.format() for p in problems)
    return site


@pytest.fixture(scope="session")
def real_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content's site, built once per test run the way `build --no-search` ships it
    (one build shared by all workers): read it, copy it, never change it."""
    return shared_folder(tmp_path_factory, REAL_SITE, build_real_site)


@pytest.fixture(scope="session")
def real_site(real_site_dir: Path) -> dict[str, bytes]:
    """Every file of the real content's site, by its path in the site."""
    return read_tree(real_site_dir)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/fixtures/minimal at tmp/content, with tmp as the working directory,
    so messages name files as a staff member sees them: content/targets/x.yaml."""
    monkeypatch.chdir(tmp_path)
    return make_content(tmp_path)


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages follow HEDONG_LANG, site.yaml's staff_lang or the system locale; tests pin
    English (the minimal fixture sets no staff_lang) unless they pass --lang."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "HEDONG_LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
