"""The Handlungsziele catalogue: the shipped file is complete and the loader rejects broken copies.

Expected numbers are read by hand from the strategy's Kurzfassung
(../shared/seeds/002_4a180cabb97981ad.txt), not from the JSON under test.
Pure pytest: runs without QGIS.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from gi_qgis_plugin.catalog import (
    COMPARATORS,
    DEFAULT_PATH,
    HZ_NUMBERS,
    Catalog,
    CatalogError,
    format_hz_list,
    load_catalog,
    parse_hz_list,
)

# HZ number -> {target id: (value, unit, baseline, year, comparator)}, from the Kurzfassung.
EXPECTED_TARGETS = {
    "02": {"green_flat_roofs": (50, "%", None, 2030, "ge"), "green_facades": (5, "%", None, 2030, "ge")},
    "14": {"regional_park_concept": (2025, "year", None, 2025, "by")},
    "15": {"protected_share_habitat_network": (15, "%", None, None, "ge")},
    "19": {
        # "von aktuell 73 %" is the region-wide baseline, not one per sub-area (review 1.2)
        "poor_water_structure_conurbation": (45, "%", None, 2030, "lt"),
        "poor_water_structure_outside": (25, "%", None, 2030, "lt"),
    },
    "22": {"forest_share": (25, "%", 23, 2030, "ge")},
    "23": {
        "diverse_landscape_features": (10, "%", None, None, "ge"),
        "organic_conversion_lease_term": (10, "years", None, None, "ge"),
    },
    "25": {"cycling_modal_share": (25, "%", None, 2030, "ge")},
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def raw() -> dict:
    return json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "handlungsziele.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _entry(data: dict, number: str) -> dict:
    return next(e for e in data["handlungsziele"] if e["number"] == number)


# --- the shipped file ----------------------------------------------------------------------------


def test_all_27_handlungsziele_present_once_in_order(catalog):
    assert [hz.number for hz in catalog] == [f"{i:02d}" for i in range(1, 28)]
    assert len(catalog) == 27


def test_every_text_is_filled_in_both_languages(catalog):
    for hz in catalog:
        for lang in ("de", "en"):
            assert hz.title(lang).strip(), (hz.number, lang)
            assert hz.agreements(lang), (hz.number, lang)
            assert all(s.strip() for s in hz.agreements(lang)), (hz.number, lang)
            for target in hz.targets:
                assert target.indicator(lang).strip() and target.scope(lang).strip()
        assert 1 <= len(hz.agreements_de) <= 4
        assert len(hz.agreements_de) == len(hz.agreements_en)
        assert hz.title_de != hz.title_en, hz.number
        assert hz.keywords and all(k == k.lower() for k in hz.keywords)


def test_titles_are_the_strategys_without_pdf_hyphenation(catalog):
    assert catalog.get("02").title_de == "Dach- und Fassadenbegrünung fördern"
    assert catalog.get("03").title_de == "Blau-grüne Klimastraßenräume schaffen"
    assert catalog.get("24").title_de.startswith("Klimaangepasste Schwammstädte")
    assert catalog.get("10").title_de == "Ko-Habitation und Naturerleben in der Stadt fördern"
    for hz in catalog:
        # Leftovers of PDF line breaks: "Infra- struktur", "Klima straßen", double spaces.
        assert not re.search(r"-\s+(?!und\b)\w", hz.title_de), hz.number
        assert "  " not in hz.title_de and "Klima straßen" not in hz.title_de


def _squeeze(text: str) -> str:
    """Without spaces and hyphens: the PDF text breaks words at arbitrary places."""
    return re.sub(r"[\s\-\u2013]", "", text)


def test_titles_appear_in_the_seed_text(strategy_seed_text):
    seed = _squeeze(strategy_seed_text)
    for hz in load_catalog():
        assert _squeeze(hz.title_de) in seed, hz.number


# Wording the seed uses and the catalogue must now carry (domain review §1), as
# (HZ, phrase that must be in one agreement_de and in the seed).
SEED_PHRASES = [
    ("07", "Neubauten ressourcenschonend und klimaneutral zu errichten"),  # 1.8: about new buildings
    ("11", "ihre verbindenden Korridore schützen"),  # 1.4: "schützen", not "unter Schutz stellen"
    ("12", "Gesundheitsförderung, Naherholung und Umweltbildung"),  # 1.9: the purpose clause
    ("14", "Bis 2025 eine Regionalparkkonzeption für die gesamte Metropole Ruhr aufstellen."),  # 1.5
    ("14", "Weitere Regionalparks ausweisen."),  # 1.5: a separate agreement, no deadline
    ("15", "Anteil gesetzlich geschützter Flächen innerhalb des Biotopverbunds auf insgesamt 15 %"),
    ("24", "Regenwasser als wertvolle Ressource anerkennen"),  # 1.3
    ("24", "von der Regel zur Ausnahme machen"),  # 1.3
]


@pytest.mark.parametrize(("number", "phrase"), SEED_PHRASES)
def test_fixed_agreements_carry_the_seeds_wording(catalog, strategy_seed_text, number, phrase):
    assert _squeeze(phrase) in _squeeze(strategy_seed_text), "phrase not in the seed: fix the test"
    assert any(phrase in a for a in catalog.get(number).agreements_de), number


def test_fixed_agreements_drop_what_the_seed_does_not_say(catalog, strategy_seed_text):
    seed = _squeeze(strategy_seed_text)
    hz11 = " ".join(catalog.get("11").agreements_de)
    assert "unter Schutz stellen" not in hz11 and _squeeze("unter Schutz stellen") not in seed
    # HZ 14: the 2025 deadline belongs to the Konzeption only, not to the designation of parks
    (deadline,) = [a for a in catalog.get("14").agreements_de if "2025" in a]
    assert "Regionalparks" not in deadline and "festlegen" not in deadline
    # HZ 24: the seed never says that retention becomes "die Regel"
    for agreement in catalog.get("24").agreements_de:
        assert "die Regel" not in agreement.replace("von der Regel", "")
    assert "Zurückhalten" not in " ".join(catalog.get("24").agreements_de)


def test_footnotes_are_quoted_verbatim_from_the_seed(catalog, strategy_seed_text):
    seed = _squeeze(strategy_seed_text)
    expected = {"15": "Fußnote 1", "19": "Fußnote 2", "22": "Fußnote 3"}
    for number, label in expected.items():
        notes = [n for n in catalog.get(number).notes_de if n.startswith(label)]
        assert len(notes) == 1, number
        quoted = re.search(r"„(.+)“", notes[0]).group(1)
        assert _squeeze(quoted) in seed, (number, quoted)
    assert "§ 35 LNatSchG NRW" in catalog.get("15").notes_de[0]
    for hz in catalog:
        assert len(hz.notes_de) == len(hz.notes_en), hz.number


def test_interpretations_are_marked_and_hz15_gets_no_progress(catalog):
    habitat = catalog.get("15").target("protected_share_habitat_network")
    assert habitat.progress is False and "Auslegung" in habitat.note_de and "Gemeindefläche" in habitat.note_de
    for target in catalog.get("19").targets:  # region-wide 73 % in a note, not per scope
        assert target.baseline is None and "73 %" in target.note_de
    roofs = catalog.get("02").target("green_flat_roofs")
    assert "Abgrenzung der Innenstädte" in roofs.note_de and "Anzahl" in roofs.note_de
    assert "Auslegung" in catalog.get("22").target("forest_share").note_de
    concept = catalog.get("14").target("regional_park_concept")
    assert concept.is_overdue(2026) and not concept.is_overdue(2025)
    assert catalog.get("02").target("green_flat_roofs").is_overdue(2031) is False  # not a deadline target


def test_compensation_pools_and_ko_habitation(catalog):
    hz08 = catalog.get("08")
    assert "compensation land pools" in hz08.title_en
    assert "Flächenpool NRW" in hz08.notes_de[0] and "nicht" in hz08.notes_de[0]
    assert catalog.leitthema("III").motto_de.startswith("Ko-Habitation ")
    assert "Zuordnung des Plugins" in catalog.leitthemen_note


def test_regional_2040_targets_are_a_separate_external_block(catalog):
    related = {t.id: t for t in catalog.related_targets}
    assert set(related) == {"klimawerk_disconnection", "klimawerk_evaporation"}
    disconnection, evaporation = related["klimawerk_disconnection"], related["klimawerk_evaporation"]
    assert (disconnection.value, disconnection.unit, disconnection.year) == (25, "%", 2040)
    assert (evaporation.value, evaporation.unit, evaporation.year) == (10, "pp", 2040)
    for target in related.values():
        assert "Klima.Werk" in target.source and "essen.de" in target.source
        assert target.hz == ("02", "24")
        assert target.describe("de").startswith("Zukunftsinitiative Klima.Werk: ")
    assert evaporation.describe("de").endswith("mindestens 10 Prozentpunkte bis 2040")
    assert evaporation.describe("en").endswith("at least 10 percentage points by 2040")
    # never mixed into the strategy's own targets
    strategy_ids = {t.id for hz in catalog for t in hz.targets}
    assert not strategy_ids & set(related)
    assert catalog.related_to("24") == catalog.related_to(2) == list(catalog.related_targets)
    assert catalog.related_to("15") == []
    assert "nicht Teil der Strategie" in catalog.related_targets_note


def test_leitthemen_are_the_five_of_the_charta(catalog):
    assert [lt.id for lt in catalog.leitthemen] == ["I", "II", "III", "IV", "V"]
    assert catalog.leitthema("I").title_de == "Lebenswerte Metropole Ruhr"
    assert (
        catalog.leitthema("II").motto_de
        == "Resilienz und Klimakomfort durch Grüne Infrastruktur sicherstellen"
    )
    assert catalog.leitthema("V").title_de == "Zirkuläre Metropole Ruhr"
    for lt in catalog.leitthemen:
        assert lt.title("en") and lt.motto("en") and lt.motto("de")
    assert "own" in catalog.leitthemen_note


def test_every_handlungsziel_serves_a_leitthema_and_every_leitthema_has_some(catalog):
    for hz in catalog:
        assert hz.leitthemen and set(hz.leitthemen) <= {"I", "II", "III", "IV", "V"}
    for lt in catalog.leitthemen:
        assert len(catalog.by_leitthema(lt.id)) >= 3, lt.id
    assert catalog.get("24") in catalog.by_leitthema("II")
    assert catalog.get("15") in catalog.by_leitthema("III")
    assert catalog.get("07") in catalog.by_leitthema("V")


def test_targets_exist_exactly_where_the_strategy_gives_numbers(catalog):
    assert {hz.number for hz in catalog.with_targets()} == set(EXPECTED_TARGETS)
    for hz in catalog:
        if hz.number not in EXPECTED_TARGETS:
            assert hz.targets == (), hz.number


@pytest.mark.parametrize("number", sorted(EXPECTED_TARGETS))
def test_targets_carry_the_strategys_values(catalog, number):
    hz = catalog.get(number)
    found = {t.id: (t.value, t.unit, t.baseline, t.year, t.comparator) for t in hz.targets}
    assert found == EXPECTED_TARGETS[number]


def test_forest_target_reads_23_to_25_percent_by_2030(catalog):
    forest = catalog.get("22").target("forest_share")
    assert (forest.value, forest.baseline, forest.year, forest.unit) == (25, 23, 2030, "%")
    assert (
        forest.describe("de")
        == "Waldanteil in der Metropole Ruhr: mindestens 25 % bis 2030 (Ausgangswert 23 %)"
    )
    assert forest.describe("en") == "Forest share in the Metropole Ruhr: at least 25% by 2030 (baseline 23%)"


def test_describe_gives_readable_sentences(catalog):
    roofs = catalog.get("02").target("green_flat_roofs")
    assert (
        roofs.describe("de") == "Anteil begrünter Flachdächer in den Innenstädten: mindestens 50 % bis 2030"
    )
    assert roofs.describe("en") == "Share of green flat roofs in the inner cities: at least 50% by 2030"
    rivers = catalog.get("19").target("poor_water_structure_conurbation")
    assert "unter 45 % bis 2030" in rivers.describe("de")
    assert "below 45% by 2030" in rivers.describe("en")
    concept = catalog.get("14").target("regional_park_concept")
    assert concept.describe("de") == "Regionalparkkonzeption für die gesamte Metropole Ruhr: bis 2025"
    lease = catalog.get("23").target("organic_conversion_lease_term")
    assert lease.describe("de").endswith("mindestens 10 Jahre")
    with pytest.raises(ValueError):
        roofs.describe("fr")


def test_is_met_follows_the_comparator(catalog):
    roofs = catalog.get("02").target("green_flat_roofs")
    assert roofs.is_met(50) and not roofs.is_met(49.9)
    rivers = catalog.get("19").target("poor_water_structure_outside")
    assert rivers.is_met(24.9) and not rivers.is_met(25)
    concept = catalog.get("14").target("regional_park_concept")
    assert concept.is_met(2024) and not concept.is_met(2026)


def test_target_ids_and_comparators_are_known(catalog):
    for hz in catalog:
        for target in hz.targets:
            assert target.comparator in COMPARATORS
            assert hz.target(target.id) is target
    with pytest.raises(CatalogError, match="no target"):
        catalog.get("02").target("nonexistent")


def test_default_catalog_is_cached_and_explicit_paths_are_not(tmp_path, raw):
    assert load_catalog() is load_catalog()
    path = _write(tmp_path, raw)
    assert load_catalog(path) is not load_catalog(path)
    assert load_catalog(path) == load_catalog()


# --- look-ups ------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["02", "2", 2, " 02 "])
def test_get_accepts_numbers_in_several_spellings(catalog, key):
    assert catalog.get(key).number == "02"


@pytest.mark.parametrize("key", ["00", "28", 0, 28, "x", "", True, None])
def test_get_rejects_unknown_numbers(catalog, key):
    with pytest.raises(CatalogError):
        catalog.get(key)


def test_search_finds_roofs_first_in_title(catalog):
    numbers = [hz.number for hz in catalog.search("dach")]
    assert numbers[0] == "02"
    assert "03" not in numbers


def test_search_is_case_insensitive_and_folds_sharp_s(catalog):
    assert [hz.number for hz in catalog.search("WALD")][0] == "22"
    assert "03" in [hz.number for hz in catalog.search("strasse")]


def test_search_looks_into_agreements_and_english(catalog):
    # "EGLV" (the Emschergenossenschaft/Lippeverband) only occurs in HZ 19's agreements.
    assert [hz.number for hz in catalog.search("eglv")] == ["19"]
    assert [hz.number for hz in catalog.search("spoil heap", lang="en")] == ["16"]
    assert catalog.search("spoil heap", lang="de") == []
    assert len(catalog.search("  ")) == 27
    assert catalog.search("zzzzqqq") == []


def test_parse_hz_list_reads_the_gi_hz_field(catalog):
    assert [hz.number for hz in parse_hz_list("02,24")] == ["02", "24"]
    assert [hz.number for hz in parse_hz_list(" 24 , 2 ,", catalog)] == ["24", "02"]
    assert [hz.number for hz in parse_hz_list("02,02")] == ["02"]
    assert parse_hz_list("") == [] and parse_hz_list(None) == []


@pytest.mark.parametrize("text", ["02,28", "02,x", "00"])
def test_parse_hz_list_rejects_unknown_numbers(text):
    with pytest.raises(CatalogError, match="Handlungsziel"):
        parse_hz_list(text)


def test_format_hz_list_writes_two_digits_sorted(catalog):
    assert format_hz_list([24, "2", catalog.get("02")]) == "02,24"
    assert format_hz_list(parse_hz_list(format_hz_list(HZ_NUMBERS))) == ",".join(HZ_NUMBERS)


# --- validation of broken copies -----------------------------------------------------------------


def _broken(raw: dict, change) -> dict:
    data = copy.deepcopy(raw)
    change(data)
    return data


def _drop_05(data):
    data["handlungsziele"] = [e for e in data["handlungsziele"] if e["number"] != "05"]


def _duplicate_07(data):
    data["handlungsziele"].append(copy.deepcopy(_entry(data, "07")))


def _empty_title_en_11(data):
    _entry(data, "11")["title_en"] = "  "


def _bad_comparator_22(data):
    _entry(data, "22")["targets"][0]["comparator"] = "gt"


def _text_value_19(data):
    _entry(data, "19")["targets"][0]["value"] = "45"


def _empty_unit_25(data):
    _entry(data, "25")["targets"][0]["unit"] = ""


def _unknown_leitthema_03(data):
    _entry(data, "03")["leitthemen"] = ["II", "VI"]


def _one_digit_number(data):
    _entry(data, "09")["number"] = "9"


def _missing_agreement_translation_04(data):
    _entry(data, "04")["agreements_en"] = _entry(data, "04")["agreements_en"][:1]


def _misspelt_target_key_02(data):
    target = _entry(data, "02")["targets"][0]
    target["comparater"] = target.pop("comparator")


def _empty_leitthema_motto(data):
    data["leitthemen"][3]["motto_en"] = ""


def _missing_leitthema(data):
    data["leitthemen"] = data["leitthemen"][:4]


def _float_year_14(data):
    _entry(data, "14")["targets"][0]["year"] = 2025.5


def _related_without_source(data):
    del data["related_targets"][0]["source"]


def _related_unknown_hz(data):
    data["related_targets"][1]["hz"] = ["02", "30"]


def _note_without_translation_15(data):
    del _entry(data, "15")["notes_en"]


def _progress_not_bool_15(data):
    _entry(data, "15")["targets"][0]["progress"] = "no"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_drop_05, r"missing number\(s\) 05"),
        (_duplicate_07, r"Handlungsziel 07: duplicate number"),
        (_empty_title_en_11, r"Handlungsziel 11: title_en is missing or empty"),
        (_bad_comparator_22, r"Handlungsziel 22, target 1 \(forest_share\): comparator 'gt'"),
        (_text_value_19, r"Handlungsziel 19, target 1 .*value must be a number"),
        (_empty_unit_25, r"Handlungsziel 25, target 1 .*unit is missing or empty"),
        (_unknown_leitthema_03, r"Handlungsziel 03: leitthemen has 'VI'"),
        (_one_digit_number, r"number '9' must be a two-digit string"),
        (
            _missing_agreement_translation_04,
            r"Handlungsziel 04: agreements_de has 2 items but agreements_en has 1",
        ),
        (_misspelt_target_key_02, r"Handlungsziel 02, target 1: missing field\(s\) comparator"),
        (_empty_leitthema_motto, r"Leitthema IV: motto_en is missing or empty"),
        (_missing_leitthema, r"leitthemen: expected each of I, II, III, IV, V exactly once"),
        (_float_year_14, r"Handlungsziel 14, target 1 .*year must be a calendar year"),
        (_related_without_source, r"related target 1: missing field\(s\) source"),
        (_related_unknown_hz, r"related target 2 \(klimawerk_evaporation\): hz must list"),
        (_note_without_translation_15, r"Handlungsziel 15: notes_de has 1 items but notes_en has 0"),
        (_progress_not_bool_15, r"Handlungsziel 15, target 1 .*progress must be true or false"),
    ],
)
def test_broken_copies_raise_catalog_error_naming_the_problem(tmp_path, raw, change, expected):
    path = _write(tmp_path, _broken(raw, change))
    with pytest.raises(CatalogError, match=expected) as info:
        load_catalog(path)
    assert isinstance(info.value, ValueError)
    assert "handlungsziele.json" in str(info.value)


def test_unreadable_or_invalid_json_raises_catalog_error(tmp_path):
    with pytest.raises(CatalogError, match="cannot read"):
        load_catalog(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"source": ', encoding="utf-8")
    with pytest.raises(CatalogError, match="not valid JSON"):
        load_catalog(bad)


def test_a_valid_copy_loads(tmp_path, raw):
    catalog = load_catalog(_write(tmp_path, raw))
    assert catalog.get(22).target("forest_share").value == 25
