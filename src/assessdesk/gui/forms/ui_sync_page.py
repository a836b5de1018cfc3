# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QFormLayout,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_SyncPage(object):
    def setupUi(self, SyncPage):
        if not SyncPage.objectName():
            SyncPage.setObjectName(u"SyncPage")
        self.main_layout = QVBoxLayout(SyncPage)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(SyncPage)
        self.title_label.setObjectName(u"title_label")

        self.main_layout.addWidget(self.title_label)

        self.registry_label = QLabel(SyncPage)
        self.registry_label.setObjectName(u"registry_label")
        self.registry_label.setWordWrap(True)
        self.registry_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main_layout.addWidget(self.registry_label)

        self.clock_warning_label = QLabel(SyncPage)
        self.clock_warning_label.setObjectName(u"clock_warning_label")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.clock_warning_label.sizePolicy().hasHeightForWidth())
        self.clock_warning_label.setSizePolicy(sizePolicy)
        self.clock_warning_label.setWordWrap(True)
        self.clock_warning_label.setStyleSheet(u"QLabel { background: #fff4ce; color: #5c3c00; border: 1px solid #c19c00; padding: 6px; }")

        self.main_layout.addWidget(self.clock_warning_label)

        self.enrol_group = QGroupBox(SyncPage)
        self.enrol_group.setObjectName(u"enrol_group")
        self.enrol_layout = QFormLayout(self.enrol_group)
        self.enrol_layout.setObjectName(u"enrol_layout")
        self.url_label = QLabel(self.enrol_group)
        self.url_label.setObjectName(u"url_label")

        self.enrol_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.url_label)

        self.url_edit = QLineEdit(self.enrol_group)
        self.url_edit.setObjectName(u"url_edit")

        self.enrol_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.url_edit)

        self.code_label = QLabel(self.enrol_group)
        self.code_label.setObjectName(u"code_label")

        self.enrol_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.code_label)

        self.code_edit = QLineEdit(self.enrol_group)
        self.code_edit.setObjectName(u"code_edit")

        self.enrol_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.code_edit)

        self.ca_file_label = QLabel(self.enrol_group)
        self.ca_file_label.setObjectName(u"ca_file_label")

        self.enrol_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ca_file_label)

        self.ca_file_edit = QLineEdit(self.enrol_group)
        self.ca_file_edit.setObjectName(u"ca_file_edit")

        self.enrol_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ca_file_edit)

        self.kinds_label = QLabel(self.enrol_group)
        self.kinds_label.setObjectName(u"kinds_label")

        self.enrol_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.kinds_label)

        self.kinds_layout = QHBoxLayout()
        self.kinds_layout.setObjectName(u"kinds_layout")
        self.recording_check = QCheckBox(self.enrol_group)
        self.recording_check.setObjectName(u"recording_check")
        self.recording_check.setChecked(True)

        self.kinds_layout.addWidget(self.recording_check)

        self.scoring_check = QCheckBox(self.enrol_group)
        self.scoring_check.setObjectName(u"scoring_check")
        self.scoring_check.setChecked(True)

        self.kinds_layout.addWidget(self.scoring_check)

        self.approver_check = QCheckBox(self.enrol_group)
        self.approver_check.setObjectName(u"approver_check")

        self.kinds_layout.addWidget(self.approver_check)

        self.lead_check = QCheckBox(self.enrol_group)
        self.lead_check.setObjectName(u"lead_check")

        self.kinds_layout.addWidget(self.lead_check)


        self.enrol_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.kinds_layout)

        self.enrol_button = QPushButton(self.enrol_group)
        self.enrol_button.setObjectName(u"enrol_button")

        self.enrol_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.enrol_button)


        self.main_layout.addWidget(self.enrol_group)

        self.counts_layout = QGridLayout()
        self.counts_layout.setObjectName(u"counts_layout")
        self.queued_label = QLabel(SyncPage)
        self.queued_label.setObjectName(u"queued_label")

        self.counts_layout.addWidget(self.queued_label, 0, 0, 1, 1)

        self.sent_label = QLabel(SyncPage)
        self.sent_label.setObjectName(u"sent_label")

        self.counts_layout.addWidget(self.sent_label, 0, 1, 1, 1)

        self.acknowledged_label = QLabel(SyncPage)
        self.acknowledged_label.setObjectName(u"acknowledged_label")

        self.counts_layout.addWidget(self.acknowledged_label, 0, 2, 1, 1)

        self.conflict_label = QLabel(SyncPage)
        self.conflict_label.setObjectName(u"conflict_label")

        self.counts_layout.addWidget(self.conflict_label, 0, 3, 1, 1)

        self.quarantined_label = QLabel(SyncPage)
        self.quarantined_label.setObjectName(u"quarantined_label")

        self.counts_layout.addWidget(self.quarantined_label, 0, 4, 1, 1)


        self.main_layout.addLayout(self.counts_layout)

        self.sync_layout = QHBoxLayout()
        self.sync_layout.setObjectName(u"sync_layout")
        self.timing_label = QLabel(SyncPage)
        self.timing_label.setObjectName(u"timing_label")
        self.timing_label.setWordWrap(True)

        self.sync_layout.addWidget(self.timing_label)

        self.sync_progress = QProgressBar(SyncPage)
        self.sync_progress.setObjectName(u"sync_progress")
        self.sync_progress.setMaximum(0)
        self.sync_progress.setTextVisible(False)

        self.sync_layout.addWidget(self.sync_progress)

        self.sync_now_button = QPushButton(SyncPage)
        self.sync_now_button.setObjectName(u"sync_now_button")

        self.sync_layout.addWidget(self.sync_now_button)

        self.sync_layout.setStretch(0, 1)

        self.main_layout.addLayout(self.sync_layout)

        self.items_label = QLabel(SyncPage)
        self.items_label.setObjectName(u"items_label")

        self.main_layout.addWidget(self.items_label)

        self.items_table = QTableWidget(SyncPage)
        if (self.items_table.columnCount() < 5):
            self.items_table.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.items_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.items_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.items_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.items_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.items_table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.items_table.setObjectName(u"items_table")
        self.items_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.items_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.items_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.items_table.setAlternatingRowColors(True)

        self.main_layout.addWidget(self.items_table)

        self.versions_layout = QHBoxLayout()
        self.versions_layout.setObjectName(u"versions_layout")
        self.mine_group = QGroupBox(SyncPage)
        self.mine_group.setObjectName(u"mine_group")
        self.mine_layout = QVBoxLayout(self.mine_group)
        self.mine_layout.setObjectName(u"mine_layout")
        self.mine_text = QPlainTextEdit(self.mine_group)
        self.mine_text.setObjectName(u"mine_text")
        self.mine_text.setReadOnly(True)

        self.mine_layout.addWidget(self.mine_text)


        self.versions_layout.addWidget(self.mine_group)

        self.theirs_group = QGroupBox(SyncPage)
        self.theirs_group.setObjectName(u"theirs_group")
        self.theirs_layout = QVBoxLayout(self.theirs_group)
        self.theirs_layout.setObjectName(u"theirs_layout")
        self.theirs_text = QPlainTextEdit(self.theirs_group)
        self.theirs_text.setObjectName(u"theirs_text")
        self.theirs_text.setReadOnly(True)

        self.theirs_layout.addWidget(self.theirs_text)


        self.versions_layout.addWidget(self.theirs_group)


        self.main_layout.addLayout(self.versions_layout)

        self.resolve_layout = QHBoxLayout()
        self.resolve_layout.setObjectName(u"resolve_layout")
        self.resolve_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.resolve_layout.addItem(self.resolve_spacer)

        self.keep_mine_button = QPushButton(SyncPage)
        self.keep_mine_button.setObjectName(u"keep_mine_button")

        self.resolve_layout.addWidget(self.keep_mine_button)

        self.keep_theirs_button = QPushButton(SyncPage)
        self.keep_theirs_button.setObjectName(u"keep_theirs_button")

        self.resolve_layout.addWidget(self.keep_theirs_button)

        self.keep_both_button = QPushButton(SyncPage)
        self.keep_both_button.setObjectName(u"keep_both_button")

        self.resolve_layout.addWidget(self.keep_both_button)


        self.main_layout.addLayout(self.resolve_layout)

        self.status_label = QLabel(SyncPage)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

#if QT_CONFIG(shortcut)
        self.url_label.setBuddy(self.url_edit)
        self.code_label.setBuddy(self.code_edit)
        self.ca_file_label.setBuddy(self.ca_file_edit)
        self.items_label.setBuddy(self.items_table)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SyncPage)

        self.sync_now_button.setDefault(True)


        QMetaObject.connectSlotsByName(SyncPage)
    # setupUi

    def retranslateUi(self, SyncPage):
        self.title_label.setText(QCoreApplication.translate("SyncPage", u"<h2>Sync with the registry</h2>", None))
        self.registry_label.setText("")
        self.clock_warning_label.setText("")
        self.enrol_group.setTitle(QCoreApplication.translate("SyncPage", u"Enrol this station", None))
        self.url_label.setText(QCoreApplication.translate("SyncPage", u"Registry &address", None))
        self.url_edit.setPlaceholderText(QCoreApplication.translate("SyncPage", u"https://registry.example.org", None))
        self.code_label.setText(QCoreApplication.translate("SyncPage", u"Enrolment &code", None))
        self.code_edit.setPlaceholderText(QCoreApplication.translate("SyncPage", u"from the registry admin, e.g. ABCD-EFGH-JKLM-NPQR", None))
        self.ca_file_label.setText(QCoreApplication.translate("SyncPage", u"CA &file (optional)", None))
        self.ca_file_edit.setPlaceholderText(QCoreApplication.translate("SyncPage", u"only for a registry with its own certificate authority", None))
        self.kinds_label.setText(QCoreApplication.translate("SyncPage", u"This station", None))
        self.recording_check.setText(QCoreApplication.translate("SyncPage", u"&records attempts", None))
        self.scoring_check.setText(QCoreApplication.translate("SyncPage", u"s&cores", None))
        self.approver_check.setText(QCoreApplication.translate("SyncPage", u"&approves", None))
        self.lead_check.setText(QCoreApplication.translate("SyncPage", u"&moderates (lead assessor)", None))
        self.enrol_button.setText(QCoreApplication.translate("SyncPage", u"&Enrol", None))
        self.queued_label.setText("")
#if QT_CONFIG(accessibility)
        self.queued_label.setAccessibleName(QCoreApplication.translate("SyncPage", u"Queued", None))
#endif // QT_CONFIG(accessibility)
        self.sent_label.setText("")
#if QT_CONFIG(accessibility)
        self.sent_label.setAccessibleName(QCoreApplication.translate("SyncPage", u"Sent", None))
#endif // QT_CONFIG(accessibility)
        self.acknowledged_label.setText("")
#if QT_CONFIG(accessibility)
        self.acknowledged_label.setAccessibleName(QCoreApplication.translate("SyncPage", u"Acknowledged", None))
#endif // QT_CONFIG(accessibility)
        self.conflict_label.setText("")
#if QT_CONFIG(accessibility)
        self.conflict_label.setAccessibleName(QCoreApplication.translate("SyncPage", u"In conflict", None))
#endif // QT_CONFIG(accessibility)
        self.quarantined_label.setText("")
#if QT_CONFIG(accessibility)
        self.quarantined_label.setAccessibleName(QCoreApplication.translate("SyncPage", u"Quarantined", None))
#endif // QT_CONFIG(accessibility)
        self.timing_label.setText("")
#if QT_CONFIG(accessibility)
        self.sync_progress.setAccessibleName(QCoreApplication.translate("SyncPage", u"Sync in progress", None))
#endif // QT_CONFIG(accessibility)
        self.sync_now_button.setText(QCoreApplication.translate("SyncPage", u"&Sync now", None))
        self.items_label.setText(QCoreApplication.translate("SyncPage", u"Records that need a decision (&conflicts and quarantined records)", None))
        ___qtablewidgetitem = self.items_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SyncPage", u"Status", None))
        ___qtablewidgetitem1 = self.items_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SyncPage", u"What", None))
        ___qtablewidgetitem2 = self.items_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SyncPage", u"About", None))
        ___qtablewidgetitem3 = self.items_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("SyncPage", u"Why", None))
        ___qtablewidgetitem4 = self.items_table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("SyncPage", u"Tries", None))
#if QT_CONFIG(accessibility)
        self.items_table.setAccessibleName(QCoreApplication.translate("SyncPage", u"Conflicts and quarantined records", None))
#endif // QT_CONFIG(accessibility)
        self.mine_group.setTitle(QCoreApplication.translate("SyncPage", u"This station's version", None))
#if QT_CONFIG(accessibility)
        self.mine_text.setAccessibleName(QCoreApplication.translate("SyncPage", u"This station's version", None))
#endif // QT_CONFIG(accessibility)
        self.theirs_group.setTitle(QCoreApplication.translate("SyncPage", u"The registry's version", None))
#if QT_CONFIG(accessibility)
        self.theirs_text.setAccessibleName(QCoreApplication.translate("SyncPage", u"The registry's version", None))
#endif // QT_CONFIG(accessibility)
        self.keep_mine_button.setText(QCoreApplication.translate("SyncPage", u"Keep &mine", None))
        self.keep_theirs_button.setText(QCoreApplication.translate("SyncPage", u"Keep &theirs", None))
        self.keep_both_button.setText(QCoreApplication.translate("SyncPage", u"Keep &both", None))
        self.status_label.setText("")
        pass
    # retranslateUi

