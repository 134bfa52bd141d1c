"""One benchmark measurement in its own process (started by run.py), so that the peak memory the
parent reads from ``wait4`` belongs to this case alone.

    python3 benchmarks/runner.py --case gi:flatroofs --variant ours --dataset d.json \
        --out-dir DIR --result result.json [--intermediate gpkg|memory] [--profile prof.txt]

Starts QGIS headless, initialises Processing, registers the plugin's provider, builds the steps
from cases.py and times them (wall clock, QGIS start-up excluded). Writes a JSON result.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import cases  # noqa: E402


def vm_hwm_mb() -> float | None:
    """This process's peak resident set so far (VmHWM), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def start_qgis():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    plugins = os.path.join(QgsApplication.pkgDataPath(), "python", "plugins")
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing

    Processing.initialize()
    return app


_KEEP: list = []  # Python references to the provider: without one, its algorithms lose their Python side


def register_provider() -> str | None:
    """Register GiProvider; returns why it could not be, or None."""
    from qgis.core import QgsApplication

    try:
        from gi_qgis_plugin.processing.provider import GiProvider, algorithm_classes

        algorithm_classes()  # import errors surface here instead of inside loadAlgorithms()
    except Exception as exc:  # noqa: BLE001 - any import error means "ours" cannot run
        return f"the plugin's provider does not load: {type(exc).__name__}: {exc}"
    registry = QgsApplication.processingRegistry()
    if registry.providerById("gi") is None:
        provider = GiProvider()
        _KEEP.append(provider)
        registry.addProvider(provider)
    return None


def vm_rss_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def make_feedback(trace: bool = False):
    """Feedback that collects warnings; with ``trace``, also (seconds, progress %, RSS MB) at each
    whole-percent progress step, which shows where in an algorithm time and memory go."""
    from qgis.core import QgsProcessingFeedback

    class Collecting(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings: list[str] = []
            self.trace: list[tuple[float, float, float | None]] = []
            self._t0 = time.perf_counter()
            self._last = -1.0
            self._last_t: float | None = None
            self.max_gap = 0.0  # longest time without a progress report (cancel latency bound)
            self.progressChanged.connect(self._on_progress)

        def _on_progress(self, value: float) -> None:
            now = time.perf_counter()
            if self._last_t is not None:
                self.max_gap = max(self.max_gap, now - self._last_t)
            self._last_t = now
            if trace and int(value) != int(self._last):
                self.trace.append((round(now - self._t0, 3), round(value, 1), vm_rss_mb()))
            self._last = value

        def pushWarning(self, text):  # noqa: N802
            self.warnings.append(text)

        def reportError(self, text, fatalError=False):  # noqa: N802, N803
            self.warnings.append("ERROR: " + text)

    return Collecting()


def resolve(value, outputs: dict, out_value):
    if isinstance(value, cases.Ref):
        return outputs[value.step]
    if isinstance(value, str) and value == cases.OUT:
        return out_value
    if isinstance(value, list):
        return [resolve(v, outputs, out_value) for v in value]
    return value


def run_steps(steps: list[cases.Step], out_dir: Path, intermediate: str, context, feedback) -> tuple[dict, str]:
    """Run the chain; returns per-step seconds and the final output path."""
    import processing

    outputs: dict = {}
    timings: dict[str, float] = {}
    final = ""
    for i, step in enumerate(steps):
        last = i == len(steps) - 1
        if last or intermediate == "gpkg":
            out_value = str(out_dir / f"{i + 1:02d}_{step.name}.gpkg")
        else:
            out_value = "TEMPORARY_OUTPUT"
        params = {k: resolve(v, outputs, out_value) for k, v in step.params.items()}
        t0 = time.perf_counter()
        res = processing.run(step.alg, params, feedback=feedback, context=context)
        timings[step.name] = time.perf_counter() - t0
        outputs[step.name] = res["OUTPUT"]
        if last:
            final = params.get("OUTPUT") if _is_postgis(params.get("OUTPUT")) else out_value
    return timings, final


def _is_postgis(value) -> bool:
    return isinstance(value, str) and value.startswith(("postgis:", "postgres://"))


def count_features(path: str) -> int | None:
    from qgis.core import QgsVectorLayer

    if _is_postgis(path):
        lyr = QgsVectorLayer(path.split(":", 1)[1].lstrip("/"), "out", "postgres")
    else:
        lyr = QgsVectorLayer(path, "out", "ogr")
    return lyr.featureCount() if lyr.isValid() else None


def ours_steps(case: cases.Case, label: str, data: cases.Dataset, context, out_dir: Path) -> tuple[list[cases.Step] | None, str]:
    """Our algorithm's single step for variant ``label``, or None and the reason it cannot run."""
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById(case.algorithm)
    names = {d.name() for d in alg.parameterDefinitions()}
    params = case.ours[label](data, names)
    if params is None:
        return None, f"{case.algorithm} lacks the parameters of variant {label!r} (it has {sorted(names)})"
    probe = {k: (str(out_dir / "probe.gpkg") if v == cases.OUT else v) for k, v in params.items()}
    ok, msg = alg.checkParameterValues(probe, context)
    if not ok:
        return None, f"{case.algorithm} refuses the parameters of variant {label!r}: {msg}"
    shown = ", ".join(f"{k}={_short(v)}" for k, v in params.items() if k != "OUTPUT")
    return [cases.Step("ours", case.algorithm, params)], shown


def _short(value) -> str:
    """A parameter value for the log: file paths by their name (and layer)."""
    if isinstance(value, str) and "/" in value:
        path, _, layer = value.partition("|")
        return Path(path).name + (f"|{layer}" if layer else "")
    return str(value)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--case", required=True)
    ap.add_argument("--variant", required=True, choices=["ours", "native_chain", "io_floor"])
    ap.add_argument("--dataset", required=True, help="JSON file describing the dataset")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--result", required=True)
    ap.add_argument("--ours-variant", help="label of the ours variant (cases.Case.ours)")
    ap.add_argument("--intermediate", choices=["gpkg", "memory"], default="gpkg")
    ap.add_argument("--profile", help="write cProfile stats of the timed part (sorted by cumtime) here")
    ap.add_argument("--trace", action="store_true", help="record (s, progress %%, RSS MB) at each progress step")
    args = ap.parse_args()

    result: dict = {"case": args.case, "variant": args.variant}
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        app = start_qgis()  # noqa: F841 - must stay alive until the end
        from qgis.core import Qgis, QgsProcessingContext

        result["qgis_version"] = Qgis.version()
        problem = register_provider()
        result["startup_s"] = time.perf_counter() - t0
        result["startup_peak_mb"] = vm_hwm_mb()

        case = cases.CASES[args.case]
        data = cases.Dataset.from_json(json.loads(Path(args.dataset).read_text()))
        context = QgsProcessingContext()
        feedback = make_feedback(args.trace)

        if args.variant == "ours":
            from qgis.core import QgsApplication

            if problem is None and QgsApplication.processingRegistry().algorithmById(case.algorithm) is None:
                problem = f"{case.algorithm} is not registered by the provider yet"
            if problem is not None:
                result["skipped"] = problem
                Path(args.result).write_text(json.dumps(result, indent=1))
                return 0
            label = args.ours_variant or next(iter(case.ours))
            result["ours_variant"] = label
            steps, note = ours_steps(case, label, data, context, out_dir)
            if steps is None:
                result["skipped"] = note
                Path(args.result).write_text(json.dumps(result, indent=1))
                return 0
            result["notes"] = note
        elif args.variant == "native_chain":
            steps = case.native_chain(data)
        else:
            steps = case.io_floor(data)

        profiler = None
        if args.profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        t1 = time.perf_counter()
        feedback._t0 = t1
        feedback._last_t = t1
        timings, final = run_steps(steps, out_dir, args.intermediate, context, feedback)
        result["seconds"] = time.perf_counter() - t1
        result["peak_mb_self"] = vm_hwm_mb()
        if profiler is not None:
            profiler.disable()
            import io
            import pstats

            buf = io.StringIO()
            pstats.Stats(profiler, stream=buf).sort_stats("cumulative").print_stats(40)
            Path(args.profile).write_text(buf.getvalue())
        result["steps"] = timings
        result["output"] = final
        result["output_features"] = count_features(final)
        result["warnings"] = feedback.warnings[:20]
        result["max_progress_gap_s"] = round(feedback.max_gap, 3)
        if args.trace:
            result["trace"] = feedback.trace
    except Exception as exc:  # noqa: BLE001 - report any failure to the parent
        result["error"] = f"{type(exc).__name__}: {exc}"
        result["traceback"] = traceback.format_exc()
        Path(args.result).write_text(json.dumps(result, indent=1))
        return 1
    Path(args.result).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # skip interpreter/QGIS teardown: its cost is no part of any case, and exitQgis() after
    # Processing can crash on some builds
    os._exit(code)
