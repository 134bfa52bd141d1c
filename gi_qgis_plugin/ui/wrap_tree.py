"""A tree whose item texts wrap onto more lines instead of being cut off with "…".

QTreeView wraps words when ``wordWrap`` is on, but computes each row's height before it knows
the column's width, so the second line is clipped. The delegate here measures the text at the
width the item really gets, and the tree lays its rows out again when it is resized (a dock
made narrower or wider).
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QRect, QSize, Qt
from qgis.PyQt.QtGui import QFontMetrics
from qgis.PyQt.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget

PADDING = 6  # px around the text (the style's margins and the focus frame)


class WrapDelegate(QStyledItemDelegate):
    def __init__(self, view):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index):  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width = max(40, self.view.viewport().width() - self.view.indentation() * depth - 2 * PADDING)
        box = QFontMetrics(opt.font).boundingRect(QRect(0, 0, width, 100000),
                                                  int(Qt.TextFlag.TextWordWrap), opt.text or "")
        return QSize(width, max(super().sizeHint(option, index).height(), box.height() + PADDING))


class WrappingTree(QTreeWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(WrapDelegate(self))

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.doItemsLayout()  # row heights follow the new width
