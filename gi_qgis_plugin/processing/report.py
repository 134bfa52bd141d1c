"""PDF reports through the QGIS layout engine (QgsPrintLayout), for gi:designcheck and gi:targets.

A report is a list of blocks on A4 portrait pages: a title, an optional map of vector layers
with a legend, an optional picture (a chart), and tables. Tables are manual layout tables that
flow onto further pages by themselves (ExtendToNextPage); the next block starts on a new page
after the last page a table used. Texts arrive translated (the algorithms call ``tr``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from qgis.core import (
    Qgis,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProject,
    QgsRectangle,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..i18n import tr

PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 15.0
MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters

PASS_COLOUR = "#d9f0d3"
FAIL_COLOUR = "#f4cccc"


@dataclass
class Table:
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths: Sequence[float] = ()  # mm per column (0 = automatic)
    row_colours: Sequence[str | None] = ()  # background per row (pass/fail)
    bold_last: bool = False  # a total row


@dataclass
class MapBlock:
    layers: list  # QgsMapLayer, top first
    extent: QgsRectangle
    height_mm: float = 120.0
    legend: bool = True


@dataclass
class Picture:
    path: str
    height_mm: float = 110.0


@dataclass
class Report:
    title: str
    subtitle: str = ""
    blocks: list = field(default_factory=list)  # MapBlock | Picture | Table | str (a paragraph)
    footer: str = ""


def _font(size: float, bold: bool = False) -> QgsTextFormat:
    fmt = QgsTextFormat()
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    return fmt


def _label(layout: QgsLayout, text: str, page: int, y: float, size: float = 9.0, bold: bool = False,
           height: float = 8.0) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setTextFormat(_font(size, bold))
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(MARGIN, y, MM), page=page)
    label.attemptResize(QgsLayoutSize(PAGE_W - 2 * MARGIN, height, MM))
    return label


def _new_page(layout: QgsLayout) -> int:
    page = QgsLayoutItemPage(layout)
    page.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    layout.pageCollection().addPage(page)
    return layout.pageCollection().pageCount() - 1


def _text(value: object) -> str:
    return "" if value is None else str(value)


CELL_MARGIN = 1.0
LEGEND_W = 58.0  # mm beside the map
GRID = 0.5  # the table's grid stroke, mm


def _widths(block: Table) -> list[float]:
    """Column widths that fill the page width: columns without a width share what is left, so
    long texts wrap instead of running off the page."""
    n = len(block.header)
    given = [float(block.widths[i]) if i < len(block.widths) and block.widths[i] else 0.0 for i in range(n)]
    room = PAGE_W - 2 * MARGIN - n * 2 * CELL_MARGIN - (n + 1) * GRID - 1.0
    free = [i for i in range(n) if not given[i]]
    rest = room - sum(given)
    if free:
        share = max(rest / len(free), 10.0)
        for i in free:
            given[i] = share
    elif rest < 0:  # too wide as given: shrink all in proportion
        given = [w * room / sum(given) for w in given]
    return given


def _table(layout: QgsLayout, block: Table, page: int, y: float) -> int:
    """Add a table from (page, y); returns the index of the last page it uses."""
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    table.setHeaderTextFormat(_font(7.5, True))
    table.setContentTextFormat(_font(7.5))
    table.setCellMargin(CELL_MARGIN)
    table.setGridStrokeWidth(GRID)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.ExtendToNextPage)
    table.setIncludeTableHeader(True)
    table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)
    widths = _widths(block)
    columns = []
    for head, width in zip(block.header, widths):
        col = QgsLayoutTableColumn(head)
        col.setWidth(width)
        columns.append(col)
    table.setHeaders(columns)
    table.setColumnWidths(widths)
    contents = []
    n = len(block.rows)
    for r, row in enumerate(block.rows):
        cells = []
        colour = block.row_colours[r] if r < len(block.row_colours) else None
        for value in row:
            cell = QgsTableCell(_text(value))
            if colour:
                cell.setBackgroundColor(QColor(colour))
            if block.bold_last and r == n - 1:
                cell.setTextFormat(_font(7.5, True))
            cells.append(cell)
        contents.append(cells)
    table.setTableContents(contents)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptMove(QgsLayoutPoint(MARGIN, y, MM), page=page)
    frame.attemptResize(QgsLayoutSize(PAGE_W - 2 * MARGIN, PAGE_H - MARGIN - y, MM))
    table.addFrame(frame)
    table.recalculateFrameSizes()
    last = page
    for i in range(table.frameCount()):
        last = max(last, table.frame(i).page())
    return last


def render(report: Report, path: str, project: QgsProject | None = None) -> int:
    """Write the report as a PDF to ``path``; returns the page count."""
    project = project or QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 page
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    page, y = 0, MARGIN
    _label(layout, report.title, page, y, 15.0, True, 10.0)
    y += 11.0
    if report.subtitle:
        _label(layout, report.subtitle, page, y, 8.5, False, 10.0)
        y += 11.0
    for block in report.blocks:
        if isinstance(block, MapBlock):
            if y + block.height_mm > PAGE_H - MARGIN:
                page, y = _new_page(layout), MARGIN
            item = QgsLayoutItemMap(layout)
            layout.addLayoutItem(item)
            item.attemptMove(QgsLayoutPoint(MARGIN, y, MM), page=page)
            width = PAGE_W - 2 * MARGIN - (LEGEND_W if block.legend else 0.0)
            item.attemptResize(QgsLayoutSize(width, block.height_mm, MM))
            item.setLayers(block.layers)
            item.setKeepLayerSet(True)
            item.setCrs(block.layers[0].crs())
            item.zoomToExtent(block.extent)
            item.setFrameEnabled(True)
            if block.legend:
                legend = QgsLayoutItemLegend(layout)
                legend.setLinkedMap(item)
                legend.setAutoUpdateModel(False)
                root = legend.model().rootGroup()
                root.removeAllChildren()
                for layer in block.layers:
                    root.addLayer(layer)
                legend.setTitle(tr("Legend"))
                legend.setWrapString("\n")
                for style, size, bold in ((QgsLegendStyle.Style.Title, 9.0, True), (QgsLegendStyle.Style.Group, 8.0, True),
                                          (QgsLegendStyle.Style.Subgroup, 8.0, True), (QgsLegendStyle.Style.SymbolLabel, 7.5, False)):
                    legend.rstyle(style).setTextFormat(_font(size, bold))
                layout.addLayoutItem(legend)
                legend.attemptMove(QgsLayoutPoint(MARGIN + width + 3.0, y, MM), page=page)
                legend.setResizeToContents(True)
            y += block.height_mm + 5.0
        elif isinstance(block, Picture):
            if y + block.height_mm > PAGE_H - MARGIN:
                page, y = _new_page(layout), MARGIN
            pic = QgsLayoutItemPicture(layout)
            pic.setPicturePath(block.path)
            layout.addLayoutItem(pic)
            pic.attemptMove(QgsLayoutPoint(MARGIN, y, MM), page=page)
            pic.attemptResize(QgsLayoutSize(PAGE_W - 2 * MARGIN, block.height_mm, MM))
            y += block.height_mm + 5.0
        elif isinstance(block, Table):
            if y > PAGE_H - 60.0:
                page, y = _new_page(layout), MARGIN
            _label(layout, block.title, page, y, 11.0, True, 7.0)
            y += 8.0
            last = _table(layout, block, page, y)
            # the next block starts on a fresh page after the table's last page
            while layout.pageCollection().pageCount() <= last + 1:
                _new_page(layout)
            page, y = last + 1, MARGIN
        else:  # a paragraph
            lines = max(1, len(str(block)) // 110 + str(block).count("\n") + 1)
            height = 4.2 * lines + 2
            if y + height > PAGE_H - MARGIN:
                page, y = _new_page(layout), MARGIN
            _label(layout, str(block), page, y, 8.0, False, height)
            y += height + 2.0
    # drop an empty trailing page
    pages = layout.pageCollection()
    if pages.pageCount() > 1 and page == pages.pageCount() - 1 and y == MARGIN:
        pages.deletePage(pages.pageCount() - 1)
    if report.footer:
        for p in range(pages.pageCount()):
            _label(layout, f"{report.footer} – {p + 1}/{pages.pageCount()}", p, PAGE_H - 10.0, 6.5, False, 5.0)
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    # real text, not outlines: the PDF stays searchable and its text can be checked
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    result = exporter.exportToPdf(path, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise QgsProcessingException(tr("The PDF report could not be written to {path} ({err}). Choose another file name or folder.").format(
            path=path, err=exporter.errorMessage() or str(result)))
    return pages.pageCount()
