"""``/v1/models`` and ``/v1/chat/completions``, plain and streamed, errors in OpenAI's shape."""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, jsonify
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound

from rag.errors import RagError
from rag.types import Answer
from server import sse
from server.auth import protect
from server.context import rag, settings
from server.errors import STATUS, describe, public
from server.openai_api.collections import model_collections, model_ids
from server.openai_api.errors import ModelNotFound
from server.openai_api.formats import render
from server.openai_api.parse import (
    MODEL_ID,
    ChatRequest,
    json_body,
    read_chat_request,
    read_model,
)
from server.openai_api.shapes import Completion, error, extensions, model, models, words
from server.openai_api.sources import footer, openwebui_events
from server.openai_api.tasks import background_task

log = logging.getLogger(__name__)

openai_api = protect(Blueprint("openai", __name__))
ROUTES = {"models": "GET", "chat/completions": "POST"}


@openai_api.get("/v1/models")
def list_models():
    return jsonify(models(model_ids()))


@openai_api.get("/v1/models/<path:model_id>")
def get_model(model_id: str):
    if model_id != MODEL_ID:
        raise ModelNotFound(
            f"the model {model_id!r} does not exist: this server offers '{MODEL_ID}'"
        )
    return jsonify(model())


@openai_api.post("/v1/chat/completions")
def chat_completions():
    body = json_body()
    model_id = read_model(body)
    collections = model_collections(model_id)
    s = settings()
    chat = read_chat_request(
        body,
        max_pixels=s.max_image_pixels,
        keep_turns=s.conversation_turns,
        sources_footer=s.openai_sources_footer,
        max_chars=s.max_question_chars,
    )
    completion = Completion(model_id)
    prompt_words = words(chat.question) + sum(words(t.content) for t in chat.history)
    task = background_task(chat.question)
    if task is not None:
        # Open WebUI's title, tags and follow-up prompts: answered from the conversation and
        # the documents, not as a question to the index (which would say "not in the documents").
        content = task.reply(rag(), s.top_k, collections)
        return _whole(completion, chat, content, {"sources": []}, prompt_words)
    if not chat.stream or chat.response_format.is_json:
        answer = rag().ask(
            chat.question, history=chat.history, image=chat.image, collections=collections
        )
        extra = extensions(answer)
        return _whole(completion, chat, _content(chat, answer, extra), extra, prompt_words)
    items = rag().ask_stream(
        chat.question, history=chat.history, image=chat.image, collections=collections
    )
    # Retrieval runs before the first piece: a store that fails now still gets its status code.
    first = next(items)
    return sse.stream(_events(itertools.chain([first], items), completion, chat, prompt_words))


@openai_api.route("/v1/<path:rest>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
def elsewhere(rest: str):
    if rest in ROUTES:
        raise MethodNotAllowed([ROUTES[rest]])
    if rest.startswith("models/"):
        raise MethodNotAllowed(["GET"])
    raise NotFound(
        f"/v1/{rest} is not offered: this server answers GET /v1/models, "
        "GET /v1/models/rag and POST /v1/chat/completions"
    )


def _content(chat: ChatRequest, answer: Answer, extra: dict[str, Any]) -> str:
    """The message text: the JSON object a response_format asks for, else the answer with the
    sources footer unless it is switched off."""
    if chat.response_format.is_json:
        return render(
            chat.response_format,
            {
                "text": answer.text,
                "abstained": answer.abstained,
                "grounding": answer.grounding,
                "sources": extra["sources"],
            },
        )
    return answer.text + (footer(extra["sources"]) if chat.sources_footer else "")


def _whole(
    completion: Completion,
    chat: ChatRequest,
    content: str,
    extra: dict[str, Any],
    prompt_words: int,
):
    """A finished answer, as one completion or as a short stream."""
    if not chat.stream:
        return jsonify(completion.whole(content, extra, prompt_words))

    def events() -> Iterator[str]:
        yield sse.event(completion.chunk({"role": "assistant", "content": ""}))
        yield sse.event(completion.chunk({"content": content}))
        yield from _closing(completion, chat, content, extra, prompt_words)
        yield sse.event("[DONE]")

    return sse.stream(events())


def _closing(
    completion: Completion,
    chat: ChatRequest,
    content: str,
    extra: dict[str, Any],
    prompt_words: int,
) -> Iterator[str]:
    """Open WebUI's source events, the last chunk (finish_reason, the extension fields and
    ``answer``, the whole content to keep), then usage when asked for."""
    for event in openwebui_events(extra.get("sources", [])):
        yield sse.event(completion.chunk({}) | {"event": event})
    yield sse.event(completion.chunk({}, "stop", answer=content, **extra))
    if chat.include_usage:
        yield sse.event(completion.usage_chunk(prompt_words, content))


def _events(
    items: Iterator[str | Answer], completion: Completion, chat: ChatRequest, prompt_words: int
) -> Iterator[str]:
    """Role, content deltas, then the sources footer as one more delta and the closing chunks.
    When the verified text extends what was streamed, the rest is sent as one more delta; when
    it replaces it (an answer turned into an abstention), the deltas stop and the last chunk's
    ``answer`` holds the text to keep."""
    yield sse.event(completion.chunk({"role": "assistant", "content": ""}))
    written = ""
    try:
        for item in items:
            if isinstance(item, Answer):
                extra = extensions(item)
                content = _content(chat, item, extra)
                rest = _rest(written, content)
                if rest:
                    yield sse.event(completion.chunk({"content": rest}))
                yield from _closing(completion, chat, content, extra, prompt_words)
                break
            written += item
            yield sse.event(completion.chunk({"content": item}))
    except RagError as exc:
        # Headers are sent: the error travels as an event, as OpenAI's streams carry theirs.
        log.warning("streamed completion failed: %s", exc)
        _, kind, code = _rag_error(exc)
        yield sse.event(error(public(str(exc)), kind, None, code))
    except Exception:
        log.exception("streamed completion failed")
        yield sse.event(error("internal error while answering", "server_error"))
    yield sse.event("[DONE]")


def _rest(written: str, final: str) -> str:
    shown = written.lstrip()
    return final[len(shown) :] if final.startswith(shown) else ""


# Errors ------------------------------------------------------------------------------------


def _kind(status: int) -> tuple[str, str | None]:
    if status == 401:
        return "authentication_error", "invalid_api_key"
    if status == 429:
        return "rate_limit_exceeded", "rate_limit_exceeded"
    if status >= 500:
        return "server_error", None
    return "invalid_request_error", None


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _rag_error(exc: RagError) -> tuple[int, str, str]:
    status = next((code for cls, code in STATUS.items() if isinstance(exc, cls)), 500)
    return status, _kind(status)[0], _snake(type(exc).__name__)


@openai_api.errorhandler(HTTPException)
def http_error(exc: HTTPException):
    status = exc.code or 500
    kind, code = _kind(status)
    param = getattr(exc, "param", None)
    code = getattr(exc, "error_code", None) or code
    response = jsonify(error(public(describe(exc)), kind, param, code))
    # Keep what the exception says beside its body (Allow on 405, Retry-After on 429).
    for name, value in exc.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response, status


@openai_api.errorhandler(RagError)
def rag_error(exc: RagError):
    status, kind, code = _rag_error(exc)
    return jsonify(error(public(str(exc)), kind, None, code)), status
