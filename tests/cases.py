"""One entry per scoring algorithm: the minimal input and parameters for the contract suite.

``tests/test_scoring_contract.py`` runs every registered scoring algorithm through the same
checks (contract fields and types, ranks, unchanged input, empty layer, bad geometries,
geographic CRS, a raster that does not overlap, cancel). A new algorithm joins with one
``register(Case(...))`` here; its domain tests stay in its own test files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from helpers.layers import X0, Y0, line, memory_layer, raster, square


@dataclass(frozen=True)
class Case:
    alg_id: str  # "gi:flatroofs"
    geometry: str  # "polygon" | "line": what the main input holds
    # the main input: a memory layer in EPSG:25832 with a handful of ordinary features
    make_input: Callable[[], object]
    # further parameters (tmp_path -> dict): as few as give every feature a score
    params: Callable[[Path], dict] = field(default=lambda tmp: {})
    # a raster parameter of the algorithm, for "a raster that does not overlap"
    raster_param: str = ""


CASES: dict[str, Case] = {}


def register(case: Case) -> Case:
    CASES[case.alg_id] = case
    return case


def _roofs():
    rows = [(square(X0 + 30 * i, Y0 + 30 * (i % 2)), float(s), t)
            for i, (s, t) in enumerate([(0, "1000"), (3, "1000"), (10, "3100"), (20, "3100"), (40, "3100"), (2, "1000")])]
    return memory_layer(rows, "slope_deg:double&field=roof_type:string", name="roofs")


def _roof_params(tmp: Path) -> dict:
    import numpy as np

    heat = raster(tmp / "heat_case.tif", np.linspace(18, 24, 400, dtype="float32").reshape(20, 20), X0 - 50, Y0 + 150, 10.0)
    return {"HEAT": heat.source()}


register(Case("gi:flatroofs", "polygon", _roofs, _roof_params, raster_param="HEAT"))


def _streets():
    # four 150 m streets 40 m apart: two sections each; the primary has no width (class width)
    rows = [(line(X0, Y0 + 40 * i, 150.0), cls, width)
            for i, (cls, width) in enumerate([("residential", 14.0), ("primary", None), ("tertiary", 16.0),
                                              ("living_street", 9.0)])]
    return memory_layer(rows, "highway:string&field=width:double", geom="LineString", name="streets")


register(Case("gi:streets", "line", _streets, _roof_params, raster_param="HEAT"))


def _brownfields():
    rows = [(square(X0 + 150 * i, Y0, 100.0), t) for i, t in
            enumerate(["Acker", "versiegelt", "Ruderalflur", "Vorwald", "Schotter", "Hecke"])]
    return memory_layer(rows, "biotoptyp:string", name="brownfields")


def _brownfield_params(tmp: Path) -> dict:
    # the settlement area over the first three sites: recycling there, pool or schutz beyond
    return {"SETTLEMENT": memory_layer([(square(X0 - 10, Y0 - 10, 430.0), "ASB")], name="asb")}


register(Case("gi:brownfields", "polygon", _brownfields, _brownfield_params))
