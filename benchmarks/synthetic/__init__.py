"""Synthetic content in the real format, for benchmarks: `make_content(dest, n_targets, seed)`.

A pure function of (n_targets, seed): the same bytes every time. The tree has site.yaml, the
real counties.yaml and map file (copied from the repository's content/), 7 sections of 3–5
themes, a report of about N/5 paragraphs in both languages, N target files, a glossary and
not-targets. Every target quotes an exact sentence of its paragraph, so the tree passes the
real validator. Text is assembled from a fixed vocabulary of realistic phrases
(vocabulary.yaml), so Chinese word segmentation and the English stemmer see varied words rather
than one repeated string.
"""

from benchmarks.synthetic.files import make_content

__all__ = ["make_content"]
