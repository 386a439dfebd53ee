"""Verified citations: is each sentence of an answer supported by the evidence it cites?

Every sentence is checked against the evidence chunks behind its ``[n]`` markers by wording
(the share of its topic terms found there) and by meaning (the best embedding cosine with a
sentence of that evidence). A sentence below the threshold, or one that cites nothing, is
unsupported. The grounding score is the share of supported sentences; an abstention makes
no claim and scores 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.citations import MARKER
from rag.embedders import Embedder
from rag.text import content_terms, normalize_space
from rag.types import Evidence

LEXICAL_WEIGHT = 0.5
DENSE_WEIGHT = 0.5
_SENTENCE = re.compile(r"(?<=[.!?])\s+|(?<=\])\s+(?=[A-Z])|\n+")


@dataclass(frozen=True)
class SentenceCheck:
    sentence: str
    cites: list[int]
    support: float
    supported: bool


@dataclass(frozen=True)
class Grounding:
    score: float
    unsupported: list[str] = field(default_factory=list)
    sentences: list[SentenceCheck] = field(default_factory=list)


def split_answer(text: str) -> list[tuple[str, list[int]]]:
    """Answer sentences with the source numbers each one cites."""
    out = []
    for raw in _SENTENCE.split(text):
        cites = [int(n) for m in MARKER.finditer(raw) for n in re.split(r"\s*,\s*", m.group(1))]
        sentence = re.sub(r"\s+([.,;:!?])", r"\1", normalize_space(MARKER.sub("", raw)))
        if len(content_terms(sentence)) == 0:
            if cites and out:  # a marker split off on its own belongs to the sentence before
                out[-1][1].extend(cites)
            continue
        out.append((sentence, cites))
    # A marker covers the uncited sentences just before it ("A. B. [1]" cites [1] for both),
    # as a citation at the end of a passage does in print.
    pending: list[int] = []
    for index, (_, cites) in enumerate(out):
        if not cites:
            pending.append(index)
            continue
        for waiting in pending:
            out[waiting][1].extend(cites)
        pending = []
    return out


class GroundingChecker:
    def __init__(self, embedder: Embedder, threshold: float = 0.5) -> None:
        self.embedder = embedder
        self.threshold = threshold

    def check(
        self, text: str, evidence_for: dict[int, list[Evidence]], *, abstained: bool = False
    ) -> Grounding:
        if abstained:
            return Grounding(score=1.0)
        parts = split_answer(text)
        if not parts:
            return Grounding(score=0.0)
        checks = [self._check(sentence, cites, evidence_for) for sentence, cites in parts]
        supported = sum(c.supported for c in checks)
        return Grounding(
            score=round(supported / len(checks), 4),
            unsupported=[c.sentence for c in checks if not c.supported],
            sentences=checks,
        )

    def _check(
        self, sentence: str, cites: list[int], evidence_for: dict[int, list[Evidence]]
    ) -> SentenceCheck:
        cited = [item for n in cites for item in evidence_for.get(n, [])]
        if not cited:
            return SentenceCheck(sentence, cites, 0.0, False)
        source_text = "\n".join(item.chunk.text for item in cited)
        terms = content_terms(sentence)
        present = set(content_terms(source_text))
        lexical = sum(t in present for t in terms) / len(terms)
        if lexical == 1.0:  # a quotation needs no model to be believed
            return SentenceCheck(sentence, cites, 1.0, True)
        candidates = [normalize_space(s) for s in re.split(r"(?<=[.!?])\s+|\n", source_text)]
        candidates = [c for c in candidates if len(c) >= 3]
        vectors = self.embedder.embed([sentence, *candidates])
        dense = float((vectors[1:] @ vectors[0]).max()) if candidates else 0.0
        support = round(LEXICAL_WEIGHT * lexical + DENSE_WEIGHT * max(0.0, dense), 4)
        return SentenceCheck(sentence, cites, support, support >= self.threshold)
