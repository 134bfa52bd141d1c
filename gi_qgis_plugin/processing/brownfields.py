"""gi:brownfields – recycling, protection or compensation pool for every brownfield (HZ 08).

The brownfield parameters and the gather hook; the run itself (read once → gather → score →
shared finish → write once → style) is ``scoring_base.ScoringAlgorithm``. The domain rules, the
legal filters and their sources live in ``scoring/brownfields.py``; the biotope values in
``scoring/biotope.py`` and ``resources/biotope_types.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import (
    Qgis,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..i18n import translate_marked
from ..scoring import biotope, geo
from ..scoring import brownfields as bf
from ..scoring.common import ScoreCore
from ..scoring.progress import Progress
from ..scoring.values import as_text, fold, fold_array
from . import inputs
from .help import input_section, num, outputs_section
from .inputs import MainInput
from .scoring_base import DOUBLE, ScoringAlgorithm

POINT_OR_POLYGON = [Qgis.ProcessingSourceType.VectorPoint, Qgis.ProcessingSourceType.VectorPolygon]

# Klimatope that produce cold air at night (Freiland- and Waldklima; the Klimatop of green spaces in
# the city, "Parkklima" in older legends): the usual reading of the RVR/LANUV Klimaanalyse maps [U];
# a parameter.
COLD_AIR_KLIMATOPE = "Freilandklima,Waldklima,Klima innerstädtischer Grünflächen,Parkklima"
# Regionalplan settlement areas when the layer has a field: ASB and GIB (Allgemeine Siedlungs-
# bereiche, Bereiche für gewerbliche und industrielle Nutzungen) [V Regionalplan Ruhr legend].
SETTLEMENT_VALUES = "ASB,GIB"
VERBUND_FIELD_CANDIDATES = ("stufe", "stage")
KLIMATOP_FIELD_CANDIDATES = ("klimatop",)


@dataclass
class BrownfieldSettings:
    params: bf.BrownfieldParams
    link_distance: float
    min_share: float
    table_path: str
    park_min_m2: float


class BrownfieldsAlgorithm(ScoringAlgorithm):
    """gi:brownfields: brownfield parameters and the brownfield gather hook."""

    SPEC = bf.SPEC
    ALG_ID = "brownfields"
    GROUP_ID = "brownfields"
    INPUT_ROLE = "brownfields"

    BIOTOPE_TYPE_FIELD = "BIOTOPE_TYPE_FIELD"
    BIOTOPE_VALUE_FIELD = "BIOTOPE_VALUE_FIELD"
    TARGET_VALUE_FIELD = "TARGET_VALUE_FIELD"
    SEALED_FIELD = "SEALED_FIELD"
    ALTLAST_FIELD = "ALTLAST_FIELD"
    OWNER_FIELD = "OWNER_FIELD"
    PRIOR_USE_FIELD = "PRIOR_USE_FIELD"
    PROCEDURE_FIELD = "PROCEDURE_FIELD"
    SPECIES_FIELD = "SPECIES_FIELD"
    BIOTOPE_TABLE = "BIOTOPE_TABLE"
    SETTLEMENT = "SETTLEMENT"
    SETTLEMENT_FIELD = "SETTLEMENT_FIELD"
    SETTLEMENT_VALUES = "SETTLEMENT_VALUES"
    BIOTOPVERBUND = "BIOTOPVERBUND"
    BIOTOPVERBUND_FIELD = "BIOTOPVERBUND_FIELD"
    PROTECTED = "PROTECTED"
    GRUENZUEGE = "GRUENZUEGE"
    FOREST = "FOREST"
    KLIMATOPE = "KLIMATOPE"
    KLIMATOPE_FIELD = "KLIMATOPE_FIELD"
    KLIMATOPE_VALUES = "KLIMATOPE_VALUES"
    TRANSIT = "TRANSIT"
    COMPENSATION = "COMPENSATION"
    TARGET_VALUE = "TARGET_VALUE"
    MIN_AREA = "MIN_AREA"
    GROUP_DISTANCE = "GROUP_DISTANCE"
    LINK_DISTANCE = "LINK_DISTANCE"
    MIN_SHARE = "MIN_SHARE"
    BW_LOW = "BW_LOW"
    BW_HIGH = "BW_HIGH"
    MIN_GAIN = "MIN_GAIN"
    GAIN_FULL = "GAIN_FULL"
    TRANSIT_NEAR = "TRANSIT_NEAR"
    TRANSIT_FAR = "TRANSIT_FAR"
    RECYCLING_SIZE = "RECYCLING_SIZE"
    POOL_SIZE = "POOL_SIZE"
    QUALIFY = "QUALIFY"
    MARGIN = "MARGIN"
    NATURE_AREA = "NATURE_AREA"

    # ------------------------------------------------------------------------------------------
    # Texts
    # ------------------------------------------------------------------------------------------
    def displayName(self) -> str:
        return self.tr("Brownfields: recycling, protection or compensation pool (HZ 08)")

    def tags(self) -> list[str]:
        return self.tr("brownfield,Brache,Flächenrecycling,Ökopunkte,Ökokonto,compensation pool,Eingriffsregelung,HZ 08").split(",")

    def shortHelpString(self) -> str:  # noqa: N802
        """Sections (each its own translation unit) with the defaults formatted in from the code."""
        n, ps = num, bf.PROTECTION_STRENGTH
        pct = lambda share: num(100 * share)  # noqa: E731
        intro = self.tr(
            "<p>Sorts every brownfield into one of four categories (Handlungsziel 08 \"Brachflächenpotenziale "
            "ausschöpfen und Flächenpools entwickeln\"): <b>recycling</b> (ecologically poor, integrated: develop it "
            "and compensate nearby), <b>schutz</b> (valuable: keep it as green infrastructure, Industrienatur, HZ 11), "
            "<b>kompensationspool</b> (a large uplift is possible outside the settlement areas: a site for a "
            "compensation pool or an Ökokonto) or <b>pruefen</b> (conflicting signals, named in the reason, or too "
            "little known). Works with a Brachflächenkataster, ruhrFIS or ALKIS polygons and with OpenStreetMap "
            "landuse=brownfield polygons without any attribute: the triage runs on the layers there are and says "
            "what is missing.</p>")
        law = self.tr(
            "<p><b>The law first</b> (flags and reasons, never silent): § 1a (3) BauGB — no compensation for "
            "interventions made or permitted before the planning decision (field of the earlier lawful use; flag "
            "baugb_1a3); § 13a (2) No. 4 BauGB — in an Innenentwicklung plan under {m13a} m² ground area "
            "interventions count as permitted, so no compensation is due (procedure field; baugb_13a, and "
            "baugb_13a_check from {m13a} m² of site area, where the ground area decides); forest law — succession "
            "woodland can be Wald: a conversion permit and replacement planting (flag wald, HZ 22); species "
            "protection — wherever the site changes an Artenschutzprüfung is needed (flag asp; typical brownfield "
            "species are Kreuzkröte and Blauflügelige Ödlandschrecke), known species (flag species); protected areas "
            "and biotopes (§ 30 BNatSchG, § 42 LNatSchG NRW) and Biotopverbund Stufe I make a site schutz whatever "
            "its scores. Altlasten (kein Verdacht, altlastverdächtig, Altlast, saniert) lower recycling and pool by "
            "the factor {suspected} (suspected) or {altlast} (Altlast).</p>").format(
            m13a=n(bf.BAUGB_13A_M2), suspected=n(bf.ALTLAST_FACTOR["suspected"]),
            altlast=n(bf.ALTLAST_FACTOR["contaminated"]))
        values = self.tr(
            "<p><b>Biotope values</b> on the 0–10 scale of the NRW method (LANUV/LANUK \"Numerische Bewertung von "
            "Biotoptypen für die Eingriffsregelung in NRW\"): from the value field, else from the biotope type "
            "through the shipped table (resources/biotope_types.csv, each value with its source; types marked [U] "
            "are the plugin's assumptions, check them against Tab. 1 of the current LANUK edition) or your own table "
            "(columns code, value_a, source; optional value_p, name_de, name_en, forest, aliases), else estimated "
            "from the sealed share (sealed 0, the rest as ruderal vegetation). Values outside 0–10 are ignored and "
            "flagged; unknown types are named and counted. The planned value after 30 years (bw_target, default "
            "{target}: the Grundwert P of hedges, species-rich grassland and young woodland) is a parameter or a "
            "field.</p>").format(target=n(bf.TARGET_VALUE))
        subscores = self.tr(
            "<p><b>Sub-scores</b> (0–1; the weights inside them are the plugin's assumptions):</p><ul>"
            "<li><b>c_recycling</b>: weighted mean of low biotope value (1 up to {low} points, 0 from {high}), "
            "location in a settlement area (ASB/GIB), a stop within {near} m (0 beyond {far} m), size (full at "
            "{rsize} m², the usual size for Flächenpool NRW) and public ownership, times the Altlasten factor.</li>"
            "<li><b>c_protection</b> = 1 − Π(1 − signal): protected area or biotope {p_prot}, Biotopverbund Stufe I "
            "{p_v1} / Stufe II {p_v2}, biotope value {p_val} (from {high} points), known species {p_spec}, woodland "
            "{p_forest}, Regionaler Grünzug {p_gz}, cold air {p_cold}: one strong signal is enough, a missing layer "
            "neither helps nor hurts.</li>"
            "<li><b>c_pool</b>: weighted mean of the uplift to the planned value (full at {gain} points per m²), "
            "location outside the settlement areas (Regionalplan Ruhr principle 1.1-5: compensation outside the "
            "Siedlungsbereiche), Grünzug or links between Biotopverbund areas (within {link} m), size (full at "
            "{psize} m²), compensation sites within the group distance and public ownership, times the Altlasten "
            "factor.</li></ul>"
            "<p>A brownfield lies in a layer's area when at least {share} % of it does (the settlement area: where "
            "a point inside it lies).</p>").format(
            low=n(bf.BW_LOW), high=n(bf.BW_HIGH), near=n(bf.TRANSIT_NEAR_M), far=n(bf.TRANSIT_FAR_M),
            rsize=n(bf.RECYCLING_SIZE_FULL_M2), p_prot=n(ps["protected"]), p_v1=n(ps["verbund_1"]),
            p_v2=n(ps["verbund_2"]), p_val=n(ps["value"]), p_spec=n(ps["species"]), p_forest=n(ps["forest"]),
            p_gz=n(ps["gruenzug"]), p_cold=n(ps["climate"]), gain=n(bf.GAIN_FULL), link=n(bf.LINK_DISTANCE_M),
            psize=n(bf.POOL_SIZE_FULL_M2), share=pct(bf.MIN_SHARE))
        triage = self.tr(
            "<p><b>Triage</b>: a category qualifies at a sub-score of {qualify} (recycling not from a value of "
            "{high}; pool only with an uplift of {gain} points or more and outside the settlement areas); of "
            "several, the one with the higher weighted sub-score wins by {margin}, else pruefen names both. gi_score "
            "is the strength of the brownfield's own category (× 100), so A means a clear, strong case; its c_* "
            "field is the one filled, and gi_reason lists all three sub-scores. The weights W_RECYCLING, "
            "W_PROTECTION and W_POOL (default {w}) tilt close calls.</p>").format(
            qualify=n(bf.QUALIFY), high=n(bf.BW_HIGH), gain=n(bf.MIN_GAIN), margin=n(bf.MARGIN),
            w=n(bf.WEIGHTS["recycling"]))
        points = self.tr(
            "<p><b>Ökopunkte</b> of pool candidates: oekopunkte = area × (bw_target − bw_now), bw_gain per m². Pool "
            "candidates within the group distance ({group} m) of each other form pool groups (lead projects, "
            "numbered by their total): pool_group and pool_total.</p>").format(group=n(bf.GROUP_DISTANCE_M))
        pools = self.tr(
            "<p><b>Flächenpool NRW is not a compensation pool.</b> Flächenpool NRW is a programme of the Land "
            "(NRW.URBAN with the BahnflächenEntwicklungsGesellschaft) that brings brownfields, usually over {size} "
            "m², back into use: recycling. Compensation land pools and Ökokonten belong to the Eingriffsregelung "
            "(§ 16 BNatSchG, § 32 LNatSchG NRW, Ökokonto-Verordnung, § 135a BauGB): sites are upgraded in advance "
            "and credited in Ökopunkte, which later interventions use. An Ökokonto measure must be approved before "
            "it starts and must not be publicly funded twice.</p>").format(size=n(bf.RECYCLING_SIZE_FULL_M2))
        goals = self.tr(
            "<p><b>Handlungsziele</b> in gi_hz: 08 always; 11 (Industrienatur) for schutz or a value of {high} or "
            "more; 12 (Naturerfahrungsräume) for schutz and pool sites of {ha} ha or more in the settlement area "
            "without a park within {park} m and without Altlasten; 13 in a Regionaler Grünzug; 15 in the "
            "Biotopverbund or linking it; 20 (soils) for pool sites sealed {sealed} % or more (unsealing) and "
            "recycled Altlasten; 22 for woodland.</p>").format(
            high=n(bf.BW_HIGH), ha=n(bf.NATURE_AREA_M2 / 10000.0), park=n(bf.PARK_DISTANCE_M),
            sealed=pct(bf.SEALED_HZ20))
        fields = self.tr(
            "c_recycling, c_protection, c_pool (the one of the own category), gi_category, area_m2, bw_now, "
            "bw_target, bw_gain, oekopunkte, pool_group, pool_total; the layer is styled by category "
            "(colour-blind safe) when it loads, with gi_class and gi_score as further styles")
        found = self.tr(
            "<p>Fields left empty are found by name: biotope type (biotope_type, biotoptyp, biotope), value "
            "(biotope_value, biotopwert), sealed share (sealed_share, versiegelung, sealing), Altlasten (altlast, "
            "contam), owner (owner, eigentum), earlier lawful use (prior_use, vornutzung), procedure (procedure, "
            "verfahren), species (species, arten). Overlapping brownfields are each scored, with a warning and the "
            "flag overlap.</p>")
        return "".join([intro, law, values, subscores, triage, points, pools, goals, outputs_section(fields), found,
                        input_section()])

    def input_label(self) -> str:
        return self.tr("Brownfields (polygons)")

    def output_label(self) -> str:
        return self.tr("Brownfields triaged")

    # ------------------------------------------------------------------------------------------
    # Parameters
    # ------------------------------------------------------------------------------------------
    def init_parameters(self, config=None) -> None:
        c = bf.FIELD_CANDIDATES
        for name, kind, label in (
            (self.BIOTOPE_TYPE_FIELD, "biotope_type", self.tr("Biotope type field (code or name; empty = find by name)")),
            (self.BIOTOPE_VALUE_FIELD, "biotope_value", self.tr("Biotope value field, 0–10 (empty = find by name)")),
            (self.SEALED_FIELD, "sealed", self.tr("Sealed share field, 0–1 or % (empty = find by name)")),
            (self.ALTLAST_FIELD, "altlast", self.tr("Altlasten status field (kein Verdacht, altlastverdächtig, Altlast, saniert)")),
            (self.OWNER_FIELD, "owner", self.tr("Owner field (public: Stadt, Land, RVR …)")),
            (self.PRIOR_USE_FIELD, "prior_use", self.tr("Earlier lawful use field (yes/no, § 1a (3) BauGB)")),
            (self.PROCEDURE_FIELD, "procedure", self.tr("Procedure field (§ 13a BauGB or not)")),
            (self.SPECIES_FIELD, "species", self.tr("Protected species known field (yes/no)")),
            (self.TARGET_VALUE_FIELD, "target_value", self.tr("Planned biotope value field, 0–10 (empty = the parameter)")),
        ):
            self.add_field(name, label, self.INPUT, candidates=c[kind])
        self.addParameter(QgsProcessingParameterFile(
            self.BIOTOPE_TABLE, self.tr("Own biotope value table (CSV; empty = the shipped NRW table)"),
            extension="csv", optional=True))
        self.add_layer(self.SETTLEMENT, self.tr("Regionalplan settlement areas ASB/GIB (polygons)"), "settlement")
        self.add_field(self.SETTLEMENT_FIELD, self.tr("Settlement area field (empty = every polygon)"), self.SETTLEMENT)
        self.addParameter(QgsProcessingParameterString(
            self.SETTLEMENT_VALUES, self.tr("Settlement area values (comma-separated)"), defaultValue=SETTLEMENT_VALUES,
            optional=True))
        self.add_layer(self.BIOTOPVERBUND, self.tr("Biotopverbund (polygons)"), "biotopverbund")
        self.add_field(self.BIOTOPVERBUND_FIELD, self.tr("Biotopverbund stage field (I/II; empty = stufe or Stufe II)"),
                       self.BIOTOPVERBUND, candidates=VERBUND_FIELD_CANDIDATES)
        self.add_layer(self.PROTECTED, self.tr("Protected areas and protected biotopes (polygons)"), "protected")
        self.add_layer(self.GRUENZUEGE, self.tr("Regionale Grünzüge (polygons)"), "gruenzuege")
        self.add_layer(self.FOREST, self.tr("Forest (polygons)"), "forest")
        self.add_layer(self.KLIMATOPE, self.tr("Klimaanalyse: cold-air areas or Klimatope (polygons)"), "klimatope")
        self.add_field(self.KLIMATOPE_FIELD, self.tr("Klimatop field (empty = klimatop, else every polygon is a cold-air area)"),
                       self.KLIMATOPE, candidates=KLIMATOP_FIELD_CANDIDATES)
        self.addParameter(QgsProcessingParameterString(
            self.KLIMATOPE_VALUES, self.tr("Klimatope that produce cold air (comma-separated)"),
            defaultValue=COLD_AIR_KLIMATOPE, optional=True))
        self.add_layer(self.TRANSIT, self.tr("Public transport stops (points)"), "transit", kinds=POINT_OR_POLYGON)
        self.add_layer(self.COMPENSATION, self.tr("Existing compensation sites (polygons)"), "compensation")
        self.add_park_parameters(self.tr("Distance at which a brownfield counts as without a park (m)"))
        self.add_number(self.TARGET_VALUE, self.tr("Planned biotope value after 30 years (0–10)"), bf.TARGET_VALUE,
                        low=0.0, high=10.0)
        self.add_number(self.MIN_AREA, self.tr("Smallest brownfield (m²; smaller ones are slivers)"), bf.MIN_AREA_M2)
        self.add_number(self.GROUP_DISTANCE, self.tr("Distance within which pool sites form a group (m)"),
                        bf.GROUP_DISTANCE_M)

    def init_advanced_parameters(self) -> None:
        for name, label, default, low, high in (
            (self.LINK_DISTANCE, self.tr("Distance at which a brownfield borders a Biotopverbund area (m)"),
             bf.LINK_DISTANCE_M, 0.0, None),
            (self.MIN_SHARE, self.tr("Share of a brownfield that must lie in a layer's area (0–1)"), bf.MIN_SHARE, 0.0, 1.0),
            (self.BW_LOW, self.tr("Low biotope value (full recycling score up to it)"), bf.BW_LOW, 0.0, 10.0),
            (self.BW_HIGH, self.tr("High biotope value (no recycling from it)"), bf.BW_HIGH, 0.0, 10.0),
            (self.MIN_GAIN, self.tr("Smallest uplift for a pool site (points per m²)"), bf.MIN_GAIN, 0.0, 10.0),
            (self.GAIN_FULL, self.tr("Uplift for the full pool score (points per m²)"), bf.GAIN_FULL, 0.0, 10.0),
            (self.TRANSIT_NEAR, self.tr("Stop distance for the full access score (m)"), bf.TRANSIT_NEAR_M, 0.0, None),
            (self.TRANSIT_FAR, self.tr("Stop distance without access score (m)"), bf.TRANSIT_FAR_M, 0.0, None),
            (self.RECYCLING_SIZE, self.tr("Size for the full recycling size score (m²)"), bf.RECYCLING_SIZE_FULL_M2, 0.0, None),
            (self.POOL_SIZE, self.tr("Size for the full pool size score (m²)"), bf.POOL_SIZE_FULL_M2, 0.0, None),
            (self.QUALIFY, self.tr("Sub-score at which a category qualifies (0–1)"), bf.QUALIFY, 0.0, 1.0),
            (self.MARGIN, self.tr("Lead that decides between two qualifying categories (0–1)"), bf.MARGIN, 0.0, 1.0),
            (self.NATURE_AREA, self.tr("Smallest Naturerfahrungsraum (m², HZ 12)"), bf.NATURE_AREA_M2, 0.0, None),
        ):
            param = QgsProcessingParameterNumber(name, label, DOUBLE, default, minValue=low)
            if high is not None:
                param.setMaximum(high)
            self.add_advanced(param)

    def init_outputs(self) -> None:
        self.addOutput(QgsProcessingOutputNumber("N_POOL", self.tr("Compensation pool candidates")))
        self.addOutput(QgsProcessingOutputNumber("OEKOPUNKTE", self.tr("Eco-points of all pool candidates")))
        self.addOutput(QgsProcessingOutputNumber("N_GROUPS", self.tr("Pool groups")))

    def settings(self, parameters, context) -> BrownfieldSettings:
        num = self.number
        bw_low = num(parameters, self.BW_LOW, context, low=0.0, high=10.0)
        bw_high = num(parameters, self.BW_HIGH, context, low=bw_low, strict=True, high=10.0)
        near = num(parameters, self.TRANSIT_NEAR, context, low=0.0)
        min_area = num(parameters, self.MIN_AREA, context, low=0.0)
        params = bf.BrownfieldParams(
            target_value=num(parameters, self.TARGET_VALUE, context, low=0.0, high=10.0),
            bw_low=bw_low, bw_high=bw_high,
            min_gain=num(parameters, self.MIN_GAIN, context, low=0.0, high=10.0),
            gain_full=num(parameters, self.GAIN_FULL, context, low=0.0, strict=True, high=10.0),
            min_area=min_area,
            recycling_size_full=num(parameters, self.RECYCLING_SIZE, context, low=min_area, strict=True),
            pool_size_full=num(parameters, self.POOL_SIZE, context, low=min_area, strict=True),
            transit_near=near, transit_far=num(parameters, self.TRANSIT_FAR, context, low=near, strict=True),
            group_distance=num(parameters, self.GROUP_DISTANCE, context, low=0.0),
            qualify=num(parameters, self.QUALIFY, context, low=0.0, high=1.0),
            margin=num(parameters, self.MARGIN, context, low=0.0, high=1.0),
            nature_area=num(parameters, self.NATURE_AREA, context, low=0.0),
            park_distance=num(parameters, self.PARK_DISTANCE, context, low=0.0, strict=True),
        )
        path = (self.parameterAsFile(parameters, self.BIOTOPE_TABLE, context) or "").strip()
        params.table = self.biotope_table(path)
        return BrownfieldSettings(params=params, link_distance=num(parameters, self.LINK_DISTANCE, context, low=0.0),
                                  min_share=num(parameters, self.MIN_SHARE, context, low=0.0, high=1.0),
                                  table_path=path,
                                  park_min_m2=num(parameters, self.PARK_MIN_HA, context, low=0.0) * 10000.0)

    def biotope_table(self, path: str) -> biotope.BiotopeTable:
        """The user's table or the shipped one; a table that cannot be used is a clear error."""
        try:
            return biotope.read_biotope_table(path or None)
        except biotope.BiotopeTableError as err:
            if err.missing:
                raise QgsProcessingException(self.tr(
                    "The biotope table {path} lacks the columns {columns}. A biotope table needs code, value_a (Grundwert A, 0–10) and source; value_p, name_de, name_en, forest and aliases are optional.").format(
                    path=path, columns=", ".join(err.missing))) from None
            raise QgsProcessingException(self.tr(
                "The biotope table {path} cannot be used: {problem}. Correct the row or leave BIOTOPE_TABLE empty for the shipped NRW table.").format(
                path=path or biotope.BIOTOPE_CSV, problem=str(err))) from None

    # ------------------------------------------------------------------------------------------
    # The brownfield hooks
    # ------------------------------------------------------------------------------------------
    def field_params(self):
        c = bf.FIELD_CANDIDATES
        return {"biotope_type": (self.BIOTOPE_TYPE_FIELD, c["biotope_type"]),
                "biotope_value": (self.BIOTOPE_VALUE_FIELD, c["biotope_value"]),
                "target_value": (self.TARGET_VALUE_FIELD, c["target_value"]),
                "sealed": (self.SEALED_FIELD, c["sealed"]), "altlast": (self.ALTLAST_FIELD, c["altlast"]),
                "owner": (self.OWNER_FIELD, c["owner"]), "prior_use": (self.PRIOR_USE_FIELD, c["prior_use"]),
                "procedure": (self.PROCEDURE_FIELD, c["procedure"]), "species": (self.SPECIES_FIELD, c["species"])}

    def fields_found(self, fields, feedback) -> None:
        none = self.tr("none")
        feedback.pushInfo(self.tr("Fields used: biotope type = {type}, biotope value = {value}, sealed share = {sealed}, Altlasten = {altlast}, owner = {owner}, earlier lawful use = {prior}, procedure = {proc}, species = {species}, planned value = {target}.").format(
            type=fields["biotope_type"] or none, value=fields["biotope_value"] or none, sealed=fields["sealed"] or none,
            altlast=fields["altlast"] or none, owner=fields["owner"] or none, prior=fields["prior_use"] or none,
            proc=fields["procedure"] or none, species=fields["species"] or none,
            target=fields["target_value"] or self.tr("the parameter")))

    def gather(self, parameters, context, main: MainInput, settings: BrownfieldSettings, progress: Progress,
               feedback) -> bf.BrownfieldInputs:
        f, n, p = main.fields, len(main), settings.params
        area = np.full(n, np.nan)
        area[main.usable] = shapely.area(main.geoms[main.usable])
        inp = bf.BrownfieldInputs(area_m2=area, geoms=main.geoms, tiebreak=main.fids)
        inp.biotope_type = inputs.texts_of(main, f["biotope_type"])
        inp.biotope_value = inputs.texts_of(main, f["biotope_value"])
        inp.target_value = inputs.texts_of(main, f["target_value"])
        inp.sealed = inputs.texts_of(main, f["sealed"])
        inp.altlast = inputs.texts_of(main, f["altlast"])
        inp.owner = inputs.texts_of(main, f["owner"])
        inp.prior_lawful = inputs.texts_of(main, f["prior_use"])
        inp.procedure = inputs.texts_of(main, f["procedure"])
        inp.species = inputs.texts_of(main, f["species"])
        progress.check()

        # parks on the second core while the other layers are overlaid here
        parks = inputs.nearest_distance_input(self, parameters, self.PARKS, context, main, settings.park_min_m2,
                                              p.park_distance, progress.sub(0.0, 0.05), feedback)
        try:
            share = settings.min_share
            # the settlement area by a point inside each brownfield (where most of it lies)
            inp.settlement = self.selected_flag(parameters, context, main, self.SETTLEMENT, self.SETTLEMENT_FIELD,
                                                self.SETTLEMENT_VALUES, progress.sub(0.05, 0.2), feedback, share=None)
            self.verbund(parameters, context, main, settings, inp, progress.sub(0.2, 0.45), feedback)
            inp.protected = self.covered(parameters, context, main, self.PROTECTED, share, progress.sub(0.45, 0.55), feedback)
            inp.gruenzug = self.covered(parameters, context, main, self.GRUENZUEGE, share, progress.sub(0.55, 0.65), feedback)
            inp.forest = self.covered(parameters, context, main, self.FOREST, share, progress.sub(0.65, 0.72), feedback)
            inp.climate = self.selected_flag(parameters, context, main, self.KLIMATOPE, self.KLIMATOPE_FIELD,
                                             self.KLIMATOPE_VALUES, progress.sub(0.72, 0.82), feedback, share=share,
                                             candidates=KLIMATOP_FIELD_CANDIDATES)
            inp.transit_m = self.distance(parameters, context, main, self.TRANSIT, p.transit_far,
                                          progress.sub(0.82, 0.9), feedback, polygonal=False)
            inp.comp_sites_m = self.distance(parameters, context, main, self.COMPENSATION, p.group_distance,
                                             progress.sub(0.9, 0.97), feedback)
            if parks is not None:
                inp.park_m = parks.result(progress)
        finally:
            if parks is not None:
                parks.close()  # a cancel does not wait for the other core
        progress(1.0)
        return inp

    def covered(self, parameters, context, main: MainInput, param: str, share: float, progress: Progress,
                feedback) -> np.ndarray | None:
        """True where at least ``share`` of a brownfield lies in the polygons of ``param``."""
        lay = inputs.overlay(self, parameters, param, context, main, progress.sub(0.0, 0.5), feedback)
        if lay is None:
            return None
        cover = geo.overlap_share(main.geoms, lay.geoms[lay.usable], progress.sub(0.5, 1.0))
        return np.nan_to_num(cover, nan=0.0) >= share

    def selected_flag(self, parameters, context, main: MainInput, param: str, field_param: str, values_param: str,
                      progress: Progress, feedback, share: float | None,
                      candidates: tuple[str, ...] = ()) -> np.ndarray | None:
        """Like :meth:`covered` (or by a point inside, ``share`` None) for the polygons whose field
        holds one of the listed values (folded); every polygon without a field (chosen or found
        by ``candidates``)."""
        source = self.parameterAsSource(parameters, param, context)
        if source is None:
            return None
        field = inputs.chosen_field(self, parameters, field_param, context, source, candidates)
        lay = inputs.overlay(self, parameters, param, context, main, progress.sub(0.0, 0.5), feedback,
                             fields=[field] if field else [])
        if lay is None:  # no usable polygon: ignored, as if not given
            return None
        keep = lay.usable.copy()
        if field:
            wanted = {fold(v) for v in (self.parameterAsString(parameters, values_param, context) or "").split(",") if v.strip()}
            col = lay.columns.get(field)
            text = fold_array(as_text(col)) if col is not None else np.full(len(lay), None, dtype=object)
            match = np.isin(np.where(np.equal(text, None), "", text).astype(str), list(wanted))
            if not (match & keep).any():
                feedback.pushWarning(self.tr("No polygon of {param} has one of the values {values} in {field}; the layer counts as empty.").format(
                    param=param, values=", ".join(sorted(wanted)), field=field))
            keep &= match
        polys = lay.geoms[keep]
        if share is None:
            out = geo.intersects_any(main.points, polys, progress.sub(0.5, 1.0))
        else:
            out = np.nan_to_num(geo.overlap_share(main.geoms, polys, progress.sub(0.5, 1.0)), nan=0.0) >= share
        progress(1.0)
        return out

    def verbund(self, parameters, context, main: MainInput, settings: BrownfieldSettings, inp: bf.BrownfieldInputs,
                progress: Progress, feedback) -> None:
        """Biotopverbund stage (Stufe I wins) and the number of Verbund areas within reach."""
        source = self.parameterAsSource(parameters, self.BIOTOPVERBUND, context)
        if source is None:
            return
        field = inputs.chosen_field(self, parameters, self.BIOTOPVERBUND_FIELD, context, source, VERBUND_FIELD_CANDIDATES)
        lay = inputs.overlay(self, parameters, self.BIOTOPVERBUND, context, main, progress.sub(0.0, 0.4), feedback,
                             fields=[field] if field else [])
        if lay is None:  # no usable polygon: ignored, as if not given
            return
        polys = lay.geoms[lay.usable]
        if field and field in lay.columns:
            stages = bf.stage_of(as_text(lay.columns[field]))[lay.usable]
        else:
            stages = np.full(polys.size, 2, dtype=np.int64)
            feedback.pushInfo(self.tr("Biotopverbund without a stage field: every area counts as Stufe II."))
        inp.verbund_stage = bf.best_stage(main.geoms, polys, stages, settings.min_share, progress.sub(0.4, 0.8))
        inp.verbund_links = geo.count_within(main.geoms, polys, settings.link_distance)
        progress(1.0)

    def distance(self, parameters, context, main: MainInput, param: str, reach: float, progress: Progress, feedback,
                 polygonal: bool = True) -> np.ndarray | None:
        """Distance to the nearest feature of ``param`` within ``reach`` (inf beyond)."""
        lay = inputs.overlay(self, parameters, param, context, main, progress.sub(0.0, 0.5), feedback,
                             polygonal=polygonal)
        if lay is None or not lay.usable.any():
            return None
        return geo.nearest_distance(main.geoms, lay.geoms[lay.usable], reach, progress.sub(0.5, 1.0))

    def score(self, main: MainInput, gathered: bf.BrownfieldInputs, settings: BrownfieldSettings,
              weights) -> bf.BrownfieldScored:
        settings.params.weights = dict(weights)
        scored = bf.brownfield_scoring(gathered, settings.params)
        if all(v is None for v in scored.criteria.values()):
            raise QgsProcessingException(self.tr(
                "Nothing to triage: the brownfields have no biotope type, biotope value or sealed share, and no layer is given. Choose a field (BIOTOPE_TYPE_FIELD, BIOTOPE_VALUE_FIELD, SEALED_FIELD) or at least one layer (SETTLEMENT, BIOTOPVERBUND, PROTECTED, GRUENZUEGE, FOREST, KLIMATOPE)."))
        return scored

    def report_left_out(self, core: ScoreCore, feedback) -> None:
        """A direction without any brownfield is no missing data: say so without a warning."""
        for key in core.left_out:
            feedback.pushInfo(self.tr("No brownfield is a clear case for {name}; its sub-score is still in gi_reason.").format(
                name=self.criterion_name(key)))

    def report(self, main: MainInput, scored: bf.BrownfieldScored, core: ScoreCore, settings: BrownfieldSettings,
               feedback) -> None:
        labels = {k: translate_marked(v) for k, v in bf.INPUT_LABELS.items()}
        if scored.missing_layers:
            feedback.pushWarning(self.tr("Not given, so the triage runs without them: {what}.").format(
                what=", ".join(labels[k] for k in scored.missing_layers)))
        if scored.unknown_types:
            shown = ", ".join(f"{name} ({count})" for name, count in list(scored.unknown_types.items())[:10])
            feedback.pushWarning(self.tr("{n} brownfields have a biotope type that is not in the table: {types}. Their value is unknown (flag type_unknown); add the types to your own table (BIOTOPE_TABLE).").format(
                n=sum(scored.unknown_types.values()), types=shown))
        if scored.unknown_altlast:
            shown = ", ".join(f"{name} ({count})" for name, count in list(scored.unknown_altlast.items())[:10])
            feedback.pushWarning(self.tr("Altlasten status not recognised, counted as unknown: {values}. Use kein Verdacht, altlastverdächtig, Altlast or saniert.").format(
                values=shown))
        for code, text in (
            ("bw_out_of_range", self.tr("{n} brownfields have a biotope value outside 0–10; it is ignored (flag bw_out_of_range).")),
            ("overlap", self.tr("{n} brownfields overlap another one; each is scored on its own, and pool sums may count the overlap twice (flag overlap).")),
            ("bw_unknown", self.tr("{n} brownfields have no biotope value, type or sealed share (flag bw_unknown): no pool uplift can be computed for them.")),
            ("bw_from_sealing", self.tr("{n} brownfields have a biotope value estimated from the sealed share (flag bw_from_sealing).")),
        ):
            count = int(core.masks[code].sum())
            if count:
                feedback.pushWarning(text.format(n=count))
        counts = {c: int((scored.category == c).sum()) for c in bf.CATEGORIES}
        feedback.pushInfo(self.tr("Categories: recycling {r}, schutz {s}, kompensationspool {p}, pruefen {q} ({c} of them with a conflict).").format(
            r=counts[bf.RECYCLING], s=counts[bf.SCHUTZ], p=counts[bf.POOL], q=counts[bf.PRUEFEN],
            c=int(core.masks["conflict"].sum())))

    def more_outputs(self, parameters, context, main: MainInput, gathered, settings, scored: bf.BrownfieldScored,
                     core: ScoreCore, progress: Progress, feedback) -> dict:
        pool = scored.category == bf.POOL
        total = float(np.nansum(scored.oekopunkte[pool]))
        groups = int(np.unique(scored.pool_group[scored.pool_group > 0]).size)
        feedback.pushInfo(self.tr("{n} pool candidates with {pts:.0f} eco-points in {g} pool groups.").format(
            n=int(pool.sum()), pts=total, g=groups))
        return {"N_POOL": int(pool.sum()), "OEKOPUNKTE": total, "N_GROUPS": groups}


__all__ = ["BrownfieldsAlgorithm"]
