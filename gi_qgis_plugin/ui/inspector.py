"""The result inspector: why a feature of a result layer scored as it did, and what lies there.

The logic is in plain functions: ``explain.py`` (``result_summary``, ``layer_weights`` from the
run record, ``criteria_bars`` = the score formula, ``linked_handlungsziele``), ``facts.py``
(``facts_at``: values read live from the role layers at a geometry) and ``values.py``.
``InspectorWidget`` only lays out what they return; ``CriteriaChart`` draws the bars with
QPainter (no chart library).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from qgis.core import (
    QgsFeature,
    QgsMapLayer,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFontMetrics, QPainter, QTextOption
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..i18n import language, tr
from .explain import (
    Bar,
    criteria_bars,
    criterion_label,
    criterion_names,
    hz_html,
    layer_weights,
    linked_handlungsziele,
    need_share_of,
    result_summary,
    run_record_of,
    spec_of,
)
from .facts import fact_rows, facts_at, label_field, park_min_ha, rain_ring_m
from .live_weights import stability_text
from .values import fill_layer_combo, fmt_num, plain


# ----------------------------------------------------------------------------------------------
# Widgets
# ----------------------------------------------------------------------------------------------
class CriteriaChart(QWidget):
    """Horizontal bars: each criterion's points (value × weight × 100) of the 0–100 score."""

    GAP = 4

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        self.setFixedHeight(self._height())
        self.update()

    def _height(self) -> int:
        return max(1, len(self.bars)) * (self._row_h() + self.GAP) + self.GAP

    def _row_h(self) -> int:
        """One row: the text's full height (descenders included), at least 16 px."""
        return max(16, QFontMetrics(self.font()).height() + 2)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(260, self._height())

    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        labels = [b.label or criterion_label(b.criterion) for b in self.bars]
        label_w = max([fm.horizontalAdvance(t) for t in labels] + [40]) + 8
        text_w = fm.horizontalAdvance("00.0") + 8
        width = max(10, self.width() - label_w - text_w - 4)
        # the largest possible bar is weight × 100, so bars of all criteria share one scale
        scale = max([b.weight for b in self.bars] + [1e-9])
        row = self._row_h()
        # QTextOption carries the alignment the same way under Qt5 and Qt6 (no int flags)
        right = QTextOption(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        left = QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        y = self.GAP
        for bar, label in zip(self.bars, labels):
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(0, y, label_w - 6, row), label, right)
            # the bar's full length = the weight: the grey frame shows what the criterion could give
            full = width * bar.weight / scale
            painter.setPen(QColor(170, 170, 170))
            painter.setBrush(QColor(235, 235, 235))
            painter.drawRect(QRectF(label_w, y + 3, full, row - 6))
            if bar.value is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(46, 125, 50))
                painter.drawRect(QRectF(label_w, y + 3, full * bar.value, row - 6))
            painter.setPen(self.palette().windowText().color())
            text = "—" if bar.points is None else fmt_num(bar.points, 1)
            painter.drawText(QRectF(label_w + width + 4, y, text_w, row), text, left)
            y += row + self.GAP
        if not self.bars:
            painter.drawText(QPointF(4, y + fm.ascent()), tr("No criteria fields (c_*) in this layer."))
        painter.end()


def _heading(text: str) -> QLabel:
    label = QLabel(f"<b>{html.escape(text)}</b>")
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def _wrapping_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class InspectorWidget(QWidget):
    """Shows one feature of a result layer: score, criteria, reason, Handlungsziele, facts.

    The dock feeds it (``show_feature``) on a selection change or a map identify; the widget
    itself connects to nothing outside itself, so it needs no clean-up.
    """

    zoomRequested = pyqtSignal()  # noqa: N815
    pickRequested = pyqtSignal()  # noqa: N815
    layerChosen = pyqtSignal(str)  # noqa: N815

    def __init__(self, parent=None):
        super().__init__(parent)
        self._weights_cache: dict[tuple[str, int], tuple[dict[str, float], str]] = {}
        self.layer: QgsVectorLayer | None = None
        self.feature: QgsFeature | None = None
        self.facts: dict[str, Any] = {}
        self.fact_texts: dict[str, str] = {}
        self.bars: list[Bar] = []
        self.hzs: list = []
        # the dock's live weights (ui/live_weights.LiveWeightsWidget): live_weights(layer_id),
        # live_values(layer_id, fid); None = the run's weights
        self.live = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.layer_combo = QComboBox()
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layer_combo.setMinimumContentsLength(12)
        self.layer_combo.setToolTip(tr("Result layers: layers with the fields gi_score, gi_class, gi_rank, gi_hz, "
                                       "gi_flags and gi_reason"))
        self.layer_combo.currentIndexChanged.connect(self._combo_changed)
        top.addWidget(self.layer_combo, 1)
        self.pick_button = QPushButton(tr("Pick on map"))
        self.pick_button.setToolTip(tr("Click a feature of the result layer on the map to inspect it"))
        self.pick_button.clicked.connect(self.pickRequested)
        top.addWidget(self.pick_button)
        self.zoom_button = QPushButton(tr("Zoom to"))
        self.zoom_button.setToolTip(tr("Zoom to the feature and flash it"))
        self.zoom_button.clicked.connect(self.zoomRequested)
        top.addWidget(self.zoom_button)
        outer.addLayout(top)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        lay = self.body_layout

        self.hint = QLabel(tr("Select a feature of a result layer (or use “Pick on map”) to see why it "
                              "scored as it did."))
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)

        self.content = QWidget()
        c = QVBoxLayout(self.content)
        c.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.score_label = QLabel()
        self.class_label = QLabel()
        self.rank_label = QLabel()
        self.rank_label.setWordWrap(True)
        self.feature_label = QLabel()
        self.feature_label.setWordWrap(True)
        form.addRow(tr("Feature:"), self.feature_label)
        form.addRow(tr("Score:"), self.score_label)
        form.addRow(tr("Class:"), self.class_label)
        form.addRow(tr("Rank:"), self.rank_label)
        c.addLayout(form)

        c.addWidget(_heading(tr("Criteria (value × weight, in score points)")))
        self.chart = CriteriaChart()
        c.addWidget(self.chart)
        self.weights_note = QLabel()
        self.weights_note.setWordWrap(True)
        self.weights_note.setStyleSheet("color: #666;")
        c.addWidget(self.weights_note)

        c.addWidget(_heading(tr("Reason")))
        self.reason_label = _wrapping_label()
        c.addWidget(self.reason_label)

        c.addWidget(_heading(tr("At this place")))
        self.facts_grid = QGridLayout()
        self.facts_grid.setColumnStretch(1, 1)
        self.facts_grid.setHorizontalSpacing(12)
        c.addLayout(self.facts_grid)

        c.addWidget(_heading(tr("Handlungsziele")))
        self.hz_label = _wrapping_label()
        c.addWidget(self.hz_label)
        lay.addWidget(self.content)
        lay.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.clear()

    # -- layer list ---------------------------------------------------------------------------
    def set_layers(self, layers: Sequence[QgsVectorLayer]) -> None:
        fill_layer_combo(self.layer_combo, layers, self.layer_combo.currentData())
        self.layer_combo.setEnabled(bool(layers))
        self.pick_button.setEnabled(bool(layers))
        if self.layer is not None and self.layer_combo.findData(self.layer.id()) < 0:
            self.clear()

    def current_layer_id(self) -> str | None:
        return self.layer_combo.currentData()

    def _combo_changed(self, _index: int) -> None:
        layer_id = self.layer_combo.currentData()
        if layer_id:
            self.layerChosen.emit(layer_id)

    # -- content ------------------------------------------------------------------------------
    def clear(self) -> None:
        self.layer = None
        self.feature = None
        self.facts = {}
        self.bars = []
        self.hzs = []
        self.content.setVisible(False)
        self.hint.setVisible(True)
        self.zoom_button.setEnabled(False)

    def show_feature(self, layer: QgsVectorLayer, feature: QgsFeature, roles: Mapping[str, QgsMapLayer],
                     project: QgsProject | None = None) -> None:
        project = project or QgsProject.instance()
        self.layer, self.feature = layer, feature
        index = self.layer_combo.findData(layer.id())
        if index >= 0 and index != self.layer_combo.currentIndex():
            self.layer_combo.blockSignals(True)
            self.layer_combo.setCurrentIndex(index)
            self.layer_combo.blockSignals(False)
        lang = language()
        summary = result_summary(feature)
        name_field = label_field(layer)
        name = plain(feature[name_field]) if name_field else None
        self.feature_label.setText(f"{layer.name()} #{feature.id()}" + (f" – {name}" if name else ""))
        self.score_label.setText("—" if summary.score is None else fmt_num(summary.score, 1))
        self.class_label.setText(summary.klass or "—")
        names = feature.fields().names()
        band = [feature[n] if n in names else None for n in ("gi_rank_lo", "gi_rank_hi", "gi_stab")]
        self.rank_label.setText(stability_text(summary.rank, *band))
        live = self.live.live_values(layer.id(), feature.id()) if self.live is not None else None
        if live is not None:  # "62,0 → 70,3 (live weights)"
            score, klass, rank = live
            suffix = " " + tr("(live weights)")
            self.score_label.setText(self.score_label.text() + " → " + ("—" if score is None else fmt_num(score, 1)) + suffix)
            self.class_label.setText(self.class_label.text() + " → " + klass + suffix)
            # the band belongs to the run's weights: under live weights the rank's change says more
            self.rank_label.setText(("—" if summary.rank is None else str(summary.rank)) + " → "
                                    + ("—" if rank is None else str(rank)) + suffix)

        criteria = criterion_names(layer)
        key = (layer.id(), layer.featureCount())
        cached = self._weights_cache.get(key)
        if cached is None:
            cached = self._weights_cache[key] = layer_weights(layer, criteria)
        weights, note = cached
        live_weights = self.live.live_weights(layer.id()) if self.live is not None else None
        if live_weights is not None:
            weights = live_weights
            note = tr("Bars with the live weights of the tab “Weights” (not saved).")
        run = run_record_of(layer)
        self.bars = criteria_bars(feature, weights, spec_of(layer, run), need_share_of(run))
        self.chart.set_bars(self.bars)
        self.weights_note.setText(note)
        reason = html.escape(summary.reason or "—")
        if summary.flags:
            from .words import flag_words

            reason += " <span style='color:#666'>(" + html.escape(flag_words(summary.flags)) + ")</span>"
        self.reason_label.setText(reason)

        ring_m = rain_ring_m(run)  # the ring of the run that wrote this result
        self.facts = facts_at(feature.geometry(), layer.crs(), roles, project, ring_m,
                              park_min_ha(run)) if feature.hasGeometry() else {}
        while self.facts_grid.count():
            item = self.facts_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # out of the layout at once; deleted when the event loop runs
                item.widget().deleteLater()
        rows = fact_rows(self.facts, roles, ring_m)
        self.fact_texts = dict(rows)
        for i, (label, text) in enumerate(rows):
            name = QLabel(label + ":")
            name.setWordWrap(True)
            value = QLabel(text)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts_grid.addWidget(name, i, 0, Qt.AlignmentFlag.AlignTop)
            self.facts_grid.addWidget(value, i, 1, Qt.AlignmentFlag.AlignTop)
        if not rows:
            note = QLabel(tr("Assign role layers in the tab “Layers/Roles” to see what lies here."))
            note.setWordWrap(True)
            self.facts_grid.addWidget(note, 0, 0, 1, 2)

        self.hzs = linked_handlungsziele(summary.hz)
        self.hz_label.setText(hz_html(self.hzs, lang))
        self.hint.setVisible(False)
        self.content.setVisible(True)
        self.zoom_button.setEnabled(True)


__all__ = ["CriteriaChart", "InspectorWidget"]
