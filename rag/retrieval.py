"""Hybrid retrieval: dense and BM25 prefetches fused by reciprocal rank in one Qdrant query."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PIL import Image

from rag.embedders import Embedder
from rag.settings import Settings
from rag.sparse import Bm25Encoder
from rag.store import Filters, VectorStore
from rag.types import Evidence

if TYPE_CHECKING:
    from rag.embedders.clip import ClipEmbedder


class Retriever:
    def __init__(
        self,
        settings: Settings,
        store: VectorStore,
        embedder: Embedder,
        bm25: Bm25Encoder,
        *,
        image_embedder: ClipEmbedder | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.bm25 = bm25
        self.image_embedder = image_embedder

    def retrieve(
        self,
        question: str,
        *,
        top_k: int | None = None,
        filters: Filters | None = None,
        timings: dict[str, float] | None = None,
        image: Image.Image | None = None,
    ) -> list[Evidence]:
        """Dense and BM25 prefetches, plus the image vector when a CLIP model is configured:
        the query picture's own vector, or the question through CLIP's text tower."""
        started = time.perf_counter()
        dense = self.embedder.embed_query(question)
        sparse = self.bm25.query(question)
        image_vector = None
        if self.image_embedder is not None:
            if image is not None:
                image_vector = self.image_embedder.embed_images([image])[0]
            else:
                image_vector = self.image_embedder.embed_texts([question])[0]
        embedded = time.perf_counter()
        evidence = self.store.hybrid_query(
            dense=dense,
            sparse=sparse,
            image=image_vector,
            limit=top_k or self.settings.top_k,
            prefetch_limit=self.settings.prefetch_k,
            rrf_k=self.settings.rrf_k,
            filters=filters,
        )
        if timings is not None:
            timings["embed_query"] = (embedded - started) * 1000
            timings["search"] = (time.perf_counter() - embedded) * 1000
        return evidence
