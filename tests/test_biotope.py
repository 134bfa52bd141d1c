"""Biotope values of the NRW numerical method (0–10): the one source of biotope numbers (no QGIS)."""

from __future__ import annotations

import numpy as np
import pytest

from gi_qgis_plugin.scoring import biotope


def test_every_shipped_type_names_its_source_and_lies_on_the_scale():
    table = biotope.biotope_table()
    assert len(table) >= 15
    for t in table:
        assert t.source.strip(), t.code
        for v in (t.value_a, t.value_p):
            assert np.isnan(v) or 0.0 <= v <= 10.0, t.code
        assert not (np.isnan(t.value_a) and np.isnan(t.value_p)), t.code
        # every row says how sure it is
        assert any(tag in t.source for tag in ("[V]", "[V2]", "[U]")), t.code


def test_verified_values_as_published():
    # menden.de: Straße 0, Acker 2, Viehweide 4, natürlicher Bach 10;
    # lb-naturschutz-nrw.de: Hecken, Gebüsche, Feldgehölze A 7 / P 6
    table = biotope.biotope_table()
    assert [table.find(c).value_a for c in ("road", "arable", "pasture", "stream_natural")] == [0, 2, 4, 10]
    hedge = table.find("hedge")
    assert (hedge.value_a, hedge.value_p) == (7, 6)
    assert table.find("young_forest").value_p == 6  # Prognosewert with site-typical species [V2]


def test_unverified_brownfield_types_are_marked_as_assumptions():
    table = biotope.biotope_table()
    for code in ("sealed", "partly_sealed", "ruderal", "pioneer_open", "pioneer_wood"):
        assert "[U]" in table.find(code).source


def test_lookup_by_code_or_name_folded():
    tv = biotope.values_for_types(["HEDGE", "Hecke, Gebüsch, Feldgehölz", "hecke,  gebuesch, feldgehoelz",
                                   "pasture", "Viehweide", "  viehweide "])
    assert tv.value_a.tolist() == [7, 7, 7, 4, 4, 4]
    assert tv.code.tolist() == ["hedge"] * 3 + ["pasture"] * 3
    assert tv.unknown == {} and tv.n_empty == 0


def test_aliases_find_the_words_of_a_brownfield_register():
    tv = biotope.values_for_types(["Ruderalflur", "Vorwald", "versiegelt", "Schotter", "Pioniervegetation"])
    assert tv.code.tolist() == ["ruderal", "pioneer_wood", "sealed", "partly_sealed", "pioneer_open"]
    assert tv.forest.tolist() == [False, True, False, False, False]


def test_unknown_types_are_named_and_counted_and_empty_ones_counted_apart():
    tv = biotope.values_for_types(["Goldwiese", "ruderal", "Goldwiese", None, "", "Mondlandschaft"])
    assert tv.unknown == {"Goldwiese": 2, "Mondlandschaft": 1}  # most frequent first
    assert tv.n_unknown == 3 and tv.n_empty == 2
    assert np.isnan(tv.value_a[[0, 2, 3, 4, 5]]).all()
    assert tv.value_a[1] == 5  # ruderal [U]
    assert tv.code[0] is None


def test_forest_types_are_marked():
    tv = biotope.values_for_types(["pioneer_wood", "forest", "ruderal"])
    assert tv.forest.tolist() == [True, True, False]


def test_values_outside_0_10_are_flagged_and_not_used():
    c = biotope.check_values(np.array([0.0, 10.0, 10.5, -1.0, np.nan]))
    assert c.out_of_range.tolist() == [False, False, True, True, False]
    assert c.values[:2].tolist() == [0.0, 10.0]
    assert np.isnan(c.values[2:]).all()
    assert c.n_out_of_range == 2


def test_values_as_text_with_comma_and_unreadable_text():
    c = biotope.check_values(["5,5", "7", "hoch", None, "11"])
    assert c.values[:2].tolist() == [5.5, 7.0]
    assert c.unreadable.tolist() == [False, False, True, False, False]
    assert c.out_of_range.tolist() == [False, False, False, False, True]


def test_oekopunkte_by_hand():
    # 2,000 m² ruderal (A 5) developed to species-rich grassland (P 6): 2,000 × (6 − 5) = 2,000;
    # 500 m² sealed (A 0) unsealed to a hedge (P 6): 500 × 6 = 3,000;
    # 100 m² hedge (A 7) built over (P 0): 100 × (0 − 7) = −700, a deficit
    got = biotope.oekopunkte([2000.0, 500.0, 100.0], [5.0, 0.0, 7.0], [6.0, 6.0, 0.0])
    assert got.tolist() == [2000.0, 3000.0, -700.0]
    assert np.isnan(biotope.oekopunkte([10.0], [np.nan], [6.0])).all()
    assert biotope.uplift([1.0], [6.0]).tolist() == [5.0]


def test_a_users_table_with_german_columns_and_semicolons(tmp_path):
    path = tmp_path / "stadt.csv"
    path.write_text("Code;Biotoptyp;Grundwert_A;Grundwert_P;Quelle\n"
                    "BF1;Industriebrache;4,5;;Stadt X 2025\nHW;Hecke;7;6;Stadt X 2025\n", encoding="utf-8")
    table = biotope.read_biotope_table(path)
    tv = biotope.values_for_types(["industriebrache", "HW", "ruderal"], table)
    assert tv.value_a[:2].tolist() == [4.5, 7.0]
    assert np.isnan(tv.value_p[0]) and tv.value_p[1] == 6.0
    assert tv.unknown == {"ruderal": 1}  # the user's table replaces the shipped one


def test_a_table_with_missing_columns_names_them(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("code,name_de\nx,Fläche\n", encoding="utf-8")
    with pytest.raises(biotope.BiotopeTableError, match="columns missing: value_a, source") as err:
        biotope.read_biotope_table(path)
    assert err.value.missing == ("value_a", "source")


@pytest.mark.parametrize("row, words", [
    ("x,Fläche,12,,src", "outside the scale"),
    ("x,Fläche,-1,,src", "outside the scale"),
    ("x,Fläche,hoch,,src", "not a number"),
    ("x,Fläche,3,,", "without source"),
    ("x,Fläche,3,11,src", "value_p .* outside"),
])
def test_a_table_with_a_bad_row_is_refused(tmp_path, row, words):
    path = tmp_path / "t.csv"
    path.write_text("code,name_de,value_a,value_p,source\n" + row + "\n", encoding="utf-8")
    with pytest.raises(biotope.BiotopeTableError, match=words):
        biotope.read_biotope_table(path)


def test_a_code_given_twice_is_refused(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("code,value_a,source\nx,1,s\nx,2,s\n", encoding="utf-8")
    with pytest.raises(biotope.BiotopeTableError, match="twice"):
        biotope.read_biotope_table(path)


def test_a_missing_file_is_a_table_error(tmp_path):
    with pytest.raises(biotope.BiotopeTableError, match="cannot be read"):
        biotope.read_biotope_table(tmp_path / "nope.csv")
