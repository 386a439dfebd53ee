"""``/v1/models`` and ``/v1/chat/completions``, plain and streamed, errors in OpenAI's shape."""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator

from flask import Blueprint, jsonify
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound

from rag.errors import RagError
from rag.types import Answer
from server import sse
from server.auth import protect
from server.context import rag, settings
from server.errors import STATUS, describe
from server.openai_api.collections import model_collections, model_ids
from server.openai_api.parse import ChatRequest, json_body, read_chat_request, read_model
from server.openai_api.shapes import Completion, error, extensions, models, words

log = logging.getLogger(__name__)

openai_api = protect(Blueprint("openai", __name__))
ROUTES = {"models": "GET", "chat/completions": "POST"}


@openai_api.get("/v1/models")
def list_models():
    return jsonify(models(model_ids()))


@openai_api.post("/v1/chat/completions")
def chat_completions():
    body = json_body()
    model = read_model(body)
    collections = model_collections(model)
    s = settings()
    chat = read_chat_request(body, max_pixels=s.max_image_pixels, keep_turns=s.conversation_turns)
    completion = Completion(model)
    prompt_words = words(chat.question) + sum(words(t.content) for t in chat.history)
    if not chat.stream:
        answer = rag().ask(
            chat.question, history=chat.history, image=chat.image, collections=collections
        )
        return jsonify(completion.whole(answer, prompt_words))
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
    raise NotFound(
        f"/v1/{rest} is not offered: this server answers GET /v1/models and "
        "POST /v1/chat/completions"
    )


def _events(
    items: Iterator[str | Answer], completion: Completion, chat: ChatRequest, prompt_words: int
) -> Iterator[str]:
    """Role, content deltas, then a last chunk with ``finish_reason``, the sources and the
    verified ``answer``. When the verified text extends what was streamed, the rest is sent
    as one more delta; when it replaces it (an answer turned into an abstention), the deltas
    stop and the last chunk's ``answer`` holds the text to keep."""
    yield sse.event(completion.chunk({"role": "assistant", "content": ""}))
    written = ""
    try:
        for item in items:
            if isinstance(item, Answer):
                rest = _rest(written, item.text)
                if rest:
                    yield sse.event(completion.chunk({"content": rest}))
                yield sse.event(completion.chunk({}, "stop", answer=item.text, **extensions(item)))
                if chat.include_usage:
                    yield sse.event(completion.usage_chunk(prompt_words, item.text))
                break
            written += item
            yield sse.event(completion.chunk({"content": item}))
    except RagError as exc:
        # Headers are sent: the error travels as an event, as OpenAI's streams carry theirs.
        log.warning("streamed completion failed: %s", exc)
        _, kind, code = _rag_error(exc)
        yield sse.event(error(str(exc), kind, None, code))
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
    response = jsonify(error(describe(exc), kind, param, code))
    # Keep what the exception says beside its body (Allow on 405, Retry-After on 429).
    for name, value in exc.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response, status


@openai_api.errorhandler(RagError)
def rag_error(exc: RagError):
    status, kind, code = _rag_error(exc)
    return jsonify(error(str(exc), kind, None, code)), status
