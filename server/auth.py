"""API keys: ``Authorization: Bearer KEY`` on every protected route when ``RAG_API_KEYS`` is set.

Protect a blueprint with ``protect(blueprint)``. The check runs before the view reads the body,
so a request without a valid key costs nothing and changes nothing.
"""

from __future__ import annotations

import hmac

from flask import Blueprint, request
from werkzeug.exceptions import Unauthorized

from server.context import settings
from server.signing import signed_link_opens


def bearer_token() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def check_api_key() -> None:
    keys = settings().api_keys
    # A CORS preflight carries no credentials by design; it reads and changes nothing.
    if not keys or request.method == "OPTIONS" or signed_link_opens():
        return
    token = bearer_token()
    if token is None:
        raise Unauthorized(
            "this server requires an API key: send the header 'Authorization: Bearer KEY'"
        )
    # Compare against every key in constant time, so timing reveals neither key nor match.
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(token.encode(), key.encode())
    if not matched:
        raise Unauthorized("the API key is not valid")


def protect(blueprint: Blueprint) -> Blueprint:
    blueprint.before_request(check_api_key)
    return blueprint
