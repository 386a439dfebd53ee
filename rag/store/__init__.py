"""Vector store adapters. ``open_store(settings)`` picks the backend from the settings."""

from __future__ import annotations

from rag.settings import Settings
from rag.store.base import Filters, PointVectors, SparseVec, VectorStore

__all__ = ["Filters", "PointVectors", "SparseVec", "VectorStore", "open_store"]


def open_store(settings: Settings) -> VectorStore:
    """The embedded Qdrant Edge shard by default; qdrant-client when ``RAG_QDRANT_URL`` is set."""
    if settings.uses_embedded_store:
        from rag.store.edge import EdgeStore

        return EdgeStore(settings.shard_dir)
    from rag.store.server import ServerStore

    return ServerStore(
        settings.qdrant_url,
        settings.collection,
        api_key=settings.qdrant_api_key,
        shard_number=settings.qdrant_shards,
        replication_factor=settings.qdrant_replication,
    )
