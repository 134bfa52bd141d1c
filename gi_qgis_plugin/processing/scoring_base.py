"""The template of every scoring algorithm (``gi:flatroofs``, ``gi:streets``, ``gi:brownfields`` …).

A scoring algorithm declares its :class:`~gi_qgis_plugin.scoring.spec.ScoringSpec` (``SPEC``),
its own parameters and two hooks; the base does the rest, the same way for every algorithm:

    parameters → read the main input once (polygons or lines) → gather() [subclass] →
    score() [subclass, pure] → the shared finish (exclusions, weighted score, class, rank,
    flags, HZ codes) and the reasons → write once → run record → style

See docs/DEVELOPING.md, "How to add a scoring algorithm".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from qgis.core import (
    Qgis,
    QgsFeatureSource,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QMetaType

from ..i18n import language, translate_marked
from ..scoring import common, criteria, geo, stability
from ..scoring import record as rec
from ..scoring.common import ScoreCore, Scored
from ..scoring.progress import Progress
from ..scoring.reasons import Texts
from ..scoring.spec import ScoringSpec
from ..scoring.stability import Stability
from . import checks, inputs, postgis, record
from .base import GiAlgorithm
from .crs import choose_work_crs
from .inputs import MainInput
from .postprocess import style_when_loaded
from .read import plain_ogr_layer, read_source, report_skipped
from .write import make_fields, output_fields

POLYGON = [Qgis.ProcessingSourceType.VectorPolygon]
DOUBLE = Qgis.ProcessingNumberParameterType.Double

SOURCE_TYPES = {"polygon": POLYGON, "line": [Qgis.ProcessingSourceType.VectorLine]}
SINK_TYPES = {"polygon": Qgis.ProcessingSourceType.VectorPolygon, "line": Qgis.ProcessingSourceType.VectorLine}
WKB_TYPES = {"polygon": Qgis.WkbType.MultiPolygon, "line": Qgis.WkbType.MultiLineString}


# Weights are relative; beyond this cap a weight is a typing error (1e308 overflows the sums).
# [U] our cap, far above any meaningful ratio of two criteria.
MAX_WEIGHT = 1000.0


def _fid_usable(arrays) -> bool:
    """True unless the input has a field ``fid`` that a GeoPackage cannot take as its feature id
    (not integers, NULL or repeated values): then the output renames it."""
    from .read import ColumnTable, field_values

    idx = arrays.fields.lookupField("fid")
    if idx < 0 or arrays.rows is None:
        return True
    fld = arrays.fields.at(idx)
    if fld.type() not in (QMetaType.Type.Int, QMetaType.Type.LongLong, QMetaType.Type.UInt, QMetaType.Type.ULongLong):
        return False
    if isinstance(arrays.rows, ColumnTable):  # read through OGR: the column as an array
        return checks.unique_ids(*arrays.rows.columns[idx])
    return checks.unique_ids(field_values(arrays.rows, idx))


def set_role(param: QgsProcessingParameterDefinition, role: str) -> QgsProcessingParameterDefinition:
    """Declare which layer role (ui/roles.py) fills this parameter: the dock reads it."""
    meta = dict(param.metadata() or {})
    meta["gi"] = {**meta.get("gi", {}), "role": role}
    param.setMetadata(meta)
    return param


class ScoringAlgorithm(GiAlgorithm):
    """Base of the scoring algorithms. A subclass sets ``SPEC``, ``ALG_ID``, ``GROUP_ID``,
    ``INPUT_ROLE``, the display texts, and implements:

    - :meth:`init_parameters` – its parameters (calling the shared groups it needs:
      :meth:`add_heat_parameters`, :meth:`add_rain_parameters` …); the weights ``W_<KEY>``,
      ``INPUT`` and ``OUTPUT`` are added by the base;
    - :meth:`settings` – its numeric parameters, checked, as one object (also run by
      ``checkParameterValues``, so a bad value is reported before the run);
    - :meth:`gather` – the domain inputs per feature (plain calls of ``processing/inputs.py``);
    - :meth:`score` – pure scoring (``scoring/<domain>.py``) returning a ``common.Scored``.

    Optional hooks: :meth:`field_params`, :meth:`fields_found`, :meth:`report`,
    :meth:`more_outputs`, :meth:`init_outputs`, :meth:`init_advanced_parameters`.
    """

    SPEC: ScoringSpec
    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    INPUT_ROLE = ""
    LINE_ZONE_M = 10.0  # lines: half-width of the zone over which rasters are averaged

    # shared parameter names (present when the algorithm adds the group)
    HEAT = "HEAT"
    HEAT_POLYGONS = "HEAT_POLYGONS"
    HEAT_FIELD = "HEAT_FIELD"
    HEAT_ORDER = "HEAT_ORDER"
    RAIN = "RAIN"
    RAIN_BUFFER = "RAIN_BUFFER"
    RAIN_DEPTH = "RAIN_DEPTH"
    RAIN_NODATA_DRY = "RAIN_NODATA_DRY"
    PARKS = "PARKS"
    PARK_MIN_HA = "PARK_MIN_HA"
    PARK_DISTANCE = "PARK_DISTANCE"
    SCOPE = "SCOPE"
    SCOPE_FIELD = "SCOPE_FIELD"
    SCOPE_VALUE = "SCOPE_VALUE"
    DISTRICTS = "DISTRICTS"
    DISTRICT_FIELD = "DISTRICT_FIELD"
    # rank stability (every scoring algorithm, scoring/stability.py)
    STAB_DRAWS = "STAB_DRAWS"
    STAB_SPREAD = "STAB_SPREAD"
    PRECIP = "PRECIP"

    # ------------------------------------------------------------------------------------------
    # Texts the subclass gives
    # ------------------------------------------------------------------------------------------
    def input_label(self) -> str:
        return self.tr("Input layer")

    def output_label(self) -> str:
        return translate_marked(self.SPEC.title)

    # ------------------------------------------------------------------------------------------
    # Parameters
    # ------------------------------------------------------------------------------------------
    def initAlgorithm(self, config=None):  # noqa: N802
        kind = self.SPEC.geometry
        self.add(QgsProcessingParameterFeatureSource(self.INPUT, self.input_label(), SOURCE_TYPES[kind]),
                 role=self.INPUT_ROLE)
        self.init_parameters(config)
        self.add_weight_parameters()
        self.add_stability_parameters()
        self.init_advanced_parameters()
        self.add_stability_spread_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.output_label(), SINK_TYPES[kind]))
        self.init_outputs()
        self.addOutput(QgsProcessingOutputNumber("N_SCORED", self.tr("Features scored")))
        self.addOutput(QgsProcessingOutputNumber("N_EXCLUDED", self.tr("Features excluded (class X)")))
        self.addOutput(QgsProcessingOutputString("RUN_INFO", self.tr("Run record (algorithm, version, date, parameters, weights; JSON)")))

    def init_parameters(self, config=None) -> None:
        """Hook: the algorithm's own parameters, in dialog order."""

    def init_advanced_parameters(self) -> None:
        """Hook: parameters after the weights (use :meth:`add_advanced`)."""

    def init_outputs(self) -> None:
        """Hook: further sinks and outputs after ``OUTPUT``."""

    def add_advanced(self, param: QgsProcessingParameterDefinition) -> None:
        param.setFlags(param.flags() | Qgis.ProcessingParameterFlag.Advanced)
        self.addParameter(param)

    def add(self, param: QgsProcessingParameterDefinition, help_text: str = "", role: str = "") -> None:
        """Add ``param`` with its tooltip (``setHelp``) and the layer role that fills it."""
        if help_text:
            param.setHelp(help_text)
        if role:
            set_role(param, role)
        self.addParameter(param)

    def add_layer(self, name: str, label: str, role: str, kinds=None, optional: bool = True,
                  help_text: str = "") -> None:
        """An optional polygon (or ``kinds``) layer that fills a role."""
        self.add(QgsProcessingParameterFeatureSource(name, label, kinds or POLYGON, optional=optional), help_text, role)

    def add_field(self, name: str, label: str, parent: str, numeric: bool = False,
                  candidates: Sequence[str] = (), help_text: str = "") -> None:
        """An optional field of ``parent``; ``candidates``: the names looked for when it is empty
        (declared on the parameter, so the dock pre-fills it by the same rule)."""
        param = QgsProcessingParameterField(name, label, parentLayerParameterName=parent, optional=True)
        if numeric:
            param.setDataType(Qgis.ProcessingFieldParameterDataType.Numeric)
        if candidates:
            param.setMetadata({**(param.metadata() or {}), "gi": {"candidates": list(candidates)}})
        self.add(param, help_text)

    def add_number(self, name: str, label: str, default: float, low: float | None = 0.0, high: float | None = None,
                   help_text: str = "", advanced: bool = False) -> None:
        param = QgsProcessingParameterNumber(name, label, DOUBLE, default)
        if low is not None:
            param.setMinimum(low)
        if high is not None:
            param.setMaximum(high)
        if advanced:
            if help_text:
                param.setHelp(help_text)
            self.add_advanced(param)
        else:
            self.add(param, help_text)

    def add_precip_parameter(self, default_mm: float) -> None:
        """PRECIP: the annual precipitation (mm/a) of the water figures."""
        self.add_number(self.PRECIP, self.tr("Annual precipitation (mm/a; assumption, set your local value)"),
                        default_mm, low=1.0, high=10000.0)

    def add_heat_parameters(self) -> None:
        """HEAT (raster) or HEAT_POLYGONS with HEAT_FIELD, and HEAT_ORDER."""
        self.add(QgsProcessingParameterRasterLayer(self.HEAT, self.tr("Heat raster (e.g. night temperature)"), optional=True),
                 self.tr("Mean over each feature, scaled min–max over this run. Given both, the raster is used."), "heat")
        self.add_layer(self.HEAT_POLYGONS, self.tr("Heat polygons (e.g. Klimatope, thermal load classes)"), "heat",
                       help_text=self.tr("Read at a point inside each feature: classes 1–5 or the labels sehr ungünstig … sehr günstig, else min–max of the values."))
        self.add_field(self.HEAT_FIELD, self.tr("Heat class or value field"), self.HEAT_POLYGONS,
                       candidates=inputs.HEAT_FIELD_CANDIDATES,
                       help_text=self.tr("Empty: the first of {names}.").format(names=", ".join(inputs.HEAT_FIELD_CANDIDATES)))
        self.add(QgsProcessingParameterEnum(
            self.HEAT_ORDER, self.tr("Heat values"),
            options=[self.tr("higher value = more heat"), self.tr("lower value = more heat")], defaultValue=0),
            self.tr("For values such as a cooling index, where a low value means more heat."))

    def add_rain_parameters(self, ring_label: str, ring_m: float = criteria.RAIN_BUFFER_M,
                            depth_m: float = criteria.RAIN_DEPTH_M) -> None:
        """RAIN (water depth raster), RAIN_BUFFER (ring width) and RAIN_DEPTH (full score)."""
        self.add(QgsProcessingParameterRasterLayer(self.RAIN, self.tr("Heavy-rain water depth raster (m)"), optional=True),
                 self.tr("Maximum water depth of a heavy-rain simulation (Starkregengefahrenkarte), in metres."), "rain")
        self.add_number(self.RAIN_BUFFER, ring_label, ring_m,
                        help_text=self.tr("The depth is averaged in this ring around each feature, the feature's own cells left out (plugin's choice)."))
        self.add_number(self.RAIN_DEPTH, self.tr("Water depth for the full rain score (m)"), depth_m, low=0.001,
                        help_text=self.tr("0 m gives 0, this depth and deeper give 1 (Essen's top depth class)."))

    def add_rain_nodata_parameter(self) -> None:
        self.add_advanced(QgsProcessingParameterBoolean(self.RAIN_NODATA_DRY, self.tr("Rain raster: nodata means dry (0 m)"),
                                                        defaultValue=False))

    def add_park_parameters(self, distance_label: str, min_ha: float = criteria.PARK_MIN_HA,
                            distance_m: float = criteria.PARK_DISTANCE_M) -> None:
        """PARKS, PARK_MIN_HA and PARK_DISTANCE."""
        self.add_layer(self.PARKS, self.tr("Parks and public green spaces (polygons)"), "parks")
        self.add_number(self.PARK_MIN_HA, self.tr("Smallest park that counts (ha)"), min_ha,
                        help_text=self.tr("Public green of at least 0.5 ha supplies a neighbourhood (GALK)."))
        self.add_number(self.PARK_DISTANCE, distance_label, distance_m, low=1.0,
                        help_text=self.tr("0 next to a park, 1 at this distance or farther (3-30-300 rule: a park within 300 m)."))

    def add_scope_parameters(self, default_value: str = "") -> None:
        """SCOPE (target area polygons), SCOPE_FIELD and SCOPE_VALUE."""
        self.add_layer(self.SCOPE, self.tr("2030 target area (e.g. Raumtyp polygons)"), "raumtyp")
        self.add_field(self.SCOPE_FIELD, self.tr("Target area field (empty = raumtyp, else every polygon)"), self.SCOPE,
                       candidates=inputs.SCOPE_FIELD_CANDIDATES)
        self.add(QgsProcessingParameterString(self.SCOPE_VALUE, self.tr("Target area value"),
                                              defaultValue=default_value, optional=True),
                 self.tr("Polygons whose target area field holds this value (case and umlauts ignored) form the target area."))

    def add_district_parameters(self) -> None:
        """DISTRICTS and DISTRICT_FIELD (for sums per district)."""
        self.add_layer(self.DISTRICTS, self.tr("Districts for the target table (polygons)"), "districts")
        self.add_field(self.DISTRICT_FIELD, self.tr("District name field"), self.DISTRICTS,
                       candidates=inputs.DISTRICT_FIELD_CANDIDATES)

    def add_weight_parameters(self) -> None:
        """``W_<KEY>`` per criterion of the spec: label, help and default from the spec."""
        for c in self.SPEC.criteria:
            param = QgsProcessingParameterNumber(
                c.weight_param, self.tr("Weight: {criterion}").format(criterion=translate_marked(c.label)),
                DOUBLE, c.default_weight, minValue=0.0)
            if c.help:
                param.setHelp(translate_marked(c.help))
            self.addParameter(param)

    def add_stability_parameters(self) -> None:
        """STAB_DRAWS: weight variants for gi_stab and the rank band (0 = off)."""
        param = QgsProcessingParameterNumber(
            self.STAB_DRAWS, self.tr("Rank stability: weight variants (0 = off)"),
            Qgis.ProcessingNumberParameterType.Integer, stability.DRAWS, minValue=0, maxValue=10000)
        param.setHelp(self.tr("How many other weightings around the chosen weights are tried, to tell a robust "
                              "priority from one that depends on the weighting (fields gi_stab, gi_rank_lo, gi_rank_hi)."))
        self.addParameter(param)

    def add_stability_spread_parameter(self) -> None:
        """STAB_SPREAD: the Dirichlet concentration κ (advanced; larger = closer to the chosen weights)."""
        param = QgsProcessingParameterNumber(
            self.STAB_SPREAD, self.tr("Rank stability: concentration of the weight variants (larger = closer to the chosen weights)"),
            DOUBLE, stability.CONCENTRATION, minValue=0.1, maxValue=100000.0)
        param.setHelp(self.tr("Each weight share p varies by about √(p(1 − p)/(κ + 1)): κ = 50 moves a share of 0.3 "
                              "by about ±0.06, κ = 10 by about ±0.14. The plugin's choice; adjust it to the "
                              "disagreement you expect about the weights."))
        self.add_advanced(param)

    def stability_settings(self, parameters, context) -> tuple[int, float]:
        """(variants, concentration), checked; (0, κ) when the algorithm runs without them."""
        if self.parameterDefinition(self.STAB_DRAWS) is None:
            return 0, stability.CONCENTRATION
        draws = self.number(parameters, self.STAB_DRAWS, context, low=0.0, high=10000.0)
        spread = self.number(parameters, self.STAB_SPREAD, context, low=0.0, strict=True)
        return int(round(draws)), spread

    def criterion_name(self, key: str) -> str:
        """"heat load (c_heat)": the criterion in messages."""
        c = self.SPEC.criterion(key)
        return f"{translate_marked(c.label)} ({c.field})"

    # ------------------------------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, msg = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, msg
        try:
            self.settings(parameters, context)
            self.weights(parameters, context)
            self.stability_settings(parameters, context)
        except QgsProcessingException as err:
            return False, str(err)
        return True, ""

    def settings(self, parameters, context):
        """Hook: the algorithm's numeric parameters, checked, as one object (see :meth:`number`)."""
        return None

    def number(self, parameters, name: str, context, low: float | None = None, strict: bool = False,
               high: float | None = None) -> float:
        """A number parameter, checked: a message that names the parameter when it is out of range."""
        value = float(self.parameterAsDouble(parameters, name, context))
        if low is not None:
            bad = not math.isfinite(value) or (value <= low if strict else value < low)
            if bad:
                text = self.tr("{param} must be greater than {low} (it is {value}).") if strict else \
                    self.tr("{param} must be at least {low} (it is {value}).")
                raise QgsProcessingException(text.format(param=name, low=f"{low:g}", value=f"{value:g}"))
        if high is not None and value > high:
            raise QgsProcessingException(self.tr("{param} must not exceed {high} (it is {value}).").format(
                param=name, high=f"{high:g}", value=f"{value:g}"))
        return value

    def weights(self, parameters, context) -> dict[str, float]:
        """The ``W_<KEY>`` values, checked (≥ 0, not all 0)."""
        out = {c.key: self.number(parameters, c.weight_param, context, low=0.0, high=MAX_WEIGHT)
               for c in self.SPEC.criteria}
        if sum(out.values()) <= 0:
            params = [c.weight_param for c in self.SPEC.criteria]
            raise QgsProcessingException(self.tr("All weights ({first} … {last}) are 0: give at least one criterion a weight above 0.").format(
                first=params[0], last=params[-1]))
        return out

    # ------------------------------------------------------------------------------------------
    # Hooks of the run
    # ------------------------------------------------------------------------------------------
    def field_params(self) -> Mapping[str, tuple[str, Sequence[str]]]:
        """Hook: fields of the main input, kind -> (field parameter, names looked for when empty)."""
        return {}

    def fields_found(self, fields: Mapping[str, str | None], feedback) -> None:
        """Hook: say which fields of the main input are used."""

    def gather(self, parameters, context, main: MainInput, settings, progress: Progress, feedback):
        """Hook: the domain inputs per feature of ``main`` (calls of processing/inputs.py)."""
        raise NotImplementedError

    def score(self, main: MainInput, gathered, settings, weights: Mapping[str, float]) -> Scored:
        """Hook: pure scoring of the gathered inputs (scoring/<domain>.py)."""
        raise NotImplementedError

    def report(self, main: MainInput, scored: Scored, core: ScoreCore, settings, feedback) -> None:
        """Hook: domain warnings and infos after scoring (counts of caveat flags …)."""

    def more_outputs(self, parameters, context, main: MainInput, gathered, settings, scored: Scored,
                     core: ScoreCore, progress: Progress, feedback) -> dict:
        """Hook: further sinks (a district table …) and numeric outputs."""
        return {}

    # ------------------------------------------------------------------------------------------
    # The run
    # ------------------------------------------------------------------------------------------
    def process(self, parameters, context, progress: Progress, feedback) -> dict:
        settings = self.settings(parameters, context)
        weights = self.weights(parameters, context)
        run = record.run_record(self, parameters, context, weights)
        main = self.read_main(parameters, context, progress.sub(0.0, 0.3), feedback)
        gathered = self.gather(parameters, context, main, settings, progress.sub(0.3, 0.71), feedback)
        progress.check()
        # the pure scoring on a worker thread: cancel and progress stay answered meanwhile
        scored = inputs.Pending(self.score, main, gathered, settings, weights).result(progress.sub(0.71, 0.72), creep=True)
        core, reason = self.finish(scored, weights, progress.sub(0.72, 0.73))
        # how the score was formed, for the dock's live weights (scoring/live.py)
        run["formula"] = {"need_share": scored.need_share, "class_breaks": list(self.SPEC.class_breaks)}
        run_info = rec.dumps(run)
        self.report_left_out(core, feedback)
        self.report(main, scored, core, settings, feedback)
        # the rank stability between the finish and the writing (which keeps 75–96 %)
        stab = self.stability(parameters, context, scored, core, progress.sub(0.73, 0.75), feedback)
        dest = self.write_result(parameters, context, main, scored, core, reason, progress.sub(0.75, 0.96), feedback,
                                 stab)
        self.store_record(dest, run_info, translate_marked(self.SPEC.title), context, feedback)
        style_when_loaded(context, dest, run_info)
        results = {self.OUTPUT: dest, "RUN_INFO": run_info}
        results.update(self.more_outputs(parameters, context, main, gathered, settings, scored, core,
                                         progress.sub(0.96, 1.0), feedback))
        counts = {c: int((core.gi_class == c).sum()) for c in ("A", "B", "C", "D", "X")}
        a, b, c = (f"{v:g}" for v in self.SPEC.class_breaks)
        feedback.pushInfo(self.tr("Classes: A {a}, B {b}, C {c}, D {d}, excluded (X) {x} (A from score {ba}, B from {bb}, C from {bc}).").format(
            a=counts["A"], b=counts["B"], c=counts["C"], d=counts["D"], x=counts["X"], ba=a, bb=b, bc=c))
        results.update({"N_SCORED": int((~core.excluded).sum()), "N_EXCLUDED": int(core.excluded.sum())})
        progress(1.0)
        return results

    def read_main(self, parameters, context, progress: Progress, feedback) -> MainInput:
        """Read ``INPUT`` once into the working CRS, with the fields of :meth:`field_params`."""
        source: QgsFeatureSource | None = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        name = inputs.layer_name(self, parameters, self.INPUT, context, source)
        empty = self.tr("The input layer {name} has no features: nothing to score. Choose a layer with features to score.")
        if source.featureCount() == 0:
            raise QgsProcessingException(empty.format(name=name))
        work_crs = choose_work_crs(source.sourceCrs(), source.sourceExtent(), name, feedback)
        postgis.warn_about_source(parameters.get(self.INPUT), name, feedback, context)
        fields = inputs.resolve_fields(self, parameters, context, source, self.field_params())
        self.fields_found(fields, feedback)
        kind = self.SPEC.geometry
        arrays = read_source(source, context, work_crs, progress, keep_rows=True,
                             fields=[f for f in fields.values() if f], polygonal=kind == "polygon",
                             linear=kind == "line", name=name,
                             fast_layer=plain_ogr_layer(self, parameters, self.INPUT, context))
        postgis.check_complete(parameters.get(self.INPUT), source, len(arrays), name, context)
        if len(arrays) == 0:
            raise QgsProcessingException(empty.format(name=name))
        report_skipped(arrays, feedback, name)
        feedback.pushInfo(self.tr("Read {n} features of {name}; working CRS {crs}.").format(
            n=len(arrays), name=name, crs=work_crs.authid()))
        return inputs.main_input(arrays, name, kind, self.LINE_ZONE_M, fields)

    def groups(self) -> dict[str, tuple[str, ...]] | None:
        """Suitability and need criteria, when the spec separates them (gi_suit, gi_need)."""
        return self.SPEC.score_groups()

    def finish(self, scored: Scored, weights: Mapping[str, float], progress: Progress) -> tuple[ScoreCore, np.ndarray]:
        """The shared finish and the reasons in the UI language."""
        try:
            core = common.finish_scored(self.SPEC.keys, scored, weights, self.groups(), self.SPEC.class_breaks)
        except ValueError:
            params = ", ".join(c.weight_param for c in self.SPEC.criteria[:2])
            raise QgsProcessingException(self.tr(
                "No criterion with data has a weight above 0: give a weight to a criterion whose layer or field is given (e.g. {params}).").format(
                params=params)) from None
        progress(0.1)
        texts = Texts({k: translate_marked(v) for k, v in scored.TEXTS.items()}, "," if language() == "de" else ".")
        reason = scored.reasons(core, texts, tick=progress.sub(0.1, 1.0))
        progress(1.0)
        return core, reason

    def stability(self, parameters, context, scored: Scored, core: ScoreCore, progress: Progress,
                  feedback) -> Stability | None:
        """gi_stab and the rank band over STAB_DRAWS weight variants (None when 0 = off)."""
        draws, spread = self.stability_settings(parameters, context)
        if draws <= 0:
            return None
        progress(0.005)
        criteria_used = {k: core.criteria[k] for k in core.scored}
        score_fn = self.variant_score(scored, core)
        groups, share = self.groups(), scored.need_share
        ok = ~core.excluded
        again = score_fn(core.weights) if score_fn is not None else \
            common.score_formula(criteria_used, core.weights, len(core.score), groups, share)[0]
        if not np.allclose(core.score[ok], np.asarray(again)[ok], atol=1e-9, equal_nan=True):
            feedback.pushWarning(self.tr("Rank stability is left out: the score of this algorithm is not the weighted "
                                         "mean of its criteria, so other weightings cannot be scored the same way."))
            return None
        progress(0.03)  # the check above takes a moment at a million features
        stab = stability.rank_stability(criteria_used, core.weights, core.excluded, core.gi_class, draws=draws,
                                        concentration=spread, tiebreak=scored.tiebreak, progress=progress.sub(0.03, 1.0),
                                        breaks=self.SPEC.class_breaks, score_fn=score_fn, groups=groups,
                                        need_share=share)
        if stab.draws == 0:
            return None
        robust = int((stab.stab >= stability.STABLE_SHARE).sum())
        feedback.pushInfo(self.tr("Rank stability over {draws} weightings around the chosen weights: {robust} of {n} "
                                  "scored features keep their class in at least {share} % of them (robust priority); "
                                  "the others depend on the weighting.").format(
            draws=stab.draws, robust=robust, n=int((~core.excluded).sum()), share=f"{100 * stability.STABLE_SHARE:.0f}"))
        if stab.reduced:
            feedback.pushInfo(self.tr("The rank band (gi_rank_lo, gi_rank_hi) uses the first {k} of the {draws} "
                                      "weightings, to bound the memory at this number of features.").format(
                k=stab.rank_draws, draws=stab.draws))
        return stab

    def variant_score(self, scored: Scored, core: ScoreCore):
        """Hook: the score as a function of the weights (dict -> scores of all features) for a
        score that is neither the weighted mean nor suitability × need (``common.score_formula``,
        both computed fast by the rank stability itself); None = one of those. Without it, a score
        of another form leaves the rank stability out with a warning."""
        return None

    def report_counts(self, core: ScoreCore, texts: Sequence[tuple[str, str]], feedback) -> None:
        """One warning per flag code that some features carry: (code, "… {n} …") pairs."""
        for code, text in texts:
            count = int(core.masks[code].sum()) if code in core.masks else 0
            if count:
                feedback.pushWarning(text.format(n=count))

    def report_left_out(self, core: ScoreCore, feedback) -> None:
        for key in core.left_out:
            feedback.pushWarning(self.tr("Criterion {name} is left out (no layer, field or value for it); the other weights are renormalised.").format(
                name=self.criterion_name(key)))

    def result_columns(self, scored: Scored, core: ScoreCore, reason: np.ndarray,
                       stab: Stability | None = None) -> list[tuple[str, str, np.ndarray]]:
        """The contract fields, gi_stab and the rank band (when computed), the ``c_*`` of the
        criteria with data, gi_suit/gi_need, the domain's."""
        columns = [("gi_score", "double", core.score), ("gi_class", "text", core.gi_class),
                   ("gi_rank", "int", np.where(core.rank > 0, core.rank, None)), ("gi_hz", "text", core.hz),
                   ("gi_flags", "text", core.flags), ("gi_reason", "text", reason)]
        if stab is not None:
            columns += [("gi_stab", "double", stab.stab),
                        ("gi_rank_lo", "int", np.where(stab.rank_lo > 0, stab.rank_lo, None)),
                        ("gi_rank_hi", "int", np.where(stab.rank_hi > 0, stab.rank_hi, None))]
        columns += [(c.field, "double", core.criteria[c.key]) for c in self.SPEC.criteria if c.key in core.criteria]
        if core.suit is not None or core.need is not None:
            n = len(core.score)
            for name, values in (("gi_suit", core.suit), ("gi_need", core.need)):
                columns.append((name, "double", np.full(n, np.nan) if values is None else values))
        return columns + list(scored.columns)

    def write_result(self, parameters, context, main: MainInput, scored: Scored, core: ScoreCore, reason: np.ndarray,
                     progress: Progress, feedback=None, stab: Stability | None = None) -> str:
        """Write ``OUTPUT`` once: the input's fields and the result columns, in the input's order.

        (The input's order: writing in rank order, spatially random, made a GeoPackage's R-tree
        updates 1.7 times as slow at a million roofs; gi_rank gives the priority list.)
        """
        columns = self.result_columns(scored, core, reason, stab)
        src_fields = main.arrays.fields
        drop = checks.stale_result_fields(src_fields)
        if drop:
            feedback.pushInfo(self.tr("The input holds columns of an earlier result ({fields}); they are not carried into this one.").format(
                fields=", ".join(drop)))
        if scored.source_index is not None:
            # several output rows per input feature (street sections): the input's "fid" would
            # repeat and break a GeoPackage's primary key; the feature id goes to src_fid instead
            drop = [*drop, "fid"]
            columns.append(("src_fid", "long", main.fids[np.asarray(scored.source_index, dtype=np.int64)]))
        out_fields, keep = output_fields(src_fields, make_fields(columns), drop)
        own = range(len(keep), out_fields.count())
        geoms = geo.as_multi(main.geoms if scored.geoms is None else scored.geoms)
        return self.write_output(parameters, self.OUTPUT, context, out_fields, WKB_TYPES[main.kind], main.crs, geoms,
                                 columns, progress, rows=main.arrays.rows, keep=keep, source_index=scored.source_index,
                                 own=own, keep_fid=_fid_usable(main.arrays))
