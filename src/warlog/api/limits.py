"""A cap on request bodies: 413 past the limit, 411 when a body's length is not announced."""
from __future__ import annotations

import json

MAX_BODY_BYTES = 2 * 1024 * 1024


class BodyLimit:
    """ASGI middleware: bodies over `max_bytes` are refused before they are read."""

    def __init__(self, app, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is None:
            await _refuse(send, 411, "a Content-Length header is required")
        elif not length.isdigit():
            await _refuse(send, 400, "Content-Length is not a number")
        elif int(length) > self.max_bytes:
            await _refuse(send, 413, f"body of {int(length)} bytes is over the limit of {self.max_bytes}")
        else:
            await self.app(scope, receive, send)


async def _refuse(send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
