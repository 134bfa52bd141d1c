"""The result inspector: why a feature of a result layer scored as it did, and what lies there.

The logic is in plain functions: ``result_summary`` (the gi_* fields of one feature),
``criteria_bars`` (each c_* value times its weight), ``linked_handlungsziele`` (gi_hz read
against the catalogue) and ``facts_at`` (values read live from the role layers at a
geometry). ``InspectorWidget`` only lays out what they return; ``CriteriaChart`` draws the
bars with QPainter (no chart library).
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMapLayer,
    QgsPoint,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
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

from ..catalog import CatalogError, load_catalog
from ..i18n import language, tr, translate_marked
from ..scoring import record
from ..scoring.common import contributions, weights_from_rows
from ..scoring.criteria import RAIN_BUFFER_M
from ..scoring.spec import ScoringSpec, all_specs, spec_for, spec_for_fields
from .roles import RESULT_FIELDS, fold, guess_field, is_result_layer

CRITERION_PREFIX = "c_"


# ----------------------------------------------------------------------------------------------
# Values of one feature
# ----------------------------------------------------------------------------------------------
def plain(value: Any) -> Any:
    """A field value as plain Python: NULL (QVariant or None) becomes None."""
    if value is None:
        return None
    is_null = getattr(value, "isNull", None)
    if callable(is_null) and not isinstance(value, str):
        try:
            if is_null():
                return None
        except TypeError:
            pass
        convert = getattr(value, "value", None)
        if callable(convert):
            return convert()
    return value


def as_float(value: Any) -> float | None:
    value = plain(value)
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


@dataclass(frozen=True)
class ResultSummary:
    score: float | None
    klass: str
    rank: int | None
    hz: str
    flags: str
    reason: str


def result_summary(feature: QgsFeature) -> ResultSummary:
    """The contract fields of one result feature, NULLs as None / ""."""
    names = feature.fields().names()

    def get(name):
        return plain(feature[name]) if name in names else None

    rank = as_float(get("gi_rank"))
    return ResultSummary(
        score=as_float(get("gi_score")),
        klass=str(get("gi_class") or ""),
        rank=int(rank) if rank is not None else None,
        hz=str(get("gi_hz") or ""),
        flags=str(get("gi_flags") or ""),
        reason=str(get("gi_reason") or ""),
    )


def criterion_names(layer_or_fields) -> list[str]:
    """Criterion names (without ``c_``) of a result layer, in field order."""
    fields = layer_or_fields.fields() if hasattr(layer_or_fields, "fields") else layer_or_fields
    return [n[len(CRITERION_PREFIX):] for n in fields.names() if n.startswith(CRITERION_PREFIX)]


def run_record_of(layer) -> dict | None:
    """The run record of a result layer: its custom property (set when Processing loaded it),
    else the entry in its layer metadata (saved in a GeoPackage or PostGIS); None for old files."""
    if layer is None:
        return None
    found = record.loads(layer.customProperty(record.PROPERTY)) if hasattr(layer, "customProperty") else None
    if found is None and hasattr(layer, "metadata"):
        found = record.from_history(layer.metadata().history())
    return found


def spec_of(layer, run: Mapping | None = None) -> ScoringSpec | None:
    """The spec of the algorithm that wrote the layer: by the run record's algorithm id, else by
    the signature field that only that algorithm writes; None for a foreign result."""
    spec = spec_for(str(run.get("alg", ""))) if run else None
    if spec is None and layer is not None:
        fields = layer.fields() if hasattr(layer, "fields") else layer
        spec = spec_for_fields(fields.names())
    return spec


def _normalised(weights: Mapping[str, float], criteria: Sequence[str]) -> dict[str, float]:
    total = sum(max(float(weights.get(c, 0.0)), 0.0) for c in criteria)
    return {c: max(float(weights.get(c, 0.0)), 0.0) / total for c in criteria} if total > 0 else {}


def default_weights(criteria: Sequence[str], spec: ScoringSpec | None = None) -> tuple[dict[str, float], bool]:
    """Weights (summing to 1) for ``criteria`` and whether they are the algorithm's defaults.

    The defaults of ``spec`` when it declares every criterion of the layer, else equal weights.
    """
    if not criteria:
        return {}, False
    if spec is not None and all(c in spec.keys for c in criteria):
        weights = _normalised(spec.default_weights(), criteria)
        if weights:
            return weights, True
    return {c: 1.0 / len(criteria) for c in criteria}, False


def weights_from_results(layer, criteria: Sequence[str], max_rows: int = 5000) -> dict[str, float] | None:
    """The weights a result was scored with, recovered from its own rows (old files without a
    run record): ``scoring.common.weights_from_rows`` over up to ``max_rows`` features.

    gi_score = 100 × Σ w·c / Σ w over the criteria, so on the scored features that have every
    criterion the normalised weights solve a linear least-squares problem. Returns None when
    there are too few such features or the fit is not exact (the layer was edited, or is not a
    gi result).
    """
    import numpy as np
    from qgis.core import QgsFeatureRequest

    criteria = list(criteria)
    if not criteria:
        return None
    fields = layer.fields()
    names = ["gi_score"] + [CRITERION_PREFIX + c for c in criteria]
    idx = [fields.lookupField(n) for n in names]
    if min(idx) < 0:
        return None
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(idx)
    request.setLimit(max_rows)
    rows = [[as_float(f.attribute(i)) for i in idx] for f in layer.getFeatures(request)]
    data = np.array([[np.nan if v is None else v for v in r] for r in rows], dtype=float).reshape(-1, len(idx))
    return weights_from_rows(data[:, 0], {c: data[:, k + 1] for k, c in enumerate(criteria)})


def layer_weights(layer, criteria: Sequence[str]) -> tuple[dict[str, float], str]:
    """The weights to explain ``layer`` with (summing to 1) and a note that says where they come
    from: the run record, else the result's own rows, else the algorithm's defaults, else equal."""
    run = run_record_of(layer)
    weights = _normalised(record.weights_of(run, criteria) or {}, criteria)
    if weights:
        return weights, tr("Weights from this result's run record ({alg}, {date}).").format(
            alg=run.get("alg", ""), date=str(run.get("date", ""))[:10])
    weights = weights_from_results(layer, criteria)
    if weights:
        return weights, tr("Weights as recovered from this result's own scores.")
    weights, from_spec = default_weights(criteria, spec_of(layer, run))
    if from_spec:
        return weights, tr("The weights could not be recovered from this result; shown with the default weights of the algorithm.")
    return weights, tr("The weights could not be recovered from this result; shown with equal weights.")


@dataclass(frozen=True)
class Bar:
    criterion: str
    value: float | None  # 0–1 normalised criterion, None when unknown for this feature
    weight: float  # 0–1: the criterion's share of the weights of the criteria known here
    points: float | None  # the criterion's points of this feature's 0–100 score
    label: str = ""


def criteria_bars(feature: QgsFeature, weights: Mapping[str, float] | None = None,
                  spec: ScoringSpec | None = None) -> list[Bar]:
    """One bar per c_* field of ``feature``: its points of the score (``common.contributions``,
    the score formula itself: renormalised over the criteria known for this feature, so the
    points add up to gi_score)."""
    import numpy as np

    criteria = criterion_names(feature.fields())
    if weights is None:
        weights, _ = default_weights(criteria, spec)
    values = {c: as_float(feature[CRITERION_PREFIX + c]) for c in criteria}
    arrays = {c: np.array([np.nan if v is None else v]) for c, v in values.items()}
    points = contributions(arrays, weights)
    known = _normalised(weights, [c for c in criteria if values[c] is not None])
    every = _normalised(weights, criteria)
    bars = []
    for c in criteria:
        value = values[c]
        if value is None:
            bars.append(Bar(c, None, every.get(c, 0.0), None, criterion_label(c, spec)))
        else:
            pts = float(points[c][0]) if c in points else 0.0
            bars.append(Bar(c, value, known.get(c, 0.0), pts, criterion_label(c, spec)))
    return bars


def criterion_label(name: str, spec: ScoringSpec | None = None) -> str:
    """The criterion's label from the spec that declares it (the layer's own spec first)."""
    specs = ([spec] if spec is not None else []) + [s for s in all_specs() if s is not spec]
    for s in specs:
        if name in s.keys:
            label = translate_marked(s.criterion(name).label)
            return label[:1].upper() + label[1:]
    return name


def linked_handlungsziele(gi_hz: str | None) -> list:
    """The Handlungsziele named in a gi_hz value, skipping unknown numbers (never raises)."""
    catalog = load_catalog()
    out = []
    for token in (gi_hz or "").split(","):
        if not token.strip():
            continue
        try:
            hz = catalog.get(token)
        except CatalogError:
            continue
        if hz not in out:
            out.append(hz)
    return out


# ----------------------------------------------------------------------------------------------
# Facts at a feature, read live from the role layers
# ----------------------------------------------------------------------------------------------
FACT_KEYS = (
    "heat", "klimatop", "water_depth", "biotopverbund", "gruenzug", "protected", "park_distance_m",
    "park_name", "raumtyp", "district", "sewer", "soil", "listed", "biotopverbund_stufe", "water_depth_near",
)


def _transform(src: QgsCoordinateReferenceSystem, dst: QgsCoordinateReferenceSystem, project: QgsProject):
    if not src.isValid() or not dst.isValid() or src == dst:
        return None
    return QgsCoordinateTransform(src, dst, project.transformContext())


def _in_crs(geom: QgsGeometry, xform) -> QgsGeometry:
    out = QgsGeometry(geom)
    if xform is not None:
        out.transform(xform)
    return out


def reference_point(geometry: QgsGeometry) -> QgsGeometry:
    """The centroid, or a point on the surface when the centroid falls outside (L-shapes)."""
    centroid = geometry.centroid()
    if geometry.type() == Qgis.GeometryType.Polygon and not geometry.contains(centroid):
        return geometry.pointOnSurface()
    return centroid


def sample_raster(layer: QgsRasterLayer, point: QgsGeometry, crs: QgsCoordinateReferenceSystem,
                  project: QgsProject, band: int = 1) -> float | None:
    """Band value at ``point`` (in ``crs``), None outside the raster or on nodata."""
    pt = _in_crs(point, _transform(crs, layer.crs(), project)).asPoint()
    value, ok = layer.dataProvider().sample(QgsPointXY(pt), band)
    if not ok or value is None or math.isnan(value):
        return None
    return float(value)


def rain_ring_m(run: Mapping | None = None) -> float:
    """The ring around a feature in which the run read the water depth (its RAIN_BUFFER), else
    the default of the shared criteria."""
    value = as_float(((run or {}).get("parameters") or {}).get("RAIN_BUFFER"))
    return value if value is not None else float(RAIN_BUFFER_M)


MAX_CELLS = 250_000  # a bigger neighbourhood is no "at this feature" look-up any more


def raster_max_near(layer: QgsRasterLayer, geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem,
                    project: QgsProject, distance: float, band: int = 1) -> float | None:
    """Largest band value of the cells whose centre lies within ``distance`` (m) of the feature.

    Buildings are dry in a heavy-rain map (the water stands around them), so the value at the
    centroid says little; gi:flatroofs reads a ring of 10 m around the building, and the
    inspector shows the deepest water in the same neighbourhood. None without a valid cell.
    """
    geom = _in_crs(geometry, _transform(crs, layer.crs(), project))
    if layer.crs().isGeographic():
        distance = distance / 111_320.0  # metres to degrees, near enough for a neighbourhood
    zone = geom.buffer(distance, 8)
    ext = layer.extent()
    px, py = layer.rasterUnitsPerPixelX(), layer.rasterUnitsPerPixelY()
    if px <= 0 or py <= 0:
        return None
    box = zone.boundingBox().intersect(ext)
    if box.isEmpty():
        return None
    c0 = max(0, math.floor((box.xMinimum() - ext.xMinimum()) / px))
    c1 = min(layer.width(), math.ceil((box.xMaximum() - ext.xMinimum()) / px))
    r0 = max(0, math.floor((ext.yMaximum() - box.yMaximum()) / py))
    r1 = min(layer.height(), math.ceil((ext.yMaximum() - box.yMinimum()) / py))
    cols, rows = c1 - c0, r1 - r0
    if cols <= 0 or rows <= 0 or cols * rows > MAX_CELLS:
        return None
    x0, y0 = ext.xMinimum() + c0 * px, ext.yMaximum() - r0 * py
    block = layer.dataProvider().block(band, QgsRectangle(x0, y0 - rows * py, x0 + cols * px, y0), cols, rows)
    engine = QgsGeometry.createGeometryEngine(zone.constGet())
    engine.prepareGeometry()
    best = None
    for r in range(rows):
        for c in range(cols):
            if block.isNoData(r, c):
                continue
            centre = QgsPoint(x0 + (c + 0.5) * px, y0 - (r + 0.5) * py)
            if not engine.intersects(centre):  # a centre on the ring's edge counts
                continue
            value = block.value(r, c)
            if not math.isnan(value) and (best is None or value > best):
                best = float(value)
    return best


def _features_touching(layer: QgsVectorLayer, geom: QgsGeometry, attrs: Sequence[str] = ()):
    """Features of ``layer`` whose geometry intersects ``geom`` (already in the layer's CRS)."""
    request = QgsFeatureRequest().setFilterRect(geom.boundingBox())
    if attrs:
        request.setSubsetOfAttributes(list(attrs), layer.fields())
    else:
        request.setNoAttributes()
    engine = QgsGeometry.createGeometryEngine(geom.constGet())
    engine.prepareGeometry()
    for f in layer.getFeatures(request):
        if f.hasGeometry() and engine.intersects(f.geometry().constGet()):
            yield f


def value_at(layer: QgsVectorLayer, point: QgsGeometry, crs, project, field: str | None) -> Any:
    """``field`` of the first polygon of ``layer`` containing ``point``; True if no field given."""
    pt = _in_crs(point, _transform(crs, layer.crs(), project))
    for f in _features_touching(layer, pt, [field] if field else []):
        return plain(f[field]) if field else True
    return None


def intersects(layer: QgsVectorLayer, geometry: QgsGeometry, crs, project) -> bool:
    geom = _in_crs(geometry, _transform(crs, layer.crs(), project))
    return next(_features_touching(layer, geom), None) is not None


def measurer(crs: QgsCoordinateReferenceSystem, project: QgsProject) -> QgsDistanceArea:
    """Planar in projected CRSs (what the algorithms compute), ellipsoidal in geographic ones."""
    da = QgsDistanceArea()
    da.setSourceCrs(crs, project.transformContext())
    if crs.isGeographic():
        ellipsoid = project.ellipsoid()
        da.setEllipsoid(ellipsoid if ellipsoid and ellipsoid != "NONE" else "EPSG:7030")
    else:
        da.setEllipsoid("NONE")
    return da


def nearest_distance(layer: QgsVectorLayer, geometry: QgsGeometry, crs, project,
                     name_field: str | None = None) -> tuple[float | None, Any]:
    """Distance in metres from ``geometry`` to the nearest feature of ``layer``, and its name."""
    xform = _transform(layer.crs(), crs, project)
    da = measurer(crs, project)
    best, best_name = None, None
    request = QgsFeatureRequest()
    if name_field:
        request.setSubsetOfAttributes([name_field], layer.fields())
    else:
        request.setNoAttributes()
    for f in layer.getFeatures(request):
        if not f.hasGeometry():
            continue
        other = _in_crs(f.geometry(), xform)
        if crs.isGeographic():
            line = geometry.shortestLine(other)
            d = 0.0 if geometry.intersects(other) else da.measureLength(line)
        else:
            d = da.convertLengthMeasurement(geometry.distance(other), Qgis.DistanceUnit.Meters)
        if best is None or d < best:
            best, best_name = d, (plain(f[name_field]) if name_field else None)
            if d == 0:
                break
    return best, best_name


def _label_field(layer: QgsVectorLayer, words: Sequence[str]) -> str | None:
    """A field named like one of ``words``, else the first text field."""
    name = guess_field(layer, words)
    if name:
        return name
    for f in layer.fields():
        if not f.isNumeric() and fold(f.name()) not in ("fid", "id"):
            return f.name()
    return None


def facts_at(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem, roles: Mapping[str, QgsMapLayer],
             project: QgsProject | None = None, ring_m: float | None = None) -> dict[str, Any]:
    """What the role layers say at one feature (``geometry`` in ``crs``).

    Keys (None when the role has no layer):
    ``heat`` raster value at the reference point, or the class field of the heat polygon there;
    ``klimatop`` the Klimatop at the reference point; ``water_depth`` heavy-rain raster value
    (or polygon depth field) at the reference point and ``water_depth_near`` the deepest cell
    within the ring gi:flatroofs reads (10 m); ``biotopverbund`` / ``gruenzug`` /
    ``protected`` / ``sewer`` / ``listed`` True if the feature intersects a polygon of that
    role (``biotopverbund_stufe`` its level); ``park_distance_m`` the distance from the feature's
    outline to the nearest park (0 inside), ``park_name``; ``raumtyp``, ``district``, ``soil``
    the label at the reference point. The reference point is the centroid (a point on the
    surface if the centroid falls outside the polygon).
    """
    project = project or QgsProject.instance()
    point = reference_point(geometry)
    facts: dict[str, Any] = dict.fromkeys(FACT_KEYS)

    def layer(role):
        lyr = roles.get(role)
        return lyr if lyr is not None and lyr.isValid() else None

    heat = layer("heat")
    if isinstance(heat, QgsRasterLayer):
        facts["heat"] = sample_raster(heat, point, crs, project)
    elif isinstance(heat, QgsVectorLayer):
        from .roles import HEAT_FIELD_WORDS

        facts["heat"] = value_at(heat, point, crs, project, _label_field(heat, HEAT_FIELD_WORDS))

    klimatope = layer("klimatope")
    if isinstance(klimatope, QgsVectorLayer):
        facts["klimatop"] = value_at(klimatope, point, crs, project,
                                     _label_field(klimatope, ("klimatop", "typ", "type", "name")))

    rain = layer("rain")
    if isinstance(rain, QgsRasterLayer):
        facts["water_depth"] = sample_raster(rain, point, crs, project)
        facts["water_depth_near"] = raster_max_near(rain, geometry, crs, project, ring_m if ring_m is not None else rain_ring_m())
    elif isinstance(rain, QgsVectorLayer):
        depth_field = guess_field(rain, ("depth", "tiefe", "wasser", "water", "h_max", "hmax"), numeric=True)
        facts["water_depth"] = as_float(value_at(rain, point, crs, project, depth_field)) if depth_field else None

    for role, key in (("gruenzuege", "gruenzug"), ("protected", "protected"), ("sewer", "sewer"),
                      ("listed", "listed")):
        lyr = layer(role)
        if isinstance(lyr, QgsVectorLayer):
            facts[key] = intersects(lyr, geometry, crs, project)

    bv = layer("biotopverbund")
    if isinstance(bv, QgsVectorLayer):
        stufe_field = guess_field(bv, ("stufe", "level", "kategorie", "category"))
        geom = _in_crs(geometry, _transform(crs, bv.crs(), project))
        hits = list(_features_touching(bv, geom, [stufe_field] if stufe_field else []))
        facts["biotopverbund"] = bool(hits)
        if hits and stufe_field:
            facts["biotopverbund_stufe"] = plain(hits[0][stufe_field])

    parks = layer("parks")
    if isinstance(parks, QgsVectorLayer):
        name_field = guess_field(parks, ("name", "bezeichnung", "label"), numeric=False)
        facts["park_distance_m"], facts["park_name"] = nearest_distance(parks, geometry, crs, project, name_field)

    for role, key, words in (("raumtyp", "raumtyp", ("raumtyp", "typ", "type", "name")),
                             ("districts", "district", ("name", "stadtteil", "bezirk", "district")),
                             ("soils", "soil", ("bodentyp", "boden", "soil", "typ", "type", "name"))):
        lyr = layer(role)
        if isinstance(lyr, QgsVectorLayer):
            facts[key] = value_at(lyr, point, crs, project, _label_field(lyr, words))
        elif isinstance(lyr, QgsRasterLayer):
            facts[key] = sample_raster(lyr, point, crs, project)
    return facts


LABEL_FIELDS = ("name", "bezeichnung", "strassenname", "street_name", "gml_id", "gmlid", "id")


def label_field(layer: QgsVectorLayer) -> str | None:
    """A field that names a feature: one called exactly like LABEL_FIELDS (not "roof_name")."""
    by_fold = {fold(n): n for n in layer.fields().names()}
    return next((by_fold[n] for n in LABEL_FIELDS if n in by_fold), None)


def format_fact(key: str, value: Any) -> str:
    """A fact as text for the inspector (— when unknown)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if key == "park_distance_m":
        return tr("{m} m").format(m=f"{value:,.0f}".replace(",", "\u202f"))
    if key == "water_depth":
        return tr("{m} m").format(m=fmt_num(value, 2))
    if isinstance(value, float):
        return fmt_num(value, 1)
    return str(value)


def fmt_num(value: float, digits: int) -> str:
    """1234.5 -> "1,234.5" (English) or "1.234,5" (German)."""
    text = f"{value:,.{digits}f}"
    if language() == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fact_rows(facts: Mapping[str, Any], roles: Mapping[str, QgsMapLayer],
              ring_m: float | None = None) -> list[tuple[str, str]]:
    """(label, text) rows for the facts whose role has a layer, in a fixed order."""
    rows = []

    def add(role, label, key, extra=None):
        if roles.get(role) is None:
            return
        text = format_fact(key, facts.get(key))
        if extra:
            text += extra
        rows.append((label, text))

    add("heat", tr("Thermal load"), "heat")
    add("klimatope", tr("Klimatop"), "klimatop")
    near = facts.get("water_depth_near")
    add("rain", tr("Water depth"), "water_depth",
        tr("; deepest {v} within {d} m").format(d=fmt_num(ring_m if ring_m is not None else rain_ring_m(), 0), v=format_fact("water_depth", near))
        if near is not None else None)
    stufe = facts.get("biotopverbund_stufe")
    add("biotopverbund", tr("In Biotopverbund"), "biotopverbund", f" ({stufe})" if stufe not in (None, "") else None)
    add("gruenzuege", tr("In Regionaler Grünzug"), "gruenzug")
    add("protected", tr("In protected area"), "protected")
    name = facts.get("park_name")
    add("parks", tr("Nearest park"), "park_distance_m", f" ({name})" if name else None)
    add("raumtyp", tr("Raumtyp"), "raumtyp")
    add("districts", tr("District"), "district")
    add("sewer", tr("Combined-sewer area"), "sewer")
    add("listed", tr("Listed building"), "listed")
    add("soils", tr("Soil"), "soil")
    return rows


def hz_html(hzs: Sequence, lang: str) -> str:
    """Title, agreements and targets of Handlungsziele as simple rich text."""
    if not hzs:
        return "<i>" + html.escape(tr("No Handlungsziel linked.")) + "</i>"
    parts = []
    for hz in hzs:
        parts.append(f"<p><b>HZ {hz.number} – {html.escape(hz.title(lang))}</b></p>")
        items = "".join(f"<li>{html.escape(a)}</li>" for a in hz.agreements(lang))
        parts.append(f"<ul style='margin-left:-20px'>{items}</ul>")
        if hz.targets:
            targets = "".join(f"<li>{html.escape(t.describe(lang))}</li>" for t in hz.targets)
            parts.append(f"<p>{html.escape(tr('Targets:'))}</p><ul style='margin-left:-20px'>{targets}</ul>")
    return "".join(parts)


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
        current = self.layer_combo.currentData()
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for lyr in layers:
            self.layer_combo.addItem(lyr.name(), lyr.id())
        index = self.layer_combo.findData(current)
        self.layer_combo.setCurrentIndex(index if index >= 0 else (0 if layers else -1))
        self.layer_combo.blockSignals(False)
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
        self.rank_label.setText("—" if summary.rank is None else str(summary.rank))

        criteria = criterion_names(layer)
        key = (layer.id(), layer.featureCount())
        cached = self._weights_cache.get(key)
        if cached is None:
            cached = self._weights_cache[key] = layer_weights(layer, criteria)
        weights, note = cached
        run = run_record_of(layer)
        self.bars = criteria_bars(feature, weights, spec_of(layer, run))
        self.chart.set_bars(self.bars)
        self.weights_note.setText(note)
        reason = html.escape(summary.reason or "—")
        if summary.flags:
            reason += " <span style='color:#666'>[" + html.escape(summary.flags) + "]</span>"
        self.reason_label.setText(reason)

        ring_m = rain_ring_m(run)  # the ring of the run that wrote this result
        self.facts = facts_at(feature.geometry(), layer.crs(), roles, project, ring_m) if feature.hasGeometry() else {}
        while self.facts_grid.count():
            item = self.facts_grid.takeAt(0)
            if item.widget() is not None:
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


__all__ = [
    "RESULT_FIELDS", "Bar", "CriteriaChart", "InspectorWidget", "ResultSummary", "criteria_bars",
    "default_weights", "layer_weights", "run_record_of", "weights_from_results", "facts_at", "fact_rows", "is_result_layer", "linked_handlungsziele", "result_summary",
]
