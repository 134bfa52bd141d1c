"""Help of the scoring algorithms, built from short sections (each its own translation unit).

Shared sections (criteria heading, missing data, outputs, CRS) are written once here; an
algorithm gives its introduction, one item per criterion, and its own sections. Defaults are
formatted in from the spec and the constants (``{weight}``, ``{min_area}`` …), never typed as
literals, so help and code cannot drift apart. Numbers use the decimal separator of the UI.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..contract import CLASS_BREAKS
from ..i18n import language, tr, translate_marked
from ..scoring.reasons import number
from ..scoring.spec import ScoringSpec


def decimal() -> str:
    return "," if language() == "de" else "."


def num(value: float) -> str:
    """A default for the help text ("0.25", "0,25"; "10", not "10.0")."""
    return number(value, decimal())


def criteria_section(spec: ScoringSpec, items: Mapping[str, str]) -> str:
    """The list of criteria with their default weights; ``items`` key -> the criterion's text
    (already translated and formatted), else the spec's one-sentence help."""
    if spec.score_rule == "suit_need":
        head = tr("<p><b>Criteria</b> (each 0–1; default weight in brackets; suitability and need, combined as the "
                  "score section says)</p>")
    else:
        head = tr("<p><b>Criteria</b> (each 0–1; gi_score = weighted mean × 100; default weight in brackets)</p>")
    rows = []
    for c in spec.criteria:
        text = items.get(c.key) or translate_marked(c.help)
        rows.append(f"<li><b>{c.field}</b> ({num(c.default_weight)}): {text}</li>")
    return head + "<ul>" + "".join(rows) + "</ul>"


def missing_data_section() -> str:
    return tr(
        "<p>A criterion whose layer is not given, does not overlap or holds only nodata is left out and the "
        "weights are renormalised; a warning names it. Where a single feature has no value (nodata), the "
        "weights are renormalised for that feature and a flag says so (heat_nodata, rain_nodata). All weights "
        "and the values marked as the plugin's choice are assumptions: adjust them to your city.</p>")


def outputs_section(domain_fields: str, breaks: Sequence[float] = CLASS_BREAKS) -> str:
    """The contract fields, then the algorithm's own (``domain_fields``, translated)."""
    a, b, c = (num(x) for x in breaks)
    return tr(
        "<p><b>Outputs</b>: the input fields plus gi_score (0–100), gi_class (A ≥ {a}, B ≥ {b}, C ≥ {c}, D, X), "
        "gi_rank (1 = first), gi_hz, gi_flags, gi_reason, the c_* of the criteria used, {fields}, written in the "
        "order of the input (sort by gi_rank for the priority list). The output RUN_INFO and the layer's "
        "metadata keep the run record: algorithm, plugin version, date, every parameter and the weights.</p>"
    ).format(a=a, b=b, c=c, fields=domain_fields)


def stability_section() -> str:
    """Rank stability, shared by every scoring algorithm (STAB_DRAWS, STAB_SPREAD)."""
    return tr(
        "<p><b>How robust is a priority?</b> The weights are a choice. With STAB_DRAWS above 0 the result is "
        "scored again with that many other weightings around the chosen one (STAB_SPREAD sets how far they vary) "
        "and tells per feature: gi_stab, the share of weightings in which it keeps its class (0.8 and more: a "
        "robust priority; less: its class depends on the weighting), and gi_rank_lo – gi_rank_hi, the ranks it "
        "takes in the middle 80 % of the weightings (rank 12 with a band of 8–19: first 20 under most "
        "weightings). Excluded features get NULL. 0 switches it off.</p>")


def input_section() -> str:
    return tr("<p>The input layer is never changed; a layer in geographic coordinates, or in a CRS whose scale "
              "is off by more than 1 % there (Web Mercator), is processed and written in its UTM zone. Canceling "
              "or an error leaves no partial output and keeps an earlier file of the same name; the output must "
              "not be one of the input files.</p>"
              "<p><b>Messy data</b>: curved geometries are converted to straight segments, geometry collections "
              "keep their polygonal (for lines: linear) parts; features with coordinates far outside the CRS's "
              "area of use, implausibly large values and numbers such as '1.000' (1 or 1000?) are not used, each "
              "with a warning and a count. Columns of an earlier result (gi_*, c_*) are not carried over. Field "
              "names the output format cannot keep (fid, geom, names differing only in case, the 10 characters "
              "of a Shapefile) are renamed with a warning. A layer without usable polygons is ignored as if not "
              "given. Weights above 1000 are refused. These bounds are the plugin's assumptions.</p>")


def scoring_help(spec: ScoringSpec, intro: str, criteria: Mapping[str, str], middle: Sequence[str],
                 domain_fields: str, end: Sequence[str] = ()) -> str:
    """intro, criteria, missing data, ``middle`` (exclusions …), outputs, ``end``, input."""
    return "".join([intro, criteria_section(spec, criteria), missing_data_section(), *middle,
                    outputs_section(domain_fields, spec.class_breaks), stability_section(), *end, input_section()])
