"""Summaries of timing and memory samples."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


def median(samples: Sequence[float]) -> float:
    if not samples:
        raise ValueError("median of no samples: the measurement collected nothing")
    return statistics.median(samples)


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Return the nearest-rank percentile, for example fraction=0.95 for p95."""
    if not samples:
        raise ValueError("percentile of no samples: the measurement collected nothing")
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator > 0 else math.inf


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def times(value: float) -> str:
    return f"{value:.2f}x"
