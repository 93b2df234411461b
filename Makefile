# Hedong Open. `make site` sets everything up and builds site/; `make test` runs every test.
# Setup is idempotent: each step re-runs only when its lock file changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
SUDO   := $(if $(filter 0,$(shell id -u)),,sudo)
PAGEFIND := node_modules/@pagefind/linux-x64/bin/pagefind_extended
# pytest on 2 workers (pytest-xdist; JOBS=0 runs in one process); an idle worker takes queued
# tests from the busy one (worksteal), so a few long tests do not leave one CPU idle at the end.
# PYTHONDONTWRITEBYTECODE is unset for the tests only: with it set, pytest re-rewrites every test
# module's asserts on every run and each `python -m generator` child recompiles the package from
# source (about 15 s of CPU a run).
JOBS   ?= 2
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(PY) -m pytest -n $(JOBS) --dist worksteal

.PHONY: site setup build validate search test test-fast lint fmt golden guide-images serve bench clean

## site: set up (venv, locked Python and npm packages, chart bundle) and build the real site
site: setup build

## setup: everything the build needs, from the lock files
setup: $(VENV)/.installed node_modules/.installed .cache/vendor/echarts.min.js

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

.cache/vendor/echarts.min.js: generator/frontend/echarts-entry.js node_modules/.installed
	npm run --silent build:echarts

## build: validate the content and write site/ (the previous site stays if anything is wrong)
build:
	$(PY) -m generator build

## validate: check the content only
validate:
	$(PY) -m generator validate

## chromium: Debian's Chromium and CJK fonts for the browser tests (never a downloaded browser)
/usr/bin/chromium:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk >/dev/null

## test: setup, Chromium, then every test (unit, golden, CLI, browser)
test: setup /usr/bin/chromium
	$(BIN)/ruff check generator tests benchmarks scripts
	$(BIN)/ruff format --check generator tests benchmarks scripts
	$(PYTEST)

## test-fast: everything except the browser tests and the slow ones (tests/browser/ is not even
## collected, so no process imports Playwright)
test-fast: setup
	$(PYTEST) -m "not browser and not slow" --ignore=tests/browser

## lint: ruff, and mypy on generator/ (its settings: [tool.mypy] in pyproject.toml)
lint: setup
	$(BIN)/ruff check generator tests benchmarks scripts
	$(BIN)/ruff format --check generator tests benchmarks scripts
	$(BIN)/mypy

fmt: setup
	$(BIN)/ruff format generator tests benchmarks scripts

## golden: rewrite tests/golden/expected from tests/fixtures/minimal (review the diff!)
golden: setup
	$(PY) -m tests.golden.refresh

## guide-images: refresh the staff guide's screenshots from the browser tests
guide-images: setup /usr/bin/chromium
	$(PY) -m pytest -q tests/browser/test_guide_images.py
	mkdir -p docs/images && cp tests/artifacts/guide/*.png docs/images/

## serve: live preview on http://127.0.0.1:8000/ with rebuild on change
serve: setup
	$(PY) -m generator serve

## bench: synthetic 100 / 1,000 / 10,000-target builds against a floor, then the real site as a
## slow phone (benchmarks/; not part of the shipped package). Options: make bench ARGS="--sizes 100"
bench: setup
	$(PY) -m benchmarks $(ARGS)

clean:
	rm -rf site .cache $(VENV) node_modules
