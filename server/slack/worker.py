"""A bounded pool of daemon threads: Slack is answered at once, the work happens here.

``submit`` never blocks: when ``queue_size`` jobs are already waiting it returns False, so the
caller can say "busy" instead of letting the backlog grow without limit.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

_STOP = object()


class WorkerPool:
    def __init__(self, workers: int, queue_size: int, name: str) -> None:
        self._workers = workers
        self._name = name
        self._jobs: queue.Queue = queue.Queue(queue_size)
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._idle = threading.Condition()
        self._pending = 0  # submitted and not finished
        self._closed = False

    def submit(self, fn: Callable[..., Any], *args: Any) -> bool:
        """Queue ``fn(*args)``; False when the queue is full or the pool is closed."""
        with self._lock:
            if self._closed:
                return False
            self._start()
            with self._idle:
                try:
                    self._jobs.put_nowait((fn, args))
                except queue.Full:
                    return False
                self._pending += 1
        return True

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every submitted job has finished; False when ``timeout`` ran out first."""
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._pending:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(left)
        return True

    def close(self, timeout: float = 5.0) -> None:
        """Drop the jobs still waiting and stop the threads (a job under way finishes first)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            dropped = 0
            while True:
                try:
                    self._jobs.get_nowait()
                except queue.Empty:
                    break
                dropped += 1
            if dropped:
                log.warning("%s: %d queued jobs dropped at shutdown", self._name, dropped)
                self._finished(dropped)
            threads = list(self._threads)
        deadline = time.monotonic() + timeout
        # Idle threads wake on a stop mark; busy ones see the pool closed when their job ends.
        for _ in threads:
            try:
                self._jobs.put(_STOP, timeout=max(0.0, deadline - time.monotonic()))
            except queue.Full:
                break
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    def _start(self) -> None:
        """Start the threads on first use (called with the lock held)."""
        if self._threads:
            return
        for i in range(self._workers):
            thread = threading.Thread(target=self._run, name=f"{self._name}-{i}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is _STOP:
                return
            fn, args = job
            try:
                fn(*args)
            except Exception:
                # One failed job must not take a worker thread down with it.
                log.exception("%s: a job failed", self._name)
            finally:
                self._finished(1)
            if self._closed:
                return

    def _finished(self, count: int) -> None:
        with self._idle:
            self._pending -= count
            if not self._pending:
                self._idle.notify_all()
