"""The time one file may take to ingest, checked between pages, pictures and batches.

The work stops cooperatively: loaders and the pipeline call ``check`` at each step, so a file
that runs out of time raises between steps and nothing of it reaches the index.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rag.errors import IngestError


class IngestTimeoutError(IngestError):
    """A file took longer than RAG_MAX_INGEST_SECONDS_PER_FILE."""


class Deadline:
    def __init__(
        self, name: str, seconds: float, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.name = name
        self.seconds = seconds
        self._clock = clock
        self._ends = clock() + seconds

    def spend(self, seconds: float) -> None:
        """Count ``seconds`` of work done elsewhere (in a worker process) against the time."""
        self._ends -= seconds

    def remaining(self) -> float:
        return max(0.0, self._ends - self._clock())

    def expired(self) -> bool:
        return self._clock() >= self._ends

    def check(self, doing: str) -> None:
        """Raise when the time is up; ``doing`` says where the work stopped."""
        if self.expired():
            raise IngestTimeoutError(
                self.name,
                f"stopped after {self.seconds:g} s while {doing} "
                "(RAG_MAX_INGEST_SECONDS_PER_FILE); nothing of it was indexed",
            )
