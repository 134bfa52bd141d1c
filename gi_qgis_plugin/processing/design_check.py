"""gi:designcheck – check a design against the strategy's orientation values, with a PDF report.

Parameters → read the design, trees, street edge and existing state once into arrays →
``scoring.design.check_design`` (pure) → the design layer with per-polygon figures, the table of
checks, the Eingriffs-/Ausgleichsbilanz (Bestand/Planung, NRW form), CSV copies of both tables and
a PDF report through the QGIS layout engine. Not a ranking algorithm: no gi_score.
"""

from __future__ import annotations

import csv
import datetime
import math
import os

import numpy as np
from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProject,
    QgsRectangle,
    QgsRendererCategory,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from ..i18n import language, translate_marked
from ..scoring import design, geo, water
from ..scoring.progress import Progress
from ..scoring.values import truthy
from . import inputs, report
from .base import GiAlgorithm
from .crs import choose_work_crs
from .read import number_column, read_overlay, read_source, report_skipped, text_column
from .scoring_base import set_role
from .write import make_fields, output_fields, write_sink

SURFACE_FIELD_CANDIDATES = ("surface", "belag", "oberflaeche", "oberfläche", "surface_type", "code", "typ", "type")
EXISTING_FIELD_CANDIDATES = SURFACE_FIELD_CANDIDATES + ("biotoptyp", "biotope", "biotop")
DISCONNECT_FIELD_CANDIDATES = ("disconnected", "abgekoppelt", "abkopplung")
CORR_FIELD_CANDIDATES = ("korrektur", "korrekturfaktor", "k")
BIOTOPE_FIELD_CANDIDATES = ("biotoptyp", "biotope", "biotop", "biotope_type")

# Colours of the surface codes on the map (presentation only; the values live in surfaces.csv)
KIND_COLOURS = {"roof": "#9e9e9e", "ground": "#c8c0b4", "green": "#8cc269", "water": "#74a9cf"}
CODE_COLOURS = {
    "roof_plain": "#8c8c8c", "roof_gravel": "#b0a99f", "green_ext_thin": "#b5d99c", "green_ext": "#8cc269",
    "green_ext_sloped": "#a3cf7a", "green_intensive": "#4f9a3a", "asphalt": "#5f5f5f", "paving_sealed": "#7a7068",
    "paving": "#a39a8f", "paving_open": "#c2b8a3", "seepage_paving": "#cfc6a8", "water_bound": "#e3d3a4",
    "gravel_lawn": "#d6dfa8", "grass_pavers": "#c9dd9a", "grass_pavers_light": "#bfe0a0", "ash_court": "#c98c6b",
    "lawn": "#9fd37f", "lawn_steep": "#92c572", "planting_bed": "#5fae4f", "tree_pit": "#6b8e23", "water": "#74a9cf",
}

PER_POLYGON = [
    ("surface", "text"), ("known", "int"), ("seal_cls", "text"), ("area_m2", "double"), ("sealed_m2", "double"),
    ("c_m", "double"), ("c_s", "double"), ("runoff_m3a", "double"), ("retain_m3a", "double"), ("n_trees", "int"),
    ("biotope", "text"), ("value_p", "double"), ("cover_m2", "double"), ("pts_before", "double"),
    ("pts_after", "double"), ("pts_bal", "double"), ("overlap_m2", "double"), ("gi_flags", "text"),
]
CHECK_FIELDS = [
    ("key", "text"), ("check", "text"), ("hz", "text"), ("value", "double"), ("target", "double"),
    ("unit", "text"), ("status", "text"), ("result", "text"), ("note", "text"), ("source", "text"),
]
BILANZ_FIELDS = [
    ("part", "text"), ("code", "text"), ("biotoptyp", "text"), ("flaeche_m2", "double"), ("grundwert", "double"),
    ("korrektur", "double"), ("gesamtwert", "double"), ("einzelwert", "double"),
]


class DesignCheckAlgorithm(GiAlgorithm):
    ALG_ID = "designcheck"
    GROUP_ID = "design"

    INPUT = "INPUT"
    SURFACE_FIELD = "SURFACE_FIELD"
    DISCONNECT_FIELD = "DISCONNECT_FIELD"
    CORR_FIELD = "CORR_FIELD"
    BIOTOPE_FIELD = "BIOTOPE_FIELD"
    TREES = "TREES"
    EDGE = "EDGE"
    EXISTING = "EXISTING"
    EXISTING_FIELD = "EXISTING_FIELD"
    EXISTING_KIND = "EXISTING_KIND"
    EXISTING_CORR_FIELD = "EXISTING_CORR_FIELD"
    PRECIP = "PRECIP"
    R_D30 = "R_D30"
    R_D2 = "R_D2"
    DURATION = "DURATION"
    MIN_PAVED = "MIN_PAVED"
    PROVIDED = "PROVIDED"
    GREEN_ROOFS = "GREEN_ROOFS"
    TREES_PER_100M = "TREES_PER_100M"
    SEALED_MAX = "SEALED_MAX"
    RUNOFF_MAX = "RUNOFF_MAX"
    DISCONNECTED_MIN = "DISCONNECTED_MIN"
    RETENTION_GAIN = "RETENTION_GAIN"
    EDGE_TOLERANCE = "EDGE_TOLERANCE"
    OUTPUT = "OUTPUT"
    CHECKS = "CHECKS"
    BILANZ = "BILANZ"
    CHECKS_CSV = "CHECKS_CSV"
    BILANZ_CSV = "BILANZ_CSV"
    REPORT = "REPORT"

    # ------------------------------------------------------------------------------------------
    # Texts
    # ------------------------------------------------------------------------------------------
    def displayName(self) -> str:
        return self.tr("Design check: a design against the orientation values (HZ 02, 03, 24)")

    def tags(self) -> list[str]:
        return self.tr("design,landscape architecture,sealing,runoff,green roof,street trees,Eingriffsregelung,Überflutungsnachweis,HZ 02,HZ 03,HZ 24").split(",")

    def flags(self):
        # the PDF is drawn by the layout engine, which belongs in the main thread
        return super().flags() | Qgis.ProcessingAlgorithmFlag.NoThreading

    def shortHelpString(self) -> str:
        codes = ", ".join(water.surfaces())
        return self.tr(
            "<p>Checks a design drawn as polygons (a square, a street, a school yard, a new quarter) "
            "against the orientation values of the Strategie Grüne Infrastruktur and gives the figures "
            "a landscape architect must show: a table of checks with pass / fail and the Handlungsziel, "
            "the Eingriffs-/Ausgleichsbilanz in the NRW form (Bestand / Planung) and a PDF report.</p>"
            "<p><b>Surface types</b> (field of the design layer; code or German name of "
            "resources/surfaces.csv): {codes}. Each code carries the runoff coefficients C_m and C_s of "
            "DWA-A 138-1 Tab. 9, an annual runoff share, a sealing class (Umweltatlas Berlin 01.02: "
            "buildings and Belagsklassen 1–4 count as sealed) and, through resources/design_biotope.csv, "
            "a biotope type whose values come from resources/biotope_types.csv (LANUK method). Polygons "
            "with an unknown type are left out of every figure and named in a warning. Overlapping "
            "polygons are counted once: the first polygon keeps the shared area.</p>"
            "<p><b>Figures</b> per polygon and in total: sealed share and unsealed area, area-weighted C_m "
            "and C_s, annual runoff and retention (m³/a), green share of the roof area, trees per 100 m of "
            "street edge (trees inside the design, edge within the edge tolerance of it), biotope value "
            "points before and after and their balance (negative = Kompensationsbedarf), and the retention "
            "volume of the Überflutungsnachweis after DIN 1986-100:2016 Gl. 20: V = (r(D,30)·A_ges − "
            "r(D,2)·(A_Dach·C_s,Dach + A_FaG·C_s,FaG))·D·60/10⁷, required above 800 m² befestigte Fläche. "
            "The rain defaults are the KOSTRA-DWD 2020 values of Düsseldorf Stadtmitte from the City of "
            "Düsseldorf's worked example (r(5,30) = 433, r(5,2) = 209 l/(s·ha)): set the values of your "
            "plot's KOSTRA cell.</p>"
            "<p><b>Checks</b> (orientation values are parameters; [U] = the plugin's assumption): green "
            "share of roofs ≥ 50 % (HZ 02); trees ≥ 7 per 100 m of street edge (HZ 03, no published value "
            "[U]); sealed share ≤ 60 % (HZ 03 [U]); no more sealed area than the existing state (HZ 03); "
            "annual runoff ≤ 40 % (HZ 24 [U]); ≥ 25 % of the sealed area disconnected from the sewer "
            "(Klima.Werk 2040, needs a disconnected field); rain kept on site +10 percentage points over the "
            "existing state (Klima.Werk 2040 evaporation target; a proxy [U]); biotope balance ≥ 0 (HZ 08, "
            "10); the retention volume provided ≥ V_Rück (DIN 1986-100). A check without its data says "
            "'not checked' and why.</p>"
            "<p><b>Existing state</b> (optional): polygons in the same surface vocabulary, or with biotope "
            "types of resources/biotope_types.csv (found automatically). The balance compares only the part "
            "of the design where the existing state is known; the part outside is named in a warning. A "
            "planned biotope type field on the design (e.g. a hedge on a planting bed) replaces the biotope "
            "type its surface maps to.</p>"
            "<p><b>Outputs</b>: the design layer with surface, known, seal_cls, area_m2, sealed_m2, c_m, "
            "c_s, runoff_m3a, retain_m3a, n_trees, biotope, value_p, cover_m2, pts_before, pts_after, "
            "pts_bal, overlap_m2, gi_flags; the checks table; the Bilanz table (part, code, biotoptyp, "
            "flaeche_m2, grundwert, korrektur, gesamtwert, einzelwert); both as CSV; the PDF report with a "
            "map, the checks, the Bilanz and the source of every value. Legal frame: § 44 LWG NRW, § 55 (2) "
            "WHG, § 1a BauGB. The input layers are never changed.</p>"
        ).format(codes=codes)

    # ------------------------------------------------------------------------------------------
    # Parameters
    # ------------------------------------------------------------------------------------------
    def initAlgorithm(self, config=None):
        polygon = [Qgis.ProcessingSourceType.VectorPolygon]
        double = Qgis.ProcessingNumberParameterType.Double
        rain = design.Rain()
        o = design.Orientation()
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Design (polygons with a surface type)"), polygon))
        self.addParameter(QgsProcessingParameterField(self.SURFACE_FIELD, self.tr("Surface type field (code or name of the surface table; empty = find by name)"),
                                                      parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(self.DISCONNECT_FIELD, self.tr("Disconnected from the sewer field (1/0; empty = find by name)"),
                                                      parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(self.CORR_FIELD, self.tr("Korrekturfaktor field of the design (empty = 1)"),
                                                      parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(self.BIOTOPE_FIELD, self.tr("Planned biotope type field (replaces the surface's biotope type where filled; empty = find by name)"),
                                                      parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(set_role(QgsProcessingParameterFeatureSource(self.TREES, self.tr("Trees of the design (points)"), [Qgis.ProcessingSourceType.VectorPoint], optional=True), "trees"))
        self.addParameter(QgsProcessingParameterFeatureSource(self.EDGE, self.tr("Street edge (lines)"), [Qgis.ProcessingSourceType.VectorLine], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.EXISTING, self.tr("Existing state (polygons: surface types or biotope types)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterField(self.EXISTING_FIELD, self.tr("Type field of the existing state (empty = find by name)"),
                                                      parentLayerParameterName=self.EXISTING, optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.EXISTING_KIND, self.tr("The existing state's types are"),
                                                     options=[self.tr("found automatically"), self.tr("surface types"), self.tr("biotope types")],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterField(self.EXISTING_CORR_FIELD, self.tr("Korrekturfaktor field of the existing state (empty = 1)"),
                                                      parentLayerParameterName=self.EXISTING, optional=True))
        for name, label, default, low in (
            (self.PRECIP, self.tr("Annual precipitation (mm/a; assumption, set your local value)"), rain.precip_mm, 1.0),
            (self.R_D30, self.tr("Rain r(D,30), l/(s·ha) (KOSTRA-DWD 2020 of your plot)"), rain.r_d30, 0.0),
            (self.R_D2, self.tr("Rain r(D,2), l/(s·ha) (KOSTRA-DWD 2020 of your plot)"), rain.r_d2, 0.0),
            (self.DURATION, self.tr("Rain duration D (min)"), rain.duration_min, 1.0),
            (self.MIN_PAVED, self.tr("Überflutungsnachweis required above this befestigte Fläche (m²)"), rain.min_paved_m2, 0.0),
            (self.PROVIDED, self.tr("Retention volume the design provides (m³)"), rain.provided_m3, 0.0),
            (self.GREEN_ROOFS, self.tr("Orientation value: green share of the roofs at least (%)"), 100 * o.green_roof_share, 0.0),
            (self.TREES_PER_100M, self.tr("Orientation value: trees per 100 m of street edge at least"), o.trees_per_100m, 0.0),
            (self.SEALED_MAX, self.tr("Orientation value: sealed share at most (%)"), 100 * o.sealed_share_max, 0.0),
            (self.RUNOFF_MAX, self.tr("Orientation value: annual runoff share at most (%)"), 100 * o.runoff_share_max, 0.0),
            (self.DISCONNECTED_MIN, self.tr("Orientation value: sealed area disconnected at least (%)"), 100 * o.disconnected_min, 0.0),
            (self.RETENTION_GAIN, self.tr("Orientation value: gain of rain kept on site (percentage points)"), o.retention_gain_pp, -100.0),
            (self.EDGE_TOLERANCE, self.tr("Street edge counts within this distance of the design (m)"), 2.0, 0.0),
        ):
            self.addParameter(QgsProcessingParameterNumber(name, label, double, default, minValue=low))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Design with figures"), Qgis.ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.CHECKS, self.tr("Checks"), Qgis.ProcessingSourceType.Vector, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.BILANZ, self.tr("Eingriffs-/Ausgleichsbilanz"), Qgis.ProcessingSourceType.Vector, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.CHECKS_CSV, self.tr("Checks as CSV"), self.tr("CSV files (*.csv)"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(self.BILANZ_CSV, self.tr("Bilanz as CSV"), self.tr("CSV files (*.csv)"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(self.REPORT, self.tr("PDF report"), self.tr("PDF files (*.pdf)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("N_PASS", self.tr("Checks passed")))
        self.addOutput(QgsProcessingOutputNumber("N_FAIL", self.tr("Checks failed")))
        self.addOutput(QgsProcessingOutputNumber("V_RUECK", self.tr("Retention volume after DIN 1986-100 Gl. 20 (m³)")))
        self.addOutput(QgsProcessingOutputNumber("BALANCE", self.tr("Biotope value balance (points)")))

    # ------------------------------------------------------------------------------------------
    # Run
    # ------------------------------------------------------------------------------------------
    def _num(self, parameters, name, context) -> float:
        v = float(self.parameterAsDouble(parameters, name, context))
        if not math.isfinite(v):
            raise QgsProcessingException(self.tr("{param} must be a number.").format(param=name))
        return v

    def process(self, parameters, context, progress: Progress, feedback) -> dict:
        num = {n: self._num(parameters, n, context) for n in (
            self.PRECIP, self.R_D30, self.R_D2, self.DURATION, self.MIN_PAVED, self.PROVIDED, self.GREEN_ROOFS,
            self.TREES_PER_100M, self.SEALED_MAX, self.RUNOFF_MAX, self.DISCONNECTED_MIN, self.RETENTION_GAIN,
            self.EDGE_TOLERANCE)}
        if num[self.R_D2] > num[self.R_D30]:
            feedback.pushWarning(self.tr("r(D,2) ({r2}) is larger than r(D,30) ({r30}): check the KOSTRA values; a 30-year rain is heavier than a 2-year rain.").format(
                r2=f"{num[self.R_D2]:g}", r30=f"{num[self.R_D30]:g}"))
        rain = design.Rain(precip_mm=num[self.PRECIP], r_d30=num[self.R_D30], r_d2=num[self.R_D2],
                           duration_min=num[self.DURATION], min_paved_m2=num[self.MIN_PAVED], provided_m3=num[self.PROVIDED])
        orient = design.Orientation(
            green_roof_share=num[self.GREEN_ROOFS] / 100, trees_per_100m=num[self.TREES_PER_100M],
            sealed_share_max=num[self.SEALED_MAX] / 100, runoff_share_max=num[self.RUNOFF_MAX] / 100,
            disconnected_min=num[self.DISCONNECTED_MIN] / 100, retention_gain_pp=num[self.RETENTION_GAIN])

        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        name = inputs.layer_name(self, parameters, self.INPUT, context, source)
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr("The design layer {name} has no features: nothing to check. Draw the design as polygons with a surface type.").format(name=name))
        work_crs = choose_work_crs(source.sourceCrs(), source.sourceExtent(), name, feedback)
        surface_field = inputs.chosen_field(self, parameters, self.SURFACE_FIELD, context, source, SURFACE_FIELD_CANDIDATES)
        if not surface_field:
            raise QgsProcessingException(self.tr("The design layer {name} has no surface type field. Choose it in 'Surface type field' (fields: {fields}).").format(
                name=name, fields=", ".join(source.fields().names())))
        disc_field = inputs.chosen_field(self, parameters, self.DISCONNECT_FIELD, context, source, DISCONNECT_FIELD_CANDIDATES)
        corr_field = inputs.chosen_field(self, parameters, self.CORR_FIELD, context, source, CORR_FIELD_CANDIDATES)
        bio_field = inputs.chosen_field(self, parameters, self.BIOTOPE_FIELD, context, source, BIOTOPE_FIELD_CANDIDATES)
        wanted = [f for f in (surface_field, disc_field, corr_field, bio_field) if f]
        arrays = read_source(source, context, work_crs, progress.sub(0.0, 0.2), keep_rows=True, fields=wanted, name=name)
        report_skipped(arrays, feedback, name)
        feedback.pushInfo(self.tr("Read {n} design polygons of {name}; surface types from field {field}; working CRS {crs}.").format(
            n=len(arrays), name=name, field=surface_field, crs=work_crs.authid()))
        codes = text_column(arrays, surface_field)
        disconnected = None
        if disc_field:
            disconnected = truthy(arrays.columns.get(disc_field) if disc_field in arrays.columns else text_column(arrays, disc_field))[0]
            feedback.pushInfo(self.tr("Disconnected surfaces from field {field}.").format(field=disc_field))
        korr = number_column(arrays, corr_field) if corr_field else None
        planned = text_column(arrays, bio_field) if bio_field else None
        if bio_field:
            feedback.pushInfo(self.tr("Planned biotope types from field {field} where filled.").format(field=bio_field))

        trees = self._geoms(parameters, self.TREES, context, work_crs, progress.sub(0.2, 0.3), feedback)
        edges = self._geoms(parameters, self.EDGE, context, work_crs, progress.sub(0.3, 0.35), feedback)
        existing = self._existing(parameters, context, work_crs, progress.sub(0.35, 0.5), feedback)
        if parameters.get(self.TREES) in (None, "") or trees is None:
            feedback.pushWarning(self.tr("No tree layer given: the design counts 0 trees."))
        progress.check()

        res = design.check_design(arrays.geoms, codes, trees=trees, edges=edges, existing=existing,
                                  disconnected=disconnected, korrektur=korr, planned_biotope=planned, rain=rain, orientation=orient,
                                  edge_tolerance_m=num[self.EDGE_TOLERANCE])
        progress(0.6)
        self._report_issues(res, trees, feedback)

        flags = self._flags(res, existing is not None, arrays.usable)
        fields, keep = output_fields(source.fields(), make_fields(PER_POLYGON))
        sink, dest = self.sink(parameters, self.OUTPUT, context, fields, Qgis.WkbType.MultiPolygon, work_crs)
        surf = np.where(res.known, design.normalise_surface_codes(codes) if len(codes) else codes, None)
        cols = [surf, res.known.astype(int), np.where(res.known, res.sealing, None), res.area_m2, res.sealed_m2, res.c_m, res.c_s,
                res.runoff_m3a, res.retention_m3a, res.n_trees, res.biotope, res.value_p, res.covered_m2,
                res.pts_before, res.pts_after, res.pts_after - res.pts_before, res.overlap_m2, flags]
        columns = [(fname, kind, values) for (fname, kind), values in zip(PER_POLYGON, cols)]
        write_sink(sink, fields, geo.as_multi(arrays.geoms), columns, progress.sub(0.6, 0.75), rows=arrays.rows, keep=keep)
        del sink
        self.close_sink(dest)
        if context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(SurfaceStyle.create())
        results = {self.OUTPUT: dest}

        check_rows = self._check_rows(res)
        bilanz_rows = self._bilanz_rows(res, existing is not None)
        results.update(self._table(parameters, self.CHECKS, context, CHECK_FIELDS, check_rows))
        results.update(self._table(parameters, self.BILANZ, context, BILANZ_FIELDS, bilanz_rows))
        for param, spec, rows_ in ((self.CHECKS_CSV, CHECK_FIELDS, check_rows), (self.BILANZ_CSV, BILANZ_FIELDS, bilanz_rows)):
            path = self.parameterAsFileOutput(parameters, param, context) if parameters.get(param) not in (None, "") else ""
            if path:
                self.claim_files(path)
                write_csv(path, [n for n, _ in spec], rows_)
                results[param] = path
        progress(0.8)
        pdf = self.parameterAsFileOutput(parameters, self.REPORT, context) if parameters.get(self.REPORT) not in (None, "") else ""
        if pdf:
            self.claim_files(pdf)
            pages = self._pdf(pdf, name, arrays, surf, trees, edges, res, rain, check_rows, bilanz_rows, work_crs, existing is not None)
            feedback.pushInfo(self.tr("PDF report written: {path} ({n} pages).").format(path=pdf, n=pages))
            results[self.REPORT] = pdf
        n_pass = sum(c.status == design.STATUS_PASS for c in res.checks)
        n_fail = sum(c.status == design.STATUS_FAIL for c in res.checks)
        feedback.pushInfo(self.tr("Checks: {p} passed, {f} failed, {n} not checked.").format(
            p=n_pass, f=n_fail, n=len(res.checks) - n_pass - n_fail))
        results.update({"N_PASS": n_pass, "N_FAIL": n_fail, "V_RUECK": res.totals["v_rueck_m3"],
                        "BALANCE": res.totals["balance"] if existing is not None else None})
        progress(1.0)
        return results

    # ------------------------------------------------------------------------------------------
    # Inputs
    # ------------------------------------------------------------------------------------------
    def _geoms(self, parameters, param, context, work_crs, progress, feedback) -> np.ndarray | None:
        src = self.parameterAsSource(parameters, param, context)
        if src is None:
            return None
        name = inputs.layer_name(self, parameters, param, context, src)
        lay = read_overlay(src, context, work_crs, progress, polygonal=False, name=name, feedback=feedback)
        if not lay.usable.any():
            feedback.pushWarning(self.tr("Layer {name} ({param}) has no usable features; it is ignored.").format(name=name, param=param))
            return None
        return lay.geoms[lay.usable]

    def _existing(self, parameters, context, work_crs, progress, feedback) -> design.Existing | None:
        src = self.parameterAsSource(parameters, self.EXISTING, context)
        if src is None:
            return None
        name = inputs.layer_name(self, parameters, self.EXISTING, context, src)
        field = inputs.chosen_field(self, parameters, self.EXISTING_FIELD, context, src, EXISTING_FIELD_CANDIDATES)
        if not field:
            raise QgsProcessingException(self.tr("The existing-state layer {name} has no type field. Choose it in 'Type field of the existing state' (fields: {fields}).").format(
                name=name, fields=", ".join(src.fields().names())))
        corr = inputs.chosen_field(self, parameters, self.EXISTING_CORR_FIELD, context, src, CORR_FIELD_CANDIDATES)
        lay = read_overlay(src, context, work_crs, progress, fields=[f for f in (field, corr) if f], name=name, feedback=feedback)
        types = text_column(lay, field)
        kind_index = self.parameterAsEnum(parameters, self.EXISTING_KIND, context)
        if kind_index == 0:
            kind = "surface" if design.share_of_surface_codes(types) >= 0.5 else "biotope"
        else:
            kind = "surface" if kind_index == 1 else "biotope"
        feedback.pushInfo(self.tr("Existing state: {n} polygons of {name}, field {field}, read as {kind}.").format(
            n=len(lay), name=name, field=field, kind=self.tr("surface types") if kind == "surface" else self.tr("biotope types")))
        return design.Existing(geoms=lay.geoms, types=types, kind=kind,
                               korrektur=number_column(lay, corr) if corr else None)

    def _report_issues(self, res: design.DesignResult, trees, feedback) -> None:
        if res.unknown_codes:
            n = sum(res.unknown_codes.values())
            feedback.pushWarning(self.tr("{n} design polygons have a surface type not in the surface table and are left out of every figure: {types}. Use the codes of resources/surfaces.csv: {codes}.").format(
                n=n, types=_named_counts(res.unknown_codes), codes=", ".join(water.surfaces())))
        if res.n_overlapping:
            feedback.pushWarning(self.tr("{n} design polygons overlap earlier ones ({m} m² in all); the shared area is counted once, for the first polygon (field overlap_m2).").format(
                n=res.n_overlapping, m=_fmt(float(res.overlap_m2.sum()), 1)))
        if res.unknown_existing:
            feedback.pushWarning(self.tr("{n} polygons of the existing state have a type that is neither a surface code nor a biotope type of the tables and are left out: {types}.").format(
                n=sum(res.unknown_existing.values()), types=_named_counts(res.unknown_existing)))
        if res.existing_overlap_m2 > design.AREA_EPS:
            feedback.pushWarning(self.tr("Polygons of the existing state overlap ({m} m²); the shared area is counted once.").format(m=_fmt(res.existing_overlap_m2, 1)))
        if res.outside_existing_m2 > 0.5:
            feedback.pushWarning(self.tr("{m} m² of the design lie outside the existing-state layer; the balance and the comparisons with the existing state cover only the rest ({c} m²).").format(
                m=_fmt(res.outside_existing_m2, 0), c=_fmt(res.totals["area_m2"] - res.outside_existing_m2, 0)))
        if res.unmapped_biotope:
            feedback.pushWarning(self.tr("No biotope value for these types, their area is left out of the balance: {types}. Add them to resources/design_biotope.csv or biotope_types.csv.").format(
                types=_named_counts(res.unmapped_biotope)))
        if res.unknown_planned:
            feedback.pushWarning(self.tr("{n} design polygons name a planned biotope type that is not in the biotope table: {types}. The biotope type of their surface is used.").format(
                n=sum(res.unknown_planned.values()), types=_named_counts(res.unknown_planned)))
        if res.trees_outside:
            feedback.pushWarning(self.tr("{n} trees lie outside the design and are not counted.").format(n=res.trees_outside))
        if trees is not None and res.totals["n_trees"] == 0:
            feedback.pushWarning(self.tr("No tree lies inside the design."))
        if res.totals["area_m2"] <= 0:
            feedback.pushWarning(self.tr("No design polygon has a usable geometry and a known surface type: every check is 'not checked'."))

    # ------------------------------------------------------------------------------------------
    # Outputs
    # ------------------------------------------------------------------------------------------
    def _flags(self, res: design.DesignResult, has_existing: bool, usable: np.ndarray) -> np.ndarray:
        out = []
        for i in range(len(res.area_m2)):
            f = []
            if not usable[i]:
                f.append("geom_empty")
            elif not res.known[i]:
                f.append("unknown_surface")
            if res.overlap_m2[i] > design.AREA_EPS:
                f.append("overlap")
            if has_existing and res.known[i] and res.area_m2[i] - res.covered_m2[i] > 0.5:
                f.append("outside_existing")
            if res.known[i] and not np.isfinite(res.value_p[i]):
                f.append("no_biotope_value")
            out.append(",".join(f))
        return np.array(out, dtype=object)

    def status_text(self, status: str) -> str:
        return {design.STATUS_PASS: self.tr("pass"), design.STATUS_FAIL: self.tr("fail")}.get(status, self.tr("not checked"))

    def unit_text(self, unit: str) -> str:
        return {"points": self.tr("points"), "/100 m": self.tr("per 100 m"), "pp": self.tr("percentage points")}.get(unit, unit)

    def _check_rows(self, res: design.DesignResult) -> list[list]:
        rows = []
        for c in res.checks:
            info = c.info
            rows.append([c.key, translate_marked(info.label), info.hz, _none(c.value), _none(c.target), self.unit_text(info.unit),
                         c.status, self.status_text(c.status), translate_marked(design.NA_REASONS.get(c.na_reason, "")), info.source])
        return rows

    def _bilanz_rows(self, res: design.DesignResult, has_existing: bool) -> list[list]:
        rows = []
        bestand, planung = self.tr("Bestand"), self.tr("Planung")
        if has_existing:
            for r in res.bestand:
                rows.append([bestand, r.code, r.name, r.area_m2, r.value, r.korrektur, r.gesamtwert, r.points])
            rows.append([self.tr("Sum Bestand"), None, None, sum(r.area_m2 for r in res.bestand), None, None, None, res.totals["pts_before"]])
        for r in res.planung:
            rows.append([planung, r.code, r.name, r.area_m2, r.value, r.korrektur, r.gesamtwert, r.points])
        rows.append([self.tr("Sum Planung"), None, None, sum(r.area_m2 for r in res.planung), None, None, None, sum(r.points for r in res.planung)])
        if has_existing:
            bal = res.totals["balance"]
            label = self.tr("Balance: surplus (Planung − Bestand)") if bal >= 0 else self.tr("Balance: Kompensationsbedarf (Bestand − Planung)")
            rows.append([label, None, None, None, None, None, None, abs(bal)])
        return rows

    def _table(self, parameters, param, context, spec, rows_) -> dict:
        if parameters.get(param) in (None, ""):
            return {}
        fields = make_fields(spec)
        sink, dest = self.sink(parameters, param, context, fields, Qgis.WkbType.NoGeometry, QgsCoordinateReferenceSystem())
        columns = [(fname, kind, np.array([r[k] for r in rows_], dtype=object)) for k, (fname, kind) in enumerate(spec)]
        write_sink(sink, fields, np.full(len(rows_), None, dtype=object), columns, Progress(None))
        del sink
        self.close_sink(dest)
        return {param: dest}

    def _pdf(self, path, name, arrays, surf, trees, edges, res, rain, check_rows, bilanz_rows, work_crs, has_existing) -> int:
        project = QgsProject()
        crs = work_crs.authid()
        poly = QgsVectorLayer(f"MultiPolygon?crs={crs}&field=surface:string", self.tr("Design by surface type"), "memory")
        feats = []
        for g, code in zip(arrays.geoms.tolist(), surf.tolist()):
            if g is None:
                continue
            f = QgsFeature(poly.fields())
            f.setGeometry(QgsGeometry.fromWkt(g.wkt))
            f.setAttributes([code])
            feats.append(f)
        poly.dataProvider().addFeatures(feats)
        poly.setRenderer(surface_renderer(poly, "surface", {c for c in surf.tolist() if c}, wrap=28))
        map_layers = [poly]
        if trees is not None and len(trees):
            pts = QgsVectorLayer(f"Point?crs={crs}", self.tr("Trees"), "memory")
            pts.dataProvider().addFeatures([_feature(pts, p) for p in trees.tolist()])
            pts.renderer().setSymbol(QgsMarkerSymbol.createSimple({"name": "circle", "color": "#2e7d32", "size": "3", "outline_color": "#1b5e20"}))
            map_layers.insert(0, pts)
        if edges is not None and len(edges):
            ln = QgsVectorLayer(f"LineString?crs={crs}", self.tr("Street edge"), "memory")
            ln.dataProvider().addFeatures([_feature(ln, g) for g in edges.tolist()])
            sym = QgsSymbol.defaultSymbol(QgsWkbTypes.GeometryType.LineGeometry)
            sym.setColor(QColor("#d7301f"))
            sym.setWidth(0.8)
            ln.renderer().setSymbol(sym)
            map_layers.insert(0, ln)
        for lay in map_layers:
            project.addMapLayer(lay, False)
        ext = poly.extent()
        if ext.isEmpty():
            ext = QgsRectangle(0, 0, 1, 1)
        ext.grow(max(ext.width(), ext.height()) * 0.08 + 1.0)

        t = res.totals
        de = language() == "de"
        check_table = report.Table(
            self.tr("Checks against the orientation values"),
            [self.tr("Check"), self.tr("Value"), self.tr("Orientation value"), self.tr("Result"), self.tr("HZ"), self.tr("Note")],
            [[r[1], _fmt_val(r[3], r[5], de), _fmt_target(r[4], r[5], design.CHECK_INFO[r[0]].comparator, de), r[7], r[2], r[8]] for r in check_rows],
            widths=(46, 20, 30, 15, 10, 0),
            row_colours=[report.PASS_COLOUR if r[6] == "pass" else report.FAIL_COLOUR if r[6] == "fail" else None for r in check_rows])
        figures = [
            [self.tr("Design area"), _fmt(t["area_m2"], 0, de) + " m²"],
            [self.tr("Sealed area (buildings and paved surfaces)"), f"{_fmt(t['sealed_m2'], 0, de)} m² ({_pct(t['sealed_share'], de)})"],
            [self.tr("of which partly sealed (Belagsklassen 3–4)"), _fmt(t["partly_m2"], 0, de) + " m²"],
            [self.tr("Unsealed area"), _fmt(t["unsealed_m2"], 0, de) + " m²"],
            [self.tr("Area-weighted C_m / C_s"), f"{_fmt(t['c_m'], 2, de)} / {_fmt(t['c_s'], 2, de)}"],
            [self.tr("Annual precipitation on the design"), f"{_fmt(t['precip_m3a'], 1, de)} m³/a ({_fmt(rain.precip_mm, 0, de)} mm/a)"],
            [self.tr("Annual runoff"), f"{_fmt(t['runoff_m3a'], 1, de)} m³/a ({_pct(t['runoff_share'], de)})"],
            [self.tr("Annual retention (evaporation and infiltration)"), _fmt(t["retention_m3a"], 1, de) + " m³/a"],
            [self.tr("Roof area, of which green"), f"{_fmt(t['roof_m2'], 0, de)} m², {_fmt(t['green_roof_m2'], 0, de)} m²"],
            [self.tr("Trees in the design; street edge"), f"{int(t['n_trees'])}; {_fmt(t['edge_m'], 1, de)} m"],
            [self.tr("Überflutungsnachweis: A_ges, A_Dach (C_s), A_FaG (C_s)"),
             f"{_fmt(t['a_ges_m2'], 0, de)} m², {_fmt(t['a_dach_m2'], 0, de)} m² ({_fmt(t['cs_dach'], 2, de)}), {_fmt(t['a_fag_m2'], 0, de)} m² ({_fmt(t['cs_fag'], 2, de)})"],
            [self.tr("Rain r(D,30), r(D,2), D"), f"{_fmt(rain.r_d30, 1, de)}, {_fmt(rain.r_d2, 1, de)} l/(s·ha), {_fmt(rain.duration_min, 0, de)} min"],
            [self.tr("Retention volume V_Rück (DIN 1986-100 Gl. 20)"),
             _fmt(t["v_rueck_m3"], 2, de) + " m³ " + (self.tr("(required)") if t["nachweis_required"] else self.tr("(not required: befestigte Fläche up to the threshold)"))],
        ]
        if has_existing:
            figures.append([self.tr("Biotope value points Bestand / Planung (compared area)"),
                            f"{_fmt(t['pts_before'], 0, de)} / {_fmt(t['pts_after'], 0, de)} ({_fmt(t['covered_m2'], 0, de)} m²)"])
        fig_table = report.Table(self.tr("Figures of the design"), [self.tr("Figure"), self.tr("Value")], figures, widths=(95, 0))
        bil_rows = []
        for r in bilanz_rows:
            part, label = (r[0], r[2] or "") if r[1] else ("", r[0])  # sums and the balance: label in the wide column
            bil_rows.append([part, r[1] or "", label, _fmt(r[3], 1, de), _fmt(r[4], 1, de), _fmt(r[5], 2, de),
                             _fmt(r[6], 2, de), _fmt(r[7], 1, de)])
        bil_table = report.Table(
            self.tr("Eingriffs-/Ausgleichsbilanz (LANUK method, Bestand and Planung)"),
            [self.tr("Part"), self.tr("Code"), self.tr("Biotope type"), self.tr("Area m²"), self.tr("Grund-\nwert A / P"),
             self.tr("Korrektur-\nfaktor"), self.tr("Gesamt-\nwert"), self.tr("Einzel-\nflächenwert")],
            bil_rows, widths=(17, 24, 42, 15, 14, 15, 14, 0), bold_last=True)
        sources = [[translate_marked(design.CHECK_INFO[r[0]].label), r[9]] for r in check_rows]
        table = water.surfaces()
        bmap = design.biotope_map()
        for code in sorted({c for c in surf.tolist() if c and c in table}):
            s = table[code]
            sources.append([f"{code}: C_m {_fmt(s.c_m, 2, de)}, C_s {_fmt(s.c_s, 2, de)}", s.source])
            sources.append([f"{code}: " + self.tr("annual runoff share"), s.source_annual])
            sources.append([f"{code}: " + self.tr("sealing class") + f" {s.sealing}", s.source_sealing])
            sources.append([f"{code} → " + self.tr("biotope type") + f" {bmap.biotope.get(code, '')}", bmap.source.get(code, "")])
        for code, src in _biotope_sources(bilanz_rows).items():
            sources.append([self.tr("Biotope value") + f" {code}", src])
        src_table = report.Table(self.tr("Sources of every value"), [self.tr("Value"), self.tr("Source")], sources, widths=(60, 0))
        legal = self.tr("Legal frame: § 44 LWG NRW (rainwater of plots first built after 1 January 1996 to be managed on site where possible), § 55 (2) WHG, Eingriffsregelung after § 1a BauGB and §§ 30–32 LNatSchG NRW. The orientation values marked [U] are the plugin's assumptions and parameters of the run; this check does not replace the Entwässerungsantrag or the Überflutungsnachweis signed by a qualified planner.")
        issues = []
        if res.unknown_codes:
            issues.append(self.tr("Left out (unknown surface types): {types}.").format(types=_named_counts(res.unknown_codes)))
        if res.n_overlapping:
            issues.append(self.tr("Overlapping design polygons counted once: {n}.").format(n=res.n_overlapping))
        if res.outside_existing_m2 > 0.5:
            issues.append(self.tr("Outside the existing-state layer: {m} m².").format(m=_fmt(res.outside_existing_m2, 0, de)))
        blocks = [report.MapBlock(map_layers, ext, 110.0), check_table, fig_table, bil_table, src_table, legal]
        if issues:
            blocks.insert(1, " ".join(issues))
        rep = report.Report(
            title=self.tr("Design check: {name}").format(name=name),
            subtitle=self.tr("Strategie Grüne Infrastruktur Metropole Ruhr · gi_qgis_plugin {version} · {date} · CRS {crs}").format(
                version=_plugin_version(), date=datetime.date.today().isoformat(), crs=crs),
            blocks=blocks, footer=self.tr("Design check {name}").format(name=name))
        return report.render(rep, path, project)


# ----------------------------------------------------------------------------------------------
# Style of the design layer by surface type (output and report map)
# ----------------------------------------------------------------------------------------------
def surface_renderer(layer: QgsVectorLayer, field: str, codes: set[str] | None = None,
                     wrap: int = 0) -> QgsCategorizedSymbolRenderer:
    """Categories by surface code; ``wrap`` breaks long names into lines (the report's legend)."""
    import textwrap

    table = water.surfaces()
    de = language() == "de"
    cats = []
    for code, s in table.items():
        if codes is not None and code not in codes:
            continue
        sym = QgsSymbol.defaultSymbol(layer.geometryType())
        sym.setColor(QColor(CODE_COLOURS.get(code, KIND_COLOURS.get(s.kind, "#cccccc"))))
        sym.symbolLayer(0).setStrokeColor(QColor("#404040"))
        sym.symbolLayer(0).setStrokeWidth(0.15)
        label = s.name_de if de else s.name_en
        cats.append(QgsRendererCategory(code, sym, "\n".join(textwrap.wrap(label, wrap)) if wrap else label))
    return QgsCategorizedSymbolRenderer(field, cats)


class SurfaceStyle(QgsProcessingLayerPostProcessorInterface):
    _keep: list = []

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if isinstance(layer, QgsVectorLayer) and layer.fields().lookupField("surface") >= 0:
            layer.setRenderer(surface_renderer(layer, "surface"))
            layer.triggerRepaint()

    @classmethod
    def create(cls) -> SurfaceStyle:
        inst = cls()
        cls._keep.append(inst)
        return inst


# ----------------------------------------------------------------------------------------------
# Helpers
# ----------------------------------------------------------------------------------------------
def write_csv(path: str, header: list[str], rows_: list[list]) -> None:
    """UTF-8 CSV with a header; numbers with a dot, empty cells for missing values."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for r in rows_:
            w.writerow(["" if v is None or (isinstance(v, float) and not math.isfinite(v)) else v for v in r])


def _feature(layer: QgsVectorLayer, geom) -> QgsFeature:
    f = QgsFeature(layer.fields())
    f.setGeometry(QgsGeometry.fromWkt(geom.wkt))
    return f


def _none(x: float):
    return None if x is None or (isinstance(x, float) and not math.isfinite(x)) else float(x)


def _fmt(x, nd: int = 1, de: bool | None = None) -> str:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "–"
    de = language() == "de" if de is None else de
    text = f"{x:,.{nd}f}"
    return text.replace(",", "\u202f").replace(".", ",") if de else text


def _pct(share: float, de: bool) -> str:
    return _fmt(100 * share, 0, de) + (" %" if de else "%") if share == share else "–"


def _fmt_val(value, unit: str, de: bool) -> str:
    if value is None:
        return "–"
    nd = 2 if unit == "m³" or unit.startswith("per") or unit.startswith("je") else 1
    return f"{_fmt(value, nd, de)} {unit}".strip()


def _fmt_target(value, unit: str, comparator: str, de: bool) -> str:
    sym = {"ge": "≥", "le": "≤"}.get(comparator, "")
    return f"{sym} {_fmt_val(value, unit, de)}".strip()


def _named_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} ({v})" for k, v in counts.items())


def _biotope_sources(bilanz_rows) -> dict[str, str]:
    from ..scoring import biotope

    table = biotope.biotope_table()
    out = {}
    for r in bilanz_rows:
        code = r[1]
        if code and code not in out and code in table.types:
            out[code] = table.types[code].source
    return out


def _plugin_version() -> str:
    import configparser
    from pathlib import Path

    cp = configparser.ConfigParser(interpolation=None)
    for p in (Path(__file__).resolve().parent.parent / "metadata.txt", Path(__file__).resolve().parents[2] / "metadata.txt"):
        if p.exists():
            cp.read(p, encoding="utf-8")
            return cp.get("general", "version", fallback="")
    return ""


__all__ = ["DesignCheckAlgorithm", "surface_renderer", "write_csv"]
