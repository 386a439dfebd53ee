"""One JSON error shape for every failure: ``{"error": {"message", "type"}}``."""

from __future__ import annotations

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

from rag.errors import DocumentNotFoundError, RagError, StoreLockedError, StoreUnavailableError

STATUS = {
    DocumentNotFoundError: 404,
    StoreUnavailableError: 503,
    StoreLockedError: 503,
}


def _error(message: str, kind: str, status: int):
    return jsonify({"error": {"message": message, "type": kind}}), status


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return _error(
            exc.description or exc.name, exc.name.lower().replace(" ", "_"), exc.code or 500
        )

    @app.errorhandler(RagError)
    def rag_error(exc: RagError):
        status = next((code for cls, code in STATUS.items() if isinstance(exc, cls)), 500)
        return _error(str(exc), type(exc).__name__, status)
