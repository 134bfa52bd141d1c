"""The Handlungsziele browser: the 27 goals by Leitthema, and what the project's results do for them.

``hz_expression`` is the QGIS expression that finds features serving a Handlungsziel in the
``gi_hz`` field; ``hz_results`` counts them and sums their area or length per result layer;
``select_hz`` selects them on the map; ``green_roof_progress`` measures Handlungsziel 02 (half of
the flat roofs green by 2030) on a roof result layer. ``HzBrowserWidget`` shows all of it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

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
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..catalog import CatalogError, load_catalog, normalise_number
from ..i18n import language, tr
from .inspector import as_float, fmt_num, measurer, plain
from .roles import fold, is_result_layer

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
    """Per result layer: how many features serve ``number`` and their total area or length."""
    project = project or QgsProject.instance()
    out = []
    expr = hz_expression(number)
    for layer in layers:
        da = measurer(layer.crs(), project)
        request = QgsFeatureRequest().setFilterExpression(expr)
        request.setSubsetOfAttributes([HZ_FIELD], layer.fields())
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
    """Select, in each result layer, exactly the features serving ``number``; layer id -> count."""
    expr = hz_expression(number)
    out = {}
    for layer in layers:
        layer.selectByExpression(expr, Qgis.SelectBehavior.SetSelection)
        out[layer.id()] = layer.selectedFeatureCount()
    return out


# ----------------------------------------------------------------------------------------------
# Progress of Handlungsziel 02: half of the flat roofs green by 2030
# ----------------------------------------------------------------------------------------------
GREEN_FLAG = "green_exists"
# Without a slope class field, flags that take a roof out of the flat-roof total.
NOT_FLAT_FLAGS = ("slope_gt", "pitched", "not_flat")
SLOPE_CLASS_FIELD = "slope_class"
# Roof area, in this order of preference: the greenable area gi:flatroofs writes, other area
# fields, else the polygon's own area.
AREA_FIELDS = ("greenable_m2", "flat_area_m2", "roof_area_m2", "area_m2")
GREENABLE_FIELD = "greenable_m2"
SCOPE_FIELD = "in_target_scope"  # 1/0 from gi:flatroofs, NULL when it had no target area layer


def _flat_class() -> str:
    from ..scoring.roofs import FLAT_CLASS

    return FLAT_CLASS


@dataclass(frozen=True)
class RoofProgress:
    layer_id: str
    layer_name: str
    flat_area_m2: float
    green_area_m2: float
    target_percent: float
    in_target_area_only: bool = False  # True: counted inside the 2030 target area only

    @property
    def share_percent(self) -> float:
        return 100.0 * self.green_area_m2 / self.flat_area_m2 if self.flat_area_m2 > 0 else 0.0


def is_roof_result(layer: QgsVectorLayer) -> bool:
    """A roof result: a result layer with a field greenable_m2 or features flagged green_exists."""
    if not is_result_layer(layer):
        return False
    if GREENABLE_FIELD in layer.fields().names():
        return True
    request = QgsFeatureRequest().setFilterExpression(
        f"regexp_match({QgsExpression.quotedColumnRef('gi_flags')}, '(^|,) *{GREEN_FLAG} *(,|$)')"
    ).setLimit(1)
    request.setNoAttributes()
    return next(layer.getFeatures(request), None) is not None


def green_roof_progress(layer: QgsVectorLayer, project: QgsProject | None = None) -> RoofProgress | None:
    """Share of the flat roof area that is already green, against the 50 % of Handlungsziel 02.

    Counted as gi:flatroofs counts its district table: flat roofs are those of slope class
    0–5° (field ``slope_class``), whatever their score class (listed and already green ones
    too); without that field, every roof not flagged as steep (``slope_gt…``). Where the layer
    has ``in_target_scope`` values, only roofs with 1 count (the target is for the inner
    cities). Green roofs carry the flag ``green_exists``. A roof's area is its ``greenable_m2`` (or another area field),
    else its polygon area. None when the layer is not a roof result.
    """
    if not is_roof_result(layer):
        return None
    project = project or QgsProject.instance()
    target = 50.0
    try:
        target = float(load_catalog().get("02").target("green_flat_roofs").value)
    except CatalogError:
        pass
    names = layer.fields().names()
    area_field = next((n for n in AREA_FIELDS if n in names), None)
    class_field = SLOPE_CLASS_FIELD if SLOPE_CLASS_FIELD in names else None
    flat_class = _flat_class()
    # The target holds "in the inner cities": where gi:flatroofs had a target area (field
    # in_target_scope filled), count only the roofs inside it.
    scope_field = SCOPE_FIELD if SCOPE_FIELD in names else None
    if scope_field is not None:
        request = QgsFeatureRequest().setFilterExpression(f"{QgsExpression.quotedColumnRef(scope_field)} IS NOT NULL")
        request.setNoAttributes()
        request.setLimit(1)
        if next(layer.getFeatures(request), None) is None:
            scope_field = None
    da = measurer(layer.crs(), project)
    flat = green = 0.0
    for f in layer.getFeatures():
        if scope_field is not None and as_float(f[scope_field]) != 1:
            continue
        flags = {fold(x.strip()) for x in str(plain(f["gi_flags"]) or "").split(",") if x.strip()}
        if class_field is not None:
            if str(plain(f[class_field]) or "").strip() != flat_class:
                continue
        elif any(flag.startswith(p) for flag in flags for p in NOT_FLAT_FLAGS):
            continue
        area = as_float(f[area_field]) if area_field else None
        if area is None and f.hasGeometry():
            area = da.convertAreaMeasurement(da.measureArea(f.geometry()), Qgis.AreaUnit.SquareMeters)
        area = area or 0.0
        flat += area
        if GREEN_FLAG in flags:
            green += area
    return RoofProgress(layer.id(), layer.name(), flat, green, target, scope_field is not None)


def format_area(m2: float) -> str:
    if m2 >= 10000:
        return tr("{ha} ha").format(ha=fmt_num(m2 / 10000.0, 2))
    return tr("{m2} m²").format(m2=fmt_num(m2, 0))


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
        self.progress: RoofProgress | None = None
        self._dirty = False

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search Handlungsziele …"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        lay.addWidget(self.search)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setWordWrap(True)
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
            group.setToolTip(0, lt.motto(lang))
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for hz in self.catalog.handlungsziele:
                if hz.leitthemen[0] != lt.id:  # grouped by the main Leitthema: each goal once
                    continue
                item = QTreeWidgetItem([f"{hz.number}  {hz.title(lang)}"])
                item.setData(0, NUMBER_ROLE, hz.number)
                item.setToolTip(0, hz.title(lang))
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

    def refresh(self) -> None:
        """Recount results (layers changed). Deferred while the tab is hidden: counting a city's
        roofs on every added layer would slow down work that has nothing to do with this tab."""
        if not self.isVisible():
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
        if hz.targets:
            parts.append(f"<p>{html.escape(tr('Targets:'))}</p><ul style='margin-left:-20px'>")
            parts += [f"<li>{html.escape(t.describe(lang))}</li>" for t in hz.targets]
            parts.append("</ul>")
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
        self.results_label.setText("".join(lines))
        total = sum(r.count for r in self.results)
        self.select_button.setVisible(bool(layers))
        self.select_button.setEnabled(total > 0)

        self.progress = None
        if self.number == "02":
            self.progress = next((p for p in (green_roof_progress(lyr, self.project) for lyr in layers)
                                  if p is not None), None)
        self.progress_label.setVisible(self.progress is not None)
        self.progress_bar.setVisible(self.progress is not None)
        if self.progress is not None:
            p = self.progress
            text = tr("Green flat roofs in “{layer}”: {green} of {flat} ({share} %; target {target} % by 2030)").format(
                layer=p.layer_name, green=format_area(p.green_area_m2), flat=format_area(p.flat_area_m2),
                share=fmt_num(p.share_percent, 1), target=fmt_num(p.target_percent, 0))
            if p.in_target_area_only:
                text += " " + tr("(roofs in the 2030 target area)")
            self.progress_label.setText(text)
            # the bar runs to the target: full = 50 % of the flat roof area green
            self.progress_bar.setValue(int(round(min(100.0, 100.0 * p.share_percent / p.target_percent))))
            self.progress_bar.setFormat(tr("{share} % of the target").format(
                share=fmt_num(min(100.0, 100.0 * p.share_percent / p.target_percent), 0)))

    def _select_clicked(self) -> None:
        if self.number:
            self.selectRequested.emit(self.number)

