"""Brownfield triage, legal flags, Ökopunkte and pool groups with hand-worked numbers (no QGIS).

Sub-score formulas (defaults, scoring/brownfields.py):
  c_recycling = (3·low + 2·settlement + 1·transit + 1·size + 1·public) / Σw of the known parts × Altlast factor
      low = 1 at bw ≤ 3, 0 at bw ≥ 6; transit = 1 within 300 m, 0 beyond 1,000 m; size full at 5,000 m²
  c_protection = 1 − Π(1 − signal): protected 1, Stufe I 0.9, Stufe II 0.6, value 0.8·(bw 3→6),
      species 0.7, forest 0.6, Grünzug 0.5, cold air 0.4
  c_pool = (3·gain + 2·freiraum + 2·network + 1·size + 1·comp_near + 1·public) / Σw × Altlast factor
      gain = (6 − bw) / 4 clipped; size full at 10,000 m²
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from gi_qgis_plugin.scoring import brownfields as B  # noqa: N812
from gi_qgis_plugin.scoring.spec import spec_for


def boxes(*specs):
    """Squares (x, y, side) in metres."""
    return np.array([shapely.box(x, y, x + s, y + s) for x, y, s in specs], dtype=object)


def inputs(geoms, **kw) -> B.BrownfieldInputs:
    return B.BrownfieldInputs(area_m2=shapely.area(geoms).astype(float), geoms=geoms, **kw)


def arr(*values, dtype=None):
    return np.array(values, dtype=dtype)


def test_spec_is_registered_with_its_signature_and_category_field():
    spec = spec_for("gi:brownfields")
    assert spec is B.SPEC
    assert spec.signature_field == "oekopunkte"
    assert spec.category_field == "gi_category"
    assert [c.field for c in spec.criteria] == ["c_recycling", "c_protection", "c_pool"]


def test_pool_candidate_oekopunkte_by_hand():
    # 1 ha of intensive arable (A 2) outside the settlement areas, target P 6:
    # Ökopunkte = 10,000 m² × (6 − 2) = 40,000; uplift 4 per m²
    # c_pool = (3·1 + 2·1 + 1·1) / 6 = 1 (gain 4/4, freiraum, size 10,000 m²)
    # c_recycling = (3·1 + 2·0 + 1·1) / 6 = 0.667 (low value, outside, size) -> pool leads by 0.33
    g = boxes((0, 0, 100))
    r = B.score_brownfields(inputs(g, biotope_type=arr("arable", dtype=object), settlement=arr(False)))
    assert r.scored.category.tolist() == ["kompensationspool"]
    assert r.column("oekopunkte")[0] == pytest.approx(40_000)
    assert r.column("bw_gain")[0] == pytest.approx(4.0)
    assert (r.column("bw_now")[0], r.column("bw_target")[0]) == (2.0, 6.0)
    assert r.scored.sub["pool"][0] == pytest.approx(1.0)
    assert r.scored.sub["recycling"][0] == pytest.approx(4 / 6)
    assert r.core.score[0] == pytest.approx(100.0)  # the strength of its own category
    assert r.column("pool_group").tolist() == [1]
    assert "40000 eco-points" in r.reason[0]


def test_planned_value_is_a_parameter_and_a_field():
    # target 5 instead of 6: 10,000 × (5 − 2) = 30,000; a field value 7 wins for its feature
    g = boxes((0, 0, 100), (5000, 0, 100))
    inp = inputs(g, biotope_type=arr("arable", "arable", dtype=object), settlement=arr(False, False),
                 target_value=arr(None, 7, dtype=object))
    r = B.score_brownfields(inp, B.BrownfieldParams(target_value=5.0))
    assert r.column("oekopunkte").tolist() == [30_000.0, 50_000.0]


def test_no_oekopunkte_outside_the_pool_category():
    g = boxes((0, 0, 100))
    r = B.score_brownfields(inputs(g, biotope_type=arr("sealed", dtype=object), settlement=arr(True),
                                   transit_m=arr(100.0)))
    assert r.scored.category.tolist() == ["recycling"]
    assert np.isnan(r.column("oekopunkte")[0])
    assert r.column("pool_group").tolist() == [None]


def test_recycling_by_hand_and_the_altlast_factor():
    # sealed (A 0), in ASB, stop at 100 m, 1 ha: (3·1 + 2·1 + 1·1 + 1·1) / 7 = 1.0; on an Altlast × 0.7
    g = boxes((0, 0, 100), (1000, 0, 100))
    inp = inputs(g, biotope_type=arr("sealed", "sealed", dtype=object), settlement=arr(True, True),
                 transit_m=arr(100.0, 100.0), altlast=arr("kein Verdacht", "Altlast", dtype=object))
    r = B.score_brownfields(inp)
    assert r.scored.category.tolist() == ["recycling", "recycling"]
    assert r.scored.sub["recycling"].tolist() == pytest.approx([1.0, 0.7])
    assert r.core.score.tolist() == pytest.approx([100.0, 70.0])
    assert r.core.gi_class.tolist() == ["A", "B"]  # 70: class B (50–75)
    assert "altlast" in r.core.flags[1] and "altlast" not in r.core.flags[0]
    assert "Altlast" in r.reason[1]


def test_protected_area_decides_before_the_scores():
    # the best recycling case, but a § 30 biotope: schutz, whatever the recycling sub-score
    g = boxes((0, 0, 100))
    inp = inputs(g, biotope_type=arr("sealed", dtype=object), settlement=arr(True), transit_m=arr(50.0),
                 protected=arr(True))
    r = B.score_brownfields(inp)
    assert r.scored.category.tolist() == ["schutz"]
    assert r.scored.sub["protection"][0] == pytest.approx(1.0)
    assert "protected" in r.core.flags[0]
    assert "asp" not in r.core.flags[0]  # the site does not change


def test_biotopverbund_stufe_1_decides_stufe_2_weighs():
    g = boxes((0, 0, 100), (1000, 0, 100))
    # both ruderal (A 5): value signal 0.8 · (5 − 3) / 3 = 0.533
    inp = inputs(g, biotope_type=arr("ruderal", "ruderal", dtype=object), verbund_stage=arr(1, 2))
    r = B.score_brownfields(inp)
    assert r.scored.category[0] == "schutz"
    # Stufe II: 1 − (1 − 0.6)(1 − 0.533) = 0.8133
    assert r.scored.sub["protection"][1] == pytest.approx(1 - 0.4 * (1 - 0.8 * 2 / 3))
    assert r.scored.category[1] == "schutz"
    assert r.core.hz.tolist() == ["08,11,15", "08,11,15"]


def test_conflict_between_two_qualifying_directions_is_named():
    # bw 4.5 from a field, in ASB, stop at 100 m, 1 ha, species known:
    # c_recycling = (3·0.5 + 2 + 1 + 1) / 7 = 0.7857; c_protection = 1 − (1 − 0.4)(1 − 0.7) = 0.82
    # lead 0.034 < 0.15 -> pruefen "schutz+recycling"; score = mean of the two = 80.29
    g = boxes((0, 0, 100))
    inp = inputs(g, biotope_value=arr(4.5), settlement=arr(True), transit_m=arr(100.0),
                 species=arr("ja", dtype=object))
    r = B.score_brownfields(inp)
    assert r.scored.category.tolist() == ["pruefen"]
    assert r.scored.conflict.tolist() == ["schutz+recycling"]
    assert r.core.score[0] == pytest.approx(100 * (5.5 / 7 + 0.82) / 2)
    assert "conflict" in r.core.flags[0] and "species" in r.core.flags[0]
    assert "to be checked: protect or recycling" in r.reason[0]


def test_a_clear_lead_decides_between_two_qualifying_directions():
    # same site without species: protection 0.4 does not qualify -> recycling alone
    g = boxes((0, 0, 100))
    r = B.score_brownfields(inputs(g, biotope_value=arr(4.5), settlement=arr(True), transit_m=arr(100.0)))
    assert r.scored.category.tolist() == ["recycling"]
    assert r.core.score[0] == pytest.approx(100 * 5.5 / 7)
    assert np.isnan(r.core.criteria["recycling"]).sum() == 0
    assert "protection" not in r.core.criteria or np.isnan(r.core.criteria["protection"][0])


def test_weights_tilt_a_close_call():
    # recycling 0.7857 vs protection 0.82 (above): with W_RECYCLING 2 the recycling case leads clearly
    g = boxes((0, 0, 100))
    inp = inputs(g, biotope_value=arr(4.5), settlement=arr(True), transit_m=arr(100.0),
                 species=arr(True))
    r = B.score_brownfields(inp, B.BrownfieldParams(weights={"recycling": 2.0, "protection": 1.0, "pool": 1.0}))
    assert r.scored.category.tolist() == ["recycling"]


def test_pool_inside_the_settlement_area_does_not_qualify():
    # Regionalplan Ruhr 1.1-5: compensation outside the Siedlungsbereiche; the arable site in ASB
    # becomes a recycling case: (3·1 + 2·1 + 1·1) / 6 = 1.0
    g = boxes((0, 0, 100))
    r = B.score_brownfields(inputs(g, biotope_type=arr("arable", dtype=object), settlement=arr(True)))
    assert r.scored.category.tolist() == ["recycling"]
    assert r.scored.sub["pool"][0] == pytest.approx((3 + 0 + 1) / 6)


def test_without_attributes_the_triage_runs_on_the_layers_and_says_what_is_missing():
    # an OSM landuse=brownfield polygon with no attributes, only the settlement layer: the location
    # alone gives c_recycling = (2·1 + 1·1) / 3 = 1 (in ASB, 1 ha), but no value: the reason says so
    g = boxes((0, 0, 100), (1000, 0, 100))
    r = B.score_brownfields(inputs(g, settlement=arr(True, False)))
    assert r.scored.sub["recycling"].tolist() == pytest.approx([1.0, 1 / 3])
    assert r.scored.category.tolist() == ["recycling", "pruefen"]
    assert r.core.flags.tolist() == ["asp,bw_unknown", "asp,bw_unknown"]
    assert "not known: biotope value, Biotopverbund, protected areas" in r.reason[0]
    assert r.scored.missing_layers[:3] == ["biotope", "verbund", "protected"]


def test_nothing_known_at_all_is_a_value_error_for_the_caller_to_explain():
    g = boxes((0, 0, 100))
    sc = B.brownfield_scoring(inputs(g))
    assert sc.category.tolist() == ["pruefen"]
    assert all(v is None for v in sc.criteria.values())
    with pytest.raises(ValueError):
        B.score_brownfields(inputs(g))


def test_slivers_and_empty_geometries_are_excluded_without_category():
    g = np.array([shapely.box(0, 0, 5, 5), None, shapely.box(100, 0, 200, 100)], dtype=object)
    inp = B.BrownfieldInputs(area_m2=arr(25.0, np.nan, 10_000.0), geoms=g,
                             biotope_type=arr("arable", "arable", "arable", dtype=object), settlement=arr(False, False, False))
    r = B.score_brownfields(inp)
    assert r.scored.category.tolist() == [None, None, "kompensationspool"]
    assert r.core.gi_class.tolist() == ["X", "X", "A"]
    assert r.core.flags[0] == "area_lt_min" and r.core.flags[1] == "geom_empty"
    assert r.core.rank.tolist() == [0, 0, 1]


def test_legal_flags_13a_1a3_forest_and_species_protection():
    # 1 ha and 2.5 ha under § 13a, a forest, a recycled site with earlier lawful use
    g = boxes((0, 0, 100), (1000, 0, 158.2), (3000, 0, 100), (5000, 0, 100))
    inp = inputs(g, biotope_type=arr("sealed", "sealed", "forest", "sealed", dtype=object),
                 settlement=arr(True, True, True, True),
                 procedure=arr("§ 13a BauGB", "13a", "Regelverfahren", None, dtype=object),
                 prior_lawful=arr(None, None, None, "ja", dtype=object))
    r = B.score_brownfields(inp)
    flags = [set(f.split(",")) for f in r.core.flags]
    assert "baugb_13a" in flags[0] and "baugb_13a_check" not in flags[0]
    assert "baugb_13a_check" in flags[1]  # 25,027 m² ≥ 20,000: the ground area decides
    assert "wald" in flags[2] and "22" in r.core.hz[2].split(",")
    assert "baugb_1a3" in flags[3]
    assert all("asp" in f for f in (flags[0], flags[1], flags[3]))
    assert "§ 13a (2) No. 4 BauGB: no compensation due" in r.reason[0]


def test_biotope_value_field_beats_type_out_of_range_falls_back_and_unknown_types_are_counted():
    g = boxes((0, 0, 100), (1000, 0, 100), (2000, 0, 100), (3000, 0, 100))
    inp = inputs(g, biotope_value=arr(1, 12, None, None, dtype=object),
                 biotope_type=arr("hedge", "arable", "Mondlandschaft", "Mondlandschaft", dtype=object),
                 settlement=arr(False, False, False, False))
    sc = B.brownfield_scoring(inp)
    assert sc.bw_now[:2].tolist() == [1.0, 2.0]  # field 1; 12 refused, the type's 2 instead
    assert np.isnan(sc.bw_now[2:]).all()
    assert sc.caveats["bw_out_of_range"].tolist() == [False, True, False, False]
    assert sc.caveats["type_unknown"].tolist() == [False, False, True, True]
    assert sc.unknown_types == {"Mondlandschaft": 2}
    assert sc.n_out_of_range == 1


def test_value_estimated_from_the_sealed_share():
    # 40 % sealed (A 0), 60 % ruderal (A 5 [U]): 0.6 × 5 = 3.0; given in percent
    g = boxes((0, 0, 100), (1000, 0, 100))
    sc = B.brownfield_scoring(inputs(g, sealed=arr(40.0, np.nan)))
    assert sc.bw_now[0] == pytest.approx(3.0)
    assert np.isnan(sc.bw_now[1])
    assert sc.caveats["bw_from_sealing"].tolist() == [True, False]


def test_pool_groups_chain_within_the_distance_and_are_numbered_by_total():
    # four arable pool sites, 100 m squares: A(0) – B(400) gap 300 m, B – C(800) gap 300 m, so
    # A, B, C form one group (A–C 700 m apart, linked through B); D at 5 km alone with 2 ha.
    # Totals: ABC 3 × 40,000 = 120,000; D = 141.42² × 4 = 80,000 -> ABC is group 1
    g = boxes((0, 0, 100), (400, 0, 100), (800, 0, 100), (5000, 0, 141.4213562))
    inp = inputs(g, biotope_type=arr(*["arable"] * 4, dtype=object), settlement=arr(False, False, False, False))
    r = B.score_brownfields(inp)
    assert r.scored.category.tolist() == ["kompensationspool"] * 4
    assert r.column("pool_group").tolist() == [1, 1, 1, 2]
    assert r.column("pool_total").tolist() == pytest.approx([120_000, 120_000, 120_000, 80_000])
    assert "pool group 1 with 120000 eco-points" in r.reason[0]
    # a smaller distance splits the chain
    r2 = B.score_brownfields(inp, B.BrownfieldParams(group_distance=250.0))
    assert r2.column("pool_group").tolist() == [2, 3, 4, 1]


def test_overlaps_are_flagged_on_both_and_shared_edges_are_not():
    g = boxes((0, 0, 100), (50, 50, 100), (1000, 0, 100), (1100, 0, 100))
    assert B.overlapping(g).tolist() == [True, True, False, False]


def test_handlungsziele_by_criterion():
    # a: pool site in a Grünzug, partly sealed (A 1), 50 % sealed -> 08, 13, 20 (outside ASB: no 12)
    # b: forest in Stufe II -> 08, 11, 15, 22
    # c: protected ruderal hectare in ASB without a park within 300 m -> 08, 11, 12
    g = boxes((0, 0, 100), (5000, 0, 100), (9000, 0, 100))
    inp = inputs(g, biotope_type=arr("partly_sealed", "forest", "ruderal", dtype=object),
                 sealed=arr(0.5, None, None, dtype=object), settlement=arr(False, False, True),
                 gruenzug=arr(True, False, False), verbund_stage=arr(0, 2, 0), protected=arr(False, False, True),
                 park_m=arr(np.inf, np.inf, 450.0))
    r = B.score_brownfields(inp)
    assert r.scored.category.tolist() == ["kompensationspool", "schutz", "schutz"]
    assert r.core.hz.tolist() == ["08,13,20", "08,11,15,22", "08,11,12"]


def test_no_naturerfahrungsraum_on_a_contaminated_site():
    g = boxes((0, 0, 141.43))
    inp = inputs(g, biotope_type=arr("partly_sealed", dtype=object), settlement=arr(False),
                 park_m=arr(np.inf), altlast=arr("altlastverdächtig", dtype=object))
    r = B.score_brownfields(inp)
    assert "12" not in r.core.hz[0].split(",")
    assert "altlast_verdacht" in r.core.flags[0]


def test_altlast_words_and_unknown_status():
    status, unknown = B.altlast_status(arr("Kein Verdacht", "altlastverdächtig", "ALTLAST", "saniert", "egal", None,
                                           "altlastverdächtige Fläche", "Altlast saniert", dtype=object))
    assert status.tolist() == ["none", "suspected", "contaminated", "remediated", None, None, "suspected", "remediated"]
    assert unknown == {"egal": 1}


def test_ownership_and_13a_readers():
    assert B.public_owner(arr("Stadt Essen", "privat", "", "Land NRW", dtype=object)).tolist()[:2] == [1.0, 0.0]
    assert np.isnan(B.public_owner(arr("", dtype=object))[0])
    yes, known = B.is_13a(arr("§ 13a BauGB", "Regelverfahren", "ja", "nein", None, dtype=object))
    assert yes.tolist() == [True, False, True, False, False]
    assert known.tolist() == [True, True, True, True, False]


def test_reasons_in_another_language_keep_placeholders_in_their_order():
    g = boxes((0, 0, 100))
    texts = B.R.Texts({**B.TEXTS, "values": "{target} Ziel, jetzt {now}", "subscores": "R {r} S {s} P {p}"}, ",")
    r = B.score_brownfields(inputs(g, biotope_value=arr(2.5), settlement=arr(False)), texts=texts)
    assert "6 Ziel, jetzt 2,5" in r.reason[0]
    assert "R " in r.reason[0]


def test_empty_input_gives_empty_arrays():
    sc = B.brownfield_scoring(B.BrownfieldInputs(area_m2=np.zeros(0), geoms=np.zeros(0, dtype=object),
                                                 biotope_type=np.zeros(0, dtype=object), settlement=np.zeros(0, bool)))
    assert sc.category.size == 0 and sc.oekopunkte.size == 0


def test_best_stage_needs_the_minimum_share_and_stufe_1_wins():
    g = boxes((0, 0, 100))
    others = np.array([shapely.box(-50, -50, 5, 150), shapely.box(-50, -50, 60, 150)], dtype=object)
    # Stufe I over 5 % (below 10 %), Stufe II over 60 %
    assert B.best_stage(g, others, np.array([1, 2]), 0.1).tolist() == [2]
    assert B.best_stage(g, others, np.array([1, 2]), 0.05).tolist() == [1]
    assert B.stage_of(np.array(["I", "Stufe II", "2", "herausragende Bedeutung", None], dtype=object)).tolist() == [1, 2, 2, 1, 2]
