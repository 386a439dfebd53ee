"""Locks by key, created on first use and dropped when nobody holds or waits for them."""

from __future__ import annotations

import threading
from collections.abc import Hashable, Iterable, Iterator
from contextlib import contextmanager


class KeyedLocks:
    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[Hashable, tuple[threading.Lock, int]] = {}

    def _take(self, key: Hashable) -> threading.Lock:
        with self._guard:
            lock, users = self._locks.get(key, (None, 0))
            if lock is None:
                lock = threading.Lock()
            self._locks[key] = (lock, users + 1)
            return lock

    def _leave(self, key: Hashable) -> None:
        with self._guard:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    @contextmanager
    def hold(self, keys: Iterable[Hashable]) -> Iterator[None]:
        """Hold the locks of ``keys``, taken in one order so that two holders never deadlock."""
        held: list[tuple[Hashable, threading.Lock]] = []
        try:
            for key in sorted(set(keys), key=repr):
                lock = self._take(key)
                try:
                    lock.acquire()
                except BaseException:
                    self._leave(key)
                    raise
                held.append((key, lock))
            yield
        finally:
            for key, lock in reversed(held):
                lock.release()
                self._leave(key)

    def __len__(self) -> int:
        with self._guard:
            return len(self._locks)
