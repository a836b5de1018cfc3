# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'walk_in_dialog.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_WalkInDialog(object):
    def setupUi(self, WalkInDialog):
        if not WalkInDialog.objectName():
            WalkInDialog.setObjectName(u"WalkInDialog")
        self.main_layout = QVBoxLayout(WalkInDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(WalkInDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.given_label = QLabel(WalkInDialog)
        self.given_label.setObjectName(u"given_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.given_label)

        self.given_edit = QLineEdit(WalkInDialog)
        self.given_edit.setObjectName(u"given_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.given_edit)

        self.family_label = QLabel(WalkInDialog)
        self.family_label.setObjectName(u"family_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.family_label)

        self.family_edit = QLineEdit(WalkInDialog)
        self.family_edit.setObjectName(u"family_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.family_edit)

        self.email_label = QLabel(WalkInDialog)
        self.email_label.setObjectName(u"email_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_edit = QLineEdit(WalkInDialog)
        self.email_edit.setObjectName(u"email_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.email_edit)

        self.external_label = QLabel(WalkInDialog)
        self.external_label.setObjectName(u"external_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.external_label)

        self.external_edit = QLineEdit(WalkInDialog)
        self.external_edit.setObjectName(u"external_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.external_edit)


        self.main_layout.addLayout(self.form_layout)

        self.button_box = QDialogButtonBox(WalkInDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.given_label.setBuddy(self.given_edit)
        self.family_label.setBuddy(self.family_edit)
        self.email_label.setBuddy(self.email_edit)
        self.external_label.setBuddy(self.external_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WalkInDialog)
        self.button_box.accepted.connect(WalkInDialog.accept)
        self.button_box.rejected.connect(WalkInDialog.reject)

        QMetaObject.connectSlotsByName(WalkInDialog)
    # setupUi

    def retranslateUi(self, WalkInDialog):
        WalkInDialog.setWindowTitle(QCoreApplication.translate("WalkInDialog", u"Register a walk-in candidate", None))
        self.intro_label.setText(QCoreApplication.translate("WalkInDialog", u"Works offline: the registry reviews walk-ins at the next sync and may merge duplicates.", None))
        self.given_label.setText(QCoreApplication.translate("WalkInDialog", u"&Given name", None))
        self.family_label.setText(QCoreApplication.translate("WalkInDialog", u"&Family name", None))
        self.email_label.setText(QCoreApplication.translate("WalkInDialog", u"&E-mail", None))
        self.external_label.setText(QCoreApplication.translate("WalkInDialog", u"E&xternal id", None))
        self.external_edit.setPlaceholderText(QCoreApplication.translate("WalkInDialog", u"optional", None))
    # retranslateUi

