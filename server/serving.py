"""The app under waitress, answering in JSON even where waitress answers before Flask.

Waitress refuses a body over its ``max_request_body_size`` (and malformed or oversized headers)
itself, before the app sees the request, with a plain-text page. Here those answers use the
product's error shape and the same message the app gives for an over-large upload. Waitress's
limit sits 1 MB above the app's (``RAG_MAX_UPLOAD_MB``): a declared length over the app's limit
is answered by the app without reading the body, and a body that does not say its length is
cut off by waitress before it is buffered whole.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Flask
from waitress import create_server as waitress_server
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer
from waitress.task import ErrorTask
from waitress.utilities import RequestEntityTooLarge

from rag.settings import Settings
from server.errors import too_large_message

WAITRESS_SLACK_BYTES = 1024 * 1024


def upload_limit_bytes(settings: Settings) -> int:
    return int(settings.max_upload_mb * 1024 * 1024)


def json_error_channel(limit_bytes: int) -> type[HTTPChannel]:
    class JsonErrorTask(ErrorTask):
        def execute(self) -> None:
            error = self.request.error
            if isinstance(error, RequestEntityTooLarge):
                message = too_large_message(limit_bytes)
            else:
                message = f"{error.reason}: {error.body}"
            kind = error.reason.lower().replace(" ", "_")
            body = json.dumps({"error": {"message": message, "type": kind}}).encode()
            self.status = f"{error.code} {error.reason}"
            self.response_headers.append(("Content-Type", "application/json"))
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    class JsonErrorChannel(HTTPChannel):
        error_task_class = JsonErrorTask

    return JsonErrorChannel


def create_server(app: Flask, settings: Settings, **options: Any):
    """A waitress server for ``app`` (``options``: host, port, threads, ...), not yet running."""
    limit = upload_limit_bytes(settings)
    server = waitress_server(app, max_request_body_size=limit + WAITRESS_SLACK_BYTES, **options)
    channel = json_error_channel(limit)
    # One server per listening socket ("localhost" may be both ::1 and 127.0.0.1).
    listeners = [server, *getattr(server, "map", {}).values()]
    for listener in listeners:
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = channel
    return server


def serve_app(app: Flask, settings: Settings, **options: Any) -> None:
    """Serve ``app`` until the process is stopped."""
    create_server(app, settings, **options).run()
