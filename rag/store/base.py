"""The vector store contract: one interface, two backends (Qdrant Edge, qdrant-client).

Schema of a collection:
- dense named vector ``text`` (cosine) on every chunk; image chunks carry it through their
  description;
- sparse named vector ``bm25`` with the IDF modifier (BM25 term weights computed client side);
- dense named vector ``image``, created by ``ensure_image_vector`` when an image embedder is
  configured (cross-modal retrieval);
- payload indexes on ``doc_id``, ``sha256``, ``modality``, ``record`` and ``collection``.

Two kinds of points share the collection: chunks (``record = "chunk"``) with vectors, and one
vector-less ``record = "document"`` point per ingested file that is the registry of what is
indexed.

A document version's chunks are written staged (``record = "staged"``: no query sees them),
then its record (the commit), then the chunks of its other versions are deleted and its own
are published (``record = "chunk"``). The content hash (``sha256``) is the generation: a kill
at any step leaves at most one version answering, and ``Index.recover`` finishes or undoes
what it interrupted.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rag.collections import COLLECTION_FIELD, DEFAULT_COLLECTION
from rag.types import Chunk, DocumentRecord, Evidence

TEXT_VECTOR = "text"
SPARSE_VECTOR = "bm25"
IMAGE_VECTOR = "image"
INDEXED_FIELDS = ("doc_id", "sha256", "modality", "record", COLLECTION_FIELD)
# Fields whose absence means a value: points stored before the field existed.
MISSING_MEANS = {COLLECTION_FIELD: DEFAULT_COLLECTION}
CHUNK = "chunk"  # a chunk queries see
STAGED = "staged"  # a chunk written before its document record: no query sees it
DOCUMENT = "document"
# A version of a document with more chunks than this is beyond any file the limits let in.
MAX_VERSIONS = 1_000_000

# A filter is a mapping of payload field to an accepted value or list of accepted values.
Filters = Mapping[str, Any]


@dataclass(frozen=True)
class SparseVec:
    indices: list[int]
    values: list[float]


@dataclass(frozen=True)
class PointVectors:
    text: Sequence[float]
    sparse: SparseVec
    image: Sequence[float] | None = None


class VectorStore(ABC):
    """What ingest and retrieval need from Qdrant, nothing more."""

    @abstractmethod
    def open_existing(self) -> bool:
        """Open the collection if it exists, without knowing the models: reading, listing and
        deleting need none. False when there is no collection yet (nothing is created)."""

    @abstractmethod
    def text_dim(self) -> int | None:
        """The size of the collection's text vectors; None when there is no collection."""

    @abstractmethod
    def ensure_schema(self, text_dim: int, image_dim: int | None = None) -> None:
        """Create the collection with its vectors and payload indexes, or check it matches."""

    @abstractmethod
    def ensure_image_vector(self, dim: int) -> None:
        """Add the ``image`` named vector if the collection lacks it."""

    @abstractmethod
    def upsert_chunks(
        self, chunks: Sequence[Chunk], vectors: Sequence[PointVectors], *, staged: bool = False
    ) -> None:
        """Store chunks; ``staged`` ones are invisible until ``publish_chunks``."""

    @abstractmethod
    def publish_chunks(self, doc_id: str, sha256: str) -> None:
        """Make the staged chunks of one version of a document visible to queries."""

    @abstractmethod
    def chunk_versions(self, *, staged: bool) -> set[str]:
        """The content hashes that have chunks (staged ones, or visible ones)."""

    @abstractmethod
    def discard_version(self, sha256: str, *, staged: bool) -> None:
        """Delete the chunks of one content version (its staged ones, or its visible ones)."""

    @abstractmethod
    def put_document(self, record: DocumentRecord) -> None: ...

    @abstractmethod
    def documents(self, filters: Filters | None = None) -> list[DocumentRecord]:
        """Document records, optionally only those matching ``filters`` (e.g. collection)."""

    @abstractmethod
    def delete_chunks(self, doc_id: str, *, except_sha256: str | None = None) -> None:
        """Delete a document's chunks, staged or not, optionally keeping those of one content
        version."""

    @abstractmethod
    def delete_document_record(self, doc_id: str) -> None: ...

    @abstractmethod
    def count(self, filters: Filters | None = None) -> int:
        """Count chunk points (document records are not counted)."""

    @abstractmethod
    def nearest(
        self,
        queries: Sequence[tuple[str, Sequence[float] | SparseVec]],
        *,
        limit: int,
        filters: Filters | None = None,
        exact: bool = False,
    ) -> list[list[Hit]]:
        """For each (vector name, query vector), the ``limit`` chunks nearest to it, best
        first, without payloads; ``exact`` searches dense vectors by brute force instead of
        the HNSW graph."""

    @abstractmethod
    def payloads(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The payloads of points by id (only the few that are returned are read)."""

    def hybrid_query(
        self,
        *,
        dense: Sequence[float] | None,
        sparse: SparseVec | None,
        image: Sequence[float] | None = None,
        limit: int,
        prefetch_limit: int,
        rrf_k: int,
        filters: Filters | None = None,
        exact: bool = False,
    ) -> list[Evidence]:
        """A ranking per given vector, fused with weighted reciprocal rank fusion.

        The fusion is done here rather than in the engine so that equal scores are ordered
        by point id: the engine orders them by where points happen to be stored, which
        changes with the order a corpus was written in (a resumed ingest, two builds).
        """
        queries: list[tuple[str, Sequence[float] | SparseVec]] = []
        if dense is not None:
            queries.append((TEXT_VECTOR, dense))
        if sparse is not None and sparse.indices:
            queries.append((SPARSE_VECTOR, sparse))
        if image is not None:
            queries.append((IMAGE_VECTOR, image))
        if not queries:
            return []
        # Fetch past the cut so that points tied with the last one kept are all seen.
        rankings = self.nearest(queries, limit=2 * prefetch_limit, filters=filters, exact=exact)
        fused = fuse_rankings(
            [stable_order(hits)[:prefetch_limit] for hits in rankings],
            weights=fusion_weights(len(queries)),
            rrf_k=rrf_k,
        )
        kept = fused[:limit]
        payloads = self.payloads([hit.id for hit in kept])
        # A point deleted between the ranking and the payload read (a document removed while
        # the question was answered) is gone from the answer, not an error.
        kept = [hit for hit in kept if hit.id in payloads]
        return [
            Evidence(chunk=Chunk.from_payload(payloads[hit.id]), score=hit.score, rank=i + 1)
            for i, hit in enumerate(kept)
        ]

    def optimize(self) -> None:  # noqa: B027 - a no-op where the server optimizes itself
        """Build indexes now. Never call it on a serving thread (Edge holds the GIL)."""

    @abstractmethod
    def close(self) -> None: ...

    # Shared helpers built on the abstract methods.

    def find_document(self, key: str, filters: Filters | None = None) -> DocumentRecord | None:
        """Look a document up by id, content hash, path or file name (when unambiguous),
        among those matching ``filters``."""
        docs = self.documents(filters)
        for attr in ("doc_id", "sha256", "path"):
            for doc in docs:
                if getattr(doc, attr) == key:
                    return doc
        by_name = [doc for doc in docs if doc.file == key]
        return by_name[0] if len(by_name) == 1 else None

    def __enter__(self) -> VectorStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def chunk_filter_items(filters: Filters | None) -> list[tuple[str, list[Any]]]:
    """Normalise filters to (field, accepted values) pairs, always restricted to chunks."""
    items: list[tuple[str, list[Any]]] = [("record", [CHUNK])]
    for key, value in (filters or {}).items():
        values = list(value) if isinstance(value, list | tuple | set) else [value]
        items.append((key, values))
    return items


def filter_items(
    filters: Filters | None, record: str = "chunk"
) -> list[tuple[str, list[Any], bool]]:
    """(field, accepted values, whether a point without the field matches) for a query on
    ``record`` points: a missing field matches when its ``MISSING_MEANS`` value is accepted."""
    items = chunk_filter_items(filters)
    items[0] = ("record", [record])
    return [(key, values, MISSING_MEANS.get(key, object()) in values) for key, values in items]


@dataclass(frozen=True)
class Hit:
    """A point a search found: its id and its score."""

    id: str
    score: float


def stable_order(hits: Sequence[Hit]) -> list[Hit]:
    """Best first; equal scores by point id, whatever order the engine returned them in."""
    return sorted(hits, key=lambda hit: (-hit.score, hit.id))


def rrf_score(position: int, weight: float, rrf_k: int) -> float:
    """Qdrant's weighted RRF term for a 0-based position: ``1 / ((pos + 1) / w + k - 1)``
    (plain ``1 / (k + rank)`` at weight 1), so fused scores read as the engine's would."""
    return 1.0 / ((position + 1) / weight + rrf_k - 1)


def fuse_rankings(
    rankings: Sequence[Sequence[Hit]], *, weights: Sequence[float], rrf_k: int
) -> list[Hit]:
    """Weighted reciprocal rank fusion of rankings (each best first), ties by point id."""
    scores: dict[str, float] = {}
    for hits, weight in zip(rankings, weights, strict=True):
        for position, hit in enumerate(hits):
            scores[hit.id] = scores.get(hit.id, 0.0) + rrf_score(position, weight, rrf_k)
    return stable_order([Hit(id_, score) for id_, score in scores.items()])


def fusion_weights(prefetches: int) -> list[float]:
    """RRF weights in prefetch order (dense, sparse, image).

    Plain RRF gives equal scores to a point ranked n-th by one retriever and another ranked
    n-th by the other, and the engine then orders them arbitrarily: answers would change from
    run to run. A slightly lower weight for each later prefetch makes the order deterministic
    (meaning first) without changing the fusion otherwise.
    """
    return [1.0 - 0.01 * i for i in range(prefetches)]


def stored_payload(chunk: Chunk, *, staged: bool) -> dict[str, Any]:
    payload = chunk.payload()
    if staged:
        payload["record"] = STAGED
    return payload
