"""Split text into overlapping chunks that remember their character offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    text: str
    start: int
    end: int


class Chunker:
    def __init__(self, size: int, overlap: int) -> None:
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        self._splitter = RecursiveCharacterTextSplitter(
            chunk_size=size,
            chunk_overlap=overlap,
            add_start_index=True,
            strip_whitespace=True,
            # Paragraphs, then lines, then sentences, then words.
            separators=["\n\n", "\n", ". ", " ", ""],
        )

    def split(self, text: str) -> list[Piece]:
        pieces = []
        for doc in self._splitter.create_documents([text]):
            start = int(doc.metadata["start_index"])
            if start < 0:  # the splitter could not locate the piece; search from the top
                start = text.find(doc.page_content)
            pieces.append(Piece(doc.page_content, start, start + len(doc.page_content)))
        return pieces
