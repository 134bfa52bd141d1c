"""Run the plugin's algorithms with the real ``qgis_process`` binary, as a scheduled job would.

The working tree's plugin (package + metadata.txt) is copied into a fresh QGIS profile and
enabled there once per test module; :func:`run` returns the finished process.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = "qgis_process"


def install_profile(base: Path) -> dict:
    """A profile under ``base`` with the working tree's plugin enabled; returns the environment."""
    profile = base / "config"
    plugins = profile / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    target = plugins / "gi_qgis_plugin"
    shutil.copytree(ROOT / "gi_qgis_plugin", target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(ROOT / "metadata.txt", target / "metadata.txt")
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen", PYTHONPATH="")
    enable = subprocess.run([EXE, "plugins", "enable", "gi_qgis_plugin"], env=env, capture_output=True,
                            text=True, timeout=300)
    assert enable.returncode == 0, enable.stderr + enable.stdout
    return env


def run(env: dict, alg: str, **params) -> subprocess.CompletedProcess:
    args = [EXE, "run", alg, "--", *(f"{k}={v}" for k, v in params.items())]
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)


def digest(*paths: Path) -> dict[str, str]:
    """SHA-256 of every file at or below ``paths``: inputs must be byte-identical after a run."""
    out = {}
    for base in paths:
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for p in files:
            out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out
