"""Every scoring algorithm registered in the provider, through the same contract and bad-input checks.

The cases come from ``tests/cases.py`` (one entry per algorithm). Domain expectations stay in
each algorithm's own tests; here only what every scoring algorithm promises is checked.
"""

from __future__ import annotations

import numpy as np
import pytest
from cases import CASES
from helpers.contract import check_contract, null, result_rows
from helpers.feedback import CancelAt, RecordingFeedback
from helpers.layers import X0, Y0, add_rows, copy_layer, file_hash, raster, save_gpkg
from qgis.core import QgsProcessingException, QgsVectorLayer


def scoring_ids() -> list[str]:
    """The ids of the scoring algorithms the provider offers (subclasses of ScoringAlgorithm)."""
    from gi_qgis_plugin.processing.provider import algorithm_classes
    from gi_qgis_plugin.processing.scoring_base import ScoringAlgorithm

    return [f"gi:{cls.ALG_ID}" for cls in algorithm_classes() if issubclass(cls, ScoringAlgorithm)]


IDS = scoring_ids()


def test_every_scoring_algorithm_has_a_case():
    assert IDS, "no scoring algorithm registered"
    missing = [a for a in IDS if a not in CASES]
    assert not missing, f"add a Case for {missing} to tests/cases.py"


def run(alg_id, params, feedback=None):
    import processing

    fb = feedback or RecordingFeedback()
    res = processing.run(alg_id, {"OUTPUT": "TEMPORARY_OUTPUT", **params}, feedback=fb)
    return res, fb


def spec_of(alg_id):
    from gi_qgis_plugin.scoring.spec import spec_for

    return spec_for(alg_id)


@pytest.fixture(params=IDS)
def case(request, gi_provider):
    return CASES[request.param]


def test_contract_fields_types_ranks_and_run_record(case, tmp_path):
    layer = case.make_input()
    res, fb = run(case.alg_id, {"INPUT": layer, **case.params(tmp_path)})
    out = res["OUTPUT"]
    rows = check_contract(out, spec_of(case.alg_id))
    assert len(rows) >= layer.featureCount()
    assert any(not null(r["gi_rank"]) for r in rows), "at least one feature scored"
    assert res["N_SCORED"] + res["N_EXCLUDED"] == len(rows)
    from gi_qgis_plugin.scoring import record

    assert record.loads(res["RUN_INFO"])["alg"] == case.alg_id


def test_input_file_is_not_changed(case, tmp_path):
    src = save_gpkg(case.make_input(), tmp_path / "input.gpkg")
    before = file_hash(tmp_path / "input.gpkg")
    run(case.alg_id, {"INPUT": src, **case.params(tmp_path), "OUTPUT": str(tmp_path / "out.gpkg")})
    assert file_hash(tmp_path / "input.gpkg") == before


def test_empty_layer_is_answered_with_a_message(case, tmp_path):
    empty = copy_layer(case.make_input(), with_features=False)
    with pytest.raises(QgsProcessingException, match="no features"):
        run(case.alg_id, {"INPUT": empty, **case.params(tmp_path)})


def test_null_empty_and_invalid_geometries_become_class_x_with_a_warning(case, tmp_path):
    layer = case.make_input()
    n = layer.featureCount()
    if case.geometry == "polygon":
        bad = [(None,), ("POLYGON EMPTY",), (f"POLYGON(({X0} {Y0 - 90},{X0 + 20} {Y0 - 70},{X0 + 20} {Y0 - 90},{X0} {Y0 - 70},{X0} {Y0 - 90}))",)]
    else:
        bad = [(None,), ("LINESTRING EMPTY",), (f"LINESTRING({X0} {Y0 - 90},{X0} {Y0 - 90})",)]
    add_rows(layer, bad[:2])
    res, fb = run(case.alg_id, {"INPUT": layer, **case.params(tmp_path)})
    rows = check_contract(res["OUTPUT"], spec_of(case.alg_id))
    missing = [r for r in rows if "geom_empty" in (r["gi_flags"] or "")]
    assert len(missing) >= 2 and all(r["gi_class"] == "X" for r in missing)
    assert any("no geometry" in w for w in fb.warnings)
    assert len(rows) >= n + 2
    # an invalid geometry is repaired (bow-tie) or flagged (a line of length 0): never a traceback
    layer = case.make_input()
    add_rows(layer, bad[2:])
    res, fb = run(case.alg_id, {"INPUT": layer, **case.params(tmp_path)})
    check_contract(res["OUTPUT"], spec_of(case.alg_id))
    assert any(("repaired" in w) or ("geom_empty" in w) for w in fb.warnings)


def test_geographic_input_is_scored_in_metres(case, tmp_path):
    projected = case.make_input()
    res_utm, _ = run(case.alg_id, {"INPUT": projected, **case.params(tmp_path)})
    wgs = copy_layer(projected, "EPSG:4326")
    res, fb = run(case.alg_id, {"INPUT": wgs, **case.params(tmp_path)})
    out = res["OUTPUT"]
    assert not out.crs().isGeographic()
    assert any("geographic" in w for w in fb.warnings)
    # the same scores as the projected input, up to the reprojection round trip
    a = [r["gi_score"] for r in result_rows(res_utm["OUTPUT"])]
    b = [r["gi_score"] for r in result_rows(out)]
    assert len(a) == len(b)
    for x, y in zip(a, b):
        assert (null(x) and null(y)) or x == pytest.approx(y, abs=0.5)


def test_raster_that_does_not_overlap_is_left_out_with_a_warning(case, tmp_path):
    if not case.raster_param:
        pytest.skip(f"{case.alg_id} has no raster parameter")
    far = raster(tmp_path / "far.tif", np.ones((5, 5), dtype="float32"), X0 + 500000, Y0, 10.0)
    params = {**case.params(tmp_path), case.raster_param: far.source()}
    res, fb = run(case.alg_id, {"INPUT": case.make_input(), **params})
    check_contract(res["OUTPUT"], spec_of(case.alg_id))
    assert any("does not overlap" in w for w in fb.warnings)


def test_cancel_leaves_no_output_file(case, tmp_path):
    out = tmp_path / "canceled.gpkg"
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run(case.alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), "OUTPUT": str(out)},
            feedback=CancelAt(80.0))
    assert not out.exists()
    assert not QgsVectorLayer(str(out), "x", "ogr").isValid()


def test_rank_stability_fields_off_with_zero_draws_and_in_the_run_record(case, tmp_path):
    from gi_qgis_plugin.scoring import record

    params = {"INPUT": case.make_input(), **case.params(tmp_path)}
    res, fb = run(case.alg_id, {**params, "STAB_DRAWS": 40, "STAB_SPREAD": 20.0})
    check_contract(res["OUTPUT"], spec_of(case.alg_id))  # gi_stab 0–1, band within 1..n, NULL where X
    run_params = record.loads(res["RUN_INFO"])["parameters"]
    assert (run_params["STAB_DRAWS"], run_params["STAB_SPREAD"]) == (40, 20.0)
    assert any("Rank stability over 40 weightings" in i for i in fb.infos)
    res, _ = run(case.alg_id, {**params, "STAB_DRAWS": 0})
    names = res["OUTPUT"].fields().names()
    assert not {"gi_stab", "gi_rank_lo", "gi_rank_hi"} & set(names)
    check_contract(res["OUTPUT"], spec_of(case.alg_id), stability=False)


def test_rank_stability_parameters_are_checked(case, tmp_path):
    with pytest.raises(QgsProcessingException, match="STAB_SPREAD"):
        run(case.alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), "STAB_SPREAD": 0.0})


def test_layer_parameters_declare_roles_and_weights_come_from_the_spec(case):
    """The dock fills dialogs from parameter metadata, and the weights are the spec's."""
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById(case.alg_id)
    spec = spec_of(case.alg_id)
    defs = {d.name(): d for d in alg.parameterDefinitions()}
    for name, d in defs.items():
        if d.type() in ("source", "raster"):
            assert (d.metadata() or {}).get("gi", {}).get("role"), f"{name} declares no role"
    for c in spec.criteria:
        w = defs[c.weight_param]
        assert w.defaultValue() == c.default_weight and w.help()
