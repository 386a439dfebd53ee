"""Embedder base class: implement ``embed_batch``; batching comes from the base."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence

import numpy as np


class Embedder(ABC):
    """Turns texts into unit-length dense vectors."""

    #: What the model accepts; image embedders (CLIP) declare ``{"text", "image"}``.
    accepts: frozenset[str] = frozenset({"text"})
    batch_size: int = 32

    @property
    @abstractmethod
    def dim(self) -> int: ...

    @abstractmethod
    def embed_batch(self, items: Sequence[str]) -> np.ndarray:
        """Embed at most ``batch_size`` items; returns an array of shape (len(items), dim)."""

    def embed(
        self, items: Sequence[str], *, on_batch: Callable[[int], None] | None = None
    ) -> np.ndarray:
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        for start in range(0, len(items), self.batch_size):
            batch = items[start : start + self.batch_size]
            parts.append(np.asarray(self.embed_batch(batch), dtype=np.float32))
            if on_batch is not None:
                on_batch(len(batch))
        return np.concatenate(parts)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed([text])[0]
