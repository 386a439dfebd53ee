"""The offline default answerer: quote the evidence sentences that best answer the question.

Each candidate sentence is scored by meaning (embedding cosine with the question) and by
wording (the share of the question's topic terms it contains; numbers, identifiers and quoted
words weigh most, terms after "besides"/"apart from" not at all), and preferred when it adds
something to the question. A name the best sentence introduces is followed to the sentence
that explains it (two-hop questions). A question about a picture ranked first is answered
with the picture's description. It says the documents do not contain the answer when most of
the question's topic is absent from the evidence, when a question asks for a number and no
on-topic sentence holds one, or when no sentence is supported well enough.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from PIL import Image

from rag.embedders import Embedder
from rag.generators.base import NOT_IN_DOCUMENTS, Draft, Generator, Turn
from rag.text import content_terms, key_terms, normalize_space, sentences, stem
from rag.types import Evidence

DENSE_WEIGHT = 0.5
LEXICAL_WEIGHT = 0.5
# An answer adds something to the question: a sentence that only restates it (all of its
# terms are question terms) is not an answer, however similar it is.
NOVELTY_WEIGHT = 0.15
RANK_BONUS = 0.05
# Numbers, identifiers and quoted words in a question name the thing asked about exactly.
KEY_TERM_FACTOR = 3.0
MAX_PER_CHUNK = 2

# Questions whose answer is a number: the answering sentence must hold a number the question
# does not already contain.
QUANTITY_QUESTION = re.compile(
    r"\b(how (many|much|long|fast|big|large|often|old)|what (number|value|factor|percentage|size"
    r"|speed|port|uid|gid|version|year|cost)|which (number|value|year|port)|numeric|by what factor"
    r"|in (?:\w+ )?(seconds|minutes|hours|bytes|kb|mb|gb|ms|cycles))\b",
    re.IGNORECASE,
)
# Words that describe a picture rather than name what is in it.
VISUAL_WORDS = frozenset(
    stem(w)
    for w in [
        "photo",
        "photograph",
        "picture",
        "image",
        "screenshot",
        "diagram",
        "painting",
        "scan",
        "scanned",
        "drawing",
        "illustration",
        "figure",
        "shows",
        "show",
        "appear",
        "visible",
    ]
)
# A number stands alone: the 2 of "MATCH2" or the 9650 of "Q9650" is part of a name.
NUMBER = re.compile(r"(?<![A-Za-z_\d.])(?:0x[0-9A-Fa-f]+|\d+(?:[.,]\d+)*)")
# "Besides X", "apart from X": X is what the answer is not.
EXCLUSION = re.compile(
    r"\b(?:besides|apart from|aside from|other than|except(?: for)?)\s+(?:the\s+)?"
    r"(\"[^\"]+\"|[^,?;]+)",
    re.IGNORECASE,
)
# Names with digits or underscores (MATCH2, FC_DEBUG, asn1_write_value): when the best
# sentence introduces one, the answer may sit where that name is explained (a second hop).
IDENTIFIER = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\d_])\w{3,}\b")
BRIDGE_BONUS = 0.25
PICTURE_QUOTE_CHARS = 400


@dataclass(frozen=True)
class Candidate:
    evidence_index: int
    text: str
    score: float  # orders candidates: relevance, rank prior and novelty
    relevance: float  # decides whether anything answers at all: meaning and wording only
    terms: frozenset[str]
    new_number: bool = False
    bridged: bool = False


class ExtractiveGenerator(Generator):
    def __init__(
        self, embedder: Embedder, *, max_sentences: int = 3, min_support: float = 0.45
    ) -> None:
        self.embedder = embedder
        self.max_sentences = max_sentences
        self.min_support = min_support

    def generate(
        self,
        question: str,
        evidence: Sequence[Evidence],
        *,
        history: Sequence[Turn] = (),
        query_image: Image.Image | None = None,
    ) -> Draft:
        earlier = [t.content for t in history if t.role == "user"]
        if earlier:  # a follow-up is scored with the question it follows
            question = f"{earlier[-1]}\n{question}"
        candidates = self.rank(question, evidence)
        if evidence and evidence[0].chunk.modality == "image":
            picture = self._describe_top_picture(question, evidence, candidates)
            if picture is not None:
                return picture
        if _missing_topic_terms(question, evidence):
            return Draft(NOT_IN_DOCUMENTS, abstained=True)
        if (
            not candidates
            or candidates[0].relevance < self.min_support
            and max(c.relevance for c in candidates) < self.min_support
        ):
            return Draft(NOT_IN_DOCUMENTS, abstained=True)
        hop = candidates[0]
        candidates = _follow_bridge(question, candidates)
        if QUANTITY_QUESTION.search(question):
            # The topic is covered; the number must come from a sentence that is on topic too.
            candidates = [
                c for c in candidates if c.new_number and c.relevance >= self.min_support * 0.8
            ]
            if not candidates:
                return Draft(NOT_IN_DOCUMENTS, abstained=True)
        if hop not in candidates and candidates[0].bridged:
            # The answer came through a name the best sentence introduced: show that link too.
            candidates = [candidates[0], hop, *candidates[1:]]
        chosen: list[Candidate] = []
        per_chunk: dict[int, int] = {}
        for cand in candidates:
            if len(chosen) == self.max_sentences:
                break
            if (
                cand.relevance < self.min_support * 0.8
                or per_chunk.get(cand.evidence_index, 0) >= MAX_PER_CHUNK
            ):
                continue
            if any(cand.text in c.text or c.text in cand.text for c in chosen):
                continue
            chosen.append(cand)
            per_chunk[cand.evidence_index] = per_chunk.get(cand.evidence_index, 0) + 1
        return Draft(" ".join(f"{c.text} [{c.evidence_index + 1}]" for c in chosen))

    def _describe_top_picture(
        self, question: str, evidence: Sequence[Evidence], candidates: list[Candidate]
    ) -> Draft | None:
        """Retrieval ranked a picture first: quote what is known of it (labels, its text).

        A question about a picture describes what it looks like, words no caption holds, so the
        test is weaker than for text: one topic term of the question must appear in the
        picture's description or text.
        """
        top = evidence[0].chunk
        topic = set(content_terms(question)) - VISUAL_WORDS
        described = {
            term
            for item in evidence
            if item.chunk.image == top.image
            for term in content_terms(item.chunk.text)
        }
        if not topic & described:
            return None
        if len(top.text) <= PICTURE_QUOTE_CHARS:
            # A short description (labels and a few lines of text) is quoted whole: which
            # line answers a question about a picture's layout cannot be told from words.
            return Draft(f"{normalize_space(top.text)} [1]")
        same = [c for c in candidates if evidence[c.evidence_index].chunk.image == top.image]
        chosen = same[: self.max_sentences]
        if not chosen:
            return None
        return Draft(" ".join(f"{c.text} [{c.evidence_index + 1}]" for c in chosen))

    def rank(self, question: str, evidence: Sequence[Evidence]) -> list[Candidate]:
        q_terms = content_terms(question)
        units: list[tuple[int, str, frozenset[str]]] = []
        for index, item in enumerate(evidence):
            for sentence in sentences(item.chunk.text):
                units.append((index, sentence, frozenset(content_terms(sentence))))
        if not units or not q_terms:
            return []
        weights = _term_weights(q_terms, [u[2] for u in units])
        for term in key_terms(question) & weights.keys():
            weights[term] *= KEY_TERM_FACTOR
        for term in _excluded_terms(question) & weights.keys():
            weights[term] = 0.0
        total = sum(weights.values()) or 1.0
        q_set = frozenset(q_terms)
        q_numbers = frozenset(NUMBER.findall(question))
        vectors = self.embedder.embed([question] + [u[1] for u in units])
        dense = vectors[1:] @ vectors[0]
        scored = []
        for (index, text, terms), cosine in zip(units, dense, strict=True):
            lexical = sum(w for t, w in weights.items() if t in terms) / total
            novel = len(terms - q_set)
            novelty = min(1.0, novel / 3) if terms else 0.0
            relevance = DENSE_WEIGHT * float(cosine) + LEXICAL_WEIGHT * lexical
            score = relevance + NOVELTY_WEIGHT * (novelty - 1.0) + RANK_BONUS / (index + 1)
            new_number = any(n not in q_numbers for n in NUMBER.findall(text))
            scored.append(Candidate(index, text, score, relevance, terms, new_number))
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


def _missing_topic_terms(question: str, evidence: Sequence[Evidence]) -> bool:
    """Most of the question's topic terms appear nowhere in the evidence: it is about
    something else."""
    q_terms = content_terms(question)
    present = {term for item in evidence for term in content_terms(item.chunk.text)}
    missing = [t for t in q_terms if t not in present]
    return len(missing) > len(q_terms) / 2


def _excluded_terms(question: str) -> set[str]:
    return {t for match in EXCLUSION.finditer(question) for t in content_terms(match.group(1))}


def _identifiers(text: str) -> set[str]:
    return {m.group(0).lower() for m in IDENTIFIER.finditer(text)}


def _follow_bridge(question: str, candidates: list[Candidate]) -> list[Candidate]:
    """Boost sentences that explain a name the best sentence introduced (two-hop questions)."""
    if not candidates:
        return candidates
    top = candidates[0]
    bridges = _identifiers(top.text) - _identifiers(question)
    if not bridges:
        return candidates
    boosted = []
    for cand in candidates:
        if cand is not top and bridges & _identifiers(cand.text):
            cand = replace(
                cand,
                score=cand.score + BRIDGE_BONUS,
                relevance=cand.relevance + BRIDGE_BONUS,
                bridged=True,
            )
        boosted.append(cand)
    rest = sorted(boosted[1:], key=lambda c: c.score, reverse=True)
    return [boosted[0], *rest]
