"""The ingest pipeline: find files, skip what is already indexed, load, chunk, describe,
vectorise, store (through the index).

A file is written to the store only once it is fully parsed and embedded, and its document
record is written last: a file that fails part-way leaves the index as it was.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image

from ingest.chunking import Chunker, Piece
from ingest.detect import SUPPORTED_EXTENSIONS, detect_kind
from ingest.document import LoadedDocument, PageImage, Segment
from ingest.loaders.image import load_image
from ingest.loaders.pdf import load_pdf
from ingest.loaders.text import load_text
from ingest.prefetch import prefetch
from ingest.vision.describe import ImageDescriber
from rag.errors import EmptyFileError, FileTooLargeError, IngestError, RagError
from rag.index import Index
from rag.store import PointVectors
from rag.types import Chunk, DocumentRecord

log = logging.getLogger(__name__)


@dataclass
class FileResult:
    path: str
    status: str  # ingested | replaced | unchanged | duplicate | skipped | failed
    reason: str = ""
    kind: str = ""
    pages: int = 0
    images: int = 0
    chunks: int = 0
    doc_id: str = ""
    error: str = ""  # the IngestError class of a failure: says which kind of bad input it was


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    def _count(self, *statuses: str) -> int:
        return sum(1 for r in self.results if r.status in statuses)

    @property
    def ingested(self) -> int:
        return self._count("ingested", "replaced")

    @property
    def failed(self) -> int:
        return self._count("failed")

    @property
    def skipped(self) -> int:
        return self._count("unchanged", "duplicate", "skipped")

    @property
    def pages(self) -> int:
        return sum(r.pages for r in self.results)

    @property
    def images(self) -> int:
        return sum(r.images for r in self.results)

    @property
    def chunks(self) -> int:
        return sum(r.chunks for r in self.results)

    def summary(self) -> str:
        return (
            f"{len(self.results)} files: {self.ingested} ingested, {self.skipped} skipped, "
            f"{self.failed} failed; {self.pages} pages, {self.images} images, "
            f"{self.chunks} chunks in {self.seconds:.1f} s"
        )

    def to_dict(self) -> dict:
        return {
            "files": len(self.results),
            "ingested": self.ingested,
            "skipped": self.skipped,
            "failed": self.failed,
            "pages": self.pages,
            "images": self.images,
            "chunks": self.chunks,
            "seconds": round(self.seconds, 3),
            "results": [r.__dict__ for r in self.results],
        }


def document_id(path: Path) -> str:
    """A document is a file at a place: the same path re-ingested replaces its old version."""
    return hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:16]


def discover(paths: Iterable[Path]) -> Iterable[tuple[Path, bool]]:
    """Files to ingest, with whether the user named them (folders are walked recursively)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(
                    part.startswith(".") for part in child.relative_to(path).parts
                ):
                    yield child, False
        else:
            yield path, True


def picture_text(part: PageImage, describer: ImageDescriber) -> str:
    """The text a picture is found by and answered from: its caption, its description (text
    read, labels) and the PDF text drawn inside it (a chart's labels and legend)."""
    text = describer.describe(part.image).render()
    if part.caption:
        text = f"{part.caption}\n{text}"
    if part.drawn_text:
        text = f"{text}\nText drawn in the figure:\n{part.drawn_text}"
    return text


@dataclass
class _File:
    """One file being ingested: where it is, its bytes and what its loader makes of it."""

    path: Path
    data: bytes
    sha256: str
    doc_id: str
    loaded: LoadedDocument

    @property
    def header(self) -> str:
        """What every embedded text of the file starts with: its title and name."""
        name, title = self.path.name, self.loaded.title
        return f"{title} ({name})" if title != self.path.stem else name


@dataclass
class _Chunks:
    """A file's chunks as they are cut, and the vectors of those vectorised so far."""

    file: _File
    chunks: list[Chunk] = field(default_factory=list)
    vectors: list[PointVectors] = field(default_factory=list)
    images: int = 0
    # What the chunks not yet vectorised are embedded from: a text each, and the picture
    # of an image chunk (for the image vector).
    _texts: list[str] = field(default_factory=list)
    _pictures: list[Image.Image | None] = field(default_factory=list)

    def add(
        self,
        piece: Piece,
        page: int | None,
        modality: str,
        *,
        image: str | None = None,
        picture: Image.Image | None = None,
    ) -> None:
        f = self.file
        self.chunks.append(
            Chunk(
                doc_id=f.doc_id,
                file=f.path.name,
                sha256=f.sha256,
                chunk_index=len(self.chunks),
                text=piece.text,
                modality=modality,  # type: ignore[arg-type]
                page=page,
                start=piece.start,
                end=piece.end,
                image=image,
            )
        )
        self._texts.append(f"{f.header}\n{piece.text}")
        self._pictures.append(picture)

    @property
    def waiting(self) -> int:
        """Chunks cut but not yet vectorised."""
        return len(self._texts)

    def vectorise(self, index: Index, count: int | None = None) -> None:
        """Vectorise the first ``count`` waiting chunks (all of them by default)."""
        count = self.waiting if count is None else count
        if count:
            done = len(self.vectors)
            self.vectors += index.vectorise(self._texts[:count], self._pictures[:count])
            # The reader's sentence vectors travel in the chunks' payload.
            self.chunks[done : done + count] = index.with_sentence_vectors(
                self.chunks[done : done + count]
            )
            del self._texts[:count], self._pictures[:count]


class Ingestor:
    def __init__(self, index: Index, describer: Callable[[], ImageDescriber]) -> None:
        self.index = index
        self.settings = index.settings
        self._describer_factory = describer
        self._describer: ImageDescriber | None = None
        self.chunker = Chunker(self.settings.chunk_size, self.settings.chunk_overlap)

    @property
    def describer(self) -> ImageDescriber:
        if self._describer is None:
            self._describer = self._describer_factory()
        return self._describer

    def ingest(
        self,
        paths: Sequence[Path],
        *,
        progress: bool = False,
        on_result: Callable[[FileResult], None] | None = None,
    ) -> IngestReport:
        from tqdm import tqdm

        started = time.perf_counter()
        report = IngestReport()
        files = list(discover(Path(p) for p in paths))
        documents = {d.doc_id: d for d in self.index.documents()}
        bar = tqdm(files, unit="file", disable=not progress, dynamic_ncols=True, leave=False)
        for path, explicit in bar:
            bar.set_postfix_str(path.name[-40:])
            result = self._ingest_one(path, explicit, documents)
            report.results.append(result)
            if on_result is not None:
                on_result(result)
        bar.close()
        report.seconds = time.perf_counter() - started
        return report

    # One file ----------------------------------------------------------------------------

    def _ingest_one(
        self, path: Path, explicit: bool, documents: dict[str, DocumentRecord]
    ) -> FileResult:
        if not explicit and path.suffix.lower() not in SUPPORTED_EXTENSIONS:
            return FileResult(str(path), "skipped", f"unsupported file type '{path.suffix}'")
        try:
            data = self._read(path)
            sha = hashlib.sha256(data).hexdigest()
            doc_id = document_id(path)
            previous = documents.get(doc_id)
            if previous is not None and previous.sha256 == sha:
                return FileResult(str(path), "unchanged", "already indexed", doc_id=doc_id)
            twin = next(
                (d for d in documents.values() if d.sha256 == sha and d.doc_id != doc_id), None
            )
            if twin is not None:
                if previous is not None:
                    # This path's old content is gone; its new content is indexed elsewhere.
                    self.index.forget(previous)
                    del documents[doc_id]
                return FileResult(
                    str(path), "duplicate", f"same content as {twin.path}", doc_id=twin.doc_id
                )
            kind = detect_kind(path, data[:4096])
            file = _File(path, data, sha, doc_id, self._load(path, kind, data))
            cut = self._vectorised_chunks(file)
            record = self._record(file, cut)
            self.index.add(record, cut.chunks, cut.vectors, replaces=previous)
            documents[doc_id] = record
        except IngestError as exc:
            return FileResult(str(path), "failed", exc.reason, error=type(exc).__name__)
        except RagError:
            raise  # the store or a model failed: the rest of the batch would fail the same way
        except Exception as exc:  # a loader hit something it did not foresee: report, go on
            log.debug("ingest of %s failed", path, exc_info=True)
            return FileResult(str(path), "failed", f"unexpected error: {type(exc).__name__}: {exc}")
        return FileResult(
            str(path),
            "replaced" if previous is not None else "ingested",
            kind=record.kind,
            pages=record.pages,
            images=cut.images,
            chunks=len(cut.chunks),
            doc_id=doc_id,
        )

    def _read(self, path: Path) -> bytes:
        name = str(path)
        if not path.exists():
            raise IngestError(name, "no such file or folder")
        size = path.stat().st_size
        limit = int(self.settings.max_file_mb * 1024 * 1024)
        if size > limit:
            raise FileTooLargeError(
                name,
                f"{size / 1048576:.1f} MB is over the limit of {self.settings.max_file_mb:g} MB (RAG_MAX_FILE_MB)",
            )
        if size == 0:
            raise EmptyFileError(name, "empty file (0 bytes)")
        try:
            return path.read_bytes()
        except OSError as exc:
            raise IngestError(name, f"cannot read: {exc.strerror or exc}") from exc

    def _load(self, path: Path, kind: str, data: bytes) -> LoadedDocument:
        s = self.settings
        if kind == "pdf":
            return load_pdf(
                path,
                data,
                max_pages=s.max_pages,
                scan_min_chars=s.scan_min_chars,
                render_dpi=s.ocr_render_dpi,
                read_text=lambda image: self.describer.read_text(image),
            )
        if kind == "image":
            return load_image(path, data, max_pixels=s.max_image_pixels)
        return load_text(path, data)

    def _vectorised_chunks(self, file: _File) -> _Chunks:
        """Chunk the file's parts as the loader streams them, vectorising full batches while
        the prefetch thread parses ahead (parsing holds the GIL, embedding releases it)."""
        cut = _Chunks(file)
        batch = self.index.embedder.batch_size
        for part in prefetch(file.loaded.parts):
            self._chunk(part, cut)
            while cut.waiting >= batch:
                cut.vectorise(self.index, batch)
        if not cut.chunks:
            raise EmptyFileError(str(file.path), "no text or pictures found")
        cut.vectorise(self.index)
        return cut

    def _chunk(self, part: Segment | PageImage, cut: _Chunks) -> None:
        """A text segment is split into chunks; a picture is kept, described and its text split."""
        if isinstance(part, Segment):
            for piece in self.chunker.split(part.text):
                cut.add(piece, part.page, "text")
        elif isinstance(part, PageImage):
            cut.images += 1
            kept = self._keep_picture(part, cut.file)
            # Held until vectorised only where an image vector is made from it.
            picture = part.image if self.index.image_embedder is not None else None
            for piece in self.chunker.split(picture_text(part, self.describer)):
                cut.add(piece, part.page, "image", image=kept, picture=picture)

    def _keep_picture(self, part: PageImage, file: _File) -> str:
        """Keep the picture beside the index so answers can show it."""
        if file.loaded.kind == "image":
            return self.index.blobs.keep_image(file.sha256, file.path.suffix, file.data)
        return self.index.blobs.keep_page_picture(file.sha256, part.name, part.image)

    def _keep_original(self, file: _File) -> str | None:
        """Keep what a PDF's pages are rendered from; an image document is its own picture."""
        blobs, kind = self.index.blobs, file.loaded.kind
        if kind == "pdf":
            return blobs.keep_pdf(file.sha256, file.data)
        if kind == "image":
            return blobs.keep_image(file.sha256, file.path.suffix, file.data)
        return None

    def _record(self, file: _File, cut: _Chunks) -> DocumentRecord:
        return DocumentRecord(
            doc_id=file.doc_id,
            file=file.path.name,
            path=str(file.path.resolve()),
            sha256=file.sha256,
            kind=file.loaded.kind,
            pages=file.loaded.pages,
            chunks=len(cut.chunks),
            images=cut.images,
            bytes=len(file.data),
            ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
            blob=self._keep_original(file),
        )
