"""Vector store adapters. ``open_store(settings)`` picks the backend from the settings."""

from __future__ import annotations

from pathlib import Path

from rag.settings import Settings
from rag.store.base import Filters, PointVectors, SparseVec, VectorStore

__all__ = ["Filters", "PointVectors", "SparseVec", "VectorStore", "open_store"]


OWNER_LOCK = "index.lock"


def owner_lock(settings: Settings) -> Path:
    """Held by the one process that has the embedded index open (``rag.store.owner``)."""
    return settings.data_dir / OWNER_LOCK


def open_store(settings: Settings) -> VectorStore:
    """The embedded Qdrant Edge shard by default; qdrant-client when ``RAG_QDRANT_URL`` is set."""
    if settings.uses_embedded_store:
        from rag.store.edge import EdgeStore

        # The lock covers the data directory: the kept files and uploads belong to the owner too.
        return EdgeStore(settings.shard_dir, lock_file=owner_lock(settings))
    from rag.store.server import ServerStore

    return ServerStore(
        settings.qdrant_url,
        settings.collection,
        api_key=settings.qdrant_api_key,
        shard_number=settings.qdrant_shards,
        replication_factor=settings.qdrant_replication,
    )
