"""The offline default answerer: the reader finds the answer in the evidence and quotes it.

The answer opens with the direct answer (a name, a number, a value, "Yes"/"No") when the
question asks for one, followed by the supporting sentence and its ``[n]``; an open "how/why"
question is answered by the quote itself. See ``rag.reader`` for how sentences are scored and
when the documents are said not to contain the answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from rag.embedders import Embedder
from rag.generators.base import NOT_IN_DOCUMENTS, Draft, Generator, Turn
from rag.reader import Reader
from rag.reader.reader import PARTS
from rag.types import Evidence


class ExtractiveGenerator(Generator):
    def __init__(
        self,
        embedder: Embedder,
        *,
        max_sentences: int = 2,
        min_support: float = 0.45,
        parts: frozenset[str] = PARTS,
    ) -> None:
        self.reader = Reader(
            embedder, min_support=min_support, max_quotes=max_sentences, parts=parts
        )

    def generate(
        self,
        question: str,
        evidence: Sequence[Evidence],
        *,
        history: Sequence[Turn] = (),
        query_image: Image.Image | None = None,
    ) -> Draft:
        earlier = [t.content for t in history if t.role == "user"]
        # A follow-up is read with the question it follows.
        reading = self.reader.read(question, evidence, context=earlier[-1] if earlier else "")
        if not reading.text:
            return Draft(NOT_IN_DOCUMENTS, abstained=True)
        return Draft(reading.text)
