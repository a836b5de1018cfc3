# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'moderation_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

from assessdesk.gui.widgets.rubric_grid import RubricGrid

class Ui_ModerationPage(object):
    def setupUi(self, ModerationPage):
        if not ModerationPage.objectName():
            ModerationPage.setObjectName(u"ModerationPage")
        self.main_layout = QHBoxLayout(ModerationPage)
        self.main_layout.setObjectName(u"main_layout")
        self.page_splitter = QSplitter(ModerationPage)
        self.page_splitter.setObjectName(u"page_splitter")
        self.page_splitter.setOrientation(Qt.Horizontal)
        self.queue_panel = QWidget(self.page_splitter)
        self.queue_panel.setObjectName(u"queue_panel")
        self.queue_layout = QVBoxLayout(self.queue_panel)
        self.queue_layout.setObjectName(u"queue_layout")
        self.queue_layout.setContentsMargins(0, 0, 0, 0)
        self.queue_title_label = QLabel(self.queue_panel)
        self.queue_title_label.setObjectName(u"queue_title_label")

        self.queue_layout.addWidget(self.queue_title_label)

        self.queue_list = QListWidget(self.queue_panel)
        self.queue_list.setObjectName(u"queue_list")
        self.queue_list.setMinimumSize(QSize(220, 0))

        self.queue_layout.addWidget(self.queue_list)

        self.open_button = QPushButton(self.queue_panel)
        self.open_button.setObjectName(u"open_button")

        self.queue_layout.addWidget(self.open_button)

        self.refresh_button = QPushButton(self.queue_panel)
        self.refresh_button.setObjectName(u"refresh_button")

        self.queue_layout.addWidget(self.refresh_button)

        self.page_splitter.addWidget(self.queue_panel)
        self.case_panel = QWidget(self.page_splitter)
        self.case_panel.setObjectName(u"case_panel")
        self.case_layout = QVBoxLayout(self.case_panel)
        self.case_layout.setObjectName(u"case_layout")
        self.case_layout.setContentsMargins(0, 0, 0, 0)
        self.header_label = QLabel(self.case_panel)
        self.header_label.setObjectName(u"header_label")
        self.header_label.setWordWrap(True)
        self.header_label.setTextFormat(Qt.RichText)

        self.case_layout.addWidget(self.header_label)

        self.sheets_layout = QHBoxLayout()
        self.sheets_layout.setObjectName(u"sheets_layout")
        self.first_group = QGroupBox(self.case_panel)
        self.first_group.setObjectName(u"first_group")
        self.first_layout = QVBoxLayout(self.first_group)
        self.first_layout.setObjectName(u"first_layout")
        self.first_table = QTableWidget(self.first_group)
        if (self.first_table.columnCount() < 3):
            self.first_table.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.first_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.first_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.first_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.first_table.setObjectName(u"first_table")
        self.first_table.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.first_layout.addWidget(self.first_table)

        self.first_total_label = QLabel(self.first_group)
        self.first_total_label.setObjectName(u"first_total_label")

        self.first_layout.addWidget(self.first_total_label)


        self.sheets_layout.addWidget(self.first_group)

        self.second_group = QGroupBox(self.case_panel)
        self.second_group.setObjectName(u"second_group")
        self.second_layout = QVBoxLayout(self.second_group)
        self.second_layout.setObjectName(u"second_layout")
        self.second_table = QTableWidget(self.second_group)
        if (self.second_table.columnCount() < 3):
            self.second_table.setColumnCount(3)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.second_table.setHorizontalHeaderItem(0, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.second_table.setHorizontalHeaderItem(1, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.second_table.setHorizontalHeaderItem(2, __qtablewidgetitem5)
        self.second_table.setObjectName(u"second_table")
        self.second_table.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.second_layout.addWidget(self.second_table)

        self.second_total_label = QLabel(self.second_group)
        self.second_total_label.setObjectName(u"second_total_label")

        self.second_layout.addWidget(self.second_total_label)


        self.sheets_layout.addWidget(self.second_group)


        self.case_layout.addLayout(self.sheets_layout)

        self.agreed_label = QLabel(self.case_panel)
        self.agreed_label.setObjectName(u"agreed_label")

        self.case_layout.addWidget(self.agreed_label)

        self.agreed_grid = RubricGrid(self.case_panel)
        self.agreed_grid.setObjectName(u"agreed_grid")

        self.case_layout.addWidget(self.agreed_grid)

        self.reason_layout = QHBoxLayout()
        self.reason_layout.setObjectName(u"reason_layout")
        self.reason_label = QLabel(self.case_panel)
        self.reason_label.setObjectName(u"reason_label")

        self.reason_layout.addWidget(self.reason_label)

        self.reason_edit = QLineEdit(self.case_panel)
        self.reason_edit.setObjectName(u"reason_edit")

        self.reason_layout.addWidget(self.reason_edit)


        self.case_layout.addLayout(self.reason_layout)

        self.footer_layout = QHBoxLayout()
        self.footer_layout.setObjectName(u"footer_layout")
        self.total_label = QLabel(self.case_panel)
        self.total_label.setObjectName(u"total_label")
        self.total_label.setTextFormat(Qt.RichText)

        self.footer_layout.addWidget(self.total_label)

        self.footer_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footer_layout.addItem(self.footer_spacer)

        self.draft_label = QLabel(self.case_panel)
        self.draft_label.setObjectName(u"draft_label")

        self.footer_layout.addWidget(self.draft_label)

        self.record_button = QPushButton(self.case_panel)
        self.record_button.setObjectName(u"record_button")
        self.record_button.setEnabled(False)

        self.footer_layout.addWidget(self.record_button)


        self.case_layout.addLayout(self.footer_layout)

        self.status_label = QLabel(self.case_panel)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.RichText)

        self.case_layout.addWidget(self.status_label)

        self.page_splitter.addWidget(self.case_panel)

        self.main_layout.addWidget(self.page_splitter)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ModerationPage)

        QMetaObject.connectSlotsByName(ModerationPage)
    # setupUi

    def retranslateUi(self, ModerationPage):
        self.queue_title_label.setText(QCoreApplication.translate("ModerationPage", u"<h2>Moderation</h2>", None))
#if QT_CONFIG(accessibility)
        self.queue_list.setAccessibleName(QCoreApplication.translate("ModerationPage", u"Attempts in moderation", None))
#endif // QT_CONFIG(accessibility)
        self.open_button.setText(QCoreApplication.translate("ModerationPage", u"&Open case", None))
        self.refresh_button.setText(QCoreApplication.translate("ModerationPage", u"&Refresh", None))
#if QT_CONFIG(shortcut)
        self.refresh_button.setShortcut(QCoreApplication.translate("ModerationPage", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.header_label.setText(QCoreApplication.translate("ModerationPage", u"Choose a case on the left, then press Enter.", None))
        self.first_group.setTitle(QCoreApplication.translate("ModerationPage", u"First marker", None))
        ___qtablewidgetitem = self.first_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ModerationPage", u"Criterion", None))
        ___qtablewidgetitem1 = self.first_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ModerationPage", u"Level", None))
        ___qtablewidgetitem2 = self.first_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ModerationPage", u"Note", None))
#if QT_CONFIG(accessibility)
        self.first_table.setAccessibleName(QCoreApplication.translate("ModerationPage", u"First marker's sheet", None))
#endif // QT_CONFIG(accessibility)
        self.first_total_label.setText("")
        self.second_group.setTitle(QCoreApplication.translate("ModerationPage", u"Second marker", None))
        ___qtablewidgetitem3 = self.second_table.horizontalHeaderItem(0)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ModerationPage", u"Criterion", None))
        ___qtablewidgetitem4 = self.second_table.horizontalHeaderItem(1)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ModerationPage", u"Level", None))
        ___qtablewidgetitem5 = self.second_table.horizontalHeaderItem(2)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("ModerationPage", u"Note", None))
#if QT_CONFIG(accessibility)
        self.second_table.setAccessibleName(QCoreApplication.translate("ModerationPage", u"Second marker's sheet", None))
#endif // QT_CONFIG(accessibility)
        self.second_total_label.setText("")
        self.agreed_label.setText(QCoreApplication.translate("ModerationPage", u"<b>Agreed result</b> (criteria both markers judged alike are filled in):", None))
#if QT_CONFIG(accessibility)
        self.agreed_grid.setAccessibleName(QCoreApplication.translate("ModerationPage", u"Agreed result: criteria and levels", None))
#endif // QT_CONFIG(accessibility)
        self.reason_label.setText(QCoreApplication.translate("ModerationPage", u"Re&ason:", None))
#if QT_CONFIG(accessibility)
        self.reason_edit.setAccessibleName(QCoreApplication.translate("ModerationPage", u"Reason for the agreed result", None))
#endif // QT_CONFIG(accessibility)
        self.total_label.setText("")
        self.draft_label.setText("")
        self.record_button.setText(QCoreApplication.translate("ModerationPage", u"Record a&greed result", None))
        self.status_label.setText("")
        pass
    # retranslateUi

