"""Inputs that every scoring algorithm may need, as plain functions.

Each function takes the algorithm (for ``parameterAs…``), the parameters, the context, the
:class:`MainInput` of the run, a ``Progress`` and the feedback, and returns arrays per feature of
the main input (or None when its parameter is empty, with a warning when the layer cannot be
used). They work for polygons (roofs, brownfields) and lines (street segments) alike: rasters are
averaged over ``main.zones`` (the polygons, or the buffered lines), polygon layers are looked up
at ``main.points`` (a point inside each polygon, the middle of each line).

An algorithm's ``gather()`` reads like a list of these calls.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from dataclasses import dataclass, field

import numpy as np
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureSource, QgsProcessingException

from ..i18n import tr
from ..scoring import criteria, geo
from ..scoring.progress import Progress
from ..scoring.values import as_text, detect_field, fold, fold_array, truthy
from . import postgis
from . import raster as rasters
from .checks import is_constant, numbers_from_text, raster_notes
from .read import FeatureArrays, number_column, plain_ogr_layer, read_overlay, text_column
from .threads import map_slices

# Field names looked for when a secondary layer's field parameter is empty (case-insensitive).
HEAT_FIELD_CANDIDATES = ("heat_class", "heat", "belastung", "waermebelastung", "klasse")
SCOPE_FIELD_CANDIDATES = ("raumtyp",)
DISTRICT_FIELD_CANDIDATES = ("name", "stadtteil", "bezirk", "district", "ortsteil", "gen")


@dataclass
class MainInput:
    """The main input of a scoring run, read once in the working CRS."""

    arrays: FeatureArrays
    name: str  # for messages
    kind: str  # "polygon" | "line"
    fields: dict[str, str | None] = field(default_factory=dict)  # kind -> field of the input used
    known_points: np.ndarray | None = None  # a point on each feature, when already at hand
    known_zones: np.ndarray | None = None  # the zones, when already at hand
    zone_m: float | np.ndarray = 10.0  # lines: the buffer of their zones (one, or one per feature)

    @property
    def zones(self) -> np.ndarray:
        """Polygons to average rasters over: the polygon, or the line buffered by ``zone_m``
        (flat ends), made on first use."""
        if self.known_zones is None:
            if self.kind != "line":
                self.known_zones = self.geoms
            else:
                zones = np.full(len(self.geoms), None, dtype=object)
                ok = self.usable
                dist = self.zone_m if np.isscalar(self.zone_m) else np.asarray(self.zone_m, dtype=float)[ok]
                zones[ok] = shapely.buffer(self.geoms[ok], dist, cap_style="flat")
                self.known_zones = zones
        return self.known_zones

    @property
    def points(self) -> np.ndarray:
        """A point on each feature (None without geometry), made on first use (on all cores):
        a run that looks nothing up at points does not pay for a million of them."""
        if self.known_points is None:
            self.known_points = map_slices(geo.points_on_surface, self.geoms)
        return self.known_points

    @property
    def geoms(self) -> np.ndarray:
        return self.arrays.geoms

    @property
    def crs(self) -> QgsCoordinateReferenceSystem:
        return self.arrays.crs

    @property
    def usable(self) -> np.ndarray:
        return self.arrays.usable

    @property
    def fids(self) -> np.ndarray:
        return self.arrays.fids

    def __len__(self) -> int:
        return len(self.arrays)


def main_input(arrays: FeatureArrays, name: str, kind: str, line_zone_m: float | np.ndarray = 10.0,
               fields: Mapping[str, str | None] | None = None) -> MainInput:
    """The :class:`MainInput` of read arrays; lines are buffered by ``line_zone_m`` for rasters
    (one distance, or one per feature: half of each street's width), when first needed."""
    return MainInput(arrays=arrays, name=name, kind=kind, fields=dict(fields or {}), zone_m=line_zone_m)


def derived_input(main: MainInput, geoms: np.ndarray, source_index: np.ndarray,
                  line_zone_m: float | np.ndarray = 10.0) -> MainInput:
    """A :class:`MainInput` of features derived from the main input (the segments of street
    lines): ``geoms`` in the working CRS, ``source_index`` the input row of each. The input
    functions of this module then work on the segments; ``fids`` are the source features'."""
    src = np.asarray(source_index, dtype=np.int64)
    arrays = FeatureArrays(fids=main.fids[src], geoms=np.asarray(geoms, dtype=object), fields=main.arrays.fields,
                           rows=None, columns={k: v[src] for k, v in main.arrays.columns.items()}, crs=main.crs)
    return main_input(arrays, main.name, main.kind, line_zone_m, main.fields)


# ----------------------------------------------------------------------------------------------
# Names and fields
# ----------------------------------------------------------------------------------------------
def layer_name(alg, parameters, param: str, context, source=None) -> str:
    """The name to use in messages: the GeoPackage layer, the layer's name, or the parameter."""
    value = parameters.get(param)
    if isinstance(value, str) and "layername=" in value:
        return value.split("layername=", 1)[1].split("|", 1)[0]
    layer = alg.parameterAsVectorLayer(parameters, param, context)
    if layer is not None:
        return layer.name()
    if source is not None and source.sourceName():
        return source.sourceName()
    return param


def chosen_field(alg, parameters, param: str, context, source: QgsFeatureSource,
                 candidates: Sequence[str] = ()) -> str | None:
    """The field chosen in ``param`` (checked to exist), else the first candidate by name."""
    chosen = alg.parameterAsStrings(parameters, param, context)
    fields = source.fields()
    if chosen and chosen[0]:
        idx = fields.lookupField(chosen[0])
        if idx < 0:
            raise QgsProcessingException(tr("Field {field} ({param}) is not in its layer. Its fields are: {fields}.").format(
                field=chosen[0], param=param, fields=", ".join(fields.names())))
        return fields.at(idx).name()
    return detect_field(fields.names(), candidates)


def resolve_fields(alg, parameters, context, source: QgsFeatureSource,
                   params: Mapping[str, tuple[str, Sequence[str]]]) -> dict[str, str | None]:
    """kind -> the chosen field (checked) or the one found by name, for the main input."""
    out: dict[str, str | None] = {}
    for kind, (param, candidates) in params.items():
        chosen = alg.parameterAsStrings(parameters, param, context)
        if chosen and chosen[0]:
            idx = source.fields().lookupField(chosen[0])
            if idx < 0:
                raise QgsProcessingException(tr("Field {field} ({param}) is not in the input layer. Its fields are: {fields}.").format(
                    field=chosen[0], param=param, fields=", ".join(source.fields().names())))
            out[kind] = source.fields().at(idx).name()
        else:
            out[kind] = detect_field(source.fields().names(), candidates)
    return out


def numbers_of(main: MainInput, name: str | None, param: str, feedback, high: np.ndarray | float | None = None
               ) -> np.ndarray | None:
    """A numeric field of the main input; None (with a warning) when it holds no number.

    Text that may mean two numbers ("1.000": 1 or 1000?) and values above ``high`` (per
    feature: an area beyond what the footprint allows) are not used (NaN), with a count."""
    if not name:
        return None
    values = number_column(main.arrays, name)
    if values is None:
        return None
    ambiguous = _ambiguous_texts(main, name)
    if ambiguous:
        feedback.pushWarning(tr("Field {field} ({param}): {n} values such as '1.000' could mean 1 or 1000; they are not used. Write numbers without thousands separators (1000 or 1000,5).").format(
            field=name, param=param, n=ambiguous))
    if high is not None:
        with np.errstate(invalid="ignore"):
            too_big = np.isfinite(values) & (values > high)
        if too_big.any():
            values = np.where(too_big, np.nan, values)
            feedback.pushWarning(tr("Field {field} ({param}): {n} values are implausibly large (e.g. {value}); they are not used.").format(
                field=name, param=param, n=int(too_big.sum()), value=f"{float(number_column(main.arrays, name)[too_big][0]):g}"))
    if not np.isfinite(values).any():
        feedback.pushWarning(tr("Field {field} ({param}) holds no numbers; it is ignored.").format(field=name, param=param))
        return None
    return values


def _ambiguous_texts(main: MainInput, name: str) -> int:
    """How many text values of the field read as neither 1 nor 1000 for sure ("1.000")."""
    col = main.arrays.columns.get(name)
    if col is not None and col.dtype != object:
        return 0
    texts = text_column(main.arrays, name)
    if texts is None:
        return 0
    return numbers_from_text(texts)[1]


def flags_of(main: MainInput, name: str | None) -> np.ndarray | None:
    """A yes/no field of the main input (1/0, ja/nein, true …) as booleans; None without field."""
    if not name:
        return None
    col = main.arrays.columns.get(name)
    if col is None:
        col = text_column(main.arrays, name)
    return truthy(col)[0]


def texts_of(main: MainInput, name: str | None) -> np.ndarray | None:
    """A field of the main input as text (None without field)."""
    return text_column(main.arrays, name) if name else None


# ----------------------------------------------------------------------------------------------
# Secondary layers
# ----------------------------------------------------------------------------------------------
def overlay(alg, parameters, param: str, context, main: MainInput, progress: Progress, feedback,
            fields: Sequence[str] = (), polygonal: bool = True) -> FeatureArrays | None:
    """The polygon layer of ``param`` (any geometry with ``polygonal`` False: stops, trees) read
    into the working CRS, through OGR's Arrow stream where the layer allows; None when not given,
    or when it has no usable feature (then it is ignored, with a warning, as if not given, so its
    criterion is left out)."""
    source = alg.parameterAsSource(parameters, param, context)
    if source is None:
        return None
    name = layer_name(alg, parameters, param, context, source)
    lay = read_overlay(source, context, main.crs, progress, fields=fields, polygonal=polygonal, name=name,
                       feedback=feedback, fast_layer=plain_ogr_layer(alg, parameters, param, context))
    postgis.check_complete(parameters.get(param), source, len(lay), name, context)  # a lost connection ends the read quietly
    if not lay.usable.any():
        text = tr("Layer {name} ({param}) has no usable polygons (lines or points, empty or broken geometries); it is ignored, as if it were not given.") \
            if polygonal else tr("Layer {name} ({param}) has no usable features; it is ignored, as if it were not given.")
        feedback.pushWarning(text.format(name=name, param=param))
        return None
    return lay


def polygon_flag_input(alg, parameters, param: str, context, main: MainInput, progress: Progress,
                       feedback) -> np.ndarray | None:
    """True where a feature's point lies in a polygon of ``param`` (sewer areas, listed
    buildings, protected areas …); None when the layer is not given."""
    lay = overlay(alg, parameters, param, context, main, progress.sub(0.0, 0.5), feedback)
    if lay is None:
        return None
    return geo.intersects_any(main.points, lay.geoms[lay.usable], progress.sub(0.5, 1.0))


def polygon_field_at_points(alg, parameters, layer_param: str, field_param: str, context, main: MainInput,
                            candidates: Sequence[str], progress: Progress, feedback) -> np.ndarray | None:
    """The value of a field of the polygon of ``layer_param`` at each feature's point (the first
    polygon where they overlap, None outside: soil kf, depth to groundwater …); None without the
    layer. A layer without the field is refused with a message naming ``field_param``."""
    source = alg.parameterAsSource(parameters, layer_param, context)
    if source is None:
        return None
    field = chosen_field(alg, parameters, field_param, context, source, candidates)
    if not field:
        raise QgsProcessingException(tr("Layer {param} is given but no field with its values was found: choose {field_param}.").format(
            param=layer_param, field_param=field_param))
    lay = overlay(alg, parameters, layer_param, context, main, progress.sub(0.0, 0.6), feedback, fields=[field])
    if lay is None:
        return None
    ok = lay.usable
    values = np.asarray(lay.columns.get(field, np.full(len(lay), None)), dtype=object)
    out = geo.category_at_points(main.points, lay.geoms[ok], values[ok])
    progress(1.0)
    return out


def checked_mean(res: rasters.ZonalResult, layer, param: str, feedback) -> np.ndarray | None:
    """The zonal mean, or None with a warning when the raster misses the features or is nodata."""
    if not res.overlaps:
        feedback.pushWarning(tr("Raster {name} ({param}) does not overlap the input features: its criterion is left out and the weights are renormalised.").format(
            name=layer.name(), param=param))
        return None
    if res.nodata_only:
        feedback.pushWarning(tr("Raster {name} ({param}) holds only nodata under the input features: its criterion is left out and the weights are renormalised.").format(
            name=layer.name(), param=param))
        return None
    return res.mean


def raster_mean_input(alg, parameters, param: str, context, main: MainInput, progress: Progress,
                      feedback) -> np.ndarray | None:
    """Mean of a raster over each feature's zone; None when not given or not usable."""
    layer = alg.parameterAsRasterLayer(parameters, param, context)
    if layer is None:
        return None
    for note in raster_notes(layer, param, main.crs):
        feedback.pushWarning(note)
    res = rasters.zonal_mean(layer, main.zones, main.crs, context, progress)
    return checked_mean(res, layer, param, feedback)


def ring_mean_input(alg, parameters, param: str, context, main: MainInput, ring_m: float, progress: Progress,
                    feedback, nodata_is_zero: bool = False, cell_m: float | None = None) -> np.ndarray | None:
    """Mean of a raster in a ring of ``ring_m`` around each feature's zone (heavy rain).

    A fine raster is first averaged to cells of half the ring width, or of ``cell_m``
    (:class:`raster.Coarsened`). ``ring_m`` 0: the mean over the zone itself. ``nodata_is_zero``: nodata cells inside the
    raster's extent count as 0 (a heavy-rain map that leaves dry cells empty).
    """
    layer = alg.parameterAsRasterLayer(parameters, param, context)
    if layer is None:
        return None
    for note in raster_notes(layer, param, main.crs):
        feedback.pushWarning(note)
    zones, has = main.zones, main.usable
    cell = ring_m / 2.0 if cell_m is None else cell_m
    with rasters.Coarsened(layer, cell, zones[has], ring_m, main.crs, context, progress.sub(0.0, 0.1)) as coarse:
        progress(0.1)
        sub = progress.sub(0.1, 1.0)
        if ring_m > 0 and has.any():
            res = rasters.ring_mean(coarse, zones, ring_m, main.crs, context, sub)
        else:
            res = rasters.zonal_mean(coarse, zones, main.crs, context, sub)
    mean = checked_mean(res, layer, param, feedback)
    if mean is None:
        return None
    if nodata_is_zero:
        inside = has & rasters.inside_extent(layer, zones, main.crs, context)
        mean = np.where(inside & np.isnan(mean), 0.0, mean)
    return mean


def heat_input(alg, parameters, context, main: MainInput, higher_is_hotter: bool, progress: Progress, feedback,
               raster_param: str = "HEAT", polygons_param: str = "HEAT_POLYGONS",
               field_param: str = "HEAT_FIELD") -> np.ndarray | None:
    """c_heat 0–1 per feature from a heat raster (mean over the zone, min–max over this run) or
    heat polygons with a class or value field (classes 1–5 and labels by name, other numbers
    min–max); None when neither is given or nothing overlaps."""
    layer = alg.parameterAsRasterLayer(parameters, raster_param, context)
    polys = alg.parameterAsSource(parameters, polygons_param, context)
    if layer is not None:
        if polys is not None:
            feedback.pushWarning(tr("Both a heat raster and heat polygons are given: the raster is used, the polygons are ignored."))
        mean = raster_mean_input(alg, parameters, raster_param, context, main, progress, feedback)
        if mean is not None and is_constant(mean):
            feedback.pushWarning(tr("Heat raster {name} ({param}) has the same value ({value}) under every feature, so it ranks nothing: the heat criterion is left out. Check that it is the right raster.").format(
                name=layer.name(), param=raster_param, value=f"{float(np.nanmax(mean)):g}"))
            return None
        # a raster holds values (°C, PET …): min–max over this run, as the help says
        return None if mean is None else criteria.heat_minmax(mean, higher_is_hotter)
    if polys is None:
        return None
    field = chosen_field(alg, parameters, field_param, context, polys, HEAT_FIELD_CANDIDATES)
    if not field:
        raise QgsProcessingException(tr("Heat polygons are given but no heat field: choose HEAT_FIELD (a class 1–5, a label such as 'ungünstig', or a value)."))
    lay = overlay(alg, parameters, polygons_param, context, main, progress.sub(0.0, 0.3), feedback, fields=[field])
    if lay is None:
        return None
    at_points = progress.sub(0.3, 1.0)
    values = lay.columns.get(field)
    if values is None or values.dtype == object:
        c_poly, unmapped = criteria.heat_criterion(values if values is not None else np.full(len(lay), None, dtype=object),
                                                   higher_is_hotter)
        if unmapped:
            feedback.pushWarning(tr("Heat field {field}: the values {values} are neither known classes nor numbers; features in those polygons count as without heat value.").format(
                field=field, values=", ".join(unmapped[:10])))
        c = geo.value_at_points(main.points, lay.geoms, c_poly, "max", at_points)
    elif criteria.are_heat_classes(values):
        # classes or values is decided from the polygon layer itself, never from which
        # features happen to be in the run
        c_poly, _ = criteria.heat_criterion(values, higher_is_hotter)
        c = geo.value_at_points(main.points, lay.geoms, c_poly, "max", at_points)
    else:
        raw = geo.value_at_points(main.points, lay.geoms, values, "max" if higher_is_hotter else "min", at_points)
        c = criteria.heat_minmax(raw, higher_is_hotter)
    if not np.isfinite(c).any():
        feedback.pushWarning(tr("No input feature lies in a heat polygon with a value: the heat criterion is left out."))
        return None
    return c


def heat_classes_input(alg, parameters, context, main: MainInput, scale: criteria.HeatScale, progress: Progress,
                       feedback, raster_param: str = "HEAT", polygons_param: str = "HEAT_POLYGONS",
                       field_param: str = "HEAT_FIELD") -> criteria.HeatClasses | None:
    """Thermal-load classes per feature (issue 9), never scaled over the features of one run:

    - a raster: its mean over each feature's zone, in classes by ``scale.breaks`` or by the
      z-score against the whole raster (the reference extent); a constant raster gives no
      signal: a warning and None;
    - polygons: the labels of heat_classes.csv by name (five classes); whole numbers 1..n of
      the layer as class numbers; other numbers in classes by the breaks or by the z-score
      against every polygon of the layer. A feature takes the most burdened polygon at its point.

    None when neither is given or nothing overlaps.
    """
    layer = alg.parameterAsRasterLayer(parameters, raster_param, context)
    polys = alg.parameterAsSource(parameters, polygons_param, context)
    if layer is not None:
        if polys is not None:
            feedback.pushWarning(tr("Both a heat raster and heat polygons are given: the raster is used, the polygons are ignored."))
        mean = raster_mean_input(alg, parameters, raster_param, context, main, progress.sub(0.0, 0.7), feedback)
        if mean is None:  # not overlapping, or only nodata there: warned
            return None
        stats = rasters.band_stats(layer, progress.sub(0.7, 1.0))
        if stats.constant:
            feedback.pushWarning(tr("Raster {name} ({param}) has the same value everywhere: it carries no thermal-load signal, so the criterion is left out and no roof is assigned to HZ 01 by it.").format(
                name=layer.name(), param=raster_param))
            return None
        return criteria.classes_of_values(mean, scale, stats.mean, stats.sd)
    if polys is None:
        return None
    field = chosen_field(alg, parameters, field_param, context, polys, HEAT_FIELD_CANDIDATES)
    if not field:
        raise QgsProcessingException(tr("Heat polygons are given but no heat field: choose HEAT_FIELD (a class 1–5, a label such as 'ungünstig', or a value)."))
    lay = overlay(alg, parameters, polygons_param, context, main, progress.sub(0.0, 0.3), feedback, fields=[field])
    if lay is None:
        return None
    values = lay.columns.get(field)
    n_poly = len(lay)
    labels = np.full(n_poly, np.nan)
    if values is None or values.dtype == object:
        texts = values if values is not None else np.full(n_poly, None, dtype=object)
        labels, numbers = criteria.classes_of_labels(texts)
        unread = [str(t) for t, a, b in zip(texts.tolist(), labels, numbers) if t not in (None, "") and np.isnan(a) and np.isnan(b)]
        if unread:
            feedback.pushWarning(tr("Heat field {field}: the values {values} are neither known classes nor numbers; features in those polygons count as without heat value.").format(
                field=field, values=", ".join(sorted(set(unread))[:10])))
    else:
        numbers = np.asarray(values, dtype=float)
    # the reference extent is every polygon with a usable geometry
    labels = np.where(lay.usable, labels, np.nan)
    numbers = np.where(lay.usable, numbers, np.nan)
    cls = np.full(n_poly, np.nan)
    n = criteria.HEAT_N_CLASSES
    if np.isfinite(numbers).any():
        # classes or measured values is decided from the whole polygon layer (the reference
        # extent), never from the features that happen to be in the run
        as_classes = criteria.classes_of_numbers(numbers, scale)
        if as_classes is not None:
            cls, n = as_classes.cls, as_classes.n
        else:
            fin = numbers[np.isfinite(numbers)]
            if fin.min() == fin.max():
                feedback.pushWarning(tr("Heat field {field} has the same value in every polygon: it carries no thermal-load signal, so the criterion is left out.").format(field=field))
                return None
            measured = criteria.classes_of_values(numbers, scale, float(fin.mean()), float(fin.std()))
            cls, n = measured.cls, measured.n
    if np.isfinite(labels).any():
        if np.isfinite(numbers).any() and n != criteria.HEAT_N_CLASSES:
            feedback.pushWarning(tr("Heat field {field} mixes class labels and numbers; the labels are read as five classes, the numbers as {n}.").format(field=field, n=n))
        cls = np.where(np.isfinite(labels), labels, cls)
        n = criteria.HEAT_N_CLASSES if not np.isfinite(numbers).any() else n
    k = geo.value_at_points(main.points, lay.geoms, cls, "max", progress.sub(0.3, 1.0))
    if not np.isfinite(k).any():
        feedback.pushWarning(tr("No input feature lies in a heat polygon with a value: the heat criterion is left out."))
        return None
    return criteria.HeatClasses(k, n)


class Pending:
    """A computation running on the second core (pure shapely work releases the GIL).

    :meth:`result` waits for it while still answering a cancel; :meth:`close` (also on exit of a
    ``with`` block) lets a canceled run return without waiting for the other core.
    """

    def __init__(self, func, *args):
        self._pool = ThreadPoolExecutor(max_workers=1)
        self._job = self._pool.submit(func, *args)

    def result(self, progress: Progress, creep: bool = False):
        """The result; a cancel is answered within half a second. ``creep``: ``progress`` is
        this wait's own slice, and it advances a little every half second (towards 90 %), so
        the progress bar shows that work goes on."""
        waited = 0
        try:
            while True:
                try:
                    return self._job.result(timeout=0.5)
                except FuturesTimeout:
                    waited += 1
                    if creep:
                        progress(1.0 - 0.9 * 0.85 ** waited)
                    else:
                        progress.check()
        finally:
            self.close()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> Pending:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def nearest_distance_input(alg, parameters, param: str, context, main: MainInput, min_area_m2: float,
                           max_distance: float, progress: Progress, feedback) -> Pending | None:
    """Distance from each feature to the nearest polygon of ``param`` of at least ``min_area_m2``
    (parks of 0.5 ha), inf beyond ``max_distance``; started on the second core, so the caller
    samples rasters meanwhile and collects it with ``pending.result(progress)``. None when the
    layer is not given."""
    lay = overlay(alg, parameters, param, context, main, progress, feedback)
    if lay is None:
        return None
    targets = geo.min_area(lay.geoms, min_area_m2)
    if targets.size == 0:
        feedback.pushWarning(tr("No polygon of {param} reaches {ha} ha: every feature counts as without one nearby.").format(
            param=param, ha=f"{min_area_m2 / 10000.0:g}"))
    return Pending(geo.nearest_distance_apart, main.geoms, targets, max_distance)


@dataclass
class Scope:
    """The target area of a run: which features lie in it, and its polygons for district sums."""

    inside: np.ndarray  # bool per feature
    arrays: FeatureArrays  # the scope layer
    names: np.ndarray  # a name per scope polygon (its field value, or its number)
    label: str  # for the reasons ("Innenstadt")


def scope_input(alg, parameters, context, main: MainInput, progress: Progress, feedback,
                layer_param: str = "SCOPE", field_param: str = "SCOPE_FIELD",
                value_param: str = "SCOPE_VALUE") -> Scope | None:
    """The features in the target area: the polygons of ``layer_param`` whose field equals the
    value (folded: case, umlauts), or every polygon without a field; None without a layer."""
    source = alg.parameterAsSource(parameters, layer_param, context)
    if source is None:
        return None
    value = (alg.parameterAsString(parameters, value_param, context) or "").strip()
    field = chosen_field(alg, parameters, field_param, context, source, SCOPE_FIELD_CANDIDATES)
    lay = overlay(alg, parameters, layer_param, context, main, progress.sub(0.0, 0.7), feedback,
                  fields=[field] if field else [])
    if lay is None:
        return None
    ok = lay.usable
    if field:
        raw = lay.columns.get(field)
        names = np.array([None] * len(lay), dtype=object) if raw is None else as_text(raw)
        wanted = fold(value) if value else ""
        match = fold_array(names) == wanted if wanted else ~np.equal(names, None)
        if wanted and not (match & ok).any():
            present = sorted({str(v) for v in names[~np.equal(names, None)].tolist()})
            feedback.pushWarning(tr("No polygon of the target area layer has {field} = {value}; values present: {values}. The target-area criterion is 0 for every feature.").format(
                field=field, value=value, values=", ".join(present[:10])))
        feedback.pushInfo(tr("Target area: polygons with {field} = {value}.").format(field=field, value=value))
        label = value
    else:
        names = np.array([str(i + 1) for i in range(len(lay))], dtype=object)
        match = np.ones(len(lay), bool)
        feedback.pushInfo(tr("Target area: every polygon of the target area layer (no field chosen)."))
        label = layer_name(alg, parameters, layer_param, context, source)
    inside = geo.intersects_any(main.points, lay.geoms[match & ok], progress.sub(0.7, 1.0))
    return Scope(inside=inside, arrays=lay, names=names, label=label)


@dataclass
class Districts:
    """Polygons to sum per district, with a name each, and the district index of each feature."""

    geoms: np.ndarray  # usable district polygons
    names: np.ndarray
    index: np.ndarray  # per feature: the district it lies in, -1 outside every district


def districts_input(alg, parameters, context, main: MainInput, progress: Progress, feedback,
                    scope: Scope | None = None, layer_param: str = "DISTRICTS",
                    field_param: str = "DISTRICT_FIELD") -> Districts | None:
    """The districts of ``layer_param`` (named by its field), else the target-area polygons,
    else None (the caller sums over all features)."""
    source = alg.parameterAsSource(parameters, layer_param, context)
    lay = None
    if source is not None:
        field = chosen_field(alg, parameters, field_param, context, source, DISTRICT_FIELD_CANDIDATES)
        lay = overlay(alg, parameters, layer_param, context, main, progress, feedback, fields=[field] if field else [])
        names = as_text(lay.columns[field]) if lay is not None and field and field in lay.columns else None
    if lay is not None:
        pass  # the districts layer
    elif scope is not None:
        lay, names = scope.arrays, scope.names
        feedback.pushInfo(tr("No districts given: the target table sums per target-area polygon."))
    else:
        return None
    idx = np.flatnonzero(lay.usable)
    if names is None:
        names = np.array([str(int(f)) for f in lay.fids.tolist()], dtype=object)
    cat = geo.category_at_points(main.points, lay.geoms[idx], np.arange(idx.size).astype(object))
    index = np.where(np.equal(cat, None), -1, cat).astype(np.int64)
    return Districts(geoms=lay.geoms[idx], names=np.asarray(names, dtype=object)[idx], index=index)
