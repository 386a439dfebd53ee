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


@dataclass(frozen=True)
class TokenSums:
    """Texts embedded with what their vectors were pooled from, for pooling several texts
    together as one: ``vectors`` as ``Embedder.embed`` gives them, and for each text the sum of
    the states of its own tokens (``sums``, not normalised) and how many there are
    (``counts``), and apart the same of its special tokens ([CLS], [SEP]), which a text
    embedded on its own has and a part of a longer text does not."""

    vectors: np.ndarray  # (n, dim) float32, unit length
    sums: np.ndarray  # (n, dim) float64
    counts: np.ndarray  # (n,) int64
    special_sums: np.ndarray  # (n, dim) float64
    special_counts: np.ndarray  # (n,) int64

    @classmethod
    def empty(cls, dim: int) -> TokenSums:
        return cls.of_vectors(np.zeros((0, dim), dtype=np.float32))

    @classmethod
    def concat(cls, first: TokenSums, second: TokenSums) -> TokenSums:
        """The texts of ``first`` followed by those of ``second``."""
        return cls(
            *(
                np.concatenate([getattr(first, name), getattr(second, name)])
                for name in ("vectors", "sums", "counts", "special_sums", "special_counts")
            )
        )

    @classmethod
    def of_vectors(cls, vectors: np.ndarray) -> TokenSums:
        """Texts whose token states are not kept: each counts as one token, its vector."""
        n, dim = vectors.shape
        return cls(
            vectors=vectors,
            sums=vectors.astype(np.float64),
            counts=np.ones(n, dtype=np.int64),
            special_sums=np.zeros((n, dim), dtype=np.float64),
            special_counts=np.zeros(n, dtype=np.int64),
        )


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

    def embed_with_sums(
        self, items: Sequence[str], *, on_batch: Callable[[int], None] | None = None
    ) -> TokenSums:
        """``embed`` of ``items`` (the same vectors) with the sums of their token states, so
        that texts embedded apart can be mean-pooled as one (``joint_vector``). This one keeps
        no token states: each text counts as a single token whose state is its vector."""
        return TokenSums.of_vectors(self.embed(items, on_batch=on_batch))

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


def joint_vector(sums: TokenSums, rows: Sequence[int]) -> np.ndarray:
    """The unit vector of the texts ``rows`` of ``sums`` mean-pooled as one text: the sum of
    their tokens' states over how many there are, normalised. Each text brings its own
    tokens and the mean state of its special tokens, counted once for all of them, as a text
    embedded whole has its [CLS] and [SEP] once."""
    if not rows:
        raise ValueError("a joint vector needs at least one text")
    chosen = list(rows)
    total = sums.sums[chosen].sum(axis=0)
    count = float(sums.counts[chosen].sum())
    specials = sums.special_counts[chosen]
    if specials.any():  # the special tokens' mean state, as many of them as one text has
        total = total + sums.special_sums[chosen].sum(axis=0) / len(chosen)
        count += float(specials.sum()) / len(chosen)
    mean = total / max(count, 1.0)
    return (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)


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
