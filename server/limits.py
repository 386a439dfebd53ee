"""Per-client rate limit on the API (``RAG_RATE_LIMIT``), keyed by API key, else by address."""

from __future__ import annotations

import hashlib

from flask import Blueprint, Flask, request
from flask_limiter import Limiter

from server.access import grants, match_key
from server.auth import bearer_token


def client_key() -> str:
    """A valid API key is the client (hashed: keys never sit in the limiter's storage); any
    other request is its address, so inventing keys does not buy fresh allowances."""
    token = bearer_token()
    if token and match_key(token, grants()) is not None:
        return "key:" + hashlib.sha256(token.encode()).hexdigest()[:16]
    return f"addr:{request.remote_addr or 'unknown'}"


def init_limits(app: Flask, limit: str, blueprints: list[Blueprint]) -> Limiter | None:
    if not limit.strip():
        return None
    # In memory: one process serves the embedded store. Behind several processes, each keeps
    # its own count (documented in the README).
    limiter = Limiter(client_key, app=app, storage_uri="memory://", headers_enabled=True)
    for blueprint in blueprints:
        limiter.limit(limit)(blueprint)
    return limiter
