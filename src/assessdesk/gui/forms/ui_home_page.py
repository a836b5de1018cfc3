# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'home_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_HomePage(object):
    def setupUi(self, HomePage):
        if not HomePage.objectName():
            HomePage.setObjectName(u"HomePage")
        self.main_layout = QVBoxLayout(HomePage)
        self.main_layout.setObjectName(u"main_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.title_label = QLabel(HomePage)
        self.title_label.setObjectName(u"title_label")

        self.header_layout.addWidget(self.title_label)

        self.header_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.session_report_button = QPushButton(HomePage)
        self.session_report_button.setObjectName(u"session_report_button")

        self.header_layout.addWidget(self.session_report_button)

        self.refresh_button = QPushButton(HomePage)
        self.refresh_button.setObjectName(u"refresh_button")

        self.header_layout.addWidget(self.refresh_button)


        self.main_layout.addLayout(self.header_layout)

        self.summary_label = QLabel(HomePage)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.schedule_tree = QTreeWidget(HomePage)
        self.schedule_tree.setObjectName(u"schedule_tree")
        self.schedule_tree.setAlternatingRowColors(True)
        self.schedule_tree.setUniformRowHeights(True)

        self.main_layout.addWidget(self.schedule_tree)


        self.retranslateUi(HomePage)

        QMetaObject.connectSlotsByName(HomePage)
    # setupUi

    def retranslateUi(self, HomePage):
        self.title_label.setText(QCoreApplication.translate("HomePage", u"<h2>Today</h2>", None))
        self.session_report_button.setText(QCoreApplication.translate("HomePage", u"Session &report\u2026", None))
#if QT_CONFIG(tooltip)
        self.session_report_button.setToolTip(QCoreApplication.translate("HomePage", u"The end-of-session report of the selected session (on screen and as PDF)", None))
#endif // QT_CONFIG(tooltip)
        self.refresh_button.setText(QCoreApplication.translate("HomePage", u"&Refresh", None))
#if QT_CONFIG(shortcut)
        self.refresh_button.setShortcut(QCoreApplication.translate("HomePage", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.summary_label.setText("")
        ___qtreewidgetitem = self.schedule_tree.headerItem()
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("HomePage", u"Site", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("HomePage", u"State", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("HomePage", u"Credential", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("HomePage", u"Time", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("HomePage", u"Session / candidate", None))
#if QT_CONFIG(accessibility)
        self.schedule_tree.setAccessibleName(QCoreApplication.translate("HomePage", u"Today's sessions and attempts", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

