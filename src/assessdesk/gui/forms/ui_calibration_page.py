# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calibration_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QTabWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

from assessdesk.gui.widgets.bar_chart import BarChart
from assessdesk.gui.widgets.rubric_grid import RubricGrid

class Ui_CalibrationPage(object):
    def setupUi(self, CalibrationPage):
        if not CalibrationPage.objectName():
            CalibrationPage.setObjectName(u"CalibrationPage")
        self.main_layout = QVBoxLayout(CalibrationPage)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(CalibrationPage)
        self.title_label.setObjectName(u"title_label")

        self.main_layout.addWidget(self.title_label)

        self.alert_banner_label = QLabel(CalibrationPage)
        self.alert_banner_label.setObjectName(u"alert_banner_label")
        self.alert_banner_label.setWordWrap(True)
        self.alert_banner_label.setVisible(False)

        self.main_layout.addWidget(self.alert_banner_label)

        self.tabs_widget = QTabWidget(CalibrationPage)
        self.tabs_widget.setObjectName(u"tabs_widget")
        self.mine_tab = QWidget()
        self.mine_tab.setObjectName(u"mine_tab")
        self.mine_layout = QVBoxLayout(self.mine_tab)
        self.mine_layout.setObjectName(u"mine_layout")
        self.my_status_label = QLabel(self.mine_tab)
        self.my_status_label.setObjectName(u"my_status_label")
        self.my_status_label.setWordWrap(True)

        self.mine_layout.addWidget(self.my_status_label)

        self.my_status_table = QTableWidget(self.mine_tab)
        if (self.my_status_table.columnCount() < 3):
            self.my_status_table.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.my_status_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.my_status_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.my_status_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.my_status_table.setObjectName(u"my_status_table")
        self.my_status_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.my_status_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.my_status_table.setMaximumSize(QSize(16777215, 170))

        self.mine_layout.addWidget(self.my_status_table)

        self.tasks_layout = QHBoxLayout()
        self.tasks_layout.setObjectName(u"tasks_layout")
        self.tasks_label = QLabel(self.mine_tab)
        self.tasks_label.setObjectName(u"tasks_label")

        self.tasks_layout.addWidget(self.tasks_label)

        self.open_task_button = QPushButton(self.mine_tab)
        self.open_task_button.setObjectName(u"open_task_button")

        self.tasks_layout.addWidget(self.open_task_button)


        self.mine_layout.addLayout(self.tasks_layout)

        self.tasks_list = QListWidget(self.mine_tab)
        self.tasks_list.setObjectName(u"tasks_list")
        self.tasks_list.setMaximumSize(QSize(16777215, 110))

        self.mine_layout.addWidget(self.tasks_list)

        self.benchmark_header_label = QLabel(self.mine_tab)
        self.benchmark_header_label.setObjectName(u"benchmark_header_label")
        self.benchmark_header_label.setWordWrap(True)

        self.mine_layout.addWidget(self.benchmark_header_label)

        self.benchmark_grid = RubricGrid(self.mine_tab)
        self.benchmark_grid.setObjectName(u"benchmark_grid")

        self.mine_layout.addWidget(self.benchmark_grid)

        self.benchmark_actions_layout = QHBoxLayout()
        self.benchmark_actions_layout.setObjectName(u"benchmark_actions_layout")
        self.benchmark_status_label = QLabel(self.mine_tab)
        self.benchmark_status_label.setObjectName(u"benchmark_status_label")
        self.benchmark_status_label.setWordWrap(True)

        self.benchmark_actions_layout.addWidget(self.benchmark_status_label)

        self.submit_benchmark_button = QPushButton(self.mine_tab)
        self.submit_benchmark_button.setObjectName(u"submit_benchmark_button")

        self.benchmark_actions_layout.addWidget(self.submit_benchmark_button)


        self.mine_layout.addLayout(self.benchmark_actions_layout)

        self.my_results_label = QLabel(self.mine_tab)
        self.my_results_label.setObjectName(u"my_results_label")
        self.my_results_label.setWordWrap(True)
        self.my_results_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mine_layout.addWidget(self.my_results_label)

        self.tabs_widget.addTab(self.mine_tab, "")
        self.exercises_tab = QWidget()
        self.exercises_tab.setObjectName(u"exercises_tab")
        self.exercises_layout = QVBoxLayout(self.exercises_tab)
        self.exercises_layout.setObjectName(u"exercises_layout")
        self.exercises_table = QTableWidget(self.exercises_tab)
        if (self.exercises_table.columnCount() < 4):
            self.exercises_table.setColumnCount(4)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.exercises_table.setHorizontalHeaderItem(0, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.exercises_table.setHorizontalHeaderItem(1, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.exercises_table.setHorizontalHeaderItem(2, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.exercises_table.setHorizontalHeaderItem(3, __qtablewidgetitem6)
        self.exercises_table.setObjectName(u"exercises_table")
        self.exercises_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.exercises_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.exercises_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.exercises_table.setMaximumSize(QSize(16777215, 130))

        self.exercises_layout.addWidget(self.exercises_table)

        self.exercise_actions_layout = QHBoxLayout()
        self.exercise_actions_layout.setObjectName(u"exercise_actions_layout")
        self.close_exercise_button = QPushButton(self.exercises_tab)
        self.close_exercise_button.setObjectName(u"close_exercise_button")

        self.exercise_actions_layout.addWidget(self.close_exercise_button)

        self.export_report_button = QPushButton(self.exercises_tab)
        self.export_report_button.setObjectName(u"export_report_button")

        self.exercise_actions_layout.addWidget(self.export_report_button)

        self.exercise_actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.exercise_actions_layout.addItem(self.exercise_actions_spacer)


        self.exercises_layout.addLayout(self.exercise_actions_layout)

        self.results_scroll = QScrollArea(self.exercises_tab)
        self.results_scroll.setObjectName(u"results_scroll")
        self.results_scroll.setWidgetResizable(True)
        self.results_widget = QWidget()
        self.results_widget.setObjectName(u"results_widget")
        self.results_layout = QVBoxLayout(self.results_widget)
        self.results_layout.setObjectName(u"results_layout")
        self.results_label = QLabel(self.results_widget)
        self.results_label.setObjectName(u"results_label")
        self.results_label.setWordWrap(True)
        self.results_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.results_layout.addWidget(self.results_label)

        self.charts_layout = QHBoxLayout()
        self.charts_layout.setObjectName(u"charts_layout")
        self.agreement_chart = BarChart(self.results_widget)
        self.agreement_chart.setObjectName(u"agreement_chart")

        self.charts_layout.addWidget(self.agreement_chart)

        self.bias_chart = BarChart(self.results_widget)
        self.bias_chart.setObjectName(u"bias_chart")

        self.charts_layout.addWidget(self.bias_chart)


        self.results_layout.addLayout(self.charts_layout)

        self.difficulty_chart = BarChart(self.results_widget)
        self.difficulty_chart.setObjectName(u"difficulty_chart")

        self.results_layout.addWidget(self.difficulty_chart)

        self.results_table = QTableWidget(self.results_widget)
        if (self.results_table.columnCount() < 7):
            self.results_table.setColumnCount(7)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.results_table.setHorizontalHeaderItem(0, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.results_table.setHorizontalHeaderItem(1, __qtablewidgetitem8)
        __qtablewidgetitem9 = QTableWidgetItem()
        self.results_table.setHorizontalHeaderItem(2, __qtablewidgetitem9)
        __qtablewidgetitem10 = QTableWidgetItem()
        self.results_table.setHorizontalHeaderItem(3, __qtablewidgetitem10)
        __qtablewidgetitem11 = QTableWidgetItem()
        self.results_table.setHorizontalHeaderItem(4, __qtablewidgetitem11)
        __qtablewidgetitem12 = QTableWidgetItem()
        self.results_table.setHorizontalHeaderItem(5, __qtablewidgetitem12)
        __qtablewidgetitem13 = QTableWidgetItem()
        self.results_table.setHorizontalHeaderItem(6, __qtablewidgetitem13)
        self.results_table.setObjectName(u"results_table")
        self.results_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.results_table.setMinimumSize(QSize(0, 120))
        self.results_table.setMaximumSize(QSize(16777215, 200))

        self.results_layout.addWidget(self.results_table)

        self.results_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.results_layout.addItem(self.results_spacer)

        self.results_scroll.setWidget(self.results_widget)

        self.exercises_layout.addWidget(self.results_scroll)

        self.tabs_widget.addTab(self.exercises_tab, "")
        self.setup_tab = QWidget()
        self.setup_tab.setObjectName(u"setup_tab")
        self.setup_layout = QVBoxLayout(self.setup_tab)
        self.setup_layout.setObjectName(u"setup_layout")
        self.setup_form = QFormLayout()
        self.setup_form.setObjectName(u"setup_form")
        self.name_label = QLabel(self.setup_tab)
        self.name_label.setObjectName(u"name_label")

        self.setup_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.setup_tab)
        self.name_edit.setObjectName(u"name_edit")

        self.setup_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.rubric_label = QLabel(self.setup_tab)
        self.rubric_label.setObjectName(u"rubric_label")

        self.setup_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.rubric_label)

        self.rubric_combo = QComboBox(self.setup_tab)
        self.rubric_combo.setObjectName(u"rubric_combo")

        self.setup_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.rubric_combo)

        self.attempt_label = QLabel(self.setup_tab)
        self.attempt_label.setObjectName(u"attempt_label")

        self.setup_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.attempt_label)

        self.attempt_combo = QComboBox(self.setup_tab)
        self.attempt_combo.setObjectName(u"attempt_combo")

        self.setup_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.attempt_combo)

        self.clip_label = QLabel(self.setup_tab)
        self.clip_label.setObjectName(u"clip_label")

        self.setup_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.clip_label)

        self.clip_edit = QLineEdit(self.setup_tab)
        self.clip_edit.setObjectName(u"clip_edit")

        self.setup_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.clip_edit)

        self.label_label = QLabel(self.setup_tab)
        self.label_label.setObjectName(u"label_label")

        self.setup_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_label)

        self.label_edit = QLineEdit(self.setup_tab)
        self.label_edit.setObjectName(u"label_edit")

        self.setup_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.label_edit)


        self.setup_layout.addLayout(self.setup_form)

        self.reference_label = QLabel(self.setup_tab)
        self.reference_label.setObjectName(u"reference_label")

        self.setup_layout.addWidget(self.reference_label)

        self.reference_grid = RubricGrid(self.setup_tab)
        self.reference_grid.setObjectName(u"reference_grid")

        self.setup_layout.addWidget(self.reference_grid)

        self.benchmark_buttons_layout = QHBoxLayout()
        self.benchmark_buttons_layout.setObjectName(u"benchmark_buttons_layout")
        self.add_benchmark_button = QPushButton(self.setup_tab)
        self.add_benchmark_button.setObjectName(u"add_benchmark_button")

        self.benchmark_buttons_layout.addWidget(self.add_benchmark_button)

        self.remove_benchmark_button = QPushButton(self.setup_tab)
        self.remove_benchmark_button.setObjectName(u"remove_benchmark_button")

        self.benchmark_buttons_layout.addWidget(self.remove_benchmark_button)


        self.setup_layout.addLayout(self.benchmark_buttons_layout)

        self.lists_layout = QHBoxLayout()
        self.lists_layout.setObjectName(u"lists_layout")
        self.benchmarks_list = QListWidget(self.setup_tab)
        self.benchmarks_list.setObjectName(u"benchmarks_list")
        self.benchmarks_list.setMaximumSize(QSize(16777215, 120))

        self.lists_layout.addWidget(self.benchmarks_list)

        self.assessors_list = QListWidget(self.setup_tab)
        self.assessors_list.setObjectName(u"assessors_list")
        self.assessors_list.setMaximumSize(QSize(16777215, 120))

        self.lists_layout.addWidget(self.assessors_list)


        self.setup_layout.addLayout(self.lists_layout)

        self.create_layout = QHBoxLayout()
        self.create_layout.setObjectName(u"create_layout")
        self.setup_status_label = QLabel(self.setup_tab)
        self.setup_status_label.setObjectName(u"setup_status_label")
        self.setup_status_label.setWordWrap(True)

        self.create_layout.addWidget(self.setup_status_label)

        self.create_exercise_button = QPushButton(self.setup_tab)
        self.create_exercise_button.setObjectName(u"create_exercise_button")

        self.create_layout.addWidget(self.create_exercise_button)


        self.setup_layout.addLayout(self.create_layout)

        self.tabs_widget.addTab(self.setup_tab, "")
        self.certifications_tab = QWidget()
        self.certifications_tab.setObjectName(u"certifications_tab")
        self.certifications_layout = QVBoxLayout(self.certifications_tab)
        self.certifications_layout.setObjectName(u"certifications_layout")
        self.certifications_table = QTableWidget(self.certifications_tab)
        if (self.certifications_table.columnCount() < 5):
            self.certifications_table.setColumnCount(5)
        __qtablewidgetitem14 = QTableWidgetItem()
        self.certifications_table.setHorizontalHeaderItem(0, __qtablewidgetitem14)
        __qtablewidgetitem15 = QTableWidgetItem()
        self.certifications_table.setHorizontalHeaderItem(1, __qtablewidgetitem15)
        __qtablewidgetitem16 = QTableWidgetItem()
        self.certifications_table.setHorizontalHeaderItem(2, __qtablewidgetitem16)
        __qtablewidgetitem17 = QTableWidgetItem()
        self.certifications_table.setHorizontalHeaderItem(3, __qtablewidgetitem17)
        __qtablewidgetitem18 = QTableWidgetItem()
        self.certifications_table.setHorizontalHeaderItem(4, __qtablewidgetitem18)
        self.certifications_table.setObjectName(u"certifications_table")
        self.certifications_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.certifications_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.certifications_table.setSelectionMode(QAbstractItemView.SingleSelection)

        self.certifications_layout.addWidget(self.certifications_table)

        self.revoke_layout = QHBoxLayout()
        self.revoke_layout.setObjectName(u"revoke_layout")
        self.revoke_reason_edit = QLineEdit(self.certifications_tab)
        self.revoke_reason_edit.setObjectName(u"revoke_reason_edit")

        self.revoke_layout.addWidget(self.revoke_reason_edit)

        self.revoke_button = QPushButton(self.certifications_tab)
        self.revoke_button.setObjectName(u"revoke_button")

        self.revoke_layout.addWidget(self.revoke_button)


        self.certifications_layout.addLayout(self.revoke_layout)

        self.tabs_widget.addTab(self.certifications_tab, "")
        self.drift_tab = QWidget()
        self.drift_tab.setObjectName(u"drift_tab")
        self.drift_layout = QVBoxLayout(self.drift_tab)
        self.drift_layout.setObjectName(u"drift_layout")
        self.drift_label = QLabel(self.drift_tab)
        self.drift_label.setObjectName(u"drift_label")
        self.drift_label.setWordWrap(True)

        self.drift_layout.addWidget(self.drift_label)

        self.drift_table = QTableWidget(self.drift_tab)
        if (self.drift_table.columnCount() < 6):
            self.drift_table.setColumnCount(6)
        __qtablewidgetitem19 = QTableWidgetItem()
        self.drift_table.setHorizontalHeaderItem(0, __qtablewidgetitem19)
        __qtablewidgetitem20 = QTableWidgetItem()
        self.drift_table.setHorizontalHeaderItem(1, __qtablewidgetitem20)
        __qtablewidgetitem21 = QTableWidgetItem()
        self.drift_table.setHorizontalHeaderItem(2, __qtablewidgetitem21)
        __qtablewidgetitem22 = QTableWidgetItem()
        self.drift_table.setHorizontalHeaderItem(3, __qtablewidgetitem22)
        __qtablewidgetitem23 = QTableWidgetItem()
        self.drift_table.setHorizontalHeaderItem(4, __qtablewidgetitem23)
        __qtablewidgetitem24 = QTableWidgetItem()
        self.drift_table.setHorizontalHeaderItem(5, __qtablewidgetitem24)
        self.drift_table.setObjectName(u"drift_table")
        self.drift_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.drift_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.drift_table.setSelectionMode(QAbstractItemView.SingleSelection)

        self.drift_layout.addWidget(self.drift_table)

        self.drift_actions_layout = QHBoxLayout()
        self.drift_actions_layout.setObjectName(u"drift_actions_layout")
        self.check_drift_button = QPushButton(self.drift_tab)
        self.check_drift_button.setObjectName(u"check_drift_button")

        self.drift_actions_layout.addWidget(self.check_drift_button)

        self.propose_button = QPushButton(self.drift_tab)
        self.propose_button.setObjectName(u"propose_button")

        self.drift_actions_layout.addWidget(self.propose_button)

        self.alert_note_edit = QLineEdit(self.drift_tab)
        self.alert_note_edit.setObjectName(u"alert_note_edit")

        self.drift_actions_layout.addWidget(self.alert_note_edit)

        self.close_alert_button = QPushButton(self.drift_tab)
        self.close_alert_button.setObjectName(u"close_alert_button")

        self.drift_actions_layout.addWidget(self.close_alert_button)


        self.drift_layout.addLayout(self.drift_actions_layout)

        self.tabs_widget.addTab(self.drift_tab, "")

        self.main_layout.addWidget(self.tabs_widget)

#if QT_CONFIG(shortcut)
        self.tasks_label.setBuddy(self.tasks_list)
        self.name_label.setBuddy(self.name_edit)
        self.rubric_label.setBuddy(self.rubric_combo)
        self.attempt_label.setBuddy(self.attempt_combo)
        self.clip_label.setBuddy(self.clip_edit)
        self.label_label.setBuddy(self.label_edit)
        self.reference_label.setBuddy(self.reference_grid)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CalibrationPage)

        self.tabs_widget.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(CalibrationPage)
    # setupUi

    def retranslateUi(self, CalibrationPage):
        self.title_label.setText(QCoreApplication.translate("CalibrationPage", u"<h2>Calibration</h2>", None))
        self.alert_banner_label.setText("")
        self.my_status_label.setText(QCoreApplication.translate("CalibrationPage", u"Your certifications (a live score sheet needs a current one for its rubric):", None))
        ___qtablewidgetitem = self.my_status_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CalibrationPage", u"Rubric", None))
        ___qtablewidgetitem1 = self.my_status_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CalibrationPage", u"Status", None))
        ___qtablewidgetitem2 = self.my_status_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("CalibrationPage", u"Details", None))
#if QT_CONFIG(accessibility)
        self.my_status_table.setAccessibleName(QCoreApplication.translate("CalibrationPage", u"Your certifications", None))
#endif // QT_CONFIG(accessibility)
        self.tasks_label.setText(QCoreApplication.translate("CalibrationPage", u"&Benchmark performances to score (blind):", None))
        self.open_task_button.setText(QCoreApplication.translate("CalibrationPage", u"&Score this benchmark", None))
#if QT_CONFIG(accessibility)
        self.tasks_list.setAccessibleName(QCoreApplication.translate("CalibrationPage", u"Benchmark performances to score", None))
#endif // QT_CONFIG(accessibility)
        self.benchmark_header_label.setText("")
#if QT_CONFIG(accessibility)
        self.benchmark_grid.setAccessibleName(QCoreApplication.translate("CalibrationPage", u"Benchmark score sheet: arrows move, number keys pick a level", None))
#endif // QT_CONFIG(accessibility)
        self.benchmark_status_label.setText("")
        self.submit_benchmark_button.setText(QCoreApplication.translate("CalibrationPage", u"Su&bmit benchmark sheet", None))
        self.my_results_label.setText("")
        self.tabs_widget.setTabText(self.tabs_widget.indexOf(self.mine_tab), QCoreApplication.translate("CalibrationPage", u"&My calibration", None))
        ___qtablewidgetitem3 = self.exercises_table.horizontalHeaderItem(0)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("CalibrationPage", u"Exercise", None))
        ___qtablewidgetitem4 = self.exercises_table.horizontalHeaderItem(1)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("CalibrationPage", u"Rubric", None))
        ___qtablewidgetitem5 = self.exercises_table.horizontalHeaderItem(2)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("CalibrationPage", u"State", None))
        ___qtablewidgetitem6 = self.exercises_table.horizontalHeaderItem(3)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("CalibrationPage", u"Progress", None))
#if QT_CONFIG(accessibility)
        self.exercises_table.setAccessibleName(QCoreApplication.translate("CalibrationPage", u"Calibration exercises", None))
#endif // QT_CONFIG(accessibility)
        self.close_exercise_button.setText(QCoreApplication.translate("CalibrationPage", u"&Close and certify\u2026", None))
        self.export_report_button.setText(QCoreApplication.translate("CalibrationPage", u"Export PDF &report\u2026", None))
        self.results_label.setText(QCoreApplication.translate("CalibrationPage", u"Select an exercise to see its results.", None))
        ___qtablewidgetitem7 = self.results_table.horizontalHeaderItem(0)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("CalibrationPage", u"Assessor", None))
        ___qtablewidgetitem8 = self.results_table.horizontalHeaderItem(1)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("CalibrationPage", u"Scored", None))
        ___qtablewidgetitem9 = self.results_table.horizontalHeaderItem(2)
        ___qtablewidgetitem9.setText(QCoreApplication.translate("CalibrationPage", u"Exact", None))
        ___qtablewidgetitem10 = self.results_table.horizontalHeaderItem(3)
        ___qtablewidgetitem10.setText(QCoreApplication.translate("CalibrationPage", u"Within one level", None))
        ___qtablewidgetitem11 = self.results_table.horizontalHeaderItem(4)
        ___qtablewidgetitem11.setText(QCoreApplication.translate("CalibrationPage", u"Weighted kappa", None))
        ___qtablewidgetitem12 = self.results_table.horizontalHeaderItem(5)
        ___qtablewidgetitem12.setText(QCoreApplication.translate("CalibrationPage", u"Bias (levels)", None))
        ___qtablewidgetitem13 = self.results_table.horizontalHeaderItem(6)
        ___qtablewidgetitem13.setText(QCoreApplication.translate("CalibrationPage", u"Result", None))
#if QT_CONFIG(accessibility)
        self.results_table.setAccessibleName(QCoreApplication.translate("CalibrationPage", u"Results per assessor", None))
#endif // QT_CONFIG(accessibility)
        self.tabs_widget.setTabText(self.tabs_widget.indexOf(self.exercises_tab), QCoreApplication.translate("CalibrationPage", u"&Exercises and results", None))
        self.name_label.setText(QCoreApplication.translate("CalibrationPage", u"&Name", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("CalibrationPage", u"e.g. Forklift calibration, spring", None))
        self.rubric_label.setText(QCoreApplication.translate("CalibrationPage", u"R&ubric", None))
        self.attempt_label.setText(QCoreApplication.translate("CalibrationPage", u"Recorded &attempt", None))
        self.clip_label.setText(QCoreApplication.translate("CalibrationPage", u"or imported c&lip", None))
        self.clip_edit.setPlaceholderText(QCoreApplication.translate("CalibrationPage", u"evidence reference (sha256 or file name); leave empty to use the attempt", None))
        self.label_label.setText(QCoreApplication.translate("CalibrationPage", u"Benchmark la&bel", None))
        self.label_edit.setPlaceholderText(QCoreApplication.translate("CalibrationPage", u"what assessors see (no hint of the expected levels)", None))
        self.reference_label.setText(QCoreApplication.translate("CalibrationPage", u"&Reference levels for this benchmark (arrows move, number keys pick):", None))
#if QT_CONFIG(accessibility)
        self.reference_grid.setAccessibleName(QCoreApplication.translate("CalibrationPage", u"Reference levels", None))
#endif // QT_CONFIG(accessibility)
        self.add_benchmark_button.setText(QCoreApplication.translate("CalibrationPage", u"A&dd benchmark", None))
        self.remove_benchmark_button.setText(QCoreApplication.translate("CalibrationPage", u"Remo&ve selected", None))
#if QT_CONFIG(accessibility)
        self.benchmarks_list.setAccessibleName(QCoreApplication.translate("CalibrationPage", u"Benchmarks in this exercise", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.assessors_list.setAccessibleName(QCoreApplication.translate("CalibrationPage", u"Assessors to invite (check to invite)", None))
#endif // QT_CONFIG(accessibility)
        self.setup_status_label.setText("")
        self.create_exercise_button.setText(QCoreApplication.translate("CalibrationPage", u"&Open the exercise", None))
        self.tabs_widget.setTabText(self.tabs_widget.indexOf(self.setup_tab), QCoreApplication.translate("CalibrationPage", u"&Set up an exercise", None))
        ___qtablewidgetitem14 = self.certifications_table.horizontalHeaderItem(0)
        ___qtablewidgetitem14.setText(QCoreApplication.translate("CalibrationPage", u"Assessor", None))
        ___qtablewidgetitem15 = self.certifications_table.horizontalHeaderItem(1)
        ___qtablewidgetitem15.setText(QCoreApplication.translate("CalibrationPage", u"Rubric", None))
        ___qtablewidgetitem16 = self.certifications_table.horizontalHeaderItem(2)
        ___qtablewidgetitem16.setText(QCoreApplication.translate("CalibrationPage", u"Status", None))
        ___qtablewidgetitem17 = self.certifications_table.horizontalHeaderItem(3)
        ___qtablewidgetitem17.setText(QCoreApplication.translate("CalibrationPage", u"Source", None))
        ___qtablewidgetitem18 = self.certifications_table.horizontalHeaderItem(4)
        ___qtablewidgetitem18.setText(QCoreApplication.translate("CalibrationPage", u"Details", None))
#if QT_CONFIG(accessibility)
        self.certifications_table.setAccessibleName(QCoreApplication.translate("CalibrationPage", u"Certifications", None))
#endif // QT_CONFIG(accessibility)
        self.revoke_reason_edit.setPlaceholderText(QCoreApplication.translate("CalibrationPage", u"reason for withdrawing the selected certification", None))
#if QT_CONFIG(accessibility)
        self.revoke_reason_edit.setAccessibleName(QCoreApplication.translate("CalibrationPage", u"Reason for revoking", None))
#endif // QT_CONFIG(accessibility)
        self.revoke_button.setText(QCoreApplication.translate("CalibrationPage", u"Re&voke", None))
        self.tabs_widget.setTabText(self.tabs_widget.indexOf(self.certifications_tab), QCoreApplication.translate("CalibrationPage", u"Cer&tifications", None))
        self.drift_label.setText(QCoreApplication.translate("CalibrationPage", u"Exact agreement of each assessor's latest second-marked attempts with the other marker (or the agreed result).", None))
        ___qtablewidgetitem19 = self.drift_table.horizontalHeaderItem(0)
        ___qtablewidgetitem19.setText(QCoreApplication.translate("CalibrationPage", u"Assessor", None))
        ___qtablewidgetitem20 = self.drift_table.horizontalHeaderItem(1)
        ___qtablewidgetitem20.setText(QCoreApplication.translate("CalibrationPage", u"Rubric", None))
        ___qtablewidgetitem21 = self.drift_table.horizontalHeaderItem(2)
        ___qtablewidgetitem21.setText(QCoreApplication.translate("CalibrationPage", u"Attempts", None))
        ___qtablewidgetitem22 = self.drift_table.horizontalHeaderItem(3)
        ___qtablewidgetitem22.setText(QCoreApplication.translate("CalibrationPage", u"Exact", None))
        ___qtablewidgetitem23 = self.drift_table.horizontalHeaderItem(4)
        ___qtablewidgetitem23.setText(QCoreApplication.translate("CalibrationPage", u"Expected", None))
        ___qtablewidgetitem24 = self.drift_table.horizontalHeaderItem(5)
        ___qtablewidgetitem24.setText(QCoreApplication.translate("CalibrationPage", u"Alert", None))
#if QT_CONFIG(accessibility)
        self.drift_table.setAccessibleName(QCoreApplication.translate("CalibrationPage", u"Assessor drift", None))
#endif // QT_CONFIG(accessibility)
        self.check_drift_button.setText(QCoreApplication.translate("CalibrationPage", u"Chec&k now", None))
        self.propose_button.setText(QCoreApplication.translate("CalibrationPage", u"&Propose recalibration", None))
        self.alert_note_edit.setPlaceholderText(QCoreApplication.translate("CalibrationPage", u"what was done about the selected alert", None))
#if QT_CONFIG(accessibility)
        self.alert_note_edit.setAccessibleName(QCoreApplication.translate("CalibrationPage", u"Note for closing the alert", None))
#endif // QT_CONFIG(accessibility)
        self.close_alert_button.setText(QCoreApplication.translate("CalibrationPage", u"Close a&lert", None))
        self.tabs_widget.setTabText(self.tabs_widget.indexOf(self.drift_tab), QCoreApplication.translate("CalibrationPage", u"&Drift", None))
        pass
    # retranslateUi

