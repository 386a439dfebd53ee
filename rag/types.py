"""The records that travel between ingest, the store, retrieval and answering."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from rag.collections import DEFAULT_COLLECTION

Modality = Literal["text", "image"]

# Fixed namespace: point ids are a pure function of (document hash, chunk index), so
# re-ingesting identical content rewrites the same points and moving an index from the
# embedded store to a server is a plain scroll-and-upsert.
POINT_NAMESPACE = uuid.UUID("6f1c2b1e-7f0a-4d55-9a57-2f8e1c0d9b31")


def point_id(sha256: str, chunk_index: int) -> str:
    return str(uuid.uuid5(POINT_NAMESPACE, f"{sha256}:{chunk_index}"))


@dataclass(frozen=True)
class Chunk:
    """A piece of a document that is embedded and stored as one point."""

    doc_id: str
    file: str
    sha256: str
    chunk_index: int
    text: str
    modality: Modality = "text"
    page: int | None = None  # 1-based: a PDF page, a slide, a sheet, an e-book section
    start: int = 0  # character offsets into the page text (PDF) or the document text
    end: int = 0
    image: str | None = None  # kept image, relative to the data directory
    # How citations name ``page`` when it is no PDF page: "slide 3", "sheet Budget".
    page_label: str | None = None
    collection: str = DEFAULT_COLLECTION
    # The headings a chunk of a text document stands under that its own text does not hold,
    # outermost first, one per line (rag.headings): the release a NEWS entry is listed under.
    headings: str = ""
    # The vectors of the sentences the extractive reader scores, packed at ingest
    # (rag.embedders.packed); None in an index built before they were stored.
    sentence_vectors: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    @property
    def id(self) -> str:
        # The same content in two collections is two sets of points; ``default`` keeps the ids
        # it had before collections existed.
        if self.collection == DEFAULT_COLLECTION:
            return point_id(self.sha256, self.chunk_index)
        return point_id(f"{self.collection}/{self.sha256}", self.chunk_index)

    def payload(self) -> dict[str, Any]:
        return {"record": "chunk", **asdict(self)}

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> Chunk:
        names = cls.__dataclass_fields__.keys()
        return cls(**{k: v for k, v in payload.items() if k in names})


@dataclass(frozen=True)
class DocumentRecord:
    """What the index knows about one ingested file (stored as a vector-less point)."""

    doc_id: str
    file: str
    path: str
    sha256: str
    kind: str  # pdf | text | image | docx | pptx | xlsx | csv | epub | odt | ods
    pages: int  # pages, slides, sheets or e-book sections
    chunks: int
    images: int
    bytes: int
    ingested_at: str
    blob: str | None = None  # kept copy of the original, relative to the data directory
    collection: str = DEFAULT_COLLECTION

    @property
    def id(self) -> str:
        return point_id(self.doc_id, -1)

    def payload(self) -> dict[str, Any]:
        return {"record": "document", **asdict(self)}

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> DocumentRecord:
        names = cls.__dataclass_fields__.keys()
        return cls(**{k: v for k, v in payload.items() if k in names})


@dataclass(frozen=True)
class Evidence:
    """A retrieved chunk with its fused rank score and the per-retriever ranks behind it."""

    chunk: Chunk
    score: float
    rank: int


@dataclass(frozen=True)
class Source:
    """A numbered source of an answer: what ``[n]`` in the answer text refers to."""

    n: int
    file: str
    page: int | None
    modality: Modality
    snippet: str
    doc_id: str
    score: float
    image: str | None = None
    page_label: str | None = None  # as on ``Chunk``

    @property
    def where(self) -> str | None:
        """The page as a reader names it: "page 3", "slide 3", "sheet Budget"; None if none."""
        if self.page_label:
            return self.page_label
        return f"page {self.page}" if self.page else None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    text: str
    sources: list[Source]
    evidence: list[Evidence]
    abstained: bool
    timings_ms: dict[str, float] = field(default_factory=dict)
    # Verified citations: share of answer sentences supported by the evidence they cite, the
    # sentences that are not, and markers the generator wrote that pointed to no evidence.
    grounding: float = 1.0
    unsupported: list[str] = field(default_factory=list)
    dropped_markers: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.text,
            "abstained": self.abstained,
            "sources": [s.to_dict() for s in self.sources],
            "grounding": self.grounding,
            "unsupported": self.unsupported,
            "dropped_markers": self.dropped_markers,
            "retrieved": [
                {
                    "file": e.chunk.file,
                    "page": e.chunk.page,
                    "modality": e.chunk.modality,
                    "score": e.score,
                }
                for e in self.evidence
            ],
            "timings_ms": self.timings_ms,
        }
