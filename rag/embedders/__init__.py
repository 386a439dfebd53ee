"""Embedders, chosen by name from a registry (built-ins and test fakes alike)."""

from __future__ import annotations

from collections.abc import Callable

from rag.embedders.base import Embedder
from rag.errors import ConfigError
from rag.settings import Settings

EmbedderFactory = Callable[[Settings], Embedder]


def _sentence_transformers(settings: Settings) -> Embedder:
    """The model under the backend the settings choose (RAG_EMBEDDER_BACKEND)."""
    if settings.embedder_backend in ("onnx-int8", "onnx"):
        from rag.embedders.onnx import OnnxEmbedder

        return OnnxEmbedder(
            settings.embedding_model,
            cache_dir=settings.model_cache_dir,
            quantize=settings.embedder_backend == "onnx-int8",
            batch_size=settings.embed_batch_size,
            threads=settings.torch_threads,
        )
    from rag.embedders.sentence_transformer import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(
        settings.embedding_model,
        batch_size=settings.embed_batch_size,
        threads=settings.torch_threads,
    )


EMBEDDERS: dict[str, EmbedderFactory] = {"sentence-transformers": _sentence_transformers}


def create_embedder(settings: Settings) -> Embedder:
    try:
        factory = EMBEDDERS[settings.embedder]
    except KeyError:
        raise ConfigError(
            f"unknown embedder {settings.embedder!r}; choose one of: {', '.join(sorted(EMBEDDERS))}"
        ) from None
    return factory(settings)


__all__ = ["EMBEDDERS", "Embedder", "create_embedder"]
