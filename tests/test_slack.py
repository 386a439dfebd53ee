"""The Slack bot through its HTTP surface: signed requests in with Flask's test client, Slack's
Web API and ``response_url`` stood in for by a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlencode

import pytest
from conftest import GeneratorCall, ScriptedGenerator, write_manual

from rag.errors import StoreUnavailableError
from rag.generators import Generator, Turn
from server import create_app
from server.slack.bot import APOLOGY, BUSY

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TOKEN = "xoxb-test-token"
BOT_USER = "UBOT"
DESCALE = "How do I descale the espresso machine?"
ANSWER = "Descale it with citric acid every 8 weeks [1]."


# Slack's side: a recording stand-in on 127.0.0.1 ----------------------------------------------


@dataclass
class Call:
    path: str
    body: dict[str, Any]
    headers: dict[str, str]
    status: int
    at: float = field(default_factory=time.monotonic)


class SlackStandIn:
    """Answers ``/api/<method>`` like Slack's Web API and ``/hooks/...`` like a response_url.

    ``fail(path, status, headers, body)`` makes the next call to ``path`` get that answer once;
    every call is recorded with what it was answered.
    """

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._failures: dict[str, list[tuple[int, dict[str, str], dict[str, Any]]]] = {}
        self._lock = threading.Lock()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                stand_in._handle(self, raw)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def fail(self, path: str, status: int, headers=None, body=None) -> None:
        with self._lock:
            self._failures.setdefault(path, []).append((status, headers or {}, body or {}))

    def _handle(self, handler: BaseHTTPRequestHandler, raw: bytes) -> None:
        path = handler.path
        body = json.loads(raw) if raw.startswith(b"{") else {}
        with self._lock:
            queued = self._failures.get(path)
            status, headers, reply = queued.pop(0) if queued else (200, {}, {"ok": True})
            if path.startswith("/api/") and status == 200 and "ok" not in reply:
                reply = {"ok": True, **reply}
            self.calls.append(Call(path, body, dict(handler.headers), status))
        data = json.dumps(reply).encode() if path.startswith("/api/") else b"ok"
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def to(self, path: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.path == path]

    def posts(self) -> list[Call]:
        """Messages Slack took (chat.postMessage answered 200 and ok)."""
        return [c for c in self.to("/api/chat.postMessage") if c.status == 200]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def wait_for(condition: Callable[[], Any], timeout: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.01)
    raise AssertionError(f"not true after {timeout} s")


# Fakes for the answering side ----------------------------------------------------------------


def asked_of(generator: ScriptedGenerator) -> list[tuple[str, list[Turn]]]:
    """Every question the generator was given, with the conversation before it."""
    return [(call.question, call.turns) for call in generator.history]


def held(gate: threading.Event, entered: threading.Semaphore) -> Callable[[GeneratorCall], str]:
    """A reply that blocks in ``generate`` until the gate opens (``entered`` says it got there)."""

    def reply(call: GeneratorCall) -> str:
        entered.release()
        assert gate.wait(10), "the test never opened the gate"
        return ANSWER

    return reply


class FailingService:
    def __init__(self) -> None:
        self.calls = 0

    def ask(self, question: str, **kwargs) -> None:
        self.calls += 1
        raise StoreUnavailableError("cannot reach the Qdrant server at http://qdrant:6333")


# Fixtures -------------------------------------------------------------------------------------


@pytest.fixture
def slack_api():
    stand_in = SlackStandIn()
    yield stand_in
    stand_in.close()


@pytest.fixture
def corpus(make_service, tmp_path):
    """An indexed service (fake embedder) answering with the given generator."""

    def build(generator: Generator | None = None):
        service = make_service(generator=generator) if generator else make_service()
        assert service.ingest(write_manual(tmp_path)).ingested == 2
        return service

    return build


@pytest.fixture
def make_app(make_settings, slack_api):
    """The app with the bot on against the stand-in; every bot is closed afterwards."""
    apps = []

    def make(rag, **overrides):
        values = {
            "slack_signing_secret": SECRET,
            "slack_bot_token": TOKEN,
            "slack_api_url": f"{slack_api.url}/api/",
            "rate_limit": "",
        }
        values.update(overrides)
        app = create_app(make_settings(**values), rag=rag)
        app.testing = True
        apps.append(app)
        return app

    yield make
    for app in apps:
        bot = app.extensions.get("slack")
        if bot is not None:
            bot.close(timeout=5)
            for thread in bot.answers._threads + bot.notices._threads:
                assert not thread.is_alive(), f"{thread.name} outlived the test"


@pytest.fixture
def recorder():
    return ScriptedGenerator(ANSWER)


@pytest.fixture
def app(make_app, corpus, recorder):
    return make_app(corpus(recorder))


# Requests as Slack sends them ------------------------------------------------------------------


def signature(body: bytes, timestamp: str, secret: str = SECRET) -> str:
    digest = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256)
    return "v0=" + digest.hexdigest()


def signed_headers(body: bytes, *, secret: str = SECRET, age: float = 0) -> dict[str, str]:
    timestamp = str(int(time.time() - age))
    return {
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature(body, timestamp, secret),
    }


def event_payload(event: dict[str, Any], event_id: str = "Ev001") -> dict[str, Any]:
    return {
        "token": "legacy-token-unused",
        "team_id": "T1",
        "api_app_id": "A1",
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "event": event,
        "authorizations": [{"team_id": "T1", "user_id": BOT_USER, "is_bot": True}],
    }


def mention(text: str, *, ts: str = "1700000000.000100", channel: str = "C1", **extra) -> dict:
    event = {
        "type": "app_mention",
        "user": "UALICE",
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
    }
    return {**event, **extra}


def direct_message(text: str, *, ts: str = "1700000000.000200", **extra) -> dict:
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "UALICE",
        "text": text,
        "ts": ts,
        "channel": "D1",
    }
    return {**event, **extra}


def post_event(client, payload: dict, *, headers: dict[str, str] | None = None, **signing):
    raw = json.dumps(payload).encode()
    sent = {**signed_headers(raw, **signing), **(headers or {})}
    return client.post("/slack/events", data=raw, content_type="application/json", headers=sent)


def post_command(client, text: str, response_url: str, **signing):
    raw = urlencode(
        {
            "token": "legacy-token-unused",
            "team_id": "T1",
            "channel_id": "C1",
            "user_id": "UALICE",
            "command": "/ask",
            "text": text,
            "response_url": response_url,
            "trigger_id": "1.2.3",
        }
    ).encode()
    return client.post(
        "/slack/commands",
        data=raw,
        content_type="application/x-www-form-urlencoded",
        headers=signed_headers(raw, **signing),
    )


def settle(app) -> None:
    """Every queued answer and notice has been posted (or given up on)."""
    bot = app.extensions["slack"]
    assert bot.answers.wait_idle(15) and bot.notices.wait_idle(15)


def message_text(call: Call) -> str:
    blocks = json.dumps(call.body.get("blocks", []))
    return call.body["text"] + "\n" + blocks


# Signatures ------------------------------------------------------------------------------------


def test_a_signed_mention_is_answered_in_its_thread(app, slack_api, recorder):
    response = post_event(app.test_client(), event_payload(mention(DESCALE)))
    assert response.status_code == 200

    [post] = wait_for(slack_api.posts)
    assert post.headers["Authorization"] == f"Bearer {TOKEN}"
    assert post.body["channel"] == "C1" and post.body["thread_ts"] == "1700000000.000100"
    assert post.body["text"].startswith("Descale it with citric acid every 8 weeks [1].")
    assert "[1] manual.pdf, page 2" in post.body["text"]
    assert [b["type"] for b in post.body["blocks"]] == ["section", "section"]
    assert "[1] manual.pdf, page 2" in post.body["blocks"][1]["text"]["text"]
    # The mention is not part of the question.
    assert asked_of(recorder) == [(DESCALE, [])]


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda h: {**h, "X-Slack-Signature": "v0=" + "0" * 64}, id="forged"),
        pytest.param(lambda h: {**h, "X-Slack-Signature": h["X-Slack-Signature"][3:]}, id="bare"),
        pytest.param(
            lambda h: {"X-Slack-Request-Timestamp": h["X-Slack-Request-Timestamp"]},
            id="no-signature",
        ),
        pytest.param(lambda h: {"X-Slack-Signature": h["X-Slack-Signature"]}, id="no-timestamp"),
        pytest.param(lambda h: {}, id="no-headers"),
        pytest.param(lambda h: {**h, "X-Slack-Request-Timestamp": "soon"}, id="bad-timestamp"),
    ],
)
def test_unsigned_or_forged_requests_are_refused(app, slack_api, recorder, tamper):
    raw = json.dumps(event_payload(mention(DESCALE))).encode()
    headers = tamper(signed_headers(raw))
    response = app.test_client().post(
        "/slack/events", data=raw, content_type="application/json", headers=headers
    )
    assert response.status_code == 401
    error = response.get_json()["error"]
    assert error["type"] == "unauthorized" and "Slack signature" in error["message"]
    settle(app)
    assert slack_api.calls == [] and asked_of(recorder) == []


@pytest.mark.parametrize(
    "signing",
    [
        pytest.param({"secret": "some-other-apps-secret"}, id="wrong-secret"),
        pytest.param({"age": 5 * 60 + 30}, id="stale"),
        pytest.param({"age": -(5 * 60 + 30)}, id="from-the-future"),
    ],
)
def test_wrong_secret_and_stale_timestamps_are_refused(app, slack_api, recorder, signing):
    client = app.test_client()
    assert post_event(client, event_payload(mention(DESCALE)), **signing).status_code == 401
    hook = f"{slack_api.url}/hooks/cmd"
    assert post_command(client, DESCALE, hook, **signing).status_code == 401
    settle(app)
    assert slack_api.calls == [] and asked_of(recorder) == []


def test_a_tampered_body_is_refused(app, slack_api, recorder):
    raw = json.dumps(event_payload(mention("What is the warranty?"))).encode()
    headers = signed_headers(raw)
    forged = raw.replace(b"warranty", b"password")
    response = app.test_client().post(
        "/slack/events", data=forged, content_type="application/json", headers=headers
    )
    assert response.status_code == 401
    settle(app)
    assert slack_api.calls == [] and asked_of(recorder) == []


def test_a_signature_a_few_minutes_old_is_still_accepted(app, slack_api):
    response = post_event(app.test_client(), event_payload(mention(DESCALE)), age=4 * 60)
    assert response.status_code == 200
    wait_for(slack_api.posts)


def test_url_verification_answers_the_challenge(app, slack_api):
    payload = {
        "token": "t",
        "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        "type": "url_verification",
    }
    response = post_event(app.test_client(), payload)
    assert response.status_code == 200
    assert response.get_json() == {"challenge": payload["challenge"]}
    assert slack_api.calls == []


def test_slack_routes_take_slack_signatures_not_api_keys(make_app, corpus, slack_api):
    app = make_app(corpus(ScriptedGenerator(ANSWER)), api_keys=["secret-api-key"])
    client = app.test_client()
    assert client.post("/api/ask", json={"question": DESCALE}).status_code == 401
    assert post_event(client, event_payload(mention(DESCALE))).status_code == 200
    wait_for(slack_api.posts)


def test_malformed_json_is_a_400(app):
    raw = b"{not json"
    response = app.test_client().post(
        "/slack/events", data=raw, content_type="application/json", headers=signed_headers(raw)
    )
    assert response.status_code == 400
    assert "JSON" in response.get_json()["error"]["message"]


# Off without secrets -----------------------------------------------------------------------------


def test_without_secrets_the_endpoints_say_what_to_set(make_settings, corpus, slack_api):
    app = create_app(make_settings(), rag=corpus())
    client = app.test_client()
    raw = json.dumps(event_payload(mention(DESCALE))).encode()
    for path, kind in (("/slack/events", "application/json"), ("/slack/commands", None)):
        response = client.post(path, data=raw, content_type=kind, headers=signed_headers(raw))
        assert response.status_code == 503
        error = response.get_json()["error"]
        assert error["type"] == "service_unavailable"
        assert "RAG_SLACK_SIGNING_SECRET" in error["message"]
        assert "RAG_SLACK_BOT_TOKEN" in error["message"]
    assert app.extensions["slack"] is None and slack_api.calls == []


def test_with_only_the_secret_the_token_is_named(make_settings, corpus):
    app = create_app(make_settings(slack_signing_secret=SECRET), rag=corpus())
    response = post_event(app.test_client(), event_payload(mention(DESCALE)))
    assert response.status_code == 503
    message = response.get_json()["error"]["message"]
    assert "RAG_SLACK_BOT_TOKEN" in message and "RAG_SLACK_SIGNING_SECRET" not in message


# Which events are questions ------------------------------------------------------------------------


def test_a_direct_message_is_answered_in_its_thread(app, slack_api, recorder):
    assert post_event(app.test_client(), event_payload(direct_message(DESCALE))).status_code == 200
    [post] = wait_for(slack_api.posts)
    assert (post.body["channel"], post.body["thread_ts"]) == ("D1", "1700000000.000200")
    assert asked_of(recorder) == [(DESCALE, [])]


@pytest.mark.parametrize(
    "event",
    [
        pytest.param(direct_message(DESCALE, bot_id="B1", user=BOT_USER), id="own-message"),
        pytest.param(direct_message(DESCALE, bot_id="B2", user="UOTHERBOT"), id="other-bot"),
        pytest.param(direct_message(DESCALE, subtype="bot_message", user=None), id="bot_message"),
        pytest.param(mention(DESCALE, bot_id="B2", user="UOTHERBOT"), id="bot-mention"),
        pytest.param(
            direct_message(
                "",
                subtype="message_changed",
                user=None,
                message={"type": "message", "user": "UALICE", "text": DESCALE, "ts": "1.1"},
            ),
            id="message_changed",
        ),
        pytest.param(
            direct_message("", subtype="message_deleted", user=None), id="message_deleted"
        ),
        pytest.param(direct_message(DESCALE, subtype="channel_join"), id="channel_join"),
        pytest.param(
            direct_message(DESCALE, channel_type="channel", channel="C1"), id="channel-message"
        ),
        pytest.param(
            {"type": "reaction_added", "user": "UALICE", "reaction": "tada"}, id="reaction"
        ),
    ],
)
def test_bots_edits_and_other_events_are_ignored(app, slack_api, recorder, event):
    assert post_event(app.test_client(), event_payload(event)).status_code == 200
    settle(app)
    assert slack_api.calls == [] and asked_of(recorder) == []


def test_a_retried_event_is_answered_once(app, slack_api, recorder):
    client = app.test_client()
    payload = event_payload(mention(DESCALE), event_id="EvRetry")
    assert post_event(client, payload).status_code == 200
    wait_for(slack_api.posts)
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert post_event(client, payload, headers=retry).status_code == 200
    assert post_event(client, payload).status_code == 200  # a plain duplicate delivery
    settle(app)
    assert len(slack_api.posts()) == 1 and len(asked_of(recorder)) == 1


def test_one_message_delivered_as_two_events_is_answered_once(app, slack_api, recorder):
    client = app.test_client()
    ts = "1700000000.000300"
    post_event(client, event_payload(mention(DESCALE, ts=ts, channel="D1"), event_id="Ev1"))
    post_event(client, event_payload(direct_message(f"<@{BOT_USER}> {DESCALE}", ts=ts), "Ev2"))
    settle(app)
    assert len(slack_api.posts()) == 1 and len(asked_of(recorder)) == 1


def test_a_bare_mention_gets_a_hint(app, slack_api, recorder):
    event = mention("", ts="1700000000.000400")
    assert post_event(app.test_client(), event_payload(event)).status_code == 200
    [post] = wait_for(slack_api.posts)
    assert post.body["thread_ts"] == "1700000000.000400" and "question" in post.body["text"]
    assert asked_of(recorder) == []


# Threads and history --------------------------------------------------------------------------------


def test_a_follow_up_in_the_thread_gets_the_earlier_turn(app, slack_api, recorder):
    client = app.test_client()
    first = "1700000000.000100"
    post_event(client, event_payload(mention(DESCALE, ts=first), event_id="Ev1"))
    wait_for(slack_api.posts)
    follow_up = mention("And how often?", ts="1700000000.000500", thread_ts=first)
    post_event(client, event_payload(follow_up, event_id="Ev2"))
    elsewhere = mention("And how often?", ts="1700000000.000600")
    post_event(client, event_payload(elsewhere, event_id="Ev3"))
    settle(app)

    assert len(asked_of(recorder)) == 3
    histories = sorted((a[1] for a in asked_of(recorder)[1:]), key=len)
    assert histories[0] == []  # a new thread starts afresh
    [asked, answered] = histories[1]
    assert asked == Turn("user", DESCALE)
    assert answered.role == "assistant" and answered.content.startswith("Descale it with")
    threads = sorted(p.body["thread_ts"] for p in slack_api.posts())
    assert threads == [first, first, "1700000000.000600"]


def test_history_keeps_the_last_conversation_turns(make_app, corpus, slack_api):
    recorder = ScriptedGenerator(ANSWER)
    app = make_app(corpus(recorder), conversation_turns=3)
    client = app.test_client()
    first = "1700000000.000100"
    for i in range(4):
        ts = first if i == 0 else f"1700000000.00100{i}"
        post_event(client, event_payload(mention(f"question {i}", ts=ts, thread_ts=first), f"E{i}"))
        wait_for(lambda n=i + 1: len(slack_api.posts()) == n)
    history = asked_of(recorder)[-1][1]
    assert [t.role for t in history] == ["assistant", "user", "assistant"]
    assert history[1] == Turn("user", "question 2")


# Overload, slowness, failures ---------------------------------------------------------------------


def test_the_ack_comes_before_a_slow_answer(make_app, corpus, slack_api):
    gate, entered = threading.Event(), threading.Semaphore(0)
    slow = ScriptedGenerator(held(gate, entered))
    app = make_app(corpus(slow))
    try:
        started = time.monotonic()
        response = post_event(app.test_client(), event_payload(mention(DESCALE)))
        acked = time.monotonic() - started
        assert response.status_code == 200 and acked < 3
        assert entered.acquire(timeout=10)  # answering is under way, blocked in generate
        assert slack_api.posts() == []
    finally:
        gate.set()
    [post] = wait_for(slack_api.posts)
    assert "citric acid" in post.body["text"]


def test_a_full_queue_answers_busy(make_app, corpus, slack_api):
    gate, entered = threading.Event(), threading.Semaphore(0)
    slow = ScriptedGenerator(held(gate, entered))
    app = make_app(corpus(slow), slack_workers=1, slack_queue_size=1)
    client = app.test_client()
    try:
        post_event(client, event_payload(mention(DESCALE, ts="1.000001"), "E1"))
        assert entered.acquire(timeout=10)  # the one worker is busy with E1
        post_event(client, event_payload(mention(DESCALE, ts="1.000002"), "E2"))  # waits
        response = post_event(client, event_payload(mention(DESCALE, ts="1.000003"), "E3"))
        assert response.status_code == 200
        [busy] = wait_for(slack_api.posts)
        assert busy.body["thread_ts"] == "1.000003" and busy.body["text"] == BUSY
        command = post_command(client, DESCALE, f"{slack_api.url}/hooks/late")
        assert command.get_json() == {"response_type": "ephemeral", "text": BUSY}
    finally:
        gate.set()
    settle(app)
    answered = sorted(p.body["thread_ts"] for p in slack_api.posts() if p.body["text"] != BUSY)
    assert answered == ["1.000001", "1.000002"]
    assert len(asked_of(slow)) == 2 and slack_api.to("/hooks/late") == []


def test_a_failing_service_gets_an_apology(make_app, slack_api):
    service = FailingService()
    app = make_app(service)
    client = app.test_client()
    post_event(client, event_payload(mention(DESCALE)))
    [post] = wait_for(slack_api.posts)
    assert post.body["text"] == APOLOGY and post.body["thread_ts"] == "1700000000.000100"
    assert "qdrant" not in post.body["text"]

    post_command(client, DESCALE, f"{slack_api.url}/hooks/cmd")
    [hook] = wait_for(lambda: slack_api.to("/hooks/cmd"))
    assert hook.body == {"response_type": "ephemeral", "text": APOLOGY}
    assert service.calls == 2


def test_a_429_is_retried_after_retry_after(app, slack_api):
    slack_api.fail(
        "/api/chat.postMessage", 429, {"Retry-After": "1"}, {"ok": False, "error": "ratelimited"}
    )
    post_event(app.test_client(), event_payload(mention(DESCALE)))
    settle(app)
    limited, posted = slack_api.to("/api/chat.postMessage")
    assert (limited.status, posted.status) == (429, 200)
    assert posted.at - limited.at >= 0.95
    assert limited.body == posted.body and len(slack_api.posts()) == 1


def test_a_5xx_is_retried(app, slack_api):
    slack_api.fail("/api/chat.postMessage", 502, {}, {"ok": False})
    post_event(app.test_client(), event_payload(mention(DESCALE)))
    settle(app)
    assert [c.status for c in slack_api.to("/api/chat.postMessage")] == [502, 200]


def test_a_refused_post_is_logged_and_the_worker_goes_on(app, slack_api, caplog):
    slack_api.fail("/api/chat.postMessage", 200, {}, {"ok": False, "error": "channel_not_found"})
    client = app.test_client()
    post_event(client, event_payload(mention(DESCALE, ts="1.000001"), "E1"))
    settle(app)
    assert "channel_not_found" in caplog.text
    post_event(client, event_payload(mention(DESCALE, ts="1.000002"), "E2"))
    settle(app)
    [delivered] = [c for c in slack_api.posts() if c.body.get("thread_ts") == "1.000002"]
    assert "citric acid" in delivered.body["text"]


# Slash command -------------------------------------------------------------------------------------


def test_a_slash_command_is_acknowledged_then_answered_to_its_response_url(app, slack_api):
    hook = f"{slack_api.url}/hooks/T1/cmd1"
    response = post_command(app.test_client(), DESCALE, hook)
    assert response.status_code == 200
    assert response.get_json() == {"response_type": "ephemeral", "text": "Working on it…"}
    [call] = wait_for(lambda: slack_api.to("/hooks/T1/cmd1"))
    assert call.body["response_type"] == "ephemeral"
    assert "citric acid" in call.body["text"] and "[1] manual.pdf, page 2" in call.body["text"]
    assert DESCALE in json.dumps(call.body["blocks"])  # the question is quoted above
    assert slack_api.posts() == []


def test_a_slash_command_can_answer_in_the_channel(make_app, corpus, slack_api):
    app = make_app(corpus(ScriptedGenerator(ANSWER)), slack_in_channel=True)
    post_command(app.test_client(), DESCALE, f"{slack_api.url}/hooks/cmd")
    [call] = wait_for(lambda: slack_api.to("/hooks/cmd"))
    assert call.body["response_type"] == "in_channel"


def test_an_empty_slash_command_gets_usage_and_nothing_is_queued(app, slack_api, recorder):
    response = post_command(app.test_client(), "   ", f"{slack_api.url}/hooks/cmd")
    body = response.get_json()
    assert body["response_type"] == "ephemeral" and "/ask how long" in body["text"]
    settle(app)
    assert app.extensions["slack"].answers._threads == []
    assert slack_api.calls == [] and asked_of(recorder) == []


# End to end -------------------------------------------------------------------------------------------


def test_end_to_end_the_extractive_answer_with_citations_and_links(make_app, corpus, slack_api):
    service = corpus()  # the real extractive generator over the fake embedder
    app = make_app(service, public_url="https://rag.example.com/", api_keys=["k1"])
    client = app.test_client()
    question = "What is used to descale the espresso machine?"
    post_event(client, event_payload(mention(question, ts="1700000001.000100", channel="C9")))
    [post] = wait_for(slack_api.posts)
    assert (post.body["channel"], post.body["thread_ts"]) == ("C9", "1700000001.000100")
    text = message_text(post)
    assert "citric acid" in text and "[1]" in post.body["text"]
    [doc] = [d for d in service.documents() if d.file == "manual.pdf"]
    path = f"/api/documents/{doc.doc_id}/pages/2"
    found = re.search(
        r"\[1\] <https://rag\.example\.com(?P<path>[^|?]+)\?token=(?P<token>[^|]+)\|"
        r"manual\.pdf, page 2>",
        post.body["blocks"][1]["text"]["text"],
    )
    assert found and found["path"] == path
    # The signed link opens the page without an API key; the bare path does not.
    assert client.get(path).status_code == 401
    opened = client.get(path, query_string={"token": found["token"]})
    assert opened.status_code == 200 and opened.mimetype == "image/png"
    other = client.get(path.replace("/pages/2", "/pages/1"), query_string={"token": found["token"]})
    assert other.status_code == 403
