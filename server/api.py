"""JSON API: ask, chat (with conversations and streaming), service info.

Views are thin: they read the request (``server.requests``), call the service and shape the
answer (``server.serialize``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

from flask import Blueprint, current_app, jsonify
from werkzeug.exceptions import BadRequest

from rag.errors import RagError
from rag.types import Answer
from server import sse
from server.access import (
    caller_conversation,
    check_filters,
    conversation_for_caller,
    readable,
)
from server.auth import protect
from server.context import rag, settings
from server.conversations import Conversations
from server.errors import public
from server.requests import Question, json_body, read_question
from server.serialize import answer_json

log = logging.getLogger(__name__)

api = protect(Blueprint("api", __name__))
info = Blueprint("info", __name__)


def conversations() -> Conversations:
    return current_app.extensions["conversations"]


@info.get("/api/info")
def service_info():
    """What a client needs before its first call; open, so a page can ask for a key."""
    s = settings()
    keyed = bool(current_app.extensions["api_keys"])
    return jsonify({"auth_required": keyed, "max_upload_mb": s.max_upload_mb})


@api.post("/api/ask")
def ask():
    s = settings()
    q = read_question(json_body(), max_pixels=s.max_image_pixels, max_chars=s.max_question_chars)
    check_filters(q.filters)
    answer = rag().ask(
        q.text,
        top_k=q.top_k,
        filters=q.filters,
        history=q.history,
        image=q.image,
        retrieve_k=q.retrieve_k,
        collections=readable(),
    )
    return jsonify(answer_json(answer))


@api.post("/api/chat")
def chat():
    body = json_body()
    s = settings()
    q = read_question(
        body,
        max_pixels=s.max_image_pixels,
        max_chars=s.max_question_chars,
        allow_history=False,
    )
    check_filters(q.filters)
    given = body.get("conversation_id")
    if given is None:
        conversation_id = conversations().start()
    elif not isinstance(given, str) or not given:
        raise BadRequest(
            "'conversation_id' must be a string returned by an earlier /api/chat answer"
        )
    else:
        conversation_id = caller_conversation(given)
    q.history = conversations().history(conversation_id)
    conversation = Conversation(conversation_id, conversation_for_caller(conversation_id))
    if body.get("stream"):
        return sse.stream(_chat_events(q, conversation, readable()))
    answer = rag().ask(
        q.text,
        top_k=q.top_k,
        filters=q.filters,
        history=q.history,
        image=q.image,
        collections=readable(),
    )
    return jsonify(_chat_json(answer, q, conversation))


@dataclass(frozen=True)
class Conversation:
    stored_id: str  # the conversation store's id
    caller_id: str  # the id the caller sends back (server.access ties it to the key)


def _chat_json(answer: Answer, q: Question, conversation: Conversation) -> dict:
    conversations().record(conversation.stored_id, q.text, answer.text)
    return answer_json(answer) | {"conversation_id": conversation.caller_id}


def _chat_events(
    q: Question, conversation: Conversation, collections: list[str] | None
) -> Iterator[str]:
    """``delta`` events while the answer is written, then ``answer`` (the final, verified one)
    or ``error``: once streaming has begun, the status line can no longer say it failed."""
    try:
        for item in rag().ask_stream(
            q.text,
            top_k=q.top_k,
            filters=q.filters,
            history=q.history,
            image=q.image,
            collections=collections,
        ):
            if isinstance(item, Answer):
                yield sse.event(_chat_json(item, q, conversation), "answer")
            else:
                yield sse.event({"text": item}, "delta")
    except RagError as exc:
        log.warning("chat answer failed: %s", exc)
        message = public(str(exc))
        yield sse.event({"error": {"message": message, "type": type(exc).__name__}}, "error")
    except Exception:
        log.exception("chat answer failed")
        yield sse.event(
            {"error": {"message": "internal error while answering", "type": "internal_error"}},
            "error",
        )
