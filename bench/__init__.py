"""Benchmarks of the service, run as real server processes: `make bench` (`python -m bench.run`).

The figures are compared as ratios within one run, because the machines are shared and noisy.
"""
