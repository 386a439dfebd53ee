"""Which collections the caller of a request may read and write, and whether it is an admin.

``server.auth`` finds the caller's key and stores its grant on the request; views ask here.
Without configured keys the server is open, as it was before keys existed: every collection,
admin routes included. A collection the caller may not read is answered as if it did not exist
(404), so its name and documents do not leak.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from flask import current_app, g
from werkzeug.exceptions import BadRequest, Forbidden, NotFound

from rag.api_keys import KeyGrant, load_grants
from rag.collections import CollectionNameError, check_name
from rag.settings import Settings

OPEN = KeyGrant("", None, admin=True)


def init_access(settings: Settings) -> list[KeyGrant]:
    """Read the keys once, at start-up: a broken keys file stops the server, not a request."""
    return load_grants(settings.api_keys, settings.api_keys_file)


def grants() -> list[KeyGrant]:
    return current_app.extensions["api_keys"]


def match_key(token: str, candidates: Iterable[KeyGrant]) -> KeyGrant | None:
    """The grant of ``token``, compared with every key in constant time, so timing reveals
    neither a key nor whether one matched."""
    found = None
    for grant in candidates:
        if hmac.compare_digest(token.encode(), grant.key.encode()):
            found = grant
    return found


def caller() -> KeyGrant:
    """The grant of this request's key (the open grant when no keys are configured)."""
    return g.get("api_grant") or OPEN


def readable() -> list[str] | None:
    """The collections this request may read and write (None: every one)."""
    reach = caller().collections
    return None if reach is None else list(reach)


def may_read(name: str) -> bool:
    reach = caller().collections
    return reach is None or name in reach


def require_collection(name: object, *, field: str = "collection") -> str:
    """A collection named by the request that the caller may read, else 400 or 404."""
    try:
        name = check_name(name)
    except CollectionNameError as exc:
        raise BadRequest(f"'{field}': {exc}") from None
    if not may_read(name):
        raise NotFound(f"no collection named {name!r}")
    return name


def require_admin() -> None:
    if not caller().admin:
        raise Forbidden("this route needs an admin API key")


def check_filters(filters: dict[str, list[str]] | None) -> None:
    """Every collection a question's filters name must be one the caller may read (else 404)."""
    for name in (filters or {}).get("collection", []):
        require_collection(name, field="filters.collection")


def fingerprint(key: str) -> str:
    """Names a key in listings and conversation ids without revealing it."""
    return hashlib.sha256(key.encode()).hexdigest()[:12]


# Conversations belong to the key that started them: the id a keyed caller gets is prefixed
# with its key's fingerprint, so another key cannot read its history (a 404, as for an unknown
# id). Without keys the ids are as they were.


def conversation_for_caller(stored_id: str) -> str:
    """The id this caller sends back for the conversation stored as ``stored_id``."""
    key = caller().key
    return f"{fingerprint(key)}.{stored_id}" if key else stored_id


def caller_conversation(given_id: str) -> str:
    """The stored id of a conversation this caller started, else 404."""
    key = caller().key
    if not key:
        return given_id
    prefix = f"{fingerprint(key)}."
    if not given_id.startswith(prefix):
        raise NotFound(
            f"unknown conversation_id {given_id!r}: it expired or never existed; "
            "send the question without conversation_id to start a new one"
        )
    return given_id[len(prefix) :]
