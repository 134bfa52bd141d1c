"""Outputs that are all or nothing.

An algorithm computes everything first and only then opens its sink through
:class:`GuardedOutput`, which

- refuses an ``OUTPUT`` that is the file of one of the inputs (writing it would wipe the input,
  e.g. the other layers of a GeoPackage), naming both;
- moves an existing output file aside before the sink replaces it, and puts it back if the run
  fails or is canceled — a good earlier result is never lost to a failed run;
- closes the sink deterministically (the C++ writer is deleted at once, whatever Python
  references — a traceback, a frame kept by a reference cycle — still point to it: without this
  a GeoPackage may stay without its layer until the garbage collector runs, or forever when
  ``qgis_process`` exits first);
- removes what the run created when it fails or is canceled, and checks that a finished file
  output can be opened and holds every feature written.

:func:`safe_field_names` renames output fields that the destination would refuse or change
(``fid``/``geom`` of a GeoPackage, names that differ only in case, Shapefile's 10 characters)
before the sink is made, so the names are known and said up front.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsField,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProviderRegistry,
)
from qgis.PyQt import sip

from ..i18n import tr

# Files that belong to one dataset, by the main file's suffix.
SIDECARS = {
    ".gpkg": ("-wal", "-shm", "-journal"),
    ".sqlite": ("-wal", "-shm", "-journal"),
    ".shp": (".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qix", ".sbn", ".sbx", ".qmd"),
    ".dbf": (".cpg", ".qmd"),
    ".tab": (".dat", ".map", ".id", ".ind"),
}
# Formats whose files are opened again after writing, to be sure they are complete.
READABLE = (".gpkg", ".shp", ".dbf", ".sqlite", ".geojson", ".json", ".fgb", ".csv", ".gml", ".kml", ".tab")
SHAPEFILE_FIELD_LENGTH = 10  # dBASE III field names: at most 10 characters (ESRI Shapefile spec)
# Column names a GeoPackage written by QGIS uses itself: the feature id and the geometry.
GPKG_RESERVED = ("fid", "geom")


@dataclass
class Destination:
    """Where a sink writes: a file (``path``), possibly one ``layer`` inside it, or nothing on
    disk (memory, database: ``path`` empty)."""

    uri: str
    path: str = ""
    layer: str = ""

    @property
    def suffix(self) -> str:
        return Path(self.path).suffix.lower() if self.path else ""

    def files(self) -> list[Path]:
        """The dataset's main file and the sidecars that exist."""
        if not self.path:
            return []
        main = Path(self.path)
        out = [main] if main.exists() else []
        for side in SIDECARS.get(self.suffix, ()):
            p = Path(str(main) + side) if side.startswith("-") else main.with_suffix(side)
            if p.exists():
                out.append(p)
        return out


def destination(uri: str) -> Destination:
    """Parse what ``parameterAsOutputLayer`` returns: a path, ``ogr:dbname='…' table="…"``, or
    a memory / database URI (no file)."""
    uri = uri or ""
    if uri.startswith("ogr:"):
        m = re.search(r"dbname='((?:[^'\\]|\\.)*)'", uri)
        t = re.search(r'table="((?:[^"\\]|\\.)*)"', uri)
        return Destination(uri, m.group(1) if m else "", t.group(1) if t else "")
    if re.match(r"^[a-z]+:", uri) and not re.match(r"^[A-Za-z]:[\\/]", uri):
        return Destination(uri)  # memory:, postgis:, spatialite: …
    path, _, _ = uri.partition("|")
    return Destination(uri, path)


def source_path(layer_source: str, provider: str = "ogr") -> str:
    """The file behind a layer source (``path|layername=x`` …); empty if none."""
    try:
        parts = QgsProviderRegistry.instance().decodeUri(provider, layer_source)
    except Exception:  # noqa: BLE001 - an unknown provider simply has no file
        parts = {}
    return str(parts.get("path") or "")


def _same_file(a: str, b: str) -> bool:
    if not a or not b:
        return False
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def check_not_an_input(dest: Destination, inputs: list[tuple[str, str, str]], param: str = "OUTPUT") -> None:
    """Refuse an output that would overwrite an input. ``inputs``: (parameter, file, layer).

    Writing a whole file replaces it (and every layer in it); writing one layer into a
    GeoPackage replaces that layer only, so another layer of the input's GeoPackage is fine.
    """
    for name, path, layer in inputs:
        if not _same_file(dest.path, path):
            continue
        if dest.layer and layer and dest.layer.lower() != layer.lower():
            continue
        raise QgsProcessingException(
            tr("The output {param} ({out}) is the file of the input {input} ({path}); writing it would "
               "destroy the input. Choose another file name for {param}.").format(
                param=param, out=dest.path, input=name, path=path)
        )


def safe_field_names(fields: QgsFields, dest: Destination, feedback: QgsProcessingFeedback | None = None,
                     own: Sequence[int] = (), keep_fid: bool = True) -> tuple[QgsFields, list[tuple[str, str]]]:
    """A copy of ``fields`` with names the destination keeps as they are, and the renames.

    - Shapefile (.shp/.dbf): at most 10 characters; a longer name is cut to 10 (as GDAL would
      do anyway, so the names are the ones every tool sees), a clash gets a number (``name_2``).
    - GeoPackage: ``geom`` is the writer's geometry column: renamed ``geom_2``; ``fid`` is its
      feature id: kept when its values are unique integers (the input's own GeoPackage fid,
      ``keep_fid``), else renamed ``fid_2`` (a text ``fid``, repeated numbers).
    - Any file format: names differing only in case (``Slope``/``slope``) are one column there:
      the later one gets a number.
    Memory layers and databases keep the names. ``own``: indexes of the algorithm's own fields
    (``gi_score`` …): they are named first, so a clashing input field gives way, never they.
    """
    if not dest.path:
        return fields, []
    limit = SHAPEFILE_FIELD_LENGTH if dest.suffix in (".shp", ".dbf") else 0
    reserved = GPKG_RESERVED if dest.suffix == ".gpkg" else ()
    if keep_fid:
        reserved = tuple(r for r in reserved if r != "fid")
    names = [fields.at(i).name() for i in range(fields.count())]
    first = [i for i in own if 0 <= i < len(names)]
    order = first + [i for i in range(len(names)) if i not in set(first)]
    taken: set[str] = set()
    new = list(names)
    for i in order:
        name = names[i]
        base = name[:limit] if limit else name
        cand = base
        k = 2
        while cand.lower() in taken or cand.lower() in reserved:
            suffix = f"_{k}"
            cand = (base[: limit - len(suffix)] if limit else base) + suffix
            k += 1
        taken.add(cand.lower())
        new[i] = cand
    renames = [(a, b) for a, b in zip(names, new) if a != b]
    if not renames:
        return fields, []
    out = QgsFields()
    for i in range(fields.count()):
        f = QgsField(fields.at(i))
        f.setName(new[i])
        out.append(f)
    if feedback is not None:
        feedback.pushWarning(
            tr("The output format cannot keep these field names, so they are renamed: {renames}.").format(
                renames=", ".join(f"{a} → {b}" for a, b in renames))
        )
    return out, renames


class GuardedOutput:
    """One all-or-nothing output of an algorithm (see the module text), driven by the algorithm
    base (``processing/base.py``): :meth:`create` sets an earlier file aside and opens the sink,
    :meth:`close` closes it at once, :meth:`commit` checks the file and drops the earlier copy,
    :meth:`rollback` removes what the run wrote and puts the earlier file back.
    """

    def __init__(self, alg, parameters: dict, name: str, context: QgsProcessingContext,
                 inputs: list[tuple[str, str, str]] = (), feedback: QgsProcessingFeedback | None = None):
        self.alg = alg
        self.parameters = parameters
        self.name = name
        self.context = context
        self.feedback = feedback
        self.dest = destination(alg.parameterAsOutputLayer(parameters, name, context))
        check_not_an_input(self.dest, list(inputs), name)
        self.sink = None
        self.dest_id = ""
        self.written: int | None = None
        self._aside = Aside([], "")
        self._created = False

    # ------------------------------------------------------------------------------------------
    def field_names(self, fields: QgsFields, own: Sequence[int] = (), keep_fid: bool = True
                    ) -> tuple[QgsFields, list[tuple[str, str]]]:
        return safe_field_names(fields, self.dest, self.feedback, own, keep_fid)

    def create(self, fields: QgsFields, wkb_type, crs: QgsCoordinateReferenceSystem) -> str:
        self._set_aside()
        self._created = True
        sink, self.dest_id = self.alg.parameterAsSink(self.parameters, self.name, self.context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.alg.invalidSinkError(self.parameters, self.name))
        self.sink = sink
        del sink
        return self.dest_id

    # ------------------------------------------------------------------------------------------
    def close(self) -> None:
        """Delete the C++ sink now: this flushes and closes the file."""
        sink, self.sink = self.sink, None
        if sink is not None and not sip.isdeleted(sink):
            sip.delete(sink)

    def commit(self) -> None:
        """Close the sink, check the file, drop the earlier copy (raises if the file is bad)."""
        self.close()
        if self._created and self.dest.path:
            self._check_readable()
        self._drop_backup()

    def rollback(self) -> None:
        """Close the sink, remove what this run wrote, put the earlier file back."""
        self.close()
        if self._created and self.dest.path:
            # what this run wrote goes; an earlier file (moved, or for one layer inside a file
            # copied aside) comes back below
            for p in self.dest.files():
                _remove(p)
        self._aside.restore(self.feedback)

    def _set_aside(self) -> None:
        """Move (or, for one layer inside a file, copy) the existing output aside."""
        self._aside = Aside(self.dest.files(), self.dest.path, copy=bool(self.dest.layer))

    def _drop_backup(self) -> None:
        self._aside.drop()

    def _check_readable(self) -> None:
        """The file opens and holds the layer with every feature written (formats OGR reads
        back; others are left alone)."""
        from osgeo import ogr

        if self.dest.suffix not in READABLE:
            return

        with ogr.ExceptionMgr(useExceptions=False):
            ds = ogr.Open(self.dest.path)
            layer = None
            if ds is not None:
                layer = ds.GetLayerByName(self.dest.layer) if self.dest.layer else ds.GetLayer(0)
            count = layer.GetFeatureCount() if layer is not None else -1
            layer = ds = None
        if count < 0 or (self.written is not None and count != self.written):
            raise QgsProcessingException(
                tr("The output {path} could not be written completely ({n} of {m} features readable). Check "
                   "the free space and run again.").format(path=self.dest.path, n=max(count, 0), m=self.written)
            )


class Aside:
    """Existing files moved (or copied) into a hidden folder beside them, to be put back when a
    run fails (:meth:`restore`) or dropped when it succeeds (:meth:`drop`)."""

    def __init__(self, files: Sequence[Path], where: str, copy: bool = False):
        self._dir = ""
        self._moved: list[tuple[Path, Path]] = []
        if not files:
            return
        try:
            self._dir = tempfile.mkdtemp(prefix=".gi-earlier-", dir=Path(where).parent)
            for p in files:
                target = Path(self._dir) / p.name
                if copy:
                    shutil.copy2(p, target)
                else:
                    os.replace(p, target)
                self._moved.append((p, target))
        except OSError as err:
            if not copy:  # put back what moved, then say what to do
                for original, backup in self._moved:
                    os.replace(backup, original)
            self._moved = []
            self.drop()
            raise QgsProcessingException(
                tr("Cannot replace the existing output {path} ({error}). Close it in other programs, check "
                   "that its folder is writable, or choose another file name.").format(
                    path=where, error=err.strerror or str(err))
            ) from None

    def restore(self, feedback: QgsProcessingFeedback | None = None) -> None:
        for original, backup in self._moved:
            try:
                os.replace(backup, original)
            except OSError:
                if feedback is not None:
                    feedback.reportError(
                        tr("The earlier output could not be put back; it is kept as {path}.").format(path=backup))
                self._moved = []
                return
        self.drop()

    def drop(self) -> None:
        if self._dir:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = ""
        self._moved = []


class ClaimedFiles:
    """Files a run writes itself, not through a sink (the sample district's GeoPackage and
    rasters): earlier files of the same names are set aside and come back if the run fails;
    what the run wrote is removed then. The same interface as :class:`GuardedOutput` for the
    algorithm base."""

    dest_id = ""

    def __init__(self, paths: Sequence[str], feedback: QgsProcessingFeedback | None = None):
        self.paths = [Path(p) for p in paths]
        self.feedback = feedback
        existing = [p for p in self.paths if p.exists()]
        self._aside = Aside(existing, str(existing[0]) if existing else "")

    def close(self) -> None:
        pass

    def commit(self) -> None:
        self._aside.drop()

    def rollback(self) -> None:
        for p in self.paths:
            if p.exists():
                _remove(p)
        self._aside.restore(self.feedback)


def input_files(alg, parameters: dict, context: QgsProcessingContext) -> list[tuple[str, str, str]]:
    """(parameter, file, layer) of every layer or file the run reads, for
    :func:`check_not_an_input`."""
    from qgis.core import QgsProcessingParameterFile, QgsProcessingParameterMultipleLayers

    out: list[tuple[str, str, str]] = []
    for param in alg.parameterDefinitions():
        name = param.name()
        if param.isDestination() or parameters.get(name) in (None, ""):
            continue
        try:
            if isinstance(param, QgsProcessingParameterFile):
                path = alg.parameterAsFile(parameters, name, context)
                if path:
                    out.append((name, path, ""))
                continue
            if isinstance(param, QgsProcessingParameterMultipleLayers):
                layers = alg.parameterAsLayerList(parameters, name, context)
            elif param.type() in ("source", "vector", "raster", "layer", "mesh", "pointcloud"):
                layers = [alg.parameterAsLayer(parameters, name, context)]
            else:
                continue
        except Exception:  # noqa: BLE001 - a parameter that is no layer is no input file
            continue
        for layer in layers:
            if layer is None:
                continue
            try:
                parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
            except Exception:  # noqa: BLE001
                continue
            if parts.get("path"):
                out.append((name, str(parts["path"]), str(parts.get("layerName") or "")))
    return out


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
