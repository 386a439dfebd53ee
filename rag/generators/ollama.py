"""Answers from a local Ollama server, configured by its name alone (``RAG_GENERATOR=ollama``).

The server is found at ``RAG_OLLAMA_URL`` (default ``http://127.0.0.1:11434``), its models are
listed (``/api/tags``) and one is picked per question: ``RAG_OLLAMA_MODEL`` when set, else a
vision-capable model when pictures are in the evidence, else the first the server lists. The answer itself goes through Ollama's OpenAI-compatible ``/v1`` with the
``openai`` generator, so streaming, retries and the checks of the answer are the same.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
import openai
from PIL import Image

from rag.errors import ConfigError, ModelError
from rag.generators.base import Generator, Turn
from rag.generators.openai_compat import OpenAIGenerator
from rag.settings import Settings
from rag.types import Evidence

log = logging.getLogger(__name__)

LIST_TIMEOUT_S = 10.0
# Model families that read images, for servers whose /api/show predates "capabilities".
VISION_NAMES = (
    "llava",
    "bakllava",
    "llama3.2-vision",
    "llama4",
    "qwen2.5vl",
    "qwen2-vl",
    "qwen3-vl",
    "gemma3",
    "minicpm-v",
    "moondream",
    "granite3.2-vision",
    "mistral-small3.1",
)
# Families of the vision towers GGUF vision models carry (llava's CLIP, Llama 3.2's mllama).
VISION_FAMILIES = {"clip", "mllama"}


@dataclass(frozen=True)
class OllamaModel:
    name: str  # e.g. "llava:7b"
    families: tuple[str, ...] = ()

    @property
    def base(self) -> str:
        """The name without its tag or namespace: ``library/llava:7b`` is ``llava``."""
        return self.name.split(":", 1)[0].rsplit("/", 1)[-1].lower()


class OllamaGenerator(Generator):
    def __init__(self, settings: Settings, *, http: httpx.Client | None = None) -> None:
        url = (settings.ollama_url or "").rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ConfigError(
                f"RAG_OLLAMA_URL must be an http:// or https:// URL, not {settings.ollama_url!r}"
            )
        self.settings = settings
        self.url = url
        self._http = http or httpx.Client(timeout=LIST_TIMEOUT_S)
        self._lock = threading.Lock()
        self._models: list[OllamaModel] | None = None
        self._vision: dict[str, bool] = {}
        self._chats: dict[tuple[str, bool], OpenAIGenerator] = {}

    # Which model ------------------------------------------------------------------------

    def models(self) -> list[OllamaModel]:
        """The server's models, listed once (again after a failure or an empty list)."""
        with self._lock:
            if not self._models:
                self._models = self._list_models()
            return list(self._models)

    def forget(self) -> None:
        """List the models again before the next question (one was removed)."""
        with self._lock:
            self._models = None

    def _list_models(self) -> list[OllamaModel]:
        body = self._call("GET", "/api/tags")
        models = [
            OllamaModel(
                str(entry.get("name") or entry.get("model")),
                tuple(str(f).lower() for f in (entry.get("details") or {}).get("families") or ()),
            )
            for entry in body.get("models") or []
            if isinstance(entry, dict) and (entry.get("name") or entry.get("model"))
        ]
        if not models:
            raise ModelError(
                f"the Ollama server at {self.url} has no models: pull one, e.g. "
                "`ollama pull qwen2.5vl` (reads pictures) or `ollama pull llama3.2`"
            )
        return models

    def is_vision(self, model: OllamaModel) -> bool:
        """Whether ``model`` reads images: its capabilities from /api/show, else its family."""
        with self._lock:
            known = self._vision.get(model.name)
        if known is not None:
            return known
        vision = None
        try:
            shown = self._call("POST", "/api/show", json={"model": model.name})
            capabilities = shown.get("capabilities")
            if isinstance(capabilities, list):
                vision = "vision" in capabilities
            else:
                families = (shown.get("details") or {}).get("families") or ()
                model = OllamaModel(model.name, model.families + tuple(families))
        except ModelError as exc:
            log.debug("no /api/show for %s: %s", model.name, exc)
        if vision is None:
            vision = bool(VISION_FAMILIES & set(model.families)) or model.base.startswith(
                VISION_NAMES
            )
        with self._lock:
            self._vision[model.name] = vision
        return vision

    def choose(self, *, pictures: bool) -> tuple[str, bool]:
        """The model for a question, and whether it is sent the pictures."""
        models = self.models()
        wanted = self.settings.ollama_model
        if wanted:
            named = _find(models, wanted)
            if named is None:
                listed = ", ".join(m.name for m in models)
                raise ModelError(
                    f"RAG_OLLAMA_MODEL={wanted!r} is not on the Ollama server at {self.url} "
                    f"(it has: {listed}): pull it with `ollama pull {wanted}`"
                )
            return named.name, pictures
        if pictures:
            for model in models:
                if self.is_vision(model):
                    return model.name, True
            log.warning(
                "no model on the Ollama server at %s reads pictures: answering from the text "
                "(pull one, e.g. `ollama pull qwen2.5vl`)",
                self.url,
            )
        return models[0].name, False

    def wants_pictures(self, evidence: Sequence[Evidence], query_image: Image.Image | None) -> bool:
        """Whether the prompt would carry pictures (as ``build_prompt`` decides)."""
        s = self.settings
        if s.generator_max_images <= 0:
            return False
        if query_image is not None:
            return True
        return any(
            item.chunk.image or (s.generator_page_images and item.chunk.page is not None)
            for item in evidence
        )

    # Answering ---------------------------------------------------------------------------

    def stream(
        self,
        question: str,
        evidence: Sequence[Evidence],
        *,
        history: Sequence[Turn] = (),
        query_image: Image.Image | None = None,
    ) -> Iterator[str]:
        model, with_pictures = self.choose(pictures=self.wants_pictures(evidence, query_image))
        chat = self._chat(model, with_pictures)
        yield from chat.stream(question, evidence, history=history, query_image=query_image)

    def _chat(self, model: str, with_pictures: bool) -> OpenAIGenerator:
        with self._lock:
            chat = self._chats.get((model, with_pictures))
            if chat is None:
                update: dict[str, Any] = {
                    "openai_base_url": f"{self.url}/v1",
                    "openai_model": model,
                    "openai_api_key": None,
                }
                if not with_pictures:
                    update["generator_max_images"] = 0
                chat = _OllamaChat(
                    self.settings.model_copy(update=update), server=self.url, gone=self.forget
                )
                self._chats[(model, with_pictures)] = chat
            return chat

    # HTTP -------------------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self._http.request(method, f"{self.url}{path}", **kwargs)
        except httpx.TransportError as exc:
            raise ModelError(
                f"no Ollama server at {self.url}: start it with `ollama serve` (or set "
                f"RAG_OLLAMA_URL to where it runs) ({exc})"
            ) from exc
        if response.status_code != 200:
            raise ModelError(
                f"the Ollama server at {self.url} answered {path} with HTTP "
                f"{response.status_code}: {response.text[:300]}"
            )
        try:
            body = response.json()
        except ValueError as exc:
            raise ModelError(
                f"{self.url}{path} did not answer JSON: is RAG_OLLAMA_URL an Ollama server?"
            ) from exc
        if not isinstance(body, dict):
            raise ModelError(f"{self.url}{path} answered {type(body).__name__}, not an object")
        return body


class _OllamaChat(OpenAIGenerator):
    """The openai generator at Ollama's /v1, with errors that name Ollama's settings."""

    def __init__(self, settings: Settings, *, server: str, gone: Callable[[], None]) -> None:
        super().__init__(settings)
        self.server = server
        self._gone = gone

    def _explain(self, exc: openai.APIError, *, sent_images: bool) -> ModelError:
        if isinstance(exc, openai.APITimeoutError):
            return ModelError(
                f"the Ollama server at {self.server} did not answer within "
                f"{self.settings.openai_timeout_s:g} s: is it still loading {self.model!r}? "
                "Raise RAG_OPENAI_TIMEOUT_S to wait longer"
            )
        if isinstance(exc, openai.APIConnectionError):
            return ModelError(
                f"no Ollama server at {self.server}: start it with `ollama serve` (or set "
                "RAG_OLLAMA_URL to where it runs)"
            )
        if isinstance(exc, openai.NotFoundError):
            self._gone()
            return ModelError(
                f"model {self.model!r} is not on the Ollama server at {self.server}: pull it "
                f"with `ollama pull {self.model}`"
            )
        return super()._explain(exc, sent_images=sent_images)


def _find(models: Sequence[OllamaModel], wanted: str) -> OllamaModel | None:
    """``llava`` names ``llava:latest``; ``llava:7b`` only itself."""
    for model in models:
        if model.name == wanted:
            return model
    if ":" not in wanted:
        for model in models:
            if model.name == f"{wanted}:latest":
                return model
    return None
