"""Signed preview links: a cited page or picture that opens without an API key.

A link is the preview's path with ``?token=...``: the path signed with ``RAG_LINK_SECRET``
(itsdangerous), valid for ``RAG_LINK_TTL_HOURS``. The token opens exactly the path it was
signed for, so a link to page 2 of one document opens neither page 3 nor another document.
Without a configured secret one is generated on first use and kept in ``DATA_DIR/link_secret``,
so links survive a restart.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from flask import current_app, request
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from werkzeug.exceptions import Forbidden

from server.context import settings

if TYPE_CHECKING:
    from rag.settings import Settings

SALT = "rag-preview-link"
SECRET_FILE = "link_secret"
# The routes a token may open: the previews that sources link to.
PREVIEW_ENDPOINTS = frozenset({"documents.page_preview", "documents.blob"})


def _stored_secret(data_dir: Path) -> str:
    path = data_dir / SECRET_FILE
    if path.is_file():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(32)
    # Created readable by the owner only, and never overwritten by a second process.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secret)
    return secret


def link_serializer(s: Settings) -> URLSafeTimedSerializer:
    """What signs and checks links under the settings' secret: also for code that runs outside
    a request, such as the Slack bot's answer threads."""
    return URLSafeTimedSerializer(s.link_secret or _stored_secret(s.data_dir), salt=SALT)


def _serializer() -> URLSafeTimedSerializer:
    serializer = current_app.extensions.get("link_serializer")
    if serializer is None:
        serializer = link_serializer(settings())
        current_app.extensions["link_serializer"] = serializer
    return serializer


def public_base() -> str:
    """Where people reach the service: ``RAG_PUBLIC_URL``, else the address this request used."""
    return (settings().public_url or request.host_url).rstrip("/")


def signed_url(path: str) -> str:
    """The absolute, shareable URL of a server path such as ``/api/blobs/NAME``."""
    return sign_path(path, public_base(), _serializer())


def sign_path(path: str, base: str, serializer: URLSafeTimedSerializer) -> str:
    """``base`` + ``path`` with the token that opens that path alone."""
    return f"{base.rstrip('/')}{path}?token={serializer.dumps(path)}"


def signed_link_opens() -> bool:
    """True when the request is a preview carrying a valid token for its own path; a token
    that is expired, forged or signed for another path is a 403 saying which."""
    token = request.args.get("token")
    if token is None or request.endpoint not in PREVIEW_ENDPOINTS:
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    max_age = int(settings().link_ttl_hours * 3600)
    try:
        path = _serializer().loads(token, max_age=max_age)
    except SignatureExpired:
        raise Forbidden(
            "this link has expired: ask again for a fresh one (RAG_LINK_TTL_HOURS)"
        ) from None
    except BadSignature:
        raise Forbidden("this link's token is not valid") from None
    if path != request.path:
        raise Forbidden("this link's token opens another page or picture, not this one")
    return True
