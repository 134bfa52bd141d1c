"""Reader for the NRW 3D building model LoD2 (CityGML 1.0, AdV profile).

Pure Python + numpy + shapely 2, no QGIS: the Processing algorithm ``gi:importlod2`` and the
tests call :func:`read_tiles`, which streams each tile with ``iterparse`` (one ``bldg:Building``
in memory at a time) and returns one row per building:

- attributes: ``gml_id``, ``bldg:function``, ``bldg:roofType`` (resolved from the
  ``bldg:BuildingPart``\\ s when the building itself has none), ``bldg:measuredHeight``,
  the ``Gemeindeschluessel`` generic attribute;
- roof figures from the RoofSurface polygons: true 3D area (vector area after Newell), the area
  of the flat part (slope at or below a threshold), area-weighted mean slope and maximum slope;
- the footprint as a 2D shapely (Multi)Polygon: union of the GroundSurface polygons, or of the
  RoofSurface polygons projected to 2D when a building has no GroundSurface.

Why our own reader: GDAL's GML driver does not recognise the AdV ``srsName`` (the layer comes
back without CRS), flattens the surfaces and exposes only one BuildingPart's roof type, so slope
and roof area cannot be derived from what it returns.

Data: Geobasis NRW, "3D-Gebäudemodelle LoD2 NRW", Datenlizenz Deutschland – Zero – 2.0.
"""

from __future__ import annotations

import math
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from .scoring.tables import read_csv

__all__ = [
    "DEFAULT_CRS",
    "DEFAULT_FLAT_THRESHOLD_DEG",
    "ROOF_TYPE_NAMES",
    "FileReport",
    "Lod2Error",
    "Lod2Result",
    "crs_from_srs_name",
    "find_tiles",
    "read_tiles",
    "ring_vector_areas",
]

# AdV/ALKIS code list "Dachform" (AX_Dachform, attribute ``dachform`` of AX_Gebaeude in the
# ALKIS-Objektartenkatalog, AdV GeoInfoDok), which the AdV CityGML profile uses for
# ``bldg:roofType``; the same codes appear in XPlanung's BP_Dachform (xleitstelle.de).
ROOF_TYPE_NAMES: dict[str, str] = {
    row["code"]: row["name_de"] for row in read_csv("roof_types.csv")
}  # the one table of roof types: resources/roof_types.csv (its source column names the list)

# Flat roof = slope 0–5°: slope class 1 ("sehr gut geeignet") of the Münster green-roof
# potential (opendata.stadt-muenster.de/node/41471; ../shared/research/domain_methods.md §1).
DEFAULT_FLAT_THRESHOLD_DEG = 5.0

# Slope classes of the roof surfaces: the Münster green-roof potential classes of
# resources/roof_slope_classes.csv (upper bound inclusive). Per class the import writes the true
# (3D) roof area ``t_<class>_m2`` and its horizontal projection ``h_<class>_m2``, so the roof
# algorithm can count the greenable surfaces of pitched and mixed roofs and put the rain on the
# horizontal projection (domain_review.md §2.1).
def _slope_classes() -> tuple[tuple[str, ...], np.ndarray]:
    rows = sorted(read_csv("roof_slope_classes.csv"), key=lambda r: float(r["max_deg"]))
    return tuple(r["slope_class"] for r in rows), np.array([float(r["max_deg"]) for r in rows])


SLOPE_CLASSES, SLOPE_CLASS_UPPER = _slope_classes()


def class_field_key(label: str) -> str:
    """Slope class label -> field name part: "0-5" -> "0_5", ">45" -> "gt45"."""
    return label.replace(">", "gt").replace("-", "_")


# Slopes within this of a class bound count to the lower class: a roof built at exactly 30°
# comes out of the coordinates as 30.000000000000004°, and must not drop into the 30–45° class.
SLOPE_EPS_DEG = 1e-9

CLASS_TRUE_FIELDS = tuple(f"t_{class_field_key(c)}_m2" for c in SLOPE_CLASSES)
CLASS_HORIZ_FIELDS = tuple(f"h_{class_field_key(c)}_m2" for c in SLOPE_CLASSES)

# Roof polygons smaller than this (m², 3D) do not count for ``slope_max_deg``: LoD2 models carry
# numerical slivers of a few cm² whose normals are arbitrary. [U] our choice; they still count
# (with their tiny weight) in the area sums and the area-weighted mean slope.
MIN_SLOPE_MAX_AREA_M2 = 0.01

# Horizontal CRS of the NRW LoD2 tiles: ETRS89 / UTM zone 32N. The AdV srsName
# "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016" is a compound name GDAL does not know.
DEFAULT_CRS = "EPSG:25832"

# Precision grid (m) for the union of a building's footprint polygons: the tiles give
# coordinates to 3 decimals (mm); on this grid the GroundSurfaces of adjacent BuildingParts,
# whose shared edges do not share vertices, merge into one polygon instead of touching in
# points across sub-millimetre slivers. Used only when the CRS is a recognised metric one.
GRID_SIZE_M = 0.001

GML_NS = "http://www.opengis.net/gml"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
GML_ID = f"{{{GML_NS}}}id"
# CityGML core namespace -> (building module, generics module)
_CITYGML_VERSIONS = {
    "http://www.opengis.net/citygml/1.0": (
        "http://www.opengis.net/citygml/building/1.0",
        "http://www.opengis.net/citygml/generics/1.0",
    ),
    "http://www.opengis.net/citygml/2.0": (
        "http://www.opengis.net/citygml/building/2.0",
        "http://www.opengis.net/citygml/generics/2.0",
    ),
}
_SUFFIXES = (".gml", ".xml")
# Arcs (gml:Arc, gml:ArcString in a gml:Ring) become straight segments of at most this angle:
# at 4° the chord lies within 0.06 % of the radius (1 - cos 2°), well below the mm of the tiles
# for radii under a metre … a few metres. [U] our choice.
ARC_STEP_DEG = 4.0

# NRW in ETRS89 / UTM 32N, with a margin: the Land spans about E 280–540 km, N 5,560–5,830 km
# (the 1 km tile names LoD2_32_<E km>_<N km>_1_NW.gml of Geobasis NRW lie inside it). A building
# whose centre lies outside is flagged: local coordinates, a zone-prefixed easting, another CRS.
# [U] our margin of about 30 km.
NRW_BOUNDS_25832 = (250_000.0, 5_530_000.0, 570_000.0, 5_860_000.0)
# Eastings written with the zone number in front (32 337 000 for 337 000 in zone 32, the
# "Ostwert mit Zonenkennung" of German surveying) are recognised in this range and corrected.
ZONE_PREFIX = 32_000_000.0
# A tile's buildings may reach over its edge (a building belongs to the tile that holds its
# centre, as in the Wesel tiles where footprints reach up to 45 m beyond the 1 km square); a
# centre further than this outside the tile's own gml:Envelope is flagged. [U] our choice.
ENVELOPE_TOLERANCE_M = 25.0

_FLUSH_EVERY = 2000  # buildings per vectorised batch: bounds memory on very large files

_ROOF, _GROUND = 0, 1


class Lod2Error(ValueError):
    """Input that cannot be read as LoD2 CityGML.

    ``kind`` is a stable machine code (``missing``, ``no_files``, ``not_citygml``, ``bad_xml``)
    so callers can word their own (translated) message; ``path`` is the offending path,
    ``detail`` the parser's own words.
    """

    def __init__(self, message: str, kind: str = "", path: str = "", detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path
        self.detail = detail or message


@dataclass
class FileReport:
    """What happened in one file."""

    path: str
    srs_name: str = ""
    crs: str = DEFAULT_CRS
    crs_assumed: bool = True
    n_buildings: int = 0  # buildings found in the file (read or skipped)
    n_read: int = 0  # buildings returned
    n_skipped: int = 0  # buildings without any usable roof or ground polygon
    skipped_ids: list[str] = field(default_factory=list)
    n_unresolved_hrefs: int = 0  # xlink:href to polygons not found in the same building
    not_citygml: bool = False  # skipped because it is not CityGML (only inside a folder)
    broken: str = ""  # why a tile inside a folder was skipped as a whole (broken XML, unreadable)
    envelope: tuple[float, float, float, float] | None = None  # the tile's gml:Envelope (x0, y0, x1, y1)
    n_roof_polygons: int = 0  # RoofSurface polygons read (0 in a tile without roofs: LoD1)
    n_2d_roofs: int = 0  # buildings whose roof polygons have no heights (2D posList)
    n_zone_prefix: int = 0  # buildings whose eastings carried the zone number 32 (32,337,000)
    n_curved: int = 0  # rings with arcs (gml:Ring / gml:Arc), segmentised
    n_outside_envelope: int = 0  # buildings whose centre lies outside the tile's own envelope
    n_outside_region: int = 0  # buildings whose centre lies outside NRW (local coordinates …)
    n_duplicates: int = 0  # buildings whose gml_id an earlier tile (or this one) already had
    duplicate_of: list[str] = field(default_factory=list)  # files holding the first copies
    warnings: list[str] = field(default_factory=list)


@dataclass
class Lod2Result:
    """One row per building; arrays share their order. NaN marks a missing number."""

    gml_id: list[str] = field(default_factory=list)
    function: list[str | None] = field(default_factory=list)
    roof_type: list[str | None] = field(default_factory=list)
    roof_type_name: list[str | None] = field(default_factory=list)
    roof_src: list[str | None] = field(default_factory=list)  # "building", "parts" or None
    gemeindeschluessel: list[str | None] = field(default_factory=list)
    height_m: np.ndarray = field(default_factory=lambda: np.empty(0))
    footprint_m2: np.ndarray = field(default_factory=lambda: np.empty(0))
    roof_area_m2: np.ndarray = field(default_factory=lambda: np.empty(0))
    flat_roof_m2: np.ndarray = field(default_factory=lambda: np.empty(0))
    slope_deg: np.ndarray = field(default_factory=lambda: np.empty(0))
    slope_max_deg: np.ndarray = field(default_factory=lambda: np.empty(0))
    # per slope class (columns in SLOPE_CLASSES order): true roof area and horizontal projection
    class_true_m2: np.ndarray = field(default_factory=lambda: np.empty((0, len(SLOPE_CLASSES))))
    class_horiz_m2: np.ndarray = field(default_factory=lambda: np.empty((0, len(SLOPE_CLASSES))))
    geometry: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=object))
    file_index: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    files: list[FileReport] = field(default_factory=list)
    crs: str = DEFAULT_CRS
    crs_assumed: bool = False  # True if any file's CRS was missing or not recognised
    canceled: bool = False
    flat_threshold_deg: float = DEFAULT_FLAT_THRESHOLD_DEG

    def __len__(self) -> int:
        return len(self.gml_id)

    @property
    def n_skipped(self) -> int:
        return sum(f.n_skipped for f in self.files)

    @property
    def warnings(self) -> list[str]:
        return [w for f in self.files for w in f.warnings]


# --------------------------------------------------------------------------------------------
# geometry maths (vectorised over many rings)


def ring_vector_areas(coords: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Vector areas of many closed 3D rings at once (Newell / cross-product method).

    ``coords`` (N, 3) holds the rings one after another, *without* the closing vertex;
    ``counts`` the number of vertices of each ring (each ≥ 3). Returns (R, 3): for a planar
    ring the vector is normal to its plane and its length is the ring's area, whatever the
    orientation of the plane. Each ring is shifted to its first vertex first, so coordinates
    of ~10⁶ m (UTM) lose no precision in the products.
    """
    coords = np.asarray(coords, dtype=float)
    counts = np.asarray(counts, dtype=np.int64)
    if len(counts) == 0:
        return np.zeros((0, 3))
    starts = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    ring_of_vertex = np.repeat(np.arange(len(counts)), counts)
    p = coords - coords[starts][ring_of_vertex]
    nxt = np.arange(len(coords)) + 1
    nxt[starts + counts - 1] = starts
    return 0.5 * np.add.reduceat(np.cross(p, p[nxt]), starts, axis=0)


def _slope_deg(vectors: np.ndarray) -> np.ndarray:
    """Angle between the normal and the vertical, 0° (flat) … 90° (vertical)."""
    horizontal = np.hypot(vectors[:, 0], vectors[:, 1])
    return np.degrees(np.arctan2(horizontal, np.abs(vectors[:, 2])))


def _polygonal(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Single Polygons (non-empty) inside each geometry, with the index of their source."""
    parts, idx = shapely.get_parts(geoms, return_index=True)
    # make_valid may return a GeometryCollection that holds a MultiPolygon: open it once more
    parts2, idx2 = shapely.get_parts(parts, return_index=True)
    idx = idx[idx2]
    keep = (shapely.get_type_id(parts2) == 3) & ~shapely.is_empty(parts2)
    keep[keep] = shapely.area(parts2[keep]) > 0
    return parts2[keep], idx[keep]


# --------------------------------------------------------------------------------------------
# CRS


def crs_from_srs_name(srs_name: str | None) -> tuple[str, bool]:
    """Map a GML ``srsName`` to an authority id. Returns (crs, assumed).

    The AdV names (``urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016`` …) and any name holding
    EPSG 25832 give ``EPSG:25832``; anything else, or no name, also gives ``EPSG:25832``
    (the CRS of all NRW LoD2 tiles) but with ``assumed=True`` so the caller can warn.
    """
    name = (srs_name or "").upper()
    if "ETRS89_UTM32" in name or "25832" in name:
        return DEFAULT_CRS, False
    return DEFAULT_CRS, True


# --------------------------------------------------------------------------------------------
# paths


def find_tiles(paths: str | os.PathLike | Iterable[str | os.PathLike]) -> list[tuple[Path, bool]]:
    """Expand files and folders to a list of (file, named_explicitly).

    A folder contributes all its ``*.gml``/``*.xml`` files (not recursive), sorted by name.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[tuple[Path, bool]] = []
    seen: set[Path] = set()
    for raw in paths:
        if raw is None or str(raw).strip() == "":
            continue
        path = Path(raw).expanduser()
        if not path.exists():
            raise Lod2Error(f"Path does not exist: {path}", "missing", str(path))
        if path.is_dir():
            files = sorted(
                (p for p in path.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES),
                key=lambda p: p.name,
            )
            if not files:
                raise Lod2Error(
                    f"No CityGML files (*.gml, *.xml) in folder: {path}", "no_files", str(path)
                )
            entries = [(p, False) for p in files]
        else:
            entries = [(path, True)]
        for p, explicit in entries:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                out.append((p, explicit))
    if not out:
        raise Lod2Error("No input given: name a CityGML file or a folder of tiles", "missing", "")
    return out


# --------------------------------------------------------------------------------------------
# XML -> raw buildings


class _Ns:
    def __init__(self, core: str) -> None:
        bldg, gen = _CITYGML_VERSIONS[core]
        b = f"{{{bldg}}}"
        g = f"{{{GML_NS}}}"
        self.building = b + "Building"
        self.part = b + "BuildingPart"
        self.bounded_by = b + "boundedBy"
        self.function = b + "function"
        self.roof_type = b + "roofType"
        self.measured_height = b + "measuredHeight"
        self.roof_surface = b + "RoofSurface"
        self.ground_surface = b + "GroundSurface"
        self.string_attribute = f"{{{gen}}}stringAttribute"
        self.gen_value = f"{{{gen}}}value"
        self.polygon = g + "Polygon"
        self.surface_member = g + "surfaceMember"
        self.exterior = (g + "exterior", g + "outerBoundaryIs")
        self.interior = (g + "interior", g + "innerBoundaryIs")
        self.linear_ring = g + "LinearRing"
        self.ring = g + "Ring"  # a ring of curves (arcs), e.g. from CAD or ALKIS conversions
        self.curve_member = g + "curveMember"
        self.segments = g + "segments"
        self.envelope = g + "Envelope"
        self.lower_corner = g + "lowerCorner"
        self.upper_corner = g + "upperCorner"
        self.pos_list = g + "posList"
        self.pos = g + "pos"
        self.coordinates = g + "coordinates"


def _text(el: ET.Element | None) -> str | None:
    if el is None or el.text is None:
        return None
    t = el.text.strip()
    return t or None


def _float(text: str | None) -> float:
    try:
        return float(text) if text is not None else math.nan
    except ValueError:
        return math.nan


def _string_attribute(unit: ET.Element, ns: _Ns, name: str) -> str | None:
    for sa in unit.findall(ns.string_attribute):
        if sa.get("name") == name:
            return _text(sa.find(ns.gen_value))
    return None


def _coord_rows(el: ET.Element, ns: _Ns) -> np.ndarray | None:
    """(n, 2 or 3) coordinates of one posList, a run of gml:pos or GML 2 coordinates."""
    pl = el.find(ns.pos_list)
    if pl is not None:
        try:
            values = np.array((pl.text or "").split(), dtype=float)
        except ValueError:
            return None
        dim_attr = pl.get("srsDimension") or pl.get("dimension")
        dim = int(dim_attr) if dim_attr and dim_attr.isdigit() else (3 if len(values) % 3 == 0 else 2)
        if dim < 2 or len(values) % dim:
            return None
        return values.reshape(-1, dim)
    rows = [(p.text or "").split() for p in el.findall(ns.pos)]
    if not rows:
        c = el.find(ns.coordinates)  # GML 2 "x,y,z x,y,z"
        rows = [t.split(",") for t in (c.text or "").split()] if c is not None else []
    if not rows or len({len(r) for r in rows}) != 1 or len(rows[0]) < 2:
        return None
    try:
        return np.array(rows, dtype=float)
    except ValueError:
        return None


def _ring_coords(ring: ET.Element, ns: _Ns) -> np.ndarray | None:
    """(n, 3) vertices of a LinearRing (or a curved gml:Ring, segmentised) without the closing
    vertex; None if degenerate. A 2D ring gets NaN heights: its area and slope are unknown."""
    if ring.tag == ns.ring:
        xyz = _curve_ring_coords(ring, ns)
    else:
        xyz = _coord_rows(ring, ns)
    if xyz is None or not np.isfinite(xyz).all():
        return None
    if xyz.shape[1] == 2:
        xyz = np.column_stack([xyz, np.full(len(xyz), np.nan)])
    xyz = xyz[:, :3]
    if len(xyz) > 1 and np.array_equal(xyz[0], xyz[-1], equal_nan=True):
        xyz = xyz[:-1]
    if len(xyz) < 3:
        return None
    return xyz


def _curve_ring_coords(ring: ET.Element, ns: _Ns) -> np.ndarray | None:
    """Vertices of a gml:Ring: its curve members' segments in order, arcs segmentised."""
    pieces: list[np.ndarray] = []
    for member in ring.findall(ns.curve_member):
        for curve in member:
            segments = curve.find(ns.segments)
            for seg in (list(segments) if segments is not None else [curve]):
                xyz = _coord_rows(seg, ns)
                if xyz is None:
                    return None
                if seg.tag.rpartition("}")[2] in ("Arc", "ArcString"):
                    xyz = _densify_arcs(xyz)
                if pieces and len(xyz) and np.array_equal(pieces[-1][-1], xyz[0]):
                    xyz = xyz[1:]
                pieces.append(xyz)
    if not pieces or len({p.shape[1] for p in pieces}) != 1:
        return None
    return np.concatenate(pieces)


def _densify_arcs(pts: np.ndarray, step_deg: float = ARC_STEP_DEG) -> np.ndarray:
    """Points along the circular arcs through each (start, middle, end) triple of ``pts``
    (gml:Arc, gml:ArcString), in 2D or 3D; a straight triple stays as it is."""
    dim = pts.shape[1]
    p3 = pts if dim == 3 else np.column_stack([pts, np.zeros(len(pts))])
    out = [p3[:1]]
    for i in range(0, len(p3) - 2, 2):
        p0, p1, p2 = p3[i], p3[i + 1], p3[i + 2]
        a, b = p0 - p2, p1 - p2
        axb = np.cross(a, b)
        denom = 2.0 * float(axb @ axb)
        if denom <= 1e-12 * max(float(a @ a), 1e-300) ** 2:
            out.append(np.vstack([p1, p2]))
            continue
        centre = p2 + np.cross(float(a @ a) * b - float(b @ b) * a, axb) / denom
        u = p0 - centre
        radius = float(np.linalg.norm(u))
        u = u / radius
        normal = np.cross(p1 - p0, p2 - p1)
        normal = normal / np.linalg.norm(normal)
        v = np.cross(normal, u)

        d = p2 - centre
        end = math.atan2(float(d @ v), float(d @ u)) % (2 * math.pi) or 2 * math.pi
        n = max(2, int(math.ceil(math.degrees(end) / step_deg)))
        t = np.linspace(0.0, end, n + 1)[1:]
        arc = centre + radius * (np.cos(t)[:, None] * u + np.sin(t)[:, None] * v)
        arc[-1] = p2
        out.append(arc)
    res = np.concatenate(out)
    return res if dim == 3 else res[:, :2]


def _polygon_rings(poly: ET.Element, ns: _Ns) -> list[np.ndarray] | None:
    """[exterior, *interiors] or None when the exterior is missing/degenerate."""
    ext = None
    for tag in ns.exterior:
        e = poly.find(tag)
        if e is not None:
            ext = _ring_element(e, ns)
            break
    if ext is None:
        return None
    shell = _ring_coords(ext, ns)
    if shell is None:
        return None
    rings = [shell]
    for tag in ns.interior:
        for i in poly.findall(tag):
            r = _ring_element(i, ns)
            hole = _ring_coords(r, ns) if r is not None else None
            if hole is not None:
                rings.append(hole)
    return rings


def _ring_element(boundary: ET.Element, ns: _Ns) -> ET.Element | None:
    r = boundary.find(ns.linear_ring)
    return r if r is not None else boundary.find(ns.ring)


@dataclass
class _RawBuilding:
    gml_id: str
    function: str | None
    roof_type: str | None
    height: float
    gem: str | None
    unit_roof_types: list[str | None]  # per unit: 0 = the building, 1… = its parts
    unit_heights: list[float]
    # polygons: (kind, unit, [exterior, *interiors])
    polygons: list[tuple[int, int, list[np.ndarray]]]
    unresolved_hrefs: int = 0
    curved_rings: int = 0


def _parse_building(b: ET.Element, ns: _Ns) -> _RawBuilding:
    units = [b, *b.iter(ns.part)]
    polygons: list[tuple[int, int, list[np.ndarray]]] = []
    by_id: dict[str, ET.Element] | None = None
    unresolved = 0
    for u, unit in enumerate(units):
        for bb in unit.findall(ns.bounded_by):
            for surface in bb:
                if surface.tag == ns.roof_surface:
                    kind = _ROOF
                elif surface.tag == ns.ground_surface:
                    kind = _GROUND
                else:
                    continue
                polys = list(surface.iter(ns.polygon))
                # surfaces may reference polygons defined elsewhere in the building (the NRW
                # tiles do this only inside lod2Solid, which we do not read, but the profile
                # allows it in the boundary surfaces too)
                for sm in surface.iter(ns.surface_member):
                    href = sm.get(XLINK_HREF)
                    if not href:
                        continue
                    if by_id is None:
                        by_id = {p.get(GML_ID): p for p in b.iter(ns.polygon) if p.get(GML_ID)}
                    target = by_id.get(href.lstrip("#"))
                    if target is None:
                        unresolved += 1
                    else:
                        polys.append(target)
                for poly in polys:
                    rings = _polygon_rings(poly, ns)
                    if rings is not None:
                        polygons.append((kind, u, rings))
    function = _text(b.find(ns.function))
    gem = _string_attribute(b, ns, "Gemeindeschluessel")
    for part in units[1:]:
        function = function or _text(part.find(ns.function))
        gem = gem or _string_attribute(part, ns, "Gemeindeschluessel")
    return _RawBuilding(
        gml_id=b.get(GML_ID) or "",
        function=function,
        roof_type=_text(b.find(ns.roof_type)),
        height=_float(_text(b.find(ns.measured_height))),
        gem=gem,
        unit_roof_types=[_text(u.find(ns.roof_type)) for u in units],
        unit_heights=[_float(_text(u.find(ns.measured_height))) for u in units],
        polygons=polygons,
        unresolved_hrefs=unresolved,
        curved_rings=sum(1 for _ in b.iter(ns.ring)),
    )


# --------------------------------------------------------------------------------------------
# raw buildings -> result rows (vectorised per batch)


class _Builder:
    """Collects result rows; ``add_batch`` does the maths for many buildings at once."""

    def __init__(self, flat_threshold_deg: float) -> None:
        self.flat = float(flat_threshold_deg)
        self.cols: dict[str, list] = {
            k: []
            for k in (
                "gml_id function roof_type roof_type_name roof_src gem height footprint roof_area "
                "flat_roof slope slope_max class_true class_horiz geometry file_index"
            ).split()
        }

    def add_batch(self, raws: list[_RawBuilding], file_index: int, report: FileReport) -> None:
        if not raws:
            return
        nb = len(raws)
        # flatten polygons -> rings
        ring_coords: list[np.ndarray] = []
        ring_poly: list[int] = []
        ring_ext: list[bool] = []
        poly_b: list[int] = []
        poly_kind: list[int] = []
        poly_unit: list[int] = []
        for bi, raw in enumerate(raws):
            for kind, unit, rings in raw.polygons:
                pi = len(poly_b)
                poly_b.append(bi)
                poly_kind.append(kind)
                poly_unit.append(unit)
                for ri, r in enumerate(rings):
                    ring_coords.append(r)
                    ring_poly.append(pi)
                    ring_ext.append(ri == 0)
        npoly = len(poly_b)
        pb = np.asarray(poly_b, dtype=np.int64)
        pkind = np.asarray(poly_kind, dtype=np.int64)
        punit = np.asarray(poly_unit, dtype=np.int64)
        rpoly = np.asarray(ring_poly, dtype=np.int64)
        rext = np.asarray(ring_ext, dtype=bool)
        counts = np.fromiter((len(r) for r in ring_coords), dtype=np.int64, count=len(ring_coords))
        coords = np.concatenate(ring_coords) if ring_coords else np.zeros((0, 3))
        vertex_b = np.repeat(pb[rpoly], counts) if len(counts) else np.zeros(0, dtype=np.int64)
        # eastings with the zone number in front (32 337 000): take the zone off
        prefixed = _zone_prefixed(coords[:, 0])
        if prefixed.any():
            coords[prefixed, 0] -= ZONE_PREFIX
            report.n_zone_prefix += int(np.unique(vertex_b[prefixed]).size)

        # --- 3D roof maths: vector area of every ring, then per polygon and building
        vec = ring_vector_areas(coords, counts)
        ring_area = np.linalg.norm(vec, axis=1)
        ext_vec = np.zeros((npoly, 3))
        ext_vec[rpoly[rext]] = vec[rext]
        hole_area = np.bincount(rpoly[~rext], weights=ring_area[~rext], minlength=npoly).astype(float)
        ext_area = np.linalg.norm(ext_vec, axis=1)
        poly_area = np.clip(ext_area - hole_area, 0.0, None)
        poly_slope = _slope_deg(ext_vec) if npoly else np.zeros(0)

        roof = pkind == _ROOF
        report.n_roof_polygons += int(roof.sum())
        # roofs given in 2D (no heights): area and slope unknown (NaN), not 0°
        flat_2d = roof & np.isnan(ext_area)
        if flat_2d.any():
            report.n_2d_roofs += int(np.unique(pb[flat_2d]).size)
        rb, ra, rs = pb[roof], poly_area[roof], poly_slope[roof]
        # (bincount of an empty array comes back as integers: make every sum a float)
        roof_area = np.bincount(rb, weights=ra, minlength=nb).astype(float)
        flat_roof = np.bincount(rb, weights=np.where(rs <= self.flat, ra, 0.0), minlength=nb).astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            slope = np.bincount(rb, weights=ra * rs, minlength=nb).astype(float) / roof_area
        slope_max = np.full(nb, -np.inf)
        big = ra >= MIN_SLOPE_MAX_AREA_M2
        np.maximum.at(slope_max, rb[big], rs[big])
        # buildings whose roof polygons are all slivers: fall back to every roof polygon
        # (2D roofs have NaN slopes: their maximum stays NaN)
        fallback = ~np.isfinite(slope_max)
        if fallback.any():
            sel = fallback[rb]
            with np.errstate(invalid="ignore"):
                np.maximum.at(slope_max, rb[sel], rs[sel])
        has_roof = roof_area > 0
        roof_area[~np.isin(np.arange(nb), rb)] = np.nan
        slope[~has_roof] = np.nan
        flat_roof[np.isnan(roof_area)] = np.nan
        slope_max[~np.isfinite(slope_max) | ~has_roof] = np.nan
        # per slope class: true area and horizontal projection (area × cos slope, exact for a
        # planar polygon with its holes)
        k = len(SLOPE_CLASSES)
        cls = np.minimum(np.searchsorted(SLOPE_CLASS_UPPER, rs - SLOPE_EPS_DEG, side="left"), k - 1)
        cell = rb * k + cls
        class_true = np.bincount(cell, weights=ra, minlength=nb * k).astype(float).reshape(nb, k)
        class_horiz = (np.bincount(cell, weights=ra * np.cos(np.radians(rs)), minlength=nb * k)
                       .astype(float).reshape(nb, k))
        class_true[np.isnan(roof_area)] = np.nan
        class_horiz[np.isnan(roof_area)] = np.nan

        # roof area per (building, unit) for resolving roof types from parts
        max_units = max(len(r.unit_roof_types) for r in raws)
        unit_key = pb * max_units + punit
        unit_roof_area = (
            np.bincount(unit_key[roof], weights=ra, minlength=nb * max_units)
            .astype(float)
            .reshape(nb, max_units)
        )

        # --- 2D footprint: per building or part its ground polygons, else its roof polygons
        ground = pkind == _GROUND
        unit_has_ground = np.bincount(unit_key[ground], minlength=nb * max_units) > 0
        use_poly = np.where(unit_has_ground[unit_key], ground, roof)
        grid = None if report.crs_assumed else GRID_SIZE_M
        geoms = self._footprints(coords, counts, rpoly, use_poly, pb, nb, grid)

        # --- rows
        for bi, raw in enumerate(raws):
            report.n_curved += raw.curved_rings
            geom = geoms[bi]
            if geom is None:
                report.n_skipped += 1
                if len(report.skipped_ids) < 20:
                    report.skipped_ids.append(raw.gml_id)
                continue
            code, src = _resolve_roof_type(raw, unit_roof_area[bi])
            height = raw.height
            if math.isnan(height):
                parts = [h for h in raw.unit_heights[1:] if not math.isnan(h)]
                height = max(parts) if parts else math.nan
            c = self.cols
            c["gml_id"].append(raw.gml_id)
            c["function"].append(raw.function)
            c["roof_type"].append(code)
            c["roof_type_name"].append(ROOF_TYPE_NAMES.get(code) if code else None)
            c["roof_src"].append(src)
            c["gem"].append(raw.gem)
            c["height"].append(height)
            c["footprint"].append(shapely.area(geom))
            c["roof_area"].append(roof_area[bi])
            c["flat_roof"].append(flat_roof[bi])
            c["slope"].append(slope[bi])
            c["slope_max"].append(slope_max[bi])
            c["class_true"].append(class_true[bi])
            c["class_horiz"].append(class_horiz[bi])
            c["geometry"].append(geom)
            c["file_index"].append(file_index)
            report.n_read += 1

    @staticmethod
    def _footprints(coords, counts, rpoly, use_poly, pb, nb, grid_size) -> list:
        """Valid 2D (Multi)Polygon per building from the selected polygons; None if none."""
        out: list = [None] * nb
        ring_sel = use_poly[rpoly]
        if not ring_sel.any():
            return out
        vert_sel = np.repeat(ring_sel, counts)
        xy = coords[vert_sel, :2]
        sel_counts = counts[ring_sel]
        # renumber the chosen rings and polygons 0..k-1 (they stay in order)
        ring_ids = np.repeat(np.arange(len(sel_counts)), sel_counts)
        sel_rpoly = rpoly[ring_sel]
        _, poly_ids = np.unique(sel_rpoly, return_inverse=True)
        poly_ids = poly_ids.ravel()
        poly_orig = np.unique(sel_rpoly)
        rings = shapely.linearrings(xy, indices=ring_ids)
        polys = shapely.polygons(rings, indices=poly_ids)
        polys = shapely.make_valid(polys)
        parts, src = _polygonal(polys)
        part_b = pb[poly_orig[src]]
        order = np.argsort(part_b, kind="stable")
        parts, part_b = parts[order], part_b[order]
        bounds = np.flatnonzero(np.diff(part_b)) + 1
        for group, idx in zip(np.split(parts, bounds), np.split(part_b, bounds)):
            if len(group) == 0:
                continue
            geom = group[0] if len(group) == 1 else shapely.union_all(group, grid_size=grid_size)
            if not shapely.is_valid(geom):
                geom = shapely.make_valid(geom)
            pieces, _ = _polygonal(np.array([geom], dtype=object))
            if len(pieces) == 0:
                continue
            out[int(idx[0])] = pieces[0] if len(pieces) == 1 else shapely.MultiPolygon(list(pieces))
        return out

    def mark(self) -> int:
        """The number of rows so far (to undo a tile that turns out broken)."""
        return len(self.cols["gml_id"])

    def rollback(self, mark: int) -> None:
        for values in self.cols.values():
            del values[mark:]

    def geometries_since(self, mark: int) -> np.ndarray:
        out = np.empty(len(self.cols["geometry"]) - mark, dtype=object)
        out[:] = self.cols["geometry"][mark:]
        return out

    def result(self) -> Lod2Result:
        c = self.cols
        f = lambda k: np.asarray(c[k], dtype=float)  # noqa: E731
        geometry = np.empty(len(c["geometry"]), dtype=object)
        geometry[:] = c["geometry"]
        return Lod2Result(
            gml_id=c["gml_id"],
            function=c["function"],
            roof_type=c["roof_type"],
            roof_type_name=c["roof_type_name"],
            roof_src=c["roof_src"],
            gemeindeschluessel=c["gem"],
            height_m=f("height"),
            footprint_m2=f("footprint"),
            roof_area_m2=f("roof_area"),
            flat_roof_m2=f("flat_roof"),
            slope_deg=f("slope"),
            slope_max_deg=f("slope_max"),
            class_true_m2=np.asarray(c["class_true"], dtype=float).reshape(-1, len(SLOPE_CLASSES)),
            class_horiz_m2=np.asarray(c["class_horiz"], dtype=float).reshape(-1, len(SLOPE_CLASSES)),
            geometry=geometry,
            file_index=np.asarray(c["file_index"], dtype=np.int64),
            flat_threshold_deg=self.flat,
        )


def _resolve_roof_type(raw: _RawBuilding, unit_roof_area: np.ndarray) -> tuple[str | None, str | None]:
    """The building's own roofType, else the parts' one (all agree) or the largest part's.

    "Largest" = largest 3D roof area among the parts that carry a roofType.
    """
    if raw.roof_type:
        return raw.roof_type, "building"
    coded = [(u, code) for u, code in enumerate(raw.unit_roof_types) if u > 0 and code]
    if not coded:
        return None, None
    codes = {code for _, code in coded}
    if len(codes) == 1:
        return coded[0][1], "parts"
    best = max(coded, key=lambda uc: unit_roof_area[uc[0]])  # first of equals wins
    return best[1], "parts"


# --------------------------------------------------------------------------------------------
# the reader


def read_tiles(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    flat_threshold_deg: float = DEFAULT_FLAT_THRESHOLD_DEG,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> Lod2Result:
    """Read LoD2 CityGML tiles: files, folders (their ``*.gml``/``*.xml``) or a list of both.

    ``progress(fraction)`` gets 0…1 (by bytes read) after each building; when
    ``is_canceled()`` returns True the reader stops and returns what it has read so far with
    ``canceled=True``. A file named explicitly that is not CityGML or is broken raises
    :class:`Lod2Error`; inside a folder such files are skipped as a whole with a warning (tiles
    often come with metadata ``.xml``; a download may be cut off) and the others are read,
    unless none of the folder's files can be read.

    Implausible content is kept but counted in each file's report (and worded in its
    ``warnings``): roofs without heights, tiles without roof surfaces, buildings outside the
    tile's envelope or outside NRW, the same building (gml_id) twice — the later copies are
    dropped — and zone-prefixed eastings, which are corrected.
    """
    tiles = find_tiles(paths)
    sizes = [max(p.stat().st_size, 1) for p, _ in tiles]
    total = float(sum(sizes))
    done_bytes = 0.0
    builder = _Builder(flat_threshold_deg)
    reports: list[FileReport] = []
    canceled = False
    for fi, (path, explicit) in enumerate(tiles):
        if is_canceled is not None and is_canceled():
            canceled = True
            break
        report = FileReport(path=str(path))
        reports.append(report)
        mark = builder.mark()
        try:
            canceled = _read_file(
                path, fi, report, builder,
                lambda pos, base=done_bytes: progress((base + pos) / total) if progress else None,
                is_canceled,
            )
        except (Lod2Error, OSError) as err:
            if explicit:
                raise
            # the whole tile is left out, also the buildings read before the error
            builder.rollback(mark)
            report = reports[-1] = FileReport(path=str(path), srs_name=report.srs_name)
            if isinstance(err, Lod2Error) and err.kind == "not_citygml":
                report.not_citygml = True
                report.warnings.append(f"{path.name}: not CityGML, skipped")
            else:
                report.broken = err.detail if isinstance(err, Lod2Error) else (err.strerror or str(err))
                report.warnings.append(f"{path.name}: cannot be read, skipped ({report.broken})")
        if canceled:
            break
        _check_positions(report, builder.geometries_since(mark))
        done_bytes += sizes[fi]
        if progress:
            progress(done_bytes / total)
    unusable = [r for r in reports if r.not_citygml or r.broken]
    if reports and len(unusable) == len(reports) and not canceled:
        first = reports[0]
        if all(r.not_citygml for r in reports):
            raise Lod2Error(
                f"None of the files is CityGML (root element core:CityModel expected): {first.path}",
                "not_citygml",
                first.path,
            )
        raise Lod2Error(
            f"None of the files can be read: {first.path} ({first.broken})", "bad_xml", first.path, first.broken
        )
    result = builder.result()
    result.files = reports
    result.canceled = canceled
    result.crs_assumed = any(r.crs_assumed for r in reports if not r.not_citygml)
    return _drop_duplicates(result)


def _zone_prefixed(x: np.ndarray) -> np.ndarray:
    return (x > ZONE_PREFIX + 1e5) & (x < ZONE_PREFIX + 1e6)


def _check_positions(report: FileReport, geoms: np.ndarray) -> None:
    """Count buildings whose centre lies outside the tile's own envelope or outside NRW."""
    if len(geoms) == 0:
        return
    centre = shapely.centroid(geoms)
    x, y = shapely.get_x(centre), shapely.get_y(centre)
    env = report.envelope
    if env is not None and env[2] > env[0] and env[3] > env[1]:
        t = ENVELOPE_TOLERANCE_M
        outside = (x < env[0] - t) | (x > env[2] + t) | (y < env[1] - t) | (y > env[3] + t)
        report.n_outside_envelope = int(outside.sum())
    if report.crs == DEFAULT_CRS:
        x0, y0, x1, y1 = NRW_BOUNDS_25832
        report.n_outside_region = int(((x < x0) | (x > x1) | (y < y0) | (y > y1)).sum())
    name = Path(report.path).name
    if report.n_outside_envelope:
        report.warnings.append(
            f"{name}: {report.n_outside_envelope} building(s) lie outside the tile's own envelope"
        )
    if report.n_outside_region:
        report.warnings.append(
            f"{name}: {report.n_outside_region} building(s) lie outside NRW (local coordinates or another CRS?)"
        )


def _drop_duplicates(result: Lod2Result) -> Lod2Result:
    """Keep the first building of each gml_id; count the others per file and name, for a file
    made only of copies, the files that hold the originals (the same tile twice)."""
    ids = np.asarray(result.gml_id, dtype=object)
    if len(ids) == 0:
        return result
    named = ids != ""
    _, first = np.unique(ids[named].astype(str), return_index=True)
    keep = ~named.copy()
    keep[np.flatnonzero(named)[first]] = True
    if keep.all():
        return result
    first_file = {}
    for i in np.flatnonzero(keep & named).tolist():
        first_file[ids[i]] = int(result.file_index[i])
    by_index = dict(enumerate(result.files))  # one report per file tried, in file order
    dropped = np.flatnonzero(~keep)
    for fi in np.unique(result.file_index[dropped]).tolist():
        rep = by_index.get(fi)
        if rep is None:
            continue
        mine = dropped[result.file_index[dropped] == fi]
        rep.n_duplicates = int(mine.size)
        rep.n_read -= rep.n_duplicates
        origin = sorted({first_file[ids[i]] for i in mine.tolist()})
        rep.duplicate_of = [Path(by_index[o].path).name for o in origin if o in by_index]
        name = Path(rep.path).name
        if rep.n_read == 0 and origin != [fi]:
            rep.warnings.append(
                f"{name}: the same buildings as {', '.join(rep.duplicate_of)}; counted once"
            )
        else:
            rep.warnings.append(f"{name}: {rep.n_duplicates} building(s) with a gml_id read before; counted once")
    take = np.flatnonzero(keep)
    for name in ("gml_id", "function", "roof_type", "roof_type_name", "roof_src", "gemeindeschluessel"):
        values = getattr(result, name)
        setattr(result, name, [values[i] for i in take.tolist()])
    for name in ("height_m", "footprint_m2", "roof_area_m2", "flat_roof_m2", "slope_deg",
                 "slope_max_deg", "geometry", "file_index"):
        setattr(result, name, getattr(result, name)[take])
    return result


def _read_file(
    path: Path,
    file_index: int,
    report: FileReport,
    builder: _Builder,
    progress: Callable[[int], None],
    is_canceled: Callable[[], bool] | None,
) -> bool:
    """Stream one file into ``builder``; returns True if canceled."""
    ns: _Ns | None = None
    root: ET.Element | None = None
    batch: list[_RawBuilding] = []
    canceled = False
    with open(path, "rb") as fh:
        try:
            events = ET.iterparse(fh, events=("start", "end"))
            for event, el in events:
                if root is None:
                    root = el
                    ns = _check_root(el, path)
                    continue
                if event == "start":
                    if not report.srs_name and el.get("srsName"):
                        report.srs_name = el.get("srsName") or ""
                        report.crs, report.crs_assumed = crs_from_srs_name(report.srs_name)
                    continue
                if el.tag == ns.building:
                    report.n_buildings += 1
                    raw = _parse_building(el, ns)
                    report.n_unresolved_hrefs += raw.unresolved_hrefs
                    batch.append(raw)
                    el.clear()
                    if len(batch) >= _FLUSH_EVERY:
                        builder.add_batch(batch, file_index, report)
                        batch = []
                    progress(fh.tell())
                    if is_canceled is not None and is_canceled():
                        canceled = True
                        break
                elif el.tag.endswith("}cityObjectMember") or el.tag.endswith("}featureMember"):
                    root.clear()  # drop what was already read: memory stays flat
                elif el.tag == ns.envelope and report.envelope is None and not report.n_buildings:
                    report.envelope = _envelope(el, ns)
        except ET.ParseError as err:
            if root is None:
                raise Lod2Error(
                    f"Not an XML file (CityGML expected): {path} ({err})", "not_citygml", str(path)
                ) from None
            raise Lod2Error(f"Broken XML in {path}: {err}", "bad_xml", str(path), str(err)) from None
    if root is None:
        raise Lod2Error(f"Empty file (CityGML expected): {path}", "not_citygml", str(path))
    builder.add_batch(batch, file_index, report)
    name = path.name
    if report.crs_assumed:
        report.warnings.append(
            f"{name}: CRS {report.srs_name or '(none)'} not recognised, assumed {DEFAULT_CRS}"
        )
    if report.n_skipped:
        report.warnings.append(
            f"{name}: skipped {report.n_skipped} building(s) without roof or ground polygons"
        )
    if report.n_unresolved_hrefs:
        report.warnings.append(
            f"{name}: {report.n_unresolved_hrefs} polygon reference(s) (xlink:href) not found"
        )
    if report.n_read and not report.n_roof_polygons and not canceled:
        report.warnings.append(f"{name}: no roof surfaces (bldg:RoofSurface); roof figures are empty")
    if report.n_2d_roofs:
        report.warnings.append(
            f"{name}: {report.n_2d_roofs} building(s) have roofs without heights (2D); their slope is unknown"
        )
    if report.n_zone_prefix:
        report.warnings.append(
            f"{name}: {report.n_zone_prefix} building(s) had eastings with the zone number 32 in front; corrected"
        )
    if report.n_curved:
        report.warnings.append(f"{name}: {report.n_curved} curved ring(s) (arcs) were segmentised")
    return canceled


def _envelope(el: ET.Element, ns: _Ns) -> tuple[float, float, float, float] | None:
    lo = (_text(el.find(ns.lower_corner)) or "").split()
    hi = (_text(el.find(ns.upper_corner)) or "").split()
    try:
        x0, y0, x1, y1 = float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])
    except (IndexError, ValueError):
        return None
    if _zone_prefixed(np.array([x0]))[0] and _zone_prefixed(np.array([x1]))[0]:
        x0, x1 = x0 - ZONE_PREFIX, x1 - ZONE_PREFIX
    return x0, y0, x1, y1


def _check_root(el: ET.Element, path: Path) -> _Ns:
    tag = el.tag
    ns_uri, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    if local != "CityModel" or ns_uri not in _CITYGML_VERSIONS:
        raise Lod2Error(
            f"Not CityGML 1.0/2.0: {path} (root element {local or tag!r}"
            f"{' in ' + ns_uri if ns_uri else ''}; core:CityModel expected)",
            "not_citygml",
            str(path),
        )
    return _Ns(ns_uri)
