"""Embedder base class: implement ``embed_batch``; batching comes from the base."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

# A pooled span's vector is its tokens' mean less this share of the mean of all the tokens of
# its text: token states carry their neighbours' meaning, and what every sentence of a chunk
# shares says nothing about which one answers. Measured on the dev and validation questions:
# plain span means answered one question less on each set, this share none less.
CONTEXT_SHARE = 0.3


@dataclass(frozen=True)
class Span:
    """A part of an embedded text that wants a vector of its own: where it lies in that text
    (character ranges, several for a part read together from separate places) and its own
    text, embedded alone where the model does not see all of it in place."""

    text: str
    ranges: tuple[tuple[int, int], ...] = ()


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

    def embed_with_spans(
        self,
        items: Sequence[str],
        spans: Sequence[Sequence[Span]],
        *,
        on_batch: Callable[[int], None] | None = None,
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """The vectors of ``items`` (as ``embed`` gives them) and, for each item, one vector a
        span of ``spans[i]`` (shape ``(len(spans[i]), dim)``).

        This one embeds each span's text on its own, after the items: a second pass. Models
        that keep their token states pool each span from the pass that embeds its item.
        """
        vectors = self.embed(items, on_batch=on_batch)
        alone = self.embed([span.text for group in spans for span in group])
        return vectors, split_rows(alone, [len(group) for group in spans], self.dim)


def split_rows(rows: np.ndarray, counts: Sequence[int], dim: int) -> list[np.ndarray]:
    """``rows`` cut into consecutive groups of ``counts`` rows (an empty group keeps ``dim``)."""
    out, at = [], 0
    for count in counts:
        out.append(rows[at : at + count] if count else np.zeros((0, dim), dtype=np.float32))
        at += count
    return out


def span_tokens(offsets: Any, ranges: Sequence[tuple[int, int]], *, cut: bool) -> list[int]:
    """The positions of the tokens that overlap ``ranges`` (character ranges of the text the
    offsets were made from; special tokens have empty offsets); none when a range lies past
    the last token of a text that was ``cut`` at the maximum length, or meets no token."""
    if not ranges:
        return []
    spans = np.asarray(offsets, dtype=np.int64).reshape(-1, 2)
    starts, ends = spans[:, 0], spans[:, 1]
    real = ends > starts
    seen_to = int(ends.max(initial=0))
    chosen = np.zeros(len(spans), dtype=bool)
    for start, end in ranges:
        if cut and end > seen_to:
            return []
        overlap = real & (starts < end) & (ends > start)
        if not overlap.any():
            return []
        chosen |= overlap
    return np.flatnonzero(chosen).tolist()


def pool_spans(
    states: np.ndarray,
    offsets: Any,
    spans: Sequence[Span],
    out: np.ndarray,
    *,
    cut: bool,
    context: np.ndarray | None = None,
) -> list[int]:
    """Write into ``out[k]`` the normalised mean of the token ``states`` of ``spans[k]`` (one
    text's states and token offsets; ``cut`` when it was truncated), less ``CONTEXT_SHARE``
    of ``context`` (the mean state of the whole text). Returns the positions of the spans
    that could not be pooled there, to embed on their own."""
    missing = []
    for k, span in enumerate(spans):
        tokens = span_tokens(offsets, span.ranges, cut=cut)
        if not tokens:
            missing.append(k)
            continue
        mean = states[tokens].mean(axis=0)
        if context is not None:
            mean = mean - CONTEXT_SHARE * context
        out[k] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return missing


def embed_alone(
    embedder: Embedder,
    spans: Sequence[Sequence[Span]],
    pooled: list[np.ndarray],
    alone: Sequence[tuple[int, int]],
) -> None:
    """Fill ``pooled[i][k]`` for each ``(i, k)`` of ``alone`` with ``spans[i][k]``'s text
    embedded on its own, all in one call."""
    if alone:
        vectors = embedder.embed([spans[i][k].text for i, k in alone])
        for (i, k), vector in zip(alone, vectors, strict=True):
            pooled[i][k] = vector
