"""Run an iterator on a background thread so producing overlaps with consuming.

Parsing a PDF page is pure Python and holds the GIL; embedding releases it inside torch, so
producing pages ahead of the embedder keeps both cores busy.
"""

from __future__ import annotations

import contextvars
import queue
import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
_DONE = object()


def prefetch(items: Iterable[T], maxsize: int = 8) -> Iterator[T]:
    buffer: queue.Queue = queue.Queue(maxsize=maxsize)
    stop = threading.Event()

    def put(entry: tuple) -> bool:
        while not stop.is_set():
            try:
                buffer.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((item, None)):
                    return
            put((_DONE, None))
        except BaseException as exc:  # handed to the consumer, raised there
            put((_DONE, exc))

    # The producer runs in the caller's context, so that what it logs names the file the
    # caller is ingesting (``ingest.log_context``).
    context = contextvars.copy_context()
    thread = threading.Thread(
        target=context.run, args=(produce,), name="ingest-prefetch", daemon=True
    )
    thread.start()
    try:
        while True:
            item, error = buffer.get()
            if item is _DONE:
                if error is not None:
                    raise error
                return
            yield item
    finally:
        stop.set()
        thread.join(timeout=5)
