"""The LoD2 reader with messy tiles (issue 10): broken and repeated tiles, 2D roofs, odd
coordinates, tiles without roofs, curved rings. Each case: the expected result plus the named
warning, or a Lod2Error naming the file. Pure, runs without QGIS."""

from __future__ import annotations

import hashlib
import math

import numpy as np
import pytest
import shapely
from test_lod2 import HEAD, SRS, TAIL, X0, Y0, attrs, building, polygon, rect, surface, synthetic_tile

from gi_qgis_plugin import lod2
from gi_qgis_plugin.lod2 import Lod2Error, read_tiles


def digest(folder) -> dict[str, str]:
    """Hash of every file below ``folder``: inputs must be unchanged by any run."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def one_flat(gid: str, x: float = 0.0, y: float = 0.0, w: float = 10.0) -> str:
    """A flat building of w × w m at (X0 + x, Y0 + y), roof at 10 m, ground at 0."""
    return building(
        gid,
        attrs("31001_1010", "1000", 10.0)
        + surface("RoofSurface", [polygon(rect(x, y, x + w, y + w, 10.0))])
        + surface("GroundSurface", [polygon(rect(x, y, x + w, y + w, 0.0)[::-1])]),
    )


def tile_text(body: str, srs: str = SRS) -> str:
    return HEAD.format(srs=srs) + body + TAIL


def good_folder(tmp_path):
    """A folder ``tiles`` with one good tile, a_good.gml (the synthetic tile, 7 buildings)."""
    out = tmp_path / "tiles"
    out.mkdir()
    (out / "a_good.gml").write_text(synthetic_tile(), encoding="utf-8")
    return out


@pytest.fixture
def folder(tmp_path):
    return good_folder(tmp_path)


def test_a_cut_off_tile_in_a_folder_is_skipped_by_name_and_the_rest_is_read(folder):
    good = synthetic_tile()
    # the download stopped in the middle of the third building: all of its tile is left out
    (folder / "b_cut.gml").write_text(good[: good.index('gml:id="PARTS"') + 200].replace("FLAT", "CUT1")
                                      .replace("GABLE", "CUT2"), encoding="utf-8")
    before = digest(folder)
    r = read_tiles(folder)
    assert sorted(r.gml_id) == sorted(["FLAT", "GABLE", "PARTS", "AGREE", "COURT", "HREF", "MIXED"])
    assert not any(g.startswith("CUT") for g in r.gml_id)  # no half tile
    assert r.files[1].broken and r.files[1].n_read == 0
    assert any(w.startswith("b_cut.gml: cannot be read, skipped") for w in r.warnings)
    assert digest(folder) == before


def test_a_non_xml_gml_beside_a_good_tile_is_skipped(folder):
    (folder / "b_note.gml").write_text("Download abgebrochen, bitte erneut versuchen\n", encoding="utf-8")
    r = read_tiles(folder)
    assert len(r) == 7
    assert r.files[1].not_citygml
    assert any("b_note.gml: not CityGML" in w for w in r.warnings)


def test_a_folder_of_only_broken_tiles_is_an_error_naming_a_file(tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "cut.gml").write_text(synthetic_tile()[:1500], encoding="utf-8")
    with pytest.raises(Lod2Error, match="None of the files can be read: .*cut.gml") as err:
        read_tiles(folder)
    assert err.value.kind == "bad_xml"


def test_a_cut_off_file_named_explicitly_is_an_error(tmp_path):
    path = tmp_path / "cut.gml"
    path.write_text(synthetic_tile()[:1500], encoding="utf-8")
    with pytest.raises(Lod2Error, match="Broken XML in .*cut.gml") as err:
        read_tiles(path)
    assert err.value.detail  # the parser's own words, for the message


def test_the_same_tile_twice_is_counted_once_and_named(folder):
    (folder / "b_copy.gml").write_text(synthetic_tile(), encoding="utf-8")
    r = read_tiles(folder)
    assert len(r) == 7  # not 14
    assert r.files[1].n_duplicates == 7 and r.files[1].n_read == 0
    assert r.files[1].duplicate_of == ["a_good.gml"]
    assert any("b_copy.gml: the same buildings as a_good.gml; counted once" in w for w in r.warnings)
    # the first copy is kept: its rows come from file 0
    assert set(r.file_index.tolist()) == {0}


def test_a_gml_id_twice_in_one_tile_is_counted_once(tmp_path):
    path = tmp_path / "dup.gml"
    path.write_text(tile_text(one_flat("A") + one_flat("A", x=50.0) + one_flat("B", x=100.0)), encoding="utf-8")
    r = read_tiles(path)
    assert r.gml_id == ["A", "B"]
    # the first one is kept: its footprint starts at X0
    assert shapely.bounds(r.geometry[0])[0] == pytest.approx(X0)
    assert r.files[0].n_duplicates == 1
    assert any("1 building(s) with a gml_id read before; counted once" in w for w in r.warnings)


def test_roofs_without_heights_have_unknown_slope_not_zero(tmp_path):
    flat2d = building(
        "FLAT2D",
        attrs("31001_1010", "3100", 10.0)
        + surface("RoofSurface", ['<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">'
                                  + " ".join(f"{X0 + x} {Y0 + y}" for x, y in ((0, 0), (10, 0), (10, 10), (0, 10), (0, 0)))
                                  + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>"]),
    )
    path = tmp_path / "2d.gml"
    path.write_text(tile_text(flat2d + one_flat("OK", x=50.0)), encoding="utf-8")
    r = read_tiles(path)
    i = r.gml_id.index("FLAT2D")
    assert math.isnan(r.slope_deg[i]) and math.isnan(r.flat_roof_m2[i]) and math.isnan(r.roof_area_m2[i])
    assert r.footprint_m2[i] == pytest.approx(100.0)  # the 2D outline is still the footprint
    j = r.gml_id.index("OK")
    assert r.slope_deg[j] == pytest.approx(0.0) and r.flat_roof_m2[j] == pytest.approx(100.0)
    assert r.files[0].n_2d_roofs == 1
    assert any("1 building(s) have roofs without heights (2D)" in w for w in r.warnings)


def test_zone_prefixed_eastings_are_corrected_with_a_warning(tmp_path):
    text = tile_text(one_flat("Z") + one_flat("N", x=50.0))
    # write the first building's eastings (and the envelope) with the zone number in front
    z_start = text.index('gml:id="Z"')
    z_end = text.index('gml:id="N"')
    body = text[z_start:z_end].replace(f"{X0 + 0.0!r} ", f"{32_000_000 + X0!r} ").replace(
        f"{X0 + 10.0!r} ", f"{32_000_000 + X0 + 10.0!r} ")
    assert "32336000.0" in body
    path = tmp_path / "zone.gml"
    path.write_text(text[:z_start] + body + text[z_end:], encoding="utf-8")
    r = read_tiles(path)
    x0 = shapely.bounds(r.geometry[r.gml_id.index("Z")])[0]
    assert x0 == pytest.approx(X0)  # 32,336,000 - 32,000,000
    assert r.footprint_m2[r.gml_id.index("Z")] == pytest.approx(100.0)
    assert r.files[0].n_zone_prefix == 1
    assert r.files[0].n_outside_region == 0
    assert any("eastings with the zone number 32 in front; corrected" in w for w in r.warnings)


def test_local_coordinates_are_flagged_outside_nrw_and_outside_the_envelope(tmp_path):
    local = building(
        "LOCAL",
        attrs("31001_1010", "1000", 10.0)
        + surface("RoofSurface", ['<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">'
                                  "0 0 10 10 0 10 10 10 10 0 10 10 0 0 10"
                                  "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>"]),
    )
    path = tmp_path / "local.gml"
    path.write_text(tile_text(local + one_flat("HOME")), encoding="utf-8")
    r = read_tiles(path)
    assert len(r) == 2  # kept, but said
    assert r.files[0].n_outside_region == 1
    assert r.files[0].n_outside_envelope == 1
    assert any("1 building(s) lie outside NRW" in w for w in r.warnings)
    assert any("1 building(s) lie outside the tile's own envelope" in w for w in r.warnings)


def test_a_building_far_from_its_tile_is_flagged_but_an_edge_building_is_not(tmp_path):
    # envelope 336000..337000: a building 20 m over the edge is normal (centre 5 m over, within
    # the 25 m tolerance), one 2 km away is not
    path = tmp_path / "env.gml"
    path.write_text(tile_text(one_flat("EDGE", x=990.0, w=30.0) + one_flat("FAR", x=2000.0)), encoding="utf-8")
    r = read_tiles(path)
    assert r.files[0].n_outside_envelope == 1
    assert r.files[0].n_outside_region == 0


def test_a_tile_without_roof_surfaces_says_so(tmp_path):
    lod1 = building("L1", attrs("31001_1010", "1000", 5.0)
                    + surface("GroundSurface", [polygon(rect(0, 0, 10, 10, 0.0))]))
    path = tmp_path / "lod1.gml"
    path.write_text(tile_text(lod1), encoding="utf-8")
    r = read_tiles(path)
    assert len(r) == 1 and math.isnan(r.roof_area_m2[0]) and math.isnan(r.slope_deg[0])
    assert r.files[0].n_roof_polygons == 0
    assert any("lod1.gml: no roof surfaces (bldg:RoofSurface)" in w for w in r.warnings)


def test_a_clean_tile_gives_none_of_these_warnings(tmp_path):
    """The synthetic tile (envelope, CRS, 3D, roofs) only reports its one empty building."""
    p = tmp_path / "t.gml"
    p.write_text(synthetic_tile(), encoding="utf-8")
    r = read_tiles(p)
    assert r.warnings == ["t.gml: skipped 1 building(s) without roof or ground polygons"]


def ring_with_arc() -> str:
    """A 10 × 10 m flat roof whose north side is a semicircle bulging outwards (radius 5 m):
    area 100 + π·5²/2 = 139.27 m²; written as gml:Ring with a LineStringSegment and an Arc."""
    z = 10.0

    def pts(*xy):
        return " ".join(f"{X0 + x!r} {Y0 + y!r} {z!r}" for x, y in xy)

    return (
        "<gml:Polygon><gml:exterior><gml:Ring><gml:curveMember><gml:Curve><gml:segments>"
        f'<gml:LineStringSegment><gml:posList srsDimension="3">{pts((0, 10), (0, 0), (10, 0), (10, 10))}'
        "</gml:posList></gml:LineStringSegment>"
        f'<gml:Arc><gml:posList srsDimension="3">{pts((10, 10), (5, 15), (0, 10))}</gml:posList></gml:Arc>'
        "</gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior></gml:Polygon>"
    )


def test_curved_rings_are_segmentised(tmp_path):
    path = tmp_path / "arc.gml"
    path.write_text(tile_text(building("ARC", attrs("31001_1010", "1000", 10.0)
                                       + surface("RoofSurface", [ring_with_arc()]))), encoding="utf-8")
    r = read_tiles(path)
    exact = 100.0 + math.pi * 25.0 / 2.0
    # inscribed polygon of 4° steps: 45 triangles of 0.5·r²·sin 4° = 39.24 m² instead of 39.27 m²
    assert r.roof_area_m2[0] == pytest.approx(exact, rel=1e-3)
    assert r.footprint_m2[0] == pytest.approx(exact, rel=1e-3)
    assert r.slope_deg[0] == pytest.approx(0.0, abs=1e-9)
    assert shapely.bounds(r.geometry[0])[3] == pytest.approx(Y0 + 15.0)  # the arc's apex
    assert r.files[0].n_curved == 1
    assert any("1 curved ring(s) (arcs) were segmentised" in w for w in r.warnings)


def test_densify_arcs_keeps_the_end_points_and_lies_on_the_circle():
    pts = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 2.0], [-1.0, 0.0, 2.0]])
    out = lod2._densify_arcs(pts)
    assert out[0] == pytest.approx(pts[0]) and out[-1] == pytest.approx(pts[2])
    assert np.hypot(out[:, 0], out[:, 1]) == pytest.approx(np.ones(len(out)))
    assert (out[:, 1] >= -1e-12).all()  # through the middle point (0, 1), not the other way round
    assert len(out) == 1 + 45  # 180° in steps of 4°
    straight = lod2._densify_arcs(np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]]))
    assert straight.tolist() == [[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]]
