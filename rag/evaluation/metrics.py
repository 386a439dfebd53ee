"""Retrieval and answer metrics for one question; summaries over many."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rag.evaluation.questions import GoldSource

Ref = tuple[str, "int | None"]


def distinct(refs: Sequence[Ref]) -> list[Ref]:
    """Ranked sources with repeats removed (several chunks of one page count once)."""
    seen: dict[Ref, None] = {}
    for ref in refs:
        seen.setdefault(ref, None)
    return list(seen)


def _found(gold: GoldSource, refs: Sequence[Ref]) -> bool:
    return any(gold.matches(file, page) for file, page in refs)


def recall_at_k(gold: Sequence[GoldSource], retrieved: Sequence[Ref], k: int) -> float:
    """Share of the gold sources among the first k distinct retrieved sources."""
    if not gold:
        return 0.0
    top = distinct(retrieved)[:k]
    return sum(_found(g, top) for g in gold) / len(gold)


def reciprocal_rank(gold: Sequence[GoldSource], retrieved: Sequence[Ref]) -> float:
    for rank, (file, page) in enumerate(distinct(retrieved), start=1):
        if any(g.matches(file, page) for g in gold):
            return 1.0 / rank
    return 0.0


def answer_correct(answer: str, accepted: Sequence[str]) -> bool:
    text = answer.lower()
    return any(a.lower() in text for a in accepted)


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else 0.0


def mean(values: Sequence[float]) -> float:
    return float(sum(values) / len(values)) if values else 0.0
