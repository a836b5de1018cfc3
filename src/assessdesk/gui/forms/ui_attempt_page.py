# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'attempt_page.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from assessdesk.gui.widgets.video_preview import VideoPreview

class Ui_AttemptPage(object):
    def setupUi(self, AttemptPage):
        if not AttemptPage.objectName():
            AttemptPage.setObjectName(u"AttemptPage")
        self.main_layout = QVBoxLayout(AttemptPage)
        self.main_layout.setObjectName(u"main_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.title_label = QLabel(AttemptPage)
        self.title_label.setObjectName(u"title_label")

        self.header_layout.addWidget(self.title_label)

        self.header_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.attempt_label = QLabel(AttemptPage)
        self.attempt_label.setObjectName(u"attempt_label")

        self.header_layout.addWidget(self.attempt_label)

        self.attempt_combo = QComboBox(AttemptPage)
        self.attempt_combo.setObjectName(u"attempt_combo")
        self.attempt_combo.setMinimumSize(QSize(360, 0))

        self.header_layout.addWidget(self.attempt_combo)


        self.main_layout.addLayout(self.header_layout)

        self.state_label = QLabel(AttemptPage)
        self.state_label.setObjectName(u"state_label")
        self.state_label.setWordWrap(True)

        self.main_layout.addWidget(self.state_label)

        self.presence_label = QLabel(AttemptPage)
        self.presence_label.setObjectName(u"presence_label")
        self.presence_label.setWordWrap(True)

        self.main_layout.addWidget(self.presence_label)

        self.body_layout = QHBoxLayout()
        self.body_layout.setObjectName(u"body_layout")
        self.preview_widget = VideoPreview(AttemptPage)
        self.preview_widget.setObjectName(u"preview_widget")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(3)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.preview_widget.sizePolicy().hasHeightForWidth())
        self.preview_widget.setSizePolicy(sizePolicy)

        self.body_layout.addWidget(self.preview_widget)

        self.side_layout = QVBoxLayout()
        self.side_layout.setObjectName(u"side_layout")
        self.timer_label = QLabel(AttemptPage)
        self.timer_label.setObjectName(u"timer_label")
        self.timer_label.setAlignment(Qt.AlignCenter)

        self.side_layout.addWidget(self.timer_label)

        self.timer_detail_label = QLabel(AttemptPage)
        self.timer_detail_label.setObjectName(u"timer_detail_label")
        self.timer_detail_label.setAlignment(Qt.AlignCenter)
        self.timer_detail_label.setWordWrap(True)

        self.side_layout.addWidget(self.timer_detail_label)

        self.control_layout = QGridLayout()
        self.control_layout.setObjectName(u"control_layout")
        self.start_button = QPushButton(AttemptPage)
        self.start_button.setObjectName(u"start_button")

        self.control_layout.addWidget(self.start_button, 0, 0, 1, 1)

        self.end_button = QPushButton(AttemptPage)
        self.end_button.setObjectName(u"end_button")

        self.control_layout.addWidget(self.end_button, 0, 1, 1, 1)

        self.pause_button = QPushButton(AttemptPage)
        self.pause_button.setObjectName(u"pause_button")

        self.control_layout.addWidget(self.pause_button, 1, 0, 1, 1)

        self.resume_button = QPushButton(AttemptPage)
        self.resume_button.setObjectName(u"resume_button")

        self.control_layout.addWidget(self.resume_button, 1, 1, 1, 1)

        self.reason_edit = QLineEdit(AttemptPage)
        self.reason_edit.setObjectName(u"reason_edit")

        self.control_layout.addWidget(self.reason_edit, 2, 0, 1, 2)

        self.void_button = QPushButton(AttemptPage)
        self.void_button.setObjectName(u"void_button")

        self.control_layout.addWidget(self.void_button, 3, 0, 1, 1)

        self.recover_button = QPushButton(AttemptPage)
        self.recover_button.setObjectName(u"recover_button")

        self.control_layout.addWidget(self.recover_button, 3, 1, 1, 1)

        self.recheck_button = QPushButton(AttemptPage)
        self.recheck_button.setObjectName(u"recheck_button")

        self.control_layout.addWidget(self.recheck_button, 4, 0, 1, 2)

        self.same_person_button = QPushButton(AttemptPage)
        self.same_person_button.setObjectName(u"same_person_button")

        self.control_layout.addWidget(self.same_person_button, 5, 0, 1, 1)

        self.not_same_button = QPushButton(AttemptPage)
        self.not_same_button.setObjectName(u"not_same_button")

        self.control_layout.addWidget(self.not_same_button, 5, 1, 1, 1)


        self.side_layout.addLayout(self.control_layout)

        self.incident_group = QGroupBox(AttemptPage)
        self.incident_group.setObjectName(u"incident_group")
        self.incident_layout = QFormLayout(self.incident_group)
        self.incident_layout.setObjectName(u"incident_layout")
        self.incident_code_label = QLabel(self.incident_group)
        self.incident_code_label.setObjectName(u"incident_code_label")

        self.incident_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.incident_code_label)

        self.incident_code_combo = QComboBox(self.incident_group)
        self.incident_code_combo.setObjectName(u"incident_code_combo")

        self.incident_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.incident_code_combo)

        self.incident_note_label = QLabel(self.incident_group)
        self.incident_note_label.setObjectName(u"incident_note_label")

        self.incident_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.incident_note_label)

        self.incident_note_edit = QLineEdit(self.incident_group)
        self.incident_note_edit.setObjectName(u"incident_note_edit")

        self.incident_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.incident_note_edit)

        self.log_incident_button = QPushButton(self.incident_group)
        self.log_incident_button.setObjectName(u"log_incident_button")

        self.incident_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.log_incident_button)


        self.side_layout.addWidget(self.incident_group)

        self.timeline_list = QListWidget(AttemptPage)
        self.timeline_list.setObjectName(u"timeline_list")

        self.side_layout.addWidget(self.timeline_list)


        self.body_layout.addLayout(self.side_layout)


        self.main_layout.addLayout(self.body_layout)

        self.status_label = QLabel(AttemptPage)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main_layout.addWidget(self.status_label)

#if QT_CONFIG(shortcut)
        self.attempt_label.setBuddy(self.attempt_combo)
        self.incident_code_label.setBuddy(self.incident_code_combo)
        self.incident_note_label.setBuddy(self.incident_note_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AttemptPage)

        QMetaObject.connectSlotsByName(AttemptPage)
    # setupUi

    def retranslateUi(self, AttemptPage):
        self.title_label.setText(QCoreApplication.translate("AttemptPage", u"<h2>Run the attempt</h2>", None))
        self.attempt_label.setText(QCoreApplication.translate("AttemptPage", u"&Candidate", None))
#if QT_CONFIG(accessibility)
        self.attempt_combo.setAccessibleName(QCoreApplication.translate("AttemptPage", u"Attempt to run", None))
#endif // QT_CONFIG(accessibility)
        self.state_label.setText("")
        self.presence_label.setText("")
#if QT_CONFIG(accessibility)
        self.presence_label.setAccessibleName(QCoreApplication.translate("AttemptPage", u"Presence flags", None))
#endif // QT_CONFIG(accessibility)
        self.timer_label.setText(QCoreApplication.translate("AttemptPage", u"--:--", None))
#if QT_CONFIG(accessibility)
        self.timer_label.setAccessibleName(QCoreApplication.translate("AttemptPage", u"Time remaining", None))
#endif // QT_CONFIG(accessibility)
        self.timer_detail_label.setText("")
        self.start_button.setText(QCoreApplication.translate("AttemptPage", u"&Start", None))
        self.end_button.setText(QCoreApplication.translate("AttemptPage", u"&End and seal", None))
        self.pause_button.setText(QCoreApplication.translate("AttemptPage", u"&Pause", None))
        self.resume_button.setText(QCoreApplication.translate("AttemptPage", u"&Resume", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("AttemptPage", u"Reason (needed to pause or void)", None))
        self.void_button.setText(QCoreApplication.translate("AttemptPage", u"&Void\u2026", None))
        self.recover_button.setText(QCoreApplication.translate("AttemptPage", u"Re&cover recording", None))
        self.recheck_button.setText(QCoreApplication.translate("AttemptPage", u"Re-check &identity (after a break)", None))
        self.same_person_button.setText(QCoreApplication.translate("AttemptPage", u"Same &person", None))
        self.not_same_button.setText(QCoreApplication.translate("AttemptPage", u"&Not the same person", None))
        self.incident_group.setTitle(QCoreApplication.translate("AttemptPage", u"Log an incident", None))
        self.incident_code_label.setText(QCoreApplication.translate("AttemptPage", u"&What", None))
        self.incident_note_label.setText(QCoreApplication.translate("AttemptPage", u"N&ote", None))
        self.log_incident_button.setText(QCoreApplication.translate("AttemptPage", u"&Log incident", None))
#if QT_CONFIG(accessibility)
        self.timeline_list.setAccessibleName(QCoreApplication.translate("AttemptPage", u"What happened so far", None))
#endif // QT_CONFIG(accessibility)
        self.status_label.setText("")
        pass
    # retranslateUi

