"""Flask application factory. Nothing heavy happens at import or in ``create_app``."""

from __future__ import annotations

from flask import Flask

from rag.settings import Settings, load_settings


def create_app(settings: Settings | None = None, *, rag=None) -> Flask:
    from rag.service import RagService
    from server.api import api
    from server.errors import register_error_handlers

    settings = settings or load_settings()
    app = Flask(__name__)
    app.extensions["rag"] = rag or RagService(settings)
    app.register_blueprint(api)
    register_error_handlers(app)
    return app
