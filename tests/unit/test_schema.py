"""The JSON Schema for target files: generated from spec.py, committed, and agreeing with the
validator on everything one file can show by itself."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.load import load
from generator.schema import schema_bytes, target_schema
from generator.validate import validate
from tests.casefile import INVALID, MINIMAL, make_content, read_case
from tests.conftest import ROOT

COMMITTED = ROOT / "content" / "schema" / "target.json"
VALIDATOR = jsonschema.Draft202012Validator(
    target_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


class _StrDates(yaml.SafeLoader):
    """PyYAML's safe loader, but `2021-12-31` stays text, as the generator reads it."""


_StrDates.add_constructor(
    "tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_yaml_str
)


def load_yaml(text: str):
    return yaml.load(text, Loader=_StrDates)


def errors(value) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(value)
    ]


def test_the_committed_schema_is_the_generated_one():
    assert COMMITTED.read_bytes() == schema_bytes(), (
        "content/schema/target.json is out of date with generator/spec.py; regenerate it with "
        "`python -m generator.schema > content/schema/target.json` and commit it"
    )


def test_the_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(target_schema())
    schema = target_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"]
    assert schema["additionalProperties"] is False
    assert schema["required"] == [
        "id",
        "section",
        "theme",
        "title",
        "source",
        "counties",
        "deadline",
        "updates",
    ]
    assert schema["properties"]["title"]["description"] == "Short title / 标题"


def test_the_output_is_deterministic():
    assert schema_bytes() == schema_bytes()
    assert schema_bytes().endswith(b"}\n")


# every report's commitments (a folder without report.yaml is a report still being written)
REPORTS = [p.parent for p in sorted((ROOT / "content" / "reports").glob("*/report.yaml"))]
TARGET_FILES = [p for r in REPORTS for p in sorted((r / "targets").glob("*.yaml"))] + sorted(
    (MINIMAL / "targets").glob("*.yaml")
)


@pytest.mark.parametrize(
    "path", TARGET_FILES, ids=[f"{p.parent.parent.name}/{p.stem}" for p in TARGET_FILES]
)
def test_every_target_file_validates(path: Path):
    assert errors(load_yaml(path.read_text(encoding="utf-8"))) == []


def test_every_real_target_points_at_the_schema():
    for path in sorted((ROOT / "content" / "targets").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/target.json", path.name


# The invalid-content cases (tests/fixtures/invalid/) whose target files the schema can judge,
# with what it must catch. The others are skipped:
#   alias-bomb, duplicate-key  YAML-level refusals: PyYAML expands aliases and keeps the last
#                              of two equal keys, so the schema never sees the problem
#   unsafe-tag, yaml-syntax,   not valid (safe) YAML: nothing to give the schema
#   yaml-tab, yaml-indentation
#   id-mismatch, quote-not-found, unknown-references, county-values, evidence-quote,
#   refused-source, status-rules
#                              cross-file rules (file names, report text, known ids, the
#                              target's own counties); their files are structurally fine, and
#                              test_cross_file_cases_pass_the_schema checks the schema agrees
#   map-codes, report-ids      no target file in the case
#   fullwidth-*, curly-quotes, input-method slips, found in the text before it is parsed
#   updates-after-empty-list   (generator/yamlscan.py): invalid YAML, or values like
#                              “title” that the schema cannot tell from text
# numbers.txt also holds `.nan`, which JSON Schema cannot refuse (NaN is a number and
# `minimum` comparisons with it are false); dates.txt's order of updates is cross-item. Both
# cases are still rejected through their other mistakes.
EXPRESSIBLE = {
    "achieved-without-source": ["updates/0/status", "updates/1"],  # bad enum, missing source
    "bad-urls": ["updates/0/source/url", "updates/1/source/url"],  # javascript:, data:
    "url-without-scheme": ["updates/0/source/url"],  # www.… with no https://
    "dates": ["deadline"],  # 2021-02-30 (format: date)
    "flow-comma": ["title"],  # the stray key '000 farmers'
    "hidden-characters": ["title/zh", "title/en"],
    "id-path-traversal": ["id"],  # the id pattern
    "missing-field": [""],  # deadline
    "missing-translation": ["title"],  # en
    "numbers": ["metric/target", "updates/0/value"],  # wrong type, negative
    "unknown-field": [""],  # titel (and so title is missing)
    "yes-no": ["updates/0/status"],  # a yes/no value where text belongs
}
TEXT_SLIPS = [
    "fullwidth-colon",
    "fullwidth-comma",
    "fullwidth-space",
    "fullwidth-marks",
    "curly-quotes",
    "updates-after-empty-list",
    # typed or pasted as a staff member would (docs/staff-mistakes.md): not YAML an editor
    # could check, or no longer the text the schema sees
    "missing-colon",
    "missing-space-after-colon",
    "typed-in-chinese",
    "no-break-spaces",
]
# the file itself: its encoding, an empty or copied file, a deleted one (nothing to check)
FILE_LEVEL = [
    "empty-file",
    "encoding-gb18030",
    "encoding-utf16",
    "file-copy",
    "file-deleted",
    "file-shapes",  # a list, comments only, a .bak file, a folder named .yaml
]
CROSS_FILE = [
    "id-mismatch",
    "quote-not-found",
    "unknown-references",
    "county-values",
    "evidence-quote",  # quotes of a document in content/documents/
    "refused-source",  # the publishers register
    "status-rules",  # figure against target, dates against the build date and report year
    # several reports (tests/fixtures/two-reports): ids across reports, year-to-year links
    "reports-duplicate-target-id",
    "reports-continues-missing",
    "reports-continues-later",
    "reports-one-sided-links",
    "links-one-report",
    "reports-continued-in-unknown",
    # counties.yaml and sections.yaml with ids used twice; the target is well-formed
    "county-and-section-files",
]
# the layout of content/reports/ and report.yaml: no target file, or one the case leaves unread
LAYOUT = [
    "reports-both-layouts",
    "reports-missing-text",
    "reports-site-report-block",
    "reports-duplicate-section-id",
]


def case_targets(name: str) -> dict[str, object]:
    case = read_case(INVALID / f"{name}.txt")
    return {
        file: load_yaml(text)
        for file, text in case.files.items()
        if file.startswith("content/") and "/targets/" in file
    }


@pytest.mark.parametrize("name", sorted(EXPRESSIBLE))
def test_the_schema_rejects_what_the_validator_rejects(name: str):
    (value,) = case_targets(name).values()
    found = errors(value)
    where = sorted({e.split(":", 1)[0] for e in found})
    assert found, f"{name}: the schema accepted it"
    for path in EXPRESSIBLE[name]:
        assert path in where, f"{name}: nothing reported at {path!r}: {found}"


def test_every_invalid_case_is_either_checked_or_listed_as_skipped():
    skipped = {
        "alias-bomb",
        "duplicate-key",
        "unsafe-tag",
        "yaml-syntax",
        "yaml-tab",
        "yaml-indentation",
        "map-codes",
        "report-ids",
        # no target file: the report's text, not-targets, the registers, the map
        "report-translation",
        "not-targets-and-register",
        "map-not-a-collection",
        "targets-folder-files",  # files that are not targets at all
        # two target files; the schema does catch each rule (checked by hand when added)
        "metric-rules",
        *TEXT_SLIPS,
        *FILE_LEVEL,
        *CROSS_FILE,
        *LAYOUT,
    }
    names = {p.stem for p in INVALID.glob("*.txt")}
    assert names == set(EXPRESSIBLE) | skipped, "classify the new case in test_schema.py"


@pytest.mark.parametrize("name", CROSS_FILE)
def test_cross_file_cases_pass_the_schema(name: str):
    for file, value in case_targets(name).items():
        assert errors(value) == [], file


RUICHENG = (MINIMAL / "targets" / "ruicheng-acceptance.yaml").read_text(encoding="utf-8")
FARMERS = (MINIMAL / "targets" / "farmers.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "file,old,new,path",
    [
        # a milestone has no number (RequireWhen … forbid)
        (
            "ruicheng-acceptance",
            "metric: {kind: milestone}",
            "metric: {kind: milestone, target: 1}",
            "metric",
        ),
        # a quantity needs target, comparator and unit (RequireWhen … require)
        ("farmers", "  target: 6000\n", "", "metric"),
        ("farmers", "counties: [all]", "counties: []", "counties"),
        (
            "farmers",
            "updates: []",
            "updates:\n  - {date: 2021-06-01, status: missed, source: {title: x, url: 'ftp://x'}}",
            "updates/0/source/url",
        ),
        (
            "farmers",
            "updates: []",
            "updates:\n  - {date: 2021-06-01, status: on_track, value: 1, counties: {Yan-Hu: 1}}",
            "updates/0/counties",
        ),
        ("farmers", "id: farmers", "id: '  '", "id"),
    ],
)
def test_the_schema_and_the_validator_agree_on_more_mistakes(
    tmp_path, monkeypatch, file, old, new, path
):
    text = {"farmers": FARMERS, "ruicheng-acceptance": RUICHENG}[file]
    assert old in text
    changed = text.replace(old, new)
    assert path in {
        "/".join(map(str, e.absolute_path)) for e in VALIDATOR.iter_errors(load_yaml(changed))
    }
    monkeypatch.chdir(tmp_path)
    content = make_content(tmp_path, {f"content/targets/{file}.yaml": changed})
    site, problems = validate(load(content))
    assert site is None, "the validator accepted what the schema refuses"


def test_null_updates_are_allowed_by_both(tmp_path, monkeypatch):
    # `updates:` with nothing after it reads as null, which the validator takes as no updates
    changed = FARMERS.replace("updates: []", "updates:")
    assert load_yaml(changed)["updates"] is None
    assert errors(load_yaml(changed)) == []
    monkeypatch.chdir(tmp_path)
    content = make_content(tmp_path, {"content/targets/farmers.yaml": changed})
    assert validate(load(content))[0] is not None
