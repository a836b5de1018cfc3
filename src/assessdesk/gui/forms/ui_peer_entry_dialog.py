# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'peer_entry_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_PeerEntryDialog(object):
    def setupUi(self, PeerEntryDialog):
        if not PeerEntryDialog.objectName():
            PeerEntryDialog.setObjectName(u"PeerEntryDialog")
        PeerEntryDialog.setMinimumSize(QSize(460, 320))
        self.main_layout = QVBoxLayout(PeerEntryDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(PeerEntryDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)
        self.intro_label.setTextFormat(Qt.RichText)

        self.main_layout.addWidget(self.intro_label)

        self.kiosk_check = QCheckBox(PeerEntryDialog)
        self.kiosk_check.setObjectName(u"kiosk_check")

        self.main_layout.addWidget(self.kiosk_check)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.rater_label = QLabel(PeerEntryDialog)
        self.rater_label.setObjectName(u"rater_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.rater_label)

        self.rater_combo = QComboBox(PeerEntryDialog)
        self.rater_combo.setObjectName(u"rater_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.rater_combo)


        self.main_layout.addLayout(self.form_layout)

        self.criteria_group = QGroupBox(PeerEntryDialog)
        self.criteria_group.setObjectName(u"criteria_group")
        self.criteria_layout = QFormLayout(self.criteria_group)
        self.criteria_layout.setObjectName(u"criteria_layout")

        self.main_layout.addWidget(self.criteria_group)

        self.status_label = QLabel(PeerEntryDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.save_button = QPushButton(PeerEntryDialog)
        self.save_button.setObjectName(u"save_button")

        self.button_layout.addWidget(self.save_button)

        self.close_button = QPushButton(PeerEntryDialog)
        self.close_button.setObjectName(u"close_button")

        self.button_layout.addWidget(self.close_button)


        self.main_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.rater_label.setBuddy(self.rater_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PeerEntryDialog)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(PeerEntryDialog)
    # setupUi

    def retranslateUi(self, PeerEntryDialog):
        PeerEntryDialog.setWindowTitle(QCoreApplication.translate("PeerEntryDialog", u"Peer scores", None))
        self.intro_label.setText("")
        self.kiosk_check.setText(QCoreApplication.translate("PeerEntryDialog", u"&Kiosk: hand the screen to the group (no account needed; the form clears after each entry)", None))
        self.rater_label.setText(QCoreApplication.translate("PeerEntryDialog", u"Scored &by:", None))
#if QT_CONFIG(accessibility)
        self.rater_combo.setAccessibleName(QCoreApplication.translate("PeerEntryDialog", u"Group member who fills in this form", None))
#endif // QT_CONFIG(accessibility)
        self.criteria_group.setTitle(QCoreApplication.translate("PeerEntryDialog", u"Scores", None))
        self.status_label.setText("")
        self.save_button.setText(QCoreApplication.translate("PeerEntryDialog", u"&Save form", None))
        self.close_button.setText(QCoreApplication.translate("PeerEntryDialog", u"&Close", None))
    # retranslateUi

