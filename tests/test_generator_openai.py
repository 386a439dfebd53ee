"""The OpenAI-compatible generator against a real HTTP server on 127.0.0.1.

The server speaks just enough of ``POST /v1/chat/completions`` (JSON and server-sent events)
for the official ``openai`` client, records every request, and plays a script of replies, so
retries, error bodies and streaming go through the real transport.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import openai
import pytest
from PIL import Image

from rag.errors import ConfigError, ModelError
from rag.generators.base import NOT_IN_DOCUMENTS, Turn
from rag.generators.openai_compat import OpenAIGenerator
from rag.generators.prompting import build_prompt
from rag.types import Chunk, Evidence
from tests.conftest import picture, text_image

ANSWER = "The hangar holds 42 airships [1]."
MODEL = "test-vlm"


@dataclass
class Reply:
    status: int = 200
    text: str = ANSWER
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None  # the error message of a non-200 reply
    stream_error: str | None = None  # an error event after the first piece of a stream
    delay_s: float = 0.0


class FakeOpenAIServer:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.replies: deque[Reply] = deque()
        self.release = threading.Event()  # ends delayed replies at teardown
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                headers = {name.lower(): value for name, value in self.headers.items()}
                fake.requests.append({"path": self.path, "headers": headers, "body": body})
                reply = fake.replies.popleft() if fake.replies else Reply()
                if reply.delay_s:
                    fake.release.wait(reply.delay_s)
                with contextlib.suppress(OSError):  # the client gave up (timeout test)
                    fake.answer(self, body, reply)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        # A short poll interval: shutdown() waits up to one interval, once per test.
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def answer(self, handler: BaseHTTPRequestHandler, body: dict[str, Any], reply: Reply) -> None:
        if reply.status != 200:
            payload = {"error": {"message": reply.error or "error", "type": "error", "code": None}}
            self.send_json(handler, reply.status, payload, reply.headers)
        elif not body.get("stream"):
            message = {"role": "assistant", "content": reply.text}
            choice = {"index": 0, "message": message, "finish_reason": "stop"}
            self.send_json(handler, 200, self.completion("chat.completion", [choice]))
        else:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/event-stream")
            handler.end_headers()  # HTTP/1.0: the stream ends when the connection closes
            for i, piece in enumerate(pieces(reply.text)):
                delta = {"role": "assistant", "content": piece} if i == 0 else {"content": piece}
                self.send_event(handler, [{"index": 0, "delta": delta, "finish_reason": None}])
                if reply.stream_error:
                    self.send_event_data(handler, {"error": {"message": reply.stream_error}})
            self.send_event(handler, [{"index": 0, "delta": {}, "finish_reason": "stop"}])
            self.send_event(handler, [])  # a usage-only chunk, as vLLM and OpenAI send
            handler.wfile.write(b"data: [DONE]\n\n")

    def completion(self, kind: str, choices: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "id": "chatcmpl-1",
            "object": kind,
            "created": 0,
            "model": MODEL,
            "choices": choices,
        }

    def send_event(self, handler: BaseHTTPRequestHandler, choices: list[dict[str, Any]]) -> None:
        self.send_event_data(handler, self.completion("chat.completion.chunk", choices))

    def send_event_data(self, handler: BaseHTTPRequestHandler, data: dict[str, Any]) -> None:
        handler.wfile.write(b"data: " + json.dumps(data).encode() + b"\n\n")
        handler.wfile.flush()

    def send_json(
        self,
        handler: BaseHTTPRequestHandler,
        status: int,
        payload: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> None:
        data = json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    def messages(self, index: int = -1) -> list[dict[str, Any]]:
        return self.requests[index]["body"]["messages"]


def pieces(text: str) -> list[str]:
    words = text.split(" ")
    return [w + " " for w in words[:-1]] + [words[-1]]


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAIServer]:
    # A proxy from the environment must not swallow loopback traffic.
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    fake = FakeOpenAIServer()
    fake.thread.start()
    yield fake
    fake.release.set()
    fake.httpd.shutdown()
    fake.httpd.server_close()


@pytest.fixture
def make_generator(make_settings, server: FakeOpenAIServer):
    def make(**overrides: Any) -> OpenAIGenerator:
        values: dict[str, Any] = {
            "openai_base_url": server.url,
            "openai_model": MODEL,
            "openai_timeout_s": 5.0,
            "openai_max_retries": 2,
        }
        values.update(overrides)
        return OpenAIGenerator(make_settings(**values))

    return make


def text_evidence(n: int, text: str) -> Evidence:
    chunk = Chunk(f"doc{n}", f"notes{n}.txt", f"{n:064x}", 0, text, end=len(text))
    return Evidence(chunk, score=1.0 / n, rank=n)


def image_evidence(settings, n: int, image: Image.Image) -> Evidence:
    blobs = settings.data_dir / "blobs"
    blobs.mkdir(parents=True, exist_ok=True)
    image.save(blobs / f"img{n}.png")
    chunk = Chunk(
        f"img{n}",
        f"img{n}.png",
        f"{n:064x}",
        0,
        f"An image numbered {n}.",
        modality="image",
        image=f"blobs/img{n}.png",
    )
    return Evidence(chunk, score=1.0 / n, rank=n)


EVIDENCE = [
    text_evidence(1, "The hangar holds 42 airships."),
    text_evidence(2, "Zeppelins are filled with helium."),
]


def image_parts(messages: list[dict[str, Any]]) -> list[Image.Image]:
    content = messages[-1]["content"]
    if isinstance(content, str):
        return []
    images = []
    for part in content:
        if part["type"] == "image_url":
            url = part["image_url"]["url"]
            assert url.startswith("data:image/png;base64,")
            images.append(Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))))
    return images


# Answers ---------------------------------------------------------------------------------------


def test_stream_yields_the_servers_pieces(make_generator, server) -> None:
    got = list(make_generator().stream("How many airships?", EVIDENCE))
    assert len(got) > 3
    assert "".join(got) == ANSWER
    assert server.requests[0]["path"] == "/v1/chat/completions"
    assert server.requests[0]["body"]["stream"] is True


@pytest.mark.parametrize(("text", "abstained"), [(ANSWER, False), (NOT_IN_DOCUMENTS, True)])
def test_generate_returns_a_draft(make_generator, server, text: str, abstained: bool) -> None:
    server.replies.append(Reply(text=text))
    draft = make_generator().generate("How many airships?", EVIDENCE)
    assert draft.text == text
    assert draft.abstained is abstained


def test_a_reader_that_stops_early_closes_the_stream(make_generator, server) -> None:
    stream = make_generator().stream("How many airships?", EVIDENCE)
    assert next(stream) == "The "
    stream.close()  # must not raise, and frees the connection
    assert len(server.requests) == 1


def test_the_request_carries_prompt_history_model_and_limits(make_settings, server) -> None:
    settings = make_settings(
        openai_base_url=server.url + "/",
        openai_model=MODEL,
        openai_api_key="sk-test",
        generator_max_new_tokens=77,
        generator_temperature=0.3,
    )
    history = [Turn("user", "What is in the hangar?"), Turn("assistant", "Airships [1].")]
    OpenAIGenerator(settings).generate("How many airships?", EVIDENCE, history=history)

    request = server.requests[0]
    body = request["body"]
    assert request["headers"]["authorization"] == "Bearer sk-test"
    assert body["model"] == MODEL
    assert body["max_tokens"] == 77
    assert body["temperature"] == pytest.approx(0.3)
    expected = build_prompt("How many airships?", EVIDENCE, settings, history=history)
    messages = body["messages"]
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert messages[0]["content"] == expected.system
    assert messages[1]["content"] == "What is in the hangar?"
    assert messages[2]["content"] == "Airships [1]."
    user = messages[3]["content"]
    assert user == expected.user  # no pictures: plain text, which text-only servers accept
    assert '<evidence n="1"' in user and '<evidence n="2"' in user
    assert "The hangar holds 42 airships." in user and "How many airships?" in user
    assert image_parts(messages) == []


def test_a_missing_api_key_sends_a_placeholder(make_generator, server) -> None:
    make_generator().generate("How many airships?", EVIDENCE)
    assert server.requests[0]["headers"]["authorization"] == "Bearer not-needed"


# Pictures ----------------------------------------------------------------------------------------


def test_image_evidence_and_the_query_image_go_as_png_data_urls(make_generator, server) -> None:
    generator = make_generator(generator_max_images=3)
    evidence = [
        image_evidence(generator.settings, 1, picture((160, 120), seed=1)),
        text_evidence(2, "Zeppelins are filled with helium."),
        image_evidence(generator.settings, 3, text_image(["42 airships"], size=(300, 80))),
        image_evidence(generator.settings, 4, picture((90, 60), seed=4)),
    ]
    query_image = picture((64, 48), seed=9)
    generator.generate("What is this?", evidence, query_image=query_image)

    content = server.messages()[-1]["content"]
    assert [p["type"] for p in content] == ["text"] + ["text", "image_url"] * 3
    assert '<evidence n="1"' in content[0]["text"] and '<evidence n="4"' in content[0]["text"]
    captions = [p["text"] for p in content[1::2]]
    assert captions == [
        "Picture the user's image:",
        "Picture [1] img1.png (image):",
        "Picture [3] img3.png (image):",
    ]
    sizes = [image.size for image in image_parts(server.messages())]
    assert sizes == [(64, 48), (160, 120), (300, 80)]  # bounded at 3: img4 is left out


def test_max_images_zero_sends_text_only(make_generator, server) -> None:
    generator = make_generator(generator_max_images=0)
    evidence = [image_evidence(generator.settings, 1, picture())]
    generator.generate("What is this?", evidence, query_image=picture(seed=2))
    assert isinstance(server.messages()[-1]["content"], str)


# Retries ---------------------------------------------------------------------------------------


def test_a_rate_limit_is_retried_after_the_servers_delay(make_generator, server) -> None:
    server.replies.append(Reply(429, error="slow down", headers={"retry-after-ms": "100"}))
    started = time.monotonic()
    draft = make_generator().generate("How many airships?", EVIDENCE)
    assert draft.text == ANSWER
    assert len(server.requests) == 2
    assert time.monotonic() - started >= 0.1


def test_a_server_error_is_retried(make_generator, server) -> None:
    server.replies.append(Reply(500, error="worker crashed"))
    assert make_generator().generate("How many airships?", EVIDENCE).text == ANSWER
    assert len(server.requests) == 2


def test_retries_run_out_with_a_model_error(make_generator, server) -> None:
    server.replies.extend(
        Reply(429, error="quota exceeded", headers={"retry-after-ms": "10"}) for _ in range(2)
    )
    with pytest.raises(ModelError, match=r"HTTP 429: quota exceeded.*RAG_OPENAI_MAX_RETRIES"):
        make_generator(openai_max_retries=1).generate("How many airships?", EVIDENCE)
    assert len(server.requests) == 2


# Errors ------------------------------------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_server_that_is_down_fails_fast_with_a_hint(make_generator) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    generator = make_generator(openai_base_url=url, openai_max_retries=0, openai_timeout_s=2.0)
    started = time.monotonic()
    with pytest.raises(ModelError) as caught:
        generator.generate("How many airships?", EVIDENCE)
    assert time.monotonic() - started < 3.0
    message = str(caught.value)
    assert f"cannot reach the OpenAI-compatible server at {url}" in message
    assert "is it running?" in message and "RAG_OPENAI_BASE_URL" in message
    assert isinstance(caught.value.__cause__, openai.APIConnectionError)


def test_a_slow_server_times_out_with_a_hint(make_generator, server) -> None:
    server.replies.append(Reply(delay_s=5.0))
    generator = make_generator(openai_max_retries=0, openai_timeout_s=0.3)
    with pytest.raises(ModelError, match=r"did not answer within 0.3 s.*RAG_OPENAI_TIMEOUT_S"):
        generator.generate("How many airships?", EVIDENCE)


def test_a_rejected_key_names_the_setting(make_generator, server) -> None:
    server.replies.append(Reply(401, error="Incorrect API key provided"))
    with pytest.raises(ModelError, match=r"Incorrect API key provided.*RAG_OPENAI_API_KEY"):
        make_generator().generate("How many airships?", EVIDENCE)
    assert len(server.requests) == 1  # not retried


@pytest.mark.parametrize(
    "error",
    [
        "model does not support image input",  # Ollama
        "test-vlm is not a multimodal model",  # vLLM
        "image input is not supported - hint: you may need to provide the mmproj",  # llama.cpp
        "this model is missing data required for image input",  # only says "image"
    ],
)
def test_a_text_only_model_given_images_says_so(make_generator, server, error: str) -> None:
    server.replies.append(Reply(400, error=error))
    generator = make_generator()
    evidence = [image_evidence(generator.settings, 1, picture())]
    with pytest.raises(ModelError) as caught:
        generator.generate("What is this?", evidence)
    message = str(caught.value)
    assert "does not accept images" in message and error in message
    assert "vision model" in message and "RAG_GENERATOR_MAX_IMAGES=0" in message
    assert isinstance(caught.value.__cause__, openai.BadRequestError)


def test_other_bad_requests_pass_the_servers_message_on(make_generator, server) -> None:
    error = "This model's maximum context length is 4096 tokens."
    server.replies.append(Reply(400, error=error))
    with pytest.raises(ModelError, match=r"HTTP 400: This model's maximum context") as caught:
        make_generator().generate("How many airships?", EVIDENCE)
    assert "images" not in str(caught.value)


def test_an_unknown_model_names_the_settings(make_generator, server) -> None:
    server.replies.append(Reply(404, error="The model `nope` does not exist."))
    with pytest.raises(ModelError, match=r"does not exist.*RAG_OPENAI_MODEL.*RAG_OPENAI_BASE_URL"):
        make_generator().generate("How many airships?", EVIDENCE)


def test_an_error_in_the_middle_of_the_stream_is_a_model_error(make_generator, server) -> None:
    server.replies.append(Reply(stream_error="CUDA out of memory"))
    stream = make_generator().stream("How many airships?", EVIDENCE)
    assert next(stream) == "The "
    with pytest.raises(ModelError, match="CUDA out of memory"):
        list(stream)


# Settings and the client -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"openai_model": MODEL}, "RAG_OPENAI_BASE_URL"),
        ({"openai_base_url": "localhost:8000/v1", "openai_model": MODEL}, "RAG_OPENAI_BASE_URL"),
        ({"openai_base_url": "http://127.0.0.1:8000/v1"}, "RAG_OPENAI_MODEL"),
    ],
)
def test_missing_settings_are_config_errors(make_settings, overrides, named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        OpenAIGenerator(make_settings(**overrides))


def test_the_client_is_built_on_first_use(make_generator, server) -> None:
    generator = make_generator(openai_base_url=f"http://127.0.0.1:{closed_port()}/v1")
    assert generator._client is None  # constructing opens nothing
    client = generator.client
    assert isinstance(client, openai.OpenAI)
    assert client.max_retries == 2 and client.timeout == 5.0
    assert generator.client is client


def test_an_injected_client_is_used(make_settings, server) -> None:
    settings = make_settings(openai_base_url="http://unused.invalid/v1", openai_model=MODEL)
    client = openai.OpenAI(base_url=server.url, api_key="injected", max_retries=0)
    generator = OpenAIGenerator(settings, client=client)
    assert generator.generate("How many airships?", EVIDENCE).text == ANSWER
    assert server.requests[0]["headers"]["authorization"] == "Bearer injected"


def test_the_fake_server_also_answers_without_streaming(server) -> None:
    # Keeps the fake honest: the same script works for a plain JSON completion.
    client = openai.OpenAI(base_url=server.url, api_key="x", max_retries=0)
    reply = client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": "hi"}], max_tokens=5
    )
    assert reply.choices[0].message.content == ANSWER
