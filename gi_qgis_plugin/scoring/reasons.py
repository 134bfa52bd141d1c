"""``gi_reason``: one short sentence per feature from text fragments, vectorised.

A domain module declares its fragments once as ``N_``-marked English templates (``TEXTS``),
the processing side translates them (``i18n.translate_marked``) and passes them with the
decimal separator of the UI language as :class:`Texts`. Building a column is then a few numpy
assignments per fragment. A fragment column can be :class:`Coded` (a code per feature into a
table of texts, numbers formatted once per distinct value): coded columns are joined per
distinct combination of texts (:func:`join_coded`), not per feature; other columns with one
``str.join`` per feature.
"""

from __future__ import annotations

import math
import operator
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


def _split(template: str, key: str, consts: Mapping[str, object]) -> tuple[str, str | None]:
    """(text before the value, text after it) of a template with one value ``{key}``; (the text,
    None) when it has no such placeholder or does not format (then used as it is)."""
    sentinel = "\x00"
    try:
        text = template.format(**consts, **{key: sentinel})
    except (KeyError, IndexError, ValueError):
        text = template
    if sentinel in text:
        pre, post = text.split(sentinel, 1)
        return pre, post
    return text, None


def fill(template: str, key: str, values: np.ndarray, mask: np.ndarray, out: np.ndarray, **consts) -> None:
    """out[mask] = template with {key} replaced by values[mask] (object array of str)."""
    pre, post = _split(template, key, consts)
    if not mask.any():
        return
    if post is not None:
        out[mask] = pre + values[mask] + post
    else:
        out[mask] = pre


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


def distinct(numbers: np.ndarray) -> tuple[list[int], np.ndarray]:
    """(the distinct values in ascending order, the index of each element's value among them) of
    an int64 array: a presence table over the range when it is dense, else ``np.unique``."""
    numbers = np.asarray(numbers, dtype=np.int64)
    if numbers.size == 0:
        return [], np.zeros(0, dtype=np.int64)
    lo, hi = int(numbers.min()), int(numbers.max())
    if hi - lo <= 2 * numbers.size + 4096:
        offset = numbers - lo
        present = np.zeros(hi - lo + 1, bool)
        present[offset] = True
        values = np.flatnonzero(present)
        position = np.zeros(hi - lo + 1, dtype=np.int64)
        position[values] = np.arange(values.size)
        return (values + lo).tolist(), position[offset]
    values, inverse = np.unique(numbers, return_inverse=True)
    return values.tolist(), inverse.reshape(-1).astype(np.int64, copy=False)


def per_value(numbers: np.ndarray, fmt: Callable[[int], str]) -> np.ndarray:
    """``fmt(number)`` per element of an int64 array (object array of str), called once per
    distinct number."""
    values, inverse = distinct(numbers)
    table = np.empty(len(values), dtype=object)
    table[:] = [fmt(v) for v in values]
    return table[inverse]


class Coded:
    """A fragment column as a code per feature into a table of texts (code 0 = "", no fragment).

    The same assignments as on an object array of str (later ones win), but a text is stored once
    per distinct value, and :func:`join_fragments` joins coded columns per distinct combination
    of texts instead of per feature."""

    def __init__(self, n: int):
        self.codes = np.zeros(n, dtype=np.int64)
        self.texts: list[str] = [""]
        self._code: dict[str, int] = {"": 0}

    def code(self, text: str) -> int:
        if text not in self._code:
            self._code[text] = len(self.texts)
            self.texts.append(text)
        return self._code[text]

    def put(self, mask: np.ndarray, text: str) -> None:
        """As ``f[mask] = text``."""
        self.codes[mask] = self.code(text)

    def put_each(self, template: str, key: str, numbers: np.ndarray, fmt: Callable[[int], str], mask: np.ndarray,
                 **consts) -> None:
        """As :func:`fill` with ``values`` = ``fmt(number)`` per feature (``numbers``: int64, e.g.
        :func:`whole` or :func:`cents`), each text built once per distinct number."""
        pre, post = _split(template, key, consts)
        mask = np.asarray(mask, bool)
        if not mask.any():
            return
        if post is None:
            self.put(mask, pre)
            return
        values, inverse = distinct(np.asarray(numbers, dtype=np.int64)[mask])
        base = len(self.texts)
        self.texts.extend(pre + fmt(v) + post for v in values)  # not in ``_code``: a repeated text is harmless
        self.codes[mask] = base + inverse

    def strings(self) -> np.ndarray:
        """The object array of str."""
        table = np.empty(len(self.texts), dtype=object)
        table[:] = self.texts
        return table[self.codes]


def const(template: str, **consts) -> str:
    """The template with its placeholders filled (unchanged if a placeholder is missing)."""
    try:
        return template.format(**consts)
    except (KeyError, IndexError, ValueError):
        return template


def whole(values: np.ndarray) -> np.ndarray:
    """Whole numbers (int64) of :func:`int_text`: rounded; NaN and inf as 0."""
    v = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0, posinf=0.0, neginf=0.0)
    return np.round(v).astype(np.int64)


def cents(values: np.ndarray) -> np.ndarray:
    """Hundredths (int64, at least 0) of :func:`dec2_text`; NaN as 0."""
    c = np.round(np.nan_to_num(np.asarray(values, dtype=float), nan=0.0) * 100).astype(np.int64)
    return np.maximum(c, 0)


def dec2(decimal: str) -> Callable[[int], str]:
    """The text of a number of :func:`cents` with two decimals ("0.18", "0,18")."""
    return lambda c: f"{c // 100}{decimal}{c % 100:02d}"


def int_text(values: np.ndarray) -> np.ndarray:
    """Whole numbers as text per feature ("12"); NaN and inf as "0"."""
    return per_value(whole(values), str)


def dec2_text(values: np.ndarray, decimal: str) -> np.ndarray:
    """Two decimals ("0.18", "0,18") per feature, each distinct value formatted once."""
    return per_value(cents(values), dec2(decimal))


def number(value: float, decimal: str = ".") -> str:
    """One parameter value for a sentence ("0.5" or "0,5"; "10", not "10.0")."""
    return f"{value:g}".replace(".", decimal)


def join_fragments(fragments: Sequence[np.ndarray | Coded], n: int, sep: str = "; ", tick=None) -> np.ndarray:
    """Join per-feature text fragments (object arrays, "" = none, or :class:`Coded`) with ``sep``.

    Coded fragments only: see :func:`join_coded`. Otherwise one ``str.join`` per feature over
    the fragments that are used at all, in chunks: three times faster than concatenating whole
    columns fragment by fragment (no intermediate strings)."""
    if fragments and all(isinstance(f, Coded) for f in fragments):
        return join_coded(fragments, n, sep, tick)
    fragments = [f.strings() if isinstance(f, Coded) else f for f in fragments]
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


def join_coded(fragments: Sequence[Coded], n: int, sep: str = "; ", tick=None) -> np.ndarray:
    """Join coded fragment columns with ``sep``, as :func:`join_fragments` does, per distinct
    combination instead of per feature.

    Neighbouring columns are merged into one coded column (a code per combination that occurs,
    its text joined once) as long as the combinations stay few; the merged groups (one or a few,
    where several columns each hold many numbers) are then concatenated feature by feature in C
    (``map``), with the separator taken from a second table where an earlier group has a text."""
    out = np.full(n, "", dtype=object)
    cols = [(f.codes, f.texts) for f in fragments if any(f.texts[1:]) and f.codes.any()]
    if not cols or n == 0:
        return out
    groups = [cols[0]]
    for col in cols[1:]:
        merged = _merge(groups[-1], col, sep, n)
        if merged is None:
            groups.append(col)
        else:
            groups[-1] = merged
        if tick is not None:
            tick(0.5 * len(groups) / len(cols))
    sizes = [len(texts) for _, texts in groups]
    if len(groups) == 1:
        table = np.empty(sizes[0], dtype=object)
        table[:] = groups[0][1]
        out[:] = table[groups[0][0]]
    elif math.prod(sizes) < 1 << 62:
        # the combinations of the groups' codes that occur: joined once each, then looked up
        key = groups[0][0].copy()
        for (codes, _), size in zip(groups[1:], sizes[1:]):
            key *= size
            key += codes
        combos, inverse = np.unique(key, return_inverse=True)
        parts = []
        for size in reversed(sizes):
            parts.append(combos % size)
            combos //= size
        joined = _concat([(codes, texts) for codes, (_, texts) in zip(reversed(parts), groups)], sep)
        table = np.empty(len(joined), dtype=object)
        table[:] = joined
        out[:] = table[inverse.reshape(-1)]
    else:
        out[:] = _concat(groups, sep)
    if tick is not None:
        tick(1.0)
    return out


def _concat(groups: Sequence[tuple[np.ndarray, list[str]]], sep: str) -> list[str]:
    """Row by row, the texts of the coded groups joined with ``sep`` (one ``map`` per group, in C)."""
    codes, texts = groups[0]
    table = np.empty(len(texts), dtype=object)
    table[:] = texts
    rows = table[codes].tolist()
    before = np.array([bool(t) for t in texts])[codes]  # an earlier group has a text
    for codes, texts in groups[1:]:
        table = np.empty(2 * len(texts), dtype=object)
        table[:] = texts + [sep + t if t else "" for t in texts]
        rows = list(map(operator.add, rows, table[codes + len(texts) * before].tolist()))
        before |= np.array([bool(t) for t in texts])[codes]
    return rows


def _merge(x: tuple[np.ndarray, list[str]], y: tuple[np.ndarray, list[str]], sep: str, n: int):
    """One coded column for two neighbouring ones, or None when their combinations are too many
    (more than an eighth of the features) or their code space too large for a presence table."""
    (cx, tx), (cy, ty) = x, y
    ny = len(ty)
    space = len(tx) * ny
    if space > max(4 * n, 1 << 16):
        return None
    combined = cx * ny + cy
    present = np.zeros(space, bool)
    present[combined] = True
    ids = np.flatnonzero(present)
    if ids.size > max(n // 8, 1024):
        return None
    texts = []
    for i in ids.tolist():
        a, b = tx[i // ny], ty[i % ny]
        texts.append(a + sep + b if a and b else a or b)
    position = np.zeros(space, dtype=np.int64)
    position[ids] = np.arange(ids.size)
    return position[combined], texts


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
