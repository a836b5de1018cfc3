"""The demo profile's accounts: public on purpose, shown on the sign-in screen in demo mode only."""

from __future__ import annotations

# username -> (display name, roles, password). Public on purpose: it is a demo.
DEMO_USERS: dict[str, tuple[str, list[str], str]] = {
    "admin": ("Ada Admin", ["admin"], "demo-admin-1"),
    "proctor": ("Priya Proctor", ["proctor"], "demo-proctor-1"),
    "assessor": ("Arturo Assessor", ["assessor"], "demo-assessor-1"),
    "assessor2": ("Beatriz Second", ["assessor"], "demo-assessor-2"),
    "lead": ("Lena Lead", ["lead_assessor", "assessor"], "demo-lead-1"),
    "approver": ("Omar Approver", ["approver"], "demo-approver-1"),
}
