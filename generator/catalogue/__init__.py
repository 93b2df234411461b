"""The message catalogue: every word a user sees, in both languages, in one folder.

Each `*.yaml` file beside this module maps a dotted key to `{zh: …, en: …}`; values may hold
`{name}` fields filled by `text(key, lang, name=…)`. The files split the catalogue by who
reads it (ui: the site's pages; cli: the commands; diagnostics: content errors; fields: the
data dictionary; …) but the keys share one namespace, and a key defined twice is an error.
Templates, charts, exports, the CLI, `serve` and the diagnostics all read this one catalogue,
so a translator edits one place and a reworded English message keeps its Chinese.
"""

from __future__ import annotations

import functools
import marshal
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.cachefile import keep

FOLDER = Path(__file__).resolve().parent
LANGS = ("zh", "en")
# the parsed catalogue, kept between processes (parsing its YAML took 0.045 s of every start)
CACHE = FOLDER.parent.parent / ".cache" / "catalogue.marshal"


class CatalogueError(Exception):
    """A catalogue file is malformed: a programmer's mistake, reported with the file and key."""


class UnknownMessage(KeyError):
    """A key that no catalogue file defines."""


@dataclass(frozen=True)
class Catalogue:
    """Keys → {"zh": text, "en": text}. Frozen: loaded once, shared by every stage."""

    entries: Mapping[str, Mapping[str, str]]

    def text(self, key: str, lang: str, /, **values: Any) -> str:
        """The text of `key` in `lang`, with `{name}` fields filled from `values`."""
        try:
            text = self.entries[key][lang]
        except KeyError:
            raise UnknownMessage(
                f"unknown message '{key}' (add it to generator/catalogue/)"
            ) from None
        return text.format(**values) if values else text

    def both(self, key: str, /, **values: Any) -> dict[str, str]:
        """The text in both languages, for places that show both (chooser, CSV headers)."""
        return {lang: self.text(key, lang, **values) for lang in LANGS}

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def keys(self, prefix: str = "") -> list[str]:
        """Every key that starts with `prefix`, sorted."""
        return sorted(k for k in self.entries if k.startswith(prefix))


def read_catalogue(folder: Path = FOLDER) -> Catalogue:
    """Read every `*.yaml` in `folder` into one Catalogue; refuse bad entries and duplicates."""
    return Catalogue(_parse(sorted(folder.glob("*.yaml"))))


def cached_catalogue(folder: Path = FOLDER, cache: Path = CACHE) -> Catalogue:
    """read_catalogue(folder), kept in `cache` (a marshal file) with the name, modification
    time and size of every file it was read from: the next process reads that instead of the
    YAML while the files are the same, and reads the YAML again (and rewrites the cache) as
    soon as one is edited, added or removed. A cache that cannot be read or written is
    ignored."""
    paths = sorted(folder.glob("*.yaml"))
    stamp: list[str | int] = [str(folder)]
    for path in paths:
        st = path.stat()
        stamp += [path.name, st.st_mtime_ns, st.st_size]
    try:
        kept_stamp, entries = marshal.loads(cache.read_bytes())
        if kept_stamp == stamp:
            return Catalogue(entries)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    entries = _parse(paths)
    keep(cache, marshal.dumps((stamp, entries)))
    return Catalogue(entries)


def _parse(paths: list[Path]) -> dict[str, dict[str, str]]:
    entries: dict[str, dict[str, str]] = {}
    where: dict[str, str] = {}
    for path in paths:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
        for key, value in data.items():
            if not isinstance(value, dict) or set(value) != set(LANGS):
                raise CatalogueError(f"{path.name}: '{key}' needs exactly zh and en")
            if not all(isinstance(value[lang], str) for lang in LANGS):
                raise CatalogueError(f"{path.name}: '{key}' needs text in both languages")
            if key in entries:
                raise CatalogueError(f"{path.name}: '{key}' is already defined in {where[key]}")
            entries[key] = value
            where[key] = path.name
    return entries


@functools.cache
def catalogue() -> Catalogue:
    """The package's catalogue, read once per process (the files ship with the code), from
    its cache while the files are unchanged."""
    return cached_catalogue()


def text(key: str, lang: str, /, **values: Any) -> str:
    """Shorthand for `catalogue().text(...)`, for commands and diagnostics."""
    return catalogue().text(key, lang, **values)
