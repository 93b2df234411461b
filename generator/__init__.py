"""Hedong Open: a static, bilingual promise tracker built from YAML and Markdown.

The pipeline, one module a stage: load → validate → plan → render → write
(see build.py). Plain data passes between the stages.
"""

from generator import codecache

__version__ = "0.1.0"

codecache.install()  # before any module of the package makes its dataclasses
