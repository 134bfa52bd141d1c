"""Progress and cancel for every long task of the plugin (no qgis: any object with
``isCanceled()`` and ``setProgress(percent)`` will do, a QgsProcessingFeedback or a test double).

One policy: a task checks for cancel at each progress step and raises :class:`Canceled`; the
algorithm base (``processing/base.py``) turns that into one outcome for every algorithm.
"""

from __future__ import annotations


class Canceled(Exception):
    """The user canceled; raised from :meth:`Progress.__call__` / :meth:`Progress.check`."""


class Progress:
    """Maps a sub-task's 0..1 onto a slice of the task's 0..100 progress bar.

    ``progress.sub(0.3, 0.6)`` is a Progress for the part of the work from 30 % to 60 % of this
    one; calling a Progress with a fraction reports it and raises :class:`Canceled` on cancel.
    """

    def __init__(self, feedback=None, start: float = 0.0, end: float = 100.0):
        self.feedback = feedback
        self.start = start
        self.end = end

    def sub(self, a: float, b: float) -> Progress:
        span = self.end - self.start
        return Progress(self.feedback, self.start + a * span, self.start + b * span)

    def __call__(self, fraction: float) -> None:
        if self.feedback is None:
            return
        if self.feedback.isCanceled():
            raise Canceled()
        self.feedback.setProgress(self.start + (self.end - self.start) * min(max(fraction, 0.0), 1.0))

    def check(self) -> None:
        if self.feedback is not None and self.feedback.isCanceled():
            raise Canceled()
