"""Per-client rate limit on the API, keyed by API key, else by address.

``RAG_RATE_LIMIT`` applies per address, and per key when ``RAG_RATE_LIMIT_PER_KEY`` is unset.
Set, a request with a valid key is counted against its key with that limit instead: a gateway
that serves many people through one key gets an allowance of its own, whatever address it
comes from, while unauthenticated callers keep the per-address one. CORS preflights
(``OPTIONS``) are never counted.
"""

from __future__ import annotations

import hashlib

from flask import Blueprint, Flask, request
from flask_limiter import Limiter

from server.access import grants, match_key
from server.auth import bearer_token


def presented_key() -> str | None:
    """The request's API key when it is one of the configured keys (``RAG_API_KEYS``,
    ``RAG_API_KEYS_FILE``)."""
    token = bearer_token()
    if token and match_key(token, grants()) is not None:
        return token
    return None


def client_key() -> str:
    """A valid API key is the client (hashed: keys never sit in the limiter's storage); any
    other request is its address, so inventing keys does not buy fresh allowances."""
    key = presented_key()
    if key:
        return "key:" + hashlib.sha256(key.encode()).hexdigest()[:16]
    return f"addr:{request.remote_addr or 'unknown'}"


def init_limits(
    app: Flask, limit: str, blueprints: list[Blueprint], *, per_key: str | None = None
) -> Limiter | None:
    if not limit.strip() and not (per_key or "").strip():
        return None

    def current_limit() -> str:
        return per_key if per_key is not None and presented_key() else limit

    def exempt() -> bool:
        return request.method == "OPTIONS" or not current_limit().strip()

    # In memory: one process serves the embedded store. Behind several processes, each keeps
    # its own count (documented in the README).
    limiter = Limiter(client_key, app=app, storage_uri="memory://", headers_enabled=True)
    for blueprint in blueprints:
        limiter.limit(current_limit, exempt_when=exempt)(blueprint)
    return limiter
