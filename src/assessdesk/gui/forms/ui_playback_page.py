# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'playback_page.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from assessdesk.gui.widgets.timeline import TimelineWidget
from assessdesk.gui.widgets.video_view import VideoView

class Ui_PlaybackPage(object):
    def setupUi(self, PlaybackPage):
        if not PlaybackPage.objectName():
            PlaybackPage.setObjectName(u"PlaybackPage")
        self.main_layout = QVBoxLayout(PlaybackPage)
        self.main_layout.setObjectName(u"main_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.title_label = QLabel(PlaybackPage)
        self.title_label.setObjectName(u"title_label")

        self.header_layout.addWidget(self.title_label)

        self.attempt_label = QLabel(PlaybackPage)
        self.attempt_label.setObjectName(u"attempt_label")

        self.header_layout.addWidget(self.attempt_label)

        self.attempt_combo = QComboBox(PlaybackPage)
        self.attempt_combo.setObjectName(u"attempt_combo")
        self.attempt_combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.attempt_combo.setMinimumContentsLength(30)

        self.header_layout.addWidget(self.attempt_combo)

        self.open_button = QPushButton(PlaybackPage)
        self.open_button.setObjectName(u"open_button")

        self.header_layout.addWidget(self.open_button)

        self.open_package_button = QPushButton(PlaybackPage)
        self.open_package_button.setObjectName(u"open_package_button")

        self.header_layout.addWidget(self.open_package_button)

        self.header_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.refresh_button = QPushButton(PlaybackPage)
        self.refresh_button.setObjectName(u"refresh_button")

        self.header_layout.addWidget(self.refresh_button)


        self.main_layout.addLayout(self.header_layout)

        self.summary_label = QLabel(PlaybackPage)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.body_layout = QHBoxLayout()
        self.body_layout.setObjectName(u"body_layout")
        self.video_view = VideoView(PlaybackPage)
        self.video_view.setObjectName(u"video_view")

        self.body_layout.addWidget(self.video_view)

        self.marks_layout = QVBoxLayout()
        self.marks_layout.setObjectName(u"marks_layout")
        self.marks_label = QLabel(PlaybackPage)
        self.marks_label.setObjectName(u"marks_label")

        self.marks_layout.addWidget(self.marks_label)

        self.marks_list = QListWidget(PlaybackPage)
        self.marks_list.setObjectName(u"marks_list")
        self.marks_list.setAlternatingRowColors(True)
        self.marks_list.setWordWrap(True)

        self.marks_layout.addWidget(self.marks_list)


        self.body_layout.addLayout(self.marks_layout)

        self.body_layout.setStretch(0, 3)
        self.body_layout.setStretch(1, 1)

        self.main_layout.addLayout(self.body_layout)

        self.timeline = TimelineWidget(PlaybackPage)
        self.timeline.setObjectName(u"timeline")

        self.main_layout.addWidget(self.timeline)

        self.controls_layout = QHBoxLayout()
        self.controls_layout.setObjectName(u"controls_layout")
        self.step_back_button = QPushButton(PlaybackPage)
        self.step_back_button.setObjectName(u"step_back_button")

        self.controls_layout.addWidget(self.step_back_button)

        self.play_button = QPushButton(PlaybackPage)
        self.play_button.setObjectName(u"play_button")

        self.controls_layout.addWidget(self.play_button)

        self.step_forward_button = QPushButton(PlaybackPage)
        self.step_forward_button.setObjectName(u"step_forward_button")

        self.controls_layout.addWidget(self.step_forward_button)

        self.speed_label = QLabel(PlaybackPage)
        self.speed_label.setObjectName(u"speed_label")

        self.controls_layout.addWidget(self.speed_label)

        self.speed_combo = QComboBox(PlaybackPage)
        self.speed_combo.addItem("")
        self.speed_combo.addItem("")
        self.speed_combo.addItem("")
        self.speed_combo.addItem("")
        self.speed_combo.addItem("")
        self.speed_combo.addItem("")
        self.speed_combo.setObjectName(u"speed_combo")

        self.controls_layout.addWidget(self.speed_combo)

        self.position_label = QLabel(PlaybackPage)
        self.position_label.setObjectName(u"position_label")

        self.controls_layout.addWidget(self.position_label)

        self.controls_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.controls_layout.addItem(self.controls_spacer)


        self.main_layout.addLayout(self.controls_layout)

        self.status_label = QLabel(PlaybackPage)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

#if QT_CONFIG(shortcut)
        self.attempt_label.setBuddy(self.attempt_combo)
        self.marks_label.setBuddy(self.marks_list)
        self.speed_label.setBuddy(self.speed_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.attempt_combo, self.open_button)
        QWidget.setTabOrder(self.open_button, self.open_package_button)
        QWidget.setTabOrder(self.open_package_button, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.marks_list)
        QWidget.setTabOrder(self.marks_list, self.timeline)
        QWidget.setTabOrder(self.timeline, self.step_back_button)
        QWidget.setTabOrder(self.step_back_button, self.play_button)
        QWidget.setTabOrder(self.play_button, self.step_forward_button)
        QWidget.setTabOrder(self.step_forward_button, self.speed_combo)

        self.retranslateUi(PlaybackPage)

        QMetaObject.connectSlotsByName(PlaybackPage)
    # setupUi

    def retranslateUi(self, PlaybackPage):
        self.title_label.setText(QCoreApplication.translate("PlaybackPage", u"<h2>Evidence playback</h2>", None))
        self.attempt_label.setText(QCoreApplication.translate("PlaybackPage", u"&Attempt:", None))
#if QT_CONFIG(accessibility)
        self.attempt_combo.setAccessibleName(QCoreApplication.translate("PlaybackPage", u"Attempt with sealed evidence", None))
#endif // QT_CONFIG(accessibility)
        self.open_button.setText(QCoreApplication.translate("PlaybackPage", u"&Open", None))
        self.open_package_button.setText(QCoreApplication.translate("PlaybackPage", u"Open pac&kage\u2026", None))
        self.refresh_button.setText(QCoreApplication.translate("PlaybackPage", u"&Refresh", None))
#if QT_CONFIG(shortcut)
        self.refresh_button.setShortcut(QCoreApplication.translate("PlaybackPage", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.summary_label.setText("")
        self.marks_label.setText(QCoreApplication.translate("PlaybackPage", u"&Events on the timeline:", None))
#if QT_CONFIG(accessibility)
        self.marks_list.setAccessibleName(QCoreApplication.translate("PlaybackPage", u"Events on the timeline (Enter jumps there)", None))
#endif // QT_CONFIG(accessibility)
        self.step_back_button.setText(QCoreApplication.translate("PlaybackPage", u"\u25c0 Frame", None))
#if QT_CONFIG(tooltip)
        self.step_back_button.setToolTip(QCoreApplication.translate("PlaybackPage", u"One frame back (,)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.step_back_button.setAccessibleName(QCoreApplication.translate("PlaybackPage", u"One frame back", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(shortcut)
        self.step_back_button.setShortcut(QCoreApplication.translate("PlaybackPage", u",", None))
#endif // QT_CONFIG(shortcut)
        self.play_button.setText(QCoreApplication.translate("PlaybackPage", u"&Play", None))
#if QT_CONFIG(tooltip)
        self.play_button.setToolTip(QCoreApplication.translate("PlaybackPage", u"Play or pause (Space)", None))
#endif // QT_CONFIG(tooltip)
        self.step_forward_button.setText(QCoreApplication.translate("PlaybackPage", u"Frame \u25b6", None))
#if QT_CONFIG(tooltip)
        self.step_forward_button.setToolTip(QCoreApplication.translate("PlaybackPage", u"One frame forward (.)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.step_forward_button.setAccessibleName(QCoreApplication.translate("PlaybackPage", u"One frame forward", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(shortcut)
        self.step_forward_button.setShortcut(QCoreApplication.translate("PlaybackPage", u".", None))
#endif // QT_CONFIG(shortcut)
        self.speed_label.setText(QCoreApplication.translate("PlaybackPage", u"&Speed:", None))
        self.speed_combo.setItemText(0, QCoreApplication.translate("PlaybackPage", u"0.5\u00d7", None))
        self.speed_combo.setItemText(1, QCoreApplication.translate("PlaybackPage", u"0.75\u00d7", None))
        self.speed_combo.setItemText(2, QCoreApplication.translate("PlaybackPage", u"1\u00d7", None))
        self.speed_combo.setItemText(3, QCoreApplication.translate("PlaybackPage", u"1.25\u00d7", None))
        self.speed_combo.setItemText(4, QCoreApplication.translate("PlaybackPage", u"1.5\u00d7", None))
        self.speed_combo.setItemText(5, QCoreApplication.translate("PlaybackPage", u"2\u00d7", None))

#if QT_CONFIG(accessibility)
        self.speed_combo.setAccessibleName(QCoreApplication.translate("PlaybackPage", u"Playback speed", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.speed_combo.setToolTip(QCoreApplication.translate("PlaybackPage", u"Slower [ and faster ]", None))
#endif // QT_CONFIG(tooltip)
        self.position_label.setText("")
#if QT_CONFIG(accessibility)
        self.position_label.setAccessibleName(QCoreApplication.translate("PlaybackPage", u"Position", None))
#endif // QT_CONFIG(accessibility)
        self.status_label.setText("")
        pass
    # retranslateUi

