"""Run Alembic as a release step would: `python -m alembic ...` from the repository root."""

from __future__ import annotations

import subprocess
import sys

from tests.support.backends import Backends
from tests.support.server import REPOSITORY, service_environment

ALEMBIC_TIMEOUT_SECONDS = 120.0


def run_alembic(backends: Backends, *arguments: str) -> str:
    """Run one Alembic command on the backends' database and return its output; fail the test on error."""
    result = subprocess.run(
        [sys.executable, "-m", "alembic", *arguments],
        cwd=REPOSITORY,
        env=service_environment(backends),
        capture_output=True,
        timeout=ALEMBIC_TIMEOUT_SECONDS,
        check=False,
    )
    output = result.stdout.decode(errors="replace") + result.stderr.decode(errors="replace")
    assert result.returncode == 0, f"alembic {' '.join(arguments)} failed:\n{output}"
    return output
