# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'users_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_UsersPage(object):
    def setupUi(self, UsersPage):
        if not UsersPage.objectName():
            UsersPage.setObjectName(u"UsersPage")
        self.main_layout = QVBoxLayout(UsersPage)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(UsersPage)
        self.title_label.setObjectName(u"title_label")

        self.main_layout.addWidget(self.title_label)

        self.users_table = QTableWidget(UsersPage)
        if (self.users_table.columnCount() < 4):
            self.users_table.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.users_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.users_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.users_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.users_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.users_table.setObjectName(u"users_table")
        self.users_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.users_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.users_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.users_table.setAlternatingRowColors(True)

        self.main_layout.addWidget(self.users_table)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.new_user_button = QPushButton(UsersPage)
        self.new_user_button.setObjectName(u"new_user_button")

        self.button_layout.addWidget(self.new_user_button)

        self.roles_button = QPushButton(UsersPage)
        self.roles_button.setObjectName(u"roles_button")

        self.button_layout.addWidget(self.roles_button)

        self.reset_password_button = QPushButton(UsersPage)
        self.reset_password_button.setObjectName(u"reset_password_button")

        self.button_layout.addWidget(self.reset_password_button)

        self.toggle_active_button = QPushButton(UsersPage)
        self.toggle_active_button.setObjectName(u"toggle_active_button")

        self.button_layout.addWidget(self.toggle_active_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.verify_audit_button = QPushButton(UsersPage)
        self.verify_audit_button.setObjectName(u"verify_audit_button")

        self.button_layout.addWidget(self.verify_audit_button)


        self.main_layout.addLayout(self.button_layout)

        self.status_label = QLabel(UsersPage)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)


        self.retranslateUi(UsersPage)

        QMetaObject.connectSlotsByName(UsersPage)
    # setupUi

    def retranslateUi(self, UsersPage):
        self.title_label.setText(QCoreApplication.translate("UsersPage", u"<h2>Users and roles</h2>", None))
        ___qtablewidgetitem = self.users_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("UsersPage", u"User name", None))
        ___qtablewidgetitem1 = self.users_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("UsersPage", u"Name", None))
        ___qtablewidgetitem2 = self.users_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("UsersPage", u"Roles", None))
        ___qtablewidgetitem3 = self.users_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("UsersPage", u"Status", None))
#if QT_CONFIG(accessibility)
        self.users_table.setAccessibleName(QCoreApplication.translate("UsersPage", u"Users", None))
#endif // QT_CONFIG(accessibility)
        self.new_user_button.setText(QCoreApplication.translate("UsersPage", u"&New user\u2026", None))
        self.roles_button.setText(QCoreApplication.translate("UsersPage", u"Change &roles\u2026", None))
        self.reset_password_button.setText(QCoreApplication.translate("UsersPage", u"Reset &password\u2026", None))
        self.toggle_active_button.setText(QCoreApplication.translate("UsersPage", u"&Deactivate", None))
        self.verify_audit_button.setText(QCoreApplication.translate("UsersPage", u"&Verify audit log", None))
        self.status_label.setText("")
        pass
    # retranslateUi

