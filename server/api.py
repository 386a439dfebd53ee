"""JSON API: ask, list documents, health."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request
from werkzeug.exceptions import BadRequest

api = Blueprint("api", __name__)


def _rag():
    return current_app.extensions["rag"]


@api.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


@api.post("/api/ask")
def ask():
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise BadRequest('the body must be a JSON object like {"question": "..."}')
    question = body.get("question")
    if not isinstance(question, str) or not question.strip():
        raise BadRequest("'question' must be a non-empty string")
    top_k = body.get("top_k")
    if top_k is not None and (
        isinstance(top_k, bool) or not isinstance(top_k, int) or not 1 <= top_k <= 100
    ):
        raise BadRequest("'top_k' must be an integer from 1 to 100")
    answer = _rag().ask(question, top_k=top_k)
    return jsonify(answer.to_dict())


@api.get("/api/documents")
def documents():
    return jsonify({"documents": [d.__dict__ for d in _rag().documents()]})
