"""Keep the index in step with folders: files added, changed, moved and deleted there are
ingested, replaced and removed through the same operations as ``rag ingest`` and ``rag delete``.

On start the folders are reconciled with the index, so changes made while nothing watched
(the watcher stopped, or killed) are caught up: records whose file is gone are removed, and
every file is ingested, which writes nothing for a file whose content hash matches its record.
Then file system events (watchdog) are collected and applied in batches once a burst of
changes has been quiet for the debounce interval, so a file written in pieces is read once.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from ingest.detect import SUPPORTED_EXTENSIONS
from ingest.pipeline import FileResult, IngestReport, discover
from rag.collections import DEFAULT_COLLECTION
from rag.errors import DocumentNotFoundError, RagError
from rag.types import DocumentRecord

log = logging.getLogger(__name__)

# Events that change nothing on disk.
_IGNORED_EVENTS = {"opened", "closed_no_write"}
# Under a steady stream of changes a batch still goes after this many debounce intervals.
MAX_WAIT_INTERVALS = 10


class IngestTarget(Protocol):
    """What the watcher drives: the facade's ingest, list and delete operations."""

    def ingest(
        self,
        paths: Sequence[Path],
        *,
        on_result: Callable[[FileResult], None] | None = None,
        collection: str = DEFAULT_COLLECTION,
    ) -> IngestReport: ...

    def documents(self, collections: Iterable[str] | None = None) -> list[DocumentRecord]: ...

    def delete(self, key: str, collections: Iterable[str] | None = None) -> DocumentRecord: ...


class FolderWatcher:
    def __init__(
        self,
        target: IngestTarget,
        folders: Iterable[Path],
        *,
        debounce_s: float,
        exclude: Iterable[Path] = (),
        on_result: Callable[[FileResult], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        collection: str = DEFAULT_COLLECTION,
    ) -> None:
        self.target = target
        # The files go into this collection, and only its documents are removed when their
        # files go: the same file may also be indexed in another collection.
        self.collection = collection
        self.roots = sorted({Path(folder).resolve() for folder in folders})
        self.exclude = [Path(path).resolve() for path in exclude]
        self.debounce_s = debounce_s
        self._on_result = on_result
        self._clock = clock
        self._changed = threading.Condition()
        self._pending: set[Path] = set()
        self._first_change = 0.0
        self._last_change = 0.0
        self._stopping = threading.Event()
        self._observer: Observer | None = None
        # Files not indexed because another file has their content: when that one goes, they
        # are indexed in its place.
        self._twins: dict[Path, str] = {}

    # Which paths count -------------------------------------------------------------------

    def _root_of(self, path: Path) -> Path | None:
        return next((root for root in self.roots if path.is_relative_to(root)), None)

    def wanted(self, path: Path, *, is_directory: bool = False) -> bool:
        """A path inside a watched folder, not hidden (as ``rag ingest`` skips dot files and
        folders), not in an excluded place (the data directory), of a type that is read."""
        root = self._root_of(path)
        if root is None or any(path.is_relative_to(place) for place in self.exclude):
            return False
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            return False
        return is_directory or path.suffix.lower() in SUPPORTED_EXTENSIONS

    def files(self) -> list[Path]:
        """Every file in the watched folders that is ingested."""
        found = discover(self.roots)
        return sorted(
            {f.path.resolve() for f in found if not f.skip and self.wanted(f.path.resolve())}
        )

    # Catching up ---------------------------------------------------------------------------

    def reconcile(self) -> IngestReport:
        """Bring the index in line with the folders as they are now."""
        started = self._clock()
        report = IngestReport()
        report.results += self._remove_gone(self.roots)
        report.results += self._ingest(self.files()).results
        report.seconds = self._clock() - started
        return report

    def _remove_gone(self, places: Iterable[Path]) -> list[FileResult]:
        """Remove the documents of files that no longer exist at or under ``places``."""
        removed = []
        places = list(places)
        for record in self.target.documents([self.collection]):
            path = Path(record.path)
            if not path.is_absolute() or path.exists():
                continue  # a URL, or a file still there
            if not any(path.is_relative_to(place) for place in places):
                continue
            try:
                self.target.delete(record.doc_id, [self.collection])
            except DocumentNotFoundError:
                continue  # removed meanwhile
            result = FileResult(record.path, "removed", chunks=record.chunks, doc_id=record.doc_id)
            removed.append(result)
            self._report(result)
        if removed:
            removed += self._reingest_twins({r.doc_id for r in removed})
        return removed

    def _ingest(self, paths: Sequence[Path]) -> IngestReport:
        report = self.target.ingest(list(paths), on_result=self._report, collection=self.collection)
        for result in report.results:
            path = Path(result.path).resolve()
            if result.status == "duplicate":
                self._twins[path] = result.doc_id
            else:
                self._twins.pop(path, None)
        return report

    def _reingest_twins(self, gone: set[str]) -> list[FileResult]:
        """Index the files that were skipped as copies of documents now removed."""
        waiting = sorted(p for p, twin in self._twins.items() if twin in gone and p.is_file())
        return self._ingest(waiting).results if waiting else []

    def _report(self, result: FileResult) -> None:
        if self._on_result is not None:
            self._on_result(result)

    # Watching ----------------------------------------------------------------------------

    def start(self) -> None:
        """Start collecting changes (before reconciling, so none made meanwhile is missed)."""
        handler = _Collector(self)
        self._observer = Observer()
        for root in self.roots:
            self._observer.schedule(handler, str(root), recursive=True)
        self._observer.start()

    def changed(self, paths: Iterable[Path]) -> None:
        """Note changed paths; they are applied once changes have been quiet for a while."""
        with self._changed:
            now = self._clock()
            if not self._pending:
                self._first_change = now
            self._pending.update(paths)
            self._last_change = now
            self._changed.notify_all()

    def run(self) -> None:
        """Apply batches of changes until ``stop``. A batch that fails is reported and the
        watching goes on; the next start catches up with what it missed."""
        while (batch := self._next_batch()) is not None:
            try:
                self.apply(batch)
            except RagError as exc:  # the store failed
                self._report(FileResult(_batch_name(batch), "failed", str(exc)))
            except Exception as exc:  # e.g. a folder that may not be read
                log.debug("applying %s failed", sorted(batch), exc_info=True)
                self._report(
                    FileResult(_batch_name(batch), "failed", f"{type(exc).__name__}: {exc}")
                )

    def _next_batch(self) -> set[Path] | None:
        """The changed paths once they have been quiet for the debounce interval (or have
        waited ``MAX_WAIT_INTERVALS`` of them); None when stopping."""
        with self._changed:
            while not self._stopping.is_set():
                if not self._pending:
                    self._changed.wait(timeout=0.5)
                    continue
                now = self._clock()
                quiet_for = now - self._last_change
                waited = now - self._first_change
                longest = self.debounce_s * MAX_WAIT_INTERVALS
                if quiet_for >= self.debounce_s or waited >= longest:
                    batch, self._pending = self._pending, set()
                    return batch
                self._changed.wait(timeout=min(self.debounce_s - quiet_for, longest - waited))
        return None

    def apply(self, paths: Iterable[Path]) -> None:
        """Apply changes at ``paths``: removals first, so a file moved inside the folders is
        not taken for a copy of its old place."""
        present, absent = [], []
        for path in sorted(set(paths)):
            (present if path.exists() else absent).append(path)
        if absent:
            self._remove_gone(absent)
        files: set[Path] = set()
        for path in present:
            if path.is_dir():  # a folder moved or copied in: everything in it
                found = discover([path])
                files.update(
                    f.path.resolve() for f in found if not f.skip and self.wanted(f.path.resolve())
                )
            elif path.is_file() and self.wanted(path):
                files.add(path)
        if files:
            self._ingest(sorted(files))

    def stop(self) -> None:
        self._stopping.set()
        with self._changed:
            self._changed.notify_all()

    def close(self) -> None:
        self.stop()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=10)
            self._observer = None


def _batch_name(batch: set[Path]) -> str:
    first = min(batch)
    return str(first) if len(batch) == 1 else f"{first} and {len(batch) - 1} more"


class _Collector(FileSystemEventHandler):
    """Turns watchdog's events into changed paths for the watcher."""

    def __init__(self, watcher: FolderWatcher) -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _IGNORED_EVENTS:
            return
        if event.is_directory and event.event_type in ("modified", "closed"):
            return  # a file inside changed: its own event says which
        paths = [event.src_path] + ([event.dest_path] if event.dest_path else [])
        wanted = [
            Path(os.fsdecode(p))
            for p in paths
            if self.watcher.wanted(Path(os.fsdecode(p)), is_directory=event.is_directory)
        ]
        if wanted:
            self.watcher.changed(wanted)
