# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'approval_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTabWidget,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ApprovalPage(object):
    def setupUi(self, ApprovalPage):
        if not ApprovalPage.objectName():
            ApprovalPage.setObjectName(u"ApprovalPage")
        self.main_layout = QVBoxLayout(ApprovalPage)
        self.main_layout.setObjectName(u"main_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.title_label = QLabel(ApprovalPage)
        self.title_label.setObjectName(u"title_label")

        self.header_layout.addWidget(self.title_label)

        self.header_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.refresh_button = QPushButton(ApprovalPage)
        self.refresh_button.setObjectName(u"refresh_button")

        self.header_layout.addWidget(self.refresh_button)


        self.main_layout.addLayout(self.header_layout)

        self.main_splitter = QSplitter(ApprovalPage)
        self.main_splitter.setObjectName(u"main_splitter")
        self.main_splitter.setOrientation(Qt.Horizontal)
        self.main_splitter.setChildrenCollapsible(False)
        self.queue_panel = QWidget(self.main_splitter)
        self.queue_panel.setObjectName(u"queue_panel")
        self.queue_layout = QVBoxLayout(self.queue_panel)
        self.queue_layout.setObjectName(u"queue_layout")
        self.queue_layout.setContentsMargins(0, 0, 0, 0)
        self.queue_label = QLabel(self.queue_panel)
        self.queue_label.setObjectName(u"queue_label")

        self.queue_layout.addWidget(self.queue_label)

        self.queue_table = QTableWidget(self.queue_panel)
        if (self.queue_table.columnCount() < 4):
            self.queue_table.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.queue_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.queue_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.queue_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.queue_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.queue_table.setObjectName(u"queue_table")
        self.queue_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.queue_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.queue_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.queue_table.setAlternatingRowColors(True)

        self.queue_layout.addWidget(self.queue_table)

        self.main_splitter.addWidget(self.queue_panel)
        self.detail_panel = QWidget(self.main_splitter)
        self.detail_panel.setObjectName(u"detail_panel")
        self.detail_layout = QVBoxLayout(self.detail_panel)
        self.detail_layout.setObjectName(u"detail_layout")
        self.detail_layout.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel(self.detail_panel)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)

        self.detail_layout.addWidget(self.summary_label)

        self.blockers_label = QLabel(self.detail_panel)
        self.blockers_label.setObjectName(u"blockers_label")
        self.blockers_label.setWordWrap(True)

        self.detail_layout.addWidget(self.blockers_label)

        self.detail_tabs = QTabWidget(self.detail_panel)
        self.detail_tabs.setObjectName(u"detail_tabs")
        self.identity_tab = QWidget()
        self.identity_tab.setObjectName(u"identity_tab")
        self.identity_layout = QVBoxLayout(self.identity_tab)
        self.identity_layout.setObjectName(u"identity_layout")
        self.identity_label = QLabel(self.identity_tab)
        self.identity_label.setObjectName(u"identity_label")
        self.identity_label.setWordWrap(True)

        self.identity_layout.addWidget(self.identity_label)

        self.photos_layout = QHBoxLayout()
        self.photos_layout.setObjectName(u"photos_layout")
        self.live_photo_label = QLabel(self.identity_tab)
        self.live_photo_label.setObjectName(u"live_photo_label")
        self.live_photo_label.setMinimumSize(QSize(160, 120))
        self.live_photo_label.setAlignment(Qt.AlignCenter)

        self.photos_layout.addWidget(self.live_photo_label)

        self.id_photo_label = QLabel(self.identity_tab)
        self.id_photo_label.setObjectName(u"id_photo_label")
        self.id_photo_label.setMinimumSize(QSize(160, 120))
        self.id_photo_label.setAlignment(Qt.AlignCenter)

        self.photos_layout.addWidget(self.id_photo_label)

        self.photos_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.photos_layout.addItem(self.photos_spacer)


        self.identity_layout.addLayout(self.photos_layout)

        self.identity_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.identity_layout.addItem(self.identity_spacer)

        self.detail_tabs.addTab(self.identity_tab, "")
        self.evidence_tab = QWidget()
        self.evidence_tab.setObjectName(u"evidence_tab")
        self.evidence_layout = QVBoxLayout(self.evidence_tab)
        self.evidence_layout.setObjectName(u"evidence_layout")
        self.evidence_label = QLabel(self.evidence_tab)
        self.evidence_label.setObjectName(u"evidence_label")
        self.evidence_label.setWordWrap(True)

        self.evidence_layout.addWidget(self.evidence_label)

        self.playback_layout = QHBoxLayout()
        self.playback_layout.setObjectName(u"playback_layout")
        self.playback_button = QPushButton(self.evidence_tab)
        self.playback_button.setObjectName(u"playback_button")

        self.playback_layout.addWidget(self.playback_button)

        self.playback_note_label = QLabel(self.evidence_tab)
        self.playback_note_label.setObjectName(u"playback_note_label")
        self.playback_note_label.setWordWrap(True)

        self.playback_layout.addWidget(self.playback_note_label)


        self.evidence_layout.addLayout(self.playback_layout)

        self.marks_table = QTableWidget(self.evidence_tab)
        if (self.marks_table.columnCount() < 4):
            self.marks_table.setColumnCount(4)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.marks_table.setHorizontalHeaderItem(0, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.marks_table.setHorizontalHeaderItem(1, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.marks_table.setHorizontalHeaderItem(2, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.marks_table.setHorizontalHeaderItem(3, __qtablewidgetitem7)
        self.marks_table.setObjectName(u"marks_table")
        self.marks_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.marks_table.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.evidence_layout.addWidget(self.marks_table)

        self.detail_tabs.addTab(self.evidence_tab, "")
        self.scores_tab = QWidget()
        self.scores_tab.setObjectName(u"scores_tab")
        self.scores_layout = QVBoxLayout(self.scores_tab)
        self.scores_layout.setObjectName(u"scores_layout")
        self.standards_label = QLabel(self.scores_tab)
        self.standards_label.setObjectName(u"standards_label")
        self.standards_label.setWordWrap(True)

        self.scores_layout.addWidget(self.standards_label)

        self.sheets_table = QTableWidget(self.scores_tab)
        self.sheets_table.setObjectName(u"sheets_table")
        self.sheets_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.sheets_table.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.scores_layout.addWidget(self.sheets_table)

        self.certification_label = QLabel(self.scores_tab)
        self.certification_label.setObjectName(u"certification_label")
        self.certification_label.setWordWrap(True)

        self.scores_layout.addWidget(self.certification_label)

        self.detail_tabs.addTab(self.scores_tab, "")

        self.detail_layout.addWidget(self.detail_tabs)

        self.decision_layout = QHBoxLayout()
        self.decision_layout.setObjectName(u"decision_layout")
        self.reason_label = QLabel(self.detail_panel)
        self.reason_label.setObjectName(u"reason_label")

        self.decision_layout.addWidget(self.reason_label)

        self.reason_edit = QLineEdit(self.detail_panel)
        self.reason_edit.setObjectName(u"reason_edit")

        self.decision_layout.addWidget(self.reason_edit)

        self.moderation_check = QCheckBox(self.detail_panel)
        self.moderation_check.setObjectName(u"moderation_check")

        self.decision_layout.addWidget(self.moderation_check)


        self.detail_layout.addLayout(self.decision_layout)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.reject_button = QPushButton(self.detail_panel)
        self.reject_button.setObjectName(u"reject_button")

        self.button_layout.addWidget(self.reject_button)

        self.approve_button = QPushButton(self.detail_panel)
        self.approve_button.setObjectName(u"approve_button")

        self.button_layout.addWidget(self.approve_button)


        self.detail_layout.addLayout(self.button_layout)

        self.main_splitter.addWidget(self.detail_panel)

        self.main_layout.addWidget(self.main_splitter)

        self.status_label = QLabel(ApprovalPage)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.main_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.queue_label.setBuddy(self.queue_table)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.queue_table, self.detail_tabs)
        QWidget.setTabOrder(self.detail_tabs, self.reason_edit)
        QWidget.setTabOrder(self.reason_edit, self.moderation_check)
        QWidget.setTabOrder(self.moderation_check, self.reject_button)
        QWidget.setTabOrder(self.reject_button, self.approve_button)

        self.retranslateUi(ApprovalPage)

        self.detail_tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ApprovalPage)
    # setupUi

    def retranslateUi(self, ApprovalPage):
        self.title_label.setText(QCoreApplication.translate("ApprovalPage", u"<h2>Approvals</h2>", None))
        self.refresh_button.setText(QCoreApplication.translate("ApprovalPage", u"Re&fresh", None))
        self.queue_label.setText(QCoreApplication.translate("ApprovalPage", u"&Waiting for sign-off", None))
        ___qtablewidgetitem = self.queue_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ApprovalPage", u"Candidate", None))
        ___qtablewidgetitem1 = self.queue_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ApprovalPage", u"Credential", None))
        ___qtablewidgetitem2 = self.queue_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ApprovalPage", u"Passed", None))
        ___qtablewidgetitem3 = self.queue_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ApprovalPage", u"Your part", None))
#if QT_CONFIG(accessibility)
        self.queue_table.setAccessibleName(QCoreApplication.translate("ApprovalPage", u"Attempts waiting for sign-off", None))
#endif // QT_CONFIG(accessibility)
        self.summary_label.setText(QCoreApplication.translate("ApprovalPage", u"Select an attempt to review it.", None))
        self.blockers_label.setText("")
#if QT_CONFIG(accessibility)
        self.blockers_label.setAccessibleName(QCoreApplication.translate("ApprovalPage", u"Why sign-off is not possible", None))
#endif // QT_CONFIG(accessibility)
        self.identity_label.setText("")
        self.live_photo_label.setText(QCoreApplication.translate("ApprovalPage", u"No live photo", None))
#if QT_CONFIG(accessibility)
        self.live_photo_label.setAccessibleName(QCoreApplication.translate("ApprovalPage", u"Live photo", None))
#endif // QT_CONFIG(accessibility)
        self.id_photo_label.setText(QCoreApplication.translate("ApprovalPage", u"No ID photo", None))
#if QT_CONFIG(accessibility)
        self.id_photo_label.setAccessibleName(QCoreApplication.translate("ApprovalPage", u"ID document photo", None))
#endif // QT_CONFIG(accessibility)
        self.detail_tabs.setTabText(self.detail_tabs.indexOf(self.identity_tab), QCoreApplication.translate("ApprovalPage", u"&Identity", None))
        self.evidence_label.setText("")
        self.playback_button.setText(QCoreApplication.translate("ApprovalPage", u"&Play the recording", None))
        self.playback_note_label.setText("")
        ___qtablewidgetitem4 = self.marks_table.horizontalHeaderItem(0)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ApprovalPage", u"Video time", None))
        ___qtablewidgetitem5 = self.marks_table.horizontalHeaderItem(1)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("ApprovalPage", u"Kind", None))
        ___qtablewidgetitem6 = self.marks_table.horizontalHeaderItem(2)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("ApprovalPage", u"What", None))
        ___qtablewidgetitem7 = self.marks_table.horizontalHeaderItem(3)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("ApprovalPage", u"Note", None))
#if QT_CONFIG(accessibility)
        self.marks_table.setAccessibleName(QCoreApplication.translate("ApprovalPage", u"Incidents, presence flags and pauses", None))
#endif // QT_CONFIG(accessibility)
        self.detail_tabs.setTabText(self.detail_tabs.indexOf(self.evidence_tab), QCoreApplication.translate("ApprovalPage", u"&Evidence", None))
        self.standards_label.setText("")
#if QT_CONFIG(accessibility)
        self.sheets_table.setAccessibleName(QCoreApplication.translate("ApprovalPage", u"Score sheets", None))
#endif // QT_CONFIG(accessibility)
        self.certification_label.setText("")
        self.detail_tabs.setTabText(self.detail_tabs.indexOf(self.scores_tab), QCoreApplication.translate("ApprovalPage", u"&Scores", None))
        self.reason_label.setText(QCoreApplication.translate("ApprovalPage", u"Rejection &reason:", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("ApprovalPage", u"Needed to reject: what is wrong, in words the team will understand", None))
        self.moderation_check.setText(QCoreApplication.translate("ApprovalPage", u"Send back to &moderation", None))
        self.reject_button.setText(QCoreApplication.translate("ApprovalPage", u"Re&ject", None))
        self.approve_button.setText(QCoreApplication.translate("ApprovalPage", u"&Approve and issue", None))
        self.status_label.setText("")
        pass
    # retranslateUi

