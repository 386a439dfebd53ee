"""Reading the JSON body of a question: every field checked, every mistake a 400 saying which."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PIL import Image
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

from rag.generators import Turn
from server.images import decode_image
from server.jsonbody import json_object

# Payload fields with a keyword index: filtering on them stays fast at any size.
FILTERABLE = ("doc_id", "modality", "collection")
ROLES = ("user", "assistant")


@dataclass
class Question:
    text: str
    top_k: int | None = None
    retrieve_k: int | None = None
    filters: dict[str, list[str]] | None = None
    history: list[Turn] = field(default_factory=list)
    image: Image.Image | None = None


def json_body() -> dict[str, Any]:
    return json_object('{"question": "..."}')


def check_question_length(text: str, limit: int, field: str = "question") -> None:
    """A question longer than ``limit`` characters is refused before any model reads it."""
    if len(text) > limit:
        raise RequestEntityTooLarge(
            f"'{field}' is {len(text)} characters long; at most {limit} are accepted "
            "(RAG_MAX_QUESTION_CHARS)"
        )


def read_question(
    body: dict[str, Any], *, max_pixels: int, max_chars: int, allow_history: bool = True
) -> Question:
    text = body.get("question")
    if not isinstance(text, str) or not text.strip():
        raise BadRequest("'question' must be a non-empty string")
    check_question_length(text.strip(), max_chars)
    question = Question(text.strip())
    question.top_k = _count(body, "top_k")
    # Retrieve deeper than the answer reads (``retrieved`` lists them): evaluations measure
    # recall@10 with it while the generator still reads top_k.
    question.retrieve_k = _count(body, "retrieve_k")
    if body.get("filters") is not None:
        question.filters = _filters(body["filters"])
    if body.get("history") is not None:
        if not allow_history:
            raise BadRequest(
                "'history' is not accepted here: the conversation_id carries the history"
            )
        question.history = _history(body["history"])
    if body.get("image") is not None:
        question.image = decode_image(body["image"], field="image", max_pixels=max_pixels)
    return question


def _count(body: dict[str, Any], name: str) -> int | None:
    value = body.get(name)
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100
    ):
        raise BadRequest(f"'{name}' must be an integer from 1 to 100")
    return value


def _filters(value: Any) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise BadRequest(f"'filters' must be an object with keys among {', '.join(FILTERABLE)}")
    filters: dict[str, list[str]] = {}
    for key, accepted in value.items():
        if key not in FILTERABLE:
            raise BadRequest(f"cannot filter on {key!r}: filter on {', '.join(FILTERABLE)}")
        values = accepted if isinstance(accepted, list) else [accepted]
        if not values or not all(isinstance(v, str) and v for v in values):
            raise BadRequest(f"'filters.{key}' must be a string or a list of strings")
        filters[key] = values
    return filters


def _history(value: Any) -> list[Turn]:
    if not isinstance(value, list):
        raise BadRequest('\'history\' must be a list of {"role", "content"} objects')
    turns = []
    for i, turn in enumerate(value):
        if (
            not isinstance(turn, dict)
            or turn.get("role") not in ROLES
            or not isinstance(turn.get("content"), str)
        ):
            raise BadRequest(
                f"'history[{i}]' must be an object with 'role' (user or assistant) and 'content' (a string)"
            )
        turns.append(Turn(turn["role"], turn["content"]))
    return turns
