"""BM25 sparse vectors, computed in-process with Qdrant Edge's tokenizer.

Term weights are computed here for both backends; the collection's IDF modifier supplies the
inverse document frequency at query time, so the store keeps BM25 correct as documents come
and go.

Edge's word tokenizer splits identifiers at ``_`` and ``.``: "M_SHARE" is indexed as "share"
and "slm.fit" as "slm" and "fit", so a question that names the exact identifier cannot prefer
the passage that spells it. Each identifier, version or dotted name is therefore also indexed
whole, as a compound term of its own beside its parts.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter

from rag.store.base import SparseVec

# Word characters joined by "_", "." or "-": M_SHARE, slm.fit, 1.0.9, 2007-01-05, i18n.activate.
_JOINED = re.compile(r"(?<![\w.-])[A-Za-z0-9]+(?:[_.\-][A-Za-z0-9]+)+")
# A compound term's index lives apart from the tokenizer's own term hashes.
_COMPOUND_SALT = b"compound\x00"
_INDEX_MASK = 0x7FFFFFFF


def compound_terms(text: str) -> Counter[str]:
    """Identifiers, versions and dotted names in ``text``, lowercased, with their counts.

    A plain hyphenated word ("zero-length") is not one: it is a phrase, and its parts
    already carry its meaning.
    """
    found: Counter[str] = Counter()
    for match in _JOINED.finditer(text):
        term = match.group().lower()
        if "_" in term or "." in term or any(c.isdigit() for c in term):
            found[term] += 1
    return found


def compound_index(term: str) -> int:
    return zlib.crc32(_COMPOUND_SALT + term.encode("utf-8")) & _INDEX_MASK


class Bm25Encoder:
    def __init__(self, language: str = "english") -> None:
        self._language = language
        self._model = None
        self._config = None

    @property
    def model(self):
        if self._model is None:
            from qdrant_edge import Bm25, Bm25Config

            self._config = Bm25Config(language=self._language)
            self._model = Bm25(self._config)
        return self._model

    def document(self, text: str) -> SparseVec:
        vec = self.model.embed_document(text)
        indices, values = list(vec.indices), list(vec.values)
        config = self._config
        # The same saturation Edge applies to its own terms, over the passage's word count.
        length = len(text.split())
        norm = config.k * (1 - config.b + config.b * length / config.avg_len)
        for term, count in sorted(compound_terms(text).items()):
            indices.append(compound_index(term))
            values.append(count * (config.k + 1) / (count + norm))
        return _merged(indices, values)

    def query(self, text: str) -> SparseVec:
        vec = self.model.embed_query(text)
        indices, values = list(vec.indices), list(vec.values)
        for term in sorted(compound_terms(text)):
            indices.append(compound_index(term))
            values.append(1.0)
        return _merged(indices, values)


def _merged(indices: list[int], values: list[float]) -> SparseVec:
    """One value per index, in index order (a hash shared by two terms adds their weights)."""
    merged: dict[int, float] = {}
    for index, value in zip(indices, values, strict=True):
        merged[index] = merged.get(index, 0.0) + value
    ordered = sorted(merged)
    return SparseVec(ordered, [merged[i] for i in ordered])
