"""qdrant-client backend: a Qdrant server or cluster (``RAG_QDRANT_URL``), or ``:memory:``.

The same schema and the same fused query as the embedded store. gRPC is preferred for a
server because it is cheaper per request than REST.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rag.errors import StoreError, StoreUnavailableError
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
from rag.types import Chunk, DocumentRecord

SCROLL_PAGE = 512
UPSERT_BATCH = 256


class ServerStore(VectorStore):
    def __init__(
        self,
        url: str,
        collection: str,
        *,
        api_key: str | None = None,
        client: Any = None,
        shard_number: int | None = None,
        replication_factor: int | None = None,
    ) -> None:
        from qdrant_client import QdrantClient

        self.url = url
        self.collection = collection
        self._shard_number = shard_number
        self._replication_factor = replication_factor
        if client is not None:
            self.client = client
        elif url == ":memory:":
            self.client = QdrantClient(location=":memory:")
        else:
            self.client = QdrantClient(url=url, api_key=api_key, prefer_grpc=True, timeout=30)

    def _call(self, what: str, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except StoreError:
            raise
        except Exception as exc:
            name = type(exc).__name__
            if "Connect" in name or "Unavailable" in str(exc) or "Connection refused" in str(exc):
                raise StoreUnavailableError(
                    f"cannot reach Qdrant at {self.url} ({what}): is the server running and "
                    "RAG_QDRANT_URL right?"
                ) from exc
            raise StoreError(f"Qdrant at {self.url} failed to {what}: {exc}") from exc

    # Schema ------------------------------------------------------------------------------

    def open_existing(self) -> bool:
        return bool(
            self._call("check the collection", self.client.collection_exists, self.collection)
        )

    def text_dim(self) -> int | None:
        if not self.open_existing():
            return None
        info = self._call("read the collection", self.client.get_collection, self.collection)
        vectors = info.config.params.vectors or {}
        return vectors[TEXT_VECTOR].size if TEXT_VECTOR in vectors else None

    def ensure_schema(self, text_dim: int, image_dim: int | None = None) -> None:
        from qdrant_client import models

        if self._call("check the collection", self.client.collection_exists, self.collection):
            info = self._call("read the collection", self.client.get_collection, self.collection)
            vectors = info.config.params.vectors or {}
            have = vectors[TEXT_VECTOR].size if TEXT_VECTOR in vectors else None
            if have is not None and have != text_dim:
                raise StoreError(
                    f"collection '{self.collection}' holds {have}-d text vectors but the embedding "
                    f"model gives {text_dim}-d: use the model it was built with, or another "
                    "RAG_COLLECTION"
                )
            # Built before collections (no index on its filter field), or created by a process
            # killed before it indexed its fields: each field filtered or faceted on is indexed.
            for name in INDEXED_FIELDS:
                if name not in (info.payload_schema or {}):
                    self._index_field(name)
            return
        vectors = {TEXT_VECTOR: models.VectorParams(size=text_dim, distance=models.Distance.COSINE)}
        if image_dim:
            vectors[IMAGE_VECTOR] = models.VectorParams(
                size=image_dim, distance=models.Distance.COSINE
            )
        self._call(
            "create the collection",
            self.client.create_collection,
            self.collection,
            vectors_config=vectors,
            sparse_vectors_config={
                SPARSE_VECTOR: models.SparseVectorParams(modifier=models.Modifier.IDF)
            },
            shard_number=self._shard_number,
            replication_factor=self._replication_factor,
        )
        for name in INDEXED_FIELDS:
            self._index_field(name)

    def _index_field(self, name: str) -> None:
        from qdrant_client import models

        self._call(
            "index a payload field",
            self.client.create_payload_index,
            self.collection,
            field_name=name,
            field_schema=models.PayloadSchemaType.KEYWORD,
        )

    def ensure_image_vector(self, dim: int) -> None:
        info = self._call("read the collection", self.client.get_collection, self.collection)
        if IMAGE_VECTOR not in (info.config.params.vectors or {}):
            # Qdrant cannot add a named dense vector to an existing collection in place.
            raise StoreError(
                f"collection '{self.collection}' has no image vector: re-create it with an image "
                "model configured (or re-index into a new RAG_COLLECTION and switch an alias)"
            )

    def close(self) -> None:
        self.client.close()

    # Writes ------------------------------------------------------------------------------

    def upsert_chunks(
        self, chunks: Sequence[Chunk], vectors: Sequence[PointVectors], *, staged: bool = False
    ) -> None:
        from qdrant_client import models

        points = []
        for chunk, vec in zip(chunks, vectors, strict=True):
            named: dict[str, Any] = {
                TEXT_VECTOR: list(vec.text),
                SPARSE_VECTOR: models.SparseVector(
                    indices=vec.sparse.indices, values=vec.sparse.values
                ),
            }
            if vec.image is not None:
                named[IMAGE_VECTOR] = list(vec.image)
            payload = stored_payload(chunk, staged=staged)
            points.append(models.PointStruct(id=chunk.id, vector=named, payload=payload))
        for start in range(0, len(points), UPSERT_BATCH):
            batch = points[start : start + UPSERT_BATCH]
            self._call("store chunks", self.client.upsert, self.collection, points=batch, wait=True)

    def put_document(self, record: DocumentRecord) -> None:
        from qdrant_client import models

        point = models.PointStruct(id=record.id, vector={}, payload=record.payload())
        self._call(
            "store a document record",
            self.client.upsert,
            self.collection,
            points=[point],
            wait=True,
        )

    def publish_chunks(self, doc_id: str, sha256: str) -> None:
        from qdrant_client import models

        staged = models.Filter(
            must=[
                self._match("record", [STAGED]),
                self._match("doc_id", [doc_id]),
                self._match("sha256", [sha256]),
            ]
        )
        self._call(
            "publish chunks",
            self.client.set_payload,
            self.collection,
            payload={"record": CHUNK},
            points=models.FilterSelector(filter=staged),
            wait=True,
        )

    def chunk_versions(self, *, staged: bool) -> set[str]:
        from qdrant_client import models

        kind = models.Filter(must=[self._match("record", [STAGED if staged else CHUNK])])
        response = self._call(
            "list chunk versions",
            self.client.facet,
            self.collection,
            key="sha256",
            facet_filter=kind,
            limit=MAX_VERSIONS,
            exact=True,
        )
        return {str(hit.value) for hit in response.hits}

    def discard_version(self, sha256: str, *, staged: bool) -> None:
        from qdrant_client import models

        must = [
            self._match("record", [STAGED if staged else CHUNK]),
            self._match("sha256", [sha256]),
        ]
        self._call(
            "delete chunks",
            self.client.delete,
            self.collection,
            points_selector=models.FilterSelector(filter=models.Filter(must=must)),
            wait=True,
        )

    def delete_chunks(self, doc_id: str, *, except_sha256: str | None = None) -> None:
        from qdrant_client import models

        must = [self._match("record", [CHUNK, STAGED]), self._match("doc_id", [doc_id])]
        must_not = [self._match("sha256", [except_sha256])] if except_sha256 else None
        selector = models.FilterSelector(filter=models.Filter(must=must, must_not=must_not))
        self._call(
            "delete chunks",
            self.client.delete,
            self.collection,
            points_selector=selector,
            wait=True,
        )

    def delete_document_record(self, doc_id: str) -> None:
        from qdrant_client import models

        must = [self._match("record", [DOCUMENT]), self._match("doc_id", [doc_id])]
        selector = models.FilterSelector(filter=models.Filter(must=must))
        self._call(
            "delete a document record",
            self.client.delete,
            self.collection,
            points_selector=selector,
            wait=True,
        )

    # Reads -------------------------------------------------------------------------------

    @staticmethod
    def _match(key: str, values: list):
        from qdrant_client import models

        match = (
            models.MatchValue(value=values[0]) if len(values) == 1 else models.MatchAny(any=values)
        )
        return models.FieldCondition(key=key, match=match)

    def _filter(self, filters: Filters | None, record: str = "chunk"):
        from qdrant_client import models

        must = []
        for key, values, missing_matches in filter_items(filters, record):
            condition = self._match(key, values)
            if missing_matches:
                missing = models.IsEmptyCondition(is_empty=models.PayloadField(key=key))
                condition = models.Filter(should=[condition, missing])
            must.append(condition)
        return models.Filter(must=must)

    def documents(self, filters: Filters | None = None) -> list[DocumentRecord]:
        flt = self._filter(filters, DOCUMENT)
        records, offset = [], None
        while True:
            page, offset = self._call(
                "list documents",
                self.client.scroll,
                self.collection,
                scroll_filter=flt,
                limit=SCROLL_PAGE,
                offset=offset,
                with_payload=True,
            )
            records.extend(DocumentRecord.from_payload(p.payload) for p in page)
            if offset is None:
                break
        return sorted(records, key=lambda r: (r.file, r.path))

    def count(self, filters: Filters | None = None) -> int:
        result = self._call(
            "count points",
            self.client.count,
            self.collection,
            count_filter=self._filter(filters),
            exact=True,
        )
        return result.count

    def nearest(
        self,
        queries: Sequence[tuple[str, Sequence[float] | SparseVec]],
        *,
        limit: int,
        filters: Filters | None = None,
        exact: bool = False,
    ) -> list[list[Hit]]:
        from qdrant_client import models

        flt = self._filter(filters)
        # qdrant-client's in-process mode always searches exactly (and warns at search params).
        params = models.SearchParams(exact=True) if exact and self.url != ":memory:" else None
        requests = []
        for using, vector in queries:
            query = (
                models.SparseVector(indices=vector.indices, values=vector.values)
                if isinstance(vector, SparseVec)
                else list(vector)
            )
            requests.append(
                models.QueryRequest(
                    query=query,
                    using=using,
                    filter=flt,
                    limit=limit,
                    with_payload=False,
                    params=params,
                )
            )
        responses = self._call(
            "query", self.client.query_batch_points, self.collection, requests=requests
        )
        return [[Hit(str(p.id), float(p.score)) for p in response.points] for response in responses]

    def payloads(self, ids: Sequence[str]) -> dict[str, dict]:
        if not ids:
            return {}
        records = self._call(
            "read chunks",
            self.client.retrieve,
            self.collection,
            ids=list(ids),
            with_payload=True,
            with_vectors=False,
        )
        return {str(r.id): r.payload or {} for r in records}
