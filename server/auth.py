"""API keys: ``Authorization: Bearer KEY`` on every protected route when keys are configured
(``RAG_API_KEYS``, ``RAG_API_KEYS_FILE``); the key's grant says which collections it reaches.

Protect a blueprint with ``protect(blueprint)``. The check runs before the view reads the body,
so a request without a valid key costs nothing and changes nothing.
"""

from __future__ import annotations

from flask import Blueprint, g, request
from werkzeug.exceptions import Unauthorized

from server.access import grants, match_key
from server.signing import signed_link_opens


def bearer_token() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def check_api_key() -> None:
    keys = grants()
    # A CORS preflight carries no credentials by design; it reads and changes nothing. A signed
    # link opens only the one preview it was made for.
    if not keys or request.method == "OPTIONS" or signed_link_opens():
        return
    token = bearer_token()
    if token is None:
        raise Unauthorized(
            "this server requires an API key: send the header 'Authorization: Bearer KEY'"
        )
    grant = match_key(token, keys)
    if grant is None:
        raise Unauthorized("the API key is not valid")
    g.api_grant = grant  # what the views may reach (server.access)


def protect(blueprint: Blueprint) -> Blueprint:
    blueprint.before_request(check_api_key)
    return blueprint
