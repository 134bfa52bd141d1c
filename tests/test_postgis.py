"""gi:flatroofs with a real PostGIS: read from and write to the database, equal to the file run.

The database is a throw-away PostgreSQL cluster started for the session (``tests/helpers/
postgis.py``); the tables are made here from the generated sample district with GDAL's own
PostgreSQL driver, so that the database and the GeoPackage hold the same features with the
same ids. Every comparison is field by field and feature by feature against the run that reads
and writes GeoPackages.
"""

from __future__ import annotations

import math

import pytest
import shapely
from conftest import ensure_provider, recording_feedback_class
from qgis.core import NULL, QgsProcessingException, QgsVectorLayer

Feedback = recording_feedback_class()


# ----------------------------------------------------------------------------------------------
# Helpers
# ----------------------------------------------------------------------------------------------
def gdal_copy(src: str, layer: str, dest: str, name: str, *extra: str) -> None:
    """Copy a GeoPackage layer with its feature ids (to a database or another GeoPackage)."""
    from osgeo import gdal

    gdal.UseExceptions()
    gdal.VectorTranslate(dest, src, options=[layer, "-nln", name, "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid",
                                              "-preserve_fid", "-overwrite", *extra])


def run(params: dict, feedback=None):
    import processing

    fb = feedback or Feedback()
    res = processing.run("gi:flatroofs", params, feedback=fb)
    return res, fb


def table_rows(layer: QgsVectorLayer, key: str = "bid") -> dict:
    assert layer.isValid(), layer.source()
    names = [n for n in layer.fields().names() if n != "fid"]
    out = {}
    for f in layer.getFeatures():
        row = {n: (None if f[n] == NULL else f[n]) for n in names}
        row["_geom"] = shapely.from_wkb(bytes(f.geometry().asWkb())) if not f.geometry().isNull() else None
        out[row[key]] = row
    return out


def assert_same_rows(got: dict, want: dict, rel: float = 0.0, geom_tol: float = 0.0) -> None:
    """Every feature and every field equal (floats within ``rel``; geometries within ``geom_tol`` m)."""
    assert set(got) == set(want)
    fields = set(next(iter(want.values()))) - {"_geom"}
    assert fields <= set(next(iter(got.values())))
    for key, w in want.items():
        g = got[key]
        for name in fields:
            a, b = g[name], w[name]
            if isinstance(b, float) and a is not None:
                assert a == pytest.approx(b, rel=rel, abs=rel * 1e-6), (key, name, a, b)
            else:
                assert a == b, (key, name, a, b)
        if w["_geom"] is None:
            assert g["_geom"] is None
        else:
            assert shapely.equals_exact(shapely.normalize(g["_geom"]), shapely.normalize(w["_geom"]), tolerance=geom_tol), key


def tmp_tables(pg) -> set[str]:
    return {t for t in pg.tables() if "_gi_tmp_" in t}


def terminate_others(pg) -> int:
    """Cut every other connection to the test database (as a failing network or a restart does)."""
    rows = pg.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                    "AND pid <> pg_backend_pid() AND backend_type = 'client backend'", (pg.dbname,))
    return len(rows)


# ----------------------------------------------------------------------------------------------
# Fixtures: the sample district in the database and as files
# ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def db(postgis, sample_gpkg, qgis_processing, tmp_path_factory):
    """The sample's buildings and parks in PostGIS (25832 and 4326, with and without key), the
    same in GeoPackages, and the file-based reference runs."""
    ensure_provider()
    pg = postgis
    g = str(sample_gpkg)
    folder = sample_gpkg.parent
    pgdest = f"PG:{pg.conninfo()}"
    # 25832, primary key fid and a spatial index (GDAL makes both)
    gdal_copy(g, "buildings", pgdest, "buildings")
    gdal_copy(g, "parks", pgdest, "parks")
    # without a primary key and without an index, same rows in the same order
    pg.execute("DROP TABLE IF EXISTS buildings_nopk; CREATE TABLE buildings_nopk AS SELECT * FROM buildings ORDER BY fid")
    # a view over the buildings
    pg.execute("CREATE OR REPLACE VIEW buildings_v AS SELECT * FROM buildings")
    # a geometry column of mixed types: the buildings plus a point and a line
    pg.execute("DROP TABLE IF EXISTS buildings_mixed; CREATE TABLE buildings_mixed AS SELECT * FROM buildings ORDER BY fid;"
               "ALTER TABLE buildings_mixed ALTER COLUMN geom TYPE geometry(Geometry, 25832);"
               "ALTER TABLE buildings_mixed ADD PRIMARY KEY (fid);"
               "INSERT INTO buildings_mixed (fid, bid, geom) VALUES "
               "(900001, 900001, ST_GeomFromText('POINT(360000 5710000)', 25832)),"
               "(900002, 900002, ST_GeomFromText('LINESTRING(360000 5710000, 360010 5710000)', 25832))")
    # 4326: the GeoPackage is reprojected once and the database gets exactly those coordinates
    files = tmp_path_factory.mktemp("pg_files")
    g4326 = str(files / "b4326.gpkg")
    gdal_copy(g, "buildings", g4326, "buildings", "-t_srs", "EPSG:4326")
    gdal_copy(g4326, "buildings", pgdest, "buildings_4326")

    common = {"HEAT": str(folder / "heat.tif"), "SEWER": f"{g}|layername=sewer_combined",
              "SCOPE": f"{g}|layername=raumtyp"}
    ref, _ = run({"INPUT": f"{g}|layername=buildings", "PARKS": f"{g}|layername=parks", **common,
                  "OUTPUT": str(files / "ref.gpkg")})
    ref4326, _ = run({"INPUT": f"{g4326}|layername=buildings", "PARKS": f"{g}|layername=parks", **common,
                      "OUTPUT": str(files / "ref4326.gpkg")})
    return {
        "pg": pg, "gpkg": g, "common": common, "files": files,
        "ref": table_rows(QgsVectorLayer(ref["OUTPUT"], "ref", "ogr")),
        "ref4326": table_rows(QgsVectorLayer(ref4326["OUTPUT"], "ref", "ogr")),
        "n": QgsVectorLayer(f"{g}|layername=buildings", "b", "ogr").featureCount(),
    }


def pg_output(db, table: str) -> dict:
    return table_rows(QgsVectorLayer(db["pg"].uri(table), table, "postgres"))


# ----------------------------------------------------------------------------------------------
# Reading from and writing to PostGIS: equal to the file run
# ----------------------------------------------------------------------------------------------
def test_from_postgis_to_postgis_equals_the_geopackage_run(db):
    pg = db["pg"]
    res, fb = run({"INPUT": pg.source("buildings"), "PARKS": pg.source("parks"), **db["common"],
                   "OUTPUT": pg.destination("roofs_out")})
    assert res["OUTPUT"] == pg.destination("roofs_out")
    got = pg_output(db, "roofs_out")
    assert len(got) == db["n"] == 2000
    assert_same_rows(got, db["ref"])
    # a real table with a primary key and a spatial index, and no temporary table left
    assert pg.query("SELECT count(*) FROM pg_indexes WHERE tablename = 'roofs_out' AND indexdef ILIKE '%gist%'")[0][0] == 1
    assert pg.query("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                    "WHERE c.relname = 'roofs_out' AND i.indisprimary")[0][0] == 1
    assert tmp_tables(pg) == set()
    assert not any("primary key" in w for w in fb.warnings)


def test_postgres_url_destination_and_a_rerun_replace_the_table(db):
    pg = db["pg"]
    pg.execute("DROP TABLE IF EXISTS roofs_url; CREATE TABLE roofs_url (id int); INSERT INTO roofs_url VALUES (1)")
    run({"INPUT": pg.source("buildings"), "PARKS": pg.source("parks"), **db["common"], "OUTPUT": pg.url("roofs_url")})
    assert_same_rows(pg_output(db, "roofs_url"), db["ref"])
    assert tmp_tables(pg) == set()


def test_a_table_without_primary_key_is_read_with_a_warning(db):
    pg = db["pg"]
    res, fb = run({"INPUT": pg.source("buildings_nopk"), "PARKS": f"{db['gpkg']}|layername=parks", **db["common"],
                   "OUTPUT": str(db["files"] / "nopk.gpkg")})
    assert_same_rows(table_rows(QgsVectorLayer(res["OUTPUT"], "o", "ogr")), db["ref"])
    assert any("public.buildings_nopk" in w and "no primary key" in w and "PRIMARY KEY" in w for w in fb.warnings)


def test_a_geographic_table_gives_the_result_of_the_geographic_file(db):
    pg = db["pg"]
    res, fb = run({"INPUT": pg.source("buildings_4326"), "PARKS": pg.source("parks"), **db["common"],
                   "OUTPUT": pg.destination("roofs_4326")})
    got = pg_output(db, "roofs_4326")
    # both runs reproject 4326 -> 25832, the file through GDAL and the database layer through
    # QGIS's request: the same PROJ pipeline, so coordinates agree to far below a millimetre
    assert_same_rows(got, db["ref4326"], rel=1e-9, geom_tol=1e-6)
    assert any("EPSG:25832" in w for w in fb.warnings)  # processed in its UTM zone, as for a file


def test_a_view_without_key_is_refused_with_the_fix(db):
    pg = db["pg"]
    with pytest.raises(QgsProcessingException) as err:
        run({"INPUT": pg.source("buildings_v"), "OUTPUT": "TEMPORARY_OUTPUT"})
    text = str(err.value)
    assert "public.buildings_v" in text and "key=" in text and "not found" not in text


def test_a_view_with_key_gives_the_file_result(db):
    pg = db["pg"]
    res, _ = run({"INPUT": pg.source("buildings_v", key="fid"), "PARKS": pg.source("parks"), **db["common"],
                  "OUTPUT": pg.destination("roofs_view")})
    assert_same_rows(pg_output(db, "roofs_view"), db["ref"])


def test_a_mixed_geometry_column_is_refused_with_the_fix(db):
    pg = db["pg"]
    with pytest.raises(QgsProcessingException) as err:
        run({"INPUT": pg.source("buildings_mixed"), "OUTPUT": "TEMPORARY_OUTPUT"})
    text = str(err.value)
    assert "public.buildings_mixed" in text and "POINT" in text and "LINESTRING" in text and "type=MultiPolygon" in text


def test_the_polygons_of_a_mixed_column_score_as_the_file_and_the_rest_is_named(db):
    pg = db["pg"]
    res, fb = run({"INPUT": pg.source("buildings_mixed", wkb_type="MultiPolygon"), "PARKS": pg.source("parks"),
                   **db["common"], "OUTPUT": pg.destination("roofs_mixed")})
    assert_same_rows(pg_output(db, "roofs_mixed"), db["ref"])  # the point and the line are not in it
    assert any("public.buildings_mixed" in w and "several geometry types" in w for w in fb.warnings)


# ----------------------------------------------------------------------------------------------
# Bad output: a read-only role, a connection that drops
# ----------------------------------------------------------------------------------------------
def test_a_read_only_role_gets_the_role_the_table_and_the_grant(db):
    pg = db["pg"]
    pg.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gi_reader') THEN "
               "CREATE ROLE gi_reader LOGIN; END IF; END $$;"
               "GRANT USAGE ON SCHEMA public TO gi_reader; GRANT SELECT ON ALL TABLES IN SCHEMA public TO gi_reader;"
               "REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    before = pg.tables()
    fb = Feedback()
    with pytest.raises(QgsProcessingException) as err:
        run({"INPUT": pg.source("buildings", user="gi_reader"), "OUTPUT": pg.destination("roofs_ro", user="gi_reader")}, fb)
    text = str(err.value)
    assert "gi_reader" in text and "public.roofs_ro" in text and "GRANT CREATE ON SCHEMA public TO gi_reader" in text
    assert pg.tables() == before
    assert not any("Read " in i for i in fb.infos)  # refused before anything was read


def test_an_existing_table_of_another_owner_is_not_touched(db):
    pg = db["pg"]
    pg.execute("GRANT CREATE ON SCHEMA public TO gi_reader; DROP TABLE IF EXISTS roofs_owned;"
               "CREATE TABLE roofs_owned (id int); INSERT INTO roofs_owned VALUES (7)")
    try:
        with pytest.raises(QgsProcessingException) as err:
            run({"INPUT": pg.source("buildings", user="gi_reader"), "OUTPUT": pg.destination("roofs_owned", user="gi_reader")})
        assert "gi_reader" in str(err.value) and "OWNER TO gi_reader" in str(err.value)
        assert pg.query("SELECT id FROM roofs_owned") == [(7,)]
        assert tmp_tables(pg) == set()
    finally:
        pg.execute("REVOKE CREATE ON SCHEMA public FROM gi_reader")


class _DropWhileWriting(recording_feedback_class()):
    """Cuts the database connections once the progress bar passes ``at`` (gi:flatroofs writes
    from 75 % to 96 %); ``lock_out`` also refuses new logins of that role, as in an outage."""

    def __init__(self, pg, at: float, lock_out: str | None = None, while_reading: bool = False):
        super().__init__()
        self.pg = pg
        self.at = at
        self.lock_out = lock_out
        self.while_reading = while_reading  # only while QGIS holds a cursor open (reads a table)
        self.rows_before_drop = None
        self.dropped = False

    def _reading(self) -> bool:
        return self.pg.query("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid() "
                             "AND state = 'idle in transaction'", (self.pg.dbname,))[0][0] > 0

    def setProgress(self, value):  # noqa: N802
        super().setProgress(value)
        if not self.dropped and value >= self.at and (not self.while_reading or self._reading()):
            self.dropped = True
            tmp = sorted(tmp_tables(self.pg))
            self.rows_before_drop = self.pg.query(f'SELECT count(*) FROM "{tmp[0]}"')[0][0] if tmp else None
            if self.lock_out:
                self.pg.execute(f"ALTER ROLE {self.lock_out} NOLOGIN")
            terminate_others(self.pg)


@pytest.fixture(scope="module")
def big(db):
    """10,000 buildings (the sample five times, shifted): more than QGIS writes in one batch."""
    pg = db["pg"]
    pg.execute("DROP TABLE IF EXISTS buildings_big; CREATE TABLE buildings_big AS "
               "SELECT fid + k * 100000 AS fid, bid + k * 100000 AS bid, slope_deg, roof_type, "
               "ST_Translate(geom, 0, k * 5000) AS geom FROM buildings, generate_series(0, 4) AS k ORDER BY 1;"
               "ALTER TABLE buildings_big ADD PRIMARY KEY (fid)")
    pg.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gi_writer') THEN "
               "CREATE ROLE gi_writer LOGIN; END IF; END $$;"
               "GRANT USAGE, CREATE ON SCHEMA public TO gi_writer; GRANT SELECT ON ALL TABLES IN SCHEMA public TO gi_writer;"
               "DROP TABLE IF EXISTS roofs_drop; CREATE TABLE roofs_drop (id int); INSERT INTO roofs_drop VALUES (1), (2);"
               "ALTER TABLE roofs_drop OWNER TO gi_writer")
    ref, _ = run({"INPUT": pg.source("buildings_big"), "OUTPUT": str(db["files"] / "big.gpkg")})
    return table_rows(QgsVectorLayer(ref["OUTPUT"], "ref", "ogr"))


@pytest.fixture
def small_batches(monkeypatch):
    """Write in chunks of 2,000 (a city is written in chunks of 10,000): the 10,000 test rows
    then reach the database in five commits, and the cut can come between them."""
    from gi_qgis_plugin.processing import write

    monkeypatch.setattr(write, "WRITE_BATCH", 2000)


# gi:flatroofs writes from 75 % to 96 % of its progress: 85.5 % is after three of five chunks
MID_WRITE = 75.0 + 21.0 * 0.5


def test_an_outage_while_writing_leaves_the_old_table_whole(db, big, small_batches):
    pg = db["pg"]
    fb = _DropWhileWriting(pg, at=MID_WRITE, lock_out="gi_writer")
    try:
        with pytest.raises(QgsProcessingException) as err:
            run({"INPUT": pg.source("buildings_big"), "OUTPUT": pg.destination("roofs_drop", user="gi_writer")}, feedback=fb)
    finally:
        pg.execute("ALTER ROLE gi_writer LOGIN")
    assert fb.dropped
    # cut mid-run: part of the rows had reached the database (under the temporary name)
    assert fb.rows_before_drop == 6000
    text = str(err.value)
    assert "Nothing was written" in text and "public.roofs_drop" in text
    # the old table is whole; the unfinished one could not be removed during the outage: the
    # message names it so that it can be dropped
    assert pg.query("SELECT id FROM roofs_drop ORDER BY id") == [(1,), (2,)]
    left = tmp_tables(pg)
    assert all(t in text for t in left)
    for t in left:
        pg.execute(f'DROP TABLE "{t}"')


def test_a_connection_cut_while_writing_is_resumed_never_half(db, big, small_batches):
    pg = db["pg"]
    fb = _DropWhileWriting(pg, at=MID_WRITE)
    res, _ = run({"INPUT": pg.source("buildings_big"), "OUTPUT": pg.destination("roofs_cut")}, feedback=fb)
    assert fb.dropped and fb.rows_before_drop == 6000
    # QGIS reconnects and writes the rest; the row count check passed, so the table is whole
    assert_same_rows(pg_output(db, "roofs_cut"), big)
    assert tmp_tables(pg) == set()


def test_a_connection_dropped_while_reading_stops_the_run(db, big):
    pg = db["pg"]
    fb = _DropWhileWriting(pg, at=0.0, while_reading=True)  # after QGIS fetched its first rows
    with pytest.raises(QgsProcessingException) as err:
        run({"INPUT": pg.source("buildings_big"), "OUTPUT": pg.destination("roofs_big")}, feedback=fb)
    assert fb.dropped
    text = str(err.value)
    assert "of 10000 features" in text and "connection" in text and "Nothing was written" in text
    assert "roofs_big" not in pg.tables() and tmp_tables(pg) == set()


# ----------------------------------------------------------------------------------------------
# ALKIS buildings (norGIS names, AdV codes) from the database
# ----------------------------------------------------------------------------------------------
def _rect(x: float, y: float, w: float, h: float) -> str:
    return f"MULTIPOLYGON((({x} {y},{x + w} {y},{x + w} {y + h},{x} {y + h},{x} {y})))"


# (ogc_fid, gml_id, gebaeudefunktion, dachform, storeys, width, depth): real AdV codes
# (resources/alkis_gebaeudefunktion.csv, resources/roof_types.csv)
ALKIS_BUILDINGS = [
    (1, "DENW36AL0000aaa1", 3021, 1000, 3, 20.0, 30.0),   # school, Flachdach, 600 m²
    (2, "DENW36AL0000aaa2", 1010, 3100, 2, 10.0, 12.0),   # Wohnhaus, Satteldach, 120 m²
    (3, "DENW36AL0000aaa3", 2463, 2100, 1, 3.0, 6.0),     # Garage, Pultdach, 18 m²
    (4, "DENW36AL0000aaa4", 2463, 1000, 1, 2.0, 4.0),     # Garage, Flachdach, 8 m² (too small)
    (5, "DENW36AL0000aaa5", 2020, None, 5, 25.0, 40.0),   # Bürogebäude, no roof form, 1000 m²
    (6, "DENW36AL0000aaa6", 3065, 1000, 1, 30.0, 40.0),   # Kita, Flachdach, 1200 m²
    (7, "DENW36AL0000aaa7", 2020, 1000, 12, 20.0, 20.0),  # office tower, Flachdach, 400 m²
]


@pytest.fixture(scope="module")
def alkis_table(postgis):
    pg = postgis
    pg.execute("DROP TABLE IF EXISTS ax_gebaeude; CREATE TABLE ax_gebaeude ("
               "ogc_fid serial PRIMARY KEY, gml_id character(16), gebaeudefunktion integer, dachform integer, "
               "anzahlderoberirdischengeschosse integer, wkb_geometry geometry(MultiPolygon, 25832));"
               "CREATE INDEX ax_gebaeude_geom_idx ON ax_gebaeude USING gist (wkb_geometry)")
    for i, (fid, gml, fkt, dach, geschosse, w, h) in enumerate(ALKIS_BUILDINGS):
        pg.execute("INSERT INTO ax_gebaeude VALUES (%s, %s, %s, %s, %s, ST_GeomFromText(%s, 25832))",
                   (fid, gml, fkt, dach, geschosse, _rect(360000 + 100 * i, 5710000, w, h)))
    # one Klimatop over all of them in the most burdened of five classes
    pg.execute("DROP TABLE IF EXISTS klimatope_alkis; CREATE TABLE klimatope_alkis (id serial PRIMARY KEY, "
               "heat_class integer, geom geometry(Polygon, 25832));"
               "INSERT INTO klimatope_alkis (heat_class, geom) VALUES "
               "(5, ST_MakeEnvelope(359900, 5709900, 361000, 5710200, 25832))")
    return pg


def _alkis_rows(pg, table: str) -> dict:
    out = table_rows(QgsVectorLayer(pg.uri(table), "o", "postgres"), key="gml_id")
    assert len(out) == len(ALKIS_BUILDINGS)
    return {b[0]: out[b[1]] for b in ALKIS_BUILDINGS}


def test_alkis_buildings_score_from_dachform_alone(alkis_table, qgis_processing):
    from gi_qgis_plugin.scoring import roofs

    ensure_provider()
    pg = alkis_table
    res, fb = run({"INPUT": pg.source("ax_gebaeude", geom="wkb_geometry"), "OUTPUT": pg.destination("ax_gebaeude_gi")})
    r = _alkis_rows(pg, "ax_gebaeude_gi")
    assert any("roof type = dachform" in i for i in fb.infos)
    # by hand: only the suitability criteria slope (weight 2) and area (weight 2) have data, so
    # the score is their weighted mean; greenable = 0.75 × footprint (net factor),
    # c_area = log10(area / 10) / log10(1000 / 10)
    assert (roofs.WEIGHTS["slope"], roofs.WEIGHTS["area"], roofs.NET_FACTOR) == (2.0, 2.0, 0.75)

    def c_area(footprint):
        return min(max(math.log10(0.75 * footprint / 10.0) / 2.0, 0.0), 1.0)

    # Flachdach without slope field: 0–5° by type, c_slope 1
    for fid, footprint in ((1, 600.0), (6, 1200.0), (7, 400.0)):
        assert r[fid]["slope_class"] == "0-5" and "slope_from_type" in r[fid]["gi_flags"].split(",")
        assert r[fid]["c_slope"] == 1.0 and r[fid]["greenable_m2"] == pytest.approx(0.75 * footprint)
        assert r[fid]["gi_score"] == pytest.approx(100 * (2 * 1.0 + 2 * c_area(footprint)) / 4)
    assert r[1]["gi_score"] == pytest.approx(91.330, abs=1e-3)  # (2 + 2 × log10(45)/2) / 4
    # Satteldach, Pultdach and no roof form: slope unknown, the score is the area alone
    for fid, footprint in ((2, 120.0), (3, 18.0), (5, 1000.0)):
        assert r[fid]["slope_class"] == "unbekannt" and "slope_unknown" in r[fid]["gi_flags"].split(",")
        assert r[fid]["c_slope"] is None
        assert r[fid]["gi_score"] == pytest.approx(100 * c_area(footprint))
    assert r[5]["gi_score"] == pytest.approx(93.753, abs=1e-3)  # 100 × log10(75) / 2
    # the 8 m² garage (6 m² greenable) is below the 10 m² minimum
    assert r[4]["gi_class"] == "X" and "area_lt_min" in r[4]["gi_flags"].split(",") and r[4]["gi_rank"] is None
    # kita 98.86, office 93.75, school 91.33, tower 86.93, house 47.71, garage 6.52
    assert [r[f]["gi_rank"] for f in (6, 5, 1, 7, 2, 3)] == [1, 2, 3, 4, 5, 6]
    assert [r[f]["gi_class"] for f in (6, 5, 1, 7, 2, 3)] == ["A", "A", "A", "A", "C", "D"]
    # the ALKIS attributes are carried over unchanged
    assert {f: (v["gebaeudefunktion"], v["dachform"], v["anzahlderoberirdischengeschosse"]) for f, v in r.items()} == \
        {b[0]: (b[2], b[3], b[4]) for b in ALKIS_BUILDINGS}
    assert not math.isnan(res["RETENTION_M3A"])


def test_alkis_storeys_give_the_height_for_the_heat_benefit(alkis_table, qgis_processing):
    """No height field: storeys × 3 m. Full heat benefit up to 10 m, half from 30 m (linear)."""
    from gi_qgis_plugin.scoring import roofs

    ensure_provider()
    pg = alkis_table
    _, fb = run({"INPUT": pg.source("ax_gebaeude", geom="wkb_geometry"), "HEAT_POLYGONS": pg.source("klimatope_alkis"),
                 "OUTPUT": pg.destination("ax_gebaeude_heat")})
    assert any("anzahlderoberirdischengeschosse" in i and "storeys" in i for i in fb.infos)
    assert (roofs.HEIGHT_FULL_M, roofs.HEIGHT_LOW_M, roofs.HEIGHT_FACTOR) == (10.0, 30.0, 0.5)
    r = _alkis_rows(pg, "ax_gebaeude_heat")
    # class 5 of 5: (5 − 1) / 4 = 1, times the height factor of storeys × 3 m
    expected = {1: 1.0,      # 3 storeys = 9 m
                2: 1.0,      # 6 m
                5: 0.875,    # 5 storeys = 15 m: 1 − 0.5 × (15 − 10) / 20
                6: 1.0,      # 3 m
                7: 0.5}      # 12 storeys = 36 m: beyond 30 m
    for fid, c in expected.items():
        assert r[fid]["c_heat"] == pytest.approx(c), fid


def test_alkis_code_lists_are_the_adv_ones():
    from gi_qgis_plugin.scoring import alkis, roofs

    functions = alkis.building_functions()
    assert functions["1000"][0] == "Wohngebäude" and functions["2463"][0] == "Garage"
    assert functions["3021"][0] == "Allgemein bildende Schule" and functions["2465"][0] == "Tiefgarage"
    assert all(len(code) == 4 and code.isdigit() for code in functions)
    assert list(alkis.function_codes(["31001_2463", 3021, "3021.0", "9999", None, "x"])) == \
        ["2463", "3021", "3021", None, None, None]
    types = roofs.roof_type_table()
    assert types["1000"] == ("Flachdach", True) and types["2100"][0] == "Pultdach" and types["3100"][0] == "Satteldach"
    # storeys as a height proxy: 3 storeys × 3 m = 9 m; none or 0 storeys: unknown
    h = alkis.height_from_storeys([3, None, 0, 1])
    assert h[0] == 9.0 and math.isnan(h[1]) and math.isnan(h[2]) and h[3] == 3.0
    assert roofs.detect_field(["ogc_fid", "Dachform", "anzahlderoberirdischengeschosse"], "roof_type") == "Dachform"
    assert roofs.detect_field(["ogc_fid", "anzahlderoberirdischengeschosse"], "storeys") == "anzahlderoberirdischengeschosse"


def test_the_dialog_loads_the_finished_table_styled(db):
    """As the Processing dialog asks: load the output into the project when the run is done."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingOutputLayerDefinition, QgsProject

    pg = db["pg"]
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    out = QgsProcessingOutputLayerDefinition(pg.destination("roofs_loaded"), QgsProject.instance())
    out.destinationName = "Dächer"
    fb = Feedback()
    processing.run("gi:flatroofs", {"INPUT": pg.source("buildings"), "OUTPUT": out}, feedback=fb, context=context)
    from qgis.core import QgsProcessingUtils

    keys = list(context.layersToLoadOnCompletion())
    assert len(keys) == 1
    layer = QgsProcessingUtils.mapLayerFromString(keys[0], context)
    assert layer is not None and layer.providerType() == "postgres" and layer.featureCount() == db["n"]
    assert '"public"."roofs_loaded"' in layer.source() and "_gi_tmp_" not in layer.source()
    details = context.layerToLoadOnCompletionDetails(keys[0])
    assert details.name == "Dächer" and details.postProcessor() is not None


def test_the_run_record_and_the_styles_are_stored_in_the_database(db):
    """A table opened later (another QGIS, QGIS Server) is styled and explains its run."""
    from gi_qgis_plugin.scoring import record
    from gi_qgis_plugin.ui.inspector import run_record_of

    pg = db["pg"]
    weights = {"W_SLOPE": 5.0, "W_AREA": 1.0}
    res, _ = run({"INPUT": pg.source("buildings"), **weights, "OUTPUT": pg.destination("roofs_styled")})
    # the default style in layer_styles: the class style, with the run record as a property
    styles = pg.query("SELECT stylename, useasdefault, styleqml FROM layer_styles WHERE f_table_name = 'roofs_styled' "
                      "ORDER BY stylename")
    assert [(name, default) for name, default, _ in styles] == [("roofs_styled gi_class", True), ("roofs_styled gi_score", False)]
    assert 'attr="gi_class"' in styles[0][2] and record.PROPERTY in styles[0][2]
    # the record in QGIS's layer metadata table as well
    md = pg.query("SELECT qmd FROM qgis_layer_metadata WHERE f_table_name = 'roofs_styled'")
    assert len(md) == 1 and record.PREFIX.strip() in md[0][0]
    # opened afresh: styled by class, and the dock reads the weights of this run
    layer = QgsVectorLayer(pg.uri("roofs_styled"), "later", "postgres")
    assert layer.renderer().type() == "categorizedSymbol" and layer.renderer().classAttribute() == "gi_class"
    run_info = run_record_of(layer)
    assert run_info is not None and run_info["alg"] == "gi:flatroofs"
    assert run_info["weights"]["slope"] == 5.0 and run_info["weights"]["area"] == 1.0
    assert record.loads(res["RUN_INFO"])["weights"] == run_info["weights"]


def test_a_rerun_keeps_one_default_style_and_one_record(db):
    pg = db["pg"]
    for _ in range(2):
        run({"INPUT": pg.source("buildings"), "OUTPUT": pg.destination("roofs_twice")})
    assert pg.query("SELECT count(*) FROM layer_styles WHERE f_table_name = 'roofs_twice' AND useasdefault")[0][0] == 1
    assert pg.query("SELECT count(*) FROM qgis_layer_metadata WHERE f_table_name = 'roofs_twice'")[0][0] == 1


# ----------------------------------------------------------------------------------------------
# Every registered scoring algorithm (tests/cases.py): from PostGIS into PostGIS, as from files
# ----------------------------------------------------------------------------------------------
def _case_ids():
    from cases import CASES

    return sorted(CASES)


def _by_position(layer: QgsVectorLayer) -> dict:
    """Rows keyed by their geometry's centre (the case inputs never share one)."""
    out = {}
    rows = table_rows_list(layer)
    for row in rows:
        c = row["_geom"].centroid
        out[(round(c.x, 3), round(c.y, 3))] = row
    assert len(out) == len(rows)
    return out


def table_rows_list(layer: QgsVectorLayer) -> list[dict]:
    names = [n for n in layer.fields().names() if n != "fid"]
    rows = []
    for f in layer.getFeatures():
        row = {n: (None if f[n] == NULL else f[n]) for n in names}
        row["_geom"] = shapely.from_wkb(bytes(f.geometry().asWkb())) if not f.geometry().isNull() else None
        rows.append(row)
    return rows


@pytest.mark.parametrize("alg_id", _case_ids())
def test_every_scoring_algorithm_reads_and_writes_postgis_as_files(alg_id, postgis, qgis_processing, tmp_path):
    import processing
    from cases import CASES
    from qgis.core import QgsProject, QgsVectorFileWriter

    ensure_provider()
    case = CASES[alg_id]
    layer = case.make_input()
    gpkg = tmp_path / "input.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "input"
    err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(gpkg), QgsProject.instance().transformContext(), options)
    assert err[0] == QgsVectorFileWriter.WriterError.NoError, err
    table = "case_" + alg_id.split(":", 1)[1]
    gdal_copy(str(gpkg), "input", f"PG:{postgis.conninfo()}", table)
    params = case.params(tmp_path)

    ref = processing.run(alg_id, {**params, "INPUT": f"{gpkg}|layername=input", "OUTPUT": str(tmp_path / "ref.gpkg")},
                         feedback=Feedback())
    res = processing.run(alg_id, {**params, "INPUT": postgis.source(table), "OUTPUT": postgis.destination(table + "_gi")},
                         feedback=Feedback())
    want = _by_position(QgsVectorLayer(ref["OUTPUT"], "ref", "ogr"))
    got = _by_position(QgsVectorLayer(postgis.uri(table + "_gi"), "pg", "postgres"))
    assert_same_rows(got, want)
    assert tmp_tables(postgis) == set()
    # the run record is the same run's (date aside), stored with the table
    from gi_qgis_plugin.scoring import record

    a, b = record.loads(ref["RUN_INFO"]), record.loads(res["RUN_INFO"])
    assert a["alg"] == b["alg"] == alg_id and a["weights"] == b["weights"]
    assert postgis.query("SELECT count(*) FROM layer_styles WHERE f_table_name = %s AND useasdefault", (table + "_gi",))[0][0] == 1


AWKWARD = ["O'Brien", 'say "hi"', "back\\slash", "comma, {brace}", "NULL", "", "Zeile 1\nZeile 2", "Grünfläche ß", "tab\there", None]


def test_awkward_values_reach_the_table_unchanged(db):
    """Text with quotes, backslashes, braces, the word NULL, line breaks and umlauts, dates,
    booleans, big integers and NULLs: written in bulk, read back equal to the GeoPackage run."""
    pg = db["pg"]
    pg.execute("DROP TABLE IF EXISTS buildings_awkward; CREATE TABLE buildings_awkward AS "
               "SELECT fid, bid, slope_deg, roof_type, geom FROM buildings WHERE fid <= 60 ORDER BY fid;"
               "ALTER TABLE buildings_awkward ADD PRIMARY KEY (fid);"
               "ALTER TABLE buildings_awkward ADD COLUMN note varchar, ADD COLUMN built date, ADD COLUMN checked boolean, "
               "ADD COLUMN big bigint, ADD COLUMN stamp timestamp")
    for i, text in enumerate(AWKWARD * 6):
        pg.execute("UPDATE buildings_awkward SET note = %s, built = CASE WHEN %s %% 3 = 0 THEN NULL ELSE date '1960-01-01' + %s END, "
                   "checked = (%s %% 2 = 0), big = 9007199254740993 + %s, stamp = timestamp '2024-05-06 07:08:09' + %s * interval '1 hour' "
                   "WHERE fid = %s", (text, i, i, i, i, i, i + 1))
    src = pg.source("buildings_awkward")
    ref, _ = run({"INPUT": src, "OUTPUT": str(db["files"] / "awkward.gpkg")})
    run({"INPUT": src, "OUTPUT": pg.destination("roofs_awkward")})
    want = table_rows(QgsVectorLayer(ref["OUTPUT"], "ref", "ogr"))
    got = pg_output(db, "roofs_awkward")
    assert_same_rows(got, want)
    notes = sorted((r["note"] is None, r["note"] or "") for r in got.values())
    assert notes == sorted((t is None, t or "") for t in AWKWARD * 6)
    assert pg.query("SELECT count(*) FROM roofs_awkward WHERE big > 9007199254740992")[0][0] == 60


def test_the_district_table_goes_to_the_database_with_the_roofs(db):
    pg = db["pg"]
    g = db["gpkg"]
    params = {"PARKS": f"{g}|layername=parks", **db["common"], "DISTRICTS": f"{g}|layername=districts"}
    ref, _ = run({"INPUT": f"{g}|layername=buildings", **params, "OUTPUT": "TEMPORARY_OUTPUT",
                  "DISTRICT_TABLE": str(db["files"] / "districts.gpkg")})
    run({"INPUT": pg.source("buildings"), **params, "OUTPUT": pg.destination("roofs_d"),
         "DISTRICT_TABLE": pg.destination("roofs_districts")})
    want = table_rows(QgsVectorLayer(ref["DISTRICT_TABLE"], "ref", "ogr"), key="name")
    got = table_rows(QgsVectorLayer(pg.uri("roofs_districts"), "pg", "postgres"), key="name")
    assert len(want) > 1
    assert_same_rows(got, want)
    assert {"roofs_d", "roofs_districts"} <= pg.tables() and tmp_tables(pg) == set()
    # the key's sequence and the indexes carry the table's name, not the temporary one
    assert not pg.query("SELECT relname FROM pg_class WHERE relname LIKE '%%_gi_tmp_%%'")


def test_the_lod2_import_writes_to_the_database_as_to_a_file(postgis, qgis_processing, tmp_path):
    """Not a scoring algorithm, but its output goes through the same sink: equal rows."""
    import processing
    from test_lod2 import synthetic_tile

    ensure_provider()
    tile = tmp_path / "tile.gml"
    tile.write_text(synthetic_tile(), encoding="utf-8")
    ref = processing.run("gi:importlod2", {"INPUT": str(tile), "OUTPUT": str(tmp_path / "lod2.gpkg")}, feedback=Feedback())
    processing.run("gi:importlod2", {"INPUT": str(tile), "OUTPUT": postgis.destination("lod2_buildings")}, feedback=Feedback())
    want = table_rows(QgsVectorLayer(ref["OUTPUT"], "ref", "ogr"), key="gml_id")
    got = table_rows(QgsVectorLayer(postgis.uri("lod2_buildings"), "pg", "postgres"), key="gml_id")
    assert len(want) >= 2
    assert_same_rows(got, want)
    assert tmp_tables(postgis) == set()


def test_a_connection_dropped_while_reading_a_second_layer_stops_the_run(db, big):
    """The parks come from the database and the connection drops while they are read."""
    pg = db["pg"]
    fb = _DropWhileWriting(pg, at=30.0, while_reading=True)  # the gathering starts at 30 %
    with pytest.raises(QgsProcessingException) as err:
        run({"INPUT": f"{db['gpkg']}|layername=buildings", "PARKS": pg.source("buildings_big"),
             "OUTPUT": pg.destination("roofs_parks_cut")}, feedback=fb)
    assert fb.dropped
    text = str(err.value)
    assert "of 10000 features" in text and "buildings_big" in text and "Nothing was written" in text
    assert "roofs_parks_cut" not in pg.tables() and tmp_tables(pg) == set()


def test_a_project_layer_from_the_database_is_checked_as_a_uri_is(db):
    """The dialog passes a layer of the project (its id) or a source definition with a limit."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject

    pg = db["pg"]
    layer = QgsVectorLayer(pg.uri("buildings_nopk"), "Gebäude ohne Schlüssel", "postgres")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    try:
        _, fb = run({"INPUT": layer.id(), "OUTPUT": "TEMPORARY_OUTPUT"})
        assert any("public.buildings_nopk" in w and "no primary key" in w for w in fb.warnings)
        # a feature limit reads fewer rows than the table holds: no "connection lost"
        limited = QgsProcessingFeatureSourceDefinition(layer.id(), False, 100)
        res, _ = run({"INPUT": limited, "OUTPUT": "TEMPORARY_OUTPUT"})
        assert res["OUTPUT"].featureCount() == 100
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_a_cancel_while_writing_leaves_the_old_table_and_no_temporary_one(db, big, small_batches):
    from helpers.feedback import CancelAt

    pg = db["pg"]
    pg.execute("DROP TABLE IF EXISTS roofs_cancel; CREATE TABLE roofs_cancel (id int); INSERT INTO roofs_cancel VALUES (42)")
    fb = CancelAt(MID_WRITE)
    with pytest.raises(QgsProcessingException) as err:
        run({"INPUT": pg.source("buildings_big"), "OUTPUT": pg.destination("roofs_cancel")}, feedback=fb)
    assert "Canceled" in str(err.value) or "Abgebrochen" in str(err.value)
    assert pg.query("SELECT id FROM roofs_cancel") == [(42,)]
    assert tmp_tables(pg) == set()
