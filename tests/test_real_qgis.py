"""The plugin in the real QGIS desktop application, driven by real mouse clicks.

The plugin is packaged (tools/package.py), unzipped into a fresh QGIS profile and enabled;
the real ``qgis`` binary starts in German under a virtual X server (Xvfb, with the openbox
window manager) and runs ``tests/realapp/driver.py``. The driver clicks through the plugin as
a planner would (see its docstring), checks what is on screen, and saves a screenshot of each
step into tests/screenshots/realapp/ (git-ignored). A second QGIS run reopens the saved project.

The test fails on any failed check, any Python error and any warning of the plugin in the
QGIS message log. It needs Xvfb, openbox, xdotool and qgis (tools/qgis_env.sh installs them);
without them it skips, unless GI_REQUIRE_REALAPP=1.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DRIVER = Path(__file__).resolve().parent / "realapp" / "driver.py"
SHOTS = Path(__file__).resolve().parent / "screenshots" / "realapp"
SCREEN = "1600x1000x24"
RUN_TIMEOUT_S = 150  # a hard limit per QGIS run; the driver's own waits are shorter
# Tags of QGIS message-log entries that always fail the test, whatever their level.
ERROR_TAGS = {"Python error", "Python-Fehler"}
PLUGIN_TAGS = {"Grüne Infrastruktur", "Green Infrastructure"}


def _tools() -> dict[str, str]:
    found = {name: shutil.which(name) for name in ("Xvfb", "openbox", "xdotool", "qgis")}
    missing = [name for name, path in found.items() if path is None]
    if missing:
        message = f"real-application test needs {', '.join(missing)} (installed by tools/qgis_env.sh)"
        if os.environ.get("GI_REQUIRE_REALAPP") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return found


def _stop(proc: subprocess.Popen, grace: float = 5.0) -> None:
    """End a process this test started (and its own children) by its process-group id."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(grace)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(grace)


@contextmanager
def virtual_screen(log: Path):
    """Xvfb on a free display (-displayfd) plus openbox; yields the DISPLAY value."""
    read_fd, write_fd = os.pipe()
    with open(log, "ab") as out:
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,), stdout=out, stderr=out, start_new_session=True)
    os.close(write_fd)
    wm = None
    try:
        ready, _, _ = select.select([read_fd], [], [], 30)
        if not ready:
            pytest.fail("Xvfb did not report a display within 30 s")
        display = ":" + os.read(read_fd, 64).decode().strip()
        env = dict(os.environ, DISPLAY=display)
        with open(log, "ab") as out:
            wm = subprocess.Popen(["openbox", "--sm-disable"], env=env, stdout=out, stderr=out, start_new_session=True)
        time.sleep(0.5)
        yield display
    finally:
        os.close(read_fd)
        if wm is not None:
            _stop(wm)
        _stop(xvfb)


def _profile(base: Path, plugin_zip: Path) -> Path:
    """A fresh QGIS profile with the packaged plugin installed and enabled, UI in German."""
    from qgis.PyQt.QtCore import QSettings

    profile = base / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(plugin_zip) as zf:
        zf.extractall(plugins)
    ini = QSettings(str(profile / "QGIS" / "QGIS3.ini"), QSettings.Format.IniFormat)
    for key, value in {
        "PythonPlugins/gi_qgis_plugin": True,
        "locale/overrideFlag": True,
        "locale/userLocale": "de",
        "locale/globalLocale": "de_DE",
        "qgis/checkVersion": False,
        "qgis/showTips340": False,
        "app/plugin_installer/checkOnStart": False,
        "app/plugin_installer/allowExperimental": True,
        "app/plugin_repositories/QGIS Official Plugin Repository/enabled": False,
        "core/NewsFeed/httpsfeedqgisorg/disabled": True,
        "qgis/newProjectDefault": False,
    }.items():
        ini.setValue(key, value)
    ini.sync()
    return base  # --profiles-path names the folder that holds "profiles/<name>"


def _run_qgis(run: int, display: str, profiles: Path, out: Path, project: Path | None, log: Path,
              tmp: Path) -> float:
    # no desktop integration: Qt's own file dialog (which the driver answers), not a native one
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QT_", "PYTEST", "QGIS_PREFIX", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
                                "GNOME_", "KDE_", "WAYLAND_"))}
    home = out / "home"
    home.mkdir(exist_ok=True)
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8", LANGUAGE="de",
               HOME=str(home), XDG_RUNTIME_DIR=str(out / "runtime"), GI_REALAPP_OUT=str(out),
               GI_REALAPP_RUN=str(run), GI_REALAPP_DATA=str(out / "daten"),
               # QGIS counts every layer below its temporary folder as a temporary layer and asks
               # about it when the project closes; a checkout under /tmp would put the test's
               # project there, so QGIS gets a temporary folder of its own
               TMPDIR=str(tmp))
    (out / "runtime").mkdir(mode=0o700, exist_ok=True)
    cmd = ["qgis", "--profiles-path", str(profiles), "--profile", "default", "--nologo", "--noversioncheck",
           "--code", str(DRIVER)]
    if project is not None:
        cmd += ["--project", str(project)]
    start = time.monotonic()
    with open(log, "ab") as stream:
        proc = subprocess.Popen(cmd, env=env, stdout=stream, stderr=stream, start_new_session=True, cwd=out)
        try:
            proc.wait(RUN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            _stop(proc)
            pytest.fail(f"QGIS run {run} did not finish within {RUN_TIMEOUT_S} s (log: {log})")
    return time.monotonic() - start


def _result(out: Path, run: int, log: Path) -> dict:
    path = out / f"result{run}.json"
    if not path.exists():
        pytest.fail(f"run {run}: the driver wrote no result; QGIS output:\n{log.read_text(errors='replace')[-3000:]}")
    return json.loads(path.read_text(encoding="utf-8"))


def _problems(result: dict) -> list[str]:
    problems = list(result["failures"])
    if not result.get("done"):
        problems.append(f"driver stopped after step {result['steps'][-1] if result['steps'] else '-'}")
    for m in result["messages"]:
        text = m["text"]
        if m["tag"] in ERROR_TAGS or m["tag"] in PLUGIN_TAGS or "Traceback" in text or "gi_qgis_plugin" in text:
            problems.append(f"log [{m['tag']}] {text[:800]}")
    return problems


@pytest.fixture(scope="module")
def real_runs(tmp_path_factory):
    _tools()
    base = tmp_path_factory.mktemp("realapp")
    out = SHOTS
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    zip_path = Path(subprocess.run([sys.executable, str(ROOT / "tools" / "package.py"), str(base / "dist")],
                                   check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
    profiles = _profile(base, zip_path)
    log = out / "qgis.log"
    results, seconds = {}, {}
    with virtual_screen(out / "xvfb.log") as display:
        tmp = base / "qgis-tmp"
        tmp.mkdir()
        seconds[1] = _run_qgis(1, display, profiles, out, None, log, tmp)
        results[1] = _result(out, 1, log)
        project = out / "planer.qgz"
        if project.exists():
            seconds[2] = _run_qgis(2, display, profiles, out, project, log, tmp)
            results[2] = _result(out, 2, log)
    (out / "timing.json").write_text(json.dumps(seconds))
    return results


def test_every_dock_button_works_in_the_real_qgis(real_runs):
    first = real_runs[1]
    assert _problems(first) == []
    for name in ("german_dock", "roles_filled", "suggest_button", "dialog_non_modal", "result_styled",
                 "table_styled", "nothing_hides_the_result", "select_tool_switches_to_result",
                 "zoom_scale_useful", "pick_on_map", "hz_select_skips_excluded", "hz_progress_one_unit",
                 "sample_names_german", "sample_copied_to_chosen_folder", "table_below_result", "decimal_comma",
                 "flag_codes_as_words", "no_files_written_into_the_plugin", "project_saved"):
        assert first["checks"].get(name, {}).get("ok"), (name, first["checks"].get(name))
    assert len(first["shots"]) >= 9


def test_the_saved_project_reopens_with_its_roles(real_runs):
    assert 2 in real_runs, "run 1 saved no project"
    second = real_runs[2]
    assert _problems(second) == []
    assert second["checks"]["roles_restored"]["ok"]
    assert second["checks"]["no_invalid_layers"]["ok"]
