"""Conversations of the chat API: ids to the turns a follow-up question is read with.

Kept in SQLite (``DATA_DIR/conversations.sqlite3``, WAL mode), so a conversation goes on after
the server restarts. Bounded: past ``max_conversations`` the least recently used one is
forgotten, one unused for ``max_age_s`` is expired, and each keeps only the last turns a
follow-up sees. Clients get a 404 for an id the server no longer knows and start a new one.

One connection per store, used under a lock (a connection is not safe for concurrent use); the
database file may also be shared by other processes (several ``rag serve`` on one data
directory), which WAL and a busy timeout make wait for each other rather than fail.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from werkzeug.exceptions import NotFound

from rag.errors import StoreError
from rag.generators import Turn

FILE_NAME = "conversations.sqlite3"
BUSY_TIMEOUT_MS = 10_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    created REAL NOT NULL,
    used REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_by_use ON conversations (used);
CREATE TABLE IF NOT EXISTS turns (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    role TEXT NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
"""


class Conversations:
    def __init__(
        self,
        *,
        max_conversations: int,
        keep_turns: int,
        path: Path | None = None,
        max_age_s: float = 0.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """``path`` None keeps them in memory only (gone with the object)."""
        self._max = max_conversations
        self._keep = keep_turns
        self._path = path
        self._max_age = max_age_s
        self._clock = clock
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    # The database ------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        target = ":memory:"
        if self._path is not None:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            target = str(self._path)
        db = sqlite3.connect(
            target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if self._path is not None:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")  # durable at each checkpoint, never torn
        db.execute("PRAGMA foreign_keys = ON")
        db.executescript(_SCHEMA)
        return db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; IMMEDIATE takes the write lock up front, so two writers
        queue on the busy timeout instead of one failing when it tries to upgrade."""
        with self._lock:
            try:
                if self._db is None:
                    self._db = self._open()
                db = self._db
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(f"conversation store {self._where}: {exc}") from exc
            try:
                yield db
                db.execute("COMMIT")
            except BaseException as exc:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(f"conversation store {self._where}: {exc}") from exc
                raise

    @property
    def _where(self) -> str:
        return str(self._path) if self._path is not None else "(in memory)"

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    # The interface of the chat routes ----------------------------------------------------

    def start(self) -> str:
        conversation_id = uuid.uuid4().hex
        now = self._clock()
        with self._transaction() as db:
            db.execute(
                "INSERT INTO conversations (id, created, used) VALUES (?, ?, ?)",
                (conversation_id, now, now),
            )
            self._prune(db, now)
        return conversation_id

    def history(self, conversation_id: str) -> list[Turn]:
        now = self._clock()
        with self._transaction() as db:
            if not self._alive(db, conversation_id, now):
                raise NotFound(
                    f"unknown conversation_id {conversation_id!r}: it expired or never existed; "
                    "send the question without conversation_id to start a new one"
                )
            db.execute("UPDATE conversations SET used = ? WHERE id = ?", (now, conversation_id))
            rows = db.execute(
                "SELECT role, content FROM turns WHERE conversation_id = ? ORDER BY seq",
                (conversation_id,),
            ).fetchall()
        return [Turn(role, content) for role, content in rows]

    def record(self, conversation_id: str, question: str, answer: str) -> None:
        now = self._clock()
        with self._transaction() as db:
            if not self._alive(db, conversation_id, now):
                return  # forgotten while the answer was written: nothing to add to
            (last,) = db.execute(
                "SELECT COALESCE(MAX(seq), 0) FROM turns WHERE conversation_id = ?",
                (conversation_id,),
            ).fetchone()
            db.executemany(
                "INSERT INTO turns (conversation_id, seq, role, content) VALUES (?, ?, ?, ?)",
                [
                    (conversation_id, last + 1, "user", question),
                    (conversation_id, last + 2, "assistant", answer),
                ],
            )
            db.execute(
                "DELETE FROM turns WHERE conversation_id = ? AND seq <= ?",
                (conversation_id, last + 2 - self._keep),
            )
            db.execute("UPDATE conversations SET used = ? WHERE id = ?", (now, conversation_id))

    # Retention ---------------------------------------------------------------------------

    def _alive(self, db: sqlite3.Connection, conversation_id: str, now: float) -> bool:
        row = db.execute(
            "SELECT used FROM conversations WHERE id = ?", (conversation_id,)
        ).fetchone()
        return row is not None and not self._expired(row[0], now)

    def _expired(self, used: float, now: float) -> bool:
        return self._max_age > 0 and used < now - self._max_age

    def _prune(self, db: sqlite3.Connection, now: float) -> None:
        """Forget expired conversations and the least recently used beyond the maximum."""
        if self._max_age > 0:
            db.execute("DELETE FROM conversations WHERE used < ?", (now - self._max_age,))
        db.execute(
            "DELETE FROM conversations WHERE id IN "
            "(SELECT id FROM conversations ORDER BY used DESC, created DESC LIMIT -1 OFFSET ?)",
            (self._max,),
        )


def conversation_store(data_dir: Path) -> Path:
    """Where the conversations of a data directory are kept."""
    return data_dir / FILE_NAME
