"""The app under waitress: JSON even where waitress answers before Flask, and a drained stop.

Waitress refuses a body over its ``max_request_body_size`` (and malformed or oversized headers)
itself, before the app sees the request, with a plain-text page. Here those answers use the
product's error shape and the same message the app gives for an over-large upload. Waitress's
limit sits 1 MB above the app's (``RAG_MAX_UPLOAD_MB``): a declared length over the app's limit
is answered by the app without reading the body, and a body that does not say its length is
cut off by waitress before it is buffered whole.

On SIGTERM (or Ctrl-C) the server stops taking connections, answers requests that arrive on
open connections with 503, and lets the requests and uploads under way finish, for at most
``RAG_SHUTDOWN_GRACE_S`` seconds; a second signal stops it at once.
"""

from __future__ import annotations

import json
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask
from waitress import create_server as waitress_server
from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, MultiSocketServer
from waitress.task import ErrorTask
from waitress.utilities import RequestEntityTooLarge
from werkzeug.wsgi import ClosingIterator

from rag.settings import Settings
from server.errors import too_large_message

log = logging.getLogger(__name__)

WsgiApp = Callable[[dict, Callable], Iterable[bytes]]
WAITRESS_SLACK_BYTES = 1024 * 1024
LOOP_S = 0.5  # how soon a stop is noticed
DRAIN_POLL_S = 0.05


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


def create_server(app: WsgiApp, settings: Settings, **options: Any):
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


class InFlight:
    """WSGI middleware counting the requests under way, until their response is closed (a
    streamed answer counts until its last event); once ``closing``, new requests get 503."""

    def __init__(self, app: WsgiApp) -> None:
        self.app = app
        self.closing = False
        self._count = 0
        self._changed = threading.Condition()

    @property
    def count(self) -> int:
        with self._changed:
            return self._count

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        with self._changed:
            if self.closing:
                return _shutting_down(start_response)
            self._count += 1
        try:
            result = self.app(environ, start_response)
        except BaseException:
            self._done()
            raise
        return ClosingIterator(result, [self._done])

    def _done(self) -> None:
        with self._changed:
            self._count -= 1
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closing = True


def _shutting_down(start_response: Callable) -> list[bytes]:
    message = "the server is shutting down: send the request again in a moment"
    body = json.dumps({"error": {"message": message, "type": "service_unavailable"}}).encode()
    start_response(
        "503 Service Unavailable",
        [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(body))),
            ("Retry-After", "5"),
            ("Connection", "close"),
        ],
    )
    return [body]


def _socket_map(server: Any) -> dict:
    return server.map if isinstance(server, MultiSocketServer) else server._map


def _poll(server: Any, socket_map: dict, timeout: float) -> None:
    wasyncore.loop(timeout=timeout, map=socket_map, use_poll=server.adj.asyncore_use_poll, count=1)


def serve_until_stopped(
    server: Any, inflight: InFlight, stop: threading.Event, grace: float
) -> bool:
    """Serve until ``stop`` is set, then drain: True when every request finished in time."""
    socket_map = _socket_map(server)
    while not stop.is_set():
        _poll(server, socket_map, LOOP_S)
    inflight.close()
    for listener in [c for c in socket_map.values() if isinstance(c, BaseWSGIServer)]:
        listener.close()  # new connections are refused from now on
    log.warning("stopping: waiting up to %g s for %d request(s) under way", grace, inflight.count)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not inflight.count and not any(
            getattr(channel, "total_outbufs_len", 0) for channel in socket_map.values()
        ):
            break
        _poll(server, socket_map, DRAIN_POLL_S)
    left = inflight.count
    if left:
        log.warning("stopped with %d request(s) unfinished after %g s", left, grace)
    server.task_dispatcher.shutdown(cancel_pending=True, timeout=1)
    wasyncore.close_all(socket_map)
    return left == 0


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM and SIGINT set ``stop``; a second one ends the process at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        if stop.is_set():
            raise SystemExit(128 + signum)
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, action in previous.items():
            signal.signal(sig, action)


def serve_app(app: Flask, settings: Settings, **options: Any) -> bool:
    """Serve ``app`` until SIGTERM or SIGINT, then drain; True when nothing was cut off."""
    inflight = InFlight(app)
    server = create_server(inflight, settings, **options)
    stop = threading.Event()
    with stop_on_signals(stop):
        return serve_until_stopped(server, inflight, stop, settings.shutdown_grace_s)
