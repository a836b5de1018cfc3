# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'checkin_page.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QFrame, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QRadioButton, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

from assessdesk.gui.widgets.video_preview import VideoPreview

class Ui_CheckInPage(object):
    def setupUi(self, CheckInPage):
        if not CheckInPage.objectName():
            CheckInPage.setObjectName(u"CheckInPage")
        self.main_layout = QVBoxLayout(CheckInPage)
        self.main_layout.setObjectName(u"main_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.title_label = QLabel(CheckInPage)
        self.title_label.setObjectName(u"title_label")

        self.header_layout.addWidget(self.title_label)

        self.header_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.attempt_label = QLabel(CheckInPage)
        self.attempt_label.setObjectName(u"attempt_label")

        self.header_layout.addWidget(self.attempt_label)

        self.attempt_combo = QComboBox(CheckInPage)
        self.attempt_combo.setObjectName(u"attempt_combo")
        self.attempt_combo.setMinimumSize(QSize(360, 0))

        self.header_layout.addWidget(self.attempt_combo)


        self.main_layout.addLayout(self.header_layout)

        self.state_label = QLabel(CheckInPage)
        self.state_label.setObjectName(u"state_label")
        self.state_label.setWordWrap(True)

        self.main_layout.addWidget(self.state_label)

        self.body_layout = QHBoxLayout()
        self.body_layout.setObjectName(u"body_layout")
        self.left_layout = QVBoxLayout()
        self.left_layout.setObjectName(u"left_layout")
        self.checkin_group = QGroupBox(CheckInPage)
        self.checkin_group.setObjectName(u"checkin_group")
        self.checkin_layout = QFormLayout(self.checkin_group)
        self.checkin_layout.setObjectName(u"checkin_layout")
        self.extra_label = QLabel(self.checkin_group)
        self.extra_label.setObjectName(u"extra_label")

        self.checkin_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.extra_label)

        self.extra_minutes_spin = QSpinBox(self.checkin_group)
        self.extra_minutes_spin.setObjectName(u"extra_minutes_spin")
        self.extra_minutes_spin.setMaximum(240)

        self.checkin_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.extra_minutes_spin)

        self.note_label = QLabel(self.checkin_group)
        self.note_label.setObjectName(u"note_label")

        self.checkin_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.accommodation_edit = QLineEdit(self.checkin_group)
        self.accommodation_edit.setObjectName(u"accommodation_edit")

        self.checkin_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.accommodation_edit)

        self.check_in_button = QPushButton(self.checkin_group)
        self.check_in_button.setObjectName(u"check_in_button")

        self.checkin_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.check_in_button)


        self.left_layout.addWidget(self.checkin_group)

        self.consent_group = QGroupBox(CheckInPage)
        self.consent_group.setObjectName(u"consent_group")
        self.consent_layout = QVBoxLayout(self.consent_group)
        self.consent_layout.setObjectName(u"consent_layout")
        self.consent_recording_check = QCheckBox(self.consent_group)
        self.consent_recording_check.setObjectName(u"consent_recording_check")

        self.consent_layout.addWidget(self.consent_recording_check)

        self.consent_face_check = QCheckBox(self.consent_group)
        self.consent_face_check.setObjectName(u"consent_face_check")

        self.consent_layout.addWidget(self.consent_face_check)

        self.consent_version_label = QLabel(self.consent_group)
        self.consent_version_label.setObjectName(u"consent_version_label")

        self.consent_layout.addWidget(self.consent_version_label)

        self.record_consent_button = QPushButton(self.consent_group)
        self.record_consent_button.setObjectName(u"record_consent_button")

        self.consent_layout.addWidget(self.record_consent_button)


        self.left_layout.addWidget(self.consent_group)

        self.decision_group = QGroupBox(CheckInPage)
        self.decision_group.setObjectName(u"decision_group")
        self.decision_layout = QVBoxLayout(self.decision_group)
        self.decision_layout.setObjectName(u"decision_layout")
        self.verified_radio = QRadioButton(self.decision_group)
        self.verified_radio.setObjectName(u"verified_radio")

        self.decision_layout.addWidget(self.verified_radio)

        self.not_verified_radio = QRadioButton(self.decision_group)
        self.not_verified_radio.setObjectName(u"not_verified_radio")

        self.decision_layout.addWidget(self.not_verified_radio)

        self.override_radio = QRadioButton(self.decision_group)
        self.override_radio.setObjectName(u"override_radio")

        self.decision_layout.addWidget(self.override_radio)

        self.override_reason_edit = QLineEdit(self.decision_group)
        self.override_reason_edit.setObjectName(u"override_reason_edit")

        self.decision_layout.addWidget(self.override_reason_edit)

        self.decide_button = QPushButton(self.decision_group)
        self.decide_button.setObjectName(u"decide_button")

        self.decision_layout.addWidget(self.decide_button)


        self.left_layout.addWidget(self.decision_group)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_layout.addItem(self.left_spacer)


        self.body_layout.addLayout(self.left_layout)

        self.photos_group = QGroupBox(CheckInPage)
        self.photos_group.setObjectName(u"photos_group")
        self.photos_layout = QVBoxLayout(self.photos_group)
        self.photos_layout.setObjectName(u"photos_layout")
        self.preview_widget = VideoPreview(self.photos_group)
        self.preview_widget.setObjectName(u"preview_widget")

        self.photos_layout.addWidget(self.preview_widget)

        self.capture_layout = QHBoxLayout()
        self.capture_layout.setObjectName(u"capture_layout")
        self.capture_live_button = QPushButton(self.photos_group)
        self.capture_live_button.setObjectName(u"capture_live_button")

        self.capture_layout.addWidget(self.capture_live_button)

        self.capture_id_button = QPushButton(self.photos_group)
        self.capture_id_button.setObjectName(u"capture_id_button")

        self.capture_layout.addWidget(self.capture_id_button)

        self.compare_button = QPushButton(self.photos_group)
        self.compare_button.setObjectName(u"compare_button")

        self.capture_layout.addWidget(self.compare_button)


        self.photos_layout.addLayout(self.capture_layout)

        self.thumbs_layout = QHBoxLayout()
        self.thumbs_layout.setObjectName(u"thumbs_layout")
        self.live_thumb_label = QLabel(self.photos_group)
        self.live_thumb_label.setObjectName(u"live_thumb_label")
        self.live_thumb_label.setMinimumSize(QSize(160, 120))
        self.live_thumb_label.setAlignment(Qt.AlignCenter)
        self.live_thumb_label.setFrameShape(QFrame.StyledPanel)

        self.thumbs_layout.addWidget(self.live_thumb_label)

        self.id_thumb_label = QLabel(self.photos_group)
        self.id_thumb_label.setObjectName(u"id_thumb_label")
        self.id_thumb_label.setMinimumSize(QSize(160, 120))
        self.id_thumb_label.setAlignment(Qt.AlignCenter)
        self.id_thumb_label.setFrameShape(QFrame.StyledPanel)

        self.thumbs_layout.addWidget(self.id_thumb_label)

        self.enrolled_thumb_label = QLabel(self.photos_group)
        self.enrolled_thumb_label.setObjectName(u"enrolled_thumb_label")
        self.enrolled_thumb_label.setMinimumSize(QSize(160, 120))
        self.enrolled_thumb_label.setAlignment(Qt.AlignCenter)
        self.enrolled_thumb_label.setFrameShape(QFrame.StyledPanel)

        self.thumbs_layout.addWidget(self.enrolled_thumb_label)


        self.photos_layout.addLayout(self.thumbs_layout)

        self.comparison_label = QLabel(self.photos_group)
        self.comparison_label.setObjectName(u"comparison_label")
        self.comparison_label.setWordWrap(True)
        self.comparison_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.photos_layout.addWidget(self.comparison_label)


        self.body_layout.addWidget(self.photos_group)


        self.main_layout.addLayout(self.body_layout)

        self.status_label = QLabel(CheckInPage)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

#if QT_CONFIG(shortcut)
        self.attempt_label.setBuddy(self.attempt_combo)
        self.extra_label.setBuddy(self.extra_minutes_spin)
        self.note_label.setBuddy(self.accommodation_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CheckInPage)

        QMetaObject.connectSlotsByName(CheckInPage)
    # setupUi

    def retranslateUi(self, CheckInPage):
        self.title_label.setText(QCoreApplication.translate("CheckInPage", u"<h2>Check-in and identity</h2>", None))
        self.attempt_label.setText(QCoreApplication.translate("CheckInPage", u"&Candidate", None))
#if QT_CONFIG(accessibility)
        self.attempt_combo.setAccessibleName(QCoreApplication.translate("CheckInPage", u"Attempt to check in", None))
#endif // QT_CONFIG(accessibility)
        self.state_label.setText("")
        self.checkin_group.setTitle(QCoreApplication.translate("CheckInPage", u"1. Check in", None))
        self.extra_label.setText(QCoreApplication.translate("CheckInPage", u"E&xtra time (min)", None))
        self.note_label.setText(QCoreApplication.translate("CheckInPage", u"Accommodation &note", None))
        self.check_in_button.setText(QCoreApplication.translate("CheckInPage", u"C&heck in", None))
        self.consent_group.setTitle(QCoreApplication.translate("CheckInPage", u"2. Consent (read the consent text aloud)", None))
        self.consent_recording_check.setText(QCoreApplication.translate("CheckInPage", u"Agrees to video &recording", None))
        self.consent_face_check.setText(QCoreApplication.translate("CheckInPage", u"Agrees to &face comparison", None))
        self.consent_version_label.setText("")
        self.record_consent_button.setText(QCoreApplication.translate("CheckInPage", u"Record &consent", None))
        self.decision_group.setTitle(QCoreApplication.translate("CheckInPage", u"4. Your decision", None))
        self.verified_radio.setText(QCoreApplication.translate("CheckInPage", u"&Verified", None))
        self.not_verified_radio.setText(QCoreApplication.translate("CheckInPage", u"&Not verified", None))
        self.override_radio.setText(QCoreApplication.translate("CheckInPage", u"Verified with &override", None))
        self.override_reason_edit.setPlaceholderText(QCoreApplication.translate("CheckInPage", u"Reason for the override (required)", None))
        self.decide_button.setText(QCoreApplication.translate("CheckInPage", u"Confirm &decision", None))
        self.photos_group.setTitle(QCoreApplication.translate("CheckInPage", u"3. Photos and face comparison", None))
        self.capture_live_button.setText(QCoreApplication.translate("CheckInPage", u"Take &live photo", None))
        self.capture_id_button.setText(QCoreApplication.translate("CheckInPage", u"Photograph the &ID document", None))
        self.compare_button.setText(QCoreApplication.translate("CheckInPage", u"Co&mpare faces", None))
        self.live_thumb_label.setText(QCoreApplication.translate("CheckInPage", u"Live photo", None))
        self.id_thumb_label.setText(QCoreApplication.translate("CheckInPage", u"ID photo", None))
        self.enrolled_thumb_label.setText(QCoreApplication.translate("CheckInPage", u"Enrolled photo", None))
        self.comparison_label.setText("")
        self.status_label.setText("")
        pass
    # retranslateUi

