# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'error_dialog.ui'
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
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ErrorDialog(object):
    def setupUi(self, ErrorDialog):
        if not ErrorDialog.objectName():
            ErrorDialog.setObjectName(u"ErrorDialog")
        ErrorDialog.resize(480, 240)
        self.main_layout = QVBoxLayout(ErrorDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.message_label = QLabel(ErrorDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main_layout.addWidget(self.message_label)

        self.hint_label = QLabel(ErrorDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.main_layout.addWidget(self.hint_label)

        self.details_edit = QPlainTextEdit(ErrorDialog)
        self.details_edit.setObjectName(u"details_edit")
        self.details_edit.setReadOnly(True)

        self.main_layout.addWidget(self.details_edit)

        self.button_box = QDialogButtonBox(ErrorDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ErrorDialog)
        self.button_box.accepted.connect(ErrorDialog.accept)

        QMetaObject.connectSlotsByName(ErrorDialog)
    # setupUi

    def retranslateUi(self, ErrorDialog):
        ErrorDialog.setWindowTitle(QCoreApplication.translate("ErrorDialog", u"Something went wrong", None))
        self.message_label.setText("")
        self.hint_label.setText("")
#if QT_CONFIG(accessibility)
        self.details_edit.setAccessibleName(QCoreApplication.translate("ErrorDialog", u"Technical details", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

