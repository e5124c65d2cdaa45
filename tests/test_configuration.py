"""Invalid configuration stops the service at start-up with the variable's name, not a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.server import REPOSITORY, free_port

START_TIMEOUT_SECONDS = 30


def _start(tmp_path: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    """Run uvicorn with the given settings, expecting it to exit by itself."""
    settings = {
        "PATH": "",
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'config.db'}",
        **environment,
    }
    return subprocess.run(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(free_port())],
        cwd=tmp_path,
        env={**settings, "PYTHONPATH": str(REPOSITORY)},
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_SECONDS,
        check=False,
    )


@pytest.mark.parametrize(
    ("variable", "value", "field"),
    [
        ("LOG_LEVEL", "bogus", "log_level"),
        ("MAX_BODY_BYTES", "100", "max_body_bytes"),
        ("SESSION_TTL", "0", "session_ttl"),
    ],
)
def test_invalid_setting_exits_naming_it(tmp_path: Path, variable: str, value: str, field: str) -> None:
    result = _start(tmp_path, **{variable: value})

    assert result.returncode != 0
    assert "invalid configuration" in result.stderr
    assert field in result.stderr
    assert "Traceback" not in result.stderr


def test_redis_without_session_key_exits(tmp_path: Path) -> None:
    result = _start(tmp_path, REDIS_URL="redis://127.0.0.1:6379/9")

    assert result.returncode != 0
    assert "SESSION_KEY must be set when REDIS_URL is set" in result.stderr
    assert "Traceback" not in result.stderr
