# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'user_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_UserDialog(object):
    def setupUi(self, UserDialog):
        if not UserDialog.objectName():
            UserDialog.setObjectName(u"UserDialog")
        UserDialog.resize(420, 380)
        self.main_layout = QVBoxLayout(UserDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.username_label = QLabel(UserDialog)
        self.username_label.setObjectName(u"username_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username_edit = QLineEdit(UserDialog)
        self.username_edit.setObjectName(u"username_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username_edit)

        self.display_name_label = QLabel(UserDialog)
        self.display_name_label.setObjectName(u"display_name_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.display_name_label)

        self.display_name_edit = QLineEdit(UserDialog)
        self.display_name_edit.setObjectName(u"display_name_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.display_name_edit)

        self.password_label = QLabel(UserDialog)
        self.password_label.setObjectName(u"password_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(UserDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.Password)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password_edit)


        self.main_layout.addLayout(self.form_layout)

        self.roles_group = QGroupBox(UserDialog)
        self.roles_group.setObjectName(u"roles_group")
        self.roles_layout = QVBoxLayout(self.roles_group)
        self.roles_layout.setObjectName(u"roles_layout")
        self.proctor_check = QCheckBox(self.roles_group)
        self.proctor_check.setObjectName(u"proctor_check")

        self.roles_layout.addWidget(self.proctor_check)

        self.assessor_check = QCheckBox(self.roles_group)
        self.assessor_check.setObjectName(u"assessor_check")

        self.roles_layout.addWidget(self.assessor_check)

        self.lead_assessor_check = QCheckBox(self.roles_group)
        self.lead_assessor_check.setObjectName(u"lead_assessor_check")

        self.roles_layout.addWidget(self.lead_assessor_check)

        self.approver_check = QCheckBox(self.roles_group)
        self.approver_check.setObjectName(u"approver_check")

        self.roles_layout.addWidget(self.approver_check)

        self.admin_check = QCheckBox(self.roles_group)
        self.admin_check.setObjectName(u"admin_check")

        self.roles_layout.addWidget(self.admin_check)


        self.main_layout.addWidget(self.roles_group)

        self.message_label = QLabel(UserDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(UserDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username_edit)
        self.display_name_label.setBuddy(self.display_name_edit)
        self.password_label.setBuddy(self.password_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(UserDialog)

        QMetaObject.connectSlotsByName(UserDialog)
    # setupUi

    def retranslateUi(self, UserDialog):
        UserDialog.setWindowTitle(QCoreApplication.translate("UserDialog", u"User", None))
        self.username_label.setText(QCoreApplication.translate("UserDialog", u"&User name", None))
        self.display_name_label.setText(QCoreApplication.translate("UserDialog", u"&Full name", None))
        self.password_label.setText(QCoreApplication.translate("UserDialog", u"&Password", None))
        self.password_edit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"at least 10 characters", None))
        self.roles_group.setTitle(QCoreApplication.translate("UserDialog", u"Roles", None))
        self.proctor_check.setText(QCoreApplication.translate("UserDialog", u"Pr&octor", None))
        self.assessor_check.setText(QCoreApplication.translate("UserDialog", u"&Assessor", None))
        self.lead_assessor_check.setText(QCoreApplication.translate("UserDialog", u"&Lead assessor", None))
        self.approver_check.setText(QCoreApplication.translate("UserDialog", u"Appro&ver", None))
        self.admin_check.setText(QCoreApplication.translate("UserDialog", u"A&dmin", None))
        self.message_label.setText("")
    # retranslateUi

