# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_in_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_SignInDialog(object):
    def setupUi(self, SignInDialog):
        if not SignInDialog.objectName():
            SignInDialog.setObjectName(u"SignInDialog")
        SignInDialog.resize(440, 360)
        self.main_layout = QVBoxLayout(SignInDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(SignInDialog)
        self.title_label.setObjectName(u"title_label")

        self.main_layout.addWidget(self.title_label)

        self.station_label = QLabel(SignInDialog)
        self.station_label.setObjectName(u"station_label")
        self.station_label.setWordWrap(True)

        self.main_layout.addWidget(self.station_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.username_label = QLabel(SignInDialog)
        self.username_label.setObjectName(u"username_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username_edit = QLineEdit(SignInDialog)
        self.username_edit.setObjectName(u"username_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username_edit)

        self.password_label = QLabel(SignInDialog)
        self.password_label.setObjectName(u"password_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(SignInDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.Password)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password_edit)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(SignInDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.main_layout.addWidget(self.message_label)

        self.demo_group = QGroupBox(SignInDialog)
        self.demo_group.setObjectName(u"demo_group")
        self.demo_layout = QVBoxLayout(self.demo_group)
        self.demo_layout.setObjectName(u"demo_layout")
        self.demo_accounts_label = QLabel(self.demo_group)
        self.demo_accounts_label.setObjectName(u"demo_accounts_label")
        self.demo_accounts_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.demo_layout.addWidget(self.demo_accounts_label)


        self.main_layout.addWidget(self.demo_group)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.busy_progress = QProgressBar(SignInDialog)
        self.busy_progress.setObjectName(u"busy_progress")
        self.busy_progress.setMaximum(0)
        self.busy_progress.setTextVisible(False)

        self.button_layout.addWidget(self.busy_progress)

        self.sign_in_button = QPushButton(SignInDialog)
        self.sign_in_button.setObjectName(u"sign_in_button")

        self.button_layout.addWidget(self.sign_in_button)

        self.quit_button = QPushButton(SignInDialog)
        self.quit_button.setObjectName(u"quit_button")

        self.button_layout.addWidget(self.quit_button)


        self.main_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username_edit)
        self.password_label.setBuddy(self.password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.sign_in_button)
        QWidget.setTabOrder(self.sign_in_button, self.quit_button)

        self.retranslateUi(SignInDialog)

        self.sign_in_button.setDefault(True)


        QMetaObject.connectSlotsByName(SignInDialog)
    # setupUi

    def retranslateUi(self, SignInDialog):
        SignInDialog.setWindowTitle(QCoreApplication.translate("SignInDialog", u"Sign in \u2014 assessdesk", None))
        self.title_label.setText(QCoreApplication.translate("SignInDialog", u"<h2>assessdesk</h2>", None))
        self.station_label.setText(QCoreApplication.translate("SignInDialog", u"Station", None))
        self.username_label.setText(QCoreApplication.translate("SignInDialog", u"&User name", None))
        self.password_label.setText(QCoreApplication.translate("SignInDialog", u"&Password", None))
        self.message_label.setText("")
#if QT_CONFIG(accessibility)
        self.message_label.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Sign-in message", None))
#endif // QT_CONFIG(accessibility)
        self.demo_group.setTitle(QCoreApplication.translate("SignInDialog", u"Demo accounts (shown in demo mode only)", None))
        self.demo_accounts_label.setText("")
        self.sign_in_button.setText(QCoreApplication.translate("SignInDialog", u"&Sign in", None))
        self.quit_button.setText(QCoreApplication.translate("SignInDialog", u"&Quit", None))
    # retranslateUi

