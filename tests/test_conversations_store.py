"""Conversations kept in SQLite: they survive a restart, stay bounded, and hold up to writers
on several threads and several connections at once."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from conftest import ScriptedGenerator, write_manual
from werkzeug.exceptions import NotFound

from rag.errors import StoreError
from rag.generators import Turn
from server import create_app
from server.conversations import Conversations, conversation_store


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_conversation_continues_after_the_app_is_recreated(settings, make_service, tmp_path):
    generator = ScriptedGenerator("The warranty lasts 3 years [1].", "From the purchase [1].")
    service = make_service(generator=generator)
    service.ingest(write_manual(tmp_path))
    first_app = create_app(settings, rag=service)
    first = first_app.test_client().post(
        "/api/chat", json={"question": "How long is the warranty?"}
    )
    assert first.status_code == 200, first.get_data(as_text=True)
    conversation_id = first.get_json()["conversation_id"]
    first_app.extensions["conversations"].close()

    restarted = create_app(settings, rag=service)  # a new process on the same data directory
    follow_up = restarted.test_client().post(
        "/api/chat", json={"question": "From when?", "conversation_id": conversation_id}
    )

    assert follow_up.status_code == 200, follow_up.get_data(as_text=True)
    assert follow_up.get_json()["conversation_id"] == conversation_id
    assert generator.history[-1].turns == [
        Turn("user", "How long is the warranty?"),
        Turn("assistant", first.get_json()["answer"]),
    ]
    assert conversation_store(settings.data_dir).is_file()


def test_the_store_is_in_wal_mode_and_survives_reopening(tmp_path):
    path = tmp_path / "data" / "conversations.sqlite3"
    store = Conversations(max_conversations=10, keep_turns=6, path=path)
    conversation_id = store.start()
    store.record(conversation_id, "Q1", "A1")
    store.close()

    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    reopened = Conversations(max_conversations=10, keep_turns=6, path=path)
    assert reopened.history(conversation_id) == [Turn("user", "Q1"), Turn("assistant", "A1")]
    reopened.close()


def test_only_the_last_turns_are_kept(tmp_path):
    store = Conversations(max_conversations=10, keep_turns=3, path=tmp_path / "c.sqlite3")
    conversation_id = store.start()
    for i in range(1, 4):
        store.record(conversation_id, f"Q{i}", f"A{i}")
    assert store.history(conversation_id) == [
        Turn("assistant", "A2"),
        Turn("user", "Q3"),
        Turn("assistant", "A3"),
    ]
    none_kept = Conversations(max_conversations=10, keep_turns=0, path=tmp_path / "z.sqlite3")
    other = none_kept.start()
    none_kept.record(other, "Q", "A")
    assert none_kept.history(other) == []


def test_the_least_recently_used_are_forgotten_beyond_the_maximum(tmp_path):
    clock = Clock()
    store = Conversations(
        max_conversations=2, keep_turns=6, path=tmp_path / "c.sqlite3", clock=clock
    )
    oldest = store.start()
    clock.now += 1
    middle = store.start()
    clock.now += 1
    store.history(oldest)  # used again: now the middle one is the least recently used
    clock.now += 1
    newest = store.start()

    assert store.history(oldest) == [] and store.history(newest) == []
    with pytest.raises(NotFound, match="unknown conversation_id"):
        store.history(middle)


def test_conversations_unused_past_the_maximum_age_expire(tmp_path):
    clock = Clock()
    store = Conversations(
        max_conversations=10, keep_turns=6, path=tmp_path / "c.sqlite3", max_age_s=60, clock=clock
    )
    kept, expiring = store.start(), store.start()
    clock.now += 50
    store.record(kept, "Q", "A")
    clock.now += 20  # `expiring` unused for 70 s, `kept` for 20 s

    assert store.history(kept) == [Turn("user", "Q"), Turn("assistant", "A")]
    with pytest.raises(NotFound, match="expired"):
        store.history(expiring)
    store.record(expiring, "late question", "late answer")  # nothing to add to: no error
    store.start()  # starting a conversation clears the expired ones out of the file
    with sqlite3.connect(tmp_path / "c.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM conversations").fetchone() == (2,)
        assert db.execute(
            "SELECT COUNT(*) FROM turns WHERE conversation_id = ?", (expiring,)
        ).fetchone() == (0,)


def test_without_a_path_they_live_in_memory():
    store = Conversations(max_conversations=10, keep_turns=6)
    conversation_id = store.start()
    store.record(conversation_id, "Q", "A")
    assert store.history(conversation_id) == [Turn("user", "Q"), Turn("assistant", "A")]


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "conversations.sqlite3"
    path.write_bytes(b"this is not an SQLite database, just some text " * 40)
    store = Conversations(max_conversations=10, keep_turns=6, path=path)
    with pytest.raises(StoreError, match="conversation store .*conversations.sqlite3"):
        store.start()


def test_concurrent_writers_on_threads_and_connections_lose_nothing(tmp_path):
    """Two stores on one file (two server processes) and four threads on each (request
    threads): every turn arrives, each question stays next to its answer."""
    path = tmp_path / "conversations.sqlite3"
    stores = [Conversations(max_conversations=1000, keep_turns=1000, path=path) for _ in range(2)]
    shared = stores[0].start()
    rounds = 25
    own: dict[int, str] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def write(worker: int) -> None:
        try:
            store = stores[worker % 2]
            mine = own[worker] = store.start()
            barrier.wait()
            for i in range(rounds):
                store.record(mine, f"w{worker} q{i}", f"w{worker} a{i}")
                store.record(shared, f"w{worker} q{i}", f"w{worker} a{i}")
                store.history(shared)
        except BaseException as exc:  # reported below, with the thread's failure
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors

    for worker, conversation_id in own.items():
        turns = stores[1 - worker % 2].history(conversation_id)
        expected = []
        for i in range(rounds):
            expected += [Turn("user", f"w{worker} q{i}"), Turn("assistant", f"w{worker} a{i}")]
        assert turns == expected
    everything = stores[1].history(shared)
    assert len(everything) == 8 * rounds * 2
    for question, answer in zip(everything[::2], everything[1::2], strict=True):
        assert question.role == "user" and answer.role == "assistant"
        assert answer.content == question.content.replace(" q", " a")
    for store in stores:
        store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
