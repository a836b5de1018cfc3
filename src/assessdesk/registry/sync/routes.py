"""HTTP routes for push, pull and server time."""

from __future__ import annotations

import hashlib
import json
from json.encoder import encode_basestring
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from assessdesk.protocol.events import WireEvent
from assessdesk.protocol.sync import (
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    MAX_PUSH_BATCH,
    PullResponse,
    PushRequest,
    PushResponse,
    RecordResult,
    RejectReason,
    ServerTime,
)
from assessdesk.protocol.version import PROTOCOL_VERSION
from assessdesk.registry.auth import CurrentStation, RegistryDep
from assessdesk.registry.errors import ApiError
from assessdesk.registry.sync.pull import pull_page
from assessdesk.registry.sync.push import Acknowledged, Result, rejected, store_batch

router = APIRouter(prefix="/v1")


def _lenient_parse(body: bytes) -> tuple[str, list[WireEvent | RecordResult]]:
    """When the batch as a whole does not validate, validate each record so one bad record rejects alone."""
    try:
        data = json.loads(body)
    except ValueError:
        raise ApiError(400, "bad_json", "The push body is not JSON.") from None
    if not isinstance(data, dict) or not isinstance(data.get("idempotency_key"), str) \
            or not isinstance(data.get("events"), list):
        raise ApiError(422, "bad_batch", "A push needs an idempotency_key and a list of events.")
    if len(data["events"]) > MAX_PUSH_BATCH:
        raise ApiError(413, "batch_too_large", f"Send at most {MAX_PUSH_BATCH} events per push.")
    records: list[WireEvent | RecordResult] = []
    for position, raw in enumerate(data["events"]):
        try:
            records.append(WireEvent.model_validate_json(json.dumps(raw)))
        except ValidationError as exc:
            event_id = raw.get("event_id") if isinstance(raw, dict) else None
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            records.append(rejected(str(event_id or f"#{position}"), RejectReason.MALFORMED,
                                    f"{where}: {first['msg']}"))
    return data["idempotency_key"], records


@router.post("/sync/push", response_model=PushResponse)
async def push(request: Request, registry: RegistryDep, station: CurrentStation) -> Response:
    body = await request.body()
    try:
        batch = PushRequest.model_validate_json(body)  # strict: every field is the JSON value as sent
        key, records = batch.idempotency_key, list(batch.events)
    except ValidationError:
        key, records = _lenient_parse(body)
    request_hash = hashlib.sha256(body).hexdigest()
    results = await run_in_threadpool(lambda: store_batch(registry, station=station, idempotency_key=key,
                                                          request_hash=request_hash, records=records))
    return Response(push_response_json(key, results, registry.now()), media_type="application/json")


def push_response_json(key: str, results: list[Result], server_time: str) -> str:
    """A `PushResponse` as JSON, fields at their defaults (null reasons, empty detail) left out. Acknowledgements
    are written directly; the rare other results through their model."""
    parts = [_ACK.format(_str(r.event_id), r.server_seq) if type(r) is Acknowledged
             else r.model_dump_json(exclude_defaults=True) for r in results]
    return f'{{"idempotency_key":{_str(key)},"results":[{",".join(parts)}],"server_time":{_str(server_time)}}}'


_ACK = '{{"event_id":{},"status":"acknowledged","server_seq":{}}}'
_str = encode_basestring


@router.get("/sync/pull", response_model=PullResponse)
def pull(registry: RegistryDep, station: CurrentStation, cursor: int = Query(0, ge=0),
         limit: int = Query(DEFAULT_PULL_LIMIT, ge=1, le=MAX_PULL_LIMIT)) -> Response:
    found, next_cursor, more = pull_page(registry, station_id=station.station_id, cursor=cursor, limit=limit)
    answer = PullResponse(events=found, next_cursor=next_cursor, has_more=more, server_time=registry.now())
    return Response(answer.model_dump_json(), media_type="application/json")


@router.get("/time", response_model=ServerTime)
def server_time(registry: RegistryDep, _station: CurrentStation) -> dict[str, Any]:
    return {"server_time": registry.now(), "protocol": PROTOCOL_VERSION}
