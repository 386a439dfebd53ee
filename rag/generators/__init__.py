"""Answer generators, chosen by name from a registry (built-ins and test fakes alike)."""

from __future__ import annotations

from collections.abc import Callable

from rag.embedders import Embedder
from rag.errors import ConfigError
from rag.generators.base import NOT_IN_DOCUMENTS, Draft, Generator, Turn, is_abstention
from rag.settings import Settings

GeneratorFactory = Callable[[Settings, Embedder], Generator]


def _extractive(settings: Settings, embedder: Embedder) -> Generator:
    from rag.generators.extractive import ExtractiveGenerator

    return ExtractiveGenerator(
        embedder,
        max_sentences=settings.answer_sentences,
        min_support=settings.min_support,
        parts=frozenset(settings.reader_parts),
    )


def _transformers(settings: Settings, embedder: Embedder) -> Generator:
    from rag.generators.transformers_vlm import TransformersGenerator

    return TransformersGenerator(settings)


def _openai(settings: Settings, embedder: Embedder) -> Generator:
    from rag.generators.openai_compat import OpenAIGenerator

    return OpenAIGenerator(settings)


def _ollama(settings: Settings, embedder: Embedder) -> Generator:
    from rag.generators.ollama import OllamaGenerator

    return OllamaGenerator(settings)


GENERATORS: dict[str, GeneratorFactory] = {
    "extractive": _extractive,
    "transformers": _transformers,
    "openai": _openai,
    "ollama": _ollama,
}


def create_generator(settings: Settings, embedder: Embedder) -> Generator:
    try:
        factory = GENERATORS[settings.generator]
    except KeyError:
        raise ConfigError(
            f"unknown generator {settings.generator!r}; choose one of: {', '.join(sorted(GENERATORS))}"
        ) from None
    return factory(settings, embedder)


__all__ = [
    "GENERATORS",
    "NOT_IN_DOCUMENTS",
    "Draft",
    "Generator",
    "Turn",
    "create_generator",
    "is_abstention",
]
