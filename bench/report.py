"""Markdown rendering of the benchmark page, docs/benchmarks.md."""

from __future__ import annotations

from bench.machine import Machine
from bench.results import BackendRun, Measurement

INTRODUCTION = """\
# Benchmarks

This page is written by `make bench` (`python -m bench.run`, code in `bench/`). Each
measurement starts its own uvicorn process on 127.0.0.1, the way the test suite does, on
freshly migrated and emptied backends, and drives it through the public API (GraphQL over
HTTP and WebSocket). The machines are shared and noisy, so the absolute figures below hold
only for this run and machine. The conclusions rest on the ratios, which compare two
figures taken seconds apart within one measurement. Client and server share the same cores, so
the client's own work is part of every latency. Apart from the bcrypt measurement, servers
run at BCRYPT_ROUNDS=4.
"""


def render(
    machine: Machine, command: str, backend_versions: dict[str, str], runs: list[BackendRun], seconds: float
) -> str:
    lines = [INTRODUCTION, "## Run", ""]
    lines += [
        f"- Date: {machine.date}",
        f"- Machine: {machine.cores} cores ({machine.cpu_model}), "
        f"{machine.memory_gib:.1f} GiB memory, {machine.system}",
        f"- Python: {machine.python}",
    ]
    for run in runs:
        versions = backend_versions.get(run.label, "versions unknown")
        lines.append(f"- Backends, {run.label}: {run.description} ({versions})")
    lines += [f"- Command: `{command}`", f"- Duration of the whole run: {seconds:.0f} s", ""]
    for run in runs:
        lines += _render_run(run)
    return "\n".join(lines).rstrip() + "\n"


def _render_run(run: BackendRun) -> list[str]:
    lines = [f"## {run.label.capitalize()}", ""]
    for measurement in run.measurements:
        lines += _render_measurement(measurement)
    if run.failures:
        lines += ["### Failed measurements", ""]
        lines += [f"- {failure}" for failure in run.failures]
        lines.append("")
    return lines


def _render_measurement(measurement: Measurement) -> list[str]:
    lines = [f"### {measurement.title}", "", f"Method: {measurement.method}", ""]
    lines += ["| figure | value |", "|---|---|"]
    lines += [f"| {figure.label} | {figure.value.replace('|', '/')} |" for figure in measurement.figures]
    lines += [
        "",
        f"Ratio ({measurement.ratio_label}): **{measurement.ratio}**",
        "",
        f"Reading: {measurement.reading}",
        "",
    ]
    return lines
