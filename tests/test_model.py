"""The shipped Model Builder model chains gi:importlod2 and gi:flatroofs."""

from __future__ import annotations

import re
from pathlib import Path

from qgis.core import QgsProcessingModelAlgorithm, QgsVectorLayer

MODEL = Path(__file__).resolve().parent.parent / "gi_qgis_plugin" / "resources" / "models" / "lod2_flatroofs.model3"


def load_model():
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL)), f"cannot read {MODEL}"
    return model


def test_model_chains_import_and_scoring(gi_provider):
    model = load_model()
    children = {c.algorithmId() for c in model.childAlgorithms().values()}
    assert children == {"gi:importlod2", "gi:flatroofs"}
    params = {p.name() for p in model.parameterDefinitions()}
    assert {"LOD2_FOLDER", "HEAT", "RAIN", "PARKS", "SCOPE", "roofs"} <= params


def test_model_runs_on_the_wesel_lod2_tiles(gi_provider, lod2_dir, tmp_path):
    import processing

    model = load_model()
    out = tmp_path / "roofs.gpkg"
    res = processing.run(model, {"LOD2_FOLDER": str(lod2_dir), "roofs": str(out)})
    layer = QgsVectorLayer(str(res["roofs"]), "roofs", "ogr")
    assert layer.isValid()
    # one scored roof per building in the three tiles (50 + 191 + 70, counted in the data README)
    assert layer.featureCount() == 311
    # the roof types of the output come from the tiles: count the building-level codes there
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(lod2_dir.glob("*.gml")))
    assert len(re.findall(r"<bldg:Building\b", text)) == 311
    classes = {f["gi_class"] for f in layer.getFeatures()}
    assert classes <= {"A", "B", "C", "D", "X"} and len(classes) > 1
    assert all(f["gi_hz"].startswith("02") for f in layer.getFeatures())
