"""Liveness, readiness and metrics: open routes for orchestrators and scrapers."""

from __future__ import annotations

import logging

from flask import Blueprint, current_app, jsonify

from rag.errors import RagError
from server.context import rag

log = logging.getLogger(__name__)

health = Blueprint("health", __name__)


@health.get("/healthz")
def healthz():
    """The process answers; says nothing about the store or models (see /readyz)."""
    return jsonify({"status": "ok"})


@health.get("/readyz")
def readyz():
    """Ready to answer: the store is reachable and the embedding model loads and runs.

    The first call loads the models, so a readiness probe also warms the server up.
    """
    checks: dict[str, str] = {}
    service = rag()
    try:
        chunks = service.store.count()
        checks["store"] = f"ok ({chunks} chunks)"
    except RagError as exc:
        checks["store"] = f"failed: {exc}"
    try:
        service.embedder.embed_query("ready")
        checks["embedder"] = "ok"
    except Exception as exc:  # a model that will not load is exactly what this reports
        log.warning("readiness: the embedder failed: %s", exc)
        checks["embedder"] = f"failed: {exc}"
    ready = all(value.startswith("ok") for value in checks.values())
    return jsonify({"status": "ready" if ready else "not ready", "checks": checks}), (
        200 if ready else 503
    )


@health.get("/metrics")
def metrics():
    return current_app.extensions["metrics"].exposition()
