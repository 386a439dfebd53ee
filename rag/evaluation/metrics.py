"""Retrieval, answer, abstention and citation metrics for one question; summaries over many.

Every function here is pure: it takes gold data and what the system returned and gives a number,
so each one can be checked on a hand-computed example.

Sources are ranked ``(file, page)`` pairs (``page`` is ``None`` for images and text documents).
Retrieval metrics come at two granularities:

* ``"page"``: a source matches a gold source when the files are equal and, where the gold source
  has a page, the pages are equal too (the question set's rule);
* ``"file"``: only the files must be equal. Several pages of one file then count as one ranked
  item and as one gold item, so a right document with a wrong page shows up here and not above.
"""

from __future__ import annotations

import math
import re
import string
from collections import Counter
from collections.abc import Sequence
from typing import Literal

import numpy as np

from rag.evaluation.questions import GoldSource

Ref = tuple[str, "int | None"]
Granularity = Literal["page", "file"]
GRANULARITIES: tuple[Granularity, ...] = ("page", "file")
RECALL_KS = (1, 3, 5, 10)


def distinct(refs: Sequence[Ref]) -> list[Ref]:
    """Ranked sources with repeats removed (several chunks of one page count once)."""
    seen: dict[Ref, None] = {}
    for ref in refs:
        seen.setdefault(ref, None)
    return list(seen)


def _at(
    gold: Sequence[GoldSource], retrieved: Sequence[Ref], granularity: Granularity
) -> tuple[list[GoldSource], list[Ref]]:
    """Gold and ranking as seen at ``granularity``, both without repeats."""
    if granularity == "file":
        files = list(dict.fromkeys(g.file for g in gold))
        return [GoldSource(f) for f in files], distinct([(f, None) for f, _ in retrieved])
    if granularity != "page":
        raise ValueError(f"granularity must be 'page' or 'file', not {granularity!r}")
    return list(dict.fromkeys(gold)), distinct(retrieved)


def _found(gold: GoldSource, refs: Sequence[Ref]) -> bool:
    return any(gold.matches(file, page) for file, page in refs)


def recall_at_k(
    gold: Sequence[GoldSource],
    retrieved: Sequence[Ref],
    k: int,
    *,
    granularity: Granularity = "page",
) -> float:
    """Share of the gold sources among the first k distinct retrieved sources."""
    gold, ranked = _at(gold, retrieved, granularity)
    if not gold:
        return 0.0
    top = ranked[:k]
    return sum(_found(g, top) for g in gold) / len(gold)


def reciprocal_rank(
    gold: Sequence[GoldSource], retrieved: Sequence[Ref], *, granularity: Granularity = "page"
) -> float:
    """1 / rank of the first retrieved source that matches any gold source; 0 if none does."""
    gold, ranked = _at(gold, retrieved, granularity)
    for rank, (file, page) in enumerate(ranked, start=1):
        if any(g.matches(file, page) for g in gold):
            return 1.0 / rank
    return 0.0


def ndcg_at_k(
    gold: Sequence[GoldSource],
    retrieved: Sequence[Ref],
    k: int = 5,
    *,
    granularity: Granularity = "page",
) -> float:
    """Binary-relevance nDCG@k; the ideal ranking puts min(#gold, k) hits first.

    A gold source earns its gain once: a gold source without a page would otherwise let every
    page of its file count as another hit and push the score above 1.
    """
    gold, ranked = _at(gold, retrieved, granularity)
    if not gold:
        return 0.0
    unmatched = list(gold)
    dcg = 0.0
    for rank, (file, page) in enumerate(ranked[:k], start=1):
        hit = next((g for g in unmatched if g.matches(file, page)), None)
        if hit is not None:
            unmatched.remove(hit)
            dcg += 1.0 / math.log2(rank + 1)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(gold), k) + 1))
    return dcg / ideal


# Answers ------------------------------------------------------------------------------------

# Citation markers such as "[1]" or "[1, 3]" are not part of the answer's wording; left in, the
# marker's digits would count as answer tokens.
_MARKERS = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = str.maketrans("", "", string.punctuation)


def normalize_answer(text: str) -> str:
    """SQuAD's normalisation: lowercase, no punctuation, no articles, single spaces."""
    text = _MARKERS.sub(" ", text).lower().translate(_PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


def _f1(prediction: list[str], truth: list[str]) -> float:
    if not prediction or not truth:
        return float(prediction == truth)
    common = sum((Counter(prediction) & Counter(truth)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(prediction), common / len(truth)
    return 2 * precision * recall / (precision + recall)


def token_f1(answer: str, accepted: Sequence[str]) -> float:
    """SQuAD-style token F1 of ``answer`` against the best-matching accepted answer."""
    tokens = normalize_answer(answer).split()
    return max((_f1(tokens, normalize_answer(a).split()) for a in accepted), default=0.0)


def answer_correct(answer: str, accepted: Sequence[str]) -> bool:
    """The question set's rule: the reply contains an accepted answer, ignoring case. Its
    citation markers are no part of it: "Check boxes: 2 not ticked. [1]" does not say "1"."""
    text = _MARKERS.sub(" ", answer).lower()
    return any(a.lower() in text for a in accepted)


DIRECT_WORDS = 30


def direct_correct(answer: str, accepted: Sequence[str], words: int = DIRECT_WORDS) -> bool:
    """An accepted answer stands within the first ``words`` words: what a reader sees first."""
    opening = " ".join(_MARKERS.sub(" ", answer).split()[:words])
    return answer_correct(opening, accepted)


# Abstentions and citations --------------------------------------------------------------------


def abstention_precision(abstained: Sequence[bool], unanswerable: Sequence[bool]) -> float | None:
    """Of the questions the system abstained on, the share that are unanswerable.

    ``None`` when it never abstained: there is nothing to be precise about.
    """
    flags = [u for a, u in zip(abstained, unanswerable, strict=True) if a]
    return sum(flags) / len(flags) if flags else None


def abstention_recall(
    abstained: Sequence[bool], cited: Sequence[int], unanswerable: Sequence[bool]
) -> float | None:
    """Of the unanswerable questions, the share abstained on with no citation.

    ``cited`` is the number of sources each reply cites. ``None`` without unanswerable questions.
    """
    rows = [(a, c) for a, c, u in zip(abstained, cited, unanswerable, strict=True) if u]
    return sum(a and c == 0 for a, c in rows) / len(rows) if rows else None


def citation_precision(gold: Sequence[GoldSource], cited: Sequence[Ref]) -> float | None:
    """Share of the distinct cited sources that match a gold source; ``None`` if none cited."""
    cited = distinct(cited)
    if not cited:
        return None
    return sum(any(g.matches(f, p) for g in gold) for f, p in cited) / len(cited)


def citation_recall(gold: Sequence[GoldSource], cited: Sequence[Ref]) -> float | None:
    """Share of the gold sources that are cited; ``None`` without gold sources."""
    gold = list(dict.fromkeys(gold))
    if not gold:
        return None
    return sum(_found(g, cited) for g in gold) / len(gold)


# Summaries -----------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else 0.0


def mean(values: Sequence[float]) -> float:
    return float(sum(values) / len(values)) if values else 0.0


def mean_or_none(values: Sequence[float | None]) -> float | None:
    """Mean of the defined values; ``None`` when no value is defined (rather than a fake 0)."""
    defined = [v for v in values if v is not None]
    return mean(defined) if defined else None
