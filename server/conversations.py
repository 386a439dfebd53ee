"""Conversations of the chat API: ids to the turns a follow-up question is read with.

In memory and bounded: the oldest conversation is forgotten past ``max_conversations``, and
each keeps only the last turns a follow-up sees. A server restart forgets them all; clients get
a 404 for an id the server no longer knows and start a new conversation.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict

from werkzeug.exceptions import NotFound

from rag.generators import Turn


class Conversations:
    def __init__(self, *, max_conversations: int, keep_turns: int) -> None:
        self._max = max_conversations
        self._keep = keep_turns
        self._turns: OrderedDict[str, list[Turn]] = OrderedDict()
        self._lock = threading.Lock()

    def start(self) -> str:
        conversation_id = uuid.uuid4().hex
        with self._lock:
            self._turns[conversation_id] = []
            while len(self._turns) > self._max:
                self._turns.popitem(last=False)
        return conversation_id

    def history(self, conversation_id: str) -> list[Turn]:
        with self._lock:
            turns = self._turns.get(conversation_id)
            if turns is None:
                raise NotFound(
                    f"unknown conversation_id {conversation_id!r}: it expired or the server "
                    "restarted; send the question without conversation_id to start a new one"
                )
            self._turns.move_to_end(conversation_id)
            return list(turns)

    def record(self, conversation_id: str, question: str, answer: str) -> None:
        with self._lock:
            turns = self._turns.get(conversation_id)
            if turns is None:  # forgotten while the answer was written: nothing to add to
                return
            turns += [Turn("user", question), Turn("assistant", answer)]
            del turns[: max(0, len(turns) - self._keep)]
