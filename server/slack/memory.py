"""What the bot remembers between requests: recent deliveries and the turns of each thread.

Both are bounded and safe to use from the request threads and the worker threads at once.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable

from rag.generators import Turn


class RecentKeys:
    """Keys seen in the last ``ttl`` seconds, at most ``size`` of them (oldest forgotten first).

    Slack delivers an event again when it thinks the first delivery failed; remembering its
    ``event_id`` answers it once.
    """

    def __init__(
        self,
        size: int = 10_000,
        ttl: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._size = size
        self._ttl = ttl
        self._clock = clock
        self._seen: OrderedDict[Hashable, float] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, *keys: Hashable) -> bool:
        """Remember ``keys``; False when any of them was seen within the last ``ttl`` seconds."""
        now = self._clock()
        with self._lock:
            while self._seen:
                oldest, at = next(iter(self._seen.items()))
                if now - at <= self._ttl:
                    break
                del self._seen[oldest]
            if any(key in self._seen for key in keys):
                return False
            for key in keys:
                self._seen[key] = now
            while len(self._seen) > self._size:
                self._seen.popitem(last=False)
            return True

    def __len__(self) -> int:
        with self._lock:
            return len(self._seen)


class Conversations:
    """The (question, answer) exchanges of each Slack thread, as history for a follow-up.

    A follow-up sees at most ``max_turns`` earlier messages (questions and answers counted one
    each, like ``RAG_CONVERSATION_TURNS`` everywhere); beyond ``max_threads`` threads the least
    recently used one is forgotten.
    """

    def __init__(self, max_threads: int, max_turns: int) -> None:
        self._max_threads = max_threads
        self._max_turns = max_turns
        self._threads: OrderedDict[Hashable, deque[tuple[str, str]]] = OrderedDict()
        self._lock = threading.Lock()

    def history(self, key: Hashable) -> list[Turn]:
        if self._max_turns == 0:
            return []
        with self._lock:
            exchanges = list(self._threads.get(key, ()))
        turns = [
            turn
            for question, answer in exchanges
            for turn in (Turn("user", question), Turn("assistant", answer))
        ]
        return turns[-self._max_turns :]

    def record(self, key: Hashable, question: str, answer: str) -> None:
        if self._max_turns == 0:
            return
        with self._lock:
            exchanges = self._threads.get(key)
            if exchanges is None:
                # Two messages an exchange: enough of them to fill max_turns messages.
                exchanges = self._threads[key] = deque(maxlen=(self._max_turns + 1) // 2)
            self._threads.move_to_end(key)
            exchanges.append((question, answer))
            while len(self._threads) > self._max_threads:
                self._threads.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._threads)
