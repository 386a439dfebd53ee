"""Qdrant Edge backend: the Qdrant engine embedded in this process, on disk.

Only one process may open a shard: an owner lock (``rag.store.owner``) is taken before the
shard's files are opened or created, and a second process gets ``StoreLockedError`` naming the
process that holds it, without touching the shard.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from rag.errors import StoreError, StoreLockedError
from rag.store.base import (
    CHUNK,
    DOCUMENT,
    IMAGE_VECTOR,
    INDEXED_FIELDS,
    MAX_VERSIONS,
    SPARSE_VECTOR,
    STAGED,
    TEXT_VECTOR,
    Filters,
    Hit,
    PointVectors,
    SparseVec,
    VectorStore,
    filter_items,
    stored_payload,
)
from rag.store.owner import IndexOwner
from rag.types import Chunk, DocumentRecord

SCROLL_PAGE = 512


def _edge():
    try:
        import qdrant_edge
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise StoreError(
            "the embedded store needs qdrant-edge-py: pip install qdrant-edge-py"
        ) from exc
    return qdrant_edge


class EdgeStore(VectorStore):
    def __init__(
        self,
        path: Path,
        *,
        search_threads: int | None = None,
        lock_file: Path | None = None,
    ) -> None:
        """``lock_file``: the owner lock; beside the shard unless the caller owns more than it
        (the service locks its whole data directory: the kept files go with the shard)."""
        self.path = Path(path)
        self._search_threads = search_threads
        self._shard = None
        self._write_lock = threading.Lock()
        self.owner = IndexOwner(
            lock_file or self.path.with_name(f"{self.path.name}.lock"), what=self.path
        )

    # Lifecycle ---------------------------------------------------------------------------

    @property
    def shard(self):
        if self._shard is None:
            raise StoreError(f"the index at {self.path} is not open: call ensure_schema() first")
        return self._shard

    def _exists(self) -> bool:
        return (self.path / "edge_config.json").is_file()

    def open_existing(self) -> bool:
        if self._shard is not None:
            return True
        self.owner.acquire()
        if not self._exists():
            return False
        q = _edge()
        try:
            self._shard = q.EdgeShard.load(str(self.path))
            # An index from before collections lacks its filter field's index, and one whose
            # first ingest was killed between creating it and indexing its fields lacks some
            # or all of them: facets and filters on a field need its index.
            indexed = self._shard.info().payload_schema
            for name in INDEXED_FIELDS:
                if name not in indexed:
                    self._shard.update(
                        q.UpdateOperation.create_field_index(name, q.PayloadSchemaType.Keyword)
                    )
        except Exception as exc:
            raise self._wrap(exc) from exc
        return True

    def text_dim(self) -> int | None:
        if not self._exists():
            return None
        return self.shard_config().get("vectors", {}).get(TEXT_VECTOR, {}).get("size")

    def ensure_schema(self, text_dim: int, image_dim: int | None = None) -> None:
        if self.open_existing():
            try:
                self._check_dim(text_dim)
            except StoreError:
                self.close()  # do not keep the index locked for nothing
                raise
            return
        q = _edge()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            vectors = {TEXT_VECTOR: q.EdgeVectorParams(size=text_dim, distance=q.Distance.Cosine)}
            if image_dim:
                vectors[IMAGE_VECTOR] = q.EdgeVectorParams(
                    size=image_dim, distance=q.Distance.Cosine
                )
            config = q.EdgeConfig(
                vectors=vectors,
                sparse_vectors={SPARSE_VECTOR: q.EdgeSparseVectorParams(modifier=q.Modifier.Idf)},
                max_search_threads=self._search_threads,
            )
            self._shard = q.EdgeShard.create(str(self.path), config)
            for name in INDEXED_FIELDS:
                self._shard.update(
                    q.UpdateOperation.create_field_index(name, q.PayloadSchemaType.Keyword)
                )
        except StoreError:
            raise
        except Exception as exc:
            raise self._wrap(exc) from exc

    def _check_dim(self, text_dim: int) -> None:
        have = self.text_dim()
        if have is not None and have != text_dim:
            raise StoreError(
                f"the index at {self.path} holds {have}-d text vectors but the embedding model "
                f"gives {text_dim}-d: use the model it was built with, or another RAG_COLLECTION"
            )

    def _wrap(self, exc: Exception) -> StoreError:
        message = str(exc)
        if "WouldBlock" in message or "Can't init WAL" in message:
            return StoreLockedError(
                f"the index at {self.path} is in use by another process (a running `rag serve` "
                "or `rag ingest`): stop it and try again"
            )
        return StoreError(f"embedded Qdrant store at {self.path}: {message}")

    def ensure_image_vector(self, dim: int) -> None:
        q = _edge()
        if IMAGE_VECTOR in self.shard_config().get("vectors", {}):
            return
        with self._write_lock:
            self.shard.update(
                q.UpdateOperation.create_dense_vector(IMAGE_VECTOR, dim, q.Distance.Cosine)
            )

    def shard_config(self) -> dict:
        import json

        return json.loads((self.path / "edge_config.json").read_text())

    def close(self) -> None:
        try:
            if self._shard is not None:
                self._shard.flush()
                self._shard.close()
                self._shard = None
        finally:
            self.owner.release()

    def optimize(self) -> None:
        self.shard.optimize()

    # Writes ------------------------------------------------------------------------------

    def upsert_chunks(
        self, chunks: Sequence[Chunk], vectors: Sequence[PointVectors], *, staged: bool = False
    ) -> None:
        q = _edge()
        points = []
        for chunk, vec in zip(chunks, vectors, strict=True):
            named = {
                TEXT_VECTOR: list(vec.text),
                SPARSE_VECTOR: q.SparseVector(vec.sparse.indices, vec.sparse.values),
            }
            if vec.image is not None:
                named[IMAGE_VECTOR] = list(vec.image)
            points.append(q.Point(chunk.id, named, stored_payload(chunk, staged=staged)))
        with self._write_lock:
            self.shard.update(q.UpdateOperation.upsert_points(points))

    def put_document(self, record: DocumentRecord) -> None:
        q = _edge()
        with self._write_lock:
            self.shard.update(
                q.UpdateOperation.upsert_points([q.Point(record.id, {}, record.payload())])
            )
            self.shard.flush()

    def publish_chunks(self, doc_id: str, sha256: str) -> None:
        q = _edge()
        staged = q.Filter(
            must=[
                self._match("record", [STAGED]),
                self._match("doc_id", [doc_id]),
                self._match("sha256", [sha256]),
            ]
        )
        with self._write_lock:
            self.shard.update(q.UpdateOperation.set_payload_by_filter(staged, {"record": CHUNK}))
            self.shard.flush()

    def chunk_versions(self, *, staged: bool) -> set[str]:
        q = _edge()
        kind = q.Filter(must=[self._match("record", [STAGED if staged else CHUNK])])
        response = self.shard.facet(
            q.FacetRequest("sha256", limit=MAX_VERSIONS, exact=True, filter=kind)
        )
        return {str(hit.value) for hit in response.hits}

    def discard_version(self, sha256: str, *, staged: bool) -> None:
        q = _edge()
        must = [
            self._match("record", [STAGED if staged else CHUNK]),
            self._match("sha256", [sha256]),
        ]
        with self._write_lock:
            self.shard.update(q.UpdateOperation.delete_points_by_filter(q.Filter(must=must)))

    def delete_chunks(self, doc_id: str, *, except_sha256: str | None = None) -> None:
        q = _edge()
        must = [self._match("record", [CHUNK, STAGED]), self._match("doc_id", [doc_id])]
        must_not = [self._match("sha256", [except_sha256])] if except_sha256 else None
        with self._write_lock:
            self.shard.update(
                q.UpdateOperation.delete_points_by_filter(q.Filter(must=must, must_not=must_not))
            )

    def delete_document_record(self, doc_id: str) -> None:
        q = _edge()
        must = [self._match("record", [DOCUMENT]), self._match("doc_id", [doc_id])]
        with self._write_lock:
            self.shard.update(q.UpdateOperation.delete_points_by_filter(q.Filter(must=must)))
            self.shard.flush()

    # Reads -------------------------------------------------------------------------------

    @staticmethod
    def _match(key: str, values: list):
        q = _edge()
        match = q.MatchValue(values[0]) if len(values) == 1 else q.MatchAny(values)
        return q.FieldCondition(key=key, match=match)

    def _filter(self, filters: Filters | None, record: str = "chunk"):
        q = _edge()
        must = []
        for key, values, missing_matches in filter_items(filters, record):
            condition = self._match(key, values)
            if missing_matches:
                condition = q.Filter(should=[condition, q.IsEmptyCondition(key=key)])
            must.append(condition)
        return q.Filter(must=must)

    def documents(self, filters: Filters | None = None) -> list[DocumentRecord]:
        q = _edge()
        flt = self._filter(filters, DOCUMENT)
        records, offset = [], None
        while True:
            page, offset = self.shard.scroll(
                q.ScrollRequest(offset=offset, limit=SCROLL_PAGE, filter=flt, with_payload=True)
            )
            records.extend(DocumentRecord.from_payload(p.payload) for p in page)
            if offset is None:
                break
        return sorted(records, key=lambda r: (r.file, r.path))

    def count(self, filters: Filters | None = None) -> int:
        q = _edge()
        return self.shard.count(q.CountRequest(filter=self._filter(filters), exact=True))

    def nearest(
        self,
        queries: Sequence[tuple[str, Sequence[float] | SparseVec]],
        *,
        limit: int,
        filters: Filters | None = None,
        exact: bool = False,
    ) -> list[list[Hit]]:
        q = _edge()
        flt = self._filter(filters)
        params = q.SearchParams(exact=exact)
        rankings = []
        try:
            for using, vector in queries:
                if isinstance(vector, SparseVec):
                    query = q.Query.Nearest(q.SparseVector(vector.indices, vector.values), using)
                else:
                    query = q.Query.Nearest(list(vector), using=using)
                points = self.shard.query(
                    q.QueryRequest(
                        limit=limit, query=query, filter=flt, with_payload=False, params=params
                    )
                )
                rankings.append([Hit(str(p.id), float(p.score)) for p in points])
        except Exception as exc:
            raise self._wrap(exc) from exc
        return rankings

    def payloads(self, ids: Sequence[str]) -> dict[str, dict]:
        if not ids:
            return {}
        try:
            records = self.shard.retrieve(list(ids), with_payload=True, with_vector=False)
        except Exception as exc:
            raise self._wrap(exc) from exc
        return {str(r.id): r.payload for r in records}
