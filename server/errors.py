"""One JSON error shape for every failure: ``{"error": {"message", "type"}}``."""

from __future__ import annotations

from flask import Flask, current_app, jsonify, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from rag.errors import DocumentNotFoundError, RagError, StoreLockedError, StoreUnavailableError

STATUS = {
    DocumentNotFoundError: 404,
    StoreUnavailableError: 503,
    StoreLockedError: 503,
}


def _error(message: str, kind: str, status: int):
    return jsonify({"error": {"message": message, "type": kind}}), status


def too_large_message(limit_bytes: int) -> str:
    """What an over-large request is told, by the app and by waitress (server.serving) alike."""
    return (
        f"the request is larger than the limit of {limit_bytes / 1048576:g} MB "
        "(RAG_MAX_UPLOAD_MB); send fewer or smaller files"
    )


def describe(exc: HTTPException) -> str:
    """The message of an HTTP error, with the limit that was hit where Werkzeug's says none."""
    if (
        isinstance(exc, RequestEntityTooLarge)
        and exc.description == RequestEntityTooLarge.description
    ):
        return _too_large()
    return exc.description or exc.name


def _too_large() -> str:
    """Werkzeug says "too large" for a body over MAX_CONTENT_LENGTH and for a form of more
    than MAX_FORM_PARTS parts alike. Form fields are held to the request's own limit
    (MAX_FORM_MEMORY_SIZE), so within that limit it was the parts."""
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    parts = current_app.config.get("MAX_FORM_PARTS")
    length = request.content_length
    if request.mimetype != "multipart/form-data" or parts is None:
        return too_large_message(limit)
    if length is not None and length <= limit:
        return (
            f"the upload has more than {parts} parts (RAG_MAX_UPLOAD_PARTS): send at most "
            f"{parts} files in one request"
        )
    if length is None:  # streamed without a length: either limit may be the one it hit
        return f"{too_large_message(limit)}, and at most {parts} files (RAG_MAX_UPLOAD_PARTS)"
    return too_large_message(limit)


def public(message: str) -> str:
    """``message`` without the server's absolute paths (see server.paths)."""
    paths = current_app.extensions.get("paths")
    return paths.scrub(message) if paths is not None else message


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        kind = exc.name.lower().replace(" ", "_")
        return _error(public(describe(exc)), kind, exc.code or 500)

    @app.errorhandler(RagError)
    def rag_error(exc: RagError):
        status = next((code for cls, code in STATUS.items() if isinstance(exc, cls)), 500)
        return _error(public(str(exc)), type(exc).__name__, status)
