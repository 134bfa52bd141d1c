"""Lookup tables in ``resources/`` (CSV with a ``source`` column that every row must fill)."""

from __future__ import annotations

import csv
from pathlib import Path

from ..paths import RESOURCES


def read_csv(name: str, folder: Path | None = None) -> list[dict[str, str]]:
    """The rows of ``resources/<name>``; ValueError for a row without a source."""
    path = (folder or RESOURCES) / name
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if not row.get("source", "").strip():
            raise ValueError(f"{path}: row without source: {row}")
    return rows

