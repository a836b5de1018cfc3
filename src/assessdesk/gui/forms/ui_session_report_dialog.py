# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_report_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QSizePolicy, QTextBrowser, QVBoxLayout,
    QWidget)

class Ui_SessionReportDialog(object):
    def setupUi(self, SessionReportDialog):
        if not SessionReportDialog.objectName():
            SessionReportDialog.setObjectName(u"SessionReportDialog")
        SessionReportDialog.resize(900, 620)
        self.main_layout = QVBoxLayout(SessionReportDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.report_browser = QTextBrowser(SessionReportDialog)
        self.report_browser.setObjectName(u"report_browser")

        self.main_layout.addWidget(self.report_browser)

        self.pdf_label = QLabel(SessionReportDialog)
        self.pdf_label.setObjectName(u"pdf_label")
        self.pdf_label.setWordWrap(True)
        self.pdf_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main_layout.addWidget(self.pdf_label)

        self.button_box = QDialogButtonBox(SessionReportDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Close)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(SessionReportDialog)
        self.button_box.rejected.connect(SessionReportDialog.reject)

        QMetaObject.connectSlotsByName(SessionReportDialog)
    # setupUi

    def retranslateUi(self, SessionReportDialog):
        SessionReportDialog.setWindowTitle(QCoreApplication.translate("SessionReportDialog", u"End-of-session report", None))
#if QT_CONFIG(accessibility)
        self.report_browser.setAccessibleName(QCoreApplication.translate("SessionReportDialog", u"Session report", None))
#endif // QT_CONFIG(accessibility)
        self.pdf_label.setText("")
    # retranslateUi

