"""Feedback objects that record what the user is told, or cancel at a given progress."""

from __future__ import annotations

from qgis.core import QgsProcessingFeedback


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps warnings and infos, so tests can check what the user is told."""

    def __init__(self) -> None:
        super().__init__()
        self.warnings: list[str] = []
        self.infos: list[str] = []
        self.progress_values: list[float] = []

    def pushWarning(self, text: str) -> None:  # noqa: N802
        self.warnings.append(text)
        super().pushWarning(text)

    def pushInfo(self, text: str) -> None:  # noqa: N802
        self.infos.append(text)
        super().pushInfo(text)

    def setProgress(self, progress: float) -> None:  # noqa: N802
        self.progress_values.append(progress)
        super().setProgress(progress)


class CancelAt(RecordingFeedback):
    """Cancels once progress reaches ``at`` percent (a user pressing Cancel mid-run)."""

    def __init__(self, at: float):
        super().__init__()
        self.at = at

    def setProgress(self, progress: float) -> None:  # noqa: N802
        super().setProgress(progress)
        if progress >= self.at:
            self.cancel()
