"""One owner per embedded index: an exclusive lock file, taken before the shard is touched.

Qdrant Edge locks its write-ahead log too, but only once the shard is being loaded, and a
second process that gets that far has already opened (and can damage) files the owner is
writing. This lock is checked first: a second process is refused without opening anything
of the index, and is told which process holds it.

``flock`` locks belong to an open file, so the kernel releases them when the owner exits,
however it exits (a kill -9 included): a stale lock file never blocks the next owner.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from rag.errors import StoreLockedError


class IndexOwner:
    """An exclusive, non-blocking lock on ``path``, holding the owner's PID while held."""

    def __init__(self, path: Path, *, what: Path | None = None) -> None:
        self.path = Path(path)
        self.what = what or self.path.parent  # named in the message to a refused process
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock, or raise ``StoreLockedError`` at once naming the process holding it."""
        if self._fd is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # No O_TRUNC: a refused process must not erase the owner's PID.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _wait_for_pid(fd)
            os.close(fd)
            by = f"another process, PID {holder}" if holder else "another process"
            raise StoreLockedError(
                f"the index at {self.what} is in use by {by} (a running `rag serve` or "
                "`rag ingest`): stop it and try again"
            ) from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        """Let the next owner in; the file stays (removing it would race a new owner)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _wait_for_pid(fd: int, patience_s: float = 0.2) -> int | None:
    """The holder's PID. A process that has just taken the lock writes it a moment later, and
    two processes started together reach the lock in that moment: wait for it, briefly."""
    deadline = time.monotonic() + patience_s
    while (holder := _read_pid(fd)) is None and time.monotonic() < deadline:
        time.sleep(0.005)
    return holder


def _read_pid(fd: int) -> int | None:
    text = os.pread(fd, 32, 0).decode(errors="replace").strip()
    return int(text) if text.isdigit() else None
