"""The station's HTTP client for the registry: enrol, push, pull, server time; typed errors a proctor can act on."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Self

import httpx
from pydantic import ValidationError

from assessdesk.domain.clock import parse_iso
from assessdesk.domain.errors import DomainError
from assessdesk.domain.events import AuthoredEvent
from assessdesk.protocol.enrolment import EnrolRequest, EnrolResponse, StationKind
from assessdesk.protocol.events import WireEvent
from assessdesk.protocol.evidence import AttemptEvidence, PresenceAnswer, PresenceQuery
from assessdesk.protocol.sync import DEFAULT_PULL_LIMIT, PullResponse, PushRequest, PushResponse, ServerTime
from assessdesk.protocol.version import PROTOCOL_HEADER, PROTOCOL_VERSION

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)


class RegistryError(DomainError):
    """The registry answered, but not with what was asked; `status` and `code` say how."""

    def __init__(self, message: str, *, status: int = 0, code: str = "", hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.status = status
        self.code = code


class RegistryUnreachable(RegistryError):
    """No answer (offline, DNS, refused, timed out, or a proxy error): keep working; sync retries later."""


class UpdateNeeded(RegistryError):
    """The station and registry speak different protocol versions; `side` says which one must be updated."""

    def __init__(self, message: str, *, side: str, status: int, code: str) -> None:
        super().__init__(message, status=status, code=code,
                         hint="Nothing was sent or changed." if side == "station" else "")
        self.side = side


class StationRevoked(RegistryError):
    """The registry admin revoked this station; it can no longer sync until enrolled again."""


class NotEnrolled(RegistryError):
    """The registry does not know this station's token (never enrolled, or enrolled against another registry)."""


def _body(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def raise_for_answer(response: httpx.Response) -> None:
    """Turn a non-2xx answer into the typed error the station shows."""
    if response.is_success:
        return
    body = _body(response)
    code = str(body.get("error", ""))
    message = str(body.get("message") or f"The registry answered HTTP {response.status_code}.")
    status = response.status_code
    if status == 426 or code == "update_needed":
        raise UpdateNeeded(message, side="station", status=status, code=code or "update_needed")
    if code == "registry_outdated":
        raise UpdateNeeded(message, side="registry", status=status, code=code)
    # A HEAD answer has no body: the registry's only body-less 403 is a revoked station.
    if status == 403 and (code == "station_revoked" or not body):
        raise StationRevoked(message if code else "This station has been revoked by the registry admin and can no "
                             "longer sync. Contact the admin.", status=status, code="station_revoked")
    if status == 401:
        raise NotEnrolled(message, status=status, code=code or "not_enrolled",
                          hint="Enrol the station again with a new code from the registry admin.")
    if status in (502, 503, 504):
        raise RegistryUnreachable(f"The registry is not answering right now (HTTP {status}).", status=status,
                                  code=code, hint="Work goes on offline; sync will try again.")
    raise RegistryError(message, status=status, code=code)


class RegistryClient:
    """One registry, one station token. Methods are blocking: call them from the io lane, never the GUI thread."""

    def __init__(self, base_url: str, token: str | None = None, ca_file: str | None = None, *,
                 timeout: httpx.Timeout | float = DEFAULT_TIMEOUT, transport: httpx.BaseTransport | None = None,
                 protocol_version: int = PROTOCOL_VERSION) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self._protocol = protocol_version
        self._http = httpx.Client(base_url=self.base_url, timeout=timeout, verify=ca_file or True,
                                  transport=transport, http2=False)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    @property
    def http(self) -> httpx.Client:
        """The underlying httpx client (the tus uploader shares its connection pool and TLS settings)."""
        return self._http

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        out = {PROTOCOL_HEADER: str(self._protocol)}
        if self.token:
            out["Authorization"] = f"Bearer {self.token}"
        return {**out, **(extra or {})}

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """Send one request with the protocol and token headers; map transport failures to RegistryUnreachable."""
        headers = self.headers(kwargs.pop("headers", None))
        try:
            response = self._http.request(method, path, headers=headers, **kwargs)
        except httpx.TransportError as exc:
            raise RegistryUnreachable(f"Cannot reach the registry at {self.base_url} ({type(exc).__name__}).",
                                      hint="Work goes on offline; sync will try again.") from exc
        raise_for_answer(response)
        return response

    def _parse(self, model: type[Any], response: httpx.Response) -> Any:
        try:
            return model.model_validate_json(response.content)
        except ValidationError as exc:
            raise RegistryError(f"The registry sent an answer this station cannot read ({exc.error_count()} "
                                f"problems).", status=response.status_code, code="bad_answer") from exc

    # --- use-cases ------------------------------------------------------------------------------------------
    def enrol(self, *, code: str, station_name: str, public_key: str, kinds: Sequence[StationKind | str],
              station_id: str | None = None, key_id: str | None = None, proof: str | None = None) -> EnrolResponse:
        """Spend a one-time enrolment code; the client keeps the returned token for later calls.

        With `station_id` (and `key_id`) the registry keeps the station's own id; `proof` lets it enrol again under
        that id. A registry that predates these optional fields refuses them as unknown (422, before the code is
        spent); the station then drops `proof`, and if still refused the id fields too, and gets an id chosen by the
        registry (push.wire_of and trusted.bind_manifest_keys cover that)."""
        body = EnrolRequest(code=code, station_name=station_name, public_key=public_key,
                            kinds=[StationKind(k) for k in kinds], station_id=station_id, key_id=key_id, proof=proof)
        # an older registry refuses fields it does not know (422 naming them, the code unspent): the proof came
        # last, then the id fields, so drop them in that order, each only while the registry names them
        bodies = [body]
        if proof is not None:
            bodies.append(body.model_copy(update={"proof": None}))
        if station_id is not None or key_id is not None:
            bodies.append(body.model_copy(update={"station_id": None, "key_id": None, "proof": None}))
        for n, sent in enumerate(bodies):
            try:
                response = self.request("POST", "/v1/stations/enrol", content=sent.model_dump_json(exclude_none=True),
                                        headers={"Content-Type": "application/json"})
                break
            except RegistryError as exc:
                dropped = (set(sent.model_dump(exclude_none=True)) - set(bodies[n + 1].model_dump(exclude_none=True))
                           if n + 1 < len(bodies) else set())
                if not (exc.status == 422 and exc.code == "invalid_request" and any(f in str(exc) for f in dropped)):
                    raise
        answer: EnrolResponse = self._parse(EnrolResponse, response)
        self.token = answer.token
        return answer

    def push(self, events: Sequence[AuthoredEvent | WireEvent], *, idempotency_key: str | None = None
             ) -> PushResponse:
        """Push one batch; per-record results come back in the order sent. Re-sending the same batch with the
        same key is safe (replays are acknowledged with the same server_seq)."""
        wire = [e if isinstance(e, WireEvent) else WireEvent.from_domain(e) for e in events]
        body = PushRequest(idempotency_key=idempotency_key or str(uuid.uuid4()), events=wire)
        return self._parse(PushResponse, self.request(
            "POST", "/v1/sync/push", content=body.model_dump_json(), headers={"Content-Type": "application/json"}))

    def pull(self, cursor: int = 0, *, limit: int = DEFAULT_PULL_LIMIT) -> PullResponse:
        """Events routed to this station after `cursor`; store `next_cursor` with the applied events."""
        return self._parse(PullResponse, self.request("GET", "/v1/sync/pull",
                                                      params={"cursor": cursor, "limit": limit}))

    def server_time(self) -> datetime:
        answer: ServerTime = self._parse(ServerTime, self.request("GET", "/v1/time"))
        return parse_iso(answer.server_time)

    def attempt_evidence(self, attempt_id: str) -> AttemptEvidence:
        return self._parse(AttemptEvidence, self.request("GET", f"/v1/attempts/{attempt_id}/evidence"))

    def evidence_present(self, sha256s: Sequence[str]) -> set[str]:
        """Which of these blobs the registry holds, verified: only those may be purged locally."""
        body = PresenceQuery(sha256=list(sha256s))
        answer: PresenceAnswer = self._parse(PresenceAnswer, self.request(
            "POST", "/v1/evidence/present", content=body.model_dump_json(),
            headers={"Content-Type": "application/json"}))
        return set(answer.present)

    def trusted_keys(self) -> dict[str, Any]:
        return self.request("GET", "/v1/stations/trusted-keys").json()
