"""The Musterstadt sample district: determinism, schema, CRS, scale, proportions, rasters."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import gdal, ogr, osr

from gi_qgis_plugin.sample.generator import GenerationCanceled, generate

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "gi_qgis_plugin" / "resources" / "sample"
CENTRE = (360000.0, 5705000.0)

# Written out here, not imported, so that a change of the generator's schema fails a test.
EXPECTED_SCHEMA = {
    "raumtyp": ("MultiPolygon", {"raumtyp": "String", "name": "String"}),
    "districts": ("MultiPolygon", {"name": "String", "district_id": "Integer"}),
    "klimatope": ("Polygon", {"klimatop": "String", "heat_class": "Integer"}),
    "gruenzuege": ("MultiPolygon", {"name": "String"}),
    "biotopverbund": ("Polygon", {"stufe": "String"}),
    "sewer_combined": ("MultiPolygon", {"name": "String"}),
    "parks": ("Polygon", {"name": "String", "area_ha": "Real"}),
    "brownfields": (
        "Polygon",
        {
            "bfid": "Integer",
            "name": "String",
            "biotope": "String",
            "sealing": "Real",
            "contam": "String",
            "area_m2": "Real",
            "biotopwert": "Real",
            "eigentum": "String",
            "vornutzung": "Integer",
            "verfahren": "String",
            "arten": "Integer",
        },
    ),
    "streets": (
        "LineString",
        {"sid": "Integer", "road_class": "String", "width_m": "Real", "surface": "String", "name": "String"},
    ),
    "street_trees": ("Point", {"tid": "Integer", "species": "String", "planted": "Integer"}),
    "buildings": (
        "MultiPolygon",
        {
            "bid": "Integer",
            "roof_type": "String",
            "roof_name": "String",
            "slope_deg": "Real",
            "height_m": "Real",
            "storeys": "Integer",
            "function": "String",
            "listed": "Integer",
            "green_roof": "Integer",
            "pv": "Integer",
            "footprint_m2": "Real",
        },
    ),
}
ROOF_NAMES = {
    "1000": "Flachdach",
    "2100": "Pultdach",
    "3100": "Satteldach",
    "3200": "Walmdach",
    "3300": "Krüppelwalmdach",
    "5000": "Mischform",
}


# ---------------------------------------------------------------------------------------------
# helpers: read with OGR/GDAL (exceptions on, only inside these helpers)


def read_layer(gpkg, name: str) -> list[tuple[int, dict, bytes]]:
    """(fid, attributes, ISO WKB) of every feature, in fid order."""
    with ogr.ExceptionMgr(useExceptions=True):
        ds = ogr.Open(str(gpkg))
        lyr = ds.GetLayerByName(name)
        rows = [(f.GetFID(), f.items(), bytes(f.GetGeometryRef().ExportToIsoWkb())) for f in lyr]
        ds = None
    return rows


def layer_names(gpkg) -> list[str]:
    with ogr.ExceptionMgr(useExceptions=True):
        ds = ogr.Open(str(gpkg))
        names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
        ds = None
    return names


def geometries(rows) -> np.ndarray:
    return shapely.from_wkb([r[2] for r in rows])


def read_raster(path) -> tuple[np.ndarray, tuple, str, float]:
    with gdal.ExceptionMgr(useExceptions=True):
        ds = gdal.Open(str(path))
        band = ds.GetRasterBand(1)
        out = band.ReadAsArray(), ds.GetGeoTransform(), ds.GetProjection(), band.GetNoDataValue()
        ds = None
    return out


def epsg_of_wkt(wkt: str) -> str | None:
    with osr.ExceptionMgr(useExceptions=True):
        srs = osr.SpatialReference()
        srs.ImportFromWkt(wkt)
        srs.AutoIdentifyEPSG()
        return srs.GetAuthorityCode(None)


def assert_same_district(a_dir, b_gpkg, b_heat, b_rain, a_gpkg=None) -> None:
    a_gpkg = a_gpkg or Path(a_dir) / "musterstadt.gpkg"
    assert layer_names(a_gpkg) == layer_names(b_gpkg)
    for name in layer_names(a_gpkg):
        rows_a, rows_b = read_layer(a_gpkg, name), read_layer(b_gpkg, name)
        assert len(rows_a) == len(rows_b), name
        assert [r[1] for r in rows_a] == [r[1] for r in rows_b], f"attributes differ in {name}"
        assert [r[2] for r in rows_a] == [r[2] for r in rows_b], f"geometries differ in {name}"
    for a_tif, b_tif in ((Path(a_dir) / "heat.tif", b_heat), (Path(a_dir) / "starkregen.tif", b_rain)):
        arr_a, gt_a, _, _ = read_raster(a_tif)
        arr_b, gt_b, _, _ = read_raster(b_tif)
        assert gt_a == gt_b
        np.testing.assert_array_equal(arr_a, arr_b)


# ---------------------------------------------------------------------------------------------
# fixtures: a small and a larger district, generated once per module


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    progress: list[float] = []
    result = generate(tmp_path_factory.mktemp("small"), n_buildings=1000, seed=7, progress=progress.append)
    return result, progress


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("district"), n_buildings=4000, seed=7)


@pytest.fixture(scope="module")
def buildings(district):
    rows = read_layer(district.gpkg, "buildings")
    return [r[1] for r in rows], geometries(rows)


# ---------------------------------------------------------------------------------------------
# determinism


def test_same_seed_writes_identical_layers_and_rasters(small, tmp_path):
    first, _ = small
    again = generate(tmp_path, n_buildings=1000, seed=7)
    assert again.counts == first.counts
    assert_same_district(tmp_path, first.gpkg, first.heat_tif, first.rain_tif)


def test_another_seed_gives_another_district(small, tmp_path):
    first, _ = small
    other = generate(tmp_path, n_buildings=1000, seed=8)
    a = read_layer(first.gpkg, "buildings")
    b = read_layer(other.gpkg, "buildings")
    assert len(a) == len(b) == 1000
    assert [r[2] for r in a] != [r[2] for r in b]
    assert [r[1]["height_m"] for r in a] != [r[1]["height_m"] for r in b]


def test_shipped_sample_equals_a_fresh_generation(tmp_path):
    """tools/make_sample.py writes the shipped sample with 1,500 buildings and seed 1."""
    shipped = SHIPPED / "musterstadt.gpkg"
    assert shipped.exists(), "run: bash tools/qgis_env.sh run python3 tools/make_sample.py"
    fresh = generate(tmp_path, n_buildings=1500, seed=1)
    assert_same_district(SHIPPED, fresh.gpkg, fresh.heat_tif, fresh.rain_tif, a_gpkg=shipped)
    total = sum(p.stat().st_size for p in SHIPPED.iterdir() if p.suffix in (".gpkg", ".tif"))
    assert total < 3_000_000


# ---------------------------------------------------------------------------------------------
# schema, CRS, scale


def test_every_layer_has_its_geometry_type_and_fields(district):
    with ogr.ExceptionMgr(useExceptions=True):
        ds = ogr.Open(district.gpkg)
        found = {}
        for i in range(ds.GetLayerCount()):
            lyr = ds.GetLayer(i)
            defn = lyr.GetLayerDefn()
            fields = {
                defn.GetFieldDefn(k).GetName(): ogr.GetFieldTypeName(defn.GetFieldDefn(k).GetType())
                for k in range(defn.GetFieldCount())
            }
            found[lyr.GetName()] = (ogr.GeometryTypeToName(lyr.GetGeomType()).replace(" ", ""), fields)
            assert lyr.GetFeatureCount() > 0, lyr.GetName()
            assert lyr.TestCapability(ogr.OLCFastSpatialFilter), f"{lyr.GetName()} has no spatial index"
        ds = None
    assert found == EXPECTED_SCHEMA
    assert set(district.counts) == set(EXPECTED_SCHEMA)


def test_every_layer_and_raster_is_in_epsg_25832(district):
    with ogr.ExceptionMgr(useExceptions=True):
        ds = ogr.Open(district.gpkg)
        for i in range(ds.GetLayerCount()):
            lyr = ds.GetLayer(i)
            assert epsg_of_wkt(lyr.GetSpatialRef().ExportToWkt()) == "25832", lyr.GetName()
        ds = None
    for tif in (district.heat_tif, district.rain_tif):
        _, _, wkt, _ = read_raster(tif)
        assert epsg_of_wkt(wkt) == "25832", tif


def test_building_count_equals_the_parameter_and_the_area_grows_with_it(small, district):
    first, _ = small
    assert len(read_layer(first.gpkg, "buildings")) == 1000 == first.counts["buildings"]
    assert len(read_layer(district.gpkg, "buildings")) == 4000 == district.counts["buildings"]

    def area(r):
        return (r.extent[2] - r.extent[0]) * (r.extent[3] - r.extent[1])

    assert 3.0 < area(district) / area(first) < 5.5
    assert 2.5 < district.counts["streets"] / first.counts["streets"] < 6.0
    # the district lies around Essen
    for r in (first, district):
        assert r.extent[0] < CENTRE[0] < r.extent[2] and r.extent[1] < CENTRE[1] < r.extent[3]


def test_bids_are_unique_and_footprints_match_the_geometry(buildings):
    attrs, geoms = buildings
    assert sorted(a["bid"] for a in attrs) == list(range(1, len(attrs) + 1))
    area = shapely.area(geoms)
    np.testing.assert_allclose([a["footprint_m2"] for a in attrs], area, atol=0.006)
    assert shapely.is_valid(geoms).all()
    assert not shapely.is_empty(geoms).any()


def test_buildings_do_not_overlap(buildings):
    _, geoms = buildings
    left, right = shapely.STRtree(geoms).query(geoms, predicate="overlaps")
    assert (left != right).sum() == 0


# ---------------------------------------------------------------------------------------------
# proportions and messiness


def test_about_sixty_percent_of_roofs_are_flat(buildings):
    attrs, _ = buildings
    flat = sum(a["roof_type"] == "1000" for a in attrs) / len(attrs)
    assert 0.50 <= flat <= 0.70


def test_flags_have_plausible_shares(buildings):
    attrs, _ = buildings
    n = len(attrs)
    flat = [a for a in attrs if a["roof_type"] == "1000"]
    assert 0.01 <= sum(a["listed"] for a in attrs) / n <= 0.04
    assert 0.04 <= sum(a["green_roof"] for a in flat) / len(flat) <= 0.12
    # only flat roofs are green (a roof whose type is NULL may still be known to be green)
    assert sum(a["green_roof"] for a in attrs if a["roof_type"] not in ("1000", None)) == 0
    assert 0.08 <= sum(a["pv"] for a in attrs) / n <= 0.16
    assert (
        {a["listed"] for a in attrs} == {a["green_roof"] for a in attrs} == {a["pv"] for a in attrs} == {0, 1}
    )


def test_some_values_are_null_as_in_real_data(buildings):
    attrs, _ = buildings
    n = len(attrs)
    null_slope = sum(a["slope_deg"] is None for a in attrs)
    null_roof = sum(a["roof_type"] is None for a in attrs)
    assert 1 <= null_slope <= 0.015 * n
    assert 1 <= null_roof <= 0.015 * n
    assert all((a["roof_type"] is None) == (a["roof_name"] is None) for a in attrs)
    assert all(ROOF_NAMES[a["roof_type"]] == a["roof_name"] for a in attrs if a["roof_type"] is not None)


def test_slopes_follow_the_roof_type(buildings):
    attrs, _ = buildings
    slopes = {}
    for a in attrs:
        if a["slope_deg"] is not None and a["roof_type"] is not None:
            slopes.setdefault(a["roof_type"], []).append(a["slope_deg"])
    assert 0 <= min(slopes["1000"]) and max(slopes["1000"]) <= 5
    shallow = [s for s in slopes["2100"] + slopes["5000"] if 5 < s <= 10]
    assert shallow, "a few shallow roofs of 5-10 degrees"
    assert np.median(slopes["3100"]) >= 25
    assert max(max(v) for v in slopes.values()) <= 60


def test_a_few_buildings_have_two_parts(buildings):
    _, geoms = buildings
    parts = shapely.get_num_geometries(geoms)
    assert set(np.unique(parts)) == {1, 2}
    assert 1 <= (parts == 2).sum() <= 0.01 * len(parts)


def test_garages_are_small_and_mostly_flat(buildings):
    attrs, _ = buildings
    garages = [a for a in attrs if a["function"] == "31001_2463"]
    assert len(garages) > 100
    assert np.median([a["footprint_m2"] for a in garages]) < 40
    assert sum(a["roof_type"] == "1000" for a in garages) / len(garages) > 0.85
    assert max(a["height_m"] for a in garages) < 6


def test_functions_are_alkis_codes(buildings):
    attrs, _ = buildings
    functions = {a["function"] for a in attrs}
    assert {"31001_1010", "31001_2463"} <= functions
    assert all(f.startswith("31001_") and f[6:].isdigit() and len(f) == 10 for f in functions)


def test_flat_roofs_are_more_frequent_in_the_centre_than_in_the_landscape(district, buildings):
    attrs, geoms = buildings
    zones = {}
    for _, a, wkb in read_layer(district.gpkg, "raumtyp"):
        zones.setdefault(a["raumtyp"], []).append(shapely.from_wkb(wkb))
    assert set(zones) == {"Innenstadt", "Zwischenstadt", "Landschaft"}
    points = shapely.point_on_surface(geoms)
    flat = np.array([a["roof_type"] == "1000" for a in attrs])
    share = {}
    for name, polys in zones.items():
        inside = shapely.contains(shapely.union_all(polys), points)
        share[name] = flat[inside].mean()
    assert share["Innenstadt"] > share["Landschaft"]


def test_innenstadt_lies_in_the_centre_and_landschaft_outside(district):
    zones = {}
    for _, a, wkb in read_layer(district.gpkg, "raumtyp"):
        zones.setdefault(a["raumtyp"], []).append(shapely.from_wkb(wkb))
    centre = shapely.Point(*CENTRE)
    assert shapely.union_all(zones["Innenstadt"]).contains(centre)
    x0, y0, x1, y1 = district.extent
    corner = shapely.Point(x0 + 1, y0 + 1)
    assert shapely.union_all(zones["Landschaft"]).contains(corner)
    names = {a["name"] for _, a, _ in read_layer(district.gpkg, "districts")}
    assert "Mitte" in names and len(names) >= 5


def test_parks_mix_pocket_parks_and_parks_of_half_a_hectare_or_more(district):
    areas = [a["area_ha"] for _, a, _ in read_layer(district.gpkg, "parks")]
    assert any(x < 0.5 for x in areas) and any(x >= 0.5 for x in areas)


def test_categorical_values_use_the_documented_vocabulary(district):
    def values(layer, field):
        return {a[field] for _, a, _ in read_layer(district.gpkg, layer)}

    assert values("streets", "road_class") <= {
        "primary",
        "secondary",
        "tertiary",
        "residential",
        "living_street",
        "service",
    }
    assert values("streets", "surface") <= {"asphalt", "paving_stones", "sett", "concrete", "gravel"}
    assert values("brownfields", "biotope") <= {
        "Ruderalflur",
        "Pioniervegetation",
        "Vorwald",
        "versiegelt",
        "Schotter",
    }
    assert values("brownfields", "contam") <= {"kein Verdacht", "altlastverdächtige Fläche", "Altlast saniert", "Altlast"}
    assert values("brownfields", "eigentum") <= {"Stadt", "privat", "Land NRW", "RVR", "Deutsche Bahn"}
    assert values("brownfields", "verfahren") <= {"§ 13a BauGB", "Regelverfahren", None}
    assert values("brownfields", "vornutzung") <= {0, 1, None}
    assert values("brownfields", "arten") <= {0, 1}
    surveyed = {v for v in values("brownfields", "biotopwert") if v is not None}
    assert surveyed and min(surveyed) >= 0 and max(surveyed) <= 10
    assert values("biotopverbund", "stufe") == {"I", "II"}
    assert values("klimatope", "klimatop") <= {
        "Freilandklima",
        "Waldklima",
        "Klima innerstädtischer Grünflächen",
        "Vorstadtklima",
        "Stadtrandklima",
        "Stadtklima",
        "Innenstadtklima",
        "Gewerbe-/Industrieklima",
    }
    assert values("klimatope", "heat_class") <= {1, 2, 3, 4, 5}
    sealing = values("brownfields", "sealing")
    assert min(sealing) >= 0 and max(sealing) <= 1
    planted = values("street_trees", "planted")
    assert 1900 < min(planted) and max(planted) <= 2024


# ---------------------------------------------------------------------------------------------
# rasters


def layer_extent(gpkg, name):
    with ogr.ExceptionMgr(useExceptions=True):
        ds = ogr.Open(str(gpkg))
        x0, x1, y0, y1 = ds.GetLayerByName(name).GetExtent()
        ds = None
    return x0, y0, x1, y1


def test_rasters_cover_the_vector_extent_and_are_aligned_to_whole_metres(district):
    extents = []
    for tif, cell in ((district.heat_tif, district.heat_cell_m), (district.rain_tif, district.rain_cell_m)):
        arr, gt, _, _ = read_raster(tif)
        x0, dx, rx, y1, ry, dy = gt
        assert rx == ry == 0
        assert dx == -dy == cell and float(cell).is_integer()
        assert x0 == int(x0) and y1 == int(y1)
        extents.append((x0, y1 + dy * arr.shape[0], x0 + dx * arr.shape[1], y1))
    assert extents[0] == extents[1] == district.extent
    rx0, ry0, rx1, ry1 = extents[0]
    for name in EXPECTED_SCHEMA:
        x0, y0, x1, y1 = layer_extent(district.gpkg, name)
        assert rx0 <= x0 and ry0 <= y0 and x1 <= rx1 and y1 <= ry1, name
    assert district.heat_cell_m == 10
    assert district.rain_cell_m == 2


def test_rasters_contain_a_nodata_patch(district):
    for tif in (district.heat_tif, district.rain_tif):
        arr, _, _, nodata = read_raster(tif)
        assert arr.dtype == np.float32
        assert nodata == -9999
        share = (arr == nodata).mean()
        assert 0 < share < 0.01


def test_heat_classes_rise_with_the_heat_raster(district):
    """The mean night temperature of the pixels in each heat_class rises with the class."""
    heat, gt, wkt, nodata = read_raster(district.heat_tif)
    with gdal.ExceptionMgr(useExceptions=True), ogr.ExceptionMgr(useExceptions=True):
        mem = gdal.GetDriverByName("MEM").Create("", heat.shape[1], heat.shape[0], 1, gdal.GDT_Byte)
        mem.SetGeoTransform(gt)
        mem.SetProjection(wkt)
        ds = ogr.Open(district.gpkg)
        gdal.RasterizeLayer(mem, [1], ds.GetLayerByName("klimatope"), options=["ATTRIBUTE=heat_class"])
        classes = mem.GetRasterBand(1).ReadAsArray()
        ds = mem = None
    valid = heat != nodata
    means = [heat[valid & (classes == c)].mean() for c in range(1, 6) if (valid & (classes == c)).any()]
    assert len(means) >= 4
    assert all(b > a for a, b in zip(means, means[1:]))
    inner = [
        a["heat_class"]
        for _, a, _ in read_layer(district.gpkg, "klimatope")
        if a["klimatop"] == "Innenstadtklima"
    ]
    assert max(inner) >= 4
    assert 12 < heat[valid].min() and heat[valid].max() < 25


def test_heavy_rain_is_mostly_shallow_with_deep_pockets_and_dry_buildings(district):
    rain, gt, wkt, nodata = read_raster(district.rain_tif)
    valid = rain[rain != nodata]
    assert valid.min() >= 0
    assert np.median(valid) < 0.05
    assert np.percentile(valid, 90) <= 0.15
    assert valid.max() >= 0.5
    with gdal.ExceptionMgr(useExceptions=True), ogr.ExceptionMgr(useExceptions=True):
        mem = gdal.GetDriverByName("MEM").Create("", rain.shape[1], rain.shape[0], 1, gdal.GDT_Byte)
        mem.SetGeoTransform(gt)
        mem.SetProjection(wkt)
        ds = ogr.Open(district.gpkg)
        gdal.RasterizeLayer(mem, [1], ds.GetLayerByName("buildings"), burn_values=[1])
        inside = mem.GetRasterBand(1).ReadAsArray() == 1
        ds = mem = None
    assert inside.sum() > 1000
    assert np.all(rain[inside & (rain != nodata)] == 0)


# ---------------------------------------------------------------------------------------------
# progress, cancel, fixtures


def test_progress_rises_to_100(small):
    _, progress = small
    assert progress[-1] == 100
    assert all(b >= a for a, b in zip(progress, progress[1:]))


def test_canceling_stops_the_generation(tmp_path):
    with pytest.raises(GenerationCanceled):
        generate(tmp_path, n_buildings=1000, seed=1, is_canceled=lambda: True)


def test_session_sample_fixture_has_2000_buildings(sample_gpkg):
    assert len(read_layer(sample_gpkg, "buildings")) == 2000


# ---------------------------------------------------------------------------------------------
# the Processing algorithm


def test_algorithm_declares_its_parameters(gi_provider):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("gi:sampledistrict")
    assert alg is not None
    count = alg.parameterDefinition("BUILDINGS")
    assert (count.defaultValue(), count.minimum(), count.maximum()) == (5000, 100, 5_000_000)
    assert alg.parameterDefinition("SEED").defaultValue() == 1
    assert alg.parameterDefinition("OUTPUT_FOLDER") is not None
    outputs = {o.name() for o in alg.outputDefinitions()}
    assert {"GPKG", "HEAT", "RAIN", "LAYERS", "OUTPUT_FOLDER"} <= outputs
    assert alg.shortHelpString()


def test_algorithm_writes_the_district(gi_provider, tmp_path):
    import processing
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProject,
        QgsRasterLayer,
        QgsVectorLayer,
    )

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    params = {"BUILDINGS": 300, "SEED": 3, "OUTPUT_FOLDER": str(tmp_path)}
    result = processing.run("gi:sampledistrict", params, feedback=QgsProcessingFeedback(), context=context)
    assert Path(result["GPKG"]) == tmp_path / "musterstadt.gpkg"
    assert result["LAYERS"].split(",") == list(EXPECTED_SCHEMA)
    buildings = QgsVectorLayer(result["BUILDINGS_LAYER"], "b", "ogr")
    assert buildings.isValid() and buildings.featureCount() == 300
    assert buildings.crs().authid() == "EPSG:25832"
    for key in ("STREETS_LAYER", "BROWNFIELDS_LAYER"):
        assert QgsVectorLayer(result[key], key, "ogr").isValid()
    for key in ("HEAT", "RAIN"):
        layer = QgsRasterLayer(result[key], key)
        assert layer.isValid() and layer.crs().authid() == "EPSG:25832"
    # the toolbox loads all layers into one group, buildings on top
    to_load = context.layersToLoadOnCompletion()
    assert len(to_load) == len(EXPECTED_SCHEMA) + 2
    assert {d.groupName for d in to_load.values()} == {"Musterstadt"}
    top = max(to_load.items(), key=lambda item: item[1].layerSortKey)
    assert top[0].endswith("layername=buildings")
