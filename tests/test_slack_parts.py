"""The Slack bot's parts on their own: memories, question text, message format, worker pool."""

from __future__ import annotations

import threading

from rag.generators import Turn
from rag.types import Answer, Source
from server.slack.events import question_text
from server.slack.format import answer_message, escape, mrkdwn
from server.slack.memory import Conversations, RecentKeys
from server.slack.worker import WorkerPool


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_recent_keys_forget_after_the_ttl_and_beyond_the_size():
    clock = Clock()
    keys = RecentKeys(size=3, ttl=3600, clock=clock)
    assert keys.add("a") and not keys.add("a")
    assert not keys.add("b", "a")  # any known key makes a duplicate
    assert keys.add("b") and keys.add("c") and keys.add("d")
    assert len(keys) == 3 and keys.add("a")  # the oldest was dropped to stay at 3
    clock.now += 3601
    assert keys.add("d") and len(keys) == 1


def test_recent_keys_are_safe_across_threads():
    keys = RecentKeys()
    wins = []
    barrier = threading.Barrier(16)

    def race() -> None:
        barrier.wait()
        wins.append(keys.add("Ev1"))

    threads = [threading.Thread(target=race) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wins.count(True) == 1


def test_conversations_keep_the_last_turns_of_the_most_recent_threads():
    memory = Conversations(max_threads=2, max_turns=4)
    for i in range(3):
        memory.record("t1", f"q{i}", f"a{i}")
    assert memory.history("t1") == [
        Turn("user", "q1"),
        Turn("assistant", "a1"),
        Turn("user", "q2"),
        Turn("assistant", "a2"),
    ]
    memory.record("t2", "q", "a")
    memory.record("t3", "q", "a")
    assert memory.history("t1") == [] and len(memory) == 2
    off = Conversations(max_threads=2, max_turns=0)
    off.record("t1", "q", "a")
    assert off.history("t1") == [] and len(off) == 0


def test_question_text_drops_the_bot_mention_and_decodes_slack_markup():
    bots = {"UBOT"}
    text = "<@UBOT> is <https://example.com|the site> up &amp; is 3 &lt; 4 for <@UALICE>?"
    assert question_text(text, bots) == "is the site up & is 3 < 4 for @UALICE?"
    assert question_text("<@UBOT|rag>   ", bots) == ""
    assert question_text("<@UXYZ> what now?", set()) == "what now?"
    assert question_text("see <https://example.com>", bots) == "see https://example.com"


def source(n: int, **kwargs) -> Source:
    values = dict(
        n=n,
        file="manual.pdf",
        page=2,
        modality="text",
        snippet="Descale   the machine\nevery 8 weeks.",
        doc_id="d1",
        score=0.9,
    )
    values.update(kwargs)
    return Source(**values)


def test_answer_text_is_escaped_for_mrkdwn():
    assert escape("a < b && c > d") == "a &lt; b &amp;&amp; c &gt; d"
    assert mrkdwn("Use **citric acid** <now>") == "Use *citric acid* &lt;now&gt;"


def test_answer_message_lists_sources_with_preview_links():
    answer = Answer(
        text="Use citric acid [1]. See the diagram [2].",
        sources=[
            source(1),
            source(2, file="a<b>.png", page=None, modality="image", image="b/x.png"),
        ],
        evidence=[],
        abstained=False,
    )
    message = answer_message(answer, lambda path: f"https://rag.example.com{path}")
    lines = message["blocks"][1]["text"]["text"].splitlines()
    assert lines[0] == "*Sources*"
    assert lines[1] == (
        "[1] <https://rag.example.com/api/documents/d1/pages/2|manual.pdf, page 2>"
        " — _Descale the machine every 8 weeks._"
    )
    assert lines[2].startswith(
        "[2] <https://rag.example.com/api/blobs/x.png|a&lt;b&gt;.png (picture)>"
    )
    assert message["text"].startswith(
        "Use citric acid [1]. See the diagram [2].\n\nSources:\n[1] <"
    )

    plain = answer_message(answer, None)
    assert "[1] manual.pdf, page 2 — " in plain["text"] and "http" not in plain["text"]


def test_slides_and_sheets_are_named_by_their_label_and_link_only_their_pictures():
    answer = Answer(
        text="Zone B [1], see the slide [2] and its chart [3].",
        sources=[
            source(1, file="zones.xlsx", page=2, page_label="sheet Zones"),
            source(2, file="deck.pptx", page=3, page_label="slide 3"),
            source(
                3,
                file="deck.pptx",
                page=3,
                page_label="slide 3",
                modality="image",
                image="b/chart.png",
            ),
        ],
        evidence=[],
        abstained=False,
    )
    lines = answer_message(answer, lambda path: f"https://rag.example.com{path}")["blocks"][1][
        "text"
    ]["text"].splitlines()
    # A slide or sheet has no rendered page to open: plain text, the picture keeps its link.
    assert lines[1].startswith("[1] zones.xlsx, sheet Zones — _")
    assert lines[2].startswith("[2] deck.pptx, slide 3 — _")
    assert lines[3].startswith(
        "[3] <https://rag.example.com/api/blobs/chart.png|deck.pptx, slide 3 (picture)>"
    )


def test_an_abstained_answer_has_no_sources_section():
    answer = Answer(
        text="The documents do not contain the answer.", sources=[], evidence=[], abstained=True
    )
    message = answer_message(answer, None, asked="What is <x>?")
    assert [b["type"] for b in message["blocks"]] == ["context", "section"]
    assert message["blocks"][0]["elements"][0]["text"] == "> What is &lt;x&gt;?"  # a mrkdwn quote
    assert message["text"] == "The documents do not contain the answer."


def test_worker_pool_refuses_beyond_its_queue_and_stops_cleanly():
    gate = threading.Event()
    entered = threading.Event()
    done = []

    def job(name: str) -> None:
        entered.set()
        gate.wait(5)
        done.append(name)

    pool = WorkerPool(workers=1, queue_size=1, name="test")
    assert pool._threads == []  # nothing starts before the first job
    assert pool.submit(job, "a") and entered.wait(5)
    assert pool.submit(job, "b")
    assert not pool.submit(job, "c")  # one running, one waiting: full
    gate.set()
    assert pool.wait_idle(5) and done == ["a", "b"]
    pool.close()
    assert not pool.submit(job, "d")
    assert all(not t.is_alive() for t in pool._threads)


def test_a_failing_job_does_not_stop_its_worker():
    pool = WorkerPool(workers=1, queue_size=4, name="test")
    done = []

    def boom() -> None:
        raise RuntimeError("boom")

    assert pool.submit(boom) and pool.submit(done.append, "after")
    assert pool.wait_idle(5) and done == ["after"]
    pool.close()
