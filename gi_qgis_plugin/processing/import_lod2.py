"""gi:importlod2 – NRW LoD2 CityGML tiles to building polygons with roof figures.

The reading and the maths live in ``gi_qgis_plugin/lod2.py`` (no QGIS); this algorithm turns
parameters into paths, the reader's arrays into one feature list, and the reader's structured
report into translated warnings.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from .. import lod2
from ..lod2 import Lod2Error, read_tiles
from ..scoring.geo import as_multi
from ..scoring.progress import Canceled, Progress
from .base import GiAlgorithm
from .outputs import check_not_an_input, destination
from .write import make_fields, write_sink

# Output fields (stable contract: models and the roof algorithms read them by name).
FIELDS = [
    ("gml_id", "text"),
    ("function", "text"),
    ("roof_type", "text"),
    ("roof_name", "text"),
    ("roof_src", "text"),
    ("height_m", "double"),
    ("footprint_m2", "double"),
    ("roof_area_m2", "double"),
    ("flat_roof_m2", "double"),
    ("slope_deg", "double"),
    ("slope_max_deg", "double"),
    ("gem_schl", "text"),
    *((name, "double") for name in lod2.CLASS_TRUE_FIELDS + lod2.CLASS_HORIZ_FIELDS),
]

READ_SHARE = 0.75  # share of the progress bar for reading (the rest is writing)


class ImportLod2Algorithm(GiAlgorithm):
    ALG_ID = "importlod2"
    GROUP_ID = "data"

    INPUT = "INPUT"
    FOLDER = "FOLDER"
    FLAT_SLOPE = "FLAT_SLOPE"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Import LoD2 buildings (CityGML NRW)")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "<p>Reads the 3D building model LoD2 of Geobasis NRW (CityGML 1.0, AdV profile; "
            "tiles LoD2_32_*_NW.gml) and writes one polygon per building with its roof figures. "
            "Give a single tile as <b>CityGML file</b>, or a <b>Folder</b> whose *.gml and *.xml "
            "files are all read (files in a folder that are not CityGML are skipped with a "
            "warning). The tiles are streamed one building at a time, so whole cities fit in "
            "memory.</p>"
            "<p><b>Output fields</b></p><ul>"
            "<li><b>gml_id</b>: the building's id (ALKIS id, e.g. DENW34AL00022E9s)</li>"
            "<li><b>function</b>: ALKIS building function code (bldg:function, e.g. 31001_1010 "
            "Wohnhaus, 31001_2463 Garage)</li>"
            "<li><b>roof_type</b>: AdV roof form code (bldg:roofType, e.g. 1000); "
            "<b>roof_name</b>: its German name (Flachdach, Pultdach, Satteldach, Walmdach …)</li>"
            "<li><b>roof_src</b>: <i>building</i> if the building carries the roof type itself, "
            "<i>parts</i> if it was taken from its building parts: the common type if all parts "
            "agree, else the type of the part with the largest roof area</li>"
            "<li><b>height_m</b>: measured height (bldg:measuredHeight; the highest part if only "
            "the parts have one)</li>"
            "<li><b>footprint_m2</b>: 2D area of the footprint polygon</li>"
            "<li><b>roof_area_m2</b>: true (3D, sloped) area of all roof surfaces</li>"
            "<li><b>flat_roof_m2</b>: 3D area of the roof surfaces whose slope is at most the "
            "flat-roof threshold</li>"
            "<li><b>slope_deg</b>: area-weighted mean roof slope; <b>slope_max_deg</b>: the "
            "steepest roof surface (surfaces under 0.01 m² are ignored there)</li>"
            "<li><b>gem_schl</b>: the Gemeindeschlüssel (municipality key) of the building</li>"
            "<li><b>t_0_5_m2, t_5_15_m2, t_15_30_m2, t_30_45_m2, t_gt45_m2</b>: true (3D) area "
            "of the roof surfaces in each slope class of the Münster green-roof potential (0–5°, "
            "5–15°, 15–30°, 30–45°, over 45°); <b>h_0_5_m2 … h_gt45_m2</b>: the same surfaces "
            "projected to the horizontal (area × cos slope), the area rain falls on. The roof "
            "algorithm counts the greenable surfaces of pitched and mixed roofs from them.</li>"
            "</ul>"
            "<p><b>Method</b>: each RoofSurface polygon's area and normal come from its vector area "
            "(cross-product / Newell method), which is exact for planar polygons in any "
            "orientation; the slope is the angle between the normal and the vertical. The "
            "footprint is the union of the GroundSurface polygons (of the building and its parts), "
            "or of the roof polygons projected to 2D when there is no GroundSurface; it is made "
            "valid. Buildings with neither roof nor ground polygons are skipped with a warning.</p>"
            "<p>Serves Handlungsziel 02 (green roofs and façades: half of the flat roofs green "
            "by 2030) as the building input of the roof algorithms.</p>"
            "<p><b>Flat-roof threshold</b> (default 5°): slope class 1 (0–5°, very well suited "
            "for green roofs) of the Münster green-roof potential (opendata.stadt-muenster.de). "
            "Adjust it to your own definition of a flat roof.</p>"
            "<p><b>Messy tiles</b>: a file in a folder that cannot be read (cut-off download, "
            "a note named .gml) is skipped with a warning naming it, and the other tiles are "
            "imported. The same building (gml_id) in two tiles is imported once. Roofs given "
            "without heights (2D) get an empty slope instead of 0°; eastings written with the "
            "zone number (32,337,000) are corrected; buildings outside the tile's extent or "
            "outside NRW, tiles without roof surfaces and curved rings (segmentised) are named in "
            "a warning.</p>"
            "<p><b>Output</b>: written only when everything has been read; on an error or cancel "
            "nothing is written and an earlier file of the same name is kept. A Shapefile keeps "
            "10 characters per field name: footprint_m2, roof_area_m2, flat_roof_m2 and "
            "slope_max_deg become footprint_, roof_area_, flat_roof_ and slope_max_ (with a "
            "warning); the slope-class fields (t_*_m2, h_*_m2) that the roof algorithms read keep "
            "their names. The output cannot be one of the input files.</p>"
            "<p><b>Coordinate system</b>: the output is in EPSG:25832 (ETRS89 / UTM 32N), the CRS "
            "of the NRW tiles (srsName urn:adv:crs:ETRS89_UTM32*…). Files without a recognised "
            "srsName are assumed to be in EPSG:25832, with a warning.</p>"
            "<p><b>Sources</b>: Geobasis NRW, 3D-Gebäudemodelle LoD2 NRW, licence Datenlizenz "
            "Deutschland – Zero – 2.0 (dl-de/zero-2-0), www.opengeodata.nrw.de. Roof form codes: "
            "AdV code list Dachform (ALKIS, GeoInfoDok).</p>"
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT,
                self.tr("CityGML file (LoD2 tile)"),
                behavior=Qgis.ProcessingFileParameterBehavior.File,
                optional=True,
                fileFilter="CityGML (*.gml *.xml)",
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.FOLDER,
                self.tr("Folder with LoD2 tiles (all *.gml and *.xml in it)"),
                behavior=Qgis.ProcessingFileParameterBehavior.Folder,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.FLAT_SLOPE,
                self.tr("Flat-roof threshold: maximum slope (degrees)"),
                type=Qgis.ProcessingNumberParameterType.Double,
                defaultValue=lod2.DEFAULT_FLAT_THRESHOLD_DEG,
                minValue=0.0,
                maxValue=45.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT,
                self.tr("LoD2 buildings"),
                type=Qgis.ProcessingSourceType.VectorPolygon,
            )
        )

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Also accept a folder in INPUT (scripts, qgis_process): the file filter alone would
        reject it, and the reader handles folders anyway."""
        value = parameters.get(self.INPUT) if parameters else None
        if isinstance(value, str) and value.strip() and os.path.isdir(value.strip()):
            parameters = {k: v for k, v in parameters.items() if k != self.INPUT}
        return super().checkParameterValues(parameters, context)

    def process(self, parameters, context, progress: Progress, feedback) -> dict:
        paths = [
            p
            for p in (
                self.parameterAsFile(parameters, self.INPUT, context),
                self.parameterAsFile(parameters, self.FOLDER, context),
            )
            if p and p.strip()
        ]
        if not paths:
            raise QgsProcessingException(
                self.tr(
                    "No input: choose a CityGML file (LoD2 tile) or a folder with LoD2 tiles, "
                    "e.g. downloaded from www.opengeodata.nrw.de (3D-Gebäudemodelle LoD2)."
                )
            )
        threshold = self.parameterAsDouble(parameters, self.FLAT_SLOPE, context)
        # read and compute everything first; the output is opened only when there is a result
        reading = progress.sub(0.0, READ_SHARE)
        try:
            tiles = lod2.find_tiles(paths)
            inputs = [(self.INPUT if explicit else self.FOLDER, str(p), "") for p, explicit in tiles]
            # refused before a whole city is read: OUTPUT onto one of the tiles
            check_not_an_input(destination(self.parameterAsOutputLayer(parameters, self.OUTPUT, context)), inputs)
            result = read_tiles(
                paths, flat_threshold_deg=threshold, progress=reading, is_canceled=feedback.isCanceled
            )
        except Lod2Error as err:
            raise QgsProcessingException(self._error_text(err)) from None
        except OSError as err:
            raise QgsProcessingException(
                self.tr("Cannot read {path}: {error}. Check that the file exists and is readable.").format(
                    path=getattr(err, "filename", "") or ", ".join(paths), error=err.strerror or str(err)
                )
            ) from None
        self._report(result, feedback)
        columns = [
            np.array(result.gml_id, dtype=object),
            np.array(result.function, dtype=object),
            np.array(result.roof_type, dtype=object),
            np.array(result.roof_type_name, dtype=object),
            np.array(result.roof_src, dtype=object),
            result.height_m,
            result.footprint_m2,
            result.roof_area_m2,
            result.flat_roof_m2,
            result.slope_deg,
            result.slope_max_deg,
            np.array(result.gemeindeschluessel, dtype=object),
            *result.class_true_m2.T,
            *result.class_horiz_m2.T,
        ]
        if result.canceled:
            raise Canceled()  # the base removes what was started: no partial result
        # only now the output: an input error or a cancel above leaves an earlier file untouched;
        # the reader always returns EPSG:25832 (the CRS of the NRW tiles; others are flagged)
        fields = make_fields(FIELDS)
        sink, dest_id = self.sink(
            parameters, self.OUTPUT, context, fields, Qgis.WkbType.MultiPolygon,
            QgsCoordinateReferenceSystem(lod2.DEFAULT_CRS), own=range(len(FIELDS)),
        )
        written = write_sink(
            sink, fields, as_multi(result.geometry),
            [(name, kind, values) for (name, kind), values in zip(FIELDS, columns)],
            progress.sub(READ_SHARE, 1.0),
        )
        del sink
        self.close_sink(dest_id, written)
        if not len(result):
            if result.n_skipped:
                feedback.pushWarning(
                    self.tr(
                        "None of the buildings has roof or ground surfaces (bldg:RoofSurface, "
                        "bldg:GroundSurface), so the output is empty. The files may hold LoD1 "
                        "models; use the LoD2 tiles."
                    )
                )
            else:
                feedback.pushWarning(
                    self.tr("The input holds no buildings (bldg:Building); the output is empty.")
                )
        else:
            feedback.pushInfo(
                self.tr("Read {n} buildings from {files} file(s).").format(
                    n=written, files=sum(1 for f in result.files if not (f.not_citygml or f.broken))
                )
            )
        return {self.OUTPUT: dest_id}

    # -----------------------------------------------------------------------------------------
    def _error_text(self, err: Lod2Error) -> str:
        if err.kind == "missing":
            return self.tr(
                "The path {path} does not exist. Choose an existing CityGML file or a folder "
                "with LoD2 tiles."
            ).format(path=err.path)
        if err.kind == "no_files":
            return self.tr(
                "The folder {path} contains no CityGML files (*.gml, *.xml). Choose the folder "
                "with the LoD2 tiles; unpack downloaded ZIP archives first."
            ).format(path=err.path)
        if err.kind == "not_citygml":
            return self.tr(
                "{path} is not a CityGML file (expected the root element core:CityModel of "
                "CityGML 1.0 or 2.0). Choose LoD2 tiles such as LoD2_32_335_5723_1_NW.gml."
            ).format(path=err.path)
        if err.kind == "bad_xml":
            return self.tr(
                "{path} is not well-formed XML ({detail}); the file may be incomplete. Download "
                "the tile again."
            ).format(path=err.path, detail=err.detail)
        return str(err)

    def _report(self, result: lod2.Lod2Result, feedback) -> None:
        for f in result.files:
            name = Path(f.path).name
            if f.not_citygml:
                feedback.pushWarning(
                    self.tr("{file} is not CityGML and was skipped.").format(file=name)
                )
                continue
            if f.broken:
                feedback.pushWarning(
                    self.tr(
                        "{file} cannot be read ({detail}) and was skipped; the other tiles were imported. "
                        "The download may be incomplete: download the tile again."
                    ).format(file=name, detail=f.broken)
                )
                continue
            if f.duplicate_of and f.n_read == 0:
                feedback.pushWarning(
                    self.tr(
                        "{file} holds the same buildings as {other}; they are counted once. Remove the copy "
                        "from the folder."
                    ).format(file=name, other=", ".join(f.duplicate_of))
                )
            elif f.n_duplicates:
                feedback.pushWarning(
                    self.tr(
                        "{file}: {n} building(s) have a gml_id that was read before (in {other}); only the "
                        "first is kept."
                    ).format(file=name, n=f.n_duplicates, other=", ".join(f.duplicate_of))
                )
            if f.crs_assumed and (f.n_read or f.n_skipped):
                feedback.pushWarning(
                    self.tr(
                        "{file}: the coordinate system {srs} is not recognised; EPSG:25832 "
                        "(ETRS89 / UTM 32N, the CRS of the NRW tiles) is assumed. If the file "
                        "uses another CRS, assign it to the output layer."
                    ).format(file=name, srs=f.srs_name or self.tr("(none)"))
                )
            if f.n_skipped:
                feedback.pushWarning(
                    self.tr(
                        "{file}: {n} building(s) have neither roof nor ground polygons and were "
                        "skipped (e.g. {ids})."
                    ).format(file=name, n=f.n_skipped, ids=", ".join(f.skipped_ids[:5]))
                )
            for count, text in self._counted(f):
                if count:
                    feedback.pushWarning(text.format(file=name, n=count))

    def _counted(self, f: lod2.FileReport) -> list[tuple[int, str]]:
        """(count, text with {file} and {n}) for each kind of odd content the reader counts."""
        return [
            (int(f.n_read > 0 and not f.n_roof_polygons), self.tr(
                "{file} has no roof surfaces (bldg:RoofSurface): its buildings have a footprint but "
                "no roof area, flat-roof area or slope. The file may hold LoD1 models; use the LoD2 tiles.")),
            (f.n_2d_roofs, self.tr(
                "{file}: {n} building(s) have roof polygons without heights (2D coordinates), so "
                "their roof area, flat-roof area and slope are left empty instead of being taken as "
                "flat. Use the 3D LoD2 tiles.")),
            (f.n_zone_prefix, self.tr(
                "{file}: {n} building(s) have eastings with the zone number 32 in front (e.g. "
                "32,337,000 m); the zone number was removed (337,000 m in EPSG:25832).")),
            (f.n_outside_region, self.tr(
                "{file}: {n} building(s) lie outside North Rhine-Westphalia in EPSG:25832; the "
                "coordinates may be local or in another CRS. They are imported as they are: check "
                "the file and assign the right CRS to the output.")),
            # inside NRW but off its own tile (outside NRW is the stronger message)
            (0 if f.n_outside_region else f.n_outside_envelope, self.tr(
                "{file}: {n} building(s) lie outside the tile's own extent (gml:Envelope); they are "
                "imported, but check the file.")),
            (f.n_curved, self.tr(
                "{file}: {n} curved ring(s) (gml:Arc) were converted to straight segments of at "
                "most 4°.")),
            (f.n_unresolved_hrefs, self.tr(
                "{file}: {n} polygon reference(s) (xlink:href) point outside their "
                "building and were ignored.")),
        ]
