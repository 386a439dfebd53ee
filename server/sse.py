"""Server-sent events: the wire format and the response that streams them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from flask import Response, stream_with_context


def event(data: Any, name: str | None = None) -> str:
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    head = f"event: {name}\n" if name else ""
    return f"{head}data: {payload}\n\n"


def stream(events: Iterable[str]) -> Response:
    response = Response(stream_with_context(events), mimetype="text/event-stream")
    # Proxies (nginx) and caches must pass every event on as it is written.
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response
