"""The output contract (DESIGN.md §3) checked on a result layer of any scoring algorithm."""

from __future__ import annotations

import re

from qgis.core import NULL, QgsVectorLayer
from qgis.PyQt.QtCore import QMetaType

from gi_qgis_plugin.contract import (
    CLASS_BREAKS,
    CLASS_LABELS,
    EXCLUDED,
    RESULT_FIELD_TYPES,
    STABILITY_FIELD_TYPES,
)

TYPES = {"double": (QMetaType.Type.Double,), "text": (QMetaType.Type.QString,),
         "int": (QMetaType.Type.Int, QMetaType.Type.LongLong)}


def null(value) -> bool:
    return value is None or value == NULL


def result_rows(layer: QgsVectorLayer) -> list[dict]:
    names = layer.fields().names()
    return [dict(zip(names, f.attributes())) for f in layer.getFeatures()]


def check_contract(layer: QgsVectorLayer, spec=None, stability: bool = True) -> list[dict]:
    """Fields and types, classes consistent with scores, ranks 1..n unique and by score, HZ codes,
    criteria 0–1, reasons present; with ``stability`` (the default, STAB_DRAWS > 0) gi_stab 0–1
    and the rank band within 1..n (NULL where excluded). Returns the rows."""
    fields = layer.fields()
    for name, kind in RESULT_FIELD_TYPES + (STABILITY_FIELD_TYPES if stability else ()):
        idx = fields.lookupField(name)
        assert idx >= 0, f"contract field {name} missing"
        assert fields.at(idx).type() in TYPES[kind], f"{name} has type {fields.at(idx).typeName()}"
    criteria = [n for n in fields.names() if n.startswith("c_")]
    if spec is not None:
        assert set(criteria) <= {c.field for c in spec.criteria}
        order = [c.field for c in spec.criteria if c.field in criteria]
        assert criteria == order, "c_* fields in the spec's order"
        for extra in spec.extra_fields:  # the domain fields the spec declares, with their types
            assert fields.lookupField(extra.name) >= 0, f"declared field {extra.name} missing"
            assert fields.field(extra.name).type() in TYPES[extra.type if extra.type != "long" else "int"], extra.name
    for c in criteria:
        assert fields.field(c).type() == QMetaType.Type.Double
    rows = result_rows(layer)
    breaks = CLASS_BREAKS if spec is None else spec.class_breaks  # an algorithm's own breaks
    bounds = dict(zip(CLASS_LABELS, (*breaks, 0.0)))
    for r in rows:
        assert r["gi_class"] in (*CLASS_LABELS, EXCLUDED)
        if r["gi_class"] == EXCLUDED:
            assert null(r["gi_score"]) and null(r["gi_rank"]), r
        else:
            assert 0.0 <= r["gi_score"] <= 100.0
            upper = {"A": 100.0 + 1e-9, **{k: v for k, v in zip(CLASS_LABELS[1:], breaks)}}[r["gi_class"]]
            assert bounds[r["gi_class"]] <= r["gi_score"] < upper + 1e-9, r
        hz = "" if null(r["gi_hz"]) else r["gi_hz"]
        assert hz == "" or re.fullmatch(r"\d\d(,\d\d)*", hz), hz
        assert not null(r["gi_reason"]) and r["gi_reason"] != "", r
        for c in criteria:
            assert null(r[c]) or 0.0 <= r[c] <= 1.0, (c, r[c])
    scored = sorted((r for r in rows if not null(r["gi_rank"])), key=lambda r: r["gi_rank"])
    assert [r["gi_rank"] for r in scored] == list(range(1, len(scored) + 1)), "ranks 1..n, unique"
    scores = [r["gi_score"] for r in scored]
    assert scores == sorted(scores, reverse=True), "rank 1 has the highest score"
    if stability:
        for r in rows:
            if r["gi_class"] == EXCLUDED:
                assert null(r["gi_stab"]) and null(r["gi_rank_lo"]) and null(r["gi_rank_hi"]), r
            else:
                assert 0.0 <= r["gi_stab"] <= 1.0, r
                assert 1 <= r["gi_rank_lo"] <= r["gi_rank_hi"] <= len(scored), r
    return rows
