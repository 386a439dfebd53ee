"""The ingest pipeline: find files, skip what is already indexed, load, chunk, embed, store.

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
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from ingest.chunking import Chunker
from ingest.detect import SUPPORTED_EXTENSIONS, detect_kind
from ingest.document import LoadedDocument, PageImage, Segment
from ingest.loaders.image import load_image
from ingest.loaders.pdf import load_pdf
from ingest.loaders.text import load_text
from ingest.prefetch import prefetch
from ingest.vision.describe import ImageDescriber
from rag.embedders import Embedder
from rag.errors import EmptyFileError, FileTooLargeError, IngestError, RagError
from rag.settings import Settings
from rag.sparse import Bm25Encoder
from rag.store import PointVectors, VectorStore
from rag.types import Chunk, DocumentRecord

if TYPE_CHECKING:
    from rag.embedders.clip import ClipEmbedder

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


def remove_blobs(blobs_dir: Path, sha256: str) -> None:
    """Delete the kept copies of one content version (named by its hash)."""
    if blobs_dir.is_dir():
        for blob in blobs_dir.glob(f"{sha256}*"):
            blob.unlink(missing_ok=True)


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


class Ingestor:
    def __init__(
        self,
        settings: Settings,
        store: VectorStore,
        embedder: Embedder,
        bm25: Bm25Encoder,
        describer: Callable[[], ImageDescriber],
        *,
        image_embedder: ClipEmbedder | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.bm25 = bm25
        self._describer_factory = describer
        self.image_embedder = image_embedder
        self._describer: ImageDescriber | None = None
        self.chunker = Chunker(settings.chunk_size, settings.chunk_overlap)

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
        self.store.ensure_schema(self.embedder.dim)
        documents = {d.doc_id: d for d in self.store.documents()}
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
                    self._forget(previous)
                    del documents[doc_id]
                return FileResult(
                    str(path), "duplicate", f"same content as {twin.path}", doc_id=twin.doc_id
                )
            kind = detect_kind(path, data[:4096])
            loaded = self._load(path, kind, data)
            record, chunks, vectors, images = self._build(path, loaded, data, sha, doc_id)
            self.store.upsert_chunks(chunks, vectors)
            self.store.delete_chunks(doc_id, except_sha256=sha)
            self.store.put_document(record)
            documents[doc_id] = record
            if previous is not None:
                remove_blobs(self.settings.blobs_dir, previous.sha256)
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
            kind=loaded.kind,
            pages=loaded.pages,
            images=images,
            chunks=len(chunks),
            doc_id=doc_id,
        )

    def _forget(self, record: DocumentRecord) -> None:
        self.store.delete_chunks(record.doc_id)
        self.store.delete_document_record(record.doc_id)
        remove_blobs(self.settings.blobs_dir, record.sha256)

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

    def _build(self, path: Path, loaded: LoadedDocument, data: bytes, sha: str, doc_id: str):
        chunks: list[Chunk] = []
        embed_texts: list[str] = []
        images = 0
        blobs = self.settings.blobs_dir
        blobs.mkdir(parents=True, exist_ok=True)
        header = f"{loaded.title} ({path.name})" if loaded.title != path.stem else path.name

        def add(
            text: str, page: int | None, start: int, end: int, modality: str, image: str | None
        ) -> None:
            chunk = Chunk(
                doc_id=doc_id,
                file=path.name,
                sha256=sha,
                chunk_index=len(chunks),
                text=text,
                modality=modality,  # type: ignore[arg-type]
                page=page,
                start=start,
                end=end,
                image=image,
            )
            chunks.append(chunk)
            embed_texts.append(f"{header}\n{text}")

        dense_parts = []
        picture_vectors: dict[int, np.ndarray] = {}  # chunk index -> CLIP vector of its picture
        embedded = 0
        batch = self.embedder.batch_size

        for part in prefetch(loaded.parts):
            if isinstance(part, Segment):
                for piece in self.chunker.split(part.text):
                    add(piece.text, part.page, piece.start, piece.end, "text", None)
            elif isinstance(part, PageImage):
                images += 1
                kept = self._keep_image(part, path, data, sha, loaded.kind)
                description = self.describer.describe(part.image).render()
                first = len(chunks)
                for piece in self.chunker.split(description):
                    add(piece.text, part.page, piece.start, piece.end, "image", kept)
                if self.image_embedder is not None:
                    vector = self.image_embedder.embed_images([part.image])[0]
                    picture_vectors.update(dict.fromkeys(range(first, len(chunks)), vector))
            # Embed full batches as they fill, while the prefetch thread parses ahead.
            while len(embed_texts) - embedded >= batch:
                dense_parts.append(self.embedder.embed(embed_texts[embedded : embedded + batch]))
                embedded += batch
        if not chunks:
            raise EmptyFileError(str(path), "no text or pictures found")
        if embedded < len(embed_texts):
            dense_parts.append(self.embedder.embed(embed_texts[embedded:]))
        dense = np.concatenate(dense_parts)
        vectors = [
            PointVectors(
                text=dense[i],
                sparse=self.bm25.document(embed_texts[i]),
                image=picture_vectors.get(i),
            )
            for i in range(len(chunks))
        ]
        blob = None
        if loaded.kind == "pdf":
            blob = f"blobs/{sha}.pdf"
            (self.settings.data_dir / blob).write_bytes(data)
        elif loaded.kind == "image":
            blob = f"blobs/{sha}{path.suffix.lower()}"
        record = DocumentRecord(
            doc_id=doc_id,
            file=path.name,
            path=str(path.resolve()),
            sha256=sha,
            kind=loaded.kind,
            pages=loaded.pages,
            chunks=len(chunks),
            images=images,
            bytes=len(data),
            ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
            blob=blob,
        )
        return record, chunks, vectors, images

    def _keep_image(self, part: PageImage, path: Path, data: bytes, sha: str, kind: str) -> str:
        """Keep the picture in the data directory so answers can show it."""
        if kind == "image":
            relative = f"blobs/{sha}{path.suffix.lower()}"
            target = self.settings.data_dir / relative
            if not target.exists():
                target.write_bytes(data)
            return relative
        relative = f"blobs/{sha}-{part.name}.png"
        image: Image.Image = part.image
        image.save(self.settings.data_dir / relative, format="PNG")
        return relative
