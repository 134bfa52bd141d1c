"""The run record of a scoring output: which algorithm, plugin version, date, every parameter
value and the weights, stored with the data so that a result opened a year later explains itself.

Where it is stored (``processing/record.py``): the Processing output ``RUN_INFO`` (JSON text,
for models and ``qgis_process``); the output layer's QGIS metadata, which QGIS saves inside a
GeoPackage (its ``gpkg_metadata`` table) and for PostGIS in ``qgis_layer_metadata``, as one
history entry that starts with :data:`PREFIX`; and the custom property ``gi/run`` of the layer
once it is loaded (kept in the project, also for memory layers). The dock reads it back with
:func:`loads` and takes the weights from it (``ui/inspector.py``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timezone

PREFIX = "gi_run "
PROPERTY = "gi/run"  # custom property of a loaded result layer


def make_record(alg_id: str, version: str, parameters: Mapping, weights: Mapping[str, float],
                when: datetime | None = None) -> dict:
    """The record as a plain dict (JSON-able)."""
    when = when or datetime.now(timezone.utc)
    return {
        "alg": alg_id if ":" in alg_id else f"gi:{alg_id}",
        "version": version,
        "date": when.astimezone(timezone.utc).isoformat(timespec="seconds"),
        "weights": {k: float(v) for k, v in weights.items()},
        "parameters": dict(parameters),
    }


def dumps(record: Mapping) -> str:
    """One line of JSON (no prefix)."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)


def loads(text: str | None) -> dict | None:
    """The record from its JSON text, with or without :data:`PREFIX`; None for anything else."""
    if not text or not isinstance(text, str):
        return None
    text = text.strip()
    if text.startswith(PREFIX.strip()):
        text = text[len(PREFIX.strip()):].strip()
    try:
        record = json.loads(text)
    except ValueError:
        return None
    if not isinstance(record, dict) or not str(record.get("alg", "")).startswith("gi:"):
        return None
    return record


def from_history(entries) -> dict | None:
    """The newest record among metadata history entries (strings)."""
    for entry in reversed(list(entries or [])):
        if isinstance(entry, str) and entry.startswith(PREFIX):
            record = loads(entry)
            if record is not None:
                return record
    return None


def weights_of(record: Mapping | None, criteria) -> dict[str, float] | None:
    """The record's weights of ``criteria`` (keys without ``c_``), or None without a record."""
    if not record or not isinstance(record.get("weights"), Mapping):
        return None
    w = record["weights"]
    try:
        return {c: float(w.get(c, 0.0)) for c in criteria}
    except (TypeError, ValueError):
        return None
