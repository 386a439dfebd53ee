"""Hybrid retrieval: dense and BM25 prefetches fused by reciprocal rank in one Qdrant query."""

from __future__ import annotations

import time

from rag.embedders import Embedder
from rag.settings import Settings
from rag.sparse import Bm25Encoder
from rag.store import Filters, VectorStore
from rag.types import Evidence


class Retriever:
    def __init__(
        self, settings: Settings, store: VectorStore, embedder: Embedder, bm25: Bm25Encoder
    ) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.bm25 = bm25

    def retrieve(
        self,
        question: str,
        *,
        top_k: int | None = None,
        filters: Filters | None = None,
        timings: dict[str, float] | None = None,
    ) -> list[Evidence]:
        started = time.perf_counter()
        dense = self.embedder.embed_query(question)
        sparse = self.bm25.query(question)
        embedded = time.perf_counter()
        evidence = self.store.hybrid_query(
            dense=dense,
            sparse=sparse,
            limit=top_k or self.settings.top_k,
            prefetch_limit=self.settings.prefetch_k,
            rrf_k=self.settings.rrf_k,
            filters=filters,
        )
        if timings is not None:
            timings["embed_query"] = (embedded - started) * 1000
            timings["search"] = (time.perf_counter() - embedded) * 1000
        return evidence
