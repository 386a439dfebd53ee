"""Reading a chat completion request: OpenAI's fields, checked, turned into one question.

The last message is the question and must come from the user; the user and assistant messages
before it are the history (``system`` and ``developer`` messages are ignored: the product's
prompt decides how answers are written; ``tool`` results and assistant tool calls are accepted
and left out, since answers come from the documents). A picture travels as an ``image_url``
part holding a data URL, on the last message only; images on earlier messages are ignored.
``tools`` are accepted with ``tool_choice`` ``auto`` or ``none`` and the answer is prose; a
request that forces a tool call is a 400, as is any ``n`` but 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PIL import Image
from werkzeug.exceptions import BadRequest

from rag.generators import Turn
from server.images import decode_image
from server.jsonbody import json_object
from server.openai_api.errors import InvalidRequest, ModelNotFound
from server.openai_api.formats import TEXT, ResponseFormat, read_response_format
from server.requests import check_question_length

MODEL_ID = "rag"
IGNORED_ROLES = ("system", "developer", "tool", "function")
ROLES = ("user", "assistant", *IGNORED_ROLES)

__all__ = ["ChatRequest", "InvalidRequest", "ModelNotFound", "json_body", "read_chat_request"]


@dataclass
class ChatRequest:
    question: str
    history: list[Turn] = field(default_factory=list)
    image: Image.Image | None = None
    stream: bool = False
    include_usage: bool = False
    response_format: ResponseFormat = TEXT
    sources_footer: bool = True


def json_body() -> dict[str, Any]:
    return json_object('{"model": "rag", "messages": [{"role": "user", "content": "..."}]}')


def read_model(body: dict[str, Any]) -> str:
    """``rag``, ``rag/COLLECTION`` or nothing: the product answers from its index whatever
    generator it runs (``server.openai_api.collections`` checks the collection)."""
    model = body.get("model")
    if model is None or model == "":
        return MODEL_ID
    if not isinstance(model, str):
        raise InvalidRequest("'model' must be a string", "model")
    if model != MODEL_ID and not model.startswith(f"{MODEL_ID}/"):  # rag/COLLECTION
        raise ModelNotFound(f"the model {model!r} does not exist: this server offers '{MODEL_ID}'")
    return model


def read_chat_request(
    body: dict[str, Any],
    *,
    max_pixels: int,
    keep_turns: int,
    max_chars: int,
    sources_footer: bool = True,
) -> ChatRequest:
    n = body.get("n")
    if n is not None and (isinstance(n, bool) or n != 1):
        raise InvalidRequest(
            "'n' must be 1: the server writes one answer per question", "n", "unsupported_value"
        )
    _check_tools(body)
    footer = body.get("rag_sources_footer")
    if footer is not None and not isinstance(footer, bool):
        raise InvalidRequest("'rag_sources_footer' must be true or false", "rag_sources_footer")
    response_format = read_response_format(body.get("response_format"))
    stream = body.get("stream", False)
    if stream is None:
        stream = False
    if not isinstance(stream, bool):
        raise InvalidRequest("'stream' must be true or false", "stream")
    options = body.get("stream_options") or {}
    if not isinstance(options, dict):
        raise InvalidRequest("'stream_options' must be an object", "stream_options")

    messages = _messages(body.get("messages"))
    *earlier, last = messages
    if last["role"] != "user":
        raise InvalidRequest(
            "the last message must come from the user: it is the question", "messages"
        )
    index = len(messages) - 1
    question = _text(last["content"], index).strip()
    if not question:
        raise InvalidRequest(
            f"'messages[{index}]' holds no question: add a text part", f"messages[{index}].content"
        )
    check_question_length(question, max_chars, f"messages[{index}].content")
    history = [
        Turn(m["role"], text)
        for i, m in enumerate(earlier)
        if m["role"] not in IGNORED_ROLES and (text := _text(m["content"], i).strip())
    ]
    return ChatRequest(
        question=question,
        # As many earlier messages as a chat follow-up sees (RAG_CONVERSATION_TURNS).
        history=history[-keep_turns:] if keep_turns else [],
        image=_image(last["content"], index, max_pixels),
        stream=stream,
        include_usage=bool(options.get("include_usage")),
        response_format=response_format,
        # JSON answers carry their sources inside the object, never a footer after it.
        sources_footer=(sources_footer if footer is None else footer)
        and not response_format.is_json,
    )


def _check_tools(body: dict[str, Any]) -> None:
    """Tools may be offered; the answer is prose from the documents. Forcing a call is refused
    rather than ignored, so a client that needs one learns at once."""
    tools = body.get("tools")
    if tools is not None and not isinstance(tools, list):
        raise InvalidRequest("'tools' must be a list of tool definitions", "tools")
    choice = body.get("tool_choice")
    if choice is None or choice in ("auto", "none"):
        return
    if choice == "required" or isinstance(choice, dict):
        raise InvalidRequest(
            "this server answers from its documents and never calls tools: send tool_choice "
            "'auto' or 'none' (the answer is then text)",
            "tool_choice",
            "unsupported_value",
        )
    raise InvalidRequest(
        "'tool_choice' must be 'auto', 'none', 'required' or a named function", "tool_choice"
    )


def _messages(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not value:
        raise InvalidRequest(
            '\'messages\' must be a non-empty list of {"role", "content"} objects', "messages"
        )
    for i, message in enumerate(value):
        if not isinstance(message, dict) or message.get("role") not in ROLES:
            raise InvalidRequest(
                f"'messages[{i}]' must be an object with 'role' (one of {', '.join(ROLES)})",
                f"messages[{i}].role",
            )
        content = message.get("content")
        if content is None and message["role"] in ("assistant", "tool", "function"):
            continue  # an assistant turn that only called tools: nothing to read
        if not isinstance(content, str | list):
            raise InvalidRequest(
                f"'messages[{i}].content' must be a string or a list of content parts",
                f"messages[{i}].content",
            )
    return value


def _parts(content: Any, index: int) -> list[dict[str, Any]]:
    if content is None:
        return []
    if isinstance(content, str):
        return [{"type": "text", "text": content}]
    for j, part in enumerate(content):
        where = f"messages[{index}].content[{j}]"
        kind = part.get("type") if isinstance(part, dict) else None
        if kind == "text" and isinstance(part.get("text"), str):
            continue
        if kind == "image_url":
            continue
        raise InvalidRequest(
            f'\'{where}\' must be a text part {{"type": "text", "text": ...}} or an '
            f'image_url part {{"type": "image_url", "image_url": {{"url": "data:..."}}}}',
            where,
        )
    return content


def _text(content: Any, index: int) -> str:
    return "\n".join(p["text"] for p in _parts(content, index) if p["type"] == "text")


def _image(content: Any, index: int, max_pixels: int) -> Image.Image | None:
    urls = [
        (j, p["image_url"])
        for j, p in enumerate(_parts(content, index))
        if p["type"] == "image_url"
    ]
    if not urls:
        return None
    if len(urls) > 1:
        raise InvalidRequest(
            "send one picture per question: the last message holds several image_url parts",
            f"messages[{index}].content",
        )
    j, image_url = urls[0]
    where = f"messages[{index}].content[{j}].image_url"
    url = image_url.get("url") if isinstance(image_url, dict) else image_url
    if not isinstance(url, str) or not url.startswith("data:"):
        raise InvalidRequest(
            f"'{where}.url' must be a data URL (data:image/png;base64,...): the server never "
            "fetches URLs, so send the picture's bytes",
            f"{where}.url",
            "invalid_image_url",
        )
    try:
        return decode_image(url, field=f"{where}.url", max_pixels=max_pixels)
    except BadRequest as exc:
        raise InvalidRequest(exc.description, f"{where}.url", "invalid_image") from None
