"""How many documents and chunks each collection holds, from the document records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from rag.types import DocumentRecord


@dataclass(frozen=True)
class CollectionCount:
    name: str
    documents: int
    chunks: int
    bytes: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def count_collections(records: Iterable[DocumentRecord]) -> list[CollectionCount]:
    """One count per collection that holds a document, by name."""
    totals: dict[str, list[int]] = {}
    for record in records:
        total = totals.setdefault(record.collection, [0, 0, 0])
        total[0] += 1
        total[1] += record.chunks
        total[2] += record.bytes
    return [CollectionCount(name, *totals[name]) for name in sorted(totals)]
