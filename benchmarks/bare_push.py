"""The push benchmark's peer: the issue's "bare endpoint that stores nothing", run here so that the registry's
records/s can be read as a ratio to it on the same machine in the same run.

It is the registry's push route with the storing taken out: same uvicorn settings, same request model (the batch is
parsed and validated), same answer writer (every record acknowledged with a made-up sequence number); no token
lookup, no content hash, no database, no fsync.

    python benchmarks/bare_push.py PORT
"""

from __future__ import annotations

import itertools
import sys
from datetime import UTC, datetime

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import Response

from assessdesk.domain.clock import iso
from assessdesk.protocol.sync import PushRequest
from assessdesk.registry.sync.push import Acknowledged
from assessdesk.registry.sync.routes import push_response_json

app = FastAPI()
_seq = itertools.count(1)


@app.post("/v1/sync/push")
async def push(request: Request) -> Response:
    batch = PushRequest.model_validate_json(await request.body())
    results = [Acknowledged(e.event_id, next(_seq)) for e in batch.events]
    return Response(push_response_json(batch.idempotency_key, results, iso(datetime.now(UTC))), media_type="application/json")


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
