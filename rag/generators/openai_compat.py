"""Answers from any OpenAI-compatible chat-completions server: vLLM, Ollama, llama.cpp, OpenAI.

The official ``openai`` client does the transport: per-request timeouts, retries with
exponential backoff on connection errors, 408/409/429 and 5xx (honouring ``Retry-After`` and
``retry-after-ms``), and server-sent-event streaming. This module only builds the messages
(the shared prompt plus pictures as base64 PNG data URLs) and turns the client's errors into
``ModelError``s that say what to fix.
"""

from __future__ import annotations

import base64
import io
import re
import threading
from collections.abc import Iterator, Sequence
from typing import Any

import openai
from PIL import Image

from rag.errors import ConfigError, ModelError
from rag.generators.base import Generator, Turn
from rag.generators.prompting import Prompt, build_prompt
from rag.settings import Settings
from rag.types import Evidence

# Servers word "this model cannot take images" in many ways (vLLM: "... is not a multimodal
# model", Ollama: "model does not support image input", llama.cpp: "image input is not
# supported"); a negation near an image word is the common shape.
_NO_IMAGES = re.compile(
    r"(not|n't|no|unable|cannot|unsupported)\W+(?:\w+\W+){0,6}?(images?|vision|multi-?modal)"
    r"|(images?|vision|multi-?modal)\W+(?:\w+\W+){0,4}?(not supported|unsupported)",
    re.IGNORECASE,
)
_IMAGE_WORDS = re.compile(r"image|vision|multi-?modal", re.IGNORECASE)


def png_data_url(image: Image.Image) -> str:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def chat_messages(prompt: Prompt) -> list[dict[str, Any]]:
    """System prompt, earlier turns, then this question with its pictures.

    Without pictures the user content stays a plain string: text-only models behind older
    servers reject the list-of-parts form, and nothing is lost by not using it.
    """
    content: str | list[dict[str, Any]] = prompt.user
    if prompt.pictures:
        parts: list[dict[str, Any]] = [{"type": "text", "text": prompt.user}]
        for picture in prompt.pictures:
            # The caption ties each picture to its evidence number, so [n] citations of a
            # picture mean the same as citations of text.
            parts.append({"type": "text", "text": f"Picture {picture.caption}:"})
            parts.append({"type": "image_url", "image_url": {"url": png_data_url(picture.image)}})
        content = parts
    return [
        {"role": "system", "content": prompt.system},
        *({"role": turn.role, "content": turn.content} for turn in prompt.history),
        {"role": "user", "content": content},
    ]


class OpenAIGenerator(Generator):
    """Streams an answer from ``settings.openai_model`` at ``settings.openai_base_url``."""

    def __init__(self, settings: Settings, *, client: openai.OpenAI | None = None) -> None:
        # Checked here, not on the first question: a misconfigured service should fail at start.
        if not settings.openai_base_url:
            raise ConfigError(
                "the openai generator needs the server's address: set RAG_OPENAI_BASE_URL, e.g. "
                "http://localhost:8000/v1 (vLLM), http://localhost:11434/v1 (Ollama) or "
                "https://api.openai.com/v1"
            )
        if not settings.openai_base_url.startswith(("http://", "https://")):
            raise ConfigError(
                f"RAG_OPENAI_BASE_URL must be an http:// or https:// URL, not {settings.openai_base_url!r}"
            )
        if not settings.openai_model:
            raise ConfigError(
                "the openai generator needs a model name: set RAG_OPENAI_MODEL to a model the "
                "server serves (its /v1/models lists them)"
            )
        self.settings = settings
        self.base_url = settings.openai_base_url.rstrip("/")
        self.model = settings.openai_model
        self._client = client
        self._lock = threading.Lock()  # one client even when the web server asks from threads

    @property
    def client(self) -> openai.OpenAI:
        # Built on first use so that constructing the generator (CLI start-up, tests, `rag
        # --help`) never opens connections.
        with self._lock:
            if self._client is None:
                self._client = openai.OpenAI(
                    base_url=self.base_url,
                    # Local servers need no key, but the client refuses to start without one.
                    api_key=self.settings.openai_api_key or "not-needed",
                    timeout=self.settings.openai_timeout_s,
                    max_retries=self.settings.openai_max_retries,
                )
            return self._client

    def stream(
        self,
        question: str,
        evidence: Sequence[Evidence],
        *,
        history: Sequence[Turn] = (),
        query_image: Image.Image | None = None,
    ) -> Iterator[str]:
        prompt = build_prompt(
            question, evidence, self.settings, history=history, query_image=query_image
        )
        try:
            response = self.client.chat.completions.create(
                model=self.model,
                messages=chat_messages(prompt),  # type: ignore[arg-type]
                max_tokens=self.settings.generator_max_new_tokens,
                temperature=self.settings.generator_temperature,
                stream=True,
            )
            # Closing the response on every exit (including a caller that stops reading early)
            # hands the connection back instead of leaving the server generating.
            with response:
                for chunk in response:
                    # Usage-only and keep-alive chunks come without choices or content.
                    if chunk.choices and chunk.choices[0].delta and chunk.choices[0].delta.content:
                        yield chunk.choices[0].delta.content
        except openai.APIError as exc:
            raise self._explain(exc, sent_images=bool(prompt.pictures)) from exc

    def _explain(self, exc: openai.APIError, *, sent_images: bool) -> ModelError:
        where = f"the OpenAI-compatible server at {self.base_url}"
        if isinstance(exc, openai.APITimeoutError):
            return ModelError(
                f"{where} did not answer within {self.settings.openai_timeout_s:g} s: is it "
                "overloaded or still loading the model? Raise RAG_OPENAI_TIMEOUT_S to wait longer"
            )
        if isinstance(exc, openai.APIConnectionError):
            return ModelError(
                f"cannot reach {where}: is it running? Check RAG_OPENAI_BASE_URL ({exc.__cause__ or exc})"
            )
        message = _server_message(exc)
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return ModelError(
                f"{where} refused the API key (HTTP {exc.status_code}: {message}): set "
                "RAG_OPENAI_API_KEY to a key it accepts"
            )
        if isinstance(exc, openai.BadRequestError) and (
            _NO_IMAGES.search(message) or (sent_images and _IMAGE_WORDS.search(message))
        ):
            return ModelError(
                f"model {self.model!r} at {self.base_url} does not accept images ({message}): "
                "use a vision model for RAG_OPENAI_MODEL, or set RAG_GENERATOR_MAX_IMAGES=0 to "
                "send text only"
            )
        if isinstance(exc, openai.NotFoundError):
            return ModelError(
                f"{where} answered 404 ({message}): check that RAG_OPENAI_MODEL names a model it "
                "serves and that RAG_OPENAI_BASE_URL is the API root (usually ending in /v1)"
            )
        if isinstance(exc, openai.RateLimitError | openai.InternalServerError):
            return ModelError(
                f"{where} failed (HTTP {exc.status_code}: {message}), retried up to "
                f"{self.settings.openai_max_retries} times: try later or raise RAG_OPENAI_MAX_RETRIES"
            )
        if isinstance(exc, openai.APIStatusError):
            return ModelError(f"{where} answered HTTP {exc.status_code}: {message}")
        return ModelError(f"{where} failed: {message}")


def _server_message(exc: openai.APIError) -> str:
    """The server's own words: ``{"error": {"message": ...}}`` (OpenAI, vLLM, Ollama), a bare
    ``{"message": ...}`` or ``{"detail": ...}``, or the raw body."""
    body = exc.body
    if isinstance(body, dict):
        for key in ("message", "detail", "error"):
            value = body.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    if isinstance(body, str) and body.strip():
        return body.strip()[:500]
    return exc.message
