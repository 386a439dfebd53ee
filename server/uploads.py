"""Uploaded files into the index, one at a time, losing nothing when a file is bad.

An upload is kept under ``DATA_DIR/uploads/NAME`` (the name made safe, see ``stored_name``), so
uploading the same name again replaces that document. A file is staged first and only takes
the place of the previous upload once it is in the index: a corrupt or mislabelled replacement
leaves both the old file and its chunks as they were. Every file of a batch gets its outcome,
whatever happened to the files before it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import unicodedata
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from werkzeug.datastructures import FileStorage

from rag.collections import DEFAULT_COLLECTION, check_name
from rag.errors import RagError
from rag.types import DocumentRecord
from server.locks import KeyedLocks

log = logging.getLogger(__name__)

# File systems take names of up to 255 bytes.
MAX_NAME_BYTES = 255
# Control and format characters (newlines, bidi overrides), line and paragraph separators:
# invisible or line-breaking in any report that shows the name.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
# Characters that file systems refuse or read as structure.
_UNSAFE = re.compile(r'[:*?"<>|]')
_SPACES = re.compile(r"\s+")
_TAGGED = re.compile(r"~[0-9a-f]{8}(\.[^.]*)?$")
# uploads/@NAME/ holds the uploads of collection NAME; no stored name starts with "@" as a
# folder, so none collides with a kept file.
COLLECTION_FOLDER = "@"


class BadFileName(ValueError):
    """An upload's name cannot be a document's name; the message says why."""


def printable(name: str, limit: int = 120) -> str:
    """``name`` fit for one line of a report: invisible characters escaped, long ones cut."""
    shown = "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in _INVISIBLE else c for c in name
    )
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def stored_name(given: str) -> str:
    """The name an upload is kept (and listed) under; ``BadFileName`` when there is none.

    Letters of every script are kept (NFC-normalised). Folders are flattened into the name
    (``a/b.txt`` is ``a_b.txt``), invisible characters dropped, characters file systems refuse
    replaced. Whenever that changed the name, a short hash of the name as sent is added before
    the extension, so two different names never become one document.
    """
    name = unicodedata.normalize("NFC", given)
    cleaned = "".join(c for c in name if unicodedata.category(c) not in _INVISIBLE)
    parts = [p for p in re.split(r"[/\\]", cleaned) if p.strip() not in ("", ".", "..")]
    safe = _SPACES.sub(" ", _UNSAFE.sub("_", "_".join(parts))).strip(" .")
    if not safe:
        raise BadFileName("the file name has no usable characters; name the file, e.g. report.pdf")
    # A name sent already looking tagged is tagged again: it cannot take another's place.
    if safe != name or _TAGGED.search(safe):
        stem, dot, extension = safe.rpartition(".")
        if not stem:
            stem, dot, extension = safe, "", ""
        tag = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        safe = f"{stem}~{tag}{dot}{extension}"
    size = len(safe.encode("utf-8"))
    if size > MAX_NAME_BYTES:
        raise BadFileName(
            f"the file name is {size} bytes long in UTF-8; at most {MAX_NAME_BYTES} are "
            "accepted: give the file a shorter name"
        )
    return safe


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
    """Uploads and deletions of kept uploads, each holding only the locks of what it touches.

    An upload holds the lock of its name (so two uploads of one name, or an upload and the
    deletion of that document, take turns), then those of its content and of the content it
    replaces (so the pipeline's duplicate check sees a twin uploaded under another name).
    Uploads of other documents, deletions of other documents and questions go on meanwhile.
    """

    def __init__(self, service: RagService, directory: Path) -> None:
        self.service = service
        self.directory = directory
        self.locks = KeyedLocks()

    def ingest(
        self, files: list[FileStorage], *, collection: str = DEFAULT_COLLECTION
    ) -> list[UploadResult]:
        incoming = self.directory / ".incoming"
        incoming.mkdir(parents=True, exist_ok=True)
        return [self._outcome(f, incoming, collection) for f in files]

    def folder(self, collection: str) -> Path:
        """Where a collection's uploads are kept: the same name in two collections is two
        documents. ``default`` keeps the folder it had before collections existed."""
        if collection == DEFAULT_COLLECTION:
            return self.directory
        return self.directory / f"{COLLECTION_FOLDER}{check_name(collection)}"

    def _outcome(self, upload: FileStorage, incoming: Path, collection: str) -> UploadResult:
        """One file's result: a failure of this file never stops the files after it."""
        given = upload.filename or ""
        try:
            name = stored_name(given)
        except BadFileName as exc:
            return UploadResult(printable(given) or "(unnamed)", "failed", str(exc), "BadFileName")
        try:
            return self._one(upload, name, incoming, collection)
        except RagError as exc:  # the store or a model failed on this file
            log.warning("upload of %s failed: %s", name, exc)
            return UploadResult(name, "failed", str(exc), type(exc).__name__)
        except OSError as exc:
            log.warning("upload of %s could not be kept: %s", name, exc)
            reason = f"the file could not be stored: {exc.strerror or type(exc).__name__}"
            return UploadResult(name, "failed", reason, "StorageError")

    def _one(self, upload: FileStorage, name: str, incoming: Path, collection: str) -> UploadResult:
        # Staged and set-aside copies are named by uuid alone: the name may be 255 bytes.
        staged = incoming / uuid.uuid4().hex
        target = self.folder(collection) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        previous = incoming / f"{uuid.uuid4().hex}.previous"
        try:
            upload.save(staged)
            content = file_sha256(staged)
            with self.locks.hold([("name", _name_key(target))]):
                earlier = self._record_at(target)
                contents = {("content", content)}
                if earlier is not None:
                    contents.add(("content", earlier.sha256))
                with self.locks.hold(contents):
                    return self._replace_and_index(name, staged, target, previous, collection)
        finally:
            staged.unlink(missing_ok=True)
            previous.unlink(missing_ok=True)

    def _replace_and_index(
        self, name: str, staged: Path, target: Path, previous: Path, collection: str
    ) -> UploadResult:
        # The kept file is never missing: the earlier version gets a second name (a hard
        # link) and the new one takes its place in one rename. A restart finds either version
        # under the name, and the set-aside copy to go back to (see reconcile).
        if target.exists():
            try:
                os.link(target, previous)
            except OSError:  # a file system without hard links
                shutil.copy2(target, previous)
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

    def _record_at(self, path: Path) -> DocumentRecord | None:
        where = str(path.resolve())
        return next((d for d in self.service.documents() if d.path == where), None)

    @staticmethod
    def _restore(target: Path, previous: Path) -> None:
        """Put back what was there before this upload (or nothing, if it was new)."""
        if previous.exists():
            previous.replace(target)
        else:
            target.unlink(missing_ok=True)

    def is_kept(self, path: str | Path) -> bool:
        """A kept upload (of any collection), not a file of the user's own."""
        folder = Path(path).parent.resolve()
        uploads = self.directory.resolve()
        return folder == uploads or (
            folder.parent == uploads and folder.name.startswith(COLLECTION_FOLDER)
        )

    @contextmanager
    def deleting(self, record: DocumentRecord) -> Iterator[None]:
        """Hold what an upload of ``record``'s name or content would hold."""
        keys: list[tuple[str, str]] = []
        if self.is_kept(record.path):
            keys.append(("name", _name_key(Path(record.path))))
        with self.locks.hold(keys), self.locks.hold([("content", record.sha256)]):
            yield

    def forget(self, path: str) -> None:
        """Remove the kept upload of a deleted document; files elsewhere are the user's own."""
        if self.is_kept(path):
            Path(path).unlink(missing_ok=True)


def _name_key(kept: Path) -> str:
    """The lock an upload of this name and a deletion of its document share."""
    return str(kept.resolve())


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def clear_incoming(directory: Path) -> None:
    """Staged files of a server that stopped mid-upload are not documents."""
    shutil.rmtree(directory / ".incoming", ignore_errors=True)


@dataclass
class Reconciled:
    """What ``reconcile`` found and did to the kept uploads."""

    removed: list[str] = field(default_factory=list)  # kept files the index does not know
    restored: list[str] = field(default_factory=list)  # back to the version the index holds
    reingested: list[str] = field(default_factory=list)  # the index brought up to the file
    unreadable: list[str] = field(default_factory=list)  # could not be re-read: file removed

    def __bool__(self) -> bool:
        return bool(self.removed or self.restored or self.reingested or self.unreadable)

    def summary(self) -> str:
        parts = [
            f"{len(names)} {what} ({', '.join(printable(n) for n in names[:5])})"
            for what, names in (
                ("removed, not in the index", self.removed),
                ("restored to the indexed version", self.restored),
                ("re-ingested", self.reingested),
                ("removed, unreadable", self.unreadable),
            )
            if names
        ]
        return "kept uploads made to match the index: " + "; ".join(parts)


def reconcile(service: RagService, directory: Path) -> Reconciled:
    """Make the kept uploads match the index after a server stopped mid-upload or mid-delete.

    Run at start, before requests are taken. An upload's file takes its name before the index
    records it (the pipeline reads it from there), so a stop in between leaves a file the index
    does not know (removed: that upload was never acknowledged) or, for a replacement, the new
    version under a name the index still holds the old one of (the set-aside old version is put
    back; without one, the file is ingested so the index matches it).
    """
    done = Reconciled()
    if not directory.is_dir():
        return done
    records = {d.path: d for d in service.documents()}
    incoming = directory / ".incoming"
    set_aside = {}
    if incoming.is_dir():
        set_aside = {file_sha256(p): p for p in incoming.glob("*.previous") if p.is_file()}
    folders = [directory] + sorted(
        p for p in directory.iterdir() if p.is_dir() and p.name.startswith(COLLECTION_FOLDER)
    )
    kept_files = sorted(
        p for folder in folders for p in folder.iterdir() if p.is_file() and p.name[0] != "."
    )
    for kept in kept_files:
        record = records.get(str(kept.resolve()))
        if record is None:
            kept.unlink()
            done.removed.append(kept.name)
        elif file_sha256(kept) != record.sha256:
            if record.sha256 in set_aside:
                set_aside.pop(record.sha256).replace(kept)
                done.restored.append(kept.name)
            elif service.ingest([kept], collection=record.collection).results[0].status in (
                "ingested",
                "replaced",
            ):
                done.reingested.append(kept.name)
            else:  # the index keeps the version it has; no file claims to be it
                kept.unlink()
                done.unreadable.append(kept.name)
    clear_incoming(directory)
    if done:
        log.warning("%s", done.summary())
    return done
