"""The offline default answerer: quote the evidence sentences that best answer the question.

Each candidate sentence is scored by meaning (embedding cosine with the question) and by
wording (the share of the question's topic terms it contains, rarer terms weighing more).
When no sentence is supported well enough, or a topic term of the question appears nowhere
in the evidence, it says the documents do not contain the answer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rag.embedders import Embedder
from rag.generators.base import NOT_IN_DOCUMENTS, Draft, Generator, Turn
from rag.text import content_terms, sentences
from rag.types import Evidence

DENSE_WEIGHT = 0.5
LEXICAL_WEIGHT = 0.5
RANK_BONUS = 0.05
MAX_PER_CHUNK = 2


@dataclass(frozen=True)
class Candidate:
    evidence_index: int
    text: str
    score: float
    terms: frozenset[str]


class ExtractiveGenerator(Generator):
    def __init__(self, embedder: Embedder, *, max_sentences: int = 3, min_support: float = 0.45) -> None:
        self.embedder = embedder
        self.max_sentences = max_sentences
        self.min_support = min_support

    def generate(
        self, question: str, evidence: Sequence[Evidence], *, history: Sequence[Turn] = ()
    ) -> Draft:
        candidates = self.rank(question, evidence)
        if not candidates or candidates[0].score < self.min_support:
            return Draft(NOT_IN_DOCUMENTS, abstained=True)
        chosen: list[Candidate] = []
        per_chunk: dict[int, int] = {}
        for cand in candidates:
            if len(chosen) == self.max_sentences:
                break
            if cand.score < self.min_support * 0.8 or per_chunk.get(cand.evidence_index, 0) >= MAX_PER_CHUNK:
                continue
            if any(cand.text in c.text or c.text in cand.text for c in chosen):
                continue
            chosen.append(cand)
            per_chunk[cand.evidence_index] = per_chunk.get(cand.evidence_index, 0) + 1
        text = " ".join(f"{_as_sentence(c.text)} [{c.evidence_index + 1}]" for c in chosen)
        return Draft(text)

    def rank(self, question: str, evidence: Sequence[Evidence]) -> list[Candidate]:
        q_terms = content_terms(question)
        units: list[tuple[int, str, frozenset[str]]] = []
        for index, item in enumerate(evidence):
            for sentence in sentences(item.chunk.text):
                units.append((index, sentence, frozenset(content_terms(sentence))))
        if not units or not q_terms:
            return []
        if _missing_topic_term(q_terms, [u[2] for u in units]):
            return []
        weights = _term_weights(q_terms, [u[2] for u in units])
        total = sum(weights.values())
        vectors = self.embedder.embed([question] + [u[1] for u in units])
        dense = vectors[1:] @ vectors[0]
        scored = []
        for (index, text, terms), cosine in zip(units, dense, strict=True):
            lexical = sum(w for t, w in weights.items() if t in terms) / total
            score = DENSE_WEIGHT * float(cosine) + LEXICAL_WEIGHT * lexical + RANK_BONUS / (index + 1)
            scored.append(Candidate(index, text, score, terms))
        scored.sort(key=lambda c: c.score, reverse=True)
        return scored


def _term_weights(q_terms: list[str], unit_terms: list[frozenset[str]]) -> dict[str, float]:
    """Inverse frequency over the candidate sentences: a term every sentence has says little."""
    n = len(unit_terms)
    weights = {}
    for term in q_terms:
        df = sum(1 for terms in unit_terms if term in terms)
        weights[term] = math.log(1 + n / (1 + df))
    return weights


def _missing_topic_term(q_terms: list[str], unit_terms: list[frozenset[str]]) -> bool:
    """A distinctive question term (a name, a number, a rare word) found nowhere in the evidence."""
    present = frozenset().union(*unit_terms)
    missing = [t for t in q_terms if t not in present]
    return len(missing) > len(q_terms) / 2


def _as_sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":")) else text


__all__ = ["ExtractiveGenerator", "np"]
