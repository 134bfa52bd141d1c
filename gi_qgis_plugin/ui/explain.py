"""Explaining a result: its contract fields, the weights it was scored with (run record first),
the criteria bars (the score formula itself) and its Handlungsziele. Plain functions, no widgets."""

from __future__ import annotations

import datetime
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
)

from ..catalog import CatalogError, load_catalog
from ..contract import CRITERION_PREFIX, criterion_keys
from ..i18n import tr, translate_marked
from ..scoring import record
from ..scoring.common import contributions, contributions_split, weights_from_rows
from ..scoring.spec import ScoringSpec, all_specs, spec_for, spec_for_fields
from .values import as_float, plain


@dataclass(frozen=True)
class ResultSummary:
    score: float | None
    klass: str
    rank: int | None
    hz: str
    flags: str
    reason: str


def result_summary(feature: QgsFeature) -> ResultSummary:
    """The contract fields of one result feature, NULLs as None / ""."""
    names = feature.fields().names()

    def get(name):
        return plain(feature[name]) if name in names else None

    rank = as_float(get("gi_rank"))
    return ResultSummary(
        score=as_float(get("gi_score")),
        klass=str(get("gi_class") or ""),
        rank=int(rank) if rank is not None else None,
        hz=str(get("gi_hz") or ""),
        flags=str(get("gi_flags") or ""),
        reason=str(get("gi_reason") or ""),
    )


def criterion_names(layer_or_fields) -> list[str]:
    """Criterion names (without ``c_``) of a result layer, in field order."""
    fields = layer_or_fields.fields() if hasattr(layer_or_fields, "fields") else layer_or_fields
    return criterion_keys(fields.names())


def run_record_of(layer) -> dict | None:
    """The run record of a result layer: its custom property (set when Processing loaded it),
    else the entry in its layer metadata (saved in a GeoPackage or PostGIS); None for old files."""
    if layer is None:
        return None
    found = record.loads(layer.customProperty(record.PROPERTY)) if hasattr(layer, "customProperty") else None
    if found is None and hasattr(layer, "metadata"):
        found = record.from_history(layer.metadata().history())
    return found


def spec_of(layer, run: Mapping | None = None) -> ScoringSpec | None:
    """The spec of the algorithm that wrote the layer: by the run record's algorithm id, else by
    the signature field that only that algorithm writes; None for a foreign result."""
    spec = spec_for(str(run.get("alg", ""))) if run else None
    if spec is None and layer is not None:
        fields = layer.fields() if hasattr(layer, "fields") else layer
        spec = spec_for_fields(fields.names())
    return spec


def _normalised(weights: Mapping[str, float], criteria: Sequence[str]) -> dict[str, float]:
    total = sum(max(float(weights.get(c, 0.0)), 0.0) for c in criteria)
    return {c: max(float(weights.get(c, 0.0)), 0.0) / total for c in criteria} if total > 0 else {}


def default_weights(criteria: Sequence[str], spec: ScoringSpec | None = None) -> tuple[dict[str, float], bool]:
    """Weights (summing to 1) for ``criteria`` and whether they are the algorithm's defaults.

    The defaults of ``spec`` when it declares every criterion of the layer, else equal weights.
    """
    if not criteria:
        return {}, False
    if spec is not None and all(c in spec.keys for c in criteria):
        weights = _normalised(spec.default_weights(), criteria)
        if weights:
            return weights, True
    return {c: 1.0 / len(criteria) for c in criteria}, False


def weights_from_results(layer, criteria: Sequence[str], max_rows: int = 5000) -> dict[str, float] | None:
    """The weights a result was scored with, recovered from its own rows (old files without a
    run record): ``scoring.common.weights_from_rows`` over up to ``max_rows`` features.

    gi_score = 100 × Σ w·c / Σ w over the criteria, so on the scored features that have every
    criterion the normalised weights solve a linear least-squares problem. Returns None when
    there are too few such features or the fit is not exact (the layer was edited, or is not a
    gi result).
    """
    import numpy as np

    criteria = list(criteria)
    if not criteria:
        return None
    fields = layer.fields()
    names = ["gi_score"] + [CRITERION_PREFIX + c for c in criteria]
    idx = [fields.lookupField(n) for n in names]
    if min(idx) < 0:
        return None
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(idx)
    request.setLimit(max_rows)
    rows = [[as_float(f.attribute(i)) for i in idx] for f in layer.getFeatures(request)]
    data = np.array([[np.nan if v is None else v for v in r] for r in rows], dtype=float).reshape(-1, len(idx))
    return weights_from_rows(data[:, 0], {c: data[:, k + 1] for k, c in enumerate(criteria)})


def layer_weights(layer, criteria: Sequence[str]) -> tuple[dict[str, float], str]:
    """The weights to explain ``layer`` with (summing to 1) and a note that says where they come
    from: the run record, else the result's own rows, else the algorithm's defaults, else equal."""
    run = run_record_of(layer)
    weights = _normalised(record.weights_of(run, criteria) or {}, criteria)
    if weights:
        return weights, tr("Weights from this result's run record ({alg}, {date}).").format(
            alg=run.get("alg", ""), date=str(run.get("date", ""))[:10])
    weights = weights_from_results(layer, criteria)
    if weights:
        return weights, tr("Weights as recovered from this result's own scores.")
    weights, from_spec = default_weights(criteria, spec_of(layer, run))
    if from_spec:
        return weights, tr("The weights could not be recovered from this result; shown with the default weights of the algorithm.")
    return weights, tr("The weights could not be recovered from this result; shown with equal weights.")


@dataclass(frozen=True)
class Bar:
    criterion: str
    value: float | None  # 0–1 normalised criterion, None when unknown for this feature
    weight: float  # 0–1: the criterion's share of the weights of the criteria known here
    points: float | None  # the criterion's points of this feature's 0–100 score
    label: str = ""


def need_share_of(run: Mapping | None) -> float | None:
    """NEED_SHARE of the run that wrote a result (None: its score is a plain weighted mean)."""
    params = (run or {}).get("parameters") or {}
    value = params.get("NEED_SHARE")
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def criteria_bars(feature: QgsFeature, weights: Mapping[str, float] | None = None,
                  spec: ScoringSpec | None = None, need_share: float | None = None) -> list[Bar]:
    """One bar per c_* field of ``feature``: its points of the score (``common.contributions``,
    the score formula itself: renormalised over the criteria known for this feature, so the
    points add up to gi_score). A result whose score combines gi_suit and gi_need
    (``need_share`` given, e.g. gi:flatroofs) is split by ``common.contributions_split``."""
    import numpy as np

    criteria = criterion_names(feature.fields())
    if weights is None:
        weights, _ = default_weights(criteria, spec)
    values = {c: as_float(feature[CRITERION_PREFIX + c]) for c in criteria}
    arrays = {c: np.array([np.nan if v is None else v]) for c, v in values.items()}
    groups = None
    names = feature.fields().names()
    if spec is not None and need_share is not None and "gi_suit" in names and "gi_need" in names:
        groups = {g: spec.group_keys(g) for g in ("suit", "need")}
    points = contributions_split(arrays, weights, groups, need_share) if groups else contributions(arrays, weights)
    known = _normalised(weights, [c for c in criteria if values[c] is not None])
    every = _normalised(weights, criteria)
    bars = []
    for c in criteria:
        value = values[c]
        if value is None:
            bars.append(Bar(c, None, every.get(c, 0.0), None, criterion_label(c, spec)))
        else:
            pts = float(points[c][0]) if c in points else 0.0
            bars.append(Bar(c, value, known.get(c, 0.0), pts, criterion_label(c, spec)))
    return bars


def criterion_label(name: str, spec: ScoringSpec | None = None) -> str:
    """The criterion's label from the spec that declares it (the layer's own spec first)."""
    specs = ([spec] if spec is not None else []) + [s for s in all_specs() if s is not spec]
    for s in specs:
        if name in s.keys:
            label = translate_marked(s.criterion(name).label)
            return label[:1].upper() + label[1:]
    return name


def linked_handlungsziele(gi_hz: str | None) -> list:
    """The Handlungsziele named in a gi_hz value, skipping unknown numbers (never raises)."""
    catalog = load_catalog()
    out = []
    for token in (gi_hz or "").split(","):
        if not token.strip():
            continue
        try:
            hz = catalog.get(token)
        except CatalogError:
            continue
        if hz not in out:
            out.append(hz)
    return out



def hz_html(hzs: Sequence, lang: str) -> str:
    """Title, agreements and targets of Handlungsziele as simple rich text."""
    if not hzs:
        return "<i>" + html.escape(tr("No Handlungsziel linked.")) + "</i>"
    parts = []
    for hz in hzs:
        parts.append(f"<p><b>HZ {hz.number} – {html.escape(hz.title(lang))}</b></p>")
        items = "".join(f"<li>{html.escape(a)}</li>" for a in hz.agreements(lang))
        parts.append(f"<ul style='margin-left:-20px'>{items}</ul>")
        parts.append(targets_html(hz, lang))
    return "".join(parts)


def targets_html(hz, lang: str, current_year: int | None = None) -> str:
    """The strategy's targets of one Handlungsziel with their notes, its footnotes, and the
    external targets shown next to it (labelled as not part of the strategy)."""
    year = current_year or datetime.date.today().year
    ul = "<ul style='margin-left:-20px'>"
    parts = []
    if hz.targets:
        items = []
        for t in hz.targets:
            text = html.escape(t.describe(lang))
            if t.is_overdue(year):
                text += " – <i>" + html.escape(tr("deadline passed, status unknown")) + "</i>"
            if t.note(lang):
                text += f"<br/><small>{html.escape(t.note(lang))}</small>"
            items.append(f"<li>{text}</li>")
        parts.append(f"<p>{html.escape(tr('Targets:'))}</p>{ul}{''.join(items)}</ul>")
    if hz.notes(lang):
        items = "".join(f"<li><small>{html.escape(n)}</small></li>" for n in hz.notes(lang))
        parts.append(f"<p>{html.escape(tr('Notes:'))}</p>{ul}{items}</ul>")
    related = load_catalog().related_to(hz.number)
    if related:
        items = "".join(
            f"<li>{html.escape(t.describe(lang))}<br/><small>{html.escape(t.source)}</small></li>" for t in related
        )
        parts.append(f"<p>{html.escape(tr('Related regional targets (not part of the strategy):'))}</p>{ul}{items}</ul>")
    return "".join(parts)


