"""gi:targets – Zielfortschritt: progress toward the quantified targets per district, as a table,
a chart in a PDF report, and the same figures in the dock's Handlungsziele browser.

Parameters → read districts and the theme layers once → ``scoring.targets.progress_rows`` (pure)
→ one table (one row per district and target) → optional PDF with a bar chart. The dock reads a
table of this algorithm back with :func:`project_progress` (→ ``scoring.targets.progress_by_hz``):
one computation, two views.
"""

from __future__ import annotations

import datetime
import os
import tempfile

import numpy as np
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPen

from ..i18n import language, translate_marked
from ..scoring import roofs as roof_scoring
from ..scoring import targets
from ..scoring.progress import Progress
from ..scoring.values import truthy
from . import inputs, report
from .base import GiAlgorithm
from .crs import choose_work_crs
from .read import number_column, read_overlay, read_source, report_skipped, text_column
from .scoring_base import set_role
from .write import make_fields, write_sink

NAME_FIELD_CANDIDATES = ("name", "stadtteil", "bezirk", "district", "ortsteil", "gen")
FLAT_FIELD_CANDIDATES = ("flat", "flachdach", "is_flat")
GREEN_FIELD_CANDIDATES = ("green_roof", "gruendach", "green")
AREA_FIELD_CANDIDATES = ("greenable_m2", "flat_roof_m2", "area_m2")
DISCONNECT_FIELD_CANDIDATES = ("disconnected", "abgekoppelt", "abkopplung")
GSG_FIELD_CANDIDATES = ("gsg", "strukturguete", "gewaesserstrukturguete", "gesamtbewertung")


class TargetsAlgorithm(GiAlgorithm):
    ALG_ID = "targets"
    GROUP_ID = "design"

    INPUT = "INPUT"
    NAME_FIELD = "NAME_FIELD"
    ROOFS = "ROOFS"
    ROOF_FLAT_FIELD = "ROOF_FLAT_FIELD"
    ROOF_GREEN_FIELD = "ROOF_GREEN_FIELD"
    ROOF_AREA_FIELD = "ROOF_AREA_FIELD"
    SEALED = "SEALED"
    DISCONNECT_FIELD = "DISCONNECT_FIELD"
    FOREST = "FOREST"
    PROTECTED = "PROTECTED"
    STREAMS = "STREAMS"
    GSG_FIELD = "GSG_FIELD"
    STREAMS_SCOPE = "STREAMS_SCOPE"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def displayName(self) -> str:
        return self.tr("Target progress per district (Zielfortschritt: HZ 02, 15, 19, 22, Klima.Werk 2040)")

    def tags(self) -> list[str]:
        return self.tr("targets,progress,Zielfortschritt,district,green roof,forest share,disconnection,HZ 02,HZ 15,HZ 19,HZ 22").split(",")

    def flags(self):
        return super().flags() | Qgis.ProcessingAlgorithmFlag.NoThreading  # the PDF is drawn by the layout engine

    def shortHelpString(self) -> str:
        return self.tr(
            "<p>Measures, per district (or Raumtyp) polygon, how far the city is from the quantified "
            "targets of the Strategie Grüne Infrastruktur, from the layers you give. Target values, "
            "years and comparators come from the plugin's Handlungsziele catalogue.</p><ul>"
            "<li><b>HZ 02</b>, green flat roofs ≥ 50 % by 2030: a roof layer with a green-roof field and "
            "a flat-roof field (or a result of <i>Flat roofs</i>: flat = slope class 0-5, green = flag "
            "green_exists, area = greenable_m2). Two rows: share by area and share by number (the "
            "strategy does not say which); the target applies to the inner cities, whose boundary is "
            "set locally.</li>"
            "<li><b>Klima.Werk 2040</b>, ≥ 25 % of sealed areas disconnected from the sewer: sealed "
            "areas with a disconnected field (1/0). A regional target outside the strategy.</li>"
            "<li><b>HZ 15</b>, 15 %: legally protected Biotopverbund areas as a share of the district "
            "area. This is an interpretation (the strategy's footnote points to § 35 LNatSchG NRW, a "
            "share of the land area); every row says so.</li>"
            "<li><b>HZ 19</b>, stretches in Gewässerstrukturgüte 5–7 below 45 % (conurbation) or 25 % "
            "(outside) by 2030: watercourse lines with a GSG class field, by length.</li>"
            "<li><b>HZ 22</b>, forest share ≥ 25 % by 2030: forest polygons (e.g. ALKIS Wald).</li></ul>"
            "<p>Overlapping polygons of a theme layer are counted once; a roof counts in the district "
            "that holds a point inside it.</p>"
            "<p><b>Output</b>: a table with one row per district and target: district, hz, target_id, "
            "indicator, observed (%), target (%), comparator, year, met (1/0, empty without data), "
            "gap_pp (percentage points still missing), numerator, denominator, basis (m², count, m), "
            "note (interpretation), source. The dock's Handlungsziele browser shows the rows of such "
            "a table in the project under their Handlungsziel. Optional: a PDF report with a bar chart "
            "and the table.</p>"
        )

    def initAlgorithm(self, config=None):
        polygon = [Qgis.ProcessingSourceType.VectorPolygon]
        # role metadata (processing/scoring_base.set_role): the dock fills these from its layer roles;
        # INPUT carries none, so the dock shows no button for this algorithm yet (a ui decision)
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Districts (polygons)"), polygon))
        self.addParameter(QgsProcessingParameterField(self.NAME_FIELD, self.tr("District name field (empty = find by name)"), parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(set_role(QgsProcessingParameterFeatureSource(self.ROOFS, self.tr("Roofs (polygons, or a Flat roofs result)"), polygon, optional=True), "buildings"))
        for name, label in ((self.ROOF_FLAT_FIELD, self.tr("Flat roof field (1/0; empty = find by name)")),
                            (self.ROOF_GREEN_FIELD, self.tr("Green roof field (1/0; empty = find by name)")),
                            (self.ROOF_AREA_FIELD, self.tr("Roof area field, m² (empty = polygon area)"))):
            self.addParameter(QgsProcessingParameterField(name, label, parentLayerParameterName=self.ROOFS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.SEALED, self.tr("Sealed areas (polygons with a disconnected field)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterField(self.DISCONNECT_FIELD, self.tr("Disconnected from the sewer field (1/0; empty = find by name)"), parentLayerParameterName=self.SEALED, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.FOREST, self.tr("Forest (polygons)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.PROTECTED, self.tr("Legally protected areas in the Biotopverbund (polygons)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.STREAMS, self.tr("Watercourses (lines with a Gewässerstrukturgüte class)"), [Qgis.ProcessingSourceType.VectorLine], optional=True))
        self.addParameter(QgsProcessingParameterField(self.GSG_FIELD, self.tr("Gewässerstrukturgüte class field (1–7; empty = find by name)"), parentLayerParameterName=self.STREAMS, optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.STREAMS_SCOPE, self.tr("HZ 19 target for these districts"),
                                                     options=[self.tr("conurbation (below 45 %)"), self.tr("outside the conurbation (below 25 %)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Target progress"), Qgis.ProcessingSourceType.Vector))
        self.addParameter(QgsProcessingParameterFileDestination(self.REPORT, self.tr("PDF report"), self.tr("PDF files (*.pdf)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("N_ROWS", self.tr("Rows")))
        self.addOutput(QgsProcessingOutputNumber("N_MET", self.tr("Targets met")))

    # ------------------------------------------------------------------------------------------
    def _read(self, parameters, param, context, work_crs, progress, feedback, fields=(), polygonal=True):
        src = self.parameterAsSource(parameters, param, context)
        if src is None:
            return None, None
        name = inputs.layer_name(self, parameters, param, context, src)
        lay = read_overlay(src, context, work_crs, progress, fields=[f for f in fields if f], polygonal=polygonal,
                                  name=name, feedback=feedback)
        if not lay.usable.any():
            feedback.pushWarning(self.tr("Layer {name} ({param}) has no usable features; its target is left out.").format(name=name, param=param))
            return None, name
        return lay, name

    def _flags(self, lay, field: str | None) -> np.ndarray | None:
        if not field:
            return None
        col = lay.columns.get(field)
        return truthy(col if col is not None else text_column(lay, field))[0]

    def process(self, parameters, context, progress: Progress, feedback) -> dict:
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        name = inputs.layer_name(self, parameters, self.INPUT, context, source)
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr("The district layer {name} has no features. Choose a layer with district polygons.").format(name=name))
        themes = [p for p in (self.ROOFS, self.SEALED, self.FOREST, self.PROTECTED, self.STREAMS) if parameters.get(p) not in (None, "")]
        if not themes:
            raise QgsProcessingException(self.tr("No theme layer given: choose at least one of roofs, sealed areas, forest, protected Biotopverbund areas or watercourses."))
        work_crs = choose_work_crs(source.sourceCrs(), source.sourceExtent(), name, feedback)
        name_field = inputs.chosen_field(self, parameters, self.NAME_FIELD, context, source, NAME_FIELD_CANDIDATES)
        dist = read_source(source, context, work_crs, progress.sub(0.0, 0.1), keep_rows=False,
                                  fields=[name_field] if name_field else [], name=name)
        report_skipped(dist, feedback, name)
        if name_field:
            names = [str(v) if v is not None else str(int(f)) for v, f in zip(text_column(dist, name_field).tolist(), dist.fids.tolist())]
        else:
            names = [str(int(f)) for f in dist.fids.tolist()]
            feedback.pushWarning(self.tr("No district name field found: districts are named by their feature id."))

        roofs = sealed = forest = protected = streams = None
        src = self.parameterAsSource(parameters, self.ROOFS, context)
        if src is not None:
            roofs = self._roofs(parameters, context, src, work_crs, progress.sub(0.1, 0.4), feedback)
        src = self.parameterAsSource(parameters, self.SEALED, context)
        if src is not None:
            field = inputs.chosen_field(self, parameters, self.DISCONNECT_FIELD, context, src, DISCONNECT_FIELD_CANDIDATES)
            if not field:
                feedback.pushWarning(self.tr("The sealed-area layer has no disconnected field (1/0): the disconnection target is left out."))
            else:
                lay, _ = self._read(parameters, self.SEALED, context, work_crs, progress.sub(0.4, 0.55), feedback, [field])
                if lay is not None:
                    sealed = targets.Sealed(lay.geoms[lay.usable], self._flags(lay, field)[lay.usable])
        lay, _ = self._read(parameters, self.FOREST, context, work_crs, progress.sub(0.55, 0.65), feedback)
        if lay is not None:
            forest = targets.Zones(lay.geoms[lay.usable])
        lay, _ = self._read(parameters, self.PROTECTED, context, work_crs, progress.sub(0.65, 0.75), feedback)
        if lay is not None:
            protected = targets.Zones(lay.geoms[lay.usable])
        src = self.parameterAsSource(parameters, self.STREAMS, context)
        if src is not None:
            field = inputs.chosen_field(self, parameters, self.GSG_FIELD, context, src, GSG_FIELD_CANDIDATES)
            if not field:
                feedback.pushWarning(self.tr("The watercourse layer has no Gewässerstrukturgüte field: the HZ 19 target is left out."))
            else:
                lay, _ = self._read(parameters, self.STREAMS, context, work_crs, progress.sub(0.75, 0.85), feedback, [field], polygonal=False)
                if lay is not None:
                    gsg = number_column(lay, field)
                    bad = int((~np.isfinite(gsg) | (gsg < 1) | (gsg > 7))[lay.usable].sum())
                    if bad:
                        feedback.pushWarning(self.tr("{n} watercourse stretches have no Gewässerstrukturgüte class 1–7 and are left out.").format(n=bad))
                    gsg = np.where((gsg >= 1) & (gsg <= 7), gsg, np.nan)
                    streams = targets.Streams(lay.geoms[lay.usable], gsg[lay.usable],
                                              conurbation=self.parameterAsEnum(parameters, self.STREAMS_SCOPE, context) == 0)
        progress.check()
        lang = language()
        rows = targets.progress_rows(dist.geoms, names, roofs=roofs, sealed=sealed, forest=forest, protected=protected,
                                     streams=streams, lang=lang)
        progress(0.9)
        fields = make_fields(targets.TABLE_FIELDS)
        sink, dest = self.sink(parameters, self.OUTPUT, context, fields, Qgis.WkbType.NoGeometry, QgsCoordinateReferenceSystem())
        cols = [(fname, kind, np.array(c, dtype=object))
                for (fname, kind), c in zip(targets.TABLE_FIELDS, targets.as_columns(rows, translate_marked))]
        write_sink(sink, fields, np.full(len(rows), None, dtype=object), cols, progress.sub(0.9, 0.95))
        del sink
        self.close_sink(dest)
        results = {self.OUTPUT: dest, "N_ROWS": len(rows), "N_MET": sum(1 for r in rows if r.met)}
        pdf = self.parameterAsFileOutput(parameters, self.REPORT, context) if parameters.get(self.REPORT) not in (None, "") else ""
        if pdf:
            self.claim_files(pdf)
            pages = self._pdf(pdf, name, rows)
            feedback.pushInfo(self.tr("PDF report written: {path} ({n} pages).").format(path=pdf, n=pages))
            results[self.REPORT] = pdf
        feedback.pushInfo(self.tr("{n} rows; {m} targets met.").format(n=len(rows), m=results["N_MET"]))
        progress(1.0)
        return results

    def _roofs(self, parameters, context, src, work_crs, progress, feedback) -> targets.Roofs | None:
        names = src.fields().names()
        lower = {n.lower() for n in names}
        from_flatroofs = {"slope_class", "gi_flags", "greenable_m2"} <= lower
        if from_flatroofs:
            lay, _ = self._read(parameters, self.ROOFS, context, work_crs, progress, feedback, ["slope_class", "gi_flags", "greenable_m2"])
            if lay is None:
                return None
            slope = text_column(lay, "slope_class")
            flags = text_column(lay, "gi_flags")
            flat = np.array([s == roof_scoring.FLAT_CLASS for s in slope.tolist()], dtype=bool)
            green = np.array(["green_exists" in (f or "").split(",") for f in flags.tolist()], dtype=bool)
            area = number_column(lay, "greenable_m2")
            feedback.pushInfo(self.tr("Roofs: a Flat roofs result (flat = slope class 0-5, green = flag green_exists, area = greenable_m2)."))
        else:
            flat_f = inputs.chosen_field(self, parameters, self.ROOF_FLAT_FIELD, context, src, FLAT_FIELD_CANDIDATES)
            green_f = inputs.chosen_field(self, parameters, self.ROOF_GREEN_FIELD, context, src, GREEN_FIELD_CANDIDATES)
            area_f = inputs.chosen_field(self, parameters, self.ROOF_AREA_FIELD, context, src, AREA_FIELD_CANDIDATES)
            if not green_f:
                feedback.pushWarning(self.tr("The roof layer has no green-roof field (1/0) and is no Flat roofs result: the HZ 02 target is left out."))
                return None
            lay, _ = self._read(parameters, self.ROOFS, context, work_crs, progress, feedback, [flat_f, green_f, area_f])
            if lay is None:
                return None
            green = self._flags(lay, green_f)
            if flat_f:
                flat = self._flags(lay, flat_f)
            else:
                flat = np.ones(len(lay), dtype=bool)
                feedback.pushWarning(self.tr("The roof layer has no flat-roof field: every roof counts as a flat roof."))
            area = number_column(lay, area_f) if area_f else None
        ok = lay.usable
        import shapely

        poly_area = np.zeros(len(lay))
        poly_area[ok] = shapely.area(lay.geoms[ok])
        area = poly_area if area is None else np.where(np.isfinite(area), area, poly_area)
        return targets.Roofs(lay.geoms[ok], area[ok], flat[ok], green[ok])

    # ------------------------------------------------------------------------------------------
    def _pdf(self, path: str, name: str, rows: list[targets.TargetProgress]) -> int:
        de = language() == "de"
        tmpdir = tempfile.mkdtemp(prefix="gi_targets_")
        chart = os.path.join(tmpdir, "chart.png")
        shown = draw_chart(rows, chart, de)
        blocks: list = []
        if shown:
            blocks.append(self.tr("Bars: the observed share per district; the black mark: the target. Green = met, red = not met, grey = no data."))
            blocks.append(report.Picture(chart, min(200.0, 20.0 + 6.0 * shown)))
            if shown < len(rows):
                blocks.append(self.tr("The chart shows the first {n} of {m} rows; the table has all.").format(n=shown, m=len(rows)))
        sym = {"ge": "≥", "lt": "<", "le": "≤"}
        table = report.Table(
            self.tr("Target progress per district"),
            [self.tr("District"), self.tr("HZ"), self.tr("Indicator"), self.tr("Observed"), self.tr("Target"),
             self.tr("Result"), self.tr("Missing (pp)"), self.tr("Basis")],
            [[r.district, r.hz, r.indicator + (" " + self.tr("(by number)") if r.basis == "count" else ""),
              _pct(r.observed, de), f"{sym.get(r.comparator, '')} {_pct(r.target, de)}" + (f" ({r.year})" if r.year else ""),
              self.tr("met") if r.met else (self.tr("not met") if r.met is False else self.tr("no data")),
              _num(r.gap, de), r.basis] for r in rows],
            widths=(28, 10, 52, 18, 24, 16, 14, 0),
            row_colours=[report.PASS_COLOUR if r.met else report.FAIL_COLOUR if r.met is False else None for r in rows])
        blocks.append(table)
        notes = sorted({translate_marked(r.note) for r in rows if r.note})
        sources = sorted({r.source for r in rows})
        blocks.append(report.Table(self.tr("Interpretations and sources"), [self.tr("Note")],
                                   [[n] for n in notes] + [[s] for s in sources]))
        rep = report.Report(
            title=self.tr("Target progress: {name}").format(name=name),
            subtitle=self.tr("Strategie Grüne Infrastruktur Metropole Ruhr · gi_qgis_plugin · {date}").format(date=datetime.date.today().isoformat()),
            blocks=blocks, footer=self.tr("Target progress {name}").format(name=name))
        return report.render(rep, path, QgsProject())


def _pct(x: float, de: bool) -> str:
    if x != x:
        return "–"
    text = f"{x:.1f}"
    return (text.replace(".", ",") + " %") if de else text + "%"


def _num(x: float, de: bool) -> str:
    if x != x:
        return "–"
    text = f"{x:.1f}"
    return text.replace(".", ",") if de else text


def draw_chart(rows: list[targets.TargetProgress], path: str, de: bool, max_rows: int = 30) -> int:
    """A horizontal bar chart (PNG): one bar per row, the target as a black mark. Returns the rows drawn."""
    shown = rows[:max_rows]
    if not shown:
        return 0
    label_w, bar_w, row_h, top = 620, 640, 64, 40
    img = QImage(label_w + bar_w + 130, top + row_h * len(shown) + 60, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    try:
        font = QFont()
        font.setPixelSize(26)
        p.setFont(font)
        scale = bar_w / 100.0
        p.setPen(QPen(QColor("#bdbdbd"), 1))
        for tick in range(0, 101, 25):
            x = label_w + tick * scale
            p.drawLine(QPointF(x, top - 10), QPointF(x, top + row_h * len(shown)))
            p.drawText(QRectF(x - 40, top + row_h * len(shown) + 5, 80, 36), int(Qt.AlignmentFlag.AlignHCenter), f"{tick}%")
        for i, r in enumerate(shown):
            y = top + i * row_h
            p.setPen(QPen(QColor("black")))
            label = f"{r.district} · HZ {r.hz} · {r.indicator}"[:40] + (" (n)" if r.basis == "count" else "")
            p.drawText(QRectF(5, y, label_w - 15, row_h), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), label)
            if r.observed == r.observed:
                colour = "#4caf50" if r.met else "#e57373"
                p.fillRect(QRectF(label_w, y + 10, max(1.0, min(r.observed, 100.0) * scale), row_h - 20), QColor(colour))
                p.drawText(QRectF(label_w + min(r.observed, 100.0) * scale + 6, y, 125, row_h),
                           int(Qt.AlignmentFlag.AlignVCenter), _pct(r.observed, de))
            else:
                p.fillRect(QRectF(label_w, y + 10, 6, row_h - 20), QColor("#bdbdbd"))
            p.setPen(QPen(QColor("black"), 4))
            tx = label_w + min(r.target, 100.0) * scale
            p.drawLine(QPointF(tx, y + 4), QPointF(tx, y + row_h - 4))
    finally:
        p.end()
    img.save(path, "PNG")
    return len(shown)


def project_progress(project: QgsProject | None = None) -> dict[str, list[targets.TargetProgress]]:
    """Progress per HZ from every gi:targets table in the project: the dock's view of the table."""
    project = project or QgsProject.instance()
    out: dict[str, list[targets.TargetProgress]] = {}
    for layer in project.mapLayers().values():
        if not isinstance(layer, QgsVectorLayer) or not targets.is_progress_table(layer.fields().names()):
            continue
        names = layer.fields().names()
        by_hz = targets.progress_by_hz(dict(zip(names, f.attributes())) for f in layer.getFeatures())
        for hz, items in by_hz.items():
            out.setdefault(hz, []).extend(items)
    return out


def progress_lines(number: str, project: QgsProject | None = None, lang: str = "de") -> list[str]:
    """The lines the Handlungsziele browser shows for one HZ (empty without a gi:targets table)."""
    return [targets.summary_line(p, lang) for p in project_progress(project).get(number, [])]


__all__ = ["TargetsAlgorithm", "draw_chart", "progress_lines", "project_progress"]
