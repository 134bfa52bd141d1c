"""Live weights: tune a result's weights in the dock and see the map, the bars and the
Handlungsziele follow at once, without a new Processing run.

How it works (the same for every scoring algorithm, no algorithm-specific code):

- :func:`read_live_data` reads a result layer's ``c_*`` fields, classes and flags once (no
  geometry); the criterion labels come from the spec found by the run record's algorithm id
  (``explain.spec_of``), the starting weights from the run record (``explain.layer_weights``).
- moving a slider re-scores every feature with ``scoring.live.rescore`` (the shared finish,
  numpy): score, class and rank of each feature, and gi_suit / gi_need where the spec has them.
- the map: the new classes, one letter per feature id, are a layer variable
  (``@gi_live_class``), and the layer's renderer draws the class of each feature from it
  (``substr(@gi_live_class, $id - @gi_live_base, 1)``): the map shows exactly what the numpy
  re-scoring computed, with one formula in one place, nothing is copied and the layer's data stay
  as the run wrote them; "Reset" puts the layer's own renderer back and removes the variable.
- "Save as new result" writes a new memory layer: the features with the new gi_score, gi_class,
  gi_rank (and the rank stability around the new weights when the run computed it), styled, with
  a run record of its own that holds the new weights and names the result it came from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

import numpy as np
from qgis.core import (
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ..contract import CLASS_LABELS, CRITERION_PREFIX, EXCLUDED
from ..i18n import tr
from ..scoring import record as rec
from ..scoring import stability
from ..scoring.common import ScoreCore
from ..scoring.live import NO_CRITERIA, formula_of, rescore, rule_excluded
from ..scoring.spec import ScoringSpec
from ..styles import apply_result_styles, class_renderer
from .explain import criterion_label, criterion_names, layer_weights, run_record_of, spec_of
from .values import as_float, fill_layer_combo, plain

SLIDER_MAX = 100  # slider steps; the run's largest weight sits at the middle (50)
CLASS_VARIABLE, BASE_VARIABLE = "gi_live_class", "gi_live_base"  # layer variables while live
CLASS_EXPRESSION = f"substr(@{CLASS_VARIABLE}, $id - @{BASE_VARIABLE}, 1)"
MAX_ID_SPAN = 50_000_000  # feature ids spread wider than this: the map cannot follow (one letter per id)


@dataclass
class LiveData:
    """A result layer's criteria and classes, read once."""

    layer_id: str
    fids: np.ndarray  # feature ids in reading order
    criteria: dict[str, np.ndarray]  # key -> 0–1, NaN where unknown
    excluded: np.ndarray  # excluded by a rule (stays X whatever the weights)
    classes: np.ndarray  # the run's gi_class
    scores: np.ndarray  # the run's gi_score (NaN where NULL)
    hz: np.ndarray  # the run's gi_hz (text)
    spec: ScoringSpec | None
    run: dict | None
    order: list[str] = field(default_factory=list)  # criteria in the spec's (or the layer's) order
    index: dict[int, int] = field(default_factory=dict)  # fid -> row

    def row(self, fid: int) -> int | None:
        return self.index.get(int(fid))

    def groups(self) -> dict[str, tuple[str, ...]] | None:
        return self.spec.score_groups() if self.spec is not None else None

    def formula(self) -> tuple[tuple[float, ...], float | None]:
        """(class breaks, need share) of the run: its record, else the spec's breaks."""
        return formula_of(self.run, self.spec.class_breaks if self.spec is not None else stability.CLASS_BREAKS)


def criteria_of(layer: QgsVectorLayer) -> tuple[list[str], ScoringSpec | None, dict | None]:
    """The layer's criteria in the spec's order (then any the spec does not declare), the spec
    of the algorithm that wrote it (by the run record's id, else the signature field), the record."""
    keys = criterion_names(layer)
    run = run_record_of(layer)
    spec = spec_of(layer, run)
    order = [c for c in (spec.keys if spec is not None else ()) if c in keys] + \
        [c for c in keys if spec is None or c not in spec.keys]
    return order, spec, run


def read_live_data(layer: QgsVectorLayer) -> LiveData:
    """The ``c_*`` fields, gi_class, gi_flags and gi_hz of every feature (no geometry)."""
    order, spec, run = criteria_of(layer)
    keys = criterion_names(layer)
    names = [CRITERION_PREFIX + k for k in keys] + ["gi_class", "gi_flags", "gi_hz", "gi_score"]
    fields = layer.fields()
    idx = [fields.lookupField(n) for n in names]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([i for i in idx if i >= 0])
    fids, rows = [], []
    for f in layer.getFeatures(request):
        fids.append(f.id())
        attrs = f.attributes()
        rows.append([plain(attrs[i]) if i >= 0 else None for i in idx])
    k = len(keys)
    crit = {key: np.array([np.nan if (v := as_float(r[j])) is None else v for r in rows], dtype=float)
            for j, key in enumerate(keys)}
    classes = np.array([r[k] for r in rows], dtype=object)
    flags = [r[k + 1] for r in rows]
    hz = np.array([str(r[k + 2] or "") for r in rows], dtype=object)
    scores = np.array([np.nan if (v := as_float(r[k + 3])) is None else v for r in rows], dtype=float)
    fid_arr = np.array(fids, dtype=np.int64)
    return LiveData(layer.id(), fid_arr, crit, rule_excluded(classes, flags), classes, scores, hz, spec, run, order,
                    {int(f): i for i, f in enumerate(fids)})


def live_score(data: LiveData, weights: Mapping[str, float]) -> ScoreCore:
    """Every feature re-scored under ``weights`` (ties by feature id, as the run by input order)."""
    breaks, share = data.formula()
    return rescore(data.order, data.criteria, weights, data.excluded, data.fids, data.groups(), breaks, share)


def reproduces_run(data: LiveData, weights: Mapping[str, float], tol: float = 0.01) -> bool:
    """True when re-scoring with the run's weights gives the run's gi_score (within ``tol``
    points) on every scored feature: the result's score is the weighted mean of its c_*."""
    try:
        score = live_score(data, weights).score
    except ValueError:
        return False
    have = np.isfinite(data.scores)
    return bool(np.all(np.isfinite(score[have])) and np.all(np.abs(score[have] - data.scores[have]) <= tol))


def class_letters(fids: np.ndarray, classes: np.ndarray) -> tuple[str, int] | None:
    """One class letter per feature id from the smallest to the largest id ("X" for a gap) and
    the base (smallest id − 1) for :data:`CLASS_EXPRESSION`; None when the ids spread too wide."""
    if fids.size == 0:
        return "", 0
    lo, hi = int(fids.min()), int(fids.max())
    if hi - lo + 1 > MAX_ID_SPAN:
        return None
    buf = np.full(hi - lo + 1, EXCLUDED.encode(), dtype="S1")
    buf[fids - lo] = np.asarray(classes).astype("S1")
    return buf.tobytes().decode("ascii"), lo - 1


def _set_variables(layer: QgsVectorLayer, values: Mapping[str, object] | None) -> None:
    """Set (``values``) or remove (None) the live variables, keeping the layer's other variables."""
    names = list(layer.customProperty("variableNames") or [])
    vals = list(layer.customProperty("variableValues") or [])
    keep = {n: v for n, v in zip(names, vals) if n not in (CLASS_VARIABLE, BASE_VARIABLE)}
    new = {**keep, **(values or {})}
    if new == dict(zip(names, vals)):
        return  # nothing changes: leave the layer (and the project) untouched, not "modified"
    QgsExpressionContextUtils.setLayerVariables(layer, new)


def stability_text(rank, lo, hi, stab) -> str:
    """"Rank 12, 8–19 under other weightings; class the same in 87 % of them" (None parts left out)."""
    rank, lo, hi, stab = (as_float(plain(v)) for v in (rank, lo, hi, stab))
    if rank is None:
        return "—"
    text = str(int(rank))
    if lo is None or hi is None or stab is None:
        return text
    return tr("Rank {rank}, {lo}–{hi} under other weightings; class the same in {share} % of them").format(
        rank=int(rank), lo=int(lo), hi=int(hi), share=f"{100.0 * stab:.0f}")


# ----------------------------------------------------------------------------------------------
# Saving the tuned weights as a new result
# ----------------------------------------------------------------------------------------------
def _record_with(run: Mapping | None, spec: ScoringSpec | None, layer: QgsVectorLayer,
                 weights: Mapping[str, float]) -> dict:
    """A run record for the re-weighted result: the run's own (algorithm, parameters) with the
    new weights in ``weights`` and in the ``W_*`` parameters, today's date and the source."""
    alg = str((run or {}).get("alg") or (f"gi:{spec.alg_id}" if spec is not None else "gi:unknown"))
    params = dict((run or {}).get("parameters") or {})
    for key, w in weights.items():
        params[f"W_{key.upper()}"] = float(w)
    out = rec.make_record(alg, str((run or {}).get("version", "")), params, weights,
                          datetime.now(timezone.utc))
    if (run or {}).get("formula"):
        out["formula"] = dict(run["formula"])  # the same score form and class breaks
    out["reweighted_from"] = {"layer": layer.name(), "date": str((run or {}).get("date", "")),
                              "weights": dict((run or {}).get("weights") or {})}
    return out


def save_reweighted(layer: QgsVectorLayer, data: LiveData, weights: Mapping[str, float],
                    project: QgsProject | None = None, name: str | None = None) -> QgsVectorLayer:
    """A new memory result layer: ``layer``'s features with score, class, rank (gi_suit, gi_need)
    under ``weights``, the rank stability around them when ``layer`` has it, styled, with its own
    run record (custom property and metadata); added to ``project`` when given."""
    from ..processing.record import metadata_with

    core = live_score(data, weights)
    values: dict[str, np.ndarray] = {
        "gi_score": core.score, "gi_class": core.gi_class,
        "gi_rank": np.where(core.rank > 0, core.rank, 0).astype(float),
    }
    if core.suit is not None:
        values["gi_suit"] = core.suit
    if core.need is not None:
        values["gi_need"] = core.need
    fields = layer.fields()
    if fields.lookupField("gi_stab") >= 0:
        params = (data.run or {}).get("parameters") or {}
        draws = int(as_float(params.get("STAB_DRAWS")) or stability.DRAWS)
        spread = as_float(params.get("STAB_SPREAD")) or stability.CONCENTRATION
        breaks, share = data.formula()
        st = stability.rank_stability({k: core.criteria[k] for k in core.scored}, core.weights, core.excluded,
                                      core.gi_class, draws=draws, concentration=spread, tiebreak=data.fids,
                                      breaks=breaks, groups=data.groups(), need_share=share)
        values.update({"gi_stab": st.stab, "gi_rank_lo": st.rank_lo.astype(float), "gi_rank_hi": st.rank_hi.astype(float)})
    out = QgsVectorLayer(f"{_geometry_uri(layer)}?crs={layer.crs().authid() or 'EPSG:25832'}",
                         name or tr("{name} (weights tuned)").format(name=layer.name()), "memory")
    if layer.crs().isValid():
        out.setCrs(layer.crs())
    provider = out.dataProvider()
    provider.addAttributes([QgsField(f) for f in fields])
    out.updateFields()
    positions = {fname: fields.lookupField(fname) for fname in values if fields.lookupField(fname) >= 0}
    flags_at = fields.lookupField("gi_flags")
    no_criteria = core.masks.get(NO_CRITERIA)
    feats = []
    for f in layer.getFeatures():
        row = data.row(f.id())
        attrs = list(f.attributes())
        if row is not None and flags_at >= 0 and no_criteria is not None:
            # "no criterion value under these weights" follows the new weights; the other flags stay
            codes = [c for c in str(plain(attrs[flags_at]) or "").split(",") if c and c != NO_CRITERIA]
            attrs[flags_at] = ",".join(codes + ([NO_CRITERIA] if no_criteria[row] else []))
        if row is not None:
            for fname, pos in positions.items():
                v = values[fname][row]
                if fname == "gi_class":
                    attrs[pos] = str(v)
                elif isinstance(v, float | np.floating) and (not np.isfinite(v) or (fname.startswith("gi_rank") and v <= 0)):
                    attrs[pos] = None
                else:
                    attrs[pos] = int(v) if fname.startswith("gi_rank") else float(v)
        g = QgsFeature(out.fields())
        g.setGeometry(f.geometry())
        g.setAttributes(attrs)
        feats.append(g)
    provider.addFeatures(feats)
    out.updateExtents()
    text = rec.dumps(_record_with(data.run, data.spec, layer, weights))
    out.setCustomProperty(rec.PROPERTY, text)
    out.setMetadata(metadata_with(out.metadata(), text, out.name()))
    apply_result_styles(out)
    if project is not None:
        project.addMapLayer(out)
    return out


def _geometry_uri(layer: QgsVectorLayer) -> str:
    from qgis.core import QgsWkbTypes

    return QgsWkbTypes.displayString(layer.wkbType()) or "MultiPolygon"


# ----------------------------------------------------------------------------------------------
# Widget
# ----------------------------------------------------------------------------------------------
def _text(layout, text: str = "") -> QLabel:
    """A wrapping label added to ``layout``."""
    label = QLabel(text)
    label.setWordWrap(True)
    layout.addWidget(label)
    return label


class LiveWeightsWidget(QWidget):
    """A slider per criterion of the chosen result layer; the map, the inspector's bars and the
    Handlungsziele follow at once. ``weightsChanged(layer_id)`` tells the dock to refresh them."""

    weightsChanged = pyqtSignal(str)  # noqa: N815
    resultSaved = pyqtSignal(str)  # noqa: N815 - id of the new layer

    LARGE = 100_000  # features: above, the map and the numbers follow 200 ms after the last move

    def __init__(self, project: QgsProject | None = None, parent=None):
        super().__init__(parent)
        self.project = project or QgsProject.instance()
        self.layer: QgsVectorLayer | None = None
        self.data: LiveData | None = None
        self.run_weights: dict[str, float] = {}
        self.weights: dict[str, float] = {}
        self.core: ScoreCore | None = None
        self.sliders: dict[str, QSlider] = {}
        self.share_labels: dict[str, QLabel] = {}
        self._renderer = None  # the layer's own renderer while the live one is shown
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.apply)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        _text(lay, tr("Move the sliders to weight the criteria differently: the map, the bars in “Result” and "
                      "the Handlungsziele follow at once, from the result's own criteria (c_*), without a new run."))
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(tr("The result layer whose weights are tuned"))
        self.layer_combo.currentIndexChanged.connect(self._combo_changed)
        lay.addWidget(self.layer_combo)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        lay.addLayout(self.grid)
        self.note = _text(lay)
        self.note.setStyleSheet("color: #666;")
        self.summary = _text(lay)
        buttons = QHBoxLayout()
        self.reset_button, self.save_button = (QPushButton(tr("Reset")), QPushButton(tr("Save as new result")))
        for button, tip, slot in (
            (self.reset_button, tr("Back to the weights of the run and the layer's own style"), self.reset),
            (self.save_button, tr("Write a new result layer with these weights and its own run record"), self.save),
        ):
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        lay.addLayout(buttons)
        from .inspector import CriteriaChart  # here: inspector.py imports this module

        self.feature_label = _text(lay)
        self.chart = CriteriaChart()
        lay.addWidget(self.chart)
        self.feature_label.setVisible(False)
        self.chart.setVisible(False)
        lay.addStretch(1)
        self._update_buttons()

    # -- layers ---------------------------------------------------------------------------------
    def set_layers(self, layers: Sequence[QgsVectorLayer]) -> None:
        current = self.layer.id() if self.layer is not None else self.layer_combo.currentData()
        index = fill_layer_combo(self.layer_combo, layers, current)
        if self.layer is not None and index < 0:
            self.release()
        if self.layer is None or self.layer.id() != self.layer_combo.currentData():
            self._combo_changed(self.layer_combo.currentIndex())

    def _combo_changed(self, _index: int) -> None:
        layer = self.project.mapLayer(self.layer_combo.currentData() or "")
        self.set_layer(layer if isinstance(layer, QgsVectorLayer) else None)

    def set_layer(self, layer: QgsVectorLayer | None) -> None:
        """Tune ``layer`` (a result layer); the previous layer gets its own style back."""
        if self.layer is not None and layer is not None and layer.id() == self.layer.id():
            return
        self.release()
        self.layer = layer
        for i in reversed(range(self.grid.count())):
            widget = self.grid.itemAt(i).widget()
            if widget is not None:
                widget.deleteLater()
        self.sliders, self.share_labels = {}, {}
        if layer is None:
            self.note.setText("")
            self.summary.setText(tr("No result layer in the project yet."))
            self._update_buttons()
            return
        index = self.layer_combo.findData(layer.id())
        if index >= 0 and index != self.layer_combo.currentIndex():
            self.layer_combo.blockSignals(True)
            self.layer_combo.setCurrentIndex(index)
            self.layer_combo.blockSignals(False)
        self.data = None  # the features are read at the first slider move (live_data())
        renderer = layer.renderer()
        if renderer is not None and getattr(renderer, "classAttribute", str)() == CLASS_EXPRESSION:
            # tuned when the project was saved: the run's classes again (the variables are stale)
            layer.setRenderer(class_renderer(layer))
            _set_variables(layer, None)
            layer.triggerRepaint()
        order, spec, _run = criteria_of(layer)
        weights, note = layer_weights(layer, order)
        self.run_weights = {k: float(weights.get(k, 0.0)) for k in order}
        self.weights = dict(self.run_weights)
        self.note.setText(note)
        top = max(self.run_weights.values(), default=0.0) or 1.0
        self._scale = top * 2.0 / SLIDER_MAX  # the run's largest weight sits in the middle of its slider
        for row, key in enumerate(order):
            label = QLabel(criterion_label(key, spec))
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setObjectName(f"weight_{key}")
            slider.setRange(0, SLIDER_MAX)
            slider.setValue(int(round(self.run_weights[key] / self._scale)))
            slider.setToolTip(tr("Weight of {criterion}").format(criterion=label.text()))
            slider.valueChanged.connect(self._slider_moved)
            share = QLabel()
            share.setMinimumWidth(40)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(slider, row, 1)
            self.grid.addWidget(share, row, 2)
            self.sliders[key], self.share_labels[key] = slider, share
        self.core = None
        self._show_shares()
        self.summary.setText("")
        self._update_buttons()

    def live_data(self) -> LiveData | None:
        """The chosen layer's criteria and classes, read once (at the first slider move)."""
        if self.layer is not None and (self.data is None or len(self.data.fids) != self.layer.featureCount()):
            self.data = read_live_data(self.layer)  # again when features were added or deleted
        return self.data

    def release(self) -> None:
        """Give the current layer its own renderer back (before switching, on reset, on close)."""
        if self.layer is not None and self._renderer is not None:
            try:
                self.layer.setRenderer(self._renderer)
                _set_variables(self.layer, None)
                self.layer.triggerRepaint()
            except RuntimeError:  # the layer was deleted
                pass
        self._renderer = None
        self.core = None

    def forget(self, layer_ids) -> None:
        """The project removes these layers: drop the one being tuned without touching it."""
        if self.layer is not None and self.layer.id() in set(layer_ids):
            self._renderer = None
            self.layer, self.data, self.core = None, None, None
            self.set_layer(None)

    # -- tuning ---------------------------------------------------------------------------------
    def is_live(self) -> bool:
        """True while the weights differ from the run's."""
        return self.core is not None

    def _slider_moved(self, _value: int) -> None:
        key = next((k for k, s in self.sliders.items() if s is self.sender()), None)
        if key is None:
            return
        self.weights[key] = self.sliders[key].value() * self._scale
        self._show_shares()
        large = self.layer is not None and self.layer.featureCount() > self.LARGE
        self._timer.start(200 if large else 0)

    def _show_shares(self) -> None:
        total = sum(self.weights.values())
        for key, label in self.share_labels.items():
            label.setText(f"{100.0 * self.weights[key] / total:.0f} %" if total > 0 else "—")

    def apply(self) -> bool:
        """Re-score with the sliders' weights: the map's style, the summary, ``weightsChanged``."""
        if self.layer is None or self.live_data() is None:
            return False
        if sum(self.weights.values()) <= 0:
            self.summary.setText(tr("All weights are 0: give at least one criterion a weight above 0."))
            return False
        if self.data.run is not None and not reproduces_run(self.data, self.run_weights):
            self.summary.setText(tr("This result's scores are not the weighted mean of its criteria (c_*), so they "
                                    "cannot be re-weighted here: run the algorithm again with other weights."))
            return False
        try:
            core = live_score(self.data, self.weights)
        except ValueError:
            self.summary.setText(tr("No criterion with values has a weight above 0."))
            return False
        self.core = core
        letters = class_letters(self.data.fids, core.gi_class)
        if letters is not None:
            if self._renderer is None:
                self._renderer = self.layer.renderer().clone() if self.layer.renderer() is not None else None
            _set_variables(self.layer, {CLASS_VARIABLE: letters[0], BASE_VARIABLE: letters[1]})
            renderer = class_renderer(self.layer)
            renderer.setClassAttribute(CLASS_EXPRESSION)
            self.layer.setRenderer(renderer)
            self.layer.triggerRepaint()
        counts = {c: int((core.gi_class == c).sum()) for c in (*CLASS_LABELS, EXCLUDED)}
        changed = int((core.gi_class != self.data.classes).sum())
        self.summary.setText(tr("With these weights: A {a}, B {b}, C {c}, D {d}, X {x}; {changed} features change "
                                "their class.").format(a=counts["A"], b=counts["B"], c=counts["C"], d=counts["D"],
                                                       x=counts["X"], changed=changed))
        if letters is None:
            self.summary.setText(self.summary.text() + " " + tr(
                "The map keeps the run's classes: the feature ids of this layer are spread too widely to be "
                "drawn live; save the new result to see it on the map."))
        self._update_buttons()
        self.weightsChanged.emit(self.layer.id())
        return True

    def reset(self) -> None:
        """Back to the run's weights and the layer's own style."""
        if self.layer is None:
            return
        self._timer.stop()
        self.weights = dict(self.run_weights)
        for key, slider in self.sliders.items():
            slider.blockSignals(True)
            slider.setValue(int(round(self.run_weights[key] / self._scale)))
            slider.blockSignals(False)
        self._show_shares()
        self.release()
        self.summary.setText("")
        self._update_buttons()
        self.weightsChanged.emit(self.layer.id())

    def save(self) -> QgsVectorLayer | None:
        """The tuned result as a new layer in the project (see :func:`save_reweighted`)."""
        if self.layer is None or self.live_data() is None or sum(self.weights.values()) <= 0:
            return None
        total = sum(self.weights.values())
        weights = {k: w / total for k, w in self.weights.items()}
        out = save_reweighted(self.layer, self.data, weights, self.project)
        self.summary.setText(tr("Saved as “{name}” (a temporary layer: export it to keep it).").format(name=out.name()))
        self.resultSaved.emit(out.id())
        return out

    def _update_buttons(self) -> None:
        has = self.layer is not None and bool(self.sliders)
        self.reset_button.setEnabled(has)
        self.save_button.setEnabled(has)

    def show_feature(self, layer_id: str, name: str, values: Sequence[str], bars) -> None:
        """The feature selected in the inspector (its score, class, rank texts and bars), shown
        under the sliders while it belongs to the layer being tuned."""
        mine = self.layer is not None and self.layer.id() == layer_id
        if mine:
            suffix = " " + tr("(live weights)")  # the inspector marks each value; here once at the end
            score, klass, rank = (v.replace(suffix, "") for v in values)
            text = tr("{feature}: score {score}, class {klass}, rank {rank}").format(
                feature=name, score=score, klass=klass, rank=rank)
            self.feature_label.setText(text + (suffix if any(suffix in v for v in values) else ""))
            self.chart.set_bars(bars)
        self.feature_label.setVisible(mine)
        self.chart.setVisible(mine)

    # -- what the dock asks ---------------------------------------------------------------------
    def live_weights(self, layer_id: str) -> dict[str, float] | None:
        """The tuned weights of ``layer_id`` while live, else None (the run's weights apply)."""
        if self.is_live() and self.layer is not None and self.layer.id() == layer_id:
            return dict(self.weights)
        return None

    def live_values(self, layer_id: str, fid: int) -> tuple[float | None, str, int | None] | None:
        """(score, class, rank) of a feature under the tuned weights, or None when not live."""
        if self.live_weights(layer_id) is None or self.data is None or self.core is None:
            return None
        row = self.data.row(fid)
        if row is None:
            return None
        score = float(self.core.score[row])
        rank = int(self.core.rank[row])
        return (score if np.isfinite(score) else None, str(self.core.gi_class[row]), rank if rank > 0 else None)

    def hz_counts(self, layer_id: str, number: str) -> tuple[int, int, int] | None:
        """Features of ``layer_id`` serving HZ ``number``: (all, class A in the run, class A now)."""
        if self.live_weights(layer_id) is None or self.data is None or self.core is None:
            return None
        serves = np.array([number in str(h).split(",") for h in self.data.hz], dtype=bool)
        return (int(serves.sum()), int((serves & (self.data.classes == "A")).sum()),
                int((serves & (self.core.gi_class == "A")).sum()))


__all__ = ["LiveData", "LiveWeightsWidget", "live_score", "read_live_data", "save_reweighted", "stability_text"]
