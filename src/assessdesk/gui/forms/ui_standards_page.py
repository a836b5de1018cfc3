# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'standards_page.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTextBrowser, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_StandardsPage(object):
    def setupUi(self, StandardsPage):
        if not StandardsPage.objectName():
            StandardsPage.setObjectName(u"StandardsPage")
        self.main_layout = QVBoxLayout(StandardsPage)
        self.main_layout.setObjectName(u"main_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.title_label = QLabel(StandardsPage)
        self.title_label.setObjectName(u"title_label")

        self.header_layout.addWidget(self.title_label)

        self.header_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.import_button = QPushButton(StandardsPage)
        self.import_button.setObjectName(u"import_button")

        self.header_layout.addWidget(self.import_button)

        self.refresh_button = QPushButton(StandardsPage)
        self.refresh_button.setObjectName(u"refresh_button")

        self.header_layout.addWidget(self.refresh_button)


        self.main_layout.addLayout(self.header_layout)

        self.body_splitter = QSplitter(StandardsPage)
        self.body_splitter.setObjectName(u"body_splitter")
        self.body_splitter.setOrientation(Qt.Horizontal)
        self.library_tree = QTreeWidget(self.body_splitter)
        self.library_tree.setObjectName(u"library_tree")
        self.library_tree.setAlternatingRowColors(True)
        self.body_splitter.addWidget(self.library_tree)
        self.details_browser = QTextBrowser(self.body_splitter)
        self.details_browser.setObjectName(u"details_browser")
        self.body_splitter.addWidget(self.details_browser)

        self.main_layout.addWidget(self.body_splitter)

        self.preview_group = QGroupBox(StandardsPage)
        self.preview_group.setObjectName(u"preview_group")
        self.preview_group.setVisible(False)
        self.preview_layout = QVBoxLayout(self.preview_group)
        self.preview_layout.setObjectName(u"preview_layout")
        self.preview_edit = QPlainTextEdit(self.preview_group)
        self.preview_edit.setObjectName(u"preview_edit")
        self.preview_edit.setReadOnly(True)

        self.preview_layout.addWidget(self.preview_edit)

        self.preview_buttons = QHBoxLayout()
        self.preview_buttons.setObjectName(u"preview_buttons")
        self.preview_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.preview_buttons.addItem(self.preview_spacer)

        self.confirm_import_button = QPushButton(self.preview_group)
        self.confirm_import_button.setObjectName(u"confirm_import_button")

        self.preview_buttons.addWidget(self.confirm_import_button)

        self.cancel_import_button = QPushButton(self.preview_group)
        self.cancel_import_button.setObjectName(u"cancel_import_button")

        self.preview_buttons.addWidget(self.cancel_import_button)


        self.preview_layout.addLayout(self.preview_buttons)


        self.main_layout.addWidget(self.preview_group)

        self.status_label = QLabel(StandardsPage)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)


        self.retranslateUi(StandardsPage)

        QMetaObject.connectSlotsByName(StandardsPage)
    # setupUi

    def retranslateUi(self, StandardsPage):
        self.title_label.setText(QCoreApplication.translate("StandardsPage", u"<h2>Standards library</h2>", None))
        self.import_button.setText(QCoreApplication.translate("StandardsPage", u"&Import package\u2026", None))
        self.refresh_button.setText(QCoreApplication.translate("StandardsPage", u"&Refresh", None))
#if QT_CONFIG(shortcut)
        self.refresh_button.setShortcut(QCoreApplication.translate("StandardsPage", u"F5", None))
#endif // QT_CONFIG(shortcut)
        ___qtreewidgetitem = self.library_tree.headerItem()
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("StandardsPage", u"Package", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("StandardsPage", u"until", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("StandardsPage", u"In force from", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("StandardsPage", u"Version", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("StandardsPage", u"Item", None))
#if QT_CONFIG(accessibility)
        self.library_tree.setAccessibleName(QCoreApplication.translate("StandardsPage", u"Competencies, credentials, rubrics and checklists by version", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.details_browser.setAccessibleName(QCoreApplication.translate("StandardsPage", u"Details of the selected item", None))
#endif // QT_CONFIG(accessibility)
        self.preview_group.setTitle(QCoreApplication.translate("StandardsPage", u"Import preview: what this package changes", None))
#if QT_CONFIG(accessibility)
        self.preview_edit.setAccessibleName(QCoreApplication.translate("StandardsPage", u"Import preview", None))
#endif // QT_CONFIG(accessibility)
        self.confirm_import_button.setText(QCoreApplication.translate("StandardsPage", u"&Confirm import", None))
        self.cancel_import_button.setText(QCoreApplication.translate("StandardsPage", u"Ca&ncel", None))
        self.status_label.setText("")
        pass
    # retranslateUi

