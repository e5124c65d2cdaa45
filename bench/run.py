"""Measure the service's speed and memory and write docs/benchmarks.md.

Run from the repository root:

    make bench                              # the embedded default: SQLite and in-process stores
    BENCH_DATABASE_URL=mysql+aiomysql://root@127.0.0.1:3306/meetup_bench \\
    BENCH_REDIS_URL=redis://127.0.0.1:6379/11 make bench   # the embedded default, then production

With the two BENCH_* variables set, the MySQL/MariaDB database they name is dropped and
created again and the Redis database is flushed. Every measurement starts its own server
process on 127.0.0.1 and is bounded in count and time. A run of both configurations took
about 2.5 minutes on a 2-core machine. The process exits with status 1 when any measurement failed, after
writing the page with the failures listed.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from bench import bcrypt_loop, events_page, fanout, memory, slow_client
from bench.machine import describe_command, describe_machine
from bench.report import render
from bench.results import BackendRun, Measurement
from bench.servers import (
    BenchBackend,
    BenchConfigurationError,
    embedded,
    prepare,
    production_from_environment,
    server_versions,
)

logger = logging.getLogger("bench.run")

MeasureFunction = Callable[[BenchBackend, Path], Awaitable[Measurement]]
MEASUREMENTS: list[tuple[str, MeasureFunction]] = [
    ("events-page", events_page.measure),
    ("fan-out", fanout.measure),
    ("memory", memory.measure),
    ("slow-client", slow_client.measure),
    ("bcrypt", bcrypt_loop.measure),
]
MEASUREMENT_TIME_LIMIT_SECONDS = 120.0
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"


async def _bench_backend(backend: BenchBackend, scratch: Path, only: set[str]) -> BackendRun:
    run = BackendRun(label=backend.label, description=backend.describe())
    prepare(backend)
    for number, (name, measure) in enumerate(MEASUREMENTS, start=1):
        if only and name not in only:
            continue
        logger.info("bench.measurement_started backend=%s measurement=%s", backend.label, name)
        try:
            async with asyncio.timeout(MEASUREMENT_TIME_LIMIT_SECONDS):
                measurement = await measure(backend, scratch)
        except Exception as error:
            # One failed measurement should not cost the others, so it is listed on the page and
            # in the exit status instead of raised.
            logger.exception("bench.measurement_failed backend=%s measurement=%s", backend.label, name)
            run.failures.append(f"{number}. {name}: {_summarize(error)}")
            continue
        run.measurements.append(dataclasses.replace(measurement, title=f"{number}. {measurement.title}"))
    return run


def _summarize(error: Exception) -> str:
    """Return the error's type, first line and last line, because server errors carry a whole log tail."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    if len(lines) > 2:
        lines = [lines[0], "...", lines[-1]]
    return f"{type(error).__name__}: {' '.join(lines)} (the bench's output has the full error)"


async def _bench_all(
    backends: list[BenchBackend], scratch: Path, only: set[str]
) -> tuple[list[BackendRun], dict[str, str]]:
    runs: list[BackendRun] = []
    versions: dict[str, str] = {}
    for backend in backends:
        runs.append(await _bench_backend(backend, scratch, only))
        versions[backend.label] = server_versions(backend)
    return runs, versions


def _parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help="where to write the page (default: docs/benchmarks.md)",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=[name for name, _ in MEASUREMENTS],
        default=[],
        help="run only this measurement (repeatable); the page then lists only those",
    )
    parser.add_argument(
        "--keep-logs",
        action="store_true",
        help="keep the temporary folder with the server logs and print its path",
    )
    return parser.parse_args()


def main() -> int:
    arguments = _parse_arguments()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # httpx logs every request at INFO, thousands of lines per run.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        production = production_from_environment()
    except BenchConfigurationError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2

    started = time.monotonic()
    scratch = Path(tempfile.mkdtemp(prefix="meetup-bench-"))
    try:
        backends = [embedded(scratch)] + ([production] if production else [])
        runs, versions = asyncio.run(_bench_all(backends, scratch, set(arguments.only)))
    finally:
        if arguments.keep_logs:
            logger.info("bench.logs_kept folder=%s", scratch)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    seconds = time.monotonic() - started

    page = render(describe_machine(), describe_command(production is not None), versions, runs, seconds)
    arguments.output.write_text(page)
    logger.info("bench.page_written path=%s seconds=%.0f", arguments.output, seconds)
    return 1 if any(run.failures for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
