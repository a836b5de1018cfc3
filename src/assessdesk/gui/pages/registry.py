"""The pages the main window offers, each with the action a user needs to see it (the services check again)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from assessdesk.domain.roles import can
from assessdesk.domain.users import User
from assessdesk.gui.pages.base import PageEnv


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    action: str
    factory: str  # "module:Class", imported when the page is first shown

    def build(self, env: PageEnv) -> QWidget:
        module, cls = self.factory.split(":")
        return getattr(importlib.import_module(module), cls)(env)


PAGES: list[PageSpec] = [
    PageSpec("home", "Today", "sessions.view", "assessdesk.gui.pages.home:HomePage"),
    PageSpec("roster", "Roster", "roster.view", "assessdesk.gui.pages.roster:RosterPage"),
    PageSpec("checkin", "Check-in and identity", "checkin.perform", "assessdesk.gui.pages.checkin:CheckInPage"),
    PageSpec("attempt", "Run the attempt", "attempt.run", "assessdesk.gui.pages.attempt:AttemptPage"),
    PageSpec("users", "Users and roles", "users.list", "assessdesk.gui.pages.users:UsersPage"),
    PageSpec("approvals", "Approvals", "issuance.review", "assessdesk.gui.pages.approvals:ApprovalsPage"),
    PageSpec("credentials", "Credentials", "credential.view", "assessdesk.gui.pages.credentials:CredentialsPage"),
    PageSpec("playback", "Evidence playback", "evidence.view", "assessdesk.gui.pages.playback:PlaybackPage"),
    PageSpec("calibration", "Calibration", "calibration.view", "assessdesk.gui.pages.calibration:CalibrationPage"),
    PageSpec("sync", "Sync", "sync.view", "assessdesk.gui.pages.sync:SyncPage"),
    PageSpec("scoring", "Scoring", "scoring.score", "assessdesk.gui.pages.scoring:ScoringPage"),
    PageSpec("moderation", "Moderation", "scoring.moderate", "assessdesk.gui.pages.moderation:ModerationPage"),
    PageSpec("standards", "Standards library", "standards.view", "assessdesk.gui.pages.standards:StandardsPage"),
]


def pages_for(user: User) -> list[PageSpec]:
    return [p for p in PAGES if can(user.roles, p.action)]
