"""gi:streets – street sections for blue-green climate streets (Handlungsziel 03, also 01, 18,
24, 25).

The street parameters and the street gather hook; the run itself (read once → gather → score →
shared finish → write once → style) is ``scoring_base.ScoringAlgorithm``. The domain rules and
their sources live in ``scoring/streets.py`` and ``resources/road_classes.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    Qgis,
    QgsFeatureSource,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsWkbTypes,
)

from ..scoring import geo, streets
from ..scoring.common import ScoreCore
from ..scoring.progress import Progress
from ..scoring.values import detect_field
from . import inputs
from .help import num, scoring_help
from .inputs import MainInput
from .read import FeatureArrays, numeric_array, plain_ogr_layer, read_overlay, text_column
from .scoring_base import ScoringAlgorithm

POINT_OR_POLYGON = [Qgis.ProcessingSourceType.VectorPoint, Qgis.ProcessingSourceType.VectorPolygon]
CROWNS = ("large", "medium", "small")

# Fields of the input: kind -> (parameter, field names looked for when it is left empty,
# case-insensitive, in this order). The labels are in StreetsAlgorithm.field_labels().
INPUT_FIELDS = {
    "road_class": ("CLASS_FIELD", ("fclass", "highway", "road_class", "strassenklasse", "klasse", "widmung",
                                   "funktion", "class")),
    "width": ("WIDTH_FIELD", ("width_m", "width", "breite", "str_breite", "strassenbreite")),
    "surface": ("SURFACE_FIELD", ("surface", "belag", "oberflaeche", "befestigung")),
    "bridge": ("BRIDGE_FIELD", ("bridge", "bruecke", "brücke")),
    "tunnel": ("TUNNEL_FIELD", ("tunnel",)),
    "access": ("ACCESS_FIELD", ("access", "private", "privat", "zugang", "oeffentlich")),
}
NAME_CANDIDATES = ("name", "strassenname", "str_name")  # only to keep differently named streets apart
# A heavy-rain raster finer than this is first averaged to cells of this size (m) before the mean
# over each street space is taken: a 1–2 m raster puts hundreds of cells into a 100 m section;
# 4 m cells still give 6 m wide streets a few cells each [U: plugin's choice for speed].
RAIN_CELL_M = 4.0
TREE_COUNT_CANDIDATES = ("anzahl", "count", "n_trees", "trees", "stueck", "stück", "menge")
KF_CANDIDATES = ("kf", "kf_wert", "kf_ms", "durchlaessigkeit", "permeability")
GW_CANDIDATES = ("gw_depth_m", "flurabstand", "gw_flurabstand", "grundwasserflurabstand", "depth")


@dataclass
class StreetSettings:
    """The checked numeric parameters of one run."""

    params: streets.StreetParams
    max_len_m: float
    rain_ring_m: float
    rain_nodata_dry: bool
    heat_higher: bool
    road_table: dict | None  # a user's road-class table, else the shipped one


@dataclass
class StreetGathered:
    inputs: streets.StreetInputs
    source: np.ndarray  # the input row of each section


class StreetsAlgorithm(ScoringAlgorithm):
    """gi:streets: street parameters and the street gather hook."""

    SPEC = streets.SPEC
    ALG_ID = "streets"
    GROUP_ID = "streets"
    INPUT_ROLE = "streets"
    LINE_ZONE_M = 5.0  # replaced per section by half its street width (see gather)

    MAX_LENGTH = "MAX_LENGTH"
    MIN_LENGTH = "MIN_LENGTH"
    TREES = "TREES"
    TREE_COUNT_FIELD = "TREE_COUNT_FIELD"
    CROWN = "CROWN"
    TREES_PER_100M = "TREES_PER_100M"
    MIN_WIDTH = "MIN_WIDTH"
    TREE_STRIP = "TREE_STRIP"
    SEWER = "SEWER"
    SOILS = "SOILS"
    KF_FIELD = "KF_FIELD"
    GROUNDWATER = "GROUNDWATER"
    GW_FIELD = "GW_FIELD"
    ALTLASTEN = "ALTLASTEN"
    PARKING_SHARE = "PARKING_SHARE"
    ROAD_CLASSES = "ROAD_CLASSES"
    STREET_SPACE = "STREET_SPACE"
    BUILDINGS = "BUILDINGS"

    def input_label(self) -> str:
        return self.tr("Street centre lines")

    def output_label(self) -> str:
        return self.tr("Street sections scored for blue-green climate streets")

    def displayName(self) -> str:
        return self.tr("Streets: blue-green climate streets, tree gaps and unsealing (HZ 03)")

    def tags(self) -> list[str]:
        return self.tr("street,street trees,tree gap,unsealing,Entsiegelung,Klimastraße,sponge city,HZ 03").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        intro = self.tr(
            "<p>Cuts a street network into sections and ranks them for blue-green climate streets (Handlungsziel "
            "03): which sections first, how many street trees are missing there, how much area could be unsealed, "
            "what that would keep back each year, and where heat and flooding are worst. Works with OpenStreetMap "
            "roads (highway or Geofabrik fclass), ALKIS/ATKIS roads (Widmung) and municipal networks.</p>"
            "<p><b>Sections</b>: lines are merged through nodes where exactly two lines meet and their class, "
            "width, surface, name, bridge, tunnel and access agree, then cut into equal sections of at most the "
            "maximum length ({max} m); 0 keeps the input features. Every section carries the attributes of its "
            "input feature and its feature id (src_fid).</p>").format(max=num(streets.MAX_SEGMENT_M))
        criteria = {
            "heat": self.tr(
                "thermal load: heat raster (mean over the street space, min–max over this run) or heat polygons "
                "with a class field (classes 1–5 and the labels sehr ungünstig … sehr günstig by name). Serves HZ "
                "01 where c_heat ≥ 0.5."),
            "rain": self.tr(
                "mean heavy-rain flood depth in the street space (the line buffered by half its width), 0 m → 0, "
                "{depth} m and deeper → 1 (Essen's top class); a finer raster is first averaged to {cell} m "
                "cells.").format(depth=num(streets.RAIN_DEPTH_M), cell=num(RAIN_CELL_M)),
            "sewer": self.tr("1 in an area drained by the Mischsystem. c_rain ≥ 0.5 or c_sewer = 1 serves HZ 24."),
            "green": self.tr(
                "distance from the section to the nearest public green space of at least {ha} ha (GALK): 0 next to "
                "it, 1 at {dist} m or farther (3-30-300 rule). c_green ≥ 0.5 serves HZ 01 (green supply), as c_heat "
                "≥ 0.5 does.").format(ha=num(streets.PARK_MIN_HA), dist=num(streets.PARK_DISTANCE_M)),
            "trees": self.tr(
                "missing share of the orientation value for street trees, 1 = no tree. Trees count within half the "
                "width plus {margin} m of a section, each once for its nearest section, with the count field of "
                "registers that hold one point per planting measure (filter a register to the trees that stand, "
                "e.g. plantings without fellings, before the run). Orientation value: {medium} trees per 100 m "
                "and planted side for medium crowns ({large} large, {small} small; spacing 12–15 / 8–12 / 6–8 m), "
                "both sides from {two} m width. These values are assumptions: HZ 03 says they are still to be "
                "agreed. On main roads c_trees ≥ 0.5 serves HZ 18.").format(
                margin=num(streets.TREE_MARGIN_M), medium=num(streets.TREES_PER_100M["medium"]),
                large=num(streets.TREES_PER_100M["large"]), small=num(streets.TREES_PER_100M["small"]),
                two=num(streets.TWO_SIDED_WIDTH_M)),
            "unseal": self.tr(
                "unsealable share of the street space, full at {full} %. Unsealable area = (width − required "
                "cross-section of the road category + reallocated parking lanes × {lane} m) × length, at most the "
                "sealed area. Widths, required cross-sections (RASt 06 carriageways plus {foot} m footways), "
                "sealed shares and parking lanes by road class are in resources/road_classes.csv, each row with "
                "its source; replace it with your own table (ROAD_CLASSES). Reallocating parking lanes (HZ 25) is "
                "off by default.").format(full=num(100 * streets.UNSEAL_SHARE_FULL), lane=num(streets.PARKING_LANE_M),
                                          foot=num(2.5)),
            "infil": self.tr(
                "1 where infiltration is possible: kf ≥ {kf} m/s (DWA-A 138-1 Tab. 14, Mulden and Rigolen) and at "
                "least {gw} m to the groundwater, not on an Altlast or suspected site; 0 where a value fails; left "
                "out (unknown) without the soil and groundwater layers.").format(
                kf="1·10⁻⁶", gw=num(streets.GW_MIN_M)),
        }
        excluded = self.tr(
            "<p><b>Excluded</b> (class X, no rank): geom_empty, motorway (and links), rail, tunnel, bridge, private "
            "(access field), short (under {min_len} m), too_narrow (street space under {min_w} m: no tree site "
            "beside the traffic). <b>Caveats</b>: class_unknown (NULL or unknown road class: the typical values of "
            "a residential street, counted in a warning), width_from_class, surface_assumed (asphalt), "
            "no_tree_space (the surplus width holds no {strip} m tree strip or not the tree pits of the gap), "
            "heat_nodata, rain_nodata, infil_unknown, altlast, parking_realloc.</p>").format(
            min_len=num(streets.MIN_SEGMENT_M), min_w=num(streets.MIN_WIDTH_M), strip=num(streets.TREE_STRIP_M))
        water = self.tr(
            "<p><b>Water and trees</b>: runoff_red_m3a = precipitation / 1000 × unseal_m2 × (C_m of the surface − "
            "C_m of a planting bed), after DWA-A 138-1 Tab. 9 (resources/surfaces.csv: asphalt 0.9, paving 0.7, "
            "bed 0.1; OSM surface values mapped in resources/street_surfaces_osm.csv). Precipitation: {precip} "
            "mm/a by default, an assumption: set your local value. New trees are counted in tree pits of "
            "{pit} m³ and {depth} m depth (FLL), {area} m² each.</p>").format(
            precip=num(streets.PRECIP_MM), pit=num(streets.PIT_VOLUME_M3), depth=num(streets.PIT_DEPTH_M),
            area=num(streets.PIT_VOLUME_M3 / streets.PIT_DEPTH_M))
        hz = self.tr(
            "<p><b>Handlungsziele</b> in gi_hz: 03 always; 01, 18, 24 and 25 where their criteria drove the score "
            "(see above). gi_suit = unsealing and infiltration, gi_need = heat, heavy rain, Mischsystem, tree "
            "gap and green supply.</p>")
        fields = self.tr(
            "gi_suit, gi_need, seg_len_m, width_m, sealed_m2, trees_now, trees_per_100m, tree_gap, unseal_m2, "
            "runoff_red_m3a, infiltration (yes/no/unknown), src_fid")
        detection = self.tr(
            "<p>Fields left empty are found by name: road class ({cls}), width ({width}), surface ({surface}), "
            "bridge ({bridge}), tunnel ({tunnel}), access ({access}); tree count ({count}).</p>").format(
            **{k: ", ".join(v[1]) for k, v in INPUT_FIELDS.items() if k != "road_class"},
            cls=", ".join(INPUT_FIELDS["road_class"][1]), count=", ".join(TREE_COUNT_CANDIDATES))
        width = self.tr(
            "<p><b>Width</b> of the street space (width_m): measured across each section on the street-space "
            "polygons where they are given (the median of three transects; ALKIS parcels of one street are merged "
            "first), else the width field, else the typical width of the road class, but no wider than the free "
            "width between the buildings where a building layer is given. sealed_m2 = length × width × "
            "the sealed share of the road class (0 on unpaved surfaces).</p>")
        return scoring_help(self.SPEC, intro, criteria, [width, excluded, water, hz], fields, [detection])

    # ------------------------------------------------------------------------------------------
    # Parameters
    # ------------------------------------------------------------------------------------------
    def field_labels(self) -> dict[str, str]:
        return {
            "road_class": self.tr("Road class field (OSM highway/fclass or ALKIS Widmung; empty = find by name)"),
            "width": self.tr("Width of the street space field, m (empty = find by name, else by class)"),
            "surface": self.tr("Surface field (OSM surface; empty = find by name, else asphalt)"),
            "bridge": self.tr("Bridge field (yes/no; empty = find by name)"),
            "tunnel": self.tr("Tunnel field (yes/no; empty = find by name)"),
            "access": self.tr("Access or private-way field (OSM access, or yes/no; empty = find by name)"),
        }

    def init_parameters(self, config=None) -> None:
        labels = self.field_labels()
        for kind, (param, _) in INPUT_FIELDS.items():
            self.add_field(param, labels[kind], self.INPUT)
        # role streets: street-space polygons are the streets layer in polygon form (the dock fills
        # the main input's role only into INPUT, so it never puts the centre lines here)
        self.add_layer(self.STREET_SPACE, self.tr("Street space (polygons, e.g. ALKIS Straßenverkehr parcels; width measured on them)"),
                       "streets", help_text=self.tr("Where given, the width of each section is measured across it on these polygons (median of three transects) instead of taken from a field or the road class."))
        self.add_layer(self.BUILDINGS, self.tr("Buildings (polygons; the free width between them caps the typical width of a road class)"),
                       "buildings", help_text=self.tr("Where houses stand closer than the typical width of a road class, the free width between them is used instead; a width field is never changed."))
        self.add_number(self.MAX_LENGTH, self.tr("Maximum section length (m; 0 = keep the input features)"),
                        streets.MAX_SEGMENT_M, low=0.0, high=10000.0,
                        help_text=self.tr("Lines are merged where exactly two meet with equal attributes and cut into equal sections no longer than this."))
        self.add_layer(self.TREES, self.tr("Street trees (points, e.g. a Baumkataster)"), "trees", POINT_OR_POLYGON,
                       help_text=self.tr("Each tree counts once, for the nearest section whose street space (half the width plus 1 m) holds it. Without this layer the tree gap is left out."))
        self.add_field(self.TREE_COUNT_FIELD, self.tr("Number of trees per point (empty = find by name, else 1)"),
                       self.TREES, numeric=True, candidates=TREE_COUNT_CANDIDATES)
        self.addParameter(QgsProcessingParameterEnum(
            self.CROWN, self.tr("Crown size for the orientation value (assumption, still to be agreed under HZ 03)"),
            options=[self.tr("large (7.5 trees per 100 m and side)"), self.tr("medium (10 trees per 100 m and side)"),
                     self.tr("small (14 trees per 100 m and side)")], defaultValue=1))
        self.add_heat_parameters()
        self.add_rain_parameters(self.tr("Ring beyond the street space for the flood depth (m; 0 = the street space)"),
                                 ring_m=0.0)
        self.add_layer(self.SEWER, self.tr("Areas drained by the Mischsystem (polygons)"), "sewer")
        self.add_park_parameters(self.tr("Distance at which a street counts as without green space (m)"))
        self.add_layer(self.SOILS, self.tr("Soils with kf (polygons; kf in m/s or a permeability class)"), "soils")
        self.add_field(self.KF_FIELD, self.tr("kf field (empty = find by name)"), self.SOILS, candidates=KF_CANDIDATES)
        self.add_layer(self.GROUNDWATER, self.tr("Depth to groundwater (polygons, m)"), "groundwater")
        self.add_field(self.GW_FIELD, self.tr("Depth to groundwater field, m (empty = find by name)"), self.GROUNDWATER,
                       candidates=GW_CANDIDATES)
        self.add_layer(self.ALTLASTEN, self.tr("Altlasten and suspected sites (polygons)"), "altlasten")
        self.add_number(self.PARKING_SHARE, self.tr("Share of parking lanes to reallocate (%, HZ 25)"),
                        100 * streets.PARKING_SHARE, low=0.0, high=100.0,
                        help_text=self.tr("This share of the typical parking lanes of a road class (2.0 m each) counts as unsealable; 0 = no reallocation (the default)."))
        self.add_precip_parameter(streets.PRECIP_MM)

    def init_advanced_parameters(self) -> None:
        for name, label, default, high in (
            (self.MIN_LENGTH, self.tr("Shortest section to score (m)"), streets.MIN_SEGMENT_M, None),
            (self.MIN_WIDTH, self.tr("Narrowest street space for tree sites (m)"), streets.MIN_WIDTH_M, None),
            (self.TREE_STRIP, self.tr("Width of a tree strip (m)"), streets.TREE_STRIP_M, None),
            (self.TREES_PER_100M, self.tr("Orientation value, trees per 100 m and side (0 = by crown size)"), 0.0, 100.0),
        ):
            self.add_number(name, label, default, high=high, advanced=True)
        self.add_advanced(QgsProcessingParameterBoolean(
            self.RAIN_NODATA_DRY, self.tr("Rain raster: nodata means dry (0 m)"), defaultValue=False))
        self.add_advanced(QgsProcessingParameterFile(
            self.ROAD_CLASSES, self.tr("Road-class table (CSV like resources/road_classes.csv; empty = shipped)"),
            extension="csv", optional=True))

    def init_outputs(self) -> None:
        self.addOutput(QgsProcessingOutputNumber("UNSEAL_M2", self.tr("Unsealable area of the scored sections (m²)")))
        self.addOutput(QgsProcessingOutputNumber("RUNOFF_RED_M3A", self.tr("Runoff reduction of the scored sections (m³/a)")))
        self.addOutput(QgsProcessingOutputNumber("TREE_GAP", self.tr("Trees missing in the scored sections")))

    def settings(self, parameters, context) -> StreetSettings:
        num = self.number
        max_len = num(parameters, self.MAX_LENGTH, context, low=0.0, high=10000.0)
        if 0 < max_len < 1.0:
            raise QgsProcessingException(self.tr("MAX_LENGTH must be 0 (keep the input features) or at least 1 m (it is {value})."
                                                 ).format(value=f"{max_len:g}"))
        crown = CROWNS[self.parameterAsEnum(parameters, self.CROWN, context)]
        per_side = num(parameters, self.TREES_PER_100M, context, low=0.0, high=100.0) or streets.TREES_PER_100M[crown]
        params = streets.StreetParams(
            min_len_m=num(parameters, self.MIN_LENGTH, context, low=0.0),
            min_width_m=num(parameters, self.MIN_WIDTH, context, low=0.0),
            tree_strip_m=num(parameters, self.TREE_STRIP, context, low=0.0),
            per_side_100m=per_side,
            parking_share=num(parameters, self.PARKING_SHARE, context, low=0.0, high=100.0) / 100.0,
            precip_mm=num(parameters, self.PRECIP, context, low=0.0, strict=True),
            rain_depth=num(parameters, self.RAIN_DEPTH, context, low=0.0, strict=True),
            park_min_ha=num(parameters, self.PARK_MIN_HA, context, low=0.0),
            park_distance=num(parameters, self.PARK_DISTANCE, context, low=0.0, strict=True),
        )
        path = (self.parameterAsFile(parameters, self.ROAD_CLASSES, context) or "").strip()
        table = None
        if path:
            try:
                table = streets.read_road_classes(Path(path))
            except (OSError, ValueError, KeyError) as err:
                raise QgsProcessingException(self.tr("The road-class table {path} cannot be used: {err}. Start from a copy of resources/road_classes.csv.").format(
                    path=path, err=err)) from None
        return StreetSettings(params=params, max_len_m=max_len,
                              rain_ring_m=num(parameters, self.RAIN_BUFFER, context, low=0.0),
                              rain_nodata_dry=self.parameterAsBoolean(parameters, self.RAIN_NODATA_DRY, context),
                              heat_higher=self.parameterAsEnum(parameters, self.HEAT_ORDER, context) == 0,
                              road_table=table)

    # ------------------------------------------------------------------------------------------
    # The street hooks
    # ------------------------------------------------------------------------------------------
    def field_params(self):
        return INPUT_FIELDS

    def fields_found(self, fields, feedback) -> None:
        none = self.tr("none")
        feedback.pushInfo(self.tr("Fields used: road class = {cls}, width = {width}, surface = {surface}, bridge = {bridge}, tunnel = {tunnel}, access = {access}.").format(
            cls=fields["road_class"] or none, width=fields["width"] or self.tr("by road class"),
            surface=fields["surface"] or self.tr("asphalt assumed"), bridge=fields["bridge"] or none,
            tunnel=fields["tunnel"] or none, access=fields["access"] or none))
        if not fields["road_class"]:
            feedback.pushWarning(self.tr("The input has no road class field: every section is treated as a residential street (flag class_unknown). Choose CLASS_FIELD if the layer has one under another name."))

    def read_main(self, parameters, context, progress: Progress, feedback) -> MainInput:
        source: QgsFeatureSource | None = self.parameterAsSource(parameters, self.INPUT, context)
        if source is not None and QgsWkbTypes.geometryType(source.wkbType()) in (
                Qgis.GeometryType.Polygon, Qgis.GeometryType.Point):
            raise QgsProcessingException(self.tr("The input layer {name} holds polygons or points, not street lines. Choose the street centre lines (OSM roads, ALKIS/ATKIS Straßenachsen); street-space polygons are not an input of this algorithm.").format(
                name=inputs.layer_name(self, parameters, self.INPUT, context, source)))
        main = super().read_main(parameters, context, progress, feedback)
        if not main.usable.any():
            raise QgsProcessingException(self.tr("The input layer {name} has no usable line: {n} features are not lines or have no length. Choose the street centre lines.").format(
                name=main.name, n=len(main)))
        return main

    def gather(self, parameters, context, main: MainInput, settings: StreetSettings, progress: Progress,
               feedback) -> StreetGathered:
        f = main.fields
        cls = inputs.texts_of(main, f["road_class"])
        width = inputs.numbers_of(main, f["width"], INPUT_FIELDS["width"][0], feedback)
        surface = inputs.texts_of(main, f["surface"])
        bridge = inputs.flags_of(main, f["bridge"])
        tunnel = inputs.flags_of(main, f["tunnel"])
        private = _private(main, f["access"])
        name = inputs.texts_of(main, detect_field(main.arrays.fields.names(), NAME_CANDIDATES))
        key = _merge_key([cls, width, surface, bridge, tunnel, private, name], len(main))

        # on a worker thread, so that progress and cancel stay answered while the lines are cut
        seg = inputs.Pending(streets.segment_lines, main.geoms, settings.max_len_m, key).result(
            progress.sub(0.0, 0.1), creep=True)
        progress(0.1)
        # input features without a usable line keep one row (class X, flag geom_empty)
        src = np.concatenate([seg.source, seg.zero_length])
        geoms = np.concatenate([seg.geoms, np.full(seg.zero_length.size, None, dtype=object)])
        length = np.concatenate([seg.length_m, np.zeros(seg.zero_length.size)])
        order = np.lexsort((np.arange(src.size), src))  # keep the input's order
        src, geoms, length = src[order], geoms[order], length[order]
        if settings.max_len_m > 0:
            feedback.pushInfo(self.tr("{n} input features give {m} sections of at most {max} m.").format(
                n=len(main), m=int((length > 0).sum()), max=f"{settings.max_len_m:g}"))

        def pick(values):
            return None if values is None else values[src]

        road = streets.road_attributes(pick(cls), src.size, settings.road_table)
        space = self._widths_on(parameters, self.STREET_SPACE, streets.widths_from_space, context, main, geoms,
                                progress.sub(0.1, 0.13), feedback)
        free = self._widths_on(parameters, self.BUILDINGS, streets.free_width, context, main, geoms,
                               progress.sub(0.13, 0.15), feedback)
        self._report_widths(geoms, space, free, feedback)
        width_m, _ = streets.widths(pick(width), road.width_m, measured=space, free=free)
        # rasters are averaged over each section's street space: the line buffered by half its width
        sections = inputs.derived_input(main, geoms, src, np.maximum(width_m / 2.0, 1.0))
        # the sections' street space, buffered on a worker thread (progress and cancel answered)
        inputs.Pending(lambda: sections.zones).result(progress.sub(0.13, 0.15), creep=True)
        inp = streets.StreetInputs(
            length_m=length, segments=geoms, road_class=pick(cls), width_m=pick(width), space_width_m=space,
            free_width_m=free,
            surface=pick(surface),
            tunnel=pick(tunnel), bridge=pick(bridge), private=pick(private), tiebreak=np.arange(src.size), road=road)
        progress.check()

        trees = self._trees(parameters, context, sections, progress.sub(0.15, 0.25), feedback)
        if trees is not None:
            inp.trees, inp.tree_count = trees
        p = settings.params
        # park distances on the second core while the rasters are sampled here
        parks = inputs.nearest_distance_input(self, parameters, self.PARKS, context, sections, p.park_min_ha * 10000.0,
                                              p.park_distance, progress.sub(0.25, 0.27), feedback)
        try:
            # rasters are read in strips of rows: sections in north-south order read each strip once
            by_row, back = _north_to_south(sections)
            heat = inputs.heat_input(self, parameters, context, by_row, settings.heat_higher, progress.sub(0.27, 0.55),
                                     feedback)
            inp.c_heat = None if heat is None else heat[back]
            rain = inputs.ring_mean_input(self, parameters, self.RAIN, context, by_row, settings.rain_ring_m,
                                          progress.sub(0.55, 0.78), feedback, settings.rain_nodata_dry, cell_m=RAIN_CELL_M)
            inp.rain_depth_m = None if rain is None else rain[back]
            if parks is not None:
                inp.park_distance_m = parks.result(progress.sub(0.78, 0.8), creep=True)
        finally:
            if parks is not None:
                parks.close()  # a cancel does not wait for the other core
        inp.sewer = inputs.polygon_flag_input(self, parameters, self.SEWER, context, sections, progress.sub(0.8, 0.85), feedback)
        inp.altlast = inputs.polygon_flag_input(self, parameters, self.ALTLASTEN, context, sections,
                                                progress.sub(0.85, 0.9), feedback)
        kf = inputs.polygon_field_at_points(self, parameters, self.SOILS, self.KF_FIELD, context, sections,
                                            KF_CANDIDATES, progress.sub(0.9, 0.95), feedback)
        inp.kf = None if kf is None else streets.kf_values(kf)
        gw = inputs.polygon_field_at_points(self, parameters, self.GROUNDWATER, self.GW_FIELD, context, sections,
                                            GW_CANDIDATES, progress.sub(0.95, 1.0), feedback)
        inp.gw_depth_m = None if gw is None else numeric_array(gw.tolist())
        return StreetGathered(inputs=inp, source=src)

    def _widths_on(self, parameters, param: str, measure, context, main: MainInput, geoms: np.ndarray,
                   progress: Progress, feedback) -> np.ndarray | None:
        """``measure(geoms, polygons)`` on the usable polygons of ``param``; None without the layer."""
        lay = inputs.overlay(self, parameters, param, context, main, progress.sub(0.0, 0.5), feedback)
        if lay is None:
            return None
        out = measure(geoms, lay.geoms[lay.usable])
        progress(1.0)
        return out

    def _report_widths(self, geoms: np.ndarray, space: np.ndarray | None, free: np.ndarray | None, feedback) -> None:
        has = ~shapely.is_missing(geoms)
        if space is not None:
            feedback.pushInfo(self.tr("Street space: the width of {n} of {m} sections measured on the polygons.").format(
                n=int(np.isfinite(space).sum()), m=int(has.sum())))
            missing = int((has & ~np.isfinite(space)).sum())
            if missing:
                feedback.pushWarning(self.tr("{n} sections do not lie in a street-space polygon: their width comes from the width field or the road class.").format(
                    n=missing))
        if free is not None:
            feedback.pushInfo(self.tr("Buildings: the free width between them measured at {n} sections (median {m} m).").format(
                n=int(np.isfinite(free).sum()), m=f"{np.nanmedian(free):.1f}" if np.isfinite(free).any() else "–"))

    def _trees(self, parameters, context, sections: MainInput, progress: Progress, feedback):
        source = self.parameterAsSource(parameters, self.TREES, context)
        if source is None:
            return None
        field = inputs.chosen_field(self, parameters, self.TREE_COUNT_FIELD, context, source, TREE_COUNT_CANDIDATES)
        name = inputs.layer_name(self, parameters, self.TREES, context, source)
        lay = read_overlay(source, context, sections.crs, progress, fields=[field] if field else [], polygonal=False,
                           name=name, feedback=feedback, fast_layer=plain_ogr_layer(self, parameters, self.TREES, context))
        points = geo.points_on_surface(lay.geoms)
        count = None
        if field:
            values = lay.columns.get(field)
            count = None if values is None else np.asarray(values, dtype=float)
            feedback.pushInfo(self.tr("Trees: {n} points, {trees} trees by the count field {field}.").format(
                n=len(lay), trees=f"{np.nansum(np.maximum(count, 0)) if count is not None else len(lay):.0f}", field=field))
            if count is not None and (count < 0).any():
                feedback.pushWarning(self.tr("{n} tree points have a negative count in {field}; they count as 0.").format(
                    n=int((count < 0).sum()), field=field))
        return points, count

    def score(self, main: MainInput, gathered: StreetGathered, settings: StreetSettings, weights) -> streets.StreetScored:
        p = settings.params
        p.weights = dict(weights)
        scored = streets.street_scoring(gathered.inputs, p)
        scored.geoms = gathered.inputs.segments
        scored.source_index = gathered.source
        return scored

    def report(self, main: MainInput, scored: streets.StreetScored, core: ScoreCore, settings: StreetSettings,
               feedback) -> None:
        unknown = list(scored.road.unknown_values[:10])
        cls = scored.inputs.road_class
        if cls is not None and (np.equal(cls, None) & core.masks["class_unknown"]).any():
            unknown.append("NULL")
        n_unknown = int(core.masks["class_unknown"].sum())
        if n_unknown and cls is not None:
            feedback.pushWarning(self.tr("{n} sections have no or an unknown road class ({values}): the typical values of a residential street are used (flag class_unknown). Add the classes to a copy of resources/road_classes.csv and give it as ROAD_CLASSES.").format(
                n=n_unknown, values=", ".join(unknown)))
        if scored.inputs.trees is not None:
            owned = scored.tree_owner
            if owned is None or not (owned >= 0).any():
                feedback.pushWarning(self.tr("No tree of the tree layer stands in the street space of any section (do the layers cover the same area?): every section counts as without trees."))
            else:
                outside = int((owned < 0).sum())
                feedback.pushInfo(self.tr("{n} tree points lie outside every street space and are not counted.").format(n=outside))
        self.report_counts(core, (
            ("width_from_class", self.tr("{n} sections have no usable width: the typical width of their road class is used (flag width_from_class).")),
            ("surface_assumed", self.tr("{n} sections have no known surface: asphalt is assumed (flag surface_assumed).")),
            ("heat_nodata", self.tr("{n} sections have no value for the thermal load (flag heat_nodata); their weights are renormalised.")),
            ("rain_nodata", self.tr("{n} sections have no heavy-rain value (flag rain_nodata); their weights are renormalised.")),
        ), feedback)

    def more_outputs(self, parameters, context, main: MainInput, gathered: StreetGathered, settings: StreetSettings,
                     scored: streets.StreetScored, core: ScoreCore, progress: Progress, feedback) -> dict:
        ok = ~core.excluded
        unseal = float(np.nansum(scored.unseal_m2[ok]))
        runoff = float(np.nansum(scored.runoff_red_m3a[ok]))
        gap = float(np.nansum(scored.tree_gap[ok])) if np.isfinite(scored.tree_gap).any() else 0.0
        feedback.pushInfo(self.tr("Scored sections: {unseal:.0f} m² unsealable, {runoff:.0f} m³/a less runoff, {gap:.0f} trees missing.").format(
            unseal=unseal, runoff=runoff, gap=gap))
        return {"UNSEAL_M2": unseal, "RUNOFF_RED_M3A": runoff, "TREE_GAP": gap}


def _private(main: MainInput, name: str | None) -> np.ndarray | None:
    """Private ways from an OSM access field (private, no) or a yes/no private field."""
    if not name:
        return None
    values = text_column(main.arrays, name)
    if name.lower() in ("access", "zugang"):
        return streets.private_access(values)
    return inputs.flags_of(main, name)


def _merge_key(columns, n: int) -> np.ndarray:
    """One integer per feature: equal where every given attribute agrees (lines may merge).
    Values compare by their text (NULL apart from every text), as the features' fields show them."""
    key = np.zeros(n, np.int64)
    for col in columns:
        if col is None:
            continue
        seen: dict = {}
        codes = np.fromiter((seen.setdefault(None if v is None else str(v), len(seen)) for v in np.asarray(col).tolist()),
                            dtype=np.int64, count=n)
        _, key = np.unique(key * max(len(seen), 1) + codes, return_inverse=True)
        key = key.reshape(-1)
    return key


def _north_to_south(sections: MainInput) -> tuple[MainInput, np.ndarray]:
    """The sections ordered by the northern edge of their street space, and the index that
    restores the original order (``values_sorted[back]``)."""
    top = np.full(len(sections), -np.inf)
    ok = ~shapely.is_missing(sections.zones)
    top[ok] = shapely.bounds(sections.zones[ok])[:, 3]
    order = np.argsort(-top, kind="stable")
    back = np.empty_like(order)
    back[order] = np.arange(order.size)
    a = sections.arrays
    arrays = FeatureArrays(fids=a.fids[order], geoms=a.geoms[order], fields=a.fields, rows=None, columns={}, crs=a.crs)
    view = MainInput(arrays=arrays, name=sections.name, kind="line", known_points=None if sections.known_points is None else sections.known_points[order],
                     known_zones=sections.zones[order])
    return view, back


__all__ = ["StreetsAlgorithm"]
