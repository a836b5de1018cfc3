# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'roster_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_RosterPage(object):
    def setupUi(self, RosterPage):
        if not RosterPage.objectName():
            RosterPage.setObjectName(u"RosterPage")
        self.main_layout = QVBoxLayout(RosterPage)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(RosterPage)
        self.title_label.setObjectName(u"title_label")

        self.main_layout.addWidget(self.title_label)

        self.search_layout = QHBoxLayout()
        self.search_layout.setObjectName(u"search_layout")
        self.search_label = QLabel(RosterPage)
        self.search_label.setObjectName(u"search_label")

        self.search_layout.addWidget(self.search_label)

        self.search_edit = QLineEdit(RosterPage)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.search_layout.addWidget(self.search_edit)

        self.walk_in_button = QPushButton(RosterPage)
        self.walk_in_button.setObjectName(u"walk_in_button")

        self.search_layout.addWidget(self.walk_in_button)

        self.import_button = QPushButton(RosterPage)
        self.import_button.setObjectName(u"import_button")

        self.search_layout.addWidget(self.import_button)


        self.main_layout.addLayout(self.search_layout)

        self.body_layout = QHBoxLayout()
        self.body_layout.setObjectName(u"body_layout")
        self.candidates_table = QTableWidget(RosterPage)
        if (self.candidates_table.columnCount() < 4):
            self.candidates_table.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.candidates_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.candidates_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.candidates_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.candidates_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.candidates_table.setObjectName(u"candidates_table")
        self.candidates_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.candidates_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.candidates_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.candidates_table.setAlternatingRowColors(True)

        self.body_layout.addWidget(self.candidates_table)

        self.details_group = QGroupBox(RosterPage)
        self.details_group.setObjectName(u"details_group")
        self.details_group.setMinimumSize(QSize(280, 0))
        self.details_layout = QVBoxLayout(self.details_group)
        self.details_layout.setObjectName(u"details_layout")
        self.photo_label = QLabel(self.details_group)
        self.photo_label.setObjectName(u"photo_label")
        self.photo_label.setMinimumSize(QSize(240, 180))
        self.photo_label.setAlignment(Qt.AlignCenter)
        self.photo_label.setFrameShape(QFrame.StyledPanel)

        self.details_layout.addWidget(self.photo_label)

        self.details_label = QLabel(self.details_group)
        self.details_label.setObjectName(u"details_label")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.details_layout.addWidget(self.details_label)

        self.details_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.details_layout.addItem(self.details_spacer)


        self.body_layout.addWidget(self.details_group)


        self.main_layout.addLayout(self.body_layout)

        self.status_label = QLabel(RosterPage)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main_layout.addWidget(self.status_label)

#if QT_CONFIG(shortcut)
        self.search_label.setBuddy(self.search_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RosterPage)

        QMetaObject.connectSlotsByName(RosterPage)
    # setupUi

    def retranslateUi(self, RosterPage):
        self.title_label.setText(QCoreApplication.translate("RosterPage", u"<h2>Roster</h2>", None))
        self.search_label.setText(QCoreApplication.translate("RosterPage", u"&Find", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("RosterPage", u"name, external id or e-mail", None))
        self.walk_in_button.setText(QCoreApplication.translate("RosterPage", u"Register &walk-in\u2026", None))
        self.import_button.setText(QCoreApplication.translate("RosterPage", u"&Import roster CSV\u2026", None))
        ___qtablewidgetitem = self.candidates_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("RosterPage", u"Name", None))
        ___qtablewidgetitem1 = self.candidates_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("RosterPage", u"External id", None))
        ___qtablewidgetitem2 = self.candidates_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("RosterPage", u"E-mail", None))
        ___qtablewidgetitem3 = self.candidates_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("RosterPage", u"Status", None))
#if QT_CONFIG(accessibility)
        self.candidates_table.setAccessibleName(QCoreApplication.translate("RosterPage", u"Candidates", None))
#endif // QT_CONFIG(accessibility)
        self.details_group.setTitle(QCoreApplication.translate("RosterPage", u"Candidate", None))
        self.photo_label.setText(QCoreApplication.translate("RosterPage", u"No enrolled photo", None))
        self.details_label.setText("")
        self.status_label.setText("")
        pass
    # retranslateUi

