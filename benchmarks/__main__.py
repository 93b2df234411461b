"""`python -m benchmarks` (what `make bench` runs)."""

from benchmarks.command import main

main()
