"""processing/threads.py: a step that cannot be interrupted runs to its end on a worker thread,
the bar moving meanwhile, a cancel raised only afterwards."""

from __future__ import annotations

import threading
import time

import pytest
from helpers.feedback import RecordingFeedback

from gi_qgis_plugin.processing.threads import finish_in_background
from gi_qgis_plugin.scoring.progress import Canceled, Progress


def test_the_bar_moves_while_the_step_runs(qgis_app):
    fb = RecordingFeedback()
    done = []
    finish_in_background(lambda: (time.sleep(1.3), done.append(True)), Progress(fb, 90.0, 100.0))
    assert done == [True]
    moved = [v for v in fb.progress_values if 90.0 < v < 100.0]
    assert len(moved) >= 2 and moved == sorted(moved)  # at least two reports in 1.3 s, forwards


def test_a_cancel_waits_for_the_step_then_raises(qgis_app):
    fb = RecordingFeedback()
    fb.cancel()  # the user pressed Cancel: noticed at the first report, half a second in
    finished = threading.Event()

    def step():
        time.sleep(0.8)
        finished.set()

    with pytest.raises(Canceled):
        finish_in_background(step, Progress(fb))
    assert finished.is_set()  # the file (here: the step) was never left half done
