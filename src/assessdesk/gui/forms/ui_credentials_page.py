# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'credentials_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_CredentialsPage(object):
    def setupUi(self, CredentialsPage):
        if not CredentialsPage.objectName():
            CredentialsPage.setObjectName(u"CredentialsPage")
        self.main_layout = QVBoxLayout(CredentialsPage)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(CredentialsPage)
        self.title_label.setObjectName(u"title_label")

        self.main_layout.addWidget(self.title_label)

        self.filter_layout = QHBoxLayout()
        self.filter_layout.setObjectName(u"filter_layout")
        self.candidate_label = QLabel(CredentialsPage)
        self.candidate_label.setObjectName(u"candidate_label")

        self.filter_layout.addWidget(self.candidate_label)

        self.candidate_combo = QComboBox(CredentialsPage)
        self.candidate_combo.setObjectName(u"candidate_combo")
        self.candidate_combo.setMinimumContentsLength(24)

        self.filter_layout.addWidget(self.candidate_combo)

        self.filter_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filter_layout.addItem(self.filter_spacer)

        self.refresh_button = QPushButton(CredentialsPage)
        self.refresh_button.setObjectName(u"refresh_button")

        self.filter_layout.addWidget(self.refresh_button)


        self.main_layout.addLayout(self.filter_layout)

        self.credentials_table = QTableWidget(CredentialsPage)
        if (self.credentials_table.columnCount() < 7):
            self.credentials_table.setColumnCount(7)
        __qtablewidgetitem = QTableWidgetItem()
        self.credentials_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.credentials_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.credentials_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.credentials_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.credentials_table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.credentials_table.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.credentials_table.setHorizontalHeaderItem(6, __qtablewidgetitem6)
        self.credentials_table.setObjectName(u"credentials_table")
        self.credentials_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.credentials_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.credentials_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.credentials_table.setAlternatingRowColors(True)

        self.main_layout.addWidget(self.credentials_table)

        self.detail_label = QLabel(CredentialsPage)
        self.detail_label.setObjectName(u"detail_label")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)

        self.main_layout.addWidget(self.detail_label)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.verify_button = QPushButton(CredentialsPage)
        self.verify_button.setObjectName(u"verify_button")

        self.button_layout.addWidget(self.verify_button)

        self.export_json_button = QPushButton(CredentialsPage)
        self.export_json_button.setObjectName(u"export_json_button")

        self.button_layout.addWidget(self.export_json_button)

        self.export_pdf_button = QPushButton(CredentialsPage)
        self.export_pdf_button.setObjectName(u"export_pdf_button")

        self.button_layout.addWidget(self.export_pdf_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.revoke_button = QPushButton(CredentialsPage)
        self.revoke_button.setObjectName(u"revoke_button")

        self.button_layout.addWidget(self.revoke_button)


        self.main_layout.addLayout(self.button_layout)

        self.status_label = QLabel(CredentialsPage)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.main_layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.candidate_label.setBuddy(self.candidate_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.candidate_combo, self.credentials_table)
        QWidget.setTabOrder(self.credentials_table, self.verify_button)
        QWidget.setTabOrder(self.verify_button, self.export_json_button)
        QWidget.setTabOrder(self.export_json_button, self.export_pdf_button)
        QWidget.setTabOrder(self.export_pdf_button, self.revoke_button)

        self.retranslateUi(CredentialsPage)

        QMetaObject.connectSlotsByName(CredentialsPage)
    # setupUi

    def retranslateUi(self, CredentialsPage):
        self.title_label.setText(QCoreApplication.translate("CredentialsPage", u"<h2>Credentials</h2>", None))
        self.candidate_label.setText(QCoreApplication.translate("CredentialsPage", u"&Candidate:", None))
        self.refresh_button.setText(QCoreApplication.translate("CredentialsPage", u"Re&fresh", None))
        ___qtablewidgetitem = self.credentials_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CredentialsPage", u"Candidate", None))
        ___qtablewidgetitem1 = self.credentials_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CredentialsPage", u"Credential", None))
        ___qtablewidgetitem2 = self.credentials_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("CredentialsPage", u"Issued", None))
        ___qtablewidgetitem3 = self.credentials_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("CredentialsPage", u"Valid until", None))
        ___qtablewidgetitem4 = self.credentials_table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("CredentialsPage", u"State", None))
        ___qtablewidgetitem5 = self.credentials_table.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("CredentialsPage", u"Signed off by", None))
        ___qtablewidgetitem6 = self.credentials_table.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("CredentialsPage", u"Credential ID", None))
#if QT_CONFIG(accessibility)
        self.credentials_table.setAccessibleName(QCoreApplication.translate("CredentialsPage", u"Issued credentials", None))
#endif // QT_CONFIG(accessibility)
        self.detail_label.setText("")
        self.verify_button.setText(QCoreApplication.translate("CredentialsPage", u"&Verify", None))
        self.export_json_button.setText(QCoreApplication.translate("CredentialsPage", u"Export &JSON\u2026", None))
        self.export_pdf_button.setText(QCoreApplication.translate("CredentialsPage", u"Export &PDF\u2026", None))
        self.revoke_button.setText(QCoreApplication.translate("CredentialsPage", u"&Revoke\u2026", None))
        self.status_label.setText("")
        pass
    # retranslateUi

