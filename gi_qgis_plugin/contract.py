"""The output contract of every scoring algorithm (DESIGN.md §3), in one place (no Qt, no qgis).

Used by the writer (``processing/scoring_base.py``), the scoring core (``scoring/common.py``:
class breaks), the styles (``styles.py``) and the dock (``ui/``: which layers are results).
"""

from __future__ import annotations

from collections.abc import Iterable

# (field, type) of the contract fields every scoring output carries, in output order.
RESULT_FIELD_TYPES: tuple[tuple[str, str], ...] = (
    ("gi_score", "double"),  # 0–100, higher = act first; NULL where excluded
    ("gi_class", "text"),  # A–D, X = excluded / not suitable
    ("gi_rank", "int"),  # 1 = highest score of the run; NULL where excluded
    ("gi_hz", "text"),  # Handlungsziel numbers, two digits, comma-separated
    ("gi_flags", "text"),  # machine codes of exclusions and caveats
    ("gi_reason", "text"),  # the same in words, in the UI language
)
RESULT_FIELDS: tuple[str, ...] = tuple(name for name, _ in RESULT_FIELD_TYPES)
# Rank stability (scoring/stability.py), after gi_reason when the run computed it (STAB_DRAWS > 0):
STABILITY_FIELD_TYPES: tuple[tuple[str, str], ...] = (
    ("gi_stab", "double"),  # share 0–1 of the weight variants in which the feature keeps its class; NULL where excluded
    ("gi_rank_lo", "int"),  # 10th percentile of its rank over the variants (best plausible); NULL where excluded
    ("gi_rank_hi", "int"),  # 90th percentile (worst plausible); NULL where excluded
)
CRITERION_PREFIX = "c_"  # c_<criterion>: 0–1 before weighting
SUB_SCORES = ("gi_suit", "gi_need")  # where an algorithm separates suitability and need

# Class breaks on the 0–100 score. Equal quarters: a transparent default that a council paper can
# state in one sentence ("A = score 75 and more"); not a published threshold.
CLASS_BREAKS = (75.0, 50.0, 25.0)
CLASS_LABELS = ("A", "B", "C", "D")
EXCLUDED = "X"


def class_ranges(breaks: tuple[float, ...] = CLASS_BREAKS) -> tuple[tuple[float, float, str], ...]:
    """(low, high, class) per class A–D on the 0–100 score: ``(75, 100, "A") … (0, 25, "D")``;
    ``breaks``: an algorithm's own lowest scores of A, B and C (its spec's ``class_breaks``)."""
    bounds = (100.0, *breaks, 0.0)
    return tuple((bounds[i + 1], bounds[i], CLASS_LABELS[i]) for i in range(len(CLASS_LABELS)))


def is_result_fields(names: Iterable[str]) -> bool:
    """True when ``names`` hold every contract field: the layer is a scoring result."""
    have = set(names)
    return all(f in have for f in RESULT_FIELDS)


def criterion_keys(names: Iterable[str]) -> list[str]:
    """The criterion keys (without ``c_``) among field ``names``, in their order."""
    return [n[len(CRITERION_PREFIX):] for n in names if n.startswith(CRITERION_PREFIX)]
