"""A description of the machine and the command, for the head of the benchmark page."""

from __future__ import annotations

import os
import platform
import shlex
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True)
class Machine:
    """The machine and interpreter a run was taken on."""

    date: str
    cores: int
    memory_gib: float
    cpu_model: str
    system: str
    python: str


def _meminfo_total_kib() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1])
    raise RuntimeError("no MemTotal line in /proc/meminfo")


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def describe_machine() -> Machine:
    return Machine(
        date=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        cores=os.cpu_count() or 0,
        memory_gib=_meminfo_total_kib() / 1024 / 1024,
        cpu_model=_cpu_model(),
        system=f"{platform.system()} {platform.release()}",
        python=f"{platform.python_implementation()} {platform.python_version()}",
    )


def describe_command(production: bool) -> str:
    """Return the command that started this run, as a reader would type it again."""
    prefix = "BENCH_DATABASE_URL=... BENCH_REDIS_URL=... " if production else ""
    if "MAKELEVEL" in os.environ:
        return f"{prefix}make bench"
    arguments = " ".join(shlex.quote(argument) for argument in sys.argv[1:])
    return f"{prefix}.venv/bin/python -m bench.run {arguments}".rstrip()
