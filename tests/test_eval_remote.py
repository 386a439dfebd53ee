"""RemoteAsk: evaluate a running server over HTTP (a real werkzeug server and MockTransport)."""

from __future__ import annotations

import socket
import threading

import httpx
import pytest
from test_eval import QUESTIONS, fake_ask
from werkzeug.serving import make_server

from rag.errors import EvalError, StoreUnavailableError
from rag.evaluation.remote import RemoteAsk, answer_from_dict
from rag.evaluation.runner import run_eval
from rag.types import Answer, Chunk, Evidence, Source
from server import create_app

ANSWER = Answer(
    text="The mirror is 2.4 m wide [1].",
    sources=[
        Source(
            n=1,
            file="telescope.pdf",
            page=2,
            modality="text",
            snippet="The primary mirror is 2.4 m wide.",
            doc_id="d1",
            score=0.9,
        ),
        Source(2, "sky.png", None, "image", "a photo", "d2", 0.5, image="images/sky.png"),
    ],
    evidence=[
        Evidence(Chunk("d1", "telescope.pdf", "s", 3, "...", page=2), score=0.9, rank=1),
        Evidence(Chunk("d2", "sky.png", "t", 0, "...", modality="image"), score=0.5, rank=2),
    ],
    abstained=False,
    timings_ms={"embed_query": 1.5, "search": 2.0, "generate": 10.0, "total": 14.0},
    grounding=0.75,
    unsupported=["It is big."],
    dropped_markers=[4],
)


class FakeRag:
    """What create_app needs of a service: ask(question, top_k=, retrieve_k=, ...)."""

    def __init__(self, reply=None, error: Exception | None = None) -> None:
        self.reply, self.error, self.calls = reply, error, []

    def ask(self, question: str, *, top_k: int | None = None, retrieve_k=None, **_) -> Answer:
        self.calls.append((question, top_k))
        self.retrieve_k = retrieve_k
        if self.error is not None:
            raise self.error
        return self.reply(question) if self.reply else ANSWER


@pytest.fixture
def serve(settings):
    servers = []

    def start(rag) -> str:
        server = make_server("127.0.0.1", 0, create_app(settings, rag=rag), threaded=True)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_round_trip_rebuilds_the_answer(serve):
    rag = FakeRag()
    with RemoteAsk(serve(rag), top_k=3) as ask:
        answer = ask("How wide is the mirror?")
    assert rag.calls == [("How wide is the mirror?", 3)] and rag.retrieve_k == 10
    assert answer.text == ANSWER.text and answer.abstained is False
    assert answer.sources == ANSWER.sources  # every field of every Source
    assert [
        (e.chunk.file, e.chunk.page, e.chunk.modality, e.score, e.rank) for e in answer.evidence
    ] == [
        ("telescope.pdf", 2, "text", 0.9, 1),
        ("sky.png", None, "image", 0.5, 2),
    ]
    assert answer.grounding == 0.75 and answer.unsupported == ["It is big."]
    assert answer.dropped_markers == [4]
    client_total = answer.timings_ms.pop("client_total")
    assert answer.timings_ms == ANSWER.timings_ms and client_total > 0


def test_run_eval_against_a_server_concurrently(serve):
    ask = RemoteAsk(serve(FakeRag(reply=fake_ask)))
    local = run_eval(QUESTIONS, fake_ask).to_dict()
    remote = run_eval(QUESTIONS, ask, concurrency=4).to_dict()
    ask.close()
    assert [q["id"] for q in remote["questions"]] == [q["id"] for q in local["questions"]]
    for key in ("recall@5", "mrr", "ndcg@5_file", "answer_accuracy", "abstention_accuracy"):
        assert remote["summary"][key] == local["summary"][key]
    assert "client_total" in remote["summary"]["latency_stages"]


def test_server_errors_carry_the_server_message(serve):
    down = StoreUnavailableError("the Qdrant server at http://qdrant:6333 cannot be reached")
    ask = RemoteAsk(serve(FakeRag(error=down)))
    with pytest.raises(EvalError, match=r"answered POST /api/ask with HTTP 503: the Qdrant server"):
        ask("Anything?")
    with pytest.raises(EvalError, match=r"HTTP 400: 'question' must be a non-empty string"):
        ask("   ")
    ask.close()


def test_server_down():
    with socket.socket() as s:  # a port nothing listens on once this socket is closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with (
        RemoteAsk(f"http://127.0.0.1:{port}", timeout=5) as ask,
        pytest.raises(
            EvalError, match=rf"cannot reach the server at http://127.0.0.1:{port}.*rag serve"
        ),
    ):
        ask("Anything?")


def _mock(handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler))


def test_bearer_key_is_sent_only_when_given():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers.get("authorization"), request.content))
        return httpx.Response(200, json=ANSWER.to_dict())

    client = _mock(handler)
    RemoteAsk("https://rag.example/base/", api_key="s3cret", client=client)("Q?")
    RemoteAsk("https://rag.example/base", client=client)("Q?")
    assert seen[0][:2] == ("https://rag.example/base/api/ask", "Bearer s3cret")
    assert seen[1][1] is None and seen[1][2] == b'{"question":"Q?","retrieve_k":10}'
    ask = RemoteAsk("https://rag.example", client=client)
    ask.close()  # an injected client is the caller's to close
    assert not client.is_closed


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (
            httpx.Response(401, json={"error": {"message": "missing API key", "type": "x"}}),
            r"HTTP 401 \(check the API key\): missing API key",
        ),
        (
            httpx.Response(404, text="<h1>Not Found</h1>"),
            r"HTTP 404 \(is this the URL of a rag server\?\): <h1>Not Found</h1>",
        ),
        (httpx.Response(502, text=""), r"HTTP 502: Bad Gateway"),
        (
            httpx.Response(200, text="<html>proxy login</html>"),
            r"not JSON \(HTTP 200, '<html>proxy login</html>'\)",
        ),
        (httpx.Response(200, json={"sources": []}), r"is not an answer"),
        (
            httpx.Response(200, json={"answer": "x", "sources": [{"n": 1}]}),
            r"is malformed \(KeyError",
        ),
    ],
    ids=["401", "404-html", "502-empty", "not-json", "no-answer", "bad-source"],
)
def test_http_and_reply_errors(response, message):
    ask = RemoteAsk("http://rag.test", client=_mock(lambda request: response))
    with pytest.raises(EvalError, match=message):
        ask("Q?")


def test_timeout_and_bad_url():
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(EvalError, match=r"did not answer within 2 s \(ReadTimeout\)"):
        RemoteAsk("http://rag.test", timeout=2, client=_mock(handler))("Q?")
    with pytest.raises(EvalError, match="must start with http:// or https://"):
        RemoteAsk("localhost:8000")


def test_answer_from_dict_defaults():
    answer = answer_from_dict({"answer": "Not in the documents.", "abstained": True})
    assert answer.abstained and answer.sources == [] and answer.evidence == []
    assert answer.grounding == 1.0 and answer.timings_ms == {}
