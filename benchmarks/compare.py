"""Are two GeoPackage outputs the same? Schema, FIDs, geometries, every value and NULL.

Used by ``make bench`` (the fast paths' output against the plain paths', ``GI_PLAIN_IO=1``, at
every size) and by ``tests/test_fast_io.py``. Values are compared column by column through
OGR's Arrow stream (a million rows in seconds); the schema through OGR and the GeoPackage's own
tables (the table's SQL, gpkg_contents, gpkg_geometry_columns, the R-tree's row count).

    python3 benchmarks/compare.py a.gpkg b.gpkg     # prints the differences, exit 1 if any
"""

from __future__ import annotations

import sqlite3
import sys

import numpy as np


def schema(path: str) -> dict:
    """Everything but the rows: layer, FID and geometry column, geometry type, CRS, fields
    (name, type, subtype, width, precision, nullable, default), count, extent, table SQL."""
    from osgeo import gdal, ogr

    with gdal.ExceptionMgr(useExceptions=True), ogr.ExceptionMgr(useExceptions=True):
        ds = ogr.Open(str(path))
        layers = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
        lyr = ds.GetLayer(0)
        defn = lyr.GetLayerDefn()
        fields = []
        for j in range(defn.GetFieldCount()):
            fd = defn.GetFieldDefn(j)
            fields.append((fd.GetName(), fd.GetType(), fd.GetSubType(), fd.GetWidth(), fd.GetPrecision(),
                           fd.IsNullable(), fd.GetDefault()))
        srs = lyr.GetSpatialRef()
        out = {
            "layers": layers, "name": lyr.GetName(), "fid_column": lyr.GetFIDColumn(),
            "geom_column": lyr.GetGeometryColumn(), "geom_type": lyr.GetGeomType(),
            "srs": srs.ExportToWkt() if srs else None, "fields": fields, "count": lyr.GetFeatureCount(),
            "extent": tuple(round(v, 6) for v in lyr.GetExtent()),
        }
        ds.Close()
    con = sqlite3.connect(str(path))
    try:
        out["table_sql"] = con.execute("SELECT sql FROM sqlite_master WHERE type='table' AND name=?", (out["name"],)).fetchone()[0]
        out["contents"] = con.execute("SELECT table_name, data_type, identifier, description, srs_id FROM gpkg_contents").fetchall()
        out["geometry_columns"] = con.execute("SELECT * FROM gpkg_geometry_columns").fetchall()
        rtree = f'rtree_{out["name"]}_{out["geom_column"]}'
        has_rtree = con.execute("SELECT count(*) FROM sqlite_master WHERE name=?", (rtree,)).fetchone()[0]
        out["rtree_rows"] = con.execute(f'SELECT count(*) FROM "{rtree}"').fetchone()[0] if has_rtree else None
        out["geometries"] = con.execute(
            f'SELECT count(*) FROM "{out["name"]}" WHERE "{out["geom_column"]}" IS NOT NULL').fetchone()[0]
        has_md = con.execute("SELECT count(*) FROM sqlite_master WHERE name='gpkg_metadata'").fetchone()[0]
        out["run_record"] = bool(has_md) and con.execute(
            "SELECT count(*) FROM gpkg_metadata WHERE metadata LIKE '%gi_run%'").fetchone()[0] > 0
    finally:
        con.close()
    return out


def _batches(path: str):
    from osgeo import gdal, ogr

    with gdal.ExceptionMgr(useExceptions=True), ogr.ExceptionMgr(useExceptions=True):
        ds = ogr.Open(str(path))
        lyr = ds.GetLayer(0)
        yield from lyr.GetArrowStreamAsNumPy(options=["MAX_FEATURES_IN_BATCH=100000", "INCLUDE_FID=YES"])
        ds.Close()


def _same_column(a, b) -> bool:
    ma = np.ma.getmaskarray(a) if isinstance(a, np.ma.MaskedArray) else np.zeros(len(a), bool)
    mb = np.ma.getmaskarray(b) if isinstance(b, np.ma.MaskedArray) else np.zeros(len(b), bool)
    if not np.array_equal(ma, mb):
        return False
    da, db = np.ma.getdata(a)[~ma], np.ma.getdata(b)[~mb]
    if da.dtype != db.dtype:
        return False
    if da.dtype.kind == "f":
        return np.array_equal(da, db, equal_nan=True)
    if da.dtype == object:
        return da.tolist() == db.tolist()
    return np.array_equal(da, db)


def differences(a: str, b: str, record: bool = True) -> list[str]:
    """What differs between the GeoPackage outputs ``a`` and ``b`` (empty: the same)."""
    sa, sb = schema(a), schema(b)
    out = [f"{key}: {sa[key]!r} != {sb[key]!r}" for key in sa if sa[key] != sb[key]]
    if sa["rtree_rows"] != sa["geometries"]:
        out.append(f"R-tree of {a} holds {sa['rtree_rows']} rows for {sa['geometries']} geometries")
    if record and not sa["run_record"]:
        out.append(f"{a} has no run record")
    if out:
        return out
    rows = 0
    for ba, bb in zip(_batches(a), _batches(b), strict=True):
        if list(ba) != list(bb):
            return [f"columns {list(ba)} != {list(bb)}"]
        for key in ba:
            if not _same_column(ba[key], bb[key]):
                return [f"column {key} differs in rows {rows}..{rows + len(ba[key])}"]
        rows += len(next(iter(ba.values()))) if ba else 0
    if rows != sa["count"]:
        out.append(f"{rows} rows read, {sa['count']} counted")
    return out


if __name__ == "__main__":
    diffs = differences(sys.argv[1], sys.argv[2], record=False)
    print("\n".join(diffs) if diffs else "same")
    sys.exit(1 if diffs else 0)
