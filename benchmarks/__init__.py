"""The benchmark behind `make bench` (`python -m benchmarks`), outside the shipped package.

Synthetic content in the real format (`benchmarks.synthetic`) is built by the real generator in
fresh processes (`benchmarks/children/`) and by a bare Jinja2 floor; then the real site is
opened in a slow-phone Chromium (`benchmarks.pagebench`). Nothing in `generator/` imports this
package. Why the YAML loader is libyaml's composer: docs/performance.md.
"""
