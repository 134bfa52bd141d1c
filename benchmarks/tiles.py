"""Brownfield benchmark data: the sample district tiled until it holds n brownfields.

A district of n buildings has only a few hundred brownfields, so the brownfield rows of the table
(10,000 and 100,000 brownfields) tile the district of that size side by side, with the layers
both sides read (brownfields, Biotopverbund, Regionale Grünzüge, Raumtyp as the settlement areas,
parks), until the tiles hold n brownfields; the last tile is cut at n. Written once per dataset
into ``<dataset folder>/brownfields_tiled_<n>.gpkg`` (git-ignored work folder) and reused.

The generator's dissolved Grünzug and Biotopverbund polygons can touch themselves at a corner
(invalid rings); QGIS's own algorithms stop on them while gi:brownfields repairs them as it reads.
The tiles are therefore repaired once here (``make_valid``, polygon parts, as MultiPolygons), so
both sides read the same valid data and neither pays for the repair.

No QGIS here: GDAL/OGR and shapely, as the generator.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import shapely
from osgeo import ogr

LAYERS = ("brownfields", "biotopverbund", "gruenzuege", "raumtyp", "parks")


def _read(ds, name: str):
    lyr = ds.GetLayerByName(name)
    defn = lyr.GetLayerDefn()
    fields = [(defn.GetFieldDefn(i).GetName(), defn.GetFieldDefn(i).GetType()) for i in range(defn.GetFieldCount())]
    geoms, rows = [], []
    for f in lyr:
        g = f.GetGeometryRef()
        geoms.append(shapely.from_wkb(bytes(g.ExportToWkb())) if g is not None else None)
        rows.append([f.GetField(i) for i in range(len(fields))])
    return fields, np.array(geoms, dtype=object), rows, lyr.GetGeomType(), lyr.GetSpatialRef().Clone()


def _valid_multipolygons(geoms: np.ndarray) -> np.ndarray:
    out = np.asarray(geoms, dtype=object).copy()
    ok = ~shapely.is_missing(out)
    bad = ok & ~shapely.is_valid(out)
    if bad.any():
        fixed = shapely.make_valid(out[bad])
        parts, index = shapely.get_parts(fixed, return_index=True)
        poly = shapely.get_type_id(parts) == 3
        out[bad] = None
        for i in np.unique(index[poly]).tolist():
            out[np.flatnonzero(bad)[i]] = shapely.multipolygons(parts[poly & (index == i)])
    single = ok & (shapely.get_type_id(out) == 3)
    if single.any():
        out[single] = [shapely.multipolygons([g]) for g in out[single].tolist()]
    return out


def tiled(gpkg: str, n: int) -> str:
    """Path of the tiled GeoPackage with exactly ``n`` brownfields (built on first use)."""
    out = Path(gpkg).parent / f"brownfields_tiled_{n}.gpkg"
    done = out.with_suffix(".done")
    if out.exists() and done.exists():
        return str(out)
    ogr.UseExceptions()
    src = ogr.Open(gpkg)
    data = {name: _read(src, name) for name in LAYERS}
    minx, miny, maxx, maxy = shapely.total_bounds(np.concatenate([data[k][1] for k in LAYERS]))
    w, h = maxx - minx, maxy - miny
    k = len(data["brownfields"][2])
    if k == 0:
        raise SystemExit(f"benchmarks: {gpkg} has no brownfields to tile")
    tiles = math.ceil(n / k)
    cols = math.ceil(math.sqrt(tiles))
    if out.exists():
        out.unlink()
    dst = ogr.GetDriverByName("GPKG").CreateDataSource(str(out))
    for name in LAYERS:
        fields, geoms, rows, _, srs = data[name]
        geoms = _valid_multipolygons(geoms)
        lyr = dst.CreateLayer(name, srs, ogr.wkbMultiPolygon, options=["SPATIAL_INDEX=YES"])
        for fname, ftype in fields:
            lyr.CreateField(ogr.FieldDefn(fname, ftype))
        defn = lyr.GetLayerDefn()
        lyr.StartTransaction()
        written = 0
        for t in range(tiles):
            dx, dy = (t % cols) * w, (t // cols) * h
            moved = shapely.transform(geoms, lambda c, dx=dx, dy=dy: c + np.array([dx, dy]))
            for g, row in zip(moved.tolist(), rows):
                if name == "brownfields" and written >= n:
                    break
                feat = ogr.Feature(defn)
                for i, v in enumerate(row):
                    if v is not None:
                        feat.SetField(i, v)
                if g is not None:
                    feat.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(g)))
                lyr.CreateFeature(feat)
                written += 1
        lyr.CommitTransaction()
    dst = None
    src = None
    done.write_text(f"{n} brownfields from {tiles} tiles of {k}\n")
    return str(out)
