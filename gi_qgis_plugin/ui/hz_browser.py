"""The Handlungsziele browser: the 27 goals by Leitthema, and what the project's results do for them.

``hz_expression`` is the QGIS expression that finds features serving a Handlungsziel in the
``gi_hz`` field; ``hz_results`` counts them and sums their area or length per result layer;
``select_hz`` selects them on the map; ``target_progress`` measures a goal's target (HZ 02: half of
the flat roofs green by 2030) on a roof result layer. ``HzBrowserWidget`` shows all of it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from qgis.core import (
    Qgis,
    QgsExpression,
    QgsFeatureRequest,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..catalog import CatalogError, load_catalog, normalise_number
from ..contract import EXCLUDED
from ..i18n import language, tr, translate_marked
from ..scoring.spec import Measured
from .explain import run_record_of, spec_of, targets_html
from .facts import measurer
from .roles import is_result_layer
from .values import as_float, fmt_num, format_area, plain
from .wrap_tree import WrappingTree

HZ_FIELD = "gi_hz"
NUMBER_ROLE = Qt.ItemDataRole.UserRole


def hz_expression(number: int | str, field: str = HZ_FIELD) -> str:
    """Expression true where ``field`` lists ``number`` (``"02"`` in ``"02"``, ``"24,02"``, ``"2"``).

    Two-digit numbers as the contract writes them, tolerating spaces and a missing leading zero
    of a hand-edited value; "12" never matches "02". NULL gives false.
    """
    n = normalise_number(number)
    digits = f"0?{n[1]}" if n[0] == "0" else n
    return f"regexp_match({QgsExpression.quotedColumnRef(field)}, '(^|,) *{digits} *(,|$)')"


EXCLUDED_CLASS = EXCLUDED  # gi_class of features the algorithm excluded (listed, too steep, already green …)


def serving_expression(number: int | str) -> str:
    """Features that can serve ``number``: it is in gi_hz and the feature is not excluded (class X).

    An excluded roof still names HZ 02 (it is a roof), but a planner asking "which roofs serve
    HZ 02" means the ones that can be greened: classes A–D.
    """
    klass = QgsExpression.quotedColumnRef("gi_class")
    return f"({hz_expression(number)}) AND coalesce({klass}, '') <> '{EXCLUDED_CLASS}'"


def hz_numbers(value) -> set[str]:
    """The numbers in one gi_hz value, tolerant in the same way as :func:`hz_expression`."""
    out = set()
    for token in str(plain(value) or "").split(","):
        try:
            out.add(normalise_number(token))
        except CatalogError:
            continue
    return out


@dataclass(frozen=True)
class HzResult:
    layer_id: str
    layer_name: str
    count: int
    area_m2: float | None  # polygons
    length_m: float | None  # lines


def result_layers(project: QgsProject) -> list[QgsVectorLayer]:
    """Every layer of the project that carries the result contract fields, in layer-tree order."""
    ordered = [n.layer() for n in project.layerTreeRoot().findLayers()]
    seen = {lyr.id() for lyr in ordered if lyr is not None}
    others = [lyr for lid, lyr in project.mapLayers().items() if lid not in seen]
    return [lyr for lyr in ordered + others if is_result_layer(lyr)]


def hz_results(number: int | str, layers: Iterable[QgsVectorLayer], project: QgsProject | None = None) -> list[HzResult]:
    """Per result layer: how many features serve ``number`` and their total area or length.

    Excluded features (class X) are not counted: see :func:`serving_expression`.
    """
    project = project or QgsProject.instance()
    out = []
    expr = serving_expression(number)
    for layer in layers:
        da = measurer(layer.crs(), project)
        request = QgsFeatureRequest().setFilterExpression(expr)
        request.setSubsetOfAttributes([HZ_FIELD, "gi_class"], layer.fields())
        count, area, length = 0, 0.0, 0.0
        gtype = layer.geometryType()
        for f in layer.getFeatures(request):
            count += 1
            if not f.hasGeometry():
                continue
            if gtype == Qgis.GeometryType.Polygon:
                area += da.convertAreaMeasurement(da.measureArea(f.geometry()), Qgis.AreaUnit.SquareMeters)
            elif gtype == Qgis.GeometryType.Line:
                length += da.convertLengthMeasurement(da.measureLength(f.geometry()), Qgis.DistanceUnit.Meters)
        out.append(HzResult(
            layer.id(), layer.name(), count,
            area if gtype == Qgis.GeometryType.Polygon else None,
            length if gtype == Qgis.GeometryType.Line else None,
        ))
    return out


def select_hz(number: int | str, layers: Iterable[QgsVectorLayer]) -> dict[str, int]:
    """Select, in each result layer, exactly the features serving ``number`` (class X left out);
    layer id -> count."""
    expr = serving_expression(number)
    out = {}
    for layer in layers:
        layer.selectByExpression(expr, Qgis.SelectBehavior.SetSelection)
        out[layer.id()] = layer.selectedFeatureCount()
    return out


# ----------------------------------------------------------------------------------------------
# Progress towards a catalogue target, as the algorithm that wrote a result measures it
# ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TargetProgress:
    layer_id: str
    layer_name: str
    label: str  # "Green flat roofs", in the UI language
    measured: Measured
    target_percent: float
    year: int | None = None

    @property
    def share_percent(self) -> float:
        return self.measured.share_percent

    @property
    def in_target_area_only(self) -> bool:
        return self.measured.scope_only


def _columns(layer: QgsVectorLayer, names, project: QgsProject) -> tuple[dict, np.ndarray]:
    """The fields ``names`` of ``layer`` as arrays (float with NaN, or objects with None; None
    for a field the layer lacks) and each feature's area in m²."""
    fields = layer.fields()
    present = [n for n in names if fields.lookupField(n) >= 0]
    values: dict[str, list] = {n: [] for n in present}
    areas = []
    da = measurer(layer.crs(), project)
    polygon = layer.geometryType() == Qgis.GeometryType.Polygon
    for f in layer.getFeatures():
        for n in present:
            values[n].append(plain(f[n]))
        area = da.measureArea(f.geometry()) if polygon and f.hasGeometry() else float("nan")
        areas.append(da.convertAreaMeasurement(area, Qgis.AreaUnit.SquareMeters) if area == area else area)
    out: dict = dict.fromkeys(names)
    for n in present:
        if fields.field(n).isNumeric():
            out[n] = np.array([np.nan if v is None else as_float(v) for v in values[n]], dtype=float)
        else:
            arr = np.empty(len(values[n]), dtype=object)
            arr[:] = [None if v is None else str(v) for v in values[n]]
            out[n] = arr
    return out, np.asarray(areas, dtype=float)


def target_progress(layer: QgsVectorLayer, number: str, project: QgsProject | None = None) -> TargetProgress | None:
    """Progress of Handlungsziel ``number`` measured on ``layer``: by the measure that the spec of
    the algorithm which wrote the layer declares (``ScoringSpec.measures``); None when that
    algorithm measures none of this goal's targets, or the layer is no result."""
    if not is_result_layer(layer):
        return None
    spec = spec_of(layer, run_record_of(layer))
    measure = next((m for m in (spec.measures if spec else ()) if m.hz == normalise_number(number)), None)
    if measure is None:
        return None
    target, year = 0.0, None
    try:
        t = load_catalog().get(measure.hz).target(measure.target)
        target, year = float(t.value), t.year
    except (CatalogError, KeyError, AttributeError):
        return None
    columns, areas = _columns(layer, measure.fields, project or QgsProject.instance())
    return TargetProgress(layer.id(), layer.name(), translate_marked(measure.label),
                          measure.measure(columns, areas), target, year)


def format_result(res: HzResult) -> str:
    text = tr("{n} features").format(n=res.count)
    if res.area_m2 is not None:
        text += ", " + format_area(res.area_m2)
    if res.length_m is not None:
        text += ", " + tr("{km} km").format(km=fmt_num(res.length_m / 1000.0, 2))
    return text


# ----------------------------------------------------------------------------------------------
# Widget
# ----------------------------------------------------------------------------------------------
class HzBrowserWidget(QWidget):
    """Tree of the 27 Handlungsziele (by main Leitthema), a search box and the selected goal."""

    selectRequested = pyqtSignal(str)  # noqa: N815 - HZ number

    def __init__(self, parent=None):
        super().__init__(parent)
        self.catalog = load_catalog()
        self.project: QgsProject = QgsProject.instance()
        self.number: str | None = None
        self.results: list[HzResult] = []
        self.progress: TargetProgress | None = None
        self.preferred_layer_id: str | None = None  # the result open in the inspector
        self._dirty = False

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search Handlungsziele …"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        lay.addWidget(self.search)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.tree = WrappingTree()  # long titles wrap instead of ending in "…"
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.currentItemChanged.connect(self._current_changed)
        splitter.addWidget(self.tree)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail = QWidget()
        d = QVBoxLayout(detail)
        # order: the goal, what this project does for it (results, progress), then its texts
        self.title_label = QLabel(tr("Choose a Handlungsziel to see its agreements, targets and results."))
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        d.addWidget(self.title_label)
        self.results_label = QLabel()
        self.results_label.setWordWrap(True)
        self.results_label.setTextFormat(Qt.TextFormat.RichText)
        d.addWidget(self.results_label)
        self.select_button = QPushButton(tr("Select these features on the map"))
        self.select_button.clicked.connect(self._select_clicked)
        d.addWidget(self.select_button)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        d.addWidget(self.progress_label)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        d.addWidget(self.progress_bar)
        # the dock's live weights (ui/live_weights.py): hz_counts(layer_id, number); None = off
        self.live = None
        self.live_label = QLabel()
        self.live_label.setWordWrap(True)
        d.addWidget(self.live_label)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        d.addWidget(self.detail_label)
        d.addStretch(1)
        scroll.setWidget(detail)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        lay.addWidget(splitter, 1)
        self._fill_tree()
        self._show_detail()

    def _fill_tree(self) -> None:
        lang = language()
        self.tree.clear()
        for lt in self.catalog.leitthemen:
            group = QTreeWidgetItem([f"{lt.id} – {lt.title(lang)}"])
            group.setToolTip(0, lt.motto(lang) + "\n" + tr("Assignment of Handlungsziele to Leitthemen: the plugin's own"))
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for hz in self.catalog.handlungsziele:
                if hz.leitthemen[0] != lt.id:  # grouped by the main Leitthema: each goal once
                    continue
                item = QTreeWidgetItem([f"{hz.number}  {hz.title(lang)}"])
                item.setData(0, NUMBER_ROLE, hz.number)
                item.setToolTip(0, f"HZ {hz.number} – {hz.title(lang)}")
                group.addChild(item)
            self.tree.addTopLevelItem(group)
        self.tree.expandAll()

    def hz_items(self) -> list[QTreeWidgetItem]:
        items = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            items += [group.child(j) for j in range(group.childCount())]
        return items

    def visible_numbers(self) -> list[str]:
        return [it.data(0, NUMBER_ROLE) for it in self.hz_items() if not it.isHidden()]

    def apply_filter(self, text: str) -> None:
        """Show only the goals catalog.search finds (all for an empty box), and their groups."""
        found = {hz.number for hz in self.catalog.search(text or "", language())}
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            any_visible = False
            for j in range(group.childCount()):
                child = group.child(j)
                hidden = child.data(0, NUMBER_ROLE) not in found
                child.setHidden(hidden)
                any_visible |= not hidden
            group.setHidden(not any_visible)

    def select_number(self, number: str) -> None:
        for item in self.hz_items():
            if item.data(0, NUMBER_ROLE) == number:
                self.tree.setCurrentItem(item)
                return

    def _current_changed(self, current, _previous) -> None:
        number = current.data(0, NUMBER_ROLE) if current is not None else None
        if number:
            self.number = number
            self._dirty = False
            self._show_detail()

    def set_project(self, project: QgsProject) -> None:
        self.project = project

    def set_preferred_layer(self, layer_id: str | None) -> None:
        """The result layer the progress line reports on first (the one in the inspector)."""
        if layer_id != self.preferred_layer_id:
            self.preferred_layer_id = layer_id
            self.refresh()

    def refresh(self, force: bool = False) -> None:
        """Recount results (layers changed). Deferred while the tab is hidden: counting a city's
        roofs on every added layer would slow down work that has nothing to do with this tab."""
        if not self.isVisible() and not force:
            self._dirty = True
            return
        self._dirty = False
        self._show_detail()

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _show_detail(self) -> None:
        lang = language()
        if not self.number:
            self.results_label.setText("")
            self.select_button.setVisible(False)
            self.progress_label.setVisible(False)
            self.progress_bar.setVisible(False)
            return
        hz = self.catalog.get(self.number)
        self.title_label.setText(f"<b>HZ {hz.number} – {html.escape(hz.title(lang))}</b>")
        parts = [f"<p>{html.escape(tr('Agreements:'))}</p><ul style='margin-left:-20px'>"]
        parts += [f"<li>{html.escape(a)}</li>" for a in hz.agreements(lang)]
        parts.append("</ul>")
        parts.append(targets_html(hz, lang))
        parts.append(
            "<p><small>" + html.escape(tr("Leitthemen (the plugin's assignment): {ids}").format(ids=", ".join(hz.leitthemen)))
            + "</small></p>"
        )
        self.detail_label.setText("".join(parts))

        layers = result_layers(self.project)
        self.results = hz_results(self.number, layers, self.project)
        lines = [f"<p><b>{html.escape(tr('Results in this project'))}</b></p>"]
        if not layers:
            lines.append("<p><i>" + html.escape(tr("No result layer in the project yet.")) + "</i></p>")
        else:
            lines.append("<ul style='margin-left:-20px'>")
            lines += [f"<li>{html.escape(r.layer_name)}: {html.escape(format_result(r))}</li>" for r in self.results]
            lines.append("</ul>")
        # target progress per district from gi:targets tables in the project (the same figures)
        from ..processing.targets import progress_lines

        progress = progress_lines(self.number, self.project, lang)
        if progress:
            lines.append(f"<p><b>{html.escape(tr('Target progress per district'))}</b></p><ul style='margin-left:-20px'>")
            lines += [f"<li>{html.escape(line)}</li>" for line in progress]
            lines.append("</ul>")
        self.results_label.setText("".join(lines))
        total = sum(r.count for r in self.results)
        self.select_button.setVisible(bool(layers))
        self.select_button.setEnabled(total > 0)

        self._show_live(layers)
        self.progress = None
        if self.number:
            # the layer open in the inspector first, then the others in layer-tree order
            ordered = sorted(layers, key=lambda lyr: lyr.id() != self.preferred_layer_id)
            self.progress = next((p for p in (target_progress(lyr, self.number, self.project) for lyr in ordered)
                                  if p is not None), None)
        self.progress_label.setVisible(self.progress is not None)
        self.progress_bar.setVisible(self.progress is not None)
        if self.progress is not None:
            p = self.progress
            # both areas in the unit of the total: "0,40 ha von 6,26 ha", not "4.036 m² von 6,26 ha"
            text = tr("{label} in “{layer}”: {done} of {total} ({share} %; target {target} % by {year})").format(
                label=p.label, layer=p.layer_name, done=format_area(p.measured.done, like=p.measured.total),
                total=format_area(p.measured.total),
                share=fmt_num(p.share_percent, 1), target=fmt_num(p.target_percent, 0), year=p.year or "—")
            if p.in_target_area_only:
                text += " " + tr("(in the 2030 target area only)")
            self.progress_label.setText(text)
            # the bar runs to the target: full = 50 % of the flat roof area green
            self.progress_bar.setValue(int(round(min(100.0, 100.0 * p.share_percent / p.target_percent))))
            self.progress_bar.setFormat(tr("{share} % of the target").format(
                share=fmt_num(min(100.0, 100.0 * p.share_percent / p.target_percent), 0)))

    def _show_live(self, layers) -> None:
        """Under live weights: how many features serving this goal are class A now (and in the run)."""
        lines = []
        for layer in layers if self.live is not None and self.number else ():
            counts = self.live.hz_counts(layer.id(), self.number)
            if counts is not None and counts[0]:
                lines.append(tr("“{layer}” with the live weights: {now} of {n} features serving HZ {hz} are class A "
                                "(in the run: {run}).").format(layer=layer.name(), now=counts[2], n=counts[0],
                                                              hz=self.number, run=counts[1]))
        self.live_label.setText(" ".join(lines))
        self.live_label.setVisible(bool(lines))

    def _select_clicked(self) -> None:
        if self.number:
            self.selectRequested.emit(self.number)

