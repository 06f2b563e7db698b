"""Limits on what a request may hold, checked before any route sees it.

- a request target (path and query string) over MAX_TARGET_BYTES: 414;
- a NUL byte in the path or query string (raw or %00): 400;
- a POST/PUT/PATCH body over the limit: 413. An announced Content-Length is checked
  before anything is read; a body without one (chunked transfer) is read and counted
  up to the limit, then handed on whole, so streaming clients work too.
"""
from __future__ import annotations

import json

MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_TARGET_BYTES = 8 * 1024  # what common servers and proxies accept in a request line


class BodyLimit:
    """ASGI middleware enforcing the limits above; bodies over `max_bytes` get a 413."""

    def __init__(self, app, max_bytes: int = MAX_BODY_BYTES, max_target_bytes: int = MAX_TARGET_BYTES) -> None:
        self.app, self.max_bytes, self.max_target_bytes = app, max_bytes, max_target_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("raw_path") or scope["path"].encode("utf-8", "surrogateescape")
        query = scope.get("query_string", b"")
        if len(path) + len(query) > self.max_target_bytes:
            await refuse(send, 414, f"request target over {self.max_target_bytes} bytes")
            return
        if "\x00" in scope["path"] or b"\x00" in query or b"%00" in query:
            await refuse(send, 400, "NUL byte in the request target")
            return
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is None:
            await self._counted(scope, receive, send)
        elif not length.isdigit():
            await refuse(send, 400, "Content-Length is not a number")
        elif int(length) > self.max_bytes:
            await refuse(send, 413, f"body of {int(length)} bytes is over the limit of {self.max_bytes}")
        else:
            await self.app(scope, receive, send)

    async def _counted(self, scope, receive, send) -> None:
        """A body of unannounced length: read it up to the limit, then replay it to the app."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await refuse(send, 413, f"body is over the limit of {self.max_bytes} bytes")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body, replayed = b"".join(chunks), False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


async def refuse(send, status: int, message: str) -> None:
    """A JSON error response {"detail": message} sent straight from the middleware."""
    body = json.dumps({"detail": message}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
