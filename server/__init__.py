"""Flask application factory. Nothing heavy happens at import or in ``create_app``: models and
the store open on the first request that needs them."""

from __future__ import annotations

from flask import Flask

from rag.settings import Settings, load_settings

UNLIMITED = {"health", "info", "web", "slack"}


def create_app(
    settings: Settings | None = None, *, rag=None, bind_host: str | None = None
) -> Flask:
    """``bind_host``: the address ``rag serve`` listens on, one of the names it answers to."""
    from rag.service import RagService
    from server.access import init_access
    from server.api import api, info
    from server.browser_guard import BrowserGuard
    from server.collection_routes import collections
    from server.conversations import Conversations, conversation_store
    from server.cors import init_cors
    from server.documents import documents
    from server.errors import register_error_handlers
    from server.health import health
    from server.limits import init_limits
    from server.metrics import Metrics
    from server.openai_api import openai_api
    from server.paths import PublicPaths
    from server.slack import register_slack
    from server.uploads import Uploads
    from server.web import init_pages, web

    settings = settings or load_settings()
    app = Flask(__name__)
    # Werkzeug answers 413 before a byte of an over-large upload is stored.
    app.config["MAX_CONTENT_LENGTH"] = int(settings.max_upload_mb * 1024 * 1024)
    app.config["MAX_FORM_PARTS"] = settings.max_upload_parts
    # A form field may be as large as the request (only `files` is read): so a form refused
    # within the request limit was refused for its parts, and the error can say so.
    app.config["MAX_FORM_MEMORY_SIZE"] = app.config["MAX_CONTENT_LENGTH"]
    app.extensions["settings"] = settings
    app.extensions["paths"] = PublicPaths(settings.data_dir)
    app.extensions["api_keys"] = init_access(settings)
    service = app.extensions["rag"] = rag or RagService(settings)
    app.extensions["conversations"] = Conversations(
        max_conversations=settings.max_conversations,
        keep_turns=settings.conversation_turns,
        path=conversation_store(settings.data_dir),
        max_age_s=settings.conversation_max_age_h * 3600,
    )
    app.extensions["uploads"] = Uploads(service, settings.data_dir / "uploads")
    Metrics().init_app(app)
    BrowserGuard(settings, bind_host).init_app(app)
    register_error_handlers(app)
    app.register_blueprint(health)
    app.register_blueprint(info)
    app.register_blueprint(documents)
    app.register_blueprint(collections)
    app.register_blueprint(api)
    app.register_blueprint(openai_api)
    register_slack(app, settings)
    app.register_blueprint(web)
    init_pages(app)
    # Last: the limit covers the API surfaces registered above; pages, health checks and the
    # Slack endpoints (signed by Slack) are not limited.
    limited = [bp for name, bp in app.blueprints.items() if name not in UNLIMITED]
    init_limits(app, settings.rate_limit, limited, per_key=settings.rate_limit_per_key)
    init_cors(app, settings.cors_origins)
    return app
