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
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from .. import lod2
from ..scoring import alkis, criteria, geo, roofs, water
from ..scoring.common import ScoreCore
from ..scoring.progress import Progress
from . import inputs
from .help import num, scoring_help
from .inputs import MainInput
from .postprocess import style_district_table_when_loaded
from .scoring_base import DOUBLE, ScoringAlgorithm
from .write import make_fields, write_sink


@dataclass
class RoofSettings:
    """The checked numeric parameters of one run."""

    params: roofs.RoofParams
    rain_ring_m: float
    rain_nodata_dry: bool
    heat_scale: criteria.HeatScale
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
    PRECIP_RASTER = "PRECIP_RASTER"
    HEIGHT_FIELD = "HEIGHT_FIELD"
    MAX_SLOPE = "MAX_SLOPE"
    NET_FACTOR = "NET_FACTOR"
    BUILDUP = "BUILDUP"
    LISTED_MALUS = "LISTED_MALUS"
    HEAT_CLASSES = "HEAT_CLASSES"
    HEAT_BURDENED = "HEAT_BURDENED"
    HEAT_BREAKS = "HEAT_BREAKS"
    HEIGHT_FULL = "HEIGHT_FULL"
    HEIGHT_LOW = "HEIGHT_LOW"
    HEIGHT_FACTOR = "HEIGHT_FACTOR"
    NEED_SHARE = "NEED_SHARE"
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
        table = water.surfaces()
        retained = {code: 1.0 - table[code].annual_runoff for code in
                    (roofs.PLAIN_ROOF, *roofs.BUILDUPS, roofs.SLOPED_BUILDUP)}
        a, b, c = (n(x) for x in roofs.CLASS_BREAKS)
        intro = self.tr(
            "<p>Scores every roof of a building layer for greening and ranks the roofs: which roofs to green first "
            "(Handlungsziel 02: half of the flat roofs in the inner cities green by 2030), and how much rain they "
            "would keep back. Works with the output of <i>Import LoD2 buildings</i>, with ALKIS or OpenStreetMap "
            "buildings (roof:shape) and with any polygon layer.</p>")
        greenable = self.tr(
            "<p><b>Greenable area</b> (greenable_m2): flat and pitched roof surfaces up to MAX_SLOPE ({max}°, as the "
            "RVR/Emschergenossenschaft Gründachkataster; Düsseldorf: 35°). With the LoD2 import's slope-class fields "
            "(t_*_m2 true area, h_*_m2 horizontal projection) the surfaces of the classes up to MAX_SLOPE count, so "
            "a mixed roof keeps its flat part; otherwise footprint / cos(mean slope), or the AREA_FIELD you give. "
            "Times NET_FACTOR ({net}, assumption) for rooftop plant, skylights and edge strips. A roof without a "
            "surface up to MAX_SLOPE is excluded (slope_gt_max), one under MIN_AREA ({min} m², Düsseldorf and Bonn) "
            "too (area_lt_min).</p>").format(max=n(roofs.MAX_SLOPE_DEG), net=n(roofs.NET_FACTOR), min=n(roofs.MIN_AREA_M2))
        criteria_items = {
            "slope": self.tr(
                "suitability: 0–5° → 1, 5–15° → 0.75, 15–30° → 0.5, 30–45° → 0.25 (classes of the Münster green-roof "
                "potential; the values are assumptions), weighted by the area of the greenable surfaces; an unknown "
                "slope stays unknown (flag slope_unknown), a flat roof type without slope counts as 0–5° "
                "(slope_from_type)."),
            "area": self.tr(
                "suitability: log10(area / MIN_AREA) / log10(AREA_FULL / MIN_AREA): {min} m² → 0, {full} m² → 1 "
                "(assumption), so small roofs (Essen funds roofs up to 60 m²) stay in the ranking.").format(
                min=n(roofs.MIN_AREA_M2), full=n(roofs.AREA_FULL_M2)),
            "build": self.tr(
                "suitability: 1, or 1 − LISTED_MALUS ({malus}, assumption) for a listed building (field or "
                "listed-buildings layer): flagged listed (a permit under monument law is needed, DSchG NRW § 9), "
                "never excluded.").format(malus=n(roofs.LISTED_MALUS)),
            "heat": self.tr(
                "need: thermal load in classes, (class − 1) / (n − 1) × the height factor. Class numbers "
                "1…HEAT_CLASSES ({classes}; Berlin and Leipzig use 4) in the direction of HEAT_ORDER; the labels sehr "
                "ungünstig … sehr günstig by name; measured values (a raster, or numbers in the polygons) in classes "
                "by HEAT_BREAKS (absolute breaks, e.g. 16,17,18,19 °C) or, without breaks, by their z-score against "
                "the whole raster or polygon layer at −1, 0, 1, 2 (Düsseldorf heat map): never min–max over the "
                "roofs of one run. A raster with the same value everywhere carries no signal: the criterion is left "
                "out with a warning. Height factor 1 up to HEIGHT_FULL ({hfull} m), falling to HEIGHT_FACTOR "
                "({hfactor}) at HEIGHT_LOW ({hlow} m): a green roof on a low building cools the street more "
                "(assumption after the Berlin Regenwasseragentur). HZ 01 for the HEAT_BURDENED ({burdened}) most "
                "burdened classes, ungünstig and sehr ungünstig as LANUV counts them.").format(
                classes=criteria.HEAT_N_CLASSES, hfull=n(roofs.HEIGHT_FULL_M), hfactor=n(roofs.HEIGHT_FACTOR),
                hlow=n(roofs.HEIGHT_LOW_M), burdened=criteria.HEAT_BURDENED),
            "rain": self.tr(
                "need: mean flood depth in a buffer around the building ({ring} m): 0 m → 0, {depth} m → 1 (top "
                "class of Essen's heavy-rain map). A finer raster is first averaged to cells of half the buffer "
                "width.").format(ring=n(roofs.RAIN_BUFFER_M), depth=n(roofs.RAIN_DEPTH_M)),
            "sewer": self.tr("need: 1 inside an area with a combined sewer system. c_rain ≥ 0.5 or c_sewer = 1 serves HZ 24 "
                             "(sponge city)."),
            "green": self.tr(
                "need: green space supply, the distance to the nearest public green space of at least {ha} ha "
                "(GALK): 0 next to it, 1 at {dist} m or farther (3-30-300 rule; GALK: 500 m).").format(
                ha=n(roofs.PARK_MIN_HA), dist=n(roofs.PARK_DISTANCE_M)),
            "scope": self.tr("need: 1 inside the 2030 target area, the polygons whose attribute equals the given value "
                             "(default {value}).").format(value=roofs.SCOPE_VALUE),
        }
        score = self.tr(
            "<p><b>Score</b>: gi_suit and gi_need are the weighted means × 100 of the suitability and the need "
            "criteria; gi_score = 100 × (gi_suit/100)^(1 − s) × (gi_need/100)^s with s = NEED_SHARE ({share}), a "
            "weighted geometric mean, so a roof ranks high only where it is suitable and needed; without any need "
            "data the score is gi_suit. Sort by gi_suit or gi_need to see either side. Classes: A from {a}, B from "
            "{b}, C from {c}: these breaks spread the defaults over all classes on the Wesel LoD2 tiles and the "
            "sample city.</p>").format(share=n(roofs.NEED_SHARE), a=a, b=b, c=c)
        water_text = self.tr(
            "<p><b>Water</b>: retention_m3a is an annual water-balance figure: precipitation × NET_FACTOR × "
            "horizontal projection × (annual runoff share of the plain roof − that of the green roof), with the "
            "annual retention shares of the surface table (plain roof {plain}; BUILDUP extensive under 10 cm {thin}, "
            "from 10 cm {ext} as the Gründachkataster NRW example, intensive {intensive}, on the 0–5° part; extensive "
            "{sloped} on steeper surfaces). Rain falls on the horizontal projection, so a steeper roof of the same "
            "footprint keeps no more. cm_green is the green roof's runoff coefficient C_m for a design event "
            "(DWA-A 138-1 Tab. 9), for storage and infiltration design, not an annual figure. The sources differ on "
            "the limit of the flat green-roof rows (DWA-A 138-1: 5°, DIN 1986-100 via info-regenwasser.de: 5 %); "
            "the plugin uses 5°. Precipitation: PRECIP ({precip} mm/a, Essen-Bredeney 1991–2020), or "
            "PRECIP_RASTER: its mean over the roof, the single value where the raster has none (flag "
            "precip_default).</p>").format(
            plain=n(retained[roofs.PLAIN_ROOF]), thin=n(retained["green_ext_thin"]), ext=n(retained["green_ext"]),
            intensive=n(retained["green_intensive"]), sloped=n(retained[roofs.SLOPED_BUILDUP]),
            precip=n(roofs.PRECIP_MM))
        excluded = self.tr(
            "<p><b>Excluded</b> (class X, no rank, flags): green_exists (green-roof field), slope_gt_max, "
            "area_lt_min, geom_empty. Roofs with PV stay in: flag pv_solar_green, HZ 26 (solar green roof at the "
            "next roof renewal).</p>")
        fields = self.tr(
            "gi_suit, gi_need (0–100), slope_deg, slope_class (0-5 … >45, unbekannt), greenable_m2, retention_m3a, "
            "cm_green, in_target_scope (1/0, empty without a scope layer)")
        table_text = self.tr(
            "<p>The optional district table gives per district (or per scope polygon): flat_m2 (greenable area of "
            "the roofs of class 0–5°, listed and green ones included), green_m2, share_green, target_m2 (target "
            "share of flat_m2, {share} % by 2030), missing_m2, ab_m2 (flat roofs of classes A and B) and covers (1 "
            "if ab_m2 ≥ missing_m2).</p>").format(share=n(100 * roofs.TARGET_SHARE))
        detection = self.tr(
            "<p>Fields left empty are found by name: slope ({slope}), roof type ({roof}), listed ({listed}), green "
            "roof ({green}), PV ({pv}), height ({height}); without a height field the storeys ({storeys}) × {storey_m} m "
            "give an estimated height. So ALKIS buildings (norGIS ax_gebaeude: dachform, "
            "anzahlderoberirdischengeschosse) are scored as they are.</p>").format(
            storey_m=n(alkis.STOREY_HEIGHT_M),
            **{k: ", ".join(v) for k, v in roofs.FIELD_CANDIDATES.items() if k not in ("roof_type", "area")},
            roof=", ".join(roofs.FIELD_CANDIDATES["roof_type"]))
        return scoring_help(self.SPEC, intro, criteria_items, [greenable, score, water_text, excluded], fields,
                            [table_text, detection])

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
            (self.AREA_FIELD, self.tr("Greenable roof area field, m² (empty = roof surfaces or footprint)")),
            (self.HEIGHT_FIELD, self.tr("Building height field, m (empty = find by name)")),
            (self.LISTED_FIELD, self.tr("Listed building field (1/0; empty = find by name)")),
            (self.GREEN_FIELD, self.tr("Existing green roof field (1/0; empty = find by name)")),
            (self.PV_FIELD, self.tr("PV on the roof field (1/0; empty = find by name)")),
        ):
            self.add_field(name, label, self.INPUT)
        self.add_layer(self.LISTED_LAYER, self.tr("Listed buildings or Denkmalbereiche (polygons)"), "listed")
        self.add_heat_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.HEAT_CLASSES, self.tr("Number of thermal-load classes in the data"), Qgis.ProcessingNumberParameterType.Integer,
            criteria.HEAT_N_CLASSES, minValue=2, maxValue=20))
        self.addParameter(QgsProcessingParameterNumber(
            self.HEAT_BURDENED, self.tr("Burdened classes: how many of the most burdened classes count (HZ 01)"),
            Qgis.ProcessingNumberParameterType.Integer, criteria.HEAT_BURDENED, minValue=1, maxValue=19))
        self.addParameter(QgsProcessingParameterString(
            self.HEAT_BREAKS, self.tr("Class breaks for measured thermal-load values (e.g. 16,17,18,19; empty = z-score classes against the whole layer)"),
            defaultValue="", optional=True))
        self.add_rain_parameters(self.tr("Ring around the building for the water depth (m)"))
        self.add_layer(self.SEWER, self.tr("Combined-sewer areas (polygons)"), "sewer")
        self.add_park_parameters(self.tr("Distance at which a roof counts as without a park (m)"))
        self.add_scope_parameters(roofs.SCOPE_VALUE)
        self.add_district_parameters()
        self.add_number(self.MIN_AREA, self.tr("Smallest greenable roof (m²)"), roofs.MIN_AREA_M2)
        self.add_number(self.MAX_SLOPE, self.tr("Steepest greenable roof surface (degrees)"), roofs.MAX_SLOPE_DEG,
                        low=0.0, high=90.0)
        self.add_number(self.NET_FACTOR, self.tr("Net share of the greenable area (rooftop plant, edges; 0–1)"),
                        roofs.NET_FACTOR, low=0.01, high=1.0)
        self.addParameter(QgsProcessingParameterEnum(
            self.BUILDUP, self.tr("Green roof build-up (annual retention)"),
            options=[self.tr("extensive, substrate under 10 cm"), self.tr("extensive, substrate 10 cm and more"),
                     self.tr("intensive, 30 cm and more")],
            defaultValue=roofs.BUILDUPS.index(roofs.DEFAULT_BUILDUP)))
        self.add_number(self.PRECIP, self.tr("Annual precipitation (mm/a; default Essen, set your local value)"),
                        roofs.PRECIP_MM, low=1.0, high=10000.0)
        self.add(QgsProcessingParameterRasterLayer(
            self.PRECIP_RASTER, self.tr("Annual precipitation raster (mm/a; instead of the single value)"), optional=True),
            self.tr("Mean over each roof; where the raster has no value the single value above is used."), "precip")
        self.add_number(self.LISTED_MALUS, self.tr("Malus of a listed building on c_build (0–1)"), roofs.LISTED_MALUS,
                        low=0.0, high=1.0)

    def init_advanced_parameters(self) -> None:
        for name, label, default, high in (
            (self.HEIGHT_FULL, self.tr("Building height up to which the full heat benefit counts (m)"), roofs.HEIGHT_FULL_M, None),
            (self.HEIGHT_LOW, self.tr("Building height from which the reduced heat benefit counts (m)"), roofs.HEIGHT_LOW_M, None),
            (self.HEIGHT_FACTOR, self.tr("Heat benefit factor of tall buildings (0–1)"), roofs.HEIGHT_FACTOR, 1.0),
            (self.NEED_SHARE, self.tr("Share of the need in the score (0 = suitability only, 1 = need only)"), roofs.NEED_SHARE, 1.0),
        ):
            param = QgsProcessingParameterNumber(name, label, DOUBLE, default, minValue=0.0)
            if high is not None:
                param.setMaximum(high)
            self.add_advanced(param)
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
        max_slope = num(parameters, self.MAX_SLOPE, context, low=0.0, high=90.0)
        net = num(parameters, self.NET_FACTOR, context, low=0.0, strict=True, high=1.0)
        malus = num(parameters, self.LISTED_MALUS, context, low=0.0, high=1.0)
        n_classes = int(num(parameters, self.HEAT_CLASSES, context, low=2.0))
        burdened = int(num(parameters, self.HEAT_BURDENED, context, low=1.0, high=n_classes - 1.0))
        height_full = num(parameters, self.HEIGHT_FULL, context, low=0.0)
        height_low = num(parameters, self.HEIGHT_LOW, context, low=height_full, strict=True)
        height_factor = num(parameters, self.HEIGHT_FACTOR, context, low=0.0, high=1.0)
        need_share = num(parameters, self.NEED_SHARE, context, low=0.0, high=1.0)
        breaks_text = self.parameterAsString(parameters, self.HEAT_BREAKS, context) or ""
        try:
            breaks = criteria.parse_breaks(breaks_text)
        except ValueError as err:
            raise QgsProcessingException(self.tr("HEAT_BREAKS must be numbers separated by commas (e.g. 16,17,18,19), not {value!r}.").format(
                value=str(err))) from None
        buildup = roofs.BUILDUPS[self.parameterAsEnum(parameters, self.BUILDUP, context)]
        params = roofs.RoofParams(min_area=min_area, area_full=area_full, precip_mm=precip, rain_depth=depth,
                                  park_min_ha=park_min_ha, park_distance=park_distance,
                                  scope_label=(self.parameterAsString(parameters, self.SCOPE_VALUE, context) or "").strip(),
                                  max_slope=max_slope, net_factor=net, buildup=buildup, listed_malus=malus,
                                  heat_burdened=burdened, height_full=height_full, height_low=height_low,
                                  height_factor=height_factor, need_share=need_share)
        scale = criteria.HeatScale(n_classes=n_classes, breaks=breaks, burdened=burdened,
                                   higher_is_hotter=self.parameterAsEnum(parameters, self.HEAT_ORDER, context) == 0)
        return RoofSettings(params=params, rain_ring_m=ring,
                            rain_nodata_dry=self.parameterAsBoolean(parameters, self.RAIN_NODATA_DRY, context),
                            heat_scale=scale, target_share=share / 100.0)

    # ------------------------------------------------------------------------------------------
    # The roof hooks
    # ------------------------------------------------------------------------------------------
    def field_params(self):
        c = roofs.FIELD_CANDIDATES
        out = {"slope": (self.SLOPE_FIELD, c["slope"]), "roof_type": (self.ROOF_TYPE_FIELD, c["roof_type"]),
               "area": (self.AREA_FIELD, c["area"]), "listed": (self.LISTED_FIELD, c["listed"]),
               "green": (self.GREEN_FIELD, c["green"]), "pv": (self.PV_FIELD, c["pv"]),
               "height": (self.HEIGHT_FIELD, c["height"])}
        # the slope-class fields of gi:importlod2, found by their names (no parameter)
        for name in lod2.CLASS_TRUE_FIELDS + lod2.CLASS_HORIZ_FIELDS:
            out[name] = ("", (name,))
        return out

    def fields_found(self, fields, feedback) -> None:
        none = self.tr("none")
        has_classes = all(fields.get(name) for name in lod2.CLASS_TRUE_FIELDS + lod2.CLASS_HORIZ_FIELDS)
        area = fields["area"] or (self.tr("roof surfaces per slope class (t_*_m2, h_*_m2)") if has_classes
                                  else self.tr("footprint / cos(slope)"))
        feedback.pushInfo(self.tr("Fields used: slope = {slope}, roof type = {roof}, greenable area = {area}, listed = {listed}, green roof = {green}, PV = {pv}, height = {height}.").format(
            slope=fields["slope"] or none, roof=fields["roof_type"] or none, area=area,
            listed=fields["listed"] or none, green=fields["green"] or none, pv=fields["pv"] or none,
            height=fields["height"] or none))
        if not fields["slope"] and not fields["roof_type"]:
            feedback.pushWarning(self.tr("The input has no slope and no roof type field: every roof gets slope class 'unbekannt' (flag slope_unknown) and the slope criterion is left out. Choose SLOPE_FIELD or ROOF_TYPE_FIELD if the layer has them under another name."))

    def gather(self, parameters, context, main: MainInput, settings: RoofSettings, progress: Progress,
               feedback) -> RoofGathered:
        f = main.fields
        footprint = np.full(len(main), np.nan)
        footprint[main.usable] = shapely.area(main.geoms[main.usable])
        progress(0.01)
        inp = roofs.RoofInputs(footprint_m2=footprint, tiebreak=main.fids)
        inp.slope_deg = inputs.numbers_of(main, f["slope"], self.SLOPE_FIELD, feedback)
        inp.roof_type = inputs.texts_of(main, f["roof_type"])
        inp.area_m2 = inputs.numbers_of(main, f["area"], self.AREA_FIELD, feedback,
                                        high=footprint * roofs.AREA_FOOTPRINT_FACTOR)
        inp.height_m = inputs.numbers_of(main, f["height"], self.HEIGHT_FIELD, feedback)
        if all(f.get(name) for name in lod2.CLASS_TRUE_FIELDS + lod2.CLASS_HORIZ_FIELDS):
            def table(names):
                cols = [inputs.numbers_of(main, f[name], name, feedback) for name in names]
                return None if any(c is None for c in cols) else np.column_stack(cols)
            inp.class_true_m2 = table(lod2.CLASS_TRUE_FIELDS)
            inp.class_horiz_m2 = table(lod2.CLASS_HORIZ_FIELDS)
            if inp.class_true_m2 is None or inp.class_horiz_m2 is None:
                inp.class_true_m2 = inp.class_horiz_m2 = None
        inp.green = inputs.flags_of(main, f["green"])
        inp.pv = inputs.flags_of(main, f["pv"])
        if inp.height_m is None:
            inp.height_m = self._height_from_storeys(main, feedback)
        listed = inputs.flags_of(main, f["listed"])
        progress(0.02)

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
            inp.heat = inputs.heat_classes_input(self, parameters, context, main, settings.heat_scale,
                                                 progress.sub(0.12, 0.45), feedback)
            inp.precip_mm = inputs.raster_mean_input(self, parameters, self.PRECIP_RASTER, context, main,
                                                     progress.sub(0.45, 0.49), feedback)
            inp.rain_depth_m = inputs.ring_mean_input(self, parameters, self.RAIN, context, main, settings.rain_ring_m,
                                                      progress.sub(0.49, 0.78), feedback, settings.rain_nodata_dry)
            inp.sewer = inputs.polygon_flag_input(self, parameters, self.SEWER, context, main, progress.sub(0.78, 0.85), feedback)
            if parks is not None:
                inp.park_distance_m = parks.result(progress.sub(0.85, 0.9), creep=True)
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

    def _height_from_storeys(self, main: MainInput, feedback) -> np.ndarray | None:
        """Without a height field: the storeys of ALKIS (anzahlderoberirdischengeschosse) or OSM
        (building:levels) × 3 m as an estimated building height; None without them."""
        field = roofs.detect_field(main.arrays.fields.names(), "storeys")
        storeys = inputs.numbers_of(main, field, field, feedback) if field else None
        if storeys is None:
            return None
        feedback.pushInfo(self.tr("Building height: field {field} (storeys) × {m} m per storey, an estimate.").format(
            field=field, m=f"{alkis.STOREY_HEIGHT_M:g}"))
        return alkis.height_from_storeys(storeys)

    def score(self, main: MainInput, gathered: RoofGathered, settings: RoofSettings, weights) -> roofs.RoofScored:
        return roofs.roof_scoring(gathered.inputs, settings.params)

    def report(self, main: MainInput, scored: roofs.RoofScored, core: ScoreCore, settings: RoofSettings, feedback) -> None:
        for code, text in (
            ("slope_unknown", self.tr("{n} roofs have no usable slope (flag slope_unknown); their score leaves the slope out.")),
            ("slope_from_type", self.tr("{n} roofs without slope count as 0–5° by their flat roof type (flag slope_from_type).")),
            ("heat_nodata", self.tr("{n} roofs have no heat value (flag heat_nodata); their weights are renormalised.")),
            ("rain_nodata", self.tr("{n} roofs have no heavy-rain value around them (flag rain_nodata); their weights are renormalised.")),
            ("area_from_footprint", self.tr("{n} roofs have no value in the area field; their footprint is used (flag area_from_footprint).")),
            ("precip_default", self.tr("{n} roofs lie where the precipitation raster has no value; the single precipitation value is used (flag precip_default).")),
        ):
            count = int(core.masks[code].sum())
            if count:
                feedback.pushWarning(text.format(n=count))
        listed = int(core.masks["listed"].sum())
        if listed:
            feedback.pushInfo(self.tr("{n} listed buildings are scored with the malus on c_build (flag listed: a permit under monument law is needed), not excluded.").format(n=listed))
        if core.need is None:
            feedback.pushInfo(self.tr("No need criterion has data (thermal load, heavy rain, sewer, green space, target area): the score is the suitability alone."))

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
        style_district_table_when_loaded(context, dest)  # light, labelled, below the roofs
        return dest


__all__ = ["FlatRoofsAlgorithm"]
