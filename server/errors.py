"""One JSON error shape for every failure: ``{"error": {"message", "type"}}``."""

from __future__ import annotations

from flask import Flask, current_app, jsonify
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from rag.errors import DocumentNotFoundError, RagError, StoreLockedError, StoreUnavailableError

STATUS = {
    DocumentNotFoundError: 404,
    StoreUnavailableError: 503,
    StoreLockedError: 503,
}


def _error(message: str, kind: str, status: int):
    return jsonify({"error": {"message": message, "type": kind}}), status


def describe(exc: HTTPException) -> str:
    """The message of an HTTP error, with the limit that was hit where Werkzeug's says none."""
    if (
        isinstance(exc, RequestEntityTooLarge)
        and exc.description == RequestEntityTooLarge.description
    ):
        limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
        return (
            f"the request is larger than the limit of {limit / 1048576:g} MB "
            "(RAG_MAX_UPLOAD_MB); send fewer or smaller files"
        )
    return exc.description or exc.name


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return _error(describe(exc), exc.name.lower().replace(" ", "_"), exc.code or 500)

    @app.errorhandler(RagError)
    def rag_error(exc: RagError):
        status = next((code for cls, code in STATUS.items() if isinstance(exc, cls)), 500)
        return _error(str(exc), type(exc).__name__, status)
