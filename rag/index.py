"""The index: the Qdrant collection, the vectorisers that fill it and the files kept beside it.

Ingest writes through it, retrieval reads through it and deletion goes through it, so the
vectors of a chunk are computed one way and a document's points and files go together.
The store and the models open on first use, never at construction.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from rag.blobs import BlobStore
from rag.embedders import Embedder, create_embedder
from rag.embedders.cache import CachedEmbedder
from rag.embedders.packed import pack
from rag.reader.reader import sentence_texts
from rag.settings import Settings
from rag.sparse import Bm25Encoder
from rag.store import Filters, PointVectors, VectorStore, open_store
from rag.types import Chunk, DocumentRecord, Evidence

if TYPE_CHECKING:
    from rag.embedders.clip import ClipEmbedder


class Index:
    def __init__(
        self,
        settings: Settings,
        *,
        store: VectorStore | None = None,
        embedder: Embedder | None = None,
        image_embedder: ClipEmbedder | None = None,
    ) -> None:
        self.settings = settings
        self.blobs = BlobStore.of(settings)
        self.bm25 = Bm25Encoder()
        self._store = store
        self._embedder = embedder
        self._image_embedder = image_embedder
        self._question_embedder: Embedder | None = None
        self._lock = threading.Lock()
        self._schema_ready = False

    # Parts, created on first use ---------------------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        """The dense text model: chunks, picture descriptions and questions."""
        if self._embedder is None:
            self._embedder = create_embedder(self.settings)
        return self._embedder

    @property
    def question_embedder(self) -> Embedder:
        """The text model at question time, remembering what it embedded
        (``RAG_SENTENCE_CACHE``): the reader and the citation check find the question that
        retrieval embedded, and the sentences of chunks stored without their vectors."""
        with self._lock:
            if self._question_embedder is None:
                size = self.settings.sentence_cache
                self._question_embedder = (
                    CachedEmbedder(self.embedder, size) if size else self.embedder
                )
        return self._question_embedder

    @property
    def image_embedder(self) -> ClipEmbedder | None:
        """The cross-modal (CLIP/SigLIP) model, when ``RAG_CLIP_MODEL`` names one."""
        if self._image_embedder is None and self.settings.clip_model:
            from rag.embedders.clip import ClipEmbedder

            self._image_embedder = ClipEmbedder(
                self.settings.clip_model, threads=self.settings.torch_threads
            )
        return self._image_embedder

    @property
    def store(self) -> VectorStore:
        """The collection, opened and its schema ensured once; safe to reach from any thread."""
        with self._lock:
            if self._store is None:
                self._store = open_store(self.settings)
            if not self._schema_ready:
                clip = self.image_embedder
                self._store.ensure_schema(self.embedder.dim, image_dim=clip.dim if clip else None)
                if clip is not None:  # an index built before CLIP was configured
                    self._store.ensure_image_vector(clip.dim)
                self._schema_ready = True
        return self._store

    # Writing -----------------------------------------------------------------------------------

    def vectorise(
        self, texts: Sequence[str], pictures: Sequence[Image.Image | None] = ()
    ) -> list[PointVectors]:
        """The vectors of chunks: dense and BM25 of each text and, with an image embedder, the
        image vector of the picture a chunk was described from (``pictures[i]``, None for text).

        Texts are embedded in one call: pass a batch of the embedder's size to keep it full.
        """
        dense = self.embedder.embed(texts)
        clip = self.image_embedder
        seen: dict[int, np.ndarray] = {}  # a picture whose description spans several chunks
        images: list[np.ndarray | None] = [None] * len(texts)
        for i, picture in enumerate(pictures):
            if picture is not None and clip is not None:
                if id(picture) not in seen:
                    seen[id(picture)] = clip.embed_images([picture])[0]
                images[i] = seen[id(picture)]
        return [
            PointVectors(text=dense[i], sparse=self.bm25.document(text), image=images[i])
            for i, text in enumerate(texts)
        ]

    def with_sentence_vectors(self, chunks: Sequence[Chunk]) -> list[Chunk]:
        """The chunks with the vectors of the sentences the reader scores packed in their
        payload, all embedded in one call (short texts: the embedder batches them by length)."""
        texts = [sentence_texts(chunk) for chunk in chunks]
        vectors = self.embedder.embed([t for group in texts for t in group])
        out, at = [], 0
        for chunk, group in zip(chunks, texts, strict=True):
            packed = pack(group, vectors[at : at + len(group)])
            out.append(replace(chunk, sentence_vectors=packed))
            at += len(group)
        return out

    def add(
        self,
        record: DocumentRecord,
        chunks: Sequence[Chunk],
        vectors: Sequence[PointVectors],
        *,
        replaces: DocumentRecord | None = None,
    ) -> None:
        """Store one version of a document; its record goes last, as the commit marker.

        Chunks of the document's other versions go once the new ones are in, and the kept
        files of ``replaces`` (the version this one supersedes) once the record is.
        """
        store = self.store
        store.upsert_chunks(chunks, vectors)
        store.delete_chunks(record.doc_id, except_sha256=record.sha256)
        store.put_document(record)
        if replaces is not None:
            self.blobs.remove(replaces.sha256)

    def forget(self, record: DocumentRecord) -> None:
        """Remove a document: its chunks, its record and its kept files."""
        store = self.store
        store.delete_chunks(record.doc_id)
        store.delete_document_record(record.doc_id)
        self.blobs.remove(record.sha256)

    # Reading -----------------------------------------------------------------------------------

    def documents(self) -> list[DocumentRecord]:
        return self.store.documents()

    def find(self, key: str) -> DocumentRecord | None:
        """A document by id, content hash, path (also relative to here) or unambiguous name."""
        record = self.store.find_document(key)
        if record is None and Path(key).exists():
            record = self.store.find_document(str(Path(key).resolve()))
        return record

    def count(self, filters: Filters | None = None) -> int:
        """Chunks in the index (document records are not counted)."""
        return self.store.count(filters)

    def search(
        self,
        question: str,
        *,
        top_k: int | None = None,
        filters: Filters | None = None,
        image: Image.Image | None = None,
        timings: dict[str, float] | None = None,
    ) -> list[Evidence]:
        """Hybrid retrieval in one Qdrant query: dense and BM25 prefetches fused by reciprocal
        rank, plus the image vector when a CLIP model is configured (the query picture's own
        vector, or the question through CLIP's text tower)."""
        store = self.store  # opened (or found down) before any model work
        started = time.perf_counter()
        dense = self.question_embedder.embed_query(question)
        sparse = self.bm25.query(question)
        image_vector = None
        if (clip := self.image_embedder) is not None:
            if image is not None:
                image_vector = clip.embed_images([image])[0]
            else:
                image_vector = clip.embed_texts([question])[0]
        embedded = time.perf_counter()
        evidence = store.hybrid_query(
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

    # Upkeep ------------------------------------------------------------------------------------

    def optimize(self) -> None:
        """Build the HNSW indexes now. Never on a serving thread: Edge holds the GIL meanwhile."""
        self.store.optimize()

    def close(self) -> None:
        """Close the store (it reopens on next use); the models stay loaded."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
                self._schema_ready = False
