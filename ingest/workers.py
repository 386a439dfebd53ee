"""Files loaded, read (OCR) and described in worker processes, written by one process.

``rag ingest --workers N`` (RAG_INGEST_WORKERS) hands the bytes of each file that needs
indexing to a pool of N processes. A worker runs the loader the writing process would run,
describes the file's pictures with its own models (loaded once per worker, on its first
picture) and sends back the parts with the pictures' texts. The writing process takes the
results in the order of the files, then chunks, embeds and stores them as it does its own:
the index is the same whatever N.

Threads: a worker runs ONNX Runtime, torch and OpenCV on at most ``cores // N`` threads
(RAG_OCR_THREADS and RAG_TORCH_THREADS lower that further), so that N workers ask for no
more threads than there are cores; the writing process keeps RAG_TORCH_THREADS for the
embedder, whose threads sleep while it waits for the workers.

Memory: at most two files per worker are read ahead of the one being written (and at most
``MAX_BYTES_AHEAD`` of them, beyond one file), whether in a worker or loaded and waiting.

A worker that dies (killed, out of memory, a crash in a native library) takes the pool with
it: the files it may have held are loaded again one at a time in a new pool, and a file that
stops its worker a second time fails with ``WorkerCrashedError``; the batch goes on.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import select
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from ingest.deadline import Deadline
from ingest.document import LoadedDocument, PageImage, Segment
from ingest.loading import doing, load_document, picture_text
from ingest.log_context import about_file, name_files_in_logs
from ingest.vision.describe import ImageDescriber, describer_from_settings
from rag.errors import IngestError, RagError
from rag.settings import Settings

log = logging.getLogger(__name__)

# Files in the pool or loaded and waiting for the writer, per worker: the second keeps a
# worker busy while the writer embeds the first.
IN_FLIGHT_PER_WORKER = 2
# Files read ahead of the writer (those indexed already included), per worker.
READ_AHEAD_PER_WORKER = 4
# File bytes held ahead of the writer, beyond the one file always allowed.
MAX_BYTES_AHEAD = 256 * 1024 * 1024
# Thread pools that read these when they start: set in a worker before its models load.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")

DescriberFactory = Callable[[Settings], ImageDescriber]


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), else the machine's."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # no affinity outside Linux
        return os.cpu_count() or 1


def threads_per_worker(workers: int, cores: int | None = None) -> int:
    """The threads each of ``workers`` processes may use: the cores shared out, at least one."""
    return max(1, (cores or available_cores()) // max(1, workers))


class WorkerCrashedError(IngestError):
    """The worker process loading a file stopped: killed, out of memory or crashed."""


class WorkerError(Exception):
    """An error a worker did not foresee, raised again in the writer under its type's name."""


@dataclass(frozen=True)
class LoadRequest:
    path: Path  # the file's name and type are read from it (its bytes are ``data``)
    shown: str  # how results name it
    kind: str
    data: bytes


@dataclass
class LoadedParts:
    """A file loaded in full: what ``LoadedDocument`` streams, as a list that pickles."""

    kind: str
    title: str
    pages: int
    info: dict[str, str]
    left_out: list[str]
    parts: list[Segment | PageImage]

    def document(self) -> LoadedDocument:
        return LoadedDocument(
            kind=self.kind,
            title=self.title,
            parts=iter(self.parts),
            pages=self.pages,
            info=self.info,
            left_out=self.left_out,
        )


def load_parts(
    request: LoadRequest,
    settings: Settings,
    describer: Callable[[], ImageDescriber],
    deadline: Deadline,
) -> LoadedParts:
    """Load a file and describe its pictures, all of it: a worker's work on one file."""
    with about_file(request.shown):
        return _load_parts(request, settings, describer, deadline)


def _load_parts(
    request: LoadRequest,
    settings: Settings,
    describer: Callable[[], ImageDescriber],
    deadline: Deadline,
) -> LoadedParts:
    loaded = load_document(request.path, request.kind, request.data, settings, describer, deadline)
    parts: list[Segment | PageImage] = []
    for part in loaded.parts:
        deadline.check(doing(part))
        if isinstance(part, PageImage):
            part = replace(part, described=picture_text(part, describer()))
        parts.append(part)
    return LoadedParts(
        loaded.kind, loaded.title, loaded.pages, dict(loaded.info), list(loaded.left_out), parts
    )


# In a worker process ----------------------------------------------------------------------


@dataclass
class _Outcome:
    """What a worker sends back for one file: its parts, or why there are none."""

    seconds: float  # spent on it, counted against the file's deadline
    loaded: LoadedParts | None = None
    error: RagError | None = None  # an IngestError fails the file, another RagError the batch
    unforeseen: tuple[str, str, str] | None = None  # type name, message, traceback

    def result(self) -> LoadedParts:
        if self.error is not None:
            raise self.error
        if self.unforeseen is not None:
            name, message, trace = self.unforeseen
            log.debug("in a worker process:\n%s", trace)
            raise type(name, (WorkerError,), {})(message)
        assert self.loaded is not None
        return self.loaded


@dataclass
class _Worker:
    settings: Settings
    factory: DescriberFactory
    _describer: ImageDescriber | None = field(default=None, repr=False)

    def describer(self) -> ImageDescriber:
        if self._describer is None:
            self._describer = self.factory(self.settings)
        return self._describer


_worker: _Worker | None = None


def exit_with(writer_pid: int) -> None:
    """End this process when the writing process ends, however it ends.

    A worker's parent is the fork server, not the writer: a writer killed outright (SIGKILL,
    out of memory) would otherwise leave its workers waiting for work, each holding its
    models. The watch is a pidfd, readable once the writer has exited (zombie or reaped),
    or where there is none, a check every second that the writer's PID still exists."""

    def watch() -> None:
        try:
            handle = os.pidfd_open(writer_pid)
        except (AttributeError, OSError):
            handle = None
        if handle is not None:
            select.select([handle], [], [])
            os._exit(1)
        while True:
            time.sleep(1.0)
            try:
                os.kill(writer_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # another user's process: the writer is still there
                pass

    threading.Thread(target=watch, name="exit-with-writer", daemon=True).start()


def _start_worker(
    settings: Settings,
    factory: DescriberFactory,
    threads: int,
    levels: dict[str, int],
    writer_pid: int | None = None,
) -> None:
    """Runs once in each worker process, before its first file."""
    if writer_pid is not None:
        exit_with(writer_pid)
    for name in THREAD_VARIABLES:
        given = os.environ.get(name, "")
        os.environ[name] = str(min(threads, int(given)) if given.isdigit() else threads)
    try:
        import cv2

        cv2.setNumThreads(threads)
    except ImportError:  # pragma: no cover - OpenCV comes with the face detector
        pass
    logging.basicConfig(
        level=levels.get("", logging.WARNING), format="%(levelname)s %(name)s: %(message)s"
    )
    name_files_in_logs()
    for name, level in levels.items():
        logging.getLogger(name or None).setLevel(level)
    capped = settings.model_copy(
        update={
            "ocr_threads": min(settings.ocr_threads, threads),
            "torch_threads": min(settings.torch_threads, threads),
        }
    )
    global _worker
    _worker = _Worker(capped, factory)


def _load_in_worker(request: LoadRequest) -> _Outcome:
    worker = _worker
    assert worker is not None, "_start_worker runs first"
    started = time.monotonic()
    deadline = Deadline(request.shown, worker.settings.max_ingest_seconds_per_file)
    try:
        loaded = load_parts(request, worker.settings, worker.describer, deadline)
    except RagError as exc:
        return _Outcome(time.monotonic() - started, error=_portable(exc))
    except Exception as exc:  # the writer reports it as it would its own
        trace = traceback.format_exc()
        return _Outcome(
            time.monotonic() - started, unforeseen=(type(exc).__name__, str(exc), trace)
        )
    return _Outcome(time.monotonic() - started, loaded=loaded)


def _portable(exc: RagError) -> RagError:
    """``exc``, or its message in a plain error of its family where it does not pickle."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        if isinstance(exc, IngestError):
            return IngestError(exc.path, exc.reason)
        return RagError(str(exc))
    return exc


def _log_levels() -> dict[str, int]:
    """The writer's log levels ("" for the root), for the workers to log as it does."""
    levels = {"": logging.getLogger().level}
    for name, logger in logging.Logger.manager.loggerDict.items():
        if isinstance(logger, logging.Logger) and logger.level != logging.NOTSET:
            levels[name] = logger.level
    return levels


def _context():
    """Fresh interpreters, not forks of a process that holds models, threads and the store's
    lock: forkserver where there is one (each worker forks from a process that has imported
    this module), spawn elsewhere."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


# In the writing process -------------------------------------------------------------------


@dataclass
class _Job:
    request: LoadRequest
    future: Future | None = None  # None: to be run alone (it was in a pool that broke)


def _succeeded(future: Future | None) -> bool:
    return (
        future is not None
        and future.done()
        and not future.cancelled()
        and future.exception() is None
    )


class ParallelLoads:
    """The files read ahead of the writer and loaded in worker processes, by number (their
    place in the batch). The writer reads with ``read``, takes each result with ``take``
    in its own order, and ``discard``s what it turned out not to need."""

    def __init__(
        self,
        settings: Settings,
        workers: int,
        describer: DescriberFactory = describer_from_settings,
        *,
        cores: int | None = None,
    ) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self.threads = threads_per_worker(self.workers, cores)
        self._factory = describer
        self.ahead = 0  # the number of the next file to read ahead
        self.crashes = 0  # times the pool broke
        self._kept: dict[int, bytes | Exception] = {}  # read ahead: the bytes, or why not
        self._jobs: dict[int, _Job] = {}
        self._suspects: set[int] = set()  # were in a pool that broke: run one at a time
        self._executor: ProcessPoolExecutor | None = None

    # Reading ahead -----------------------------------------------------------------------

    def room(self, writing: int) -> bool:
        """Whether the next file may be read while file ``writing`` is being written."""
        if self._suspects:  # find the file that stops its worker before reading on
            return False
        if self.ahead - writing > READ_AHEAD_PER_WORKER * self.workers:
            return False
        if len(self._jobs) >= IN_FLIGHT_PER_WORKER * self.workers:
            return False
        held = sum(len(kept) for kept in self._kept.values() if isinstance(kept, bytes))
        return held < MAX_BYTES_AHEAD

    def keep(self, number: int, read: bytes | Exception) -> None:
        """What reading file ``number`` ahead gave: its bytes, or the error to raise at its turn."""
        self._kept[number] = read

    def read(self, number: int, read: Callable[[], bytes]) -> bytes:
        """The bytes of file ``number``: those read ahead (or their error), else ``read()``."""
        kept = self._kept.pop(number, None)
        if kept is None:
            return read()
        if isinstance(kept, Exception):
            raise kept
        return kept

    # Loading -----------------------------------------------------------------------------

    def submit(self, number: int, request: LoadRequest) -> None:
        job = self._jobs[number] = _Job(request)
        try:
            job.future = self._pool().submit(_load_in_worker, request)
        except BrokenProcessPool:  # it broke since the last result came
            self._broken()

    def take(self, number: int, deadline: Deadline) -> LoadedDocument | None:
        """File ``number`` as its worker loaded it (None when it was not handed to one),
        its worker's time counted against ``deadline``. Raises what loading it raised."""
        job = self._jobs.get(number)
        if job is None:
            return None
        try:
            outcome = self._wait(number, job)
        finally:
            self._jobs.pop(number, None)
            self._suspects.discard(number)
        deadline.spend(outcome.seconds)
        return outcome.result().document()

    def discard(self, number: int) -> None:
        """File ``number`` is done with: drop what is kept of it, cancel it if not started."""
        self._kept.pop(number, None)
        self._suspects.discard(number)
        job = self._jobs.pop(number, None)
        if job is not None and job.future is not None:
            job.future.cancel()

    def close(self) -> None:
        self._kept.clear()
        self._jobs.clear()
        self._suspects.clear()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _wait(self, number: int, job: _Job) -> _Outcome:
        while True:
            alone = job.future is None
            if alone:  # the only file in the pool: if the pool breaks, this file broke it
                job.future = self._pool().submit(_load_in_worker, job.request)
            assert job.future is not None
            try:
                return job.future.result()
            except BrokenProcessPool:
                self._broken(quiet=alone)
                if alone:
                    raise WorkerCrashedError(
                        job.request.shown,
                        "the worker process loading it stopped abruptly, also when it was "
                        "the only file loading (killed, out of memory, or a crash in a "
                        "native library)",
                    ) from None

    def _broken(self, *, quiet: bool = False) -> None:
        """The pool broke: every file without a result in it is to be loaded again, alone."""
        self.crashes += 1
        again = [n for n, job in self._jobs.items() if not _succeeded(job.future)]
        for number in again:
            self._jobs[number].future = None
            self._suspects.add(number)
        if not quiet:
            log.warning(
                "a worker process stopped abruptly; loading again, one at a time, the %d "
                "file(s) it may have been loading",
                len(again),
            )
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=_context(),
                initializer=_start_worker,
                initargs=(self.settings, self._factory, self.threads, _log_levels(), os.getpid()),
            )
        return self._executor
