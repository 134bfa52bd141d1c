"""Array work in slices on all cores: GEOS (shapely 2) and GDAL release the GIL, so a million
geometries parse, validate or get a point in about half the time on two cores; the calling
thread reports progress and answers a cancel between slices."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

import numpy as np

from ..scoring.progress import Canceled, Progress


def workers() -> int:
    """Threads for array work: the machine's cores (at most 8)."""
    return max(1, min(os.cpu_count() or 1, 8))


def map_slices(func: Callable[[np.ndarray], np.ndarray], values: np.ndarray, progress: Progress | None = None,
               step: int = 100_000, threads: int | None = None) -> np.ndarray:
    """``func`` applied to slices of ``values`` (a vectorised function: one result per element),
    the results in order; the same as ``func(values)``."""
    n = len(values)
    threads = workers() if threads is None else threads
    if n <= step or threads <= 1:
        out = func(values)
        if progress is not None:
            progress(1.0)
        return out
    starts = list(range(0, n, step))
    parts: dict[int, np.ndarray] = {}
    pool = ThreadPoolExecutor(max_workers=threads)
    try:
        pending = {pool.submit(func, values[s:s + step]): s for s in starts}
        while pending:
            finished, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for f in finished:
                parts[pending.pop(f)] = f.result()
            if progress is not None:
                progress(len(parts) / len(starts))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return np.concatenate([parts[s] for s in starts])


def finish_in_background(func: Callable[[], None], progress: Progress) -> None:
    """Run ``func`` (a step that cannot be interrupted, e.g. GDAL closing a file and building its
    spatial index) on a worker thread while this thread keeps the progress bar moving in
    ``progress`` every half second. A cancel meanwhile is noted at once and raised when
    ``func`` is done, so the file is never left half closed."""
    pool = ThreadPoolExecutor(max_workers=1)
    job = pool.submit(func)
    canceled = False
    ticks = 0
    try:
        while True:
            finished, _ = wait([job], timeout=0.5)
            if finished:
                job.result()
                break
            ticks += 1
            try:
                progress(1.0 - 0.85 ** ticks)
            except Canceled:
                canceled = True
    finally:
        pool.shutdown(wait=True)
    if canceled:
        raise Canceled()
