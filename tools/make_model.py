#!/usr/bin/env python3
"""Write the shipped Model Builder model resources/models/lod2_flatroofs.model3.

The model chains gi:importlod2 and gi:flatroofs: LoD2 tiles in, a scored roof layer (and the
district table) out. It is built here with the Processing model API rather than drawn by hand,
so that a change of a parameter name shows up as a diff in a reviewable script; the .model3 it
writes is what users open in Model Builder and what the provider registers as gi:lod2flatroofs.
Run inside the QGIS environment: bash tools/qgis_env.sh run python3 tools/make_model.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "gi_qgis_plugin" / "resources" / "models" / "lod2_flatroofs.model3"


def build():
    from qgis.core import (
        Qgis,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSink,
        QgsProcessingParameterFile,
        QgsProcessingParameterRasterLayer,
        QgsProcessingParameterVectorLayer,
    )
    from qgis.PyQt.QtCore import QPointF

    model = QgsProcessingModelAlgorithm("lod2flatroofs", "Gründächer aus LoD2-Kacheln (Modell)", "")
    model.setGroup("Dächer")
    model.setHelpContent({
        "ALG_DESC": "Liest NRW-LoD2-CityGML-Kacheln (gi:importlod2) und bewertet jedes Dach für die "
                    "Begrünung (gi:flatroofs, Handlungsziel 02). Reads NRW LoD2 CityGML tiles and "
                    "scores every roof for greening.",
    })

    def add_param(defn, x, y):
        p = QgsProcessingModelParameter(defn.name())
        p.setPosition(QPointF(x, y))
        model.addModelParameter(defn, p)

    add_param(QgsProcessingParameterFile("LOD2_FOLDER", "LoD2-Ordner / LoD2 folder",
                                         behavior=Qgis.ProcessingFileParameterBehavior.Folder), 120, 60)
    add_param(QgsProcessingParameterRasterLayer("HEAT", "Hitze-Raster / heat raster", optional=True), 120, 130)
    add_param(QgsProcessingParameterRasterLayer("RAIN", "Starkregen-Raster / heavy-rain raster", optional=True), 120, 200)
    add_param(QgsProcessingParameterVectorLayer("PARKS", "Parks", [Qgis.ProcessingSourceType.VectorPolygon], optional=True), 120, 270)
    add_param(QgsProcessingParameterVectorLayer("SCOPE", "Raumtyp (Innenstadt)", [Qgis.ProcessingSourceType.VectorPolygon], optional=True), 120, 340)

    def src_param(name):
        return [QgsProcessingModelChildParameterSource.fromModelParameter(name)]

    imp = QgsProcessingModelChildAlgorithm("gi:importlod2")
    imp.setChildId("importlod2")
    imp.setDescription("LoD2-Gebäude importieren")
    imp.setPosition(QPointF(400, 60))
    imp.addParameterSources("FOLDER", src_param("LOD2_FOLDER"))
    imp.addParameterSources("FLAT_SLOPE", [QgsProcessingModelChildParameterSource.fromStaticValue(5.0)])
    model.addChildAlgorithm(imp)

    roofs = QgsProcessingModelChildAlgorithm("gi:flatroofs")
    roofs.setChildId("flatroofs")
    roofs.setDescription("Flachdächer für die Begrünung bewerten")
    roofs.setPosition(QPointF(400, 240))
    roofs.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("importlod2", "OUTPUT")])
    for name in ("HEAT", "RAIN", "PARKS", "SCOPE"):
        roofs.addParameterSources(name, src_param(name))
    # Model Builder derives the output parameter name from this description, in lower case: "roofs"
    out = QgsProcessingModelOutput("roofs", "roofs")
    out.setChildOutputName("OUTPUT")
    out.setChildId("flatroofs")
    out.setPosition(QPointF(650, 240))
    roofs.setModelOutputs({"roofs": out})
    model.addChildAlgorithm(roofs)
    model.updateDestinationParameters()
    dests = [p for p in model.destinationParameterDefinitions() if isinstance(p, QgsProcessingParameterFeatureSink)]
    assert dests, "the model has no output"
    return model


if __name__ == "__main__":
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, str(ROOT))
    from gi_qgis_plugin.processing.provider import GiProvider

    provider = GiProvider()  # the children must resolve for the model's outputs to exist
    QgsApplication.processingRegistry().addProvider(provider)
    model = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    if not model.toFile(str(OUT)):
        sys.exit(f"could not write {OUT}")
    print(OUT)
