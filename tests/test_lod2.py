"""The LoD2 CityGML reader (gi_qgis_plugin/lod2.py): pure, runs without QGIS.

Hand-worked numbers come from a small CityGML written below; the real-data checks compare the
reader with counts taken from the Wesel tiles by a separate, plain ElementTree pass.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections import Counter

import numpy as np
import pytest
import shapely

from gi_qgis_plugin import lod2
from gi_qgis_plugin.lod2 import Lod2Error, read_tiles, ring_vector_areas

# ---------------------------------------------------------------------------------------------
# a synthetic tile: coordinates near Wesel (UTM 32N) so precision at 10⁶ m is tested as well

X0, Y0 = 336000.0, 5723000.0
T30 = math.tan(math.radians(30.0))
SRS = "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016"

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/1.0"
 xmlns:gen="http://www.opengis.net/citygml/generics/1.0"
 xmlns:bldg="http://www.opengis.net/citygml/building/1.0"
 xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink">
  <gml:boundedBy><gml:Envelope srsName="{srs}"><gml:lowerCorner>336000 5723000 0</gml:lowerCorner>
  <gml:upperCorner>337000 5724000 100</gml:upperCorner></gml:Envelope></gml:boundedBy>
"""  # the 1 km tile LoD2_32_336_5723 that holds X0, Y0
TAIL = "</core:CityModel>\n"


def pos_list(pts) -> str:
    pts = list(pts) + [pts[0]]
    text = " ".join(f"{X0 + x!r} {Y0 + y!r} {z!r}" for x, y, z in pts)
    return f'<gml:posList srsDimension="3">{text}</gml:posList>'


def polygon(pts, holes=(), gid=None, use_pos=False) -> str:
    def ring(p):
        if use_pos:
            p = list(p) + [p[0]]
            body = "".join(f"<gml:pos>{X0 + x!r} {Y0 + y!r} {z!r}</gml:pos>" for x, y, z in p)
        else:
            body = pos_list(p)
        return f"<gml:LinearRing>{body}</gml:LinearRing>"

    ident = f' gml:id="{gid}"' if gid else ""
    inner = "".join(f"<gml:interior>{ring(h)}</gml:interior>" for h in holes)
    return f"<gml:Polygon{ident}><gml:exterior>{ring(pts)}</gml:exterior>{inner}</gml:Polygon>"


def surface(kind: str, polys) -> str:
    members = "".join(f"<gml:surfaceMember>{p}</gml:surfaceMember>" for p in polys)
    return (
        f"<bldg:boundedBy><bldg:{kind}><bldg:lod2MultiSurface><gml:MultiSurface>{members}"
        f"</gml:MultiSurface></bldg:lod2MultiSurface></bldg:{kind}></bldg:boundedBy>"
    )


def rect(x0, y0, x1, y1, z):
    return [(x0, y0, z), (x1, y0, z), (x1, y1, z), (x0, y1, z)]


def gable(x0, y0, w, d, z, slope_deg=30.0):
    """Two roof halves, ridge parallel to y at x0 + w/2."""
    zr = z + (w / 2) * math.tan(math.radians(slope_deg))
    xm = x0 + w / 2
    west = [(x0, y0, z), (xm, y0, zr), (xm, y0 + d, zr), (x0, y0 + d, z)]
    east = [(xm, y0, zr), (x0 + w, y0, z), (x0 + w, y0 + d, z), (xm, y0 + d, zr)]
    return [west, east]


def attrs(function=None, roof=None, height=None, gem=None) -> str:
    out = ""
    if gem:
        out += (
            '<gen:stringAttribute name="Gemeindeschluessel">'
            f"<gen:value>{gem}</gen:value></gen:stringAttribute>"
        )
    if function:
        out += f"<bldg:function>{function}</bldg:function>"
    if roof:
        out += f"<bldg:roofType>{roof}</bldg:roofType>"
    if height is not None:
        out += f'<bldg:measuredHeight uom="urn:adv:uom:m">{height}</bldg:measuredHeight>'
    return out


def building(gid: str, body: str) -> str:
    return f'<core:cityObjectMember><bldg:Building gml:id="{gid}">{body}</bldg:Building></core:cityObjectMember>\n'


def part(gid: str, body: str) -> str:
    return f'<bldg:consistsOfBuildingPart><bldg:BuildingPart gml:id="{gid}">{body}</bldg:BuildingPart></bldg:consistsOfBuildingPart>'


def synthetic_tile(srs: str | None = SRS) -> str:
    out = HEAD.replace(' srsName="{srs}"', f' srsName="{srs}"' if srs else "")
    # FLAT: 10 x 10 m flat roof at 10 m, ground at 0
    out += building(
        "FLAT",
        attrs("31001_1010", "1000", 10.0, "05170048")
        + surface("RoofSurface", [polygon(rect(0, 0, 10, 10, 10.0))])
        + surface("GroundSurface", [polygon(rect(0, 0, 10, 10, 0.0)[::-1])]),
    )
    # GABLE: 10 x 10 m footprint, two halves at 30°, each 10 m x (5 / cos 30°)
    out += building(
        "GABLE",
        attrs("31001_1010", "3100", 12.887, "05170048")
        + surface("RoofSurface", [polygon(p) for p in gable(20, 0, 10, 10, 10.0)])
        + surface("GroundSurface", [polygon(rect(20, 0, 30, 10, 0.0)[::-1])]),
    )
    # PARTS: no roofType on the building; a flat part 20 x 10 (roof 200 m²) and a gable part
    # 10 x 10 (roof 115.5 m²): types differ, so the largest roof (the flat part) decides
    out += building(
        "PARTS",
        attrs("31001_2463", None, None, "05170048")
        + part(
            "PARTS_1",
            attrs(None, "1000", 6.0)
            + surface("RoofSurface", [polygon(rect(40, 0, 60, 10, 6.0))])
            + surface("GroundSurface", [polygon(rect(40, 0, 60, 10, 0.0))]),
        )
        + part(
            "PARTS_2",
            attrs(None, "3100", 9.0)
            + surface("RoofSurface", [polygon(p) for p in gable(60, 0, 10, 10, 6.0)])
            + surface("GroundSurface", [polygon(rect(60, 0, 70, 10, 0.0))]),
        ),
    )
    # AGREE: parts without building roofType that agree on 3100
    out += building(
        "AGREE",
        part("AGREE_1", attrs(None, "3100", 4.0) + surface("RoofSurface", [polygon(p) for p in gable(80, 0, 4, 4, 2.0)]))
        + part("AGREE_2", attrs(None, "3100", 5.0) + surface("RoofSurface", [polygon(p) for p in gable(84, 0, 4, 4, 2.0)])),
    )
    # COURT: flat roof 20 x 20 with a 10 x 10 courtyard, written with gml:pos; no GroundSurface
    out += building(
        "COURT",
        attrs("31001_1010", "1000", 8.0)
        + surface(
            "RoofSurface",
            [polygon(rect(100, 0, 120, 20, 8.0), holes=[rect(105, 5, 115, 15, 8.0)[::-1]], use_pos=True)],
        ),
    )
    # HREF: the roof polygon lives in lod2Solid, the RoofSurface references it by xlink:href
    out += building(
        "HREF",
        attrs(None, "1000", 3.0)
        + "<bldg:lod2Solid><gml:Solid><gml:exterior><gml:CompositeSurface><gml:surfaceMember>"
        + polygon(rect(130, 0, 136, 5, 3.0), gid="HREF_ROOF")
        + "</gml:surfaceMember></gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod2Solid>"
        + '<bldg:boundedBy><bldg:RoofSurface><bldg:lod2MultiSurface><gml:MultiSurface>'
        + '<gml:surfaceMember xlink:href="#HREF_ROOF"/></gml:MultiSurface></bldg:lod2MultiSurface>'
        + "</bldg:RoofSurface></bldg:boundedBy>",
    )
    # MIXED: one part with a GroundSurface, one with only a roof: each part gives its share
    out += building(
        "MIXED",
        attrs(None, "1000", 4.0)
        + part("MIXED_1", surface("RoofSurface", [polygon(rect(140, 0, 150, 10, 4.0))])
               + surface("GroundSurface", [polygon(rect(140, 0, 150, 10, 0.0))]))
        + part("MIXED_2", surface("RoofSurface", [polygon(rect(150, 0, 160, 10, 3.0))])),
    )
    # NOGEOM: attributes only -> skipped and counted
    out += building("NOGEOM", attrs("31001_1010", "1000", 5.0))
    return out + TAIL


@pytest.fixture
def tile(tmp_path):
    path = tmp_path / "tile.gml"
    path.write_text(synthetic_tile(), encoding="utf-8")
    return path


def row(result, gml_id: str) -> int:
    return result.gml_id.index(gml_id)


# ---------------------------------------------------------------------------------------------
# maths


def test_ring_vector_areas_gives_area_and_normal_of_many_rings_at_once():
    square = np.array(rect(0, 0, 10, 10, 5.0), dtype=float)  # 100 m², horizontal
    tilted = np.array(gable(0, 0, 10, 10, 0.0)[0], dtype=float)  # 10 x 5/cos30
    tri = np.array([[0, 0, 0], [3, 0, 0], [0, 0, 4]], dtype=float)  # vertical, 6 m²
    vec = ring_vector_areas(np.concatenate([square, tilted, tri]), np.array([4, 4, 3]))
    area = np.linalg.norm(vec, axis=1)
    assert area == pytest.approx([100.0, 50.0 / math.cos(math.radians(30)), 6.0], abs=1e-9)
    assert vec[0] == pytest.approx([0, 0, 100.0])
    slope = np.degrees(np.arctan2(np.hypot(vec[:, 0], vec[:, 1]), np.abs(vec[:, 2])))
    assert slope == pytest.approx([0.0, 30.0, 90.0], abs=1e-9)


def test_ring_vector_areas_is_exact_at_utm_coordinates():
    ring = np.array(gable(0, 0, 10, 10, 0.0)[1], dtype=float) + [X0, Y0, 30.0]
    area = np.linalg.norm(ring_vector_areas(ring, np.array([4])), axis=1)
    assert area[0] == pytest.approx(50.0 / math.cos(math.radians(30)), abs=1e-8)


def test_crs_names_map_to_epsg_25832_and_unknown_ones_are_flagged():
    assert lod2.crs_from_srs_name(SRS) == ("EPSG:25832", False)
    assert lod2.crs_from_srs_name("EPSG:25832") == ("EPSG:25832", False)
    assert lod2.crs_from_srs_name("urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837") == ("EPSG:25832", False)
    assert lod2.crs_from_srs_name("EPSG:31466") == ("EPSG:25832", True)
    assert lod2.crs_from_srs_name(None) == ("EPSG:25832", True)


def test_roof_type_names_follow_the_adv_code_list():
    assert lod2.ROOF_TYPE_NAMES["1000"] == "Flachdach"
    assert lod2.ROOF_TYPE_NAMES["3300"] == "Krüppelwalmdach"
    assert len(lod2.ROOF_TYPE_NAMES) == 15


# ---------------------------------------------------------------------------------------------
# the synthetic tile, worked by hand


def test_flat_roof_10_by_10(tile):
    r = read_tiles(tile)
    i = row(r, "FLAT")
    assert r.roof_area_m2[i] == pytest.approx(100.0, abs=1e-6)
    assert r.flat_roof_m2[i] == pytest.approx(100.0, abs=1e-6)
    assert r.footprint_m2[i] == pytest.approx(100.0, abs=1e-6)
    assert r.slope_deg[i] == pytest.approx(0.0, abs=1e-6)
    assert r.slope_max_deg[i] == pytest.approx(0.0, abs=1e-6)
    assert r.height_m[i] == 10.0
    assert (r.function[i], r.roof_type[i], r.roof_type_name[i], r.roof_src[i]) == (
        "31001_1010", "1000", "Flachdach", "building"
    )
    assert r.gemeindeschluessel[i] == "05170048"
    assert shapely.equals(r.geometry[i], shapely.box(X0, Y0, X0 + 10, Y0 + 10))


def test_gable_roof_at_30_degrees(tile):
    r = read_tiles(tile)
    i = row(r, "GABLE")
    half = 10.0 * 5.0 / math.cos(math.radians(30.0))  # 57.735 m²
    assert r.roof_area_m2[i] == pytest.approx(2 * half, abs=1e-6)
    assert r.flat_roof_m2[i] == pytest.approx(0.0, abs=1e-6)
    assert r.slope_deg[i] == pytest.approx(30.0, abs=1e-6)
    assert r.slope_max_deg[i] == pytest.approx(30.0, abs=1e-6)
    assert r.footprint_m2[i] == pytest.approx(100.0, abs=1e-6)
    assert r.roof_type_name[i] == "Satteldach"


def test_roof_area_per_slope_class_true_and_horizontal(tile):
    """t_* / h_* of the import: the true area and its horizontal projection per Münster class.

    GABLE: two halves at 30° (computed 30.000000000000004°: still the 15–30° class), true
    2 × 57.735 = 115.470 m², horizontal 100 m² (the footprint); PARTS: a flat part 200 m² and a
    30° gable part (115.470 / 100); FLAT: 100 / 100 in 0–5°.
    """
    r = read_tiles(tile)
    half = 10.0 * 5.0 / math.cos(math.radians(30.0))
    expected = {"FLAT": ([100, 0, 0, 0, 0], [100, 0, 0, 0, 0]),
                "GABLE": ([0, 0, 2 * half, 0, 0], [0, 0, 100, 0, 0]),
                "PARTS": ([200, 0, 2 * half, 0, 0], [200, 0, 100, 0, 0])}
    for gml_id, (true, horiz) in expected.items():
        i = row(r, gml_id)
        np.testing.assert_allclose(r.class_true_m2[i], true, atol=1e-6)
        np.testing.assert_allclose(r.class_horiz_m2[i], horiz, atol=1e-6)
    # the classes add up to the roof area; the 0–5° class is the flat roof area
    np.testing.assert_allclose(r.class_true_m2.sum(axis=1), r.roof_area_m2, atol=1e-6)
    np.testing.assert_allclose(r.class_true_m2[:, 0], r.flat_roof_m2, atol=1e-6)


def test_flat_threshold_is_a_parameter(tile):
    r = read_tiles(tile, flat_threshold_deg=31.0)
    i = row(r, "GABLE")
    assert r.flat_roof_m2[i] == pytest.approx(r.roof_area_m2[i], abs=1e-9)
    assert r.flat_threshold_deg == 31.0


def test_roof_type_from_parts_takes_the_largest_roof_when_parts_differ(tile):
    r = read_tiles(tile)
    i = row(r, "PARTS")
    assert (r.roof_type[i], r.roof_src[i], r.roof_type_name[i]) == ("1000", "parts", "Flachdach")
    half = 10.0 * 5.0 / math.cos(math.radians(30.0))
    assert r.roof_area_m2[i] == pytest.approx(200.0 + 2 * half, abs=1e-6)
    assert r.flat_roof_m2[i] == pytest.approx(200.0, abs=1e-6)
    assert r.slope_deg[i] == pytest.approx(30.0 * 2 * half / (200.0 + 2 * half), abs=1e-6)
    assert r.slope_max_deg[i] == pytest.approx(30.0, abs=1e-6)
    assert r.height_m[i] == 9.0  # max of the parts
    # the two parts' ground surfaces share an edge: one polygon of 300 m²
    assert r.geometry[i].geom_type == "Polygon"
    assert r.footprint_m2[i] == pytest.approx(300.0, abs=1e-6)
    assert r.function[i] == "31001_2463"


def test_roof_type_from_parts_that_agree(tile):
    r = read_tiles(tile)
    i = row(r, "AGREE")
    assert (r.roof_type[i], r.roof_src[i]) == ("3100", "parts")
    assert r.height_m[i] == 5.0
    assert r.function[i] is None and r.gemeindeschluessel[i] is None
    # no GroundSurface: footprint = the roof polygons projected to 2D (two 4 x 4 m parts)
    assert r.footprint_m2[i] == pytest.approx(32.0, abs=1e-6)
    assert r.slope_deg[i] == pytest.approx(30.0, abs=1e-6)


def test_interior_rings_and_gml_pos(tile):
    r = read_tiles(tile)
    i = row(r, "COURT")
    assert r.roof_area_m2[i] == pytest.approx(300.0, abs=1e-6)
    assert r.footprint_m2[i] == pytest.approx(300.0, abs=1e-6)  # roof projected, with the hole
    assert len(r.geometry[i].interiors) == 1


def test_polygons_referenced_by_xlink_href(tile):
    r = read_tiles(tile)
    i = row(r, "HREF")
    assert r.roof_area_m2[i] == pytest.approx(30.0, abs=1e-6)
    assert r.footprint_m2[i] == pytest.approx(30.0, abs=1e-6)


def test_footprint_falls_back_to_the_roof_per_building_part(tile):
    r = read_tiles(tile)
    i = row(r, "MIXED")
    assert r.footprint_m2[i] == pytest.approx(200.0, abs=1e-6)
    assert r.geometry[i].geom_type == "Polygon"


def test_buildings_without_geometry_are_skipped_and_counted(tile):
    r = read_tiles(tile)
    assert "NOGEOM" not in r.gml_id
    assert len(r) == 7
    assert r.files[0].n_buildings == 8 and r.files[0].n_skipped == 1
    assert r.files[0].skipped_ids == ["NOGEOM"]
    assert any("skipped 1 building" in w for w in r.warnings)


def test_crs_is_read_from_the_file(tile, tmp_path):
    r = read_tiles(tile)
    assert (r.crs, r.crs_assumed, r.files[0].srs_name) == ("EPSG:25832", False, SRS)
    other = tmp_path / "nosrs.gml"
    other.write_text(synthetic_tile(srs=None), encoding="utf-8")
    r2 = read_tiles(other)
    assert (r2.crs, r2.crs_assumed) == ("EPSG:25832", True)
    assert any("assumed EPSG:25832" in w for w in r2.warnings)
    # the geometry is the same either way
    assert np.allclose(r2.footprint_m2, r.footprint_m2, atol=1e-6)


def test_small_batches_give_the_same_result(tile, monkeypatch):
    whole = read_tiles(tile)
    monkeypatch.setattr(lod2, "_FLUSH_EVERY", 2)
    batched = read_tiles(tile)
    assert batched.gml_id == whole.gml_id
    assert np.allclose(batched.roof_area_m2, whole.roof_area_m2)
    assert np.allclose(batched.slope_deg, whole.slope_deg)
    assert batched.roof_src == whole.roof_src


def test_progress_runs_to_one_and_cancel_stops_early(tile):
    seen: list[float] = []
    read_tiles(tile, progress=seen.append)
    assert seen and seen[-1] == pytest.approx(1.0)
    assert all(0.0 <= a <= b <= 1.0 for a, b in zip(seen, seen[1:]))

    calls = {"n": 0}

    def cancel_after_two_buildings() -> bool:  # asked once before the file, then per building
        calls["n"] += 1
        return calls["n"] >= 3

    r = read_tiles(tile, is_canceled=cancel_after_two_buildings)
    assert r.canceled
    assert r.gml_id == ["FLAT", "GABLE"]
    assert len(r.geometry) == 2 and len(r.slope_deg) == 2
    assert not read_tiles(tile, is_canceled=lambda: True).gml_id


# ---------------------------------------------------------------------------------------------
# bad input


def test_missing_path_raises(tmp_path):
    with pytest.raises(Lod2Error, match="does not exist") as err:
        read_tiles(tmp_path / "nope.gml")
    assert err.value.kind == "missing"


def test_folder_without_gml_raises(tmp_path):
    (tmp_path / "readme.txt").write_text("no tiles here")
    with pytest.raises(Lod2Error, match=r"No CityGML files \(\*\.gml, \*\.xml\)") as err:
        read_tiles(tmp_path)
    assert err.value.kind == "no_files"


def test_file_that_is_not_citygml_raises(tmp_path):
    path = tmp_path / "roads.gml"
    path.write_text(
        '<?xml version="1.0"?><ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" '
        'xmlns:gml="http://www.opengis.net/gml"/>',
        encoding="utf-8",
    )
    with pytest.raises(Lod2Error, match="Not CityGML") as err:
        read_tiles(path)
    assert err.value.kind == "not_citygml"
    text = tmp_path / "text.xml"
    text.write_text("this is not xml", encoding="utf-8")
    with pytest.raises(Lod2Error, match="Not an XML file"):
        read_tiles(text)


def test_folder_skips_a_non_citygml_file_but_fails_if_none_is(tmp_path, tile):
    folder = tmp_path / "tiles"
    folder.mkdir()
    (folder / "a_tile.gml").write_text(tile.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b_metadata.xml").write_text('<?xml version="1.0"?><MD_Metadata/>', encoding="utf-8")
    r = read_tiles(folder)
    assert len(r) == 7
    assert r.files[1].not_citygml
    assert any("b_metadata.xml: not CityGML" in w for w in r.warnings)
    (folder / "a_tile.gml").unlink()
    with pytest.raises(Lod2Error, match="None of the files is CityGML"):
        read_tiles(folder)


def test_broken_xml_names_the_file(tmp_path, tile):
    path = tmp_path / "cut.gml"
    path.write_text(tile.read_text(encoding="utf-8")[:1500], encoding="utf-8")
    with pytest.raises(Lod2Error, match="Broken XML in .*cut.gml") as err:
        read_tiles(path)
    assert err.value.kind == "bad_xml"


# ---------------------------------------------------------------------------------------------
# the real Wesel tiles

BLDG = "{http://www.opengis.net/citygml/building/1.0}"


def independent_counts(folder):
    """Per tile: number of buildings (regex); per building: its own roofType, and whether it
    carries roof types only on its parts (plain ElementTree, nothing from the reader)."""
    per_tile, own_code, parts_only = [], {}, set()
    for path in sorted(folder.glob("*.gml")):
        text = path.read_text(encoding="utf-8")
        per_tile.append(len(re.findall(r"<bldg:Building\s", text)))
        for b in ET.fromstring(text.encode("utf-8")).iter(BLDG + "Building"):
            gid = b.get("{http://www.opengis.net/gml}id")
            code = b.findtext(BLDG + "roofType")
            if code:
                own_code[gid] = code.strip()
            elif any(p.findtext(BLDG + "roofType") for p in b.iter(BLDG + "BuildingPart")):
                parts_only.add(gid)
    return per_tile, own_code, parts_only


_WESEL: dict = {}


@pytest.fixture
def wesel(lod2_dir):
    """(folder, reader result, independent counts), read once per session."""
    if lod2_dir not in _WESEL:
        _WESEL[lod2_dir] = (lod2_dir, read_tiles(lod2_dir), independent_counts(lod2_dir))
    return _WESEL[lod2_dir]


@pytest.mark.shared_data
def test_wesel_every_building_has_a_valid_polygon(wesel):
    folder, r, (per_tile, _, _) = wesel
    assert per_tile == [50, 191, 70]
    assert len(r) == 311 == sum(per_tile)
    assert [f.n_read for f in r.files] == per_tile
    assert r.n_skipped == 0
    assert shapely.is_valid(r.geometry).all()
    assert not shapely.is_empty(r.geometry).any()
    assert set(shapely.get_type_id(r.geometry)) <= {3, 6}
    assert (r.footprint_m2 > 0).all()
    assert (r.roof_area_m2 >= r.flat_roof_m2 - 1e-9).all()
    # a roof is never smaller than its 2D footprint (slopes only add area) beyond slivers
    assert (r.roof_area_m2 >= 0.99 * r.footprint_m2).mean() > 0.95
    assert (r.crs, r.crs_assumed) == ("EPSG:25832", False)


@pytest.mark.shared_data
def test_wesel_slope_agrees_with_the_official_roof_type(wesel):
    _, r, (_, own_code, _) = wesel
    slope = dict(zip(r.gml_id, r.slope_deg))
    counts = Counter(own_code.values())
    assert counts["1000"] > 100 and counts["3100"] > 20  # the test means something
    for code, flat in (("1000", True), ("2100", False), ("3100", False), ("3200", False)):
        ids = [g for g, c in own_code.items() if c == code]
        assert ids, code
        ok = [(slope[g] <= 5.0) == flat for g in ids]
        assert sum(ok) / len(ok) >= 0.95, (code, sum(ok), len(ok))
    # and the reader reports the building's own code where there is one
    for g, c in own_code.items():
        i = r.gml_id.index(g)
        assert (r.roof_type[i], r.roof_src[i]) == (c, "building")


@pytest.mark.shared_data
def test_wesel_roof_types_only_on_parts_are_resolved(wesel):
    _, r, (_, _, parts_only) = wesel
    assert len(parts_only) == 30
    from_parts = {g for g, s in zip(r.gml_id, r.roof_src) if s == "parts"}
    assert from_parts == parts_only
    for g in parts_only:
        i = r.gml_id.index(g)
        assert r.roof_type[i] in lod2.ROOF_TYPE_NAMES
        assert not math.isnan(r.height_m[i])
