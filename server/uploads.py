"""Uploaded files into the index, one at a time, losing nothing when a file is bad.

An upload is kept under ``DATA_DIR/uploads/NAME`` (the name sanitised), so uploading the same
name again replaces that document. A file is staged first and only takes the place of the
previous upload once it is in the index: a corrupt or mislabelled replacement leaves both the
old file and its chunks as they were.
"""

from __future__ import annotations

import shutil
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from rag.collections import DEFAULT_COLLECTION, check_name

COLLECTION_FOLDER = "@"  # uploads/@NAME/ holds the uploads of collection NAME

if TYPE_CHECKING:
    from rag.service import RagService


@dataclass
class UploadResult:
    file: str
    status: str  # ingested | replaced | unchanged | duplicate | failed
    reason: str | None = None
    error: str | None = None  # the error class of a failure (UnsupportedFileError, ...)
    doc_id: str | None = None
    kind: str | None = None
    pages: int = 0
    images: int = 0
    chunks: int = 0

    def to_dict(self) -> dict:
        return dict(self.__dict__)


class Uploads:
    def __init__(self, service: RagService, directory: Path) -> None:
        self.service = service
        self.directory = directory
        # The pipeline reads the document list once per batch: two batches at once could both
        # think a name is new. Queries go on meanwhile.
        self.lock = threading.Lock()

    def ingest(
        self, files: list[FileStorage], *, collection: str = DEFAULT_COLLECTION
    ) -> list[UploadResult]:
        incoming = self.directory / ".incoming"
        incoming.mkdir(parents=True, exist_ok=True)
        with self.lock:
            return [self._one(f, incoming, collection) for f in files]

    def folder(self, collection: str) -> Path:
        """Where a collection's uploads are kept: the same name in two collections is two
        documents. ``default`` keeps the folder it had before collections existed; the others'
        folders start with ``@``, which no sanitised upload name holds, so none collides."""
        if collection == DEFAULT_COLLECTION:
            return self.directory
        return self.directory / f"{COLLECTION_FOLDER}{check_name(collection)}"

    def _one(self, upload: FileStorage, incoming: Path, collection: str) -> UploadResult:
        given = upload.filename or ""
        name = secure_filename(given)
        if not name:
            return UploadResult(
                given or "(unnamed)",
                "failed",
                "the file name has no usable characters; name the file, e.g. report.pdf",
                error="BadFileName",
            )
        staged = incoming / f"{uuid.uuid4().hex}-{name}"
        target = self.folder(collection) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        previous = self.directory / ".incoming" / f"{uuid.uuid4().hex}-previous-{name}"
        try:
            upload.save(staged)
            if target.exists():
                target.replace(previous)
            staged.replace(target)
            try:
                result = self.service.ingest([target], collection=collection).results[0]
            except BaseException:
                self._restore(target, previous)
                raise
            if result.status == "failed":
                self._restore(target, previous)
            elif result.status == "duplicate":
                # Indexed under the first copy's name; an earlier upload of this name has been
                # dropped from the index by the pipeline, so its file goes too.
                target.unlink(missing_ok=True)
            return UploadResult(
                name,
                result.status,
                result.reason or None,
                result.error or None,
                result.doc_id or None,
                result.kind or None,
                result.pages,
                result.images,
                result.chunks,
            )
        finally:
            staged.unlink(missing_ok=True)
            previous.unlink(missing_ok=True)

    @staticmethod
    def _restore(target: Path, previous: Path) -> None:
        """Put back what was there before this upload (or nothing, if it was new)."""
        target.unlink(missing_ok=True)
        if previous.exists():
            previous.replace(target)

    def forget(self, path: str) -> None:
        """Remove the kept upload of a deleted document; files elsewhere are the user's own."""
        kept = Path(path)
        folder = kept.parent.resolve()
        uploads = self.directory.resolve()
        if folder == uploads or (
            folder.parent == uploads and folder.name.startswith(COLLECTION_FOLDER)
        ):
            with self.lock:
                kept.unlink(missing_ok=True)


def clear_incoming(directory: Path) -> None:
    """Staged files of a server that stopped mid-upload are not documents."""
    shutil.rmtree(directory / ".incoming", ignore_errors=True)
