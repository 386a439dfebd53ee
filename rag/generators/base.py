"""Generator interface: evidence in, an answer draft with ``[n]`` markers out.

A backend implements ``stream`` (pieces of text as they are produced) or ``generate`` (the
whole draft at once); the base class derives the other one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PIL import Image

from rag.types import Evidence

NOT_IN_DOCUMENTS = "The documents do not contain the answer to this question."
_ABSTENTION = re.compile(
    r"(do(es)? not contain the answer|not in the (provided )?(documents|evidence)|"
    r"(documents|evidence) (do(es)? not|don't) (say|contain|mention))",
    re.IGNORECASE,
)


def is_abstention(text: str) -> bool:
    """Whether a generated answer says the documents do not hold the answer."""
    return not text.strip() or bool(_ABSTENTION.search(text))


@dataclass(frozen=True)
class Turn:
    role: str  # user | assistant
    content: str


@dataclass(frozen=True)
class Draft:
    """Generator output. ``[n]`` markers refer to ``evidence[n - 1]`` as it was given."""

    text: str
    abstained: bool = False


class Generator:
    def generate(
        self,
        question: str,
        evidence: Sequence[Evidence],
        *,
        history: Sequence[Turn] = (),
        query_image: Image.Image | None = None,
    ) -> Draft:
        if type(self).stream is Generator.stream:
            raise NotImplementedError(
                f"{type(self).__name__} implements neither generate nor stream"
            )
        pieces = self.stream(question, evidence, history=history, query_image=query_image)
        text = "".join(pieces).strip()
        return Draft(text, abstained=is_abstention(text))

    def stream(
        self,
        question: str,
        evidence: Sequence[Evidence],
        *,
        history: Sequence[Turn] = (),
        query_image: Image.Image | None = None,
    ) -> Iterator[str]:
        if type(self).generate is Generator.generate:
            raise NotImplementedError(
                f"{type(self).__name__} implements neither generate nor stream"
            )
        yield self.generate(question, evidence, history=history, query_image=query_image).text
