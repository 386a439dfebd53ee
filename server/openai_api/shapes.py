"""Responses in OpenAI's shapes, with the product's extension fields.

``sources`` (the numbered sources the ``[n]`` markers refer to, as ``/api/ask`` returns them,
with signed links and Open WebUI's citation keys), ``grounding`` and ``abstained`` ride at the
top level of a completion, and of the last chunk of a stream.
Token counts are whitespace word counts: the service has no tokenizer of the client's model.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from rag.types import Answer
from server.openai_api.parse import MODEL_ID
from server.openai_api.sources import sources_json

# When this server process started: the model's ``created`` is stable for its lifetime.
CREATED = int(time.time())


class Completion:
    """One answer's identity: the id, time and model every chunk of it repeats."""

    def __init__(self, model: str) -> None:
        self.id = f"chatcmpl-{uuid.uuid4().hex}"
        self.created = int(time.time())
        self.model = model

    def _head(self, kind: str) -> dict[str, Any]:
        return {"id": self.id, "object": kind, "created": self.created, "model": self.model}

    def whole(self, content: str, extra: dict[str, Any], prompt_words: int) -> dict[str, Any]:
        return self._head("chat.completion") | {
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": None},
                    "finish_reason": "stop",
                }
            ],
            "usage": usage(prompt_words, content),
            **extra,
        }

    def chunk(
        self, delta: dict[str, Any], finish_reason: str | None = None, **extra: Any
    ) -> dict[str, Any]:
        return self._head("chat.completion.chunk") | {
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
            **extra,
        }

    def usage_chunk(self, prompt_words: int, text: str) -> dict[str, Any]:
        """Sent last when ``stream_options.include_usage`` asks for it, as OpenAI does."""
        return self._head("chat.completion.chunk") | {
            "choices": [],
            "usage": usage(prompt_words, text),
        }


def extensions(answer: Answer) -> dict[str, Any]:
    return {
        "sources": sources_json(answer),
        "grounding": answer.grounding,
        "abstained": answer.abstained,
    }


def words(text: str) -> int:
    return len(text.split())


def usage(prompt_words: int, completion: str) -> dict[str, int]:
    completion_words = words(completion)
    return {
        "prompt_tokens": prompt_words,
        "completion_tokens": completion_words,
        "total_tokens": prompt_words + completion_words,
    }


def model(model_id: str = MODEL_ID) -> dict[str, Any]:
    return {"id": model_id, "object": "model", "created": CREATED, "owned_by": "rag"}


def models(ids: list[str] | None = None) -> dict[str, Any]:
    return {"object": "list", "data": [model(model_id) for model_id in ids or [MODEL_ID]]}


def error(
    message: str, kind: str, param: str | None = None, code: str | None = None
) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}
