"""Measurement results as the benchmark page shows them: method, raw figures, ratio and reading."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    """One raw figure of a measurement, already formatted with its unit."""

    label: str
    value: str


@dataclass(frozen=True)
class Measurement:
    """One measurement as the benchmark page shows it."""

    title: str
    method: str
    figures: list[Figure]
    ratio_label: str
    ratio: str
    reading: str


@dataclass
class BackendRun:
    """The measurements taken against one pair of backends (database and Redis or in-process)."""

    label: str
    description: str
    measurements: list[Measurement] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
