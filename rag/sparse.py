"""BM25 sparse vectors, computed in-process with Qdrant Edge's tokenizer.

Term weights are computed here for both backends; the collection's IDF modifier supplies the
inverse document frequency at query time, so the store keeps BM25 correct as documents come
and go.
"""

from __future__ import annotations

from rag.store.base import SparseVec


class Bm25Encoder:
    def __init__(self, language: str = "english") -> None:
        self._language = language
        self._model = None

    @property
    def model(self):
        if self._model is None:
            from qdrant_edge import Bm25, Bm25Config

            self._model = Bm25(Bm25Config(language=self._language))
        return self._model

    def document(self, text: str) -> SparseVec:
        vec = self.model.embed_document(text)
        return SparseVec(list(vec.indices), list(vec.values))

    def query(self, text: str) -> SparseVec:
        vec = self.model.embed_query(text)
        return SparseVec(list(vec.indices), list(vec.values))
