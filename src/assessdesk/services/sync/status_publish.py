"""An approver station's signed status list goes to the registry as an event, so the public verification page can
check revocations without the issuer key ever leaving approver stations."""

from __future__ import annotations

import hashlib
from urllib.parse import urlparse

from assessdesk.domain.errors import ConfigurationError
from assessdesk.services.station import StationContext
from assessdesk.storage import sync as repo
from assessdesk.trust.canonical import content_hash

PUBLISHED = "credential.status_list_published"
STATE_KEY = "status_list_sha"


def status_list_entity(url: str) -> str:
    """Keyed by the URL's path, exactly as registry.verification.status_list_entity (the two must agree)."""
    return "status-" + hashlib.sha256(urlparse(url).path.encode()).hexdigest()[:40]


def publish_if_changed(ctx: StationContext) -> bool:
    """db lane: when this station issues credentials, queue its current signed list (re-signed first when it is
    getting old) unless that exact list was queued before. True when a new one was queued."""
    from assessdesk.services.issuance import settings, status

    current = settings.load(ctx)
    if not current.configured:
        return False
    try:
        snapshot = status.local_status_fetcher(ctx)(current.status_list_url)
    except ConfigurationError:
        return False  # the issuer key is not on this station (yet): nothing to sign with
    if snapshot is None:
        return False
    doc = dict(snapshot.credential)
    digest = content_hash(doc)
    with ctx.uow(None) as uow:
        if repo.get_state(uow.session).get(STATE_KEY) == digest:
            return False
        uow.record(entity_type="status_list", entity_id=status_list_entity(current.status_list_url),
                   event_type=PUBLISHED, payload={"list_url": current.status_list_url, "credential": doc})
        repo.set_state(uow.session, {STATE_KEY: digest})
    return True
