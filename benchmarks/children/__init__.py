"""The programs the benchmark times, each run in a fresh process (`python -m
benchmarks.children.NAME ARGS`) from the repository root. Each starts its clock before its
first import and prints one JSON line; benchmarks.measure.run_child reaps it."""
