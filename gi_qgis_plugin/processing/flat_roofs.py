"""gi:flatroofs – score every roof for greening (Handlungsziel 02, also 01, 24, 26).

The roof parameters and the roof gather hook; the run itself (read once → gather → score →
shared finish → write once → style) is ``scoring_base.ScoringAlgorithm``. The domain rules and
their sources live in ``scoring/roofs.py`` and the CSV tables in ``resources/``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import (
    Qgis,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from ..scoring import geo, roofs
from ..scoring.common import ScoreCore
from ..scoring.progress import Progress
from . import inputs
from .help import num, scoring_help
from .inputs import MainInput
from .scoring_base import DOUBLE, ScoringAlgorithm
from .write import make_fields, write_sink


@dataclass
class RoofSettings:
    """The checked numeric parameters of one run."""

    params: roofs.RoofParams
    rain_ring_m: float
    rain_nodata_dry: bool
    heat_higher: bool
    target_share: float  # 0–1


@dataclass
class RoofGathered:
    inputs: roofs.RoofInputs
    scope: inputs.Scope | None


class FlatRoofsAlgorithm(ScoringAlgorithm):
    """gi:flatroofs: roof parameters, the roof gather hook and the district table."""

    SPEC = roofs.SPEC
    ALG_ID = "flatroofs"
    GROUP_ID = "roofs"
    INPUT_ROLE = "buildings"

    ROOF_TYPE_FIELD = "ROOF_TYPE_FIELD"
    SLOPE_FIELD = "SLOPE_FIELD"
    AREA_FIELD = "AREA_FIELD"
    LISTED_FIELD = "LISTED_FIELD"
    GREEN_FIELD = "GREEN_FIELD"
    PV_FIELD = "PV_FIELD"
    LISTED_LAYER = "LISTED_LAYER"
    SEWER = "SEWER"
    MIN_AREA = "MIN_AREA"
    AREA_FULL = "AREA_FULL"
    PRECIP = "PRECIP"
    TARGET_SHARE = "TARGET_SHARE"
    DISTRICT_TABLE = "DISTRICT_TABLE"

    # ------------------------------------------------------------------------------------------
    # Texts
    # ------------------------------------------------------------------------------------------
    def displayName(self) -> str:
        return self.tr("Flat roofs: score roofs for greening (HZ 02)")

    def tags(self) -> list[str]:
        return self.tr("green roof,flat roof,roof greening,retention,heat,heavy rain,HZ 02").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        n = num
        intro = self.tr(
            "<p>Scores every roof of a building layer for greening and ranks the roofs: which flat roofs to green "
            "first (Handlungsziel 02: half of the flat roofs in the inner cities green by 2030), and how much rain "
            "they would keep back. Works with the output of <i>Import LoD2 buildings</i>, with ALKIS or "
            "OpenStreetMap buildings (roof:shape) and with any polygon layer.</p>")
        criteria = {
            "slope": self.tr(
                "0–5° → 1, 5–15° → 0.75, 15–30° → 0.5, 30–45° → 0.25, over 45° excluded (classes of the Münster "
                "green-roof potential; the values per class are the plugin's choice). An unknown slope stays "
                "unknown (flag slope_unknown), never 0°; a flat roof type (AdV 1000, OSM roof:shape=flat) without "
                "a slope counts as 0–5° (flag slope_from_type)."),
            "area": self.tr(
                "greenable area from the area field (e.g. flat_roof_m2 of the LoD2 import), else footprint / "
                "cos(slope) (as the Bonn roof-greening script); 0 at the minimum area, 1 at the full-score area "
                "({full} m², plugin's choice). Roofs under the minimum area ({min} m², Düsseldorf and Bonn) are "
                "excluded.").format(full=n(roofs.AREA_FULL_M2), min=n(roofs.MIN_AREA_M2)),
            "heat": self.tr(
                "heat raster (mean over the roof, min–max over this run) or heat polygons with a class field: "
                "classes 1–5 → (class − 1) / 4; the labels sehr ungünstig … sehr günstig (Düsseldorf, LANUV) → "
                "5 … 1 by name; other numbers min–max. Serves HZ 01 where c_heat ≥ 0.5."),
            "rain": self.tr(
                "mean heavy-rain water depth in a ring around the building ({ring} m), 0 m → 0, {depth} m and "
                "deeper → 1 (Essen's depth class above 0.25 m). A finer raster is first averaged to cells of half "
                "the ring width, so that a whole city stays fast.").format(
                ring=n(roofs.RAIN_BUFFER_M), depth=n(roofs.RAIN_DEPTH_M)),
            "sewer": self.tr("1 inside a combined-sewer area. c_rain ≥ 0.5 or c_sewer = 1 serves HZ 24 (sponge city)."),
            "green": self.tr(
                "distance to the nearest park of at least {ha} ha (GALK): 0 next to it, 1 at {dist} m or farther "
                "(3-30-300 rule).").format(ha=n(roofs.PARK_MIN_HA), dist=n(roofs.PARK_DISTANCE_M)),
            "scope": self.tr(
                "1 inside the 2030 target area, the scope polygons whose scope field equals the scope value "
                "(default {value}).").format(value=roofs.SCOPE_VALUE),
        }
        excluded = self.tr(
            "<p><b>Excluded</b> (class X, no rank, flags): listed (listed field or listed-buildings layer), "
            "green_exists (green-roof field), slope_gt_45, area_lt_min, geom_empty. A roof with PV stays in: flag "
            "pv_solar_green, HZ 26 (solar green roof).</p>")
        retention = self.tr(
            "<p><b>Retention</b>: retention_m3a = precipitation / 1000 × greenable_m2 × (0.9 − C_m), with 0.9 for "
            "the plain roof (fee practice) and C_m 0.3 for an extensive green roof up to 5 % slope, 0.4 on "
            "steeper or unmeasured slopes (DIN 1986-100). Precipitation: {precip} mm/a by default, the value of "
            "the Gründachkataster NRW example (Leverkusen); an assumption for the Ruhr, set your local annual "
            "value.</p>").format(precip=n(roofs.PRECIP_MM))
        fields = self.tr(
            "slope_deg, slope_class (0-5 … >45, unbekannt), greenable_m2, retention_m3a, in_target_scope (1/0, "
            "empty without a scope layer)")
        table = self.tr(
            "<p>The optional district table gives per district (or per scope polygon): flat_m2 (roofs of 0–5°, "
            "listed and green ones included), green_m2, share_green, target_m2 (target share of flat_m2, {share} % "
            "by 2030), missing_m2, ab_m2 (flat roofs of classes A and B) and covers (1 if ab_m2 ≥ "
            "missing_m2).</p>").format(share=n(100 * roofs.TARGET_SHARE))
        detection = self.tr(
            "<p>Fields left empty are found by name: slope ({slope}), roof type ({roof}), area ({area}), listed "
            "({listed}), green roof ({green}), PV ({pv}).</p>").format(
            **{k: ", ".join(v) for k, v in roofs.FIELD_CANDIDATES.items() if k != "roof_type"},
            roof=", ".join(roofs.FIELD_CANDIDATES["roof_type"]))
        return scoring_help(self.SPEC, intro, criteria, [excluded, retention], fields, [table, detection])

    def input_label(self) -> str:
        return self.tr("Buildings (roof polygons)")

    def output_label(self) -> str:
        return self.tr("Roofs scored for greening")

    # ------------------------------------------------------------------------------------------
    # Parameters
    # ------------------------------------------------------------------------------------------
    def init_parameters(self, config=None) -> None:
        for name, label in (
            (self.ROOF_TYPE_FIELD, self.tr("Roof type field (AdV code or OSM roof:shape; empty = find by name)")),
            (self.SLOPE_FIELD, self.tr("Roof slope field, degrees (empty = find by name)")),
            (self.AREA_FIELD, self.tr("Greenable roof area field, m² (empty = flat_roof_m2 or footprint)")),
            (self.LISTED_FIELD, self.tr("Listed building field (1/0; empty = find by name)")),
            (self.GREEN_FIELD, self.tr("Existing green roof field (1/0; empty = find by name)")),
            (self.PV_FIELD, self.tr("PV on the roof field (1/0; empty = find by name)")),
        ):
            self.add_field(name, label, self.INPUT)
        self.add_layer(self.LISTED_LAYER, self.tr("Listed buildings or Denkmalbereiche (polygons)"), "listed")
        self.add_heat_parameters()
        self.add_rain_parameters(self.tr("Ring around the building for the water depth (m)"))
        self.add_layer(self.SEWER, self.tr("Combined-sewer areas (polygons)"), "sewer")
        self.add_park_parameters(self.tr("Distance at which a roof counts as without a park (m)"))
        self.add_scope_parameters(roofs.SCOPE_VALUE)
        self.add_district_parameters()
        self.add_number(self.MIN_AREA, self.tr("Smallest greenable roof (m²)"), roofs.MIN_AREA_M2)
        self.add_number(self.PRECIP, self.tr("Annual precipitation (mm/a; assumption, set your local value)"),
                        roofs.PRECIP_MM, low=1.0, high=10000.0)

    def init_advanced_parameters(self) -> None:
        self.add_advanced(QgsProcessingParameterNumber(
            self.AREA_FULL, self.tr("Greenable area for the full area score (m²)"), DOUBLE, roofs.AREA_FULL_M2, minValue=0.0))
        self.add_advanced(QgsProcessingParameterNumber(
            self.TARGET_SHARE, self.tr("Target share of green flat roofs (%)"), DOUBLE, 100 * roofs.TARGET_SHARE,
            minValue=0.0, maxValue=100.0))
        self.add_rain_nodata_parameter()

    def init_outputs(self) -> None:
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.DISTRICT_TABLE, self.tr("Flat-roof target per district"), Qgis.ProcessingSourceType.VectorPolygon,
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("RETENTION_M3A", self.tr("Retention of all scored roofs (m³/a)")))

    def settings(self, parameters, context) -> RoofSettings:
        num = self.number
        min_area = num(parameters, self.MIN_AREA, context, low=0.0)
        area_full = num(parameters, self.AREA_FULL, context, low=min_area, strict=True)
        precip = num(parameters, self.PRECIP, context, low=0.0, strict=True)
        ring = num(parameters, self.RAIN_BUFFER, context, low=0.0)
        depth = num(parameters, self.RAIN_DEPTH, context, low=0.0, strict=True)
        park_min_ha = num(parameters, self.PARK_MIN_HA, context, low=0.0)
        park_distance = num(parameters, self.PARK_DISTANCE, context, low=0.0, strict=True)
        share = num(parameters, self.TARGET_SHARE, context, low=0.0, strict=True, high=100.0)
        params = roofs.RoofParams(min_area=min_area, area_full=area_full, precip_mm=precip, rain_depth=depth,
                                  park_min_ha=park_min_ha, park_distance=park_distance,
                                  scope_label=(self.parameterAsString(parameters, self.SCOPE_VALUE, context) or "").strip())
        return RoofSettings(params=params, rain_ring_m=ring,
                            rain_nodata_dry=self.parameterAsBoolean(parameters, self.RAIN_NODATA_DRY, context),
                            heat_higher=self.parameterAsEnum(parameters, self.HEAT_ORDER, context) == 0,
                            target_share=share / 100.0)

    # ------------------------------------------------------------------------------------------
    # The roof hooks
    # ------------------------------------------------------------------------------------------
    def field_params(self):
        c = roofs.FIELD_CANDIDATES
        return {"slope": (self.SLOPE_FIELD, c["slope"]), "roof_type": (self.ROOF_TYPE_FIELD, c["roof_type"]),
                "area": (self.AREA_FIELD, c["area"]), "listed": (self.LISTED_FIELD, c["listed"]),
                "green": (self.GREEN_FIELD, c["green"]), "pv": (self.PV_FIELD, c["pv"])}

    def fields_found(self, fields, feedback) -> None:
        none = self.tr("none")
        feedback.pushInfo(self.tr("Fields used: slope = {slope}, roof type = {roof}, greenable area = {area}, listed = {listed}, green roof = {green}, PV = {pv}.").format(
            slope=fields["slope"] or none, roof=fields["roof_type"] or none, area=fields["area"] or self.tr("footprint / cos(slope)"),
            listed=fields["listed"] or none, green=fields["green"] or none, pv=fields["pv"] or none))
        if not fields["slope"] and not fields["roof_type"]:
            feedback.pushWarning(self.tr("The input has no slope and no roof type field: every roof gets slope class 'unbekannt' (flag slope_unknown) and the slope criterion is left out. Choose SLOPE_FIELD or ROOF_TYPE_FIELD if the layer has them under another name."))

    def gather(self, parameters, context, main: MainInput, settings: RoofSettings, progress: Progress,
               feedback) -> RoofGathered:
        f = main.fields
        footprint = np.full(len(main), np.nan)
        footprint[main.usable] = shapely.area(main.geoms[main.usable])
        inp = roofs.RoofInputs(footprint_m2=footprint, tiebreak=main.fids)
        inp.slope_deg = inputs.numbers_of(main, f["slope"], self.SLOPE_FIELD, feedback)
        inp.roof_type = inputs.texts_of(main, f["roof_type"])
        inp.area_m2 = inputs.numbers_of(main, f["area"], self.AREA_FIELD, feedback)
        inp.green = inputs.flags_of(main, f["green"])
        inp.pv = inputs.flags_of(main, f["pv"])
        listed = inputs.flags_of(main, f["listed"])
        progress.check()

        # listed-buildings layer: a roof whose representative point lies in one is listed
        in_listed = inputs.polygon_flag_input(self, parameters, self.LISTED_LAYER, context, main, progress.sub(0.0, 0.1), feedback)
        if in_listed is not None:
            listed = in_listed if listed is None else (listed | in_listed)
            feedback.pushInfo(self.tr("{n} buildings lie in a listed-buildings polygon.").format(n=int(in_listed.sum())))
        inp.listed = listed

        p = settings.params
        # park distances run on the second core while the rasters are sampled here
        parks = inputs.nearest_distance_input(self, parameters, self.PARKS, context, main, p.park_min_ha * 10000.0,
                                              p.park_distance, progress.sub(0.1, 0.12), feedback)
        try:
            inp.c_heat = inputs.heat_input(self, parameters, context, main, settings.heat_higher,
                                           progress.sub(0.12, 0.49), feedback)
            inp.rain_depth_m = inputs.ring_mean_input(self, parameters, self.RAIN, context, main, settings.rain_ring_m,
                                                      progress.sub(0.49, 0.78), feedback, settings.rain_nodata_dry)
            inp.sewer = inputs.polygon_flag_input(self, parameters, self.SEWER, context, main, progress.sub(0.78, 0.85), feedback)
            if parks is not None:
                inp.park_distance_m = parks.result(progress)
                progress.sub(0.85, 0.9)(1.0)
        finally:
            if parks is not None:
                parks.close()  # a cancel does not wait for the other core

        scope = inputs.scope_input(self, parameters, context, main, progress.sub(0.9, 1.0), feedback)
        if scope is not None:
            inp.in_scope = scope.inside
            p.scope_label = scope.label
        p.scope_label = p.scope_label or self.tr("target area")
        return RoofGathered(inputs=inp, scope=scope)

    def score(self, main: MainInput, gathered: RoofGathered, settings: RoofSettings, weights) -> roofs.RoofScored:
        return roofs.roof_scoring(gathered.inputs, settings.params)

    def report(self, main: MainInput, scored: roofs.RoofScored, core: ScoreCore, settings: RoofSettings, feedback) -> None:
        for code, text in (
            ("slope_unknown", self.tr("{n} roofs have no usable slope (flag slope_unknown); their score leaves the slope out.")),
            ("slope_from_type", self.tr("{n} roofs without slope count as 0–5° by their flat roof type (flag slope_from_type).")),
            ("heat_nodata", self.tr("{n} roofs have no heat value (flag heat_nodata); their weights are renormalised.")),
            ("rain_nodata", self.tr("{n} roofs have no heavy-rain value around them (flag rain_nodata); their weights are renormalised.")),
            ("area_from_footprint", self.tr("{n} roofs have no value in the area field; their footprint is used (flag area_from_footprint).")),
        ):
            count = int(core.masks[code].sum())
            if count:
                feedback.pushWarning(text.format(n=count))

    def more_outputs(self, parameters, context, main: MainInput, gathered: RoofGathered, settings: RoofSettings,
                     scored: roofs.RoofScored, core: ScoreCore, progress: Progress, feedback) -> dict:
        retention_col = dict((name, values) for name, _, values in scored.columns)["retention_m3a"]
        retention = float(np.nansum(retention_col[~core.excluded]))
        feedback.pushInfo(self.tr("Retention of the scored roofs: {m3:.0f} m³/a.").format(m3=retention))
        out = {"RETENTION_M3A": retention}
        dest = self._district_table(parameters, context, main, gathered, settings, scored, core, progress, feedback)
        if dest is not None:
            out[self.DISTRICT_TABLE] = dest
        return out

    def _district_table(self, parameters, context, main: MainInput, gathered: RoofGathered, settings: RoofSettings,
                        scored: roofs.RoofScored, core: ScoreCore, progress: Progress, feedback):
        if self.DISTRICT_TABLE not in parameters or parameters.get(self.DISTRICT_TABLE) in (None, ""):
            return None
        districts = inputs.districts_input(self, parameters, context, main, progress.sub(0, 0.5), feedback, gathered.scope)
        if districts is not None:
            index, n_d, geoms, names = districts.index, len(districts.names), geo.as_multi(districts.geoms), districts.names
        else:
            feedback.pushWarning(self.tr("No districts and no target area given: the target table has one row for all roofs, without geometry."))
            index = np.where(np.isfinite(scored.area), 0, -1).astype(np.int64)
            n_d, geoms, names = 1, np.array([None], dtype=object), np.array([self.tr("all roofs")], dtype=object)
        sums = roofs.district_sums(index, n_d, scored.area, scored.flat, core.masks["green_exists"], core.gi_class,
                                   settings.target_share)
        columns = [("name", "text", names), ("n_flat", "int", sums.n_flat), ("flat_m2", "double", sums.flat_m2),
                   ("green_m2", "double", sums.green_m2), ("share_green", "double", sums.share_green),
                   ("target_m2", "double", sums.target_m2), ("missing_m2", "double", sums.missing_m2),
                   ("ab_m2", "double", sums.ab_m2), ("covers", "int", sums.covers)]
        fields = make_fields(columns)
        sink, dest = self.sink(parameters, self.DISTRICT_TABLE, context, fields, Qgis.WkbType.MultiPolygon, main.crs)
        write_sink(sink, fields, geoms, columns, progress.sub(0.5, 1.0))
        return dest


__all__ = ["FlatRoofsAlgorithm"]
