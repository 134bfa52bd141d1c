"""gi:sampledistrict and the generator with awkward output folders (issue 10): a read-only
folder gives a clear message, a canceled run leaves the folder as it was."""

from __future__ import annotations

import array
import contextlib
import fcntl
import os

import cli
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from gi_qgis_plugin.sample.generator import GenerationCanceled, generate

FS_IOC_GETFLAGS, FS_IOC_SETFLAGS, FS_IMMUTABLE_FL = 0x80086601, 0x40086602, 0x10


def _set_immutable(path, on: bool) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        flags = array.array("i", [0])
        fcntl.ioctl(fd, FS_IOC_GETFLAGS, flags, True)
        flags[0] = (flags[0] | FS_IMMUTABLE_FL) if on else (flags[0] & ~FS_IMMUTABLE_FL)
        fcntl.ioctl(fd, FS_IOC_SETFLAGS, flags, True)
    finally:
        os.close(fd)


@contextlib.contextmanager
def read_only(folder):
    """Make ``folder`` unwritable: mode 555 for a normal user; root ignores modes, so as root the
    folder is marked immutable (the kernel refuses new files even to root); skip where neither
    works."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    try:
        _set_immutable(folder, True)
    except OSError as err:
        pytest.skip(f"cannot make a folder read-only as root here ({err})")
    try:
        yield
    finally:
        _set_immutable(folder, False)


def test_sampledistrict_into_a_read_only_folder_is_a_clear_message(gi_provider, tmp_path):
    import processing

    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only(folder):
        with pytest.raises(QgsProcessingException, match=r"Could not write to .*ro .*choose a folder you can write to"):
            processing.run("gi:sampledistrict", {"BUILDINGS": 100, "SEED": 1, "OUTPUT_FOLDER": str(folder)},
                           feedback=QgsProcessingFeedback())
    assert list(folder.iterdir()) == []


def test_a_canceled_generation_leaves_the_earlier_files(tmp_path):
    generate(tmp_path, n_buildings=100, seed=1)
    before = cli.digest(tmp_path)
    assert len(before) == 3  # musterstadt.gpkg, heat.tif, starkregen.tif and nothing else

    calls = []

    def cancel_late() -> bool:
        calls.append(1)
        return len(calls) > 20  # well into the writing of the GeoPackage

    with pytest.raises(GenerationCanceled):
        generate(tmp_path, n_buildings=100, seed=2, is_canceled=cancel_late)
    assert cli.digest(tmp_path) == before  # same files, same bytes, no temporary folder left


def test_a_new_generation_replaces_the_files_at_once(tmp_path):
    first = generate(tmp_path, n_buildings=100, seed=1)
    before = cli.digest(tmp_path)
    second = generate(tmp_path, n_buildings=100, seed=2)
    after = cli.digest(tmp_path)
    assert second.gpkg == first.gpkg and set(after) == set(before)
    assert after[second.gpkg] != before[first.gpkg]  # another seed, another district
    assert sorted(p.name for p in tmp_path.iterdir()) == ["heat.tif", "musterstadt.gpkg", "starkregen.tif"]


def test_qgis_process_into_a_read_only_folder_exits_non_zero(tmp_path):
    env = cli.install_profile(tmp_path / "profile")
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only(folder):
        res = cli.run(env, "gi:sampledistrict", BUILDINGS=100, SEED=1, OUTPUT_FOLDER=folder)
    text = res.stdout + res.stderr
    assert res.returncode != 0
    assert "choose a folder you can write to" in text and "Traceback" not in text
    assert list(folder.iterdir()) == []


def test_a_canceled_sampledistrict_run_keeps_the_earlier_district(gi_provider, tmp_path):
    import processing
    from helpers.feedback import CancelAt

    params = {"BUILDINGS": 100, "SEED": 1, "OUTPUT_FOLDER": str(tmp_path)}
    processing.run("gi:sampledistrict", params, feedback=QgsProcessingFeedback())
    before = cli.digest(tmp_path)
    with pytest.raises(QgsProcessingException, match="Canceled"):
        processing.run("gi:sampledistrict", {**params, "SEED": 2}, feedback=CancelAt(50.0))
    assert cli.digest(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["heat.tif", "musterstadt.gpkg", "starkregen.tif"]
