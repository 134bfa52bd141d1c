"""``gi_reason``: one short sentence per feature from text fragments, vectorised.

A domain module declares its fragments once as ``N_``-marked English templates (``TEXTS``),
the processing side translates them (``i18n.translate_marked``) and passes them with the
decimal separator of the UI language as :class:`Texts`. Building a column is then a few numpy
assignments per fragment, and the join is one ``str.join`` per feature.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Texts:
    """Reason templates (already translated) and the decimal separator to write numbers with."""

    templates: Mapping[str, str] = field(default_factory=dict)
    decimal: str = "."

    def __getitem__(self, key: str) -> str:
        return self.templates[key]

    def get(self, key: str, default: str = "") -> str:
        return self.templates.get(key, default)


def empty(n: int) -> np.ndarray:
    """A fragment column without text ("" = no fragment for that feature)."""
    return np.full(n, "", dtype=object)


def fill(template: str, key: str, values: np.ndarray, mask: np.ndarray, out: np.ndarray, **consts) -> None:
    """out[mask] = template with {key} replaced by values[mask] (object array of str)."""
    sentinel = "\x00"
    try:
        text = template.format(**consts, **{key: sentinel})
    except (KeyError, IndexError, ValueError):
        text = template
    if not mask.any():
        return
    if sentinel in text:
        pre, post = text.split(sentinel, 1)
        out[mask] = pre + values[mask] + post
    else:
        out[mask] = text


def fill_many(template: str, values: Mapping[str, np.ndarray], mask: np.ndarray, out: np.ndarray) -> None:
    """out[mask] = template with several {placeholders} filled per feature (object arrays of str),
    in whatever order a translation puts them; a template that does not format is used as it is."""
    if not mask.any():
        return
    keys = list(values)
    try:
        text = template.format(**{k: f"\x00{i}\x00" for i, k in enumerate(keys)})
    except (KeyError, IndexError, ValueError):
        out[mask] = template
        return
    pieces = re.split("\x00(\\d+)\x00", text)
    acc = np.full(int(mask.sum()), pieces[0], dtype=object)
    for j in range(1, len(pieces), 2):
        acc = acc + np.asarray(values[keys[int(pieces[j])]], dtype=object)[mask] + pieces[j + 1]
    out[mask] = acc


def const(template: str, **consts) -> str:
    """The template with its placeholders filled (unchanged if a placeholder is missing)."""
    try:
        return template.format(**consts)
    except (KeyError, IndexError, ValueError):
        return template


def int_text(values: np.ndarray) -> np.ndarray:
    """Whole numbers as text per feature ("12"); NaN and inf as "0"."""
    v = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0, posinf=0.0, neginf=0.0)
    return np.round(v).astype(np.int64).astype(str).astype(object)


def dec2_text(values: np.ndarray, decimal: str) -> np.ndarray:
    """Two decimals ("0.18", "0,18") built from integers, so no per-feature formatting loop."""
    cents = np.round(np.nan_to_num(np.asarray(values, dtype=float), nan=0.0) * 100).astype(np.int64)
    cents = np.maximum(cents, 0)
    whole = (cents // 100).astype(str).astype(object)
    frac = np.char.zfill((cents % 100).astype(str), 2).astype(object)
    return whole + decimal + frac


def number(value: float, decimal: str = ".") -> str:
    """One parameter value for a sentence ("0.5" or "0,5"; "10", not "10.0")."""
    return f"{value:g}".replace(".", decimal)


def join_fragments(fragments: Sequence[np.ndarray], n: int, sep: str = "; ", tick=None) -> np.ndarray:
    """Join per-feature text fragments (object arrays, "" = none) with ``sep``.

    One ``str.join`` per feature over the fragments that are used at all, in chunks: three times
    faster than concatenating whole columns fragment by fragment (no intermediate strings)."""
    used = [f for f in fragments if (f != "").any()]
    out = np.full(n, "", dtype=object)
    step = 200_000
    for start in range(0, n, step):
        if tick is not None:
            tick(start / max(n, 1))
        cols = [f[start:start + step].tolist() for f in used]
        if cols:
            out[start:start + step] = [sep.join([x for x in row if x]) for row in zip(*cols)]
    return out


def build(parts: Sequence[Callable[[], np.ndarray | None]], n: int, tick=None) -> np.ndarray:
    """Call each part (a fragment column, or None when it has nothing to say), then join them.

    ``tick`` (optional) gets 0–1: the first half over the parts, the second over the join; text
    for a million features takes seconds, and a caller must be able to report and cancel.
    """
    fragments = []
    for i, part in enumerate(parts):
        f = part()
        if f is not None:
            fragments.append(f)
        if tick is not None:
            tick(0.5 * (i + 1) / len(parts))
    return join_fragments(fragments, n, tick=None if tick is None else (lambda x: tick(0.5 + 0.5 * x)))
