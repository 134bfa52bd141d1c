"""The run record travels with a scoring output: RUN_INFO, GeoPackage metadata, loaded layer."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsVectorLayer

from gi_qgis_plugin.scoring import record


def test_loads_accepts_the_prefixed_text_and_rejects_anything_else():
    text = record.dumps(record.make_record("flatroofs", "0.1.0", {"RAIN_BUFFER": 10}, {"slope": 3}))
    assert record.loads(text)["alg"] == "gi:flatroofs"
    assert record.loads(record.PREFIX + text)["weights"] == {"slope": 3.0}
    assert record.from_history(["other entry", record.PREFIX + text])["parameters"] == {"RAIN_BUFFER": 10}
    for bad in (None, "", "not json", json.dumps({"alg": "native:buffer"}), json.dumps([1, 2])):
        assert record.loads(bad) is None
    assert record.weights_of(record.loads(text), ["slope", "heat"]) == {"slope": 3.0, "heat": 0.0}


def test_a_geopackage_result_carries_its_run_record_a_year_later(sample_gpkg, gi_provider, tmp_path):
    """Custom weights go in; the file alone, opened afresh, gives them back with the parameters."""
    import processing

    g = str(sample_gpkg)
    out = tmp_path / "roofs.gpkg"
    res = processing.run("gi:flatroofs", {
        "INPUT": f"{g}|layername=buildings", "PARKS": f"{g}|layername=parks", "RAIN_BUFFER": 15,
        "W_SLOPE": 2, "W_AREA": 1, "W_HEAT": 3, "W_GREEN": 4, "W_RAIN": 0, "W_SEWER": 0, "W_SCOPE": 0,
        "OUTPUT": str(out),
    })
    info = record.loads(res["RUN_INFO"])
    assert info["alg"] == "gi:flatroofs" and info["version"]
    # W_BUILD not given: its default (1) is recorded too
    assert info["weights"] == {"slope": 2.0, "area": 1.0, "build": 1.0, "heat": 3.0, "rain": 0.0, "sewer": 0.0,
                               "green": 4.0, "scope": 0.0}
    assert info["parameters"]["RAIN_BUFFER"] == pytest.approx(15)
    assert "buildings" in str(info["parameters"]["INPUT"])

    layer = QgsVectorLayer(str(out), "roofs", "ogr")  # read back from disk, as a year later
    stored = record.from_history(layer.metadata().history())
    assert stored == info


def test_a_loaded_memory_result_carries_the_record_as_a_property(sample_gpkg, gi_provider, qgis_app):
    import processing
    from qgis.core import QgsProcessingContext, QgsProject

    g = str(sample_gpkg)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    res = processing.run("gi:flatroofs", {"INPUT": f"{g}|layername=buildings", "OUTPUT": "TEMPORARY_OUTPUT"},
                         context=context)
    layer = res["OUTPUT"]
    assert record.loads(layer.customProperty(record.PROPERTY)) == record.loads(res["RUN_INFO"])
    assert record.from_history(layer.metadata().history())["weights"]["slope"] == 2.0  # the default W_SLOPE
