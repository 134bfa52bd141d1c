"""``gi:sampledistrict``: write the synthetic sample district Musterstadt (GeoPackage + rasters)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    Qgis,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputRasterLayer,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ..sample.generator import GPKG_NAME, HEAT_NAME, LAYERS, RAIN_NAME, generate
from ..scoring.progress import Progress
from .base import GiAlgorithm

# Layers loaded into the project after a run from the toolbox, from top to bottom.
_LOAD_ORDER = (
    "buildings",
    "street_trees",
    "streets",
    "brownfields",
    "parks",
    "klimatope",
    "biotopverbund",
    "gruenzuege",
    "sewer_combined",
    "districts",
    "raumtyp",
)


class SampleDistrictAlgorithm(GiAlgorithm):
    ALG_ID = "sampledistrict"
    GROUP_ID = "sample"

    BUILDINGS = "BUILDINGS"
    SEED = "SEED"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    GPKG = "GPKG"
    HEAT = "HEAT"
    RAIN = "RAIN"
    LAYERS = "LAYERS"
    BUILDINGS_LAYER = "BUILDINGS_LAYER"
    STREETS_LAYER = "STREETS_LAYER"
    BROWNFIELDS_LAYER = "BROWNFIELDS_LAYER"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Generate sample district (Musterstadt)")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Writes Musterstadt, a synthetic but plausible Ruhr district in EPSG:25832 around Essen, "
            "to try out and test the plugin's algorithms without real data.\n\n"
            "Number of buildings: the district grows with it (about 2,000 buildings per km² in "
            "residential blocks, about 700–850 per km² over the whole square, which is about half "
            "open land); the buildings layer holds exactly this many. 1,000,000 buildings take "
            "about a minute.\n"
            "Seed: the same seed gives the same district, feature by feature.\n\n"
            "Output: musterstadt.gpkg with the layers raumtyp (Innenstadt, Zwischenstadt, Landschaft "
            "of the Strategie Grüne Infrastruktur), districts, klimatope (RVR names, heat_class 1–5 "
            "from the block mean of heat.tif by the Düsseldorf z-score classes), gruenzuege, "
            "biotopverbund (Stufe I/II), sewer_combined (Mischwasser catchments), parks (pocket "
            "parks below 0.5 ha and parks of 0.5 ha and more), brownfields (biotope, sealing, "
            "Altlasten status), streets (OSM-like class, width, surface), street_trees and buildings "
            "(AdV roof type code, slope, height, storeys, ALKIS function code as in NRW LoD2, "
            "listed, green_roof, pv, footprint); heat.tif: night air temperature in °C (10 m "
            "cells); starkregen.tif: heavy-rain water depth in m (2 m cells up to 400 km², 5 m "
            "above). Both rasters use nodata -9999 and contain a small nodata patch.\n\n"
            "About 60 % flat roofs, 2 % listed buildings, 8 % of flat roofs green, 12 % with PV; "
            "0.5 % of the buildings lack a slope, 0.5 % a roof type, a few consist of two parts, "
            "as in real data. These shares are plausible assumptions, not statistics. The data "
            "are invented: do not use them for planning."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        buildings = QgsProcessingParameterNumber(
            self.BUILDINGS,
            self.tr("Number of buildings"),
            type=Qgis.ProcessingNumberParameterType.Integer,
            defaultValue=5000,
            minValue=100,
            maxValue=5_000_000,
        )
        self.addParameter(buildings)
        seed = QgsProcessingParameterNumber(
            self.SEED,
            self.tr("Random seed"),
            type=Qgis.ProcessingNumberParameterType.Integer,
            defaultValue=1,
            minValue=0,
        )
        self.addParameter(seed)
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputFile(self.GPKG, self.tr("Sample district GeoPackage")))
        self.addOutput(QgsProcessingOutputRasterLayer(self.HEAT, self.tr("Heat (night air temperature)")))
        self.addOutput(QgsProcessingOutputRasterLayer(self.RAIN, self.tr("Heavy rain water depth")))
        self.addOutput(QgsProcessingOutputString(self.LAYERS, self.tr("Layers written")))
        self.addOutput(QgsProcessingOutputVectorLayer(self.BUILDINGS_LAYER, self.tr("Buildings")))
        self.addOutput(QgsProcessingOutputVectorLayer(self.STREETS_LAYER, self.tr("Streets")))
        self.addOutput(QgsProcessingOutputVectorLayer(self.BROWNFIELDS_LAYER, self.tr("Brownfields")))

    def process(self, parameters, context, progress: Progress, feedback) -> dict:
        n_buildings = self.parameterAsInt(parameters, self.BUILDINGS, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        folder = self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context)
        if not folder:
            raise QgsProcessingException(
                self.tr("No output folder given: choose a folder for the sample district.")
            )
        # all or nothing: the generator writes into a hidden folder and moves the files into
        # place at the end; earlier files of these names are set aside and come back on a cancel
        # (GenerationCanceled is a Canceled) or an error (processing/base.py)
        self.claim_files(*(str(Path(folder) / name) for name in (GPKG_NAME, HEAT_NAME, RAIN_NAME)))
        try:
            Path(folder).mkdir(parents=True, exist_ok=True)
            result = generate(
                folder,
                n_buildings=n_buildings,
                seed=seed,
                progress=lambda percent: progress(percent / 100.0),
                is_canceled=feedback.isCanceled,
            )
        except OSError as err:
            raise QgsProcessingException(
                self.tr("Could not write to {folder} ({error}): choose a folder you can write to.").format(
                    folder=folder, error=err.strerror or str(err)
                )
            ) from None
        except RuntimeError as err:  # GDAL: disk full, a file locked by another program …
            raise QgsProcessingException(
                self.tr(
                    "Writing the sample district to {folder} failed ({error}); nothing was written. Check "
                    "the free space or choose another folder."
                ).format(folder=folder, error=str(err))
            ) from None

        x0, y0, x1, y1 = result.extent
        feedback.pushInfo(
            self.tr("Wrote {n} buildings on {km2} km² to {path}").format(
                n=result.counts["buildings"], km2=f"{(x1 - x0) * (y1 - y0) / 1e6:.2f}", path=result.gpkg
            )
        )
        for name in LAYERS:
            feedback.pushInfo(f"  {name}: {result.counts[name]}")

        self._load_on_completion(result, context)
        uri = result.gpkg + "|layername={}"
        return {
            self.OUTPUT_FOLDER: folder,
            self.GPKG: result.gpkg,
            self.HEAT: result.heat_tif,
            self.RAIN: result.rain_tif,
            self.LAYERS: ",".join(LAYERS),
            self.BUILDINGS_LAYER: uri.format("buildings"),
            self.STREETS_LAYER: uri.format("streets"),
            self.BROWNFIELDS_LAYER: uri.format("brownfields"),
        }

    def _load_on_completion(self, result, context: QgsProcessingContext) -> None:
        """Have the toolbox add every layer to the project in one group (no GUI call here)."""
        group = self.tr("Musterstadt")
        outputs = {
            "buildings": self.BUILDINGS_LAYER,
            "streets": self.STREETS_LAYER,
            "brownfields": self.BROWNFIELDS_LAYER,
        }
        layers = [
            (
                result.rain_tif,
                self.tr("Heavy rain water depth"),
                self.RAIN,
                QgsProcessingUtils.LayerHint.Raster,
            ),
            (
                result.heat_tif,
                self.tr("Heat (night air temperature)"),
                self.HEAT,
                QgsProcessingUtils.LayerHint.Raster,
            ),
        ]
        for name in reversed(_LOAD_ORDER):
            uri = f"{result.gpkg}|layername={name}"
            layers.append((uri, name, outputs.get(name, ""), QgsProcessingUtils.LayerHint.Vector))
        for key, (uri, name, output, hint) in enumerate(layers):  # later entries are drawn on top
            details = QgsProcessingContext.LayerDetails(name, context.project(), output, hint)
            details.forceName = True
            details.groupName = group
            details.layerSortKey = key
            context.addLayerToLoadOnCompletion(uri, details)
