"""Stopping `rag serve`: SIGTERM lets requests under way finish (within RAG_SHUTDOWN_GRACE_S)
while new connections are refused. A real waitress server on 127.0.0.1; the answer is held
in the generator by an Event until the test lets it go."""

from __future__ import annotations

import os
import signal
import socket
import threading
from pathlib import Path

import httpx
import pytest
from conftest import FakeEmbedder, GeneratorCall, ScriptedGenerator, write_manual

from server import create_app
from server.serving import InFlight, create_server, serve_until_stopped, stop_on_signals

ANSWER = "Descale it with citric acid every 8 weeks [1]."


class Gate:
    def __init__(self) -> None:
        self.entered = threading.Event()
        self.open = threading.Event()

    def reply(self, call: GeneratorCall) -> str:
        self.entered.set()
        assert self.open.wait(30), "the test never opened the gate"
        return ANSWER


@pytest.fixture
def gate():
    gate = Gate()
    yield gate
    gate.open.set()


@pytest.fixture
def start(make_settings, make_service, tmp_path, gate):
    """Serve in a thread; returns (port, stop event, thread, outcome list)."""

    def begin(grace: float):
        service = make_service(generator=ScriptedGenerator(gate.reply))
        assert service.ingest(write_manual(tmp_path)).ingested == 2
        settings = make_settings(rate_limit="", shutdown_grace_s=grace)
        inflight = InFlight(create_app(settings, rag=service))
        server = create_server(inflight, settings, host="127.0.0.1", port=0, threads=4)
        stop = threading.Event()
        outcome: list[bool] = []
        thread = threading.Thread(
            target=lambda: outcome.append(serve_until_stopped(server, inflight, stop, grace)),
            daemon=True,
        )
        thread.start()
        return server.effective_port, stop, thread, outcome

    return begin


def ask_in_thread(port: int) -> tuple[threading.Thread, list]:
    out: list = []

    def ask() -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            try:
                out.append(http.post("/api/ask", json={"question": "How do I descale it?"}))
            except httpx.HTTPError as exc:  # cut off by a stop past its grace period
                out.append(exc)

    thread = threading.Thread(target=ask, daemon=True)
    thread.start()
    return thread, out


def refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return True
    return False


def wait_until(condition, timeout: float = 10.0) -> bool:
    finished = threading.Event()
    for _ in range(int(timeout / 0.05)):
        if condition():
            return True
        finished.wait(0.05)
    return False


def test_a_stop_lets_the_request_under_way_finish(start, gate):
    port, stop, server_thread, outcome = start(grace=30)
    asking, answered = ask_in_thread(port)
    assert gate.entered.wait(10), "the question never reached the generator"

    stop.set()
    assert wait_until(lambda: refused(port)), "the server still takes new connections"
    assert asking.is_alive() and server_thread.is_alive()

    gate.open.set()
    asking.join(10)
    server_thread.join(10)
    assert answered[0].status_code == 200
    assert "citric acid" in answered[0].json()["answer"]
    assert outcome == [True]


def test_the_grace_period_bounds_the_wait(start, gate):
    port, stop, server_thread, outcome = start(grace=0.5)
    asking, _ = ask_in_thread(port)
    assert gate.entered.wait(10)
    stop.set()
    server_thread.join(10)
    assert not server_thread.is_alive(), "the server waited past its grace period"
    assert outcome == [False]  # one request was cut off, and the server says so
    asking.join(10)


def test_a_request_arriving_while_stopping_is_503(make_settings):
    calls = []

    def app(environ, start_response):
        calls.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    inflight = InFlight(app)
    inflight.close()
    statuses = []
    body = b"".join(inflight({"PATH_INFO": "/api/ask"}, lambda s, h: statuses.append(s)))
    assert statuses == ["503 Service Unavailable"] and b"shutting down" in body
    assert calls == []


def test_sigterm_asks_the_server_to_stop():
    stop = threading.Event()
    with stop_on_signals(stop):
        os.kill(os.getpid(), signal.SIGTERM)
        assert wait_until(stop.is_set, 5)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL or stop.is_set() is not False


@pytest.mark.models  # `rag serve` opens the index, which loads the packaged embedding model
def test_rag_serve_stops_cleanly_on_sigterm(tmp_path):
    """The real command: SIGTERM while idle ends `rag serve` at once, with exit status 0."""
    import subprocess
    import sys
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    root = Path(__file__).resolve().parent.parent
    env |= {"RAG_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(root)}
    process = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 240  # imports and the embedding model, on a busy machine
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("rag serve did not start")
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0, output
    assert "stopping: waiting up to 30 s for 0 request(s)" in output


class HeldEmbedder(FakeEmbedder):
    """Holds the embedding of an uploaded text until the test opens the gate."""

    def __init__(self, gate: Gate) -> None:
        super().__init__()
        self.gate = gate

    def embed_batch(self, items):
        if any("pelican" in text.lower() for text in items):
            self.gate.entered.set()
            assert self.gate.open.wait(30), "the test never opened the gate"
        return super().embed_batch(items)


def test_a_stop_lets_the_upload_under_way_finish(make_settings, make_service, gate):
    from server.uploads import file_sha256

    service = make_service(embedder=HeldEmbedder(gate))
    settings = make_settings(rate_limit="", shutdown_grace_s=30)
    inflight = InFlight(create_app(settings, rag=service))
    server = create_server(inflight, settings, host="127.0.0.1", port=0, threads=4)
    port, stop = server.effective_port, threading.Event()
    outcome: list[bool] = []
    serving = threading.Thread(
        target=lambda: outcome.append(serve_until_stopped(server, inflight, stop, 30)),
        daemon=True,
    )
    serving.start()
    sent: list = []

    def send() -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            files = {"files": ("birds.txt", b"The pelican stores fish in its pouch.")}
            sent.append(http.post("/api/documents", files=files))

    uploading = threading.Thread(target=send, daemon=True)
    uploading.start()
    assert gate.entered.wait(10), "the upload never reached the embedder"
    stop.set()
    assert wait_until(lambda: refused(port))
    gate.open.set()
    uploading.join(10)
    serving.join(10)
    assert sent[0].status_code == 200 and sent[0].json()["ingested"] == 1
    assert outcome == [True]
    [record] = service.documents()
    kept = settings.data_dir / "uploads" / "birds.txt"
    assert record.path == str(kept.resolve()) and record.sha256 == file_sha256(kept)
