"""An embedder that remembers the vectors of the texts it embedded last.

The extractive answerer and the citation check embed every sentence of the evidence for every
question. The same passages come back question after question (a manual's key page, a team's
FAQ), so their sentences need embedding once: the rest of the time goes to the question.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

import numpy as np

from rag.embedders.base import Embedder


class CachedEmbedder(Embedder):
    """Wraps ``inner``; keeps at most ``max_items`` vectors, the least recently used go first.

    Safe to share between request threads: the lock guards only the dictionary, and the texts
    no thread has cached are embedded outside it (two threads may embed the same new text at
    once; both get the same vector).
    """

    def __init__(self, inner: Embedder, max_items: int) -> None:
        if max_items < 1:
            raise ValueError("max_items must be at least 1")
        self.inner = inner
        self.max_items = max_items
        self.accepts = inner.accepts
        self.batch_size = inner.batch_size
        self.hits = 0
        self.misses = 0
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return self.inner.dim

    def __len__(self) -> int:
        return len(self._vectors)

    def embed_batch(self, items: Sequence[str]) -> np.ndarray:
        return self.embed(items)

    def embed(
        self, items: Sequence[str], *, on_batch: Callable[[int], None] | None = None
    ) -> np.ndarray:
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for text in items:
                vector = self._vectors.get(text)
                if vector is not None:
                    self._vectors.move_to_end(text)
                    found[text] = vector
        missing = [text for text in dict.fromkeys(items) if text not in found]
        with self._lock:
            self.hits += len(items) - len(missing)
            self.misses += len(missing)
        if missing:
            vectors = np.asarray(self.inner.embed(missing, on_batch=on_batch), dtype=np.float32)
            vectors.setflags(write=False)  # shared between callers: nobody may change one
            with self._lock:
                for text, vector in zip(missing, vectors, strict=True):
                    found[text] = vector
                    self._vectors[text] = vector
                    self._vectors.move_to_end(text)
                while len(self._vectors) > self.max_items:
                    self._vectors.popitem(last=False)
        return np.stack([found[text] for text in items])
