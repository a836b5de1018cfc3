"""The public verification page in headless Chromium with JavaScript off: valid, revoked and unknown credentials,
issued on approver stations and synced to a real registry on 127.0.0.1 (everything else about the page is checked
over plain HTTP in test_sync_e2e)."""

from __future__ import annotations

import os

import json
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "sync"))
sys.path.insert(0, str(HERE.parent / "issuance"))

from sync_support import PASSWORD, RegistryServer, make_station

from assessdesk.domain.clock import FixedClock, SystemClock

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")
SHOT = HERE.parents[1] / "docs" / "img" / "verification.png"
pytestmark = pytest.mark.skipif(CHROMIUM is None or DRIVER is None, reason="Chromium is not installed (Debian: apt-get install "
                                                         "chromium chromium-driver; ./test.sh installs it as root)")


@pytest.fixture
def server(tmp_path: Path):
    srv = RegistryServer(tmp_path / "registry").start()
    yield srv
    srv.close()


class Browser:
    """Headless Chromium driven over the W3C WebDriver protocol (Debian's chromium-driver), JavaScript switched
    off by content setting — the page must work without it."""

    def __init__(self, workdir: Path) -> None:
        import httpx
        from sync_support import free_port

        self.port = free_port()
        self.proc = subprocess.Popen([DRIVER, f"--port={self.port}"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        self.http = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=60)
        for _ in range(200):
            try:
                if self.http.get("/status").json()["value"]["ready"]:
                    break
            except (httpx.TransportError, ValueError, KeyError):
                pass
            time.sleep(0.05)
        options = {"binary": CHROMIUM, "args": ["--headless", "--no-sandbox", "--disable-gpu",
                                                "--disable-dev-shm-usage", "--window-size=900,860",
                                                f"--user-data-dir={workdir / 'chromium-profile'}"],
                   "prefs": {"profile.managed_default_content_settings.javascript": 2}}
        answer = self.http.post("/session", json={"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options}}}).json()
        self.session = answer["value"]["sessionId"]

    def open(self, url: str) -> str:
        self.http.post(f"/session/{self.session}/url", json={"url": url}).raise_for_status()
        return self.http.get(f"/session/{self.session}/source").json()["value"]

    def screenshot(self, path: Path) -> None:
        import base64

        path.write_bytes(base64.b64decode(self.http.get(f"/session/{self.session}/screenshot").json()["value"]))

    def close(self) -> None:
        try:
            self.http.delete(f"/session/{self.session}")
        finally:
            self.http.close()
            self.proc.terminate()
            self.proc.wait(10)


def _approver_station(path: Path, name: str, server: RegistryServer, base: str, clock):
    from issuance_support import People, pending_attempt

    from assessdesk.services import users
    from assessdesk.services.issuance import issuer
    from assessdesk.services.sync.enrolment import enrol

    st = make_station(path, name, clock=clock)
    made = {n: users.create_user(st.ctx, actor=st.admin, username=n, display_name=n.title(), password=PASSWORD,
                                 roles=[role]) for n, role in (("proctor", "proctor"), ("assessor", "assessor"),
                                                               ("approver", "approver"))}
    people = People(st.admin, made["proctor"], made["assessor"], made["assessor"], made["approver"],
                    made["approver"])
    from issuance_support import import_standards

    import_standards(st.ctx, st.admin)
    issuer.create_issuer(st.ctx, actor=st.admin, name=name, base_url=base, index_range=(0, 1000))
    kinds = ["recording_station", "scoring_station", "approver_station"]
    enrol(st.ctx, actor=st.admin, url=server.url, code=server.code(*kinds), kinds=kinds)
    return st, people, pending_attempt


def test_valid_revoked_and_unknown_in_headless_chromium(tmp_path: Path, server: RegistryServer) -> None:
    from assessdesk.services.issuance import approval, issuer
    from assessdesk.services.issuance.records import revoke
    from assessdesk.services.sync.engine import run_once

    current, people, pending = _approver_station(tmp_path / "a", "Skills Board North", server,
                                                 f"{server.url}/", SystemClock())
    # a walk-in, so the registry knows the holder's name from the synced attempt (no roster upload needed here)
    good = approval.approve(current.ctx, actor=people.approver, attempt_id=pending(current.ctx, people, walk_in=True))
    bad = approval.approve(current.ctx, actor=people.approver,
                           attempt_id=pending(current.ctx, people, email="other@example.org"))
    revoke(current.ctx, actor=people.approver, credential_id=bad.credential_id, reason="issued in error")
    # A second issuer whose station stopped syncing two months ago: its status list is long out of date.
    stale_clock = FixedClock(datetime.now(UTC) - timedelta(days=60))
    old, old_people, old_pending = _approver_station(tmp_path / "b", "Skills Board South", server,
                                                     f"{server.url}/south/", stale_clock)
    stale = approval.approve(old.ctx, actor=old_people.approver, attempt_id=old_pending(old.ctx, old_people))
    for st in (current, old):
        report = run_once(st.ctx)
        assert report.ok and report.quarantined == 0, (report.error, report.problems)
    issuers = [json.loads(issuer.trusted_issuers_path(st.ctx).read_text())["issuers"] for st in (current, old)]
    (server.registry.data_dir / "trusted-issuers.json").write_text(json.dumps({"issuers": issuers[0] + issuers[1]}))

    def result(dom: str) -> str:
        found = re.search(r'data-result="(\w+)"', dom)
        assert found, dom[:500]
        return found.group(1)

    browser = Browser(tmp_path)
    try:
        probe = browser.open("data:text/html,<p id=p>static</p><script>document.getElementById('p').remove()"
                             "</script>")
        assert 'id="p"' in probe  # scripts really are off
        dom = browser.open(good.verification_url)
        assert result(dom) == "valid" and "Skills Board North" in dom and "VALID" in dom
        assert "Łukasz Nowak" in dom  # the holder's name, as the registry is configured to show it (full)
        shot = SHOT if os.environ.get("ASSESSDESK_SCREENSHOTS") else tmp_path / "verification.png"
        browser.screenshot(shot)  # the docs picture is refreshed on request only
        assert shot.stat().st_size > 1000
        assert result(browser.open(bad.verification_url)) == "revoked"
        stale_dom = browser.open(f"{server.url}/credentials/{stale.entity_id}")
        assert result(stale_dom) == "unknown" and "could not be checked" in stale_dom
    finally:
        browser.close()
    for st in (current, old):
        st.ctx.close()
