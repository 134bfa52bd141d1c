"""Text folding, yes/no values and field names (scoring/values.py): no QGIS needed."""

from __future__ import annotations

import numpy as np

from gi_qgis_plugin.scoring import values


def test_fold_spells_out_umlauts_and_blanks_underscores():
    assert values.fold("Sehr_Ungünstig ") == values.fold("sehr  unguenstig") == "sehr unguenstig"
    assert values.fold("Favorable") == "favourable" and values.fold(None) == ""
    assert values.fold_case("Stadtbäume") == "stadtbaeume" and values.fold_case("Stadtbäume", bare=True) == "stadtbaume"


def test_detect_field_is_exact_and_guess_field_is_a_substring_match():
    names = ["id", "Wärme_Klasse", "heat_note", "HEAT_CLASS"]
    assert values.detect_field(names, ("heat_class", "heat")) == "HEAT_CLASS"  # exact, case-insensitive
    assert values.detect_field(names, ("waerme",)) is None
    assert values.guess_field(names, ("waerme", "heat")) == "Wärme_Klasse"  # folded substring, word order first
    assert values.guess_field(names, ("heat",), allowed=[True, True, False, True]) == "HEAT_CLASS"


def test_as_text_and_truthy():
    assert values.as_text(np.array([1.0, 2.5, np.nan])).tolist() == ["1", "2.5", None]
    val, known = values.truthy(np.array(["ja", "Nein", None, "x", "vielleicht"], dtype=object))
    assert val.tolist() == [True, False, False, True, False]
    assert known.tolist() == [True, True, False, True, False]
