"""The registry's FastAPI application: routers per feature, the protocol-version gate, typed error answers."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assessdesk import __version__
from assessdesk.protocol.version import MIN_SUPPORTED_PROTOCOL, PROTOCOL_HEADER, PROTOCOL_VERSION
from assessdesk.registry import verification
from assessdesk.registry.context import Registry
from assessdesk.registry.errors import ApiError, error_response, handle_api_error
from assessdesk.registry.evidence import routes as evidence_routes
from assessdesk.registry.evidence import tus
from assessdesk.registry.stations import routes as station_routes
from assessdesk.registry.sync import routes as sync_routes

_HEADER = PROTOCOL_HEADER.lower().encode()


def protocol_refusal(value: str | None) -> tuple[int, str, str] | None:
    """(status, code, message) when a request's protocol header cannot be served, else None."""
    try:
        version = int(value) if value is not None else None
    except ValueError:
        version = None
    if version is None or version < MIN_SUPPORTED_PROTOCOL:
        message = (f"This station's software is too old for the registry (it speaks protocol {value or 'unknown'}, "
                   f"the registry needs {MIN_SUPPORTED_PROTOCOL} to {PROTOCOL_VERSION}). Update assessdesk on this "
                   f"station, then sync again; nothing was sent or changed.")
        return 426, "update_needed", message
    if version > PROTOCOL_VERSION:
        message = (f"The registry is older than this station (protocol {version} > {PROTOCOL_VERSION}). Ask the "
                   f"registry admin to update the registry; nothing was sent or changed.")
        return 400, "registry_outdated", message
    return None


class ProtocolGate:
    """Pure ASGI middleware (no body buffering, so tus streams stay streams): checks the protocol header on every
    /v1 request except tus discovery (OPTIONS), and stamps the registry's version on every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"].startswith("/v1/") and scope["method"] != "OPTIONS":
            raw = next((v for k, v in scope["headers"] if k == _HEADER), None)
            refusal = protocol_refusal(raw.decode("latin-1") if raw is not None else None)
            if refusal:
                await error_response(*refusal, headers={"Upgrade": f"assessdesk-protocol/{PROTOCOL_VERSION}"}
                                     if refusal[0] == 426 else None)(scope, receive, send)
                return

        async def stamped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((_HEADER, str(PROTOCOL_VERSION).encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, stamped)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
    where = ".".join(str(p) for p in first.get("loc", ()))
    return error_response(422, "invalid_request", f"The request is not valid: {where}: {first.get('msg')}")


def create_app(registry: Registry) -> FastAPI:
    app = FastAPI(title="assessdesk registry", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json")
    app.state.registry = registry
    app.state.tus = tus.TusState()
    app.add_exception_handler(ApiError, handle_api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    for router in (station_routes.router, sync_routes.router, tus.router, evidence_routes.router,
                   verification.router):
        app.include_router(router)

    @app.get("/health")
    def health() -> dict[str, object]:
        return {"status": "ok", "protocol": PROTOCOL_VERSION, "min_supported_protocol": MIN_SUPPORTED_PROTOCOL}

    app.add_middleware(ProtocolGate)
    return app


__all__ = ["create_app"]
