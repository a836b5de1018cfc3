"""HTTP-facing errors of the registry: a status, a machine code and a sentence the station can show as it is."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse

from assessdesk.protocol.version import MIN_SUPPORTED_PROTOCOL, PROTOCOL_HEADER, PROTOCOL_VERSION


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": code, "message": message, "server_protocol": PROTOCOL_VERSION,
            "min_supported_protocol": MIN_SUPPORTED_PROTOCOL}
    return JSONResponse(body, status_code=status,
                        headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION), **(headers or {})})


async def handle_api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.headers)


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"The registry has no {what}.")
