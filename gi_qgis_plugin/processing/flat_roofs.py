"""gi:flatroofs – score every roof for greening (Handlungsziel 02, also 01, 24, 26).

Parameters → read each layer once into arrays (``layers``) → per-roof raw values (zonal means,
point-in-polygon, distances; all in bulk) → ``scoring.roofs.score_roofs`` (pure numpy) → write
once, in the input's order (spatially coherent, which keeps the output's spatial index cheap).
The domain rules and their sources live in ``scoring/roofs.py`` and the CSV tables in
``resources/``.
"""

from __future__ import annotations

import math
import uuid
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout

import numpy as np
import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsFeatureSource,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsRasterLayer,
    QgsRectangle,
)

from ..i18n import language
from ..scoring import roofs
from . import layers
from .base import GiAlgorithm
from .postprocess import style_district_table_when_loaded, style_when_loaded

# Field names looked for when a secondary layer's field parameter is empty (case-insensitive).
HEAT_FIELD_CANDIDATES = ("heat_class", "heat", "belastung", "waermebelastung", "klasse")
SCOPE_FIELD_CANDIDATES = ("raumtyp",)
DISTRICT_FIELD_CANDIDATES = ("name", "stadtteil", "bezirk", "district", "ortsteil", "gen")

WEIGHT_PARAMS = {
    "slope": "W_SLOPE",
    "area": "W_AREA",
    "heat": "W_HEAT",
    "rain": "W_RAIN",
    "sewer": "W_SEWER",
    "green": "W_GREEN",
    "scope": "W_SCOPE",
}


class FlatRoofsAlgorithm(GiAlgorithm):
    ALG_ID = "flatroofs"
    GROUP_ID = "roofs"

    INPUT = "INPUT"
    ROOF_TYPE_FIELD = "ROOF_TYPE_FIELD"
    SLOPE_FIELD = "SLOPE_FIELD"
    AREA_FIELD = "AREA_FIELD"
    LISTED_FIELD = "LISTED_FIELD"
    GREEN_FIELD = "GREEN_FIELD"
    PV_FIELD = "PV_FIELD"
    LISTED_LAYER = "LISTED_LAYER"
    HEAT = "HEAT"
    HEAT_POLYGONS = "HEAT_POLYGONS"
    HEAT_FIELD = "HEAT_FIELD"
    HEAT_ORDER = "HEAT_ORDER"
    RAIN = "RAIN"
    RAIN_BUFFER = "RAIN_BUFFER"
    RAIN_DEPTH = "RAIN_DEPTH"
    RAIN_NODATA_DRY = "RAIN_NODATA_DRY"
    SEWER = "SEWER"
    PARKS = "PARKS"
    PARK_MIN_HA = "PARK_MIN_HA"
    PARK_DISTANCE = "PARK_DISTANCE"
    SCOPE = "SCOPE"
    SCOPE_FIELD = "SCOPE_FIELD"
    SCOPE_VALUE = "SCOPE_VALUE"
    DISTRICTS = "DISTRICTS"
    DISTRICT_FIELD = "DISTRICT_FIELD"
    MIN_AREA = "MIN_AREA"
    AREA_FULL = "AREA_FULL"
    PRECIP = "PRECIP"
    TARGET_SHARE = "TARGET_SHARE"
    OUTPUT = "OUTPUT"
    DISTRICT_TABLE = "DISTRICT_TABLE"

    # ------------------------------------------------------------------------------------------
    # Texts
    # ------------------------------------------------------------------------------------------
    def displayName(self) -> str:
        return self.tr("Flat roofs: score roofs for greening (HZ 02)")

    def tags(self) -> list[str]:
        return self.tr("green roof,flat roof,roof greening,retention,heat,heavy rain,HZ 02").split(",")

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Scores every roof of a building layer for greening and ranks the roofs: which "
            "flat roofs to green first (Handlungsziel 02: half of the flat roofs in the inner "
            "cities green by 2030), and how much rain they would keep back. Works with the output "
            "of <i>Import LoD2 buildings</i>, with ALKIS or OpenStreetMap buildings (roof:shape) "
            "and with any polygon layer.</p>"
            "<p><b>Criteria</b> (each 0–1; gi_score = weighted mean × 100; default weight in "
            "brackets)</p><ul>"
            "<li><b>c_slope</b> (3): 0–5° → 1, 5–15° → 0.75, 15–30° → 0.5, 30–45° → 0.25, over "
            "45° excluded (classes of the Münster green-roof potential; the values per class are "
            "the plugin's choice). An unknown slope stays unknown (flag slope_unknown), never "
            "0°; a flat roof type (AdV 1000, OSM roof:shape=flat) without a slope counts as "
            "0–5° (flag slope_from_type).</li>"
            "<li><b>c_area</b> (2): greenable area from the area field (e.g. flat_roof_m2 of "
            "the LoD2 import), else footprint / cos(slope) (as the Bonn roof-greening script); "
            "0 at the minimum area, 1 at the full-score area (1000 m², plugin's choice). Roofs "
            "under the minimum area (10 m², Düsseldorf and Bonn) are excluded.</li>"
            "<li><b>c_heat</b> (2): heat raster (mean over the roof, min–max over this run) or "
            "heat polygons with a class field: classes 1–5 → (class − 1) / 4; the labels sehr "
            "ungünstig … sehr günstig (Düsseldorf, LANUV) → 5 … 1 by name; other numbers "
            "min–max. Serves HZ 01 where c_heat ≥ 0.5.</li>"
            "<li><b>c_rain</b> (1): mean heavy-rain water depth in a ring around the building "
            "(10 m), 0 m → 0, 0.25 m and deeper → 1 (Essen's depth class above 0.25 m). A finer "
            "raster is first averaged to cells of half the ring width, so that a whole city "
            "stays fast.</li>"
            "<li><b>c_sewer</b> (1): 1 inside a combined-sewer area. c_rain ≥ 0.5 or c_sewer = 1 "
            "serves HZ 24 (sponge city).</li>"
            "<li><b>c_green</b> (1): distance to the nearest park of at least 0.5 ha (GALK): 0 "
            "next to it, 1 at 300 m or farther (3-30-300 rule).</li>"
            "<li><b>c_scope</b> (1): 1 inside the 2030 target area, the scope polygons whose "
            "scope field equals the scope value (default Innenstadt).</li></ul>"
            "<p>A criterion whose layer is not given, does not overlap or holds only nodata is "
            "left out and the weights are renormalised; a warning names it. Where a single roof "
            "has no value (nodata), the weights are renormalised for that roof and a flag says "
            "so (heat_nodata, rain_nodata). All weights and the values marked as the plugin's "
            "choice are assumptions: adjust them to your city.</p>"
            "<p><b>Excluded</b> (class X, no rank, flags): listed (listed field or listed-"
            "buildings layer), green_exists (green-roof field), slope_gt_45, area_lt_min, "
            "geom_empty. A roof with PV stays in: flag pv_solar_green, HZ 26 (solar green "
            "roof).</p>"
            "<p><b>Retention</b>: retention_m3a = precipitation / 1000 × greenable_m2 × (0.9 − "
            "C_m), with 0.9 for the plain roof (fee practice) and C_m 0.3 for an extensive green "
            "roof up to 5 % slope, 0.4 on steeper or unmeasured slopes (DIN 1986-100). "
            "Precipitation: 890 mm/a by default, the value of the Gründachkataster NRW example "
            "(Leverkusen); an assumption for the Ruhr, set your local annual value.</p>"
            "<p><b>Outputs</b>: the input fields plus gi_score (0–100), gi_class (A ≥ 75, B ≥ 50, "
            "C ≥ 25, D, X), gi_rank (1 = first), gi_hz (02, and 01, 24, 26), gi_flags, "
            "gi_reason, the c_* of the criteria used, slope_deg, slope_class (0-5 … >45, "
            "unbekannt), greenable_m2, retention_m3a, in_target_scope (1/0, empty without a scope "
            "layer), written in the order of the input (sort by gi_rank for the priority list). "
            "The optional district table gives per district (or "
            "per scope polygon): flat_m2 (roofs of 0–5°, listed and green ones included), "
            "green_m2, share_green, target_m2 (target share of flat_m2, 50 % by 2030), "
            "missing_m2, ab_m2 (flat roofs of classes A and B) and covers (1 if ab_m2 ≥ "
            "missing_m2).</p>"
            "<p>Fields left empty are found by name: slope (slope_deg, neigung, dachneigung, "
            "roof_slope, slope), roof type (roof_type, dachform, dachf, roof:shape), area "
            "(flat_roof_m2), listed (listed, denkmal), green roof (green_roof, gruendach), PV "
            "(pv, solar). The input layer is never changed; a layer in geographic coordinates "
            "is processed and written in its UTM zone.</p>"
        )

    # ------------------------------------------------------------------------------------------
    # Parameters
    # ------------------------------------------------------------------------------------------
    def initAlgorithm(self, config=None):
        polygon = [Qgis.ProcessingSourceType.VectorPolygon]
        double = Qgis.ProcessingNumberParameterType.Double
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Buildings (roof polygons)"), polygon))
        for name, label in (
            (self.ROOF_TYPE_FIELD, self.tr("Roof type field (AdV code or OSM roof:shape; empty = find by name)")),
            (self.SLOPE_FIELD, self.tr("Roof slope field, degrees (empty = find by name)")),
            (self.AREA_FIELD, self.tr("Greenable roof area field, m² (empty = flat_roof_m2 or footprint)")),
            (self.LISTED_FIELD, self.tr("Listed building field (1/0; empty = find by name)")),
            (self.GREEN_FIELD, self.tr("Existing green roof field (1/0; empty = find by name)")),
            (self.PV_FIELD, self.tr("PV on the roof field (1/0; empty = find by name)")),
        ):
            self.addParameter(QgsProcessingParameterField(name, label, parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.LISTED_LAYER, self.tr("Listed buildings or Denkmalbereiche (polygons)"), polygon, optional=True))

        self.addParameter(QgsProcessingParameterRasterLayer(self.HEAT, self.tr("Heat raster (e.g. night temperature)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.HEAT_POLYGONS, self.tr("Heat polygons (e.g. Klimatope, thermal load classes)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterField(self.HEAT_FIELD, self.tr("Heat class or value field"), parentLayerParameterName=self.HEAT_POLYGONS, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.HEAT_ORDER, self.tr("Heat values"),
            options=[self.tr("higher value = more heat"), self.tr("lower value = more heat")], defaultValue=0))

        self.addParameter(QgsProcessingParameterRasterLayer(self.RAIN, self.tr("Heavy-rain water depth raster (m)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.RAIN_BUFFER, self.tr("Ring around the building for the water depth (m)"), double, roofs.RAIN_BUFFER_M, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(self.RAIN_DEPTH, self.tr("Water depth for the full rain score (m)"), double, roofs.RAIN_DEPTH_M, minValue=0.001))
        self.addParameter(QgsProcessingParameterFeatureSource(self.SEWER, self.tr("Combined-sewer areas (polygons)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.PARKS, self.tr("Parks and public green spaces (polygons)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.PARK_MIN_HA, self.tr("Smallest park that counts (ha)"), double, roofs.PARK_MIN_HA, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(self.PARK_DISTANCE, self.tr("Distance at which a roof counts as without a park (m)"), double, roofs.PARK_DISTANCE_M, minValue=1.0))
        self.addParameter(QgsProcessingParameterFeatureSource(self.SCOPE, self.tr("2030 target area (e.g. Raumtyp polygons)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterField(self.SCOPE_FIELD, self.tr("Target area field (empty = raumtyp, else every polygon)"), parentLayerParameterName=self.SCOPE, optional=True))
        self.addParameter(QgsProcessingParameterString(self.SCOPE_VALUE, self.tr("Target area value"), defaultValue=roofs.SCOPE_VALUE, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.DISTRICTS, self.tr("Districts for the target table (polygons)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterField(self.DISTRICT_FIELD, self.tr("District name field"), parentLayerParameterName=self.DISTRICTS, optional=True))

        self.addParameter(QgsProcessingParameterNumber(self.MIN_AREA, self.tr("Smallest greenable roof (m²)"), double, roofs.MIN_AREA_M2, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(self.PRECIP, self.tr("Annual precipitation (mm/a; assumption, set your local value)"), double, roofs.PRECIP_MM, minValue=1.0, maxValue=10000.0))
        for key, param in WEIGHT_PARAMS.items():
            self.addParameter(QgsProcessingParameterNumber(param, self._weight_label(key), double, roofs.WEIGHTS[key], minValue=0.0))

        advanced = [
            QgsProcessingParameterNumber(self.AREA_FULL, self.tr("Greenable area for the full area score (m²)"), double, roofs.AREA_FULL_M2, minValue=0.0),
            QgsProcessingParameterNumber(self.TARGET_SHARE, self.tr("Target share of green flat roofs (%)"), double, 100 * roofs.TARGET_SHARE, minValue=0.0, maxValue=100.0),
            QgsProcessingParameterBoolean(self.RAIN_NODATA_DRY, self.tr("Rain raster: nodata means dry (0 m)"), defaultValue=False),
        ]
        for p in advanced:
            p.setFlags(p.flags() | Qgis.ProcessingParameterFlag.Advanced)
            self.addParameter(p)

        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Roofs scored for greening"), Qgis.ProcessingSourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.DISTRICT_TABLE, self.tr("Flat-roof target per district"), Qgis.ProcessingSourceType.VectorPolygon,
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("N_SCORED", self.tr("Roofs scored")))
        self.addOutput(QgsProcessingOutputNumber("N_EXCLUDED", self.tr("Roofs excluded")))
        self.addOutput(QgsProcessingOutputNumber("RETENTION_M3A", self.tr("Retention of all scored roofs (m³/a)")))

    def _weight_label(self, key: str) -> str:
        return {
            "slope": self.tr("Weight: roof slope"),
            "area": self.tr("Weight: greenable area"),
            "heat": self.tr("Weight: heat load"),
            "rain": self.tr("Weight: heavy rain"),
            "sewer": self.tr("Weight: combined sewer"),
            "green": self.tr("Weight: distance to parks"),
            "scope": self.tr("Weight: 2030 target area"),
        }[key]

    def _criterion_name(self, key: str) -> str:
        return {
            "slope": self.tr("roof slope (c_slope)"),
            "area": self.tr("greenable area (c_area)"),
            "heat": self.tr("heat load (c_heat)"),
            "rain": self.tr("heavy rain (c_rain)"),
            "sewer": self.tr("combined sewer (c_sewer)"),
            "green": self.tr("distance to parks (c_green)"),
            "scope": self.tr("2030 target area (c_scope)"),
        }[key]

    # ------------------------------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):
        ok, msg = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, msg
        try:
            self._numbers(parameters, context)
        except QgsProcessingException as err:
            return False, str(err)
        return True, ""

    def _numbers(self, parameters, context) -> dict:
        """All numeric parameters, checked: a message that names the parameter, else a dict."""
        def num(name: str) -> float:
            return float(self.parameterAsDouble(parameters, name, context))

        def at_least(name: str, value: float, low: float, strict: bool = False) -> None:
            bad = not math.isfinite(value) or (value <= low if strict else value < low)
            if bad:
                text = self.tr("{param} must be greater than {low} (it is {value}).") if strict else \
                    self.tr("{param} must be at least {low} (it is {value}).")
                raise QgsProcessingException(text.format(param=name, low=f"{low:g}", value=f"{value:g}"))

        v = {n: num(n) for n in (self.MIN_AREA, self.AREA_FULL, self.PRECIP, self.RAIN_BUFFER, self.RAIN_DEPTH,
                                 self.PARK_MIN_HA, self.PARK_DISTANCE, self.TARGET_SHARE)}
        at_least(self.MIN_AREA, v[self.MIN_AREA], 0.0)
        at_least(self.AREA_FULL, v[self.AREA_FULL], v[self.MIN_AREA], strict=True)
        at_least(self.PRECIP, v[self.PRECIP], 0.0, strict=True)
        at_least(self.RAIN_BUFFER, v[self.RAIN_BUFFER], 0.0)
        at_least(self.RAIN_DEPTH, v[self.RAIN_DEPTH], 0.0, strict=True)
        at_least(self.PARK_MIN_HA, v[self.PARK_MIN_HA], 0.0)
        at_least(self.PARK_DISTANCE, v[self.PARK_DISTANCE], 0.0, strict=True)
        at_least(self.TARGET_SHARE, v[self.TARGET_SHARE], 0.0, strict=True)
        if v[self.TARGET_SHARE] > 100:
            raise QgsProcessingException(self.tr("{param} is a percentage and must not exceed 100 (it is {value}).").format(
                param=self.TARGET_SHARE, value=f"{v[self.TARGET_SHARE]:g}"))
        weights = {}
        for key, param in WEIGHT_PARAMS.items():
            w = num(param)
            at_least(param, w, 0.0)
            weights[key] = w
        if sum(weights.values()) <= 0:
            raise QgsProcessingException(self.tr(
                "All weights (W_SLOPE … W_SCOPE) are 0: give at least one criterion a weight above 0."))
        v["weights"] = weights
        return v

    # ------------------------------------------------------------------------------------------
    # Run
    # ------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        feedback = feedback or QgsProcessingFeedback()
        try:
            return self._run(parameters, context, feedback)
        except layers.Canceled:
            feedback.pushWarning(self.tr("Canceled by the user: the outputs are incomplete or empty."))
            return {}

    def _run(self, parameters, context, feedback) -> dict:
        nums = self._numbers(parameters, context)
        progress = layers.Progress(feedback, 0, 100)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        in_name = self._layer_name(parameters, self.INPUT, context, source)
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr("The input layer {name} has no features: nothing to score. Choose a layer with building polygons.").format(name=in_name))
        work_crs = layers.choose_work_crs(source.sourceCrs(), source.sourceExtent(), in_name, feedback)

        fields = self._resolve_fields(parameters, context, source, feedback)
        wanted = [f for f in fields.values() if f]
        arrays = layers.read_source(source, context, work_crs, progress.sub(0.0, 0.3), keep_rows=True, fields=wanted, name=in_name,
                                    fast_layer=layers.plain_ogr_layer(self, parameters, self.INPUT, context))
        n = len(arrays)
        if n == 0:
            raise QgsProcessingException(self.tr("The input layer {name} has no features: nothing to score. Choose a layer with building polygons.").format(name=in_name))
        layers.report_skipped(arrays, feedback, in_name)
        geoms = arrays.geoms
        has = arrays.usable
        footprint = np.full(n, np.nan)
        footprint[has] = shapely.area(geoms[has])
        points = _points(geoms, has)
        feedback.pushInfo(self.tr("Read {n} buildings of {name}; working CRS {crs}.").format(n=n, name=in_name, crs=work_crs.authid()))

        inp = roofs.RoofInputs(footprint_m2=footprint, tiebreak=arrays.fids)
        inp.slope_deg = self._numbers_of(arrays, fields["slope"], feedback, self.SLOPE_FIELD)
        inp.roof_type = layers.text_column(arrays, fields["roof_type"]) if fields["roof_type"] else None
        inp.area_m2 = self._numbers_of(arrays, fields["area"], feedback, self.AREA_FIELD)
        listed = self._flags_of(arrays, fields["listed"])
        inp.green = self._flags_of(arrays, fields["green"])
        inp.pv = self._flags_of(arrays, fields["pv"])
        progress.check()

        # listed-buildings layer: a roof whose representative point lies in one is listed
        listed_src = self.parameterAsSource(parameters, self.LISTED_LAYER, context)
        if listed_src is not None:
            lay = self._overlay(listed_src, parameters, self.LISTED_LAYER, context, work_crs, progress.sub(0.3, 0.34), feedback)
            in_listed = layers.intersects_any(points, lay.geoms)
            listed = in_listed if listed is None else (listed | in_listed)
            feedback.pushInfo(self.tr("{n} buildings lie in a listed-buildings polygon.").format(n=int(in_listed.sum())))
        inp.listed = listed

        # park distances are pure shapely work that releases the GIL: they run on the second
        # core while the rasters are sampled here (the park layer itself is read on this thread)
        park_src = self.parameterAsSource(parameters, self.PARKS, context)
        park_job = None
        pool = ThreadPoolExecutor(max_workers=1)
        try:
            if park_src is not None:
                lay = self._overlay(park_src, parameters, self.PARKS, context, work_crs, progress.sub(0.34, 0.35), feedback)
                big_parks = self._big_parks(lay, nums, feedback)
                park_job = pool.submit(layers.nearest_distance, geoms, big_parks, nums[self.PARK_DISTANCE])

            higher = self.parameterAsEnum(parameters, self.HEAT_ORDER, context) == 0
            inp.c_heat = self._heat(parameters, context, arrays, points, work_crs, higher, progress.sub(0.35, 0.5), feedback)
            inp.rain_depth_m = self._rain(parameters, context, arrays, work_crs, nums, progress.sub(0.5, 0.62), feedback)

            sewer_src = self.parameterAsSource(parameters, self.SEWER, context)
            if sewer_src is not None:
                lay = self._overlay(sewer_src, parameters, self.SEWER, context, work_crs, progress.sub(0.62, 0.63), feedback)
                inp.sewer = layers.intersects_any(points, lay.geoms, progress.sub(0.63, 0.65))

            if park_job is not None:
                while True:  # keep answering a cancel while the other core finishes
                    try:
                        inp.park_distance_m = park_job.result(timeout=0.5)
                        break
                    except FuturesTimeout:
                        progress.check()
                progress.sub(0.65, 0.68)(1.0)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)  # a cancel does not wait for the other core

        scope_label = (self.parameterAsString(parameters, self.SCOPE_VALUE, context) or "").strip()
        scope_src = self.parameterAsSource(parameters, self.SCOPE, context)
        scope_arrays = scope_names = None
        if scope_src is not None:
            scope_field = self._secondary_field(parameters, self.SCOPE_FIELD, context, scope_src, SCOPE_FIELD_CANDIDATES)
            scope_arrays = self._overlay(scope_src, parameters, self.SCOPE, context, work_crs, progress.sub(0.68, 0.71), feedback,
                                         fields=[scope_field] if scope_field else [])
            scope_name = self._layer_name(parameters, self.SCOPE, context, scope_src)
            inp.in_scope, scope_names, scope_label = self._in_scope(scope_arrays, scope_field, scope_label, points, scope_name, feedback)
        progress.check()

        params = roofs.RoofParams(
            min_area=nums[self.MIN_AREA], area_full=nums[self.AREA_FULL], precip_mm=nums[self.PRECIP],
            rain_depth=nums[self.RAIN_DEPTH], park_min_ha=nums[self.PARK_MIN_HA],
            park_distance=nums[self.PARK_DISTANCE], scope_label=scope_label or self.tr("target area"),
            weights=nums["weights"],
        )
        try:
            res = roofs.score_roofs(inp, params, self.reason_texts(), progress.sub(0.71, 0.75))
        except ValueError:
            raise QgsProcessingException(self.tr(
                "No criterion with data has a weight above 0: give a weight to a criterion whose layer or field is given (e.g. W_SLOPE, W_AREA).")) from None
        self._report_criteria(res, nums["weights"], feedback)

        # ---- write the roofs
        spec = [("gi_score", "double"), ("gi_class", "text"), ("gi_rank", "int"), ("gi_hz", "text"),
                ("gi_flags", "text"), ("gi_reason", "text")]
        spec += [(f"c_{k}", "double") for k in roofs.CRITERIA if k in res.criteria]
        spec += [("slope_deg", "double"), ("slope_class", "text"), ("greenable_m2", "double"),
                 ("retention_m3a", "double"), ("in_target_scope", "int")]
        new_fields = layers.make_fields(spec)
        out_fields, keep = layers.output_fields(arrays.fields, new_fields)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, out_fields, Qgis.WkbType.MultiPolygon, work_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rank_col = np.where(res.rank > 0, res.rank, None)
        scope_col = np.full(n, None, dtype=object) if res.in_target_scope is None else \
            np.where(np.isfinite(res.in_target_scope), np.nan_to_num(res.in_target_scope).astype(np.int64), None)
        columns = [res.score, res.gi_class, rank_col, res.hz, res.flags, res.reason]
        columns += [res.criteria[k] for k in roofs.CRITERIA if k in res.criteria]
        columns += [res.slope_deg, res.slope_class, res.greenable_m2, res.retention_m3a, scope_col]
        # the input's order: writing in rank order (spatially random) made a GeoPackage's R-tree
        # updates 1.7 times as slow at a million roofs; gi_rank gives the priority list
        layers.write_sink(sink, out_fields, _as_multipolygons(geoms), columns, progress.sub(0.75, 0.96),
                          rows=arrays.rows, keep=keep)
        style_when_loaded(context, dest)
        results = {self.OUTPUT: dest}

        # ---- the district table
        dist_dest = self._district_table(parameters, context, res, points, work_crs, scope_arrays, scope_names,
                                         nums[self.TARGET_SHARE] / 100.0, progress.sub(0.96, 1.0), feedback)
        if dist_dest is not None:
            results[self.DISTRICT_TABLE] = dist_dest

        counts = {c: int((res.gi_class == c).sum()) for c in ("A", "B", "C", "D", "X")}
        scored = ~res.excluded
        retention = float(np.nansum(res.retention_m3a[scored]))
        feedback.pushInfo(self.tr("Classes: A {a}, B {b}, C {c}, D {d}, excluded (X) {x}. Retention of the scored roofs: {m3:.0f} m³/a.").format(
            a=counts["A"], b=counts["B"], c=counts["C"], d=counts["D"], x=counts["X"], m3=retention))
        results.update({"N_SCORED": int(scored.sum()), "N_EXCLUDED": int(res.excluded.sum()), "RETENTION_M3A": retention})
        progress(1.0)
        return results

    # ------------------------------------------------------------------------------------------
    # Input fields
    # ------------------------------------------------------------------------------------------
    def _resolve_fields(self, parameters, context, source: QgsFeatureSource, feedback) -> dict[str, str | None]:
        """Chosen fields (checked to exist) or fields found by name; says which in the log."""
        names = source.fields().names()
        params = {
            "slope": self.SLOPE_FIELD, "roof_type": self.ROOF_TYPE_FIELD, "area": self.AREA_FIELD,
            "listed": self.LISTED_FIELD, "green": self.GREEN_FIELD, "pv": self.PV_FIELD,
        }
        out: dict[str, str | None] = {}
        for kind, param in params.items():
            chosen = self.parameterAsStrings(parameters, param, context)
            name = chosen[0] if chosen else ""
            if name:
                idx = source.fields().lookupField(name)
                if idx < 0:
                    raise QgsProcessingException(self.tr("Field {field} ({param}) is not in the input layer. Its fields are: {fields}.").format(
                        field=name, param=param, fields=", ".join(names)))
                out[kind] = source.fields().at(idx).name()
            else:
                out[kind] = roofs.detect_field(names, kind)
        none = self.tr("none")
        feedback.pushInfo(self.tr("Fields used: slope = {slope}, roof type = {roof}, greenable area = {area}, listed = {listed}, green roof = {green}, PV = {pv}.").format(
            slope=out["slope"] or none, roof=out["roof_type"] or none, area=out["area"] or self.tr("footprint / cos(slope)"),
            listed=out["listed"] or none, green=out["green"] or none, pv=out["pv"] or none))
        if not out["slope"] and not out["roof_type"]:
            feedback.pushWarning(self.tr("The input has no slope and no roof type field: every roof gets slope class 'unbekannt' (flag slope_unknown) and the slope criterion is left out. Choose SLOPE_FIELD or ROOF_TYPE_FIELD if the layer has them under another name."))
        return out

    def _numbers_of(self, arrays: layers.FeatureArrays, name: str | None, feedback, param: str) -> np.ndarray | None:
        if not name:
            return None
        values = layers.number_column(arrays, name)
        if values is None:
            return None
        if not np.isfinite(values).any():
            feedback.pushWarning(self.tr("Field {field} ({param}) holds no numbers; it is ignored.").format(field=name, param=param))
            return None
        return values

    def _flags_of(self, arrays: layers.FeatureArrays, name: str | None) -> np.ndarray | None:
        if not name:
            return None
        col = arrays.columns.get(name)
        if col is None:
            col = layers.text_column(arrays, name)
        return roofs.truthy(col)[0]

    def _secondary_field(self, parameters, param: str, context, source: QgsFeatureSource, candidates) -> str | None:
        chosen = self.parameterAsStrings(parameters, param, context)
        names = source.fields().names()
        if chosen and chosen[0]:
            idx = source.fields().lookupField(chosen[0])
            if idx < 0:
                raise QgsProcessingException(self.tr("Field {field} ({param}) is not in its layer. Its fields are: {fields}.").format(
                    field=chosen[0], param=param, fields=", ".join(names)))
            return source.fields().at(idx).name()
        lower = {n.lower(): n for n in names}
        for cand in candidates:
            if cand in lower:
                return lower[cand]
        return None

    # ------------------------------------------------------------------------------------------
    # Secondary layers
    # ------------------------------------------------------------------------------------------
    def _layer_name(self, parameters, param: str, context, source=None) -> str:
        """The name to use in messages: the GeoPackage layer, the layer's name, or the parameter."""
        value = parameters.get(param)
        if isinstance(value, str) and "layername=" in value:
            return value.split("layername=", 1)[1].split("|", 1)[0]
        layer = self.parameterAsVectorLayer(parameters, param, context)
        if layer is not None:
            return layer.name()
        if source is not None and source.sourceName():
            return source.sourceName()
        return param

    def _overlay(self, source, parameters, param, context, work_crs, progress, feedback, fields=()) -> layers.FeatureArrays:
        name = self._layer_name(parameters, param, context, source)
        lay = layers.read_overlay(source, context, work_crs, progress, fields=fields, name=name, feedback=feedback)
        if not lay.usable.any():
            feedback.pushWarning(self.tr("Layer {name} ({param}) has no usable polygons; it is ignored.").format(name=name, param=param))
        return lay

    def _heat(self, parameters, context, arrays, points, work_crs, higher: bool, progress, feedback) -> np.ndarray | None:
        raster = self.parameterAsRasterLayer(parameters, self.HEAT, context)
        polys = self.parameterAsSource(parameters, self.HEAT_POLYGONS, context)
        if raster is not None:
            if polys is not None:
                feedback.pushWarning(self.tr("Both a heat raster and heat polygons are given: the raster is used, the polygons are ignored."))
            mean = self._zonal(raster, arrays.geoms, work_crs, context, progress, feedback, self.HEAT)
            if mean is None:
                return None
            # a raster holds values (°C, PET …): min–max over this run, as the help says
            return roofs.heat_minmax(mean, higher)
        if polys is None:
            return None
        field = self._secondary_field(parameters, self.HEAT_FIELD, context, polys, HEAT_FIELD_CANDIDATES)
        if not field:
            raise QgsProcessingException(self.tr("Heat polygons are given but no heat field: choose HEAT_FIELD (a class 1–5, a label such as 'ungünstig', or a value)."))
        lay = self._overlay(polys, parameters, self.HEAT_POLYGONS, context, work_crs, progress.sub(0.0, 0.3), feedback, fields=[field])
        at_points = progress.sub(0.3, 1.0)
        values = lay.columns.get(field)
        if values is None or values.dtype == object:
            c_poly, unmapped = roofs.heat_criterion(values if values is not None else np.full(len(lay), None, dtype=object), higher)
            if unmapped:
                feedback.pushWarning(self.tr("Heat field {field}: the values {values} are neither known classes nor numbers; roofs in those polygons count as without heat value.").format(
                    field=field, values=", ".join(unmapped[:10])))
            c = layers.value_at_points(points, lay.geoms, c_poly, "max", at_points)
        else:
            # classes or values is decided from the polygon layer itself, never from which
            # roofs happen to be in the run
            if roofs.are_heat_classes(values):
                c_poly, _ = roofs.heat_criterion(values, higher)
                c = layers.value_at_points(points, lay.geoms, c_poly, "max", at_points)
            else:
                raw = layers.value_at_points(points, lay.geoms, values, "max" if higher else "min", at_points)
                c = roofs.heat_minmax(raw, higher)
        if not np.isfinite(c).any():
            feedback.pushWarning(self.tr("No building lies in a heat polygon with a value: the heat criterion is left out."))
            return None
        return c

    def _ring_zonal(self, raster, geoms, has, buffer_m, work_crs, context, progress, feedback) -> np.ndarray | None:
        """Mean of the cells within ``buffer_m`` of each building but not under it."""
        n = len(geoms)
        sums = np.zeros(n)
        cells = np.zeros(n, dtype=np.int64)
        overlaps = False
        step = 50_000
        for start in range(0, n, step):
            sl = slice(start, min(start + step, n))
            part = geoms[sl]
            ok = has[sl]
            outer = np.full(len(part), None, dtype=object)
            outer[ok] = shapely.buffer(part[ok], buffer_m, quad_segs=2)
            sub = progress.sub(start / n, min(start + step, n) / n)
            sub(0.0)
            res = layers.zonal_mean(raster, outer, work_crs, context, sub.sub(0.0, 0.7))
            inner = layers.zonal_mean(raster, part, work_crs, context, sub.sub(0.7, 1.0), fallback=False)
            sums[sl] = res.sums - inner.sums
            cells[sl] = res.cells - inner.cells
            overlaps = overlaps or res.overlaps
        mean = np.full(n, np.nan)
        np.divide(sums, cells, out=mean, where=cells > 0)
        res = layers.ZonalResult(mean=mean, cells=cells, sums=sums, overlaps=overlaps,
                                 nodata_only=overlaps and not (cells > 0).any())
        return self._checked(res, raster, feedback, self.RAIN)

    def _zonal(self, raster: QgsRasterLayer, geoms, work_crs, context, progress, feedback, param: str) -> np.ndarray | None:
        """Zonal mean, or None with a warning when the raster misses the buildings or is all nodata."""
        res = layers.zonal_mean(raster, geoms, work_crs, context, progress)
        return self._checked(res, raster, feedback, param)

    def _checked(self, res: layers.ZonalResult, raster: QgsRasterLayer, feedback, param: str) -> np.ndarray | None:
        if not res.overlaps:
            feedback.pushWarning(self.tr("Raster {name} ({param}) does not overlap the buildings: its criterion is left out and the weights are renormalised.").format(
                name=raster.name(), param=param))
            return None
        if res.nodata_only:
            feedback.pushWarning(self.tr("Raster {name} ({param}) holds only nodata under the buildings: its criterion is left out and the weights are renormalised.").format(
                name=raster.name(), param=param))
            return None
        return res.mean

    def _rain(self, parameters, context, arrays, work_crs, nums, progress, feedback) -> np.ndarray | None:
        raster = self.parameterAsRasterLayer(parameters, self.RAIN, context)
        if raster is None:
            return None
        geoms = arrays.geoms
        has = arrays.usable
        buffer_m = nums[self.RAIN_BUFFER]
        coarse, tmp = _coarsened(raster, buffer_m / 2.0, geoms[has], buffer_m, work_crs, context)
        progress(0.1)
        progress = progress.sub(0.1, 1.0)
        try:
            if buffer_m > 0 and has.any():
                # the ring around the building (heavy-rain models treat buildings as obstacles):
                # the cells of the buffered building minus the building's own cells, both by the
                # cell-centre rule, so no ring polygon has to be built; in chunks, so that the
                # buffers of a whole city never exist at once
                depth = self._ring_zonal(coarse, geoms, has, buffer_m, work_crs, context, progress, feedback)
            else:
                depth = self._zonal(coarse, geoms, work_crs, context, progress, feedback, self.RAIN)
        finally:
            if tmp:
                from osgeo import gdal

                gdal.Unlink(tmp)
        if depth is None:
            return None
        if self.parameterAsBoolean(parameters, self.RAIN_NODATA_DRY, context):
            inside = has & self._inside_extent(raster, arrays.geoms, work_crs, context)
            depth = np.where(inside & np.isnan(depth), 0.0, depth)
        return depth

    def _inside_extent(self, raster: QgsRasterLayer, geoms, work_crs, context) -> np.ndarray:
        ext = raster.extent()
        if raster.crs().isValid() and raster.crs() != work_crs:
            ext = QgsCoordinateTransform(raster.crs(), work_crs, context.transformContext()).transformBoundingBox(ext)
        box = shapely.box(ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum())
        out = np.zeros(len(geoms), bool)
        ok = ~shapely.is_missing(geoms)
        out[ok] = shapely.intersects(geoms[ok], box)
        return out

    def _big_parks(self, lay: layers.FeatureArrays, nums, feedback) -> np.ndarray:
        """The parks of at least PARK_MIN_HA (GALK: a park of 0.5 ha and more)."""
        ok = lay.usable
        min_m2 = nums[self.PARK_MIN_HA] * 10000.0
        big = np.zeros(len(lay), bool)
        big[ok] = shapely.area(lay.geoms[ok]) >= min_m2
        if not big.any():
            feedback.pushWarning(self.tr("No park reaches {ha} ha: every roof counts as without a park nearby (c_green = 1).").format(ha=f"{nums[self.PARK_MIN_HA]:g}"))
        return lay.geoms[big]

    def _in_scope(self, lay: layers.FeatureArrays, field: str | None, value: str, points, layer_name: str, feedback):
        """(in scope per roof, the scope polygons' names, label for the reasons)."""
        ok = lay.usable
        if field:
            raw = lay.columns.get(field)
            names = np.array([None] * len(lay), dtype=object) if raw is None else _as_text(raw)
            wanted = roofs._norm(value) if value else ""
            match = _norm_array(names) == wanted if wanted else ~np.equal(names, None)
            if wanted and not (match & ok).any():
                present = sorted({str(v) for v in names[~np.equal(names, None)].tolist()})
                feedback.pushWarning(self.tr("No polygon of the target area layer has {field} = {value}; values present: {values}. c_scope is 0 for every roof.").format(
                    field=field, value=value, values=", ".join(present[:10])))
            feedback.pushInfo(self.tr("Target area: polygons with {field} = {value}.").format(field=field, value=value))
            label = value
        else:
            names = np.array([str(i + 1) for i in range(len(lay))], dtype=object)
            match = np.ones(len(lay), bool)
            feedback.pushInfo(self.tr("Target area: every polygon of the target area layer (no field chosen)."))
            label = layer_name
        return layers.intersects_any(points, lay.geoms[match & ok]), names, label

    # ------------------------------------------------------------------------------------------
    # Reports
    # ------------------------------------------------------------------------------------------
    def _report_criteria(self, res: roofs.RoofResult, weights: dict[str, float], feedback) -> None:
        for key in roofs.CRITERIA:
            if weights.get(key, 0) > 0 and key not in res.scored:
                feedback.pushWarning(self.tr("Criterion {name} is left out (no layer, field or value for it); the other weights are renormalised.").format(
                    name=self._criterion_name(key)))
        for code, text in (
            ("slope_unknown", self.tr("{n} roofs have no usable slope (flag slope_unknown); their score leaves the slope out.")),
            ("slope_from_type", self.tr("{n} roofs without slope count as 0–5° by their flat roof type (flag slope_from_type).")),
            ("heat_nodata", self.tr("{n} roofs have no heat value (flag heat_nodata); their weights are renormalised.")),
            ("rain_nodata", self.tr("{n} roofs have no heavy-rain value around them (flag rain_nodata); their weights are renormalised.")),
            ("area_from_footprint", self.tr("{n} roofs have no value in the area field; their footprint is used (flag area_from_footprint).")),
        ):
            count = int(res.masks[code].sum())
            if count:
                feedback.pushWarning(text.format(n=count))

    def reason_texts(self) -> dict[str, str]:
        """The reason fragments of ``scoring.roofs.DEFAULT_TEXTS`` in the UI language."""
        texts = {
            "slope_0-5": self.tr("flat roof 0–5°"),
            "slope_5-15": self.tr("roof slope 5–15°"),
            "slope_15-30": self.tr("roof slope 15–30°"),
            "slope_30-45": self.tr("roof slope 30–45°"),
            "slope_>45": self.tr("roof steeper than 45° (excluded)"),
            "slope_unknown": self.tr("roof slope unknown"),
            "slope_from_type": self.tr("flat roof by roof type (slope not given)"),
            "area": self.tr("{area} m² greenable"),
            "area_lt_min": self.tr("less than {min} m² greenable (excluded)"),
            "listed": self.tr("listed building (excluded)"),
            "green_exists": self.tr("green roof already there (excluded)"),
            "geom_empty": self.tr("no usable geometry (excluded)"),
            "no_criteria": self.tr("no criterion could be evaluated"),
            "heat_high": self.tr("high heat load"),
            "heat_mid": self.tr("moderate heat load"),
            "heat_low": self.tr("low heat load"),
            "heat_nodata": self.tr("no heat value"),
            "rain": self.tr("water depth {depth} m nearby"),
            "rain_none": self.tr("no heavy-rain water nearby"),
            "rain_nodata": self.tr("no heavy-rain data nearby"),
            "sewer": self.tr("in the combined-sewer area"),
            "park_near": self.tr("nearest park ≥ {ha} ha at {dist} m"),
            "park_far": self.tr("no park ≥ {ha} ha within {max} m"),
            "scope_in": self.tr("in the 2030 target area ({scope})"),
            "pv": self.tr("PV on the roof: solar green roof"),
        }
        texts["decimal"] = "," if language() == "de" else "."
        return texts

    def _district_table(self, parameters, context, res: roofs.RoofResult, points, work_crs, scope_arrays, scope_names,
                        share: float, progress, feedback):
        if self.DISTRICT_TABLE not in parameters or parameters.get(self.DISTRICT_TABLE) in (None, ""):
            return None
        dist_src = self.parameterAsSource(parameters, self.DISTRICTS, context)
        if dist_src is not None:
            field = self._secondary_field(parameters, self.DISTRICT_FIELD, context, dist_src, DISTRICT_FIELD_CANDIDATES)
            lay = self._overlay(dist_src, parameters, self.DISTRICTS, context, work_crs, progress.sub(0, 0.5), feedback,
                                fields=[field] if field else [])
            names = _as_text(lay.columns[field]) if field and field in lay.columns else None
        elif scope_arrays is not None:
            lay, names = scope_arrays, scope_names
            feedback.pushInfo(self.tr("No districts given: the target table sums per target-area polygon."))
        else:
            lay, names = None, None
            feedback.pushWarning(self.tr("No districts and no target area given: the target table has one row for all roofs, without geometry."))
        if lay is not None:
            ok = lay.usable
            idx = np.flatnonzero(ok)
            cat = layers.category_at_points(points, lay.geoms[idx], np.arange(idx.size).astype(object))
            district = np.where(np.equal(cat, None), -1, cat).astype(np.int64)
            n_d = idx.size
            geoms = _as_multipolygons(lay.geoms[idx])
            if names is None:
                names = np.array([str(int(f)) for f in lay.fids.tolist()], dtype=object)
            dnames = np.asarray(names, dtype=object)[idx]
        else:
            district = np.where(np.isfinite(res.greenable_m2), 0, -1).astype(np.int64)
            n_d = 1
            geoms = np.array([None], dtype=object)
            dnames = np.array([self.tr("all roofs")], dtype=object)
        sums = roofs.district_sums(district, n_d, res.greenable_m2, res.flat, res.masks["green_exists"], res.gi_class, share)
        spec = [("name", "text"), ("n_flat", "int"), ("flat_m2", "double"), ("green_m2", "double"),
                ("share_green", "double"), ("target_m2", "double"), ("missing_m2", "double"),
                ("ab_m2", "double"), ("covers", "int")]
        fields = layers.make_fields(spec)
        sink, dest = self.parameterAsSink(parameters, self.DISTRICT_TABLE, context, fields, Qgis.WkbType.MultiPolygon, work_crs)
        if sink is None:
            return None
        layers.write_sink(sink, fields, geoms, [dnames, sums.n_flat, sums.flat_m2, sums.green_m2, sums.share_green,
                                           sums.target_m2, sums.missing_m2, sums.ab_m2, sums.covers], progress.sub(0.5, 1.0))
        style_district_table_when_loaded(context, dest)
        return dest


# ----------------------------------------------------------------------------------------------
# Helpers
# ----------------------------------------------------------------------------------------------
def _points(geoms: np.ndarray, has: np.ndarray) -> np.ndarray:
    """A point inside each polygon (for point-in-polygon overlays); None where no geometry."""
    out = np.full(len(geoms), None, dtype=object)
    if has.any():
        out[has] = shapely.point_on_surface(geoms[has])
    return out


def _coarsened(raster: QgsRasterLayer, cell_m: float, geoms: np.ndarray, margin: float, work_crs, context):
    """The raster averaged to cells of at least ``cell_m`` metres over the buildings' extent.

    A heavy-rain raster of 1–2 m cells puts hundreds of cells into every 10 m ring; averaging
    them first (GDAL "average", nodata ignored) to half the ring width keeps a city-wide run
    fast and changes a ring's mean depth only a little. Returns (layer, /vsimem path or "").
    Rasters that are coarse enough, not in metres or unreadable are used as they are.
    """
    from osgeo import gdal

    if cell_m <= 0 or geoms.size == 0 or not raster.crs().isValid() or raster.crs().isGeographic():
        return raster, ""
    if raster.crs().mapUnits() != Qgis.DistanceUnit.Meters:
        return raster, ""
    ds = gdal.Open(raster.source())
    if ds is None:
        return raster, ""
    gt = ds.GetGeoTransform()
    if gt[2] != 0 or gt[4] != 0 or min(abs(gt[1]), abs(gt[5])) >= cell_m:
        return raster, ""
    x0, y0, x1, y1 = shapely.total_bounds(geoms)
    ext = QgsRectangle(x0 - margin - cell_m, y0 - margin - cell_m, x1 + margin + cell_m, y1 + margin + cell_m)
    if raster.crs() != work_crs:
        ext = QgsCoordinateTransform(work_crs, raster.crs(), context.transformContext()).transformBoundingBox(ext)
    ext = ext.intersect(raster.extent())
    if ext.isEmpty():
        return raster, ""
    # whole blocks of k × k source cells on the raster's own grid: the averaged grid is anchored
    # to the raster's origin, so a roof's value never depends on which other roofs are in the run
    dx, dy = abs(gt[1]), abs(gt[5])
    k = int(math.ceil(cell_m / min(dx, dy)))
    bx, by = k * dx, k * dy
    ox, oy = gt[0], gt[3]
    xmin = ox + math.floor((ext.xMinimum() - ox) / bx) * bx
    xmax = ox + math.ceil((ext.xMaximum() - ox) / bx) * bx
    ymax = oy - math.floor((oy - ext.yMaximum()) / by) * by
    ymin = oy - math.ceil((oy - ext.yMinimum()) / by) * by
    path = f"/vsimem/gi_flatroofs_rain_{uuid.uuid4().hex}.tif"
    # RasterIO downsampling (gdal_translate -r average) honours nodata and is as fast as a read
    opts = gdal.TranslateOptions(
        format="GTiff", xRes=bx, yRes=by, resampleAlg="average", outputType=gdal.GDT_Float32,
        projWin=(xmin, ymax, xmax, ymin),
    )
    try:
        out = gdal.Translate(path, ds, options=opts)
    except RuntimeError:
        out = None
    if out is None:
        gdal.Unlink(path)
        return raster, ""
    out = None
    layer = QgsRasterLayer(path, raster.name(), "gdal")
    if not layer.crs().isValid():
        layer.setCrs(raster.crs())
    return layer, path


def _as_multipolygons(geoms: np.ndarray) -> np.ndarray:
    """Polygons as one-part MultiPolygons, so every feature matches the sink's type."""
    out = geoms.copy()
    single = shapely.get_type_id(geoms) == 3  # Polygon (missing geometries give -1)
    if single.any():
        k = int(single.sum())
        out[single] = shapely.multipolygons(geoms[single], indices=np.arange(k))
    return out


def _as_text(values: np.ndarray) -> np.ndarray:
    """A typed column as text (whole numbers without .0), None for NULL."""
    arr = np.asarray(values)
    if arr.dtype.kind == "f":
        out = np.full(arr.shape, None, dtype=object)
        fin = np.isfinite(arr)
        whole = fin & (arr == np.round(arr))
        out[whole] = arr[whole].astype(np.int64).astype(str).astype(object)
        out[fin & ~whole] = arr[fin & ~whole].astype(str).astype(object)
        return out
    return arr.astype(object)


def _norm_array(values: np.ndarray) -> np.ndarray:
    return roofs._map_unique(values, lambda t: roofs._norm(t) if t else None)


__all__ = ["FlatRoofsAlgorithm"]
