# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_wizard.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_SetupWizard(object):
    def setupUi(self, SetupWizard):
        if not SetupWizard.objectName():
            SetupWizard.setObjectName(u"SetupWizard")
        SetupWizard.resize(520, 400)
        self.main_layout = QVBoxLayout(SetupWizard)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(SetupWizard)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.station_name_label = QLabel(SetupWizard)
        self.station_name_label.setObjectName(u"station_name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.station_name_label)

        self.station_name_edit = QLineEdit(SetupWizard)
        self.station_name_edit.setObjectName(u"station_name_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.station_name_edit)

        self.admin_username_label = QLabel(SetupWizard)
        self.admin_username_label.setObjectName(u"admin_username_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.admin_username_label)

        self.admin_username_edit = QLineEdit(SetupWizard)
        self.admin_username_edit.setObjectName(u"admin_username_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.admin_username_edit)

        self.admin_name_label = QLabel(SetupWizard)
        self.admin_name_label.setObjectName(u"admin_name_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.admin_name_label)

        self.admin_name_edit = QLineEdit(SetupWizard)
        self.admin_name_edit.setObjectName(u"admin_name_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.admin_name_edit)

        self.password_label = QLabel(SetupWizard)
        self.password_label.setObjectName(u"password_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(SetupWizard)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.Password)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.password_edit)

        self.confirm_label = QLabel(SetupWizard)
        self.confirm_label.setObjectName(u"confirm_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.confirm_label)

        self.confirm_edit = QLineEdit(SetupWizard)
        self.confirm_edit.setObjectName(u"confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.Password)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.confirm_edit)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(SetupWizard)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.main_layout.addWidget(self.message_label)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.spacer)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.demo_button = QPushButton(SetupWizard)
        self.demo_button.setObjectName(u"demo_button")

        self.button_layout.addWidget(self.demo_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.create_button = QPushButton(SetupWizard)
        self.create_button.setObjectName(u"create_button")

        self.button_layout.addWidget(self.create_button)

        self.cancel_button = QPushButton(SetupWizard)
        self.cancel_button.setObjectName(u"cancel_button")

        self.button_layout.addWidget(self.cancel_button)


        self.main_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.station_name_label.setBuddy(self.station_name_edit)
        self.admin_username_label.setBuddy(self.admin_username_edit)
        self.admin_name_label.setBuddy(self.admin_name_edit)
        self.password_label.setBuddy(self.password_edit)
        self.confirm_label.setBuddy(self.confirm_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SetupWizard)

        self.create_button.setDefault(True)


        QMetaObject.connectSlotsByName(SetupWizard)
    # setupUi

    def retranslateUi(self, SetupWizard):
        SetupWizard.setWindowTitle(QCoreApplication.translate("SetupWizard", u"Set up this station \u2014 assessdesk", None))
        self.intro_label.setText(QCoreApplication.translate("SetupWizard", u"<h2>Set up this station</h2><p>This creates the station's profile, its signing key (kept in the system keyring) and the first admin account. The admin then creates the other users.</p>", None))
        self.station_name_label.setText(QCoreApplication.translate("SetupWizard", u"&Station name", None))
        self.station_name_edit.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"e.g. Riverside testing centre, desk 1", None))
        self.admin_username_label.setText(QCoreApplication.translate("SetupWizard", u"Admin &user name", None))
        self.admin_name_label.setText(QCoreApplication.translate("SetupWizard", u"Admin &full name", None))
        self.password_label.setText(QCoreApplication.translate("SetupWizard", u"&Password", None))
        self.password_edit.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"at least 10 characters", None))
        self.confirm_label.setText(QCoreApplication.translate("SetupWizard", u"&Repeat password", None))
        self.message_label.setText("")
        self.demo_button.setText(QCoreApplication.translate("SetupWizard", u"Open the &demo instead", None))
        self.create_button.setText(QCoreApplication.translate("SetupWizard", u"&Create station", None))
        self.cancel_button.setText(QCoreApplication.translate("SetupWizard", u"Cancel", None))
    # retranslateUi

