# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scoring_page.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QHBoxLayout, QHeaderView,
    QLabel, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTableWidgetItem, QVBoxLayout, QWidget)

from assessdesk.gui.widgets.rubric_grid import RubricGrid
from assessdesk.gui.widgets.timeline import TimelineWidget
from assessdesk.gui.widgets.video_view import VideoView

class Ui_ScoringPage(object):
    def setupUi(self, ScoringPage):
        if not ScoringPage.objectName():
            ScoringPage.setObjectName(u"ScoringPage")
        self.main_layout = QHBoxLayout(ScoringPage)
        self.main_layout.setObjectName(u"main_layout")
        self.page_splitter = QSplitter(ScoringPage)
        self.page_splitter.setObjectName(u"page_splitter")
        self.page_splitter.setOrientation(Qt.Horizontal)
        self.queue_panel = QWidget(self.page_splitter)
        self.queue_panel.setObjectName(u"queue_panel")
        self.queue_layout = QVBoxLayout(self.queue_panel)
        self.queue_layout.setObjectName(u"queue_layout")
        self.queue_layout.setContentsMargins(0, 0, 0, 0)
        self.queue_title_label = QLabel(self.queue_panel)
        self.queue_title_label.setObjectName(u"queue_title_label")

        self.queue_layout.addWidget(self.queue_title_label)

        self.queue_list = QListWidget(self.queue_panel)
        self.queue_list.setObjectName(u"queue_list")
        self.queue_list.setMinimumSize(QSize(200, 0))
        self.queue_list.setMaximumSize(QSize(280, 16777215))
        self.queue_list.setWordWrap(True)

        self.queue_layout.addWidget(self.queue_list)

        self.open_button = QPushButton(self.queue_panel)
        self.open_button.setObjectName(u"open_button")

        self.queue_layout.addWidget(self.open_button)

        self.refresh_button = QPushButton(self.queue_panel)
        self.refresh_button.setObjectName(u"refresh_button")

        self.queue_layout.addWidget(self.refresh_button)

        self.page_splitter.addWidget(self.queue_panel)
        self.sheet_panel = QWidget(self.page_splitter)
        self.sheet_panel.setObjectName(u"sheet_panel")
        self.sheet_layout = QVBoxLayout(self.sheet_panel)
        self.sheet_layout.setObjectName(u"sheet_layout")
        self.sheet_layout.setContentsMargins(0, 0, 0, 0)
        self.header_label = QLabel(self.sheet_panel)
        self.header_label.setObjectName(u"header_label")
        self.header_label.setWordWrap(True)
        self.header_label.setTextFormat(Qt.RichText)

        self.sheet_layout.addWidget(self.header_label)

        self.keys_label = QLabel(self.sheet_panel)
        self.keys_label.setObjectName(u"keys_label")
        self.keys_label.setWordWrap(True)

        self.sheet_layout.addWidget(self.keys_label)

        self.rubric_grid = RubricGrid(self.sheet_panel)
        self.rubric_grid.setObjectName(u"rubric_grid")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(3)
        sizePolicy.setHeightForWidth(self.rubric_grid.sizePolicy().hasHeightForWidth())
        self.rubric_grid.setSizePolicy(sizePolicy)

        self.sheet_layout.addWidget(self.rubric_grid)

        self.note_header_layout = QHBoxLayout()
        self.note_header_layout.setObjectName(u"note_header_layout")
        self.note_label = QLabel(self.sheet_panel)
        self.note_label.setObjectName(u"note_label")

        self.note_header_layout.addWidget(self.note_label)

        self.note_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.note_header_layout.addItem(self.note_spacer)

        self.watch_button = QPushButton(self.sheet_panel)
        self.watch_button.setObjectName(u"watch_button")
        self.watch_button.setEnabled(False)

        self.note_header_layout.addWidget(self.watch_button)

        self.mark_moment_button = QPushButton(self.sheet_panel)
        self.mark_moment_button.setObjectName(u"mark_moment_button")
        self.mark_moment_button.setEnabled(False)

        self.note_header_layout.addWidget(self.mark_moment_button)


        self.sheet_layout.addLayout(self.note_header_layout)

        self.note_edit = QPlainTextEdit(self.sheet_panel)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumSize(QSize(16777215, 90))

        self.sheet_layout.addWidget(self.note_edit)

        self.signoff_check = QCheckBox(self.sheet_panel)
        self.signoff_check.setObjectName(u"signoff_check")

        self.sheet_layout.addWidget(self.signoff_check)

        self.footer_layout = QHBoxLayout()
        self.footer_layout.setObjectName(u"footer_layout")
        self.total_label = QLabel(self.sheet_panel)
        self.total_label.setObjectName(u"total_label")
        self.total_label.setTextFormat(Qt.RichText)

        self.footer_layout.addWidget(self.total_label)

        self.footer_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footer_layout.addItem(self.footer_spacer)

        self.draft_label = QLabel(self.sheet_panel)
        self.draft_label.setObjectName(u"draft_label")

        self.footer_layout.addWidget(self.draft_label)

        self.peer_button = QPushButton(self.sheet_panel)
        self.peer_button.setObjectName(u"peer_button")
        self.peer_button.setVisible(False)

        self.footer_layout.addWidget(self.peer_button)

        self.submit_button = QPushButton(self.sheet_panel)
        self.submit_button.setObjectName(u"submit_button")
        self.submit_button.setEnabled(False)

        self.footer_layout.addWidget(self.submit_button)


        self.sheet_layout.addLayout(self.footer_layout)

        self.status_label = QLabel(self.sheet_panel)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.RichText)

        self.sheet_layout.addWidget(self.status_label)

        self.page_splitter.addWidget(self.sheet_panel)
        self.evidence_panel = QWidget(self.page_splitter)
        self.evidence_panel.setObjectName(u"evidence_panel")
        self.evidence_layout = QVBoxLayout(self.evidence_panel)
        self.evidence_layout.setObjectName(u"evidence_layout")
        self.evidence_layout.setContentsMargins(0, 0, 0, 0)
        self.evidence_title_label = QLabel(self.evidence_panel)
        self.evidence_title_label.setObjectName(u"evidence_title_label")

        self.evidence_layout.addWidget(self.evidence_title_label)

        self.video_view = VideoView(self.evidence_panel)
        self.video_view.setObjectName(u"video_view")
        self.video_view.setMinimumSize(QSize(320, 180))

        self.evidence_layout.addWidget(self.video_view)

        self.timeline = TimelineWidget(self.evidence_panel)
        self.timeline.setObjectName(u"timeline")

        self.evidence_layout.addWidget(self.timeline)

        self.player_controls_layout = QHBoxLayout()
        self.player_controls_layout.setObjectName(u"player_controls_layout")
        self.step_back_button = QPushButton(self.evidence_panel)
        self.step_back_button.setObjectName(u"step_back_button")

        self.player_controls_layout.addWidget(self.step_back_button)

        self.play_button = QPushButton(self.evidence_panel)
        self.play_button.setObjectName(u"play_button")

        self.player_controls_layout.addWidget(self.play_button)

        self.step_forward_button = QPushButton(self.evidence_panel)
        self.step_forward_button.setObjectName(u"step_forward_button")

        self.player_controls_layout.addWidget(self.step_forward_button)

        self.position_label = QLabel(self.evidence_panel)
        self.position_label.setObjectName(u"position_label")

        self.player_controls_layout.addWidget(self.position_label)

        self.player_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.player_controls_layout.addItem(self.player_spacer)


        self.evidence_layout.addLayout(self.player_controls_layout)

        self.evidence_status_label = QLabel(self.evidence_panel)
        self.evidence_status_label.setObjectName(u"evidence_status_label")
        self.evidence_status_label.setWordWrap(True)
        self.evidence_status_label.setTextFormat(Qt.RichText)

        self.evidence_layout.addWidget(self.evidence_status_label)

        self.page_splitter.addWidget(self.evidence_panel)

        self.main_layout.addWidget(self.page_splitter)

#if QT_CONFIG(shortcut)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScoringPage)

        QMetaObject.connectSlotsByName(ScoringPage)
    # setupUi

    def retranslateUi(self, ScoringPage):
        self.queue_title_label.setText(QCoreApplication.translate("ScoringPage", u"<h2>Scoring</h2>Attempts waiting for you", None))
#if QT_CONFIG(accessibility)
        self.queue_list.setAccessibleName(QCoreApplication.translate("ScoringPage", u"Attempts waiting for scores", None))
#endif // QT_CONFIG(accessibility)
        self.open_button.setText(QCoreApplication.translate("ScoringPage", u"&Open sheet", None))
        self.refresh_button.setText(QCoreApplication.translate("ScoringPage", u"&Refresh", None))
#if QT_CONFIG(shortcut)
        self.refresh_button.setShortcut(QCoreApplication.translate("ScoringPage", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.header_label.setText(QCoreApplication.translate("ScoringPage", u"Choose an attempt on the left, then press Enter.", None))
        self.keys_label.setText(QCoreApplication.translate("ScoringPage", u"Keys: \u2191/\u2193 criterion \u00b7 number key picks that level (Y/N on checklists) \u00b7 \u2190/\u2192 and Space pick the level under the cursor \u00b7 Tab to the note.", None))
#if QT_CONFIG(accessibility)
        self.rubric_grid.setAccessibleName(QCoreApplication.translate("ScoringPage", u"Rubric: criteria and levels", None))
#endif // QT_CONFIG(accessibility)
        self.note_label.setText(QCoreApplication.translate("ScoringPage", u"&Note for the current criterion:", None))
        self.watch_button.setText(QCoreApplication.translate("ScoringPage", u"&Watch the recording", None))
#if QT_CONFIG(tooltip)
        self.watch_button.setToolTip(QCoreApplication.translate("ScoringPage", u"Opens the attempt's sealed video next to the sheet.", None))
#endif // QT_CONFIG(tooltip)
        self.mark_moment_button.setText(QCoreApplication.translate("ScoringPage", u"&Mark this moment", None))
#if QT_CONFIG(tooltip)
        self.mark_moment_button.setToolTip(QCoreApplication.translate("ScoringPage", u"Stores the current video time with this criterion's note (Ctrl+M); available when the recording is open.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.note_edit.setAccessibleName(QCoreApplication.translate("ScoringPage", u"Note for the current criterion", None))
#endif // QT_CONFIG(accessibility)
        self.signoff_check.setText(QCoreApplication.translate("ScoringPage", u"I observed this performance and &sign off this sheet", None))
        self.total_label.setText("")
        self.draft_label.setText("")
        self.peer_button.setText(QCoreApplication.translate("ScoringPage", u"&Peer scores\u2026", None))
        self.submit_button.setText(QCoreApplication.translate("ScoringPage", u"S&ubmit and lock", None))
        self.status_label.setText("")
        self.evidence_title_label.setText(QCoreApplication.translate("ScoringPage", u"<b>Recording</b>", None))
#if QT_CONFIG(accessibility)
        self.video_view.setAccessibleName(QCoreApplication.translate("ScoringPage", u"Recorded performance", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.timeline.setAccessibleName(QCoreApplication.translate("ScoringPage", u"Timeline of the recording (Left and Right step, click to jump)", None))
#endif // QT_CONFIG(accessibility)
        self.step_back_button.setText(QCoreApplication.translate("ScoringPage", u"\u25c0 Frame", None))
#if QT_CONFIG(accessibility)
        self.step_back_button.setAccessibleName(QCoreApplication.translate("ScoringPage", u"One frame back", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.step_back_button.setToolTip(QCoreApplication.translate("ScoringPage", u"One frame back (Ctrl+,)", None))
#endif // QT_CONFIG(tooltip)
        self.play_button.setText(QCoreApplication.translate("ScoringPage", u"Pla&y", None))
#if QT_CONFIG(tooltip)
        self.play_button.setToolTip(QCoreApplication.translate("ScoringPage", u"Play or pause (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.step_forward_button.setText(QCoreApplication.translate("ScoringPage", u"Frame \u25b6", None))
#if QT_CONFIG(accessibility)
        self.step_forward_button.setAccessibleName(QCoreApplication.translate("ScoringPage", u"One frame forward", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.step_forward_button.setToolTip(QCoreApplication.translate("ScoringPage", u"One frame forward (Ctrl+.)", None))
#endif // QT_CONFIG(tooltip)
        self.position_label.setText("")
#if QT_CONFIG(accessibility)
        self.position_label.setAccessibleName(QCoreApplication.translate("ScoringPage", u"Position in the recording", None))
#endif // QT_CONFIG(accessibility)
        self.evidence_status_label.setText("")
        pass
    # retranslateUi

