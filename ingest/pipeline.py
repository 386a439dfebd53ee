"""The ingest pipeline: find files, skip what is already indexed, load, chunk, describe,
vectorise, store (through the index).

A file is written to the store only once it is fully parsed and embedded, and ``Index.add``
writes it so that its document record is the commit: a file that fails part-way, or a process
killed part-way, leaves the index as it was (the next ingest collects what was left behind).
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image

from ingest.chunking import Chunker, Piece
from ingest.deadline import Deadline
from ingest.detect import SUPPORTED_EXTENSIONS, detect_kind
from ingest.document import LoadedDocument, PageImage, Segment
from ingest.loaders.text import MARKDOWN_SUFFIXES
from ingest.loading import doing, load_document, picture_text
from ingest.log_context import about_file
from ingest.prefetch import prefetch
from ingest.progress import BarFactory, PageProgress
from ingest.vision.describe import ImageDescriber, describer_from_settings
from ingest.workers import DescriberFactory, LoadRequest, ParallelLoads
from rag.collections import DEFAULT_COLLECTION, check_name, restrict
from rag.errors import EmptyFileError, FileTooLargeError, IngestError, RagError
from rag.fetch import FetchLimits, fetch
from rag.headings import SectionTracker, headings_of
from rag.index import Index
from rag.printable import printable
from rag.store import PointVectors
from rag.types import Chunk, DocumentRecord

log = logging.getLogger(__name__)


@dataclass
class FileResult:
    path: str
    status: str  # ingested | replaced | unchanged | duplicate | skipped | failed | removed (watch)
    reason: str = ""
    kind: str = ""
    pages: int = 0
    images: int = 0
    chunks: int = 0
    doc_id: str = ""
    error: str = ""  # the IngestError class of a failure: says which kind of bad input it was
    # What was left out of an ingested file and why (a picture over the pixel limit).
    left_out: list[str] = field(default_factory=list)

    def report_lines(self) -> list[str]:
        """The lines an ingest report prints for this file: a failure, a skip (except files
        indexed already) and what was left out of it; none for a file simply ingested. Names
        and reasons are escaped: a newline in a file name cannot start a line of its own."""
        path = printable(self.path)
        if self.status == "failed":
            return [f"FAILED  {path}: {printable(self.reason)}"]
        if self.status == "skipped":
            return [f"SKIPPED  {path}: {printable(self.reason)}"]
        return [f"LEFT OUT  {path}: {printable(item)}" for item in self.left_out]


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
    return source_id(str(path.resolve()))


def source_id(source: str, collection: str = DEFAULT_COLLECTION) -> str:
    """The id of the document from ``source`` (a resolved path, or a URL) in ``collection``:
    the same file ingested into two collections is two documents."""
    if collection != DEFAULT_COLLECTION:
        source = f"{collection}\n{source}"
    return hashlib.sha1(source.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Found:
    """A file to ingest, or an entry of a walked folder that is skipped (``skip`` says why)."""

    path: Path
    explicit: bool  # named by the user, not found in a folder
    skip: str = ""
    # A regular file found in a folder: opened without following a link, so one swapped in
    # after the walk cannot lead out of the folder.
    no_follow: bool = False


def discover(paths: Iterable[Path], *, follow_symlinks: bool = False) -> list[Found]:
    """What to ingest: files named, and the files of folders walked recursively (hidden
    entries left out). A symbolic link in a folder is followed only where it leads inside
    that folder, unless ``follow_symlinks``; what is not followed is listed with the reason."""
    found: list[Found] = []
    for path in paths:
        if path.is_dir():
            root = path.resolve()
            walked = list(_walk(path, root, follow_symlinks, {root}))
            found += sorted(walked, key=lambda f: f.path)
        else:
            found.append(Found(path, True))
    return found


def _walk(folder: Path, root: Path, follow: bool, seen: set[Path]) -> Iterable[Found]:
    try:
        children = sorted(folder.iterdir())
    except OSError as exc:
        yield Found(folder, False, f"folder cannot be read: {exc.strerror or exc}")
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_symlink():
            target = child.resolve()
            if not target.exists():
                yield Found(child, False, f"broken symbolic link (to {target})")
                continue
            if not follow and not target.is_relative_to(root):
                yield Found(
                    child,
                    False,
                    f"symbolic link to {target}, outside the folder: not followed "
                    "(--follow-symlinks or RAG_FOLLOW_SYMLINKS follows it)",
                )
                continue
            if target.is_dir():
                if target in seen or target.is_relative_to(root):
                    # Its files are walked where they are; a loop would never end.
                    yield Found(child, False, f"symbolic link to folder {target}, walked already")
                    continue
                seen.add(target)
                yield from _walk(child, root, follow, seen)
                continue
            if target.is_file():
                yield Found(child, False)
                continue
        elif child.is_dir():
            yield from _walk(child, root, follow, seen)
            continue
        elif child.is_file():
            yield Found(child, False, no_follow=True)
            continue
        yield Found(child, False, "not a regular file (a pipe, socket or device)")


@dataclass
class _File:
    """One file being ingested: where it is, its bytes and what its loader makes of it."""

    path: Path
    data: bytes
    sha256: str
    doc_id: str
    loaded: LoadedDocument
    source: str  # where it came from, as the record keeps it: the resolved path, or the URL
    collection: str = DEFAULT_COLLECTION

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
    sections: SectionTracker = field(default_factory=SectionTracker)

    def add(
        self,
        piece: Piece,
        page: int | None,
        modality: str,
        *,
        image: str | None = None,
        picture: Image.Image | None = None,
        page_label: str | None = None,
        context: str = "",
        headings: str = "",
    ) -> None:
        """``context`` is embedded before the piece's text and not stored with it: what a
        piece cut from the middle of a picture's text is found by (the figure's caption).
        ``headings`` (the sections the piece stands under) are stored and not embedded: in
        every chunk of a man page, "OPTIONS" would rank other man pages' options higher."""
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
                page_label=page_label,
                collection=f.collection,
                headings=headings,
            )
        )
        self._texts.append("\n".join(t for t in (f.header, context, piece.text) if t))
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
            # The reader's sentence vectors travel in the chunks' payload.
            chunks, vectors = index.vectorise_chunks(
                self.chunks[done : done + count], self._texts[:count], self._pictures[:count]
            )
            self.chunks[done : done + count] = chunks
            self.vectors += vectors
            del self._texts[:count], self._pictures[:count]


class Ingestor:
    def __init__(
        self,
        index: Index,
        describer: Callable[[], ImageDescriber],
        *,
        workers: int = 1,
        worker_describer: DescriberFactory = describer_from_settings,
    ) -> None:
        """``workers`` above 1 loads and describes files in that many worker processes
        (``ingest.workers``), each describing with ``worker_describer(settings)``; this
        process stays the one that embeds and writes, in the order of the files."""
        self.index = index
        self.settings = index.settings
        self._describer_factory = describer
        self._describer: ImageDescriber | None = None
        self.chunker = Chunker(self.settings.chunk_size, self.settings.chunk_overlap)
        self._progress: PageProgress | None = None  # the bar of the batch under way
        self._collection = DEFAULT_COLLECTION  # where the batch under way goes
        self.workers = max(1, workers)
        self._worker_describer = worker_describer
        self._loads: ParallelLoads | None = None  # the worker processes of the batch under way

    @property
    def describer(self) -> ImageDescriber:
        if self._describer is None:
            self._describer = self._describer_factory()
        return self._describer

    def ingest(
        self,
        paths: Sequence[Path],
        *,
        urls: Sequence[str] = (),
        progress: bool = False,
        on_result: Callable[[FileResult], None] | None = None,
        bar: BarFactory | None = None,
        collection: str = DEFAULT_COLLECTION,
    ) -> IngestReport:
        """Ingest files and folders, then ``urls`` (fetched within the ``RAG_URL_*`` limits),
        into ``collection``; ``progress`` shows a bar counted in pages (``bar`` makes it, tqdm
        by default). Unchanged and duplicate content is looked for in that collection only."""
        started = time.perf_counter()
        report = IngestReport()
        self._collection = check_name(collection)
        found = discover((Path(p) for p in paths), follow_symlinks=self.settings.follow_symlinks)
        items: list[Found | str] = [*found, *urls]
        self.index.recover()  # what a killed ingest left, before this one writes anything
        in_collection = restrict(None, [collection])
        documents = {d.doc_id: d for d in self.index.documents(in_collection)}
        self._progress = PageProgress(
            [(i, True) if isinstance(i, str) else (i.path, i.explicit) for i in items],
            enabled=progress,
            bar=bar,
        )
        self._loads = self._parallel_loads(items)
        try:
            for number, item in enumerate(items):
                if self._loads is not None:
                    self._read_ahead(items, number, documents, self._loads)
                self._progress.start_file(number, item if isinstance(item, str) else item.path)
                if isinstance(item, str):
                    result = self._ingest_url(item, documents)
                elif item.skip:
                    result = FileResult(str(item.path), "skipped", item.skip)
                else:
                    result = self._ingest_one(item, documents, number)
                if self._loads is not None:
                    self._loads.discard(number)
                self._progress.finish_file()
                report.results.append(result)
                if on_result is not None:
                    on_result(result)
        finally:
            if self._loads is not None:
                self._loads.close()
                self._loads = None
            self._progress.close()
            self._progress = None
        report.seconds = time.perf_counter() - started
        return report

    # Worker processes --------------------------------------------------------------------

    def _parallel_loads(self, items: Sequence[Found | str]) -> ParallelLoads | None:
        """Worker processes for a batch of more than one file, when more than one is asked."""
        files = sum(1 for item in items if isinstance(item, Found) and not item.skip)
        if self.workers < 2 or files < 2:
            return None
        return ParallelLoads(self.settings, min(self.workers, files), self._worker_describer)

    def _read_ahead(
        self,
        items: Sequence[Found | str],
        writing: int,
        documents: dict[str, DocumentRecord],
        loads: ParallelLoads,
    ) -> None:
        """Read the files after file ``writing`` and hand those that need loading to the
        workers, as far as ``loads`` has room. What is read or decided here is only a head
        start: each file is still checked (unchanged, duplicate, type) at its turn."""
        while loads.ahead < len(items) and loads.room(writing):
            number = loads.ahead
            loads.ahead += 1
            item = items[number]
            if isinstance(item, str) or item.skip or not self._wanted(item):
                continue  # URLs are fetched and loaded at their turn
            try:
                data = self._read(item.path, no_follow=item.no_follow)
            except (IngestError, OSError) as exc:
                loads.keep(number, exc)
                continue
            loads.keep(number, data)
            sha = hashlib.sha256(data).hexdigest()
            if any(d.sha256 == sha for d in documents.values()):
                continue  # unchanged, or a duplicate: nothing to load
            try:
                kind = detect_kind(item.path, data[:4096])
            except Exception:  # reported at its turn
                continue
            loads.submit(number, LoadRequest(item.path, str(item.path), kind, data))

    @staticmethod
    def _wanted(found: Found) -> bool:
        return found.explicit or found.path.suffix.lower() in SUPPORTED_EXTENSIONS

    # One file ----------------------------------------------------------------------------

    def _ingest_one(
        self, found: Found, documents: dict[str, DocumentRecord], number: int | None = None
    ) -> FileResult:
        path = found.path
        if not self._wanted(found):
            return FileResult(str(path), "skipped", f"unsupported file type '{path.suffix}'")
        try:
            if self._loads is not None and number is not None:
                data = self._loads.read(number, lambda: self._read(path, no_follow=found.no_follow))
            else:
                data = self._read(path, no_follow=found.no_follow)
        except IngestError as exc:
            return FileResult(str(path), "failed", exc.reason, error=type(exc).__name__)
        except OSError as exc:  # e.g. a folder on the way that may not be entered
            return FileResult(str(path), "failed", f"cannot read: {exc.strerror or exc}")
        with about_file(str(path)):  # what the loader logs names the file
            return self._ingest_data(path, str(path), str(path.resolve()), data, documents, number)

    def _ingest_url(self, url: str, documents: dict[str, DocumentRecord]) -> FileResult:
        """Fetch ``url`` and ingest its bytes as a file of the name the URL gives it."""
        try:
            fetched = fetch(url, FetchLimits.of(self.settings))
        except IngestError as exc:
            return FileResult(url, "failed", exc.reason, error=type(exc).__name__)
        with about_file(url):
            return self._ingest_data(Path(fetched.name), url, url, fetched.data, documents)

    def _ingest_data(
        self,
        path: Path,
        shown: str,
        source: str,
        data: bytes,
        documents: dict[str, DocumentRecord],
        number: int | None = None,
    ) -> FileResult:
        """Ingest the bytes of one file: ``path`` is what its type and name are read from,
        ``shown`` how results name it, ``source`` where the record says it came from;
        ``number`` is its place in the batch, where a worker may have loaded it."""
        deadline = Deadline(shown, self.settings.max_ingest_seconds_per_file)
        try:
            sha = hashlib.sha256(data).hexdigest()
            doc_id = source_id(source, self._collection)
            previous = documents.get(doc_id)
            if previous is not None and previous.sha256 == sha:
                return FileResult(shown, "unchanged", "already indexed", doc_id=doc_id)
            twin = next(
                (d for d in documents.values() if d.sha256 == sha and d.doc_id != doc_id), None
            )
            if twin is not None:
                if previous is not None:
                    # This path's old content is gone; its new content is indexed elsewhere.
                    self.index.forget(previous)
                    del documents[doc_id]
                return FileResult(
                    shown, "duplicate", f"same content as {twin.path}", doc_id=twin.doc_id
                )
            kind = detect_kind(path, data[:4096])
            loaded = self._loaded(number, path, kind, data, deadline)
            file = _File(path, data, sha, doc_id, loaded, source, self._collection)
            try:
                cut = self._vectorised_chunks(file, deadline)
                record = self._record(file, cut)
                self.index.add(record, cut.chunks, cut.vectors, replaces=previous)
            except BaseException:
                # Pictures kept on the way belong to no document, unless a document of another
                # collection holds the same content (and so the same pictures).
                if self.index.find(sha) is None:
                    self.index.blobs.remove(sha)
                raise
            documents[doc_id] = record
        except IngestError as exc:
            return FileResult(shown, "failed", exc.reason, error=type(exc).__name__)
        except RagError:
            raise  # the store or a model failed: the rest of the batch would fail the same way
        except Exception as exc:  # a loader hit something it did not foresee: report, go on
            log.debug("ingest of %s failed", shown, exc_info=True)
            return FileResult(shown, "failed", f"unexpected error: {type(exc).__name__}: {exc}")
        return FileResult(
            shown,
            "replaced" if previous is not None else "ingested",
            kind=record.kind,
            pages=record.pages,
            images=cut.images,
            chunks=len(cut.chunks),
            doc_id=doc_id,
            left_out=list(file.loaded.left_out),
        )

    def _read(self, path: Path, *, no_follow: bool = False) -> bytes:
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
            # Non-blocking: a pipe named like a file must not hang the batch.
            flags = os.O_RDONLY | os.O_NONBLOCK | (os.O_NOFOLLOW if no_follow else 0)
            with os.fdopen(os.open(path, flags), "rb") as opened:
                if not stat.S_ISREG(os.fstat(opened.fileno()).st_mode):
                    raise IngestError(name, "not a regular file")
                return opened.read()
        except OSError as exc:
            if no_follow and exc.errno == errno.ELOOP:
                raise IngestError(name, "became a symbolic link while the folder was read") from exc
            raise IngestError(name, f"cannot read: {exc.strerror or exc}") from exc

    def _loaded(
        self, number: int | None, path: Path, kind: str, data: bytes, deadline: Deadline
    ) -> LoadedDocument:
        """The file as a worker loaded it, where one did; else loaded here."""
        if self._loads is not None and number is not None:
            loaded = self._loads.take(number, deadline)
            if loaded is not None:
                return loaded
        return self._load(path, kind, data, deadline)

    def _load(self, path: Path, kind: str, data: bytes, deadline: Deadline) -> LoadedDocument:
        return load_document(path, kind, data, self.settings, lambda: self.describer, deadline)

    def _vectorised_chunks(self, file: _File, deadline: Deadline) -> _Chunks:
        """Chunk the file's parts as the loader streams them, vectorising full batches while
        the prefetch thread parses ahead (parsing holds the GIL, embedding releases it).
        The deadline is checked between parts and between batches."""
        cut = _Chunks(file)
        batch = self.index.embedder.batch_size
        if self._progress is not None:
            self._progress.pages_found(file.loaded.pages)
        for part in prefetch(file.loaded.parts):
            if self._progress is not None:
                self._progress.reached_page(part.page)
            deadline.check(doing(part))
            self._chunk(part, cut)
            while cut.waiting >= batch:
                deadline.check(f"embedding chunk {len(cut.vectors) + 1} of {len(cut.chunks)}")
                cut.vectorise(self.index, batch)
        if not cut.chunks:
            raise EmptyFileError(str(file.path), "no text or pictures found")
        deadline.check(f"embedding chunk {len(cut.vectors) + 1} of {len(cut.chunks)}")
        cut.vectorise(self.index)
        return cut

    def _chunk(self, part: Segment | PageImage, cut: _Chunks) -> None:
        """A text segment is split into chunks; a picture is kept, described and its text split."""
        if isinstance(part, Segment):
            # A whole document's text (not a page's) is read section by section.
            sections = part.page is None and not part.ocr
            markdown = cut.file.path.suffix.lower() in MARKDOWN_SUFFIXES
            found = list(headings_of(part.text, markdown=markdown)) if sections else []
            for piece in self.chunker.split(part.text):
                above = cut.sections.above(found, piece.start) if sections else ""
                if part.offset:
                    piece = Piece(piece.text, part.offset + piece.start, part.offset + piece.end)
                cut.add(piece, part.page, "text", page_label=part.page_label, headings=above)
            cut.sections.passed(found)
        elif isinstance(part, PageImage):
            cut.images += 1
            kept = self._keep_picture(part, cut.file)
            # Held until vectorised only where an image vector is made from it.
            picture = part.image if self.index.image_embedder is not None else None
            text = part.described
            if text is None:  # not described by a worker
                text = picture_text(part, self.describer)
            # A picture's text cut in pieces (a screenshot full of text): every piece is found
            # by the caption, or the sentence that announces the picture, as the first one is.
            heading = part.caption or part.lead_in
            for piece in self.chunker.split(text):
                cut.add(
                    piece,
                    part.page,
                    "image",
                    image=kept,
                    picture=picture,
                    page_label=part.page_label,
                    context=heading if heading not in piece.text else "",
                )

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
            path=file.source,
            sha256=file.sha256,
            kind=file.loaded.kind,
            pages=file.loaded.pages,
            chunks=len(cut.chunks),
            images=cut.images,
            bytes=len(file.data),
            ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
            blob=self._keep_original(file),
            collection=file.collection,
        )
