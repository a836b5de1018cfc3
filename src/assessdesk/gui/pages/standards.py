"""Standards library: browse competencies, credential definitions, rubrics and checklists by version with their
effective dates; import a package after a preview of what it changes."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTreeWidgetItem, QWidget
from shiboken6 import isValid

from assessdesk.domain.standards import ItemKind
from assessdesk.gui.forms.ui_standards_page import Ui_StandardsPage
from assessdesk.gui.pages.base import PageEnv
from assessdesk.services.standards import library
from assessdesk.services.standards.diff import render
from assessdesk.storage.standards import ItemSummary

HEADINGS = {ItemKind.COMPETENCY: "Competencies", ItemKind.CREDENTIAL: "Credential definitions",
            ItemKind.RUBRIC: "Rubrics", ItemKind.CHECKLIST: "Checklists"}


def describe(kind: ItemKind, raw: dict[str, Any]) -> str:
    """The item as readable HTML (level descriptors, criteria, pass rule, retake policy)."""
    e = html.escape
    until = raw.get("effective_to") or "no end date"
    out = [f"<h3>{e(raw.get('title') or raw.get('name', ''))}</h3>",
           f"<p><b>{e(raw['id'])}</b> version {raw['version']} · in force {raw['effective_from']} to {until}</p>"]
    if kind is ItemKind.COMPETENCY:
        out.append(f"<p>{e(raw['statement'])}</p><ol>")
        out += [f"<li value='{lv['level']}'><b>{e(lv['label'])}</b>: {e(lv['descriptor'])}</li>" for lv in raw["levels"]]
        out.append("</ol>")
    elif kind is ItemKind.CREDENTIAL:
        out.append(f"<p>{e(raw['description'])}</p><p><i>{e(raw['criteria_narrative'])}</i></p>")
        out.append(f"<p>Validation type: <b>{e(raw['validation_type'].replace('_', ' '))}</b>; evidence: "
                   f"{e(', '.join(raw.get('required_evidence', [])) or 'as the type requires')}</p><ul>")
        out += [f"<li>{e(a['competency_id'])} at level {a['level']}</li>" for a in raw["alignments"]]
        out.append("</ul>")
    elif kind is ItemKind.RUBRIC:
        policy = raw["retake_policy"]
        out.append(f"<p>Pass: {raw['pass_rule']['min_total']:g} points and every critical criterion at its minimum. "
                   f"Time limit: {raw.get('time_limit_minutes') or '—'} min. Retake after "
                   f"{policy['cooldown_days']} days, at most {policy['max_attempts'] or 'unlimited'} attempts.</p>")
        for c in raw["criteria"]:
            crit = " <b>(critical)</b>" if c.get("critical") else ""
            out.append(f"<p><b>{e(c['title'])}</b>{crit} — {e(c['competency_id'])}, weight {c.get('weight', 1):g}, "
                       f"needs level {c['min_level']}</p><ul>")
            out += [f"<li>{lv['level']} {e(lv['label'])} ({lv['points']:g}): {e(lv['descriptor'])}</li>"
                    for lv in c["levels"]]
            out.append("</ul>")
        if raw.get("peer_component"):
            peer = raw["peer_component"]
            out.append(f"<p>Peer scoring: up to {peer['weight_points']:g} points, at least {peer['min_peers']} "
                       f"peers, scale 1–{peer['scale_max']}.</p>")
    else:
        out.append(f"<p>Pass: {raw['pass_rule']['min_yes_share']:.0%} of items and every critical item.</p><ul>")
        out += [f"<li>{e(i['text'])}{' <b>(critical)</b>' if i.get('critical') else ''}</li>" for i in raw["items"]]
        out.append("</ul>")
    return "".join(out)


class StandardsPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ui = Ui_StandardsPage()
        self._ui.setupUi(self)
        self._env = env
        self._pending: Path | None = None
        ui = self._ui
        ui.body_splitter.setStretchFactor(1, 1)
        ui.refresh_button.clicked.connect(self.refresh)
        ui.library_tree.currentItemChanged.connect(self._on_library_tree_current_item_changed)
        ui.import_button.clicked.connect(self._on_import_button_clicked)
        ui.confirm_import_button.clicked.connect(self._on_confirm_import_button_clicked)
        ui.cancel_import_button.clicked.connect(self._close_preview)
        from assessdesk.domain.roles import can

        ui.import_button.setVisible(can(env.user.roles, "standards.import"))

    def refresh(self) -> None:
        env = self._env
        env.runner.db(lambda: library.list_library(env.ctx, actor=env.user), self._show)

    def _show(self, items: list[ItemSummary]) -> None:
        if not isValid(self):  # the page closed (sign-out) while the db lane worked
            return
        tree = self._ui.library_tree
        tree.clear()
        groups: dict[ItemKind, QTreeWidgetItem] = {}
        parents: dict[tuple[ItemKind, str], QTreeWidgetItem] = {}
        for kind, heading in HEADINGS.items():
            groups[kind] = QTreeWidgetItem([heading])
            tree.addTopLevelItem(groups[kind])
        for it in items:
            parent = parents.get((it.kind, it.id))
            if parent is None:
                parent = QTreeWidgetItem([it.id])
                groups[it.kind].addChild(parent)
                parents[(it.kind, it.id)] = parent
            leaf = QTreeWidgetItem([it.title, str(it.version), it.effective_from, it.effective_to or "—", it.package])
            leaf.setData(0, Qt.ItemDataRole.UserRole, (it.kind.value, it.id, it.version))
            parent.addChild(leaf)
        tree.expandToDepth(0)
        for col in range(tree.columnCount()):
            tree.resizeColumnToContents(col)
        self._ui.title_label.setText(f"<h2>Standards library</h2>{len(items)} item version(s)")

    def _on_library_tree_current_item_changed(self, item: QTreeWidgetItem | None, _prev: object) -> None:
        key = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not key:
            return
        kind, item_id, version = ItemKind(key[0]), key[1], key[2]
        env = self._env
        env.runner.db(lambda: library.item_content(env.ctx, actor=env.user, kind=kind, item_id=item_id,
                                                   version=version),
                      lambda raw: self._ui.details_browser.setHtml(describe(kind, raw)))

    def _on_import_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Import a standards package", "", "Standards package (*.json)")
        if name:
            self.preview(Path(name))

    def preview(self, path: Path) -> None:
        env = self._env
        self._ui.status_label.setText(f"Checking {path.name}…")
        env.runner.db(lambda: library.preview_import(env.ctx, actor=env.user, path=path),
                      lambda result: self._show_preview(path, *result))

    def _show_preview(self, path: Path, report, changes) -> None:  # type: ignore[no-untyped-def]
        ui = self._ui
        ui.preview_group.setVisible(True)
        if not report.ok:
            self._pending = None
            ui.preview_edit.setPlainText("The package cannot be imported:\n" + "\n".join(report.lines()))
            ui.confirm_import_button.setEnabled(False)
            ui.status_label.setText(f"{len(report.problems)} problem(s) found; nothing was imported.")
            return
        self._pending = path
        conflicts = [c for c in changes if c.status == "conflict"]
        ui.preview_edit.setPlainText("\n".join(render(changes)))
        ui.confirm_import_button.setEnabled(not conflicts)
        ui.status_label.setText("Conflicts: a stored version cannot change." if conflicts
                                else "Review the changes, then confirm the import.")

    def _on_confirm_import_button_clicked(self) -> None:
        if self._pending is None:
            return
        env, path = self._env, self._pending

        def done(result: library.ImportResult) -> None:
            self._close_preview()
            self._ui.status_label.setText(
                f"Imported {result.package_id} {result.package_version}: {len(result.added)} new item version(s)."
                if result.changed_anything else "That package was already imported; nothing changed.")
            self.refresh()

        env.runner.db(lambda: library.import_package(env.ctx, actor=env.user, path=path), done)

    def _close_preview(self) -> None:
        self._pending = None
        self._ui.preview_group.setVisible(False)
