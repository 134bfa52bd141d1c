"""Declarations of the scoring algorithms: one place for each criterion's identity.

A scoring domain module (``scoring/roofs.py``, ``scoring/streets.py`` …) declares one
:class:`ScoringSpec` named ``SPEC``. Everything else is generated from it or reads it:

- the ``W_<KEY>`` weight parameters, their labels, help and defaults (processing),
- the warning that names a criterion left out for lack of data (processing),
- the inspector's chart labels and the default weights of an old result file (ui),
- the signature field by which a result layer is recognised without its run record (ui),
- the style kind of a result (styles.py).

Texts are English source strings marked with :func:`N_`; they are translated where they are
shown (``i18n.translate_marked``), so the catalogue holds each text once.

No qgis imports here (guarded by ``tests/test_import_boundaries.py``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..contract import CLASS_BREAKS


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark for translation"
    """Mark a literal for the translation catalogue without translating it here.

    ``tools/i18n.py`` extracts ``N_("…")`` literals like ``tr("…")`` ones.
    """
    return text


SUITABILITY = "suit"
NEED = "need"


@dataclass(frozen=True)
class Criterion:
    """One criterion of a scoring algorithm: ``c_<key>`` in the output, ``W_<KEY>`` as a weight."""

    key: str
    default_weight: float
    label: str  # short, English, N_-marked ("roof slope")
    help: str = ""  # one sentence on the normalisation and its source, N_-marked
    hz: tuple[str, ...] = ()  # Handlungsziele this criterion serves
    group: str = NEED  # SUITABILITY (can it be done here) or NEED (does the place need it)

    @property
    def field(self) -> str:
        return f"c_{self.key}"

    @property
    def weight_param(self) -> str:
        return f"W_{self.key.upper()}"


@dataclass(frozen=True)
class ExtraField:
    """A domain output field beside the contract fields (``greenable_m2``, ``tree_gap`` …)."""

    name: str
    type: str  # "double" | "int" | "text"
    label: str  # N_-marked
    unit: str = ""


@dataclass(frozen=True)
class Measured:
    """Progress towards a catalogue target, measured on a result's own rows."""

    done: float  # e.g. green flat roof area, m²
    total: float  # e.g. all flat roof area, m²
    scope_only: bool = False  # counted inside the target area only

    @property
    def share_percent(self) -> float:
        return 100.0 * self.done / self.total if self.total > 0 else 0.0


@dataclass(frozen=True)
class TargetMeasure:
    """How an algorithm's output measures a catalogue target (the dock's progress tile).

    ``measure(columns, areas)`` gets the output fields named in ``fields`` as arrays (None for a
    field the layer lacks) and each feature's own area in m², and returns a :class:`Measured`.
    """

    hz: str  # "02"
    target: str  # target id in resources/handlungsziele.json ("green_flat_roofs")
    label: str  # N_-marked ("Green flat roofs")
    fields: tuple[str, ...]
    measure: Callable[[Mapping[str, np.ndarray | None], np.ndarray], Measured]


@dataclass(frozen=True)
class ScoringSpec:
    """What a scoring algorithm is, declared once."""

    alg_id: str  # "flatroofs" (the Processing id without the provider prefix)
    title: str  # N_-marked ("Roofs for greening")
    criteria: tuple[Criterion, ...]
    signature_field: str  # an output field only this algorithm writes (recognises old files)
    exclusions: tuple[str, ...] = ()  # flag codes that exclude a feature (class X), in order
    caveats: tuple[str, ...] = ()  # flag codes that only inform, in order
    extra_fields: tuple[ExtraField, ...] = ()
    geometry: str = "polygon"  # "polygon" | "line": the style kind of the result
    category_field: str = ""  # a categorical output field styled by category (brownfields)
    feature_label: str = N_("feature")  # N_-marked singular noun for messages ("roof")
    targets: tuple[str, ...] = ()  # catalogue target ids this algorithm's outputs measure
    flag_labels: Mapping[str, str] = field(default_factory=dict)  # code -> N_-marked words
    # values of ``category_field`` -> (N_-marked label, colour): the result's category style
    categories: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    measures: tuple[TargetMeasure, ...] = ()  # catalogue targets its outputs measure (dock)
    class_breaks: tuple[float, float, float] = CLASS_BREAKS  # lowest score of A, B, C
    # "mean": gi_score = weighted mean of the criteria; "suit_need": the weighted geometric mean
    # of gi_suit and gi_need (common.combine_suit_need)
    score_rule: str = "mean"

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.criteria)

    def criterion(self, key: str) -> Criterion:
        for c in self.criteria:
            if c.key == key:
                return c
        raise KeyError(key)

    def default_weights(self) -> dict[str, float]:
        return {c.key: c.default_weight for c in self.criteria}

    def weight_params(self) -> dict[str, str]:
        """criterion key -> parameter name (``slope`` -> ``W_SLOPE``)."""
        return {c.key: c.weight_param for c in self.criteria}

    def group_keys(self, group: str) -> tuple[str, ...]:
        return tuple(c.key for c in self.criteria if c.group == group)

    def score_groups(self) -> dict[str, tuple[str, ...]] | None:
        """Suitability and need criteria for gi_suit / gi_need, when the spec separates them."""
        suit, need = self.group_keys(SUITABILITY), self.group_keys(NEED)
        return {SUITABILITY: suit, NEED: need} if suit and need else None


def _domain_modules() -> Iterable[str]:
    from . import __path__ as pkg_path

    for info in pkgutil.iter_modules(pkg_path):
        if not info.name.startswith("_"):
            yield f"{__package__}.{info.name}"


@lru_cache(maxsize=1)
def all_specs() -> tuple[ScoringSpec, ...]:
    """Every ``SPEC`` declared by a module of ``scoring/``: adding a domain module registers it."""
    specs = []
    for name in _domain_modules():
        module = importlib.import_module(name)
        spec = getattr(module, "SPEC", None)
        if isinstance(spec, ScoringSpec):
            specs.append(spec)
    return tuple(sorted(specs, key=lambda s: s.alg_id))


def spec_for(alg_id: str) -> ScoringSpec | None:
    """The spec of ``alg_id`` (``flatroofs`` or ``gi:flatroofs``), or None."""
    key = alg_id.split(":", 1)[-1]
    return next((s for s in all_specs() if s.alg_id == key), None)


def spec_for_fields(names: Iterable[str]) -> ScoringSpec | None:
    """The spec whose signature field is among ``names`` (a result file without run record)."""
    have = {n.lower() for n in names}
    return next((s for s in all_specs() if s.signature_field.lower() in have), None)
