"""The Slack bot over Socket Mode against stand-ins on 127.0.0.1: Slack's Web API (an HTTP
server answering apps.connections.open with a ws:// URL and recording chat.postMessage and
response_url posts) and Slack's Socket Mode endpoint (a websocket server that sends envelopes
and records the acknowledgements)."""

from __future__ import annotations

import json
import queue
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest
from click.testing import CliRunner
from conftest import ScriptedGenerator, write_manual
from websockets.sync.server import ServerConnection, serve

import rag.cli
from rag.errors import ConfigError
from server.slack.socket_mode import SlackConnectError, SocketModeBot, check_socket_mode_settings

APP_TOKEN = "xapp-1-A111-222-secret"
BOT_TOKEN = "xoxb-test-token"
BOT_USER = "UBOT"
QUESTION = "How do I descale the espresso machine?"
ANSWER = "Descale it with citric acid every 8 weeks [1]."
# Closing waits for the client's threads and up to 5 s for each of the bot's two worker pools;
# a busy machine once took more than 10 s in all. The bound says "it stops", not how fast.
STOP_WITHIN_S = 30


def wait_for(condition: Callable[[], Any], timeout: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.02)
    raise AssertionError("timed out waiting")


class SlackWebStandIn:
    """``/api/<method>`` as Slack's Web API, ``/hooks/...`` as a response_url."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any], dict[str, str]]] = []
        self.socket_url = ""
        self.refuse = ""  # an error for apps.connections.open, as Slack names it
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if raw.startswith(b"{"):
                    body = json.loads(raw)
                else:
                    body = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                stand_in.calls.append((self.path, body, dict(self.headers)))
                if self.path == "/api/apps.connections.open" and stand_in.refuse:
                    reply: dict[str, Any] = {"ok": False, "error": stand_in.refuse}
                elif self.path == "/api/apps.connections.open":
                    reply = {"ok": True, "url": stand_in.socket_url}
                elif self.path.startswith("/api/"):
                    reply = {"ok": True, "channel": body.get("channel"), "ts": "1700000001.0001"}
                else:
                    reply = {}
                data = json.dumps(reply).encode() if reply else b"ok"
                self.send_response(200)
                self.send_header("Content-Type", "application/json" if reply else "text/plain")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def to(self, path: str) -> list[tuple[dict[str, Any], dict[str, str]]]:
        return [(body, headers) for p, body, headers in self.calls if p == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class SocketModeStandIn:
    """Slack's side of the websocket: says hello, sends the envelopes it is given, records what
    the bot sends back."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.connections: queue.Queue[ServerConnection] = queue.Queue()
        self.server = serve(self._handle, "127.0.0.1", 0)
        self.url = f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _handle(self, connection: ServerConnection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1}))
        self.connections.put(connection)
        for message in connection:
            self.received.append(json.loads(message))

    def connection(self) -> ServerConnection:
        return self.connections.get(timeout=15)

    def ack_of(self, envelope_id: str) -> dict[str, Any]:
        return wait_for(
            lambda: next((m for m in self.received if m.get("envelope_id") == envelope_id), None)
        )

    def close(self) -> None:
        self.server.shutdown()


def mention(envelope_id: str, text: str, *, ts: str = "1700000000.0001", retry: int = 0) -> dict:
    return {
        "envelope_id": envelope_id,
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": retry,
        "retry_reason": "timeout" if retry else "",
        "payload": {
            "token": "unused-in-socket-mode",
            "team_id": "T1",
            "api_app_id": "A111",
            "type": "event_callback",
            "event_id": f"Ev-{ts}",
            "event_time": 1700000000,
            "authorizations": [{"team_id": "T1", "user_id": BOT_USER, "is_bot": True}],
            "event": {
                "type": "app_mention",
                "user": "U123",
                "text": f"<@{BOT_USER}> {text}",
                "ts": ts,
                "channel": "C42",
                "event_ts": ts,
            },
        },
    }


@pytest.fixture
def web() -> Iterator[SlackWebStandIn]:
    stand_in = SlackWebStandIn()
    yield stand_in
    stand_in.close()


@pytest.fixture
def socket_mode(web) -> Iterator[SocketModeStandIn]:
    stand_in = SocketModeStandIn()
    web.socket_url = stand_in.url
    yield stand_in
    stand_in.close()


@pytest.fixture
def socket_settings(make_settings, web):
    def make(**overrides):
        values = {
            "slack_app_token": APP_TOKEN,
            "slack_bot_token": BOT_TOKEN,
            "slack_api_url": f"{web.url}/api/",
        }
        return make_settings(**values | overrides)

    return make


@pytest.fixture
def running(make_service, socket_settings, socket_mode, tmp_path):
    """A connected Socket Mode bot on a service that answers ``ANSWER``."""
    service = make_service(generator=ScriptedGenerator(ANSWER))
    service.ingest(write_manual(tmp_path))
    bot = SocketModeBot(socket_settings(), service, ping_interval=1)
    stop = threading.Event()
    runner = threading.Thread(target=bot.run, args=(stop,), daemon=True)
    runner.start()
    yield bot, socket_mode.connection()
    stop.set()
    runner.join(STOP_WITHIN_S)
    assert not runner.is_alive()


def test_a_mention_is_acknowledged_and_answered_in_its_thread(running, socket_mode, web):
    bot, connection = running
    # The bot asked for the websocket with its app-level token.
    ((_, headers),) = web.to("/api/apps.connections.open")
    assert headers["Authorization"] == f"Bearer {APP_TOKEN}"

    connection.send(json.dumps(mention("env-1", QUESTION)))
    assert socket_mode.ack_of("env-1") == {"envelope_id": "env-1"}
    ((post, headers),) = wait_for(lambda: web.to("/api/chat.postMessage"))
    assert headers["Authorization"] == f"Bearer {BOT_TOKEN}"
    assert (post["channel"], post["thread_ts"]) == ("C42", "1700000000.0001")
    assert "citric acid" in post["text"]
    assert "manual.pdf" in json.dumps(post["blocks"])  # the numbered source


def test_a_redelivered_event_is_acknowledged_and_answered_once(running, socket_mode, web):
    _, connection = running
    connection.send(json.dumps(mention("env-1", QUESTION)))
    socket_mode.ack_of("env-1")
    connection.send(json.dumps(mention("env-2", QUESTION, retry=1)))  # same event, again
    assert socket_mode.ack_of("env-2") == {"envelope_id": "env-2"}
    wait_for(lambda: web.to("/api/chat.postMessage"))
    time.sleep(0.5)
    assert len(web.to("/api/chat.postMessage")) == 1


def test_an_empty_mention_gets_the_usage_hint(running, socket_mode, web):
    _, connection = running
    connection.send(json.dumps(mention("env-3", "   ")))
    socket_mode.ack_of("env-3")
    ((post, _),) = wait_for(lambda: web.to("/api/chat.postMessage"))
    assert "Ask me a question about the documents" in post["text"]


def test_a_slash_command_is_acknowledged_with_its_reply_and_answered_later(
    running, socket_mode, web
):
    _, connection = running
    command = {
        "envelope_id": "env-4",
        "type": "slash_commands",
        "accepts_response_payload": True,
        "payload": {
            "command": "/ask",
            "text": QUESTION,
            "team_id": "T1",
            "channel_id": "C42",
            "user_id": "U123",
            "response_url": f"{web.url}/hooks/commands/T1/1/abc",
        },
    }
    connection.send(json.dumps(command))
    ack = socket_mode.ack_of("env-4")
    assert ack["payload"]["response_type"] == "ephemeral"
    assert ack["payload"]["text"].startswith("Working on it")
    ((answer, _),) = wait_for(lambda: web.to("/hooks/commands/T1/1/abc"))
    assert answer["response_type"] == "ephemeral" and "citric acid" in answer["text"]


def test_other_envelopes_are_acknowledged_and_ignored(running, socket_mode, web):
    _, connection = running
    connection.send(json.dumps({"envelope_id": "env-5", "type": "interactive", "payload": {}}))
    assert socket_mode.ack_of("env-5") == {"envelope_id": "env-5"}
    time.sleep(0.3)
    assert web.to("/api/chat.postMessage") == []


@pytest.mark.parametrize(
    ("overrides", "says"),
    [
        ({"slack_app_token": None}, "set RAG_SLACK_APP_TOKEN"),
        ({"slack_app_token": "xoxb-wrong"}, "must be an app-level token (xapp-...)"),
        ({"slack_bot_token": None}, "set RAG_SLACK_BOT_TOKEN"),
        ({"slack_bot_token": APP_TOKEN}, "RAG_SLACK_BOT_TOKEN holds an app-level token"),
    ],
)
def test_tokens_are_checked_before_connecting(socket_settings, overrides, says):
    with pytest.raises(ConfigError, match=says.replace("(", r"\(").replace(")", r"\)")):
        check_socket_mode_settings(socket_settings(**overrides))


def test_rag_slack_without_tokens_exits_1_and_says_which(monkeypatch, tmp_path):
    def no_service(settings):
        raise AssertionError("the tokens are checked before the index is opened")

    monkeypatch.setattr(rag.cli, "_service", no_service)
    result = CliRunner().invoke(
        rag.cli.main,
        ["slack"],
        env={"RAG_DATA_DIR": str(tmp_path), "RAG_SLACK_BOT_TOKEN": BOT_TOKEN},
    )
    assert result.exit_code == 1
    assert "set RAG_SLACK_APP_TOKEN" in result.stderr


def test_the_heartbeat_is_touched_while_connected(
    make_service, socket_settings, socket_mode, tmp_path
):
    heartbeat = tmp_path / "state" / "alive"
    bot = SocketModeBot(socket_settings(), make_service(), ping_interval=1)
    stop = threading.Event()
    runner = threading.Thread(
        target=bot.run, args=(stop,), kwargs={"heartbeat": heartbeat, "every_s": 0.05}, daemon=True
    )
    runner.start()
    socket_mode.connection()
    first = wait_for(lambda: heartbeat.is_file() and heartbeat.stat().st_mtime_ns)
    wait_for(lambda: heartbeat.stat().st_mtime_ns > first)
    stop.set()
    runner.join(STOP_WITHIN_S)
    assert not runner.is_alive()


def test_closing_does_not_wait_on_a_client_that_hangs(make_service, socket_settings):
    # slack_sdk joins a reconnect under way with no time limit; shutdown must not.
    bot = SocketModeBot(socket_settings(), make_service())
    never = threading.Event()
    bot.client.close = never.wait  # blocks until the test ends
    closing = threading.Thread(target=bot.close, kwargs={"timeout": 0.2}, daemon=True)
    closing.start()
    closing.join(STOP_WITHIN_S)
    assert not closing.is_alive()
    never.set()


def test_a_refused_token_is_explained(make_service, socket_settings, web):
    web.refuse = "invalid_auth"
    bot = SocketModeBot(socket_settings(), make_service(), ping_interval=1)
    with pytest.raises(SlackConnectError, match=r"refused .*\(invalid_auth\).*RAG_SLACK_APP_TOKEN"):
        bot.run(threading.Event())


def test_rag_slack_reports_a_refused_connection(monkeypatch, make_service, web, tmp_path):
    web.refuse = "not_allowed_token_type"
    monkeypatch.setattr(rag.cli, "_service", lambda settings: make_service(settings_=settings))
    env = {
        "RAG_DATA_DIR": str(tmp_path / "data"),
        "RAG_SLACK_APP_TOKEN": APP_TOKEN,
        "RAG_SLACK_BOT_TOKEN": BOT_TOKEN,
        "RAG_SLACK_API_URL": f"{web.url}/api/",
    }
    result = CliRunner().invoke(rag.cli.main, ["slack"], env=env)
    assert result.exit_code == 1
    assert "error: Slack refused to open a Socket Mode connection (not_allowed_token_type)" in (
        result.stderr
    )


def test_rag_slack_is_a_command():
    result = CliRunner().invoke(rag.cli.main, ["--help"])
    assert "slack" in result.stdout and "Socket Mode" in result.stdout
