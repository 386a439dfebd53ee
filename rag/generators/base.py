"""Generator interface: evidence in, an answer draft with ``[n]`` markers out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

from rag.types import Evidence

NOT_IN_DOCUMENTS = "The documents do not contain the answer to this question."


@dataclass(frozen=True)
class Turn:
    role: str  # user | assistant
    content: str


@dataclass(frozen=True)
class Draft:
    """Generator output. ``[n]`` markers refer to ``evidence[n - 1]`` as it was given."""

    text: str
    abstained: bool = False


class Generator(ABC):
    @abstractmethod
    def generate(
        self, question: str, evidence: Sequence[Evidence], *, history: Sequence[Turn] = ()
    ) -> Draft: ...
