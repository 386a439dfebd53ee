"""``RAG_GENERATOR=ollama`` against a stand-in on 127.0.0.1 that speaks Ollama's ``/api/tags``
and ``/api/show`` and OpenAI's ``/v1/chat/completions`` (streamed), and records every request."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from conftest import picture, write_manual

from rag.errors import ConfigError, ModelError
from rag.generators import GENERATORS, create_generator
from rag.generators.ollama import OllamaGenerator
from rag.settings import Settings
from rag.types import Chunk, Evidence

ANSWER = "The hangar holds 42 airships [1]."

# Newest first, as `ollama list` shows them.
TEXT_MODEL = {"name": "llama3.2:3b", "details": {"family": "llama", "families": ["llama"]}}
VISION_MODEL = {"name": "qwen2.5vl:7b", "details": {"family": "qwen25vl", "families": ["qwen25vl"]}}
CAPABILITIES = {"llama3.2:3b": ["completion", "tools"], "qwen2.5vl:7b": ["completion", "vision"]}


class OllamaStandIn:
    def __init__(self, models: list[dict[str, Any]], capabilities: dict[str, list[str]] | None):
        self.models = models
        self.capabilities = capabilities  # None: a server from before "capabilities"
        self.requests: list[tuple[str, str, Any]] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                stand_in.requests.append(("GET", self.path, None))
                if self.path == "/api/tags":
                    stand_in.send_json(self, 200, {"models": stand_in.models})
                else:
                    stand_in.send_json(self, 404, {"error": "not found"})

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stand_in.requests.append(("POST", self.path, body))
                if self.path == "/api/show":
                    stand_in.show(self, body["model"])
                elif self.path == "/v1/chat/completions":
                    stand_in.chat(self, body)
                else:
                    stand_in.send_json(self, 404, {"error": "not found"})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True).start()

    def show(self, handler: BaseHTTPRequestHandler, name: str) -> None:
        model = next((m for m in self.models if m["name"] == name), None)
        if model is None:
            self.send_json(handler, 404, {"error": f"model '{name}' not found"})
            return
        shown: dict[str, Any] = {"details": model["details"], "modelfile": "FROM x"}
        if self.capabilities is not None:
            shown["capabilities"] = self.capabilities[name]
        self.send_json(handler, 200, shown)

    def chat(self, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        if body["model"] not in {m["name"] for m in self.models}:
            message = f'model "{body["model"]}" not found, try pulling it first'
            self.send_json(handler, 404, {"error": {"message": message, "type": "api_error"}})
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.end_headers()
        for word in ANSWER.split(" "):
            chunk = {
                "id": "chatcmpl-1",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": body["model"],
                "choices": [{"index": 0, "delta": {"content": word + " "}, "finish_reason": None}],
            }
            handler.wfile.write(b"data: " + json.dumps(chunk).encode() + b"\n\n")
        handler.wfile.write(b"data: [DONE]\n\n")

    @staticmethod
    def send_json(handler: BaseHTTPRequestHandler, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def chats(self) -> list[dict[str, Any]]:
        return [body for method, path, body in self.requests if path == "/v1/chat/completions"]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def ollama() -> Iterator[OllamaStandIn]:
    stand_in = OllamaStandIn([TEXT_MODEL, VISION_MODEL], CAPABILITIES)
    yield stand_in
    stand_in.close()


@pytest.fixture
def generator(make_settings, ollama):
    def make(**overrides: Any) -> OllamaGenerator:
        values = {"generator": "ollama", "ollama_url": ollama.url, "openai_max_retries": 0}
        made = create_generator(make_settings(**values | overrides), embedder=None)  # type: ignore[arg-type]
        assert isinstance(made, OllamaGenerator)
        return made

    return make


def text_evidence() -> list[Evidence]:
    chunk = Chunk("doc1", "hangar.txt", "1" * 64, 0, "The hangar holds 42 airships.", end=29)
    return [Evidence(chunk, score=1.0, rank=1)]


def image_evidence(settings: Settings) -> list[Evidence]:
    blobs = settings.data_dir / "blobs"
    blobs.mkdir(parents=True, exist_ok=True)
    picture().save(blobs / "hangar.png")
    chunk = Chunk(
        "img1",
        "hangar.png",
        "2" * 64,
        0,
        "A photograph of a hangar.",
        modality="image",
        image="blobs/hangar.png",
    )
    return [*text_evidence(), Evidence(chunk, score=0.5, rank=2)]


def sent_images(body: dict[str, Any]) -> int:
    content = body["messages"][-1]["content"]
    return 0 if isinstance(content, str) else sum(p["type"] == "image_url" for p in content)


def test_the_name_alone_is_enough(make_settings):
    settings = make_settings(generator="ollama")
    assert settings.ollama_url == "http://127.0.0.1:11434" and settings.ollama_model is None
    assert "ollama" in GENERATORS


def test_text_evidence_goes_to_the_first_model(generator, ollama):
    answer = "".join(generator().stream("How many airships?", text_evidence()))
    assert answer.strip() == ANSWER
    (chat,) = ollama.chats()
    assert chat["model"] == "llama3.2:3b" and chat["stream"] is True
    assert sent_images(chat) == 0
    # Listing is enough for text: no model is inspected.
    assert [p for _, p, _ in ollama.requests] == ["/api/tags", "/v1/chat/completions"]


def test_pictures_go_to_a_vision_model(generator, ollama, make_settings):
    made = generator()
    evidence = image_evidence(made.settings)
    answer = "".join(made.stream("What is in the hangar?", evidence))
    assert answer.strip() == ANSWER
    (chat,) = ollama.chats()
    assert chat["model"] == "qwen2.5vl:7b"
    assert sent_images(chat) == 1
    shown = [body["model"] for _, path, body in ollama.requests if path == "/api/show"]
    assert shown == ["llama3.2:3b", "qwen2.5vl:7b"]
    # The answers after it reuse what was learned: one listing, no more inspection.
    list(made.stream("And now?", evidence))
    list(made.stream("And text?", text_evidence()))
    paths = [p for _, p, _ in ollama.requests]
    assert paths.count("/api/tags") == 1 and paths.count("/api/show") == 2
    assert [c["model"] for c in ollama.chats()] == ["qwen2.5vl:7b", "qwen2.5vl:7b", "llama3.2:3b"]


def test_the_users_picture_goes_to_a_vision_model(generator, ollama):
    list(generator().stream("What is this?", text_evidence(), query_image=picture()))
    (chat,) = ollama.chats()
    assert chat["model"] == "qwen2.5vl:7b" and sent_images(chat) == 1


def test_older_servers_are_read_by_family(make_settings):
    llava = {"name": "llava:7b", "details": {"family": "llama", "families": ["llama", "clip"]}}
    gemma = {"name": "gemma3:4b", "details": {"family": "gemma3", "families": ["gemma3"]}}
    for vision in (llava, gemma):
        stand_in = OllamaStandIn([TEXT_MODEL, vision], capabilities=None)
        try:
            settings = make_settings(generator="ollama", ollama_url=stand_in.url)
            made = OllamaGenerator(settings)
            list(made.stream("What is in the hangar?", image_evidence(settings)))
            assert stand_in.chats()[-1]["model"] == vision["name"]
        finally:
            stand_in.close()


def test_without_a_vision_model_pictures_are_left_out(make_settings, caplog):
    stand_in = OllamaStandIn([TEXT_MODEL], CAPABILITIES)
    try:
        settings = make_settings(generator="ollama", ollama_url=stand_in.url)
        answer = "".join(OllamaGenerator(settings).stream("Hangar?", image_evidence(settings)))
        assert answer.strip() == ANSWER
        (chat,) = stand_in.chats()
        assert chat["model"] == "llama3.2:3b" and sent_images(chat) == 0
        assert "reads pictures" in caplog.text
    finally:
        stand_in.close()


def test_a_chosen_model_is_used_even_for_text(generator, ollama):
    list(generator(ollama_model="qwen2.5vl:7b").stream("Hangar?", text_evidence()))
    assert ollama.chats()[-1]["model"] == "qwen2.5vl:7b"
    assert not [p for _, p, _ in ollama.requests if p == "/api/show"]


def test_a_tag_must_match_when_given(generator):
    # "qwen2.5vl" means qwen2.5vl:latest, which this server does not have.
    with pytest.raises(ModelError, match=r"'qwen2.5vl' is not on the Ollama server"):
        list(generator(ollama_model="qwen2.5vl").stream("Hangar?", text_evidence()))


def test_a_chosen_model_named_without_its_latest_tag(make_settings):
    latest = {"name": "llava:latest", "details": {"families": ["llama", "clip"]}}
    stand_in = OllamaStandIn([TEXT_MODEL, latest], {"llava:latest": ["completion", "vision"]})
    try:
        settings = make_settings(generator="ollama", ollama_url=stand_in.url, ollama_model="llava")
        list(OllamaGenerator(settings).stream("Hangar?", text_evidence()))
        assert stand_in.chats()[-1]["model"] == "llava:latest"
    finally:
        stand_in.close()


def test_an_unknown_chosen_model_names_what_the_server_has(generator):
    with pytest.raises(ModelError) as caught:
        list(generator(ollama_model="mistral").stream("Hangar?", text_evidence()))
    message = str(caught.value)
    assert "RAG_OLLAMA_MODEL='mistral'" in message and "llama3.2:3b, qwen2.5vl:7b" in message
    assert "ollama pull mistral" in message


def test_no_server_says_to_start_one(make_settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    made = OllamaGenerator(make_settings(generator="ollama", ollama_url=url))
    with pytest.raises(
        ModelError, match=rf"no Ollama server at {url}: start it with `ollama serve`"
    ):
        list(made.stream("Hangar?", text_evidence()))


def test_a_server_without_models_says_to_pull_one(make_settings):
    stand_in = OllamaStandIn([], CAPABILITIES)
    try:
        made = OllamaGenerator(make_settings(generator="ollama", ollama_url=stand_in.url))
        with pytest.raises(ModelError, match="has no models: pull one"):
            list(made.stream("Hangar?", text_evidence()))
        # Pulled since: the next question lists again and answers.
        stand_in.models = [TEXT_MODEL]
        assert "".join(made.stream("Hangar?", text_evidence())).strip() == ANSWER
    finally:
        stand_in.close()


def test_a_model_removed_after_listing_says_to_pull_it(generator, ollama):
    made = generator()
    list(made.stream("Hangar?", text_evidence()))
    ollama.models = [VISION_MODEL]  # `ollama rm llama3.2:3b`
    with pytest.raises(
        ModelError, match=r"'llama3.2:3b' is not on the Ollama server .*ollama pull"
    ):
        list(made.stream("Hangar?", text_evidence()))
    # The next question lists the models again and answers with one that is there.
    assert "".join(made.stream("Hangar?", text_evidence())).strip() == ANSWER
    assert ollama.chats()[-1]["model"] == "qwen2.5vl:7b"


def test_something_else_at_the_address_is_named(make_settings):
    class NotOllama(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "5")
            self.end_headers()
            self.wfile.write(b"hello")

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), NotOllama)
    threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        made = OllamaGenerator(make_settings(generator="ollama", ollama_url=url))
        with pytest.raises(ModelError, match="did not answer JSON: is RAG_OLLAMA_URL an Ollama"):
            list(made.stream("Hangar?", text_evidence()))
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("url", ["127.0.0.1:11434", "ftp://host", ""])
def test_a_bad_url_is_a_configuration_error(make_settings, url):
    with pytest.raises(ConfigError, match="RAG_OLLAMA_URL must be an http"):
        OllamaGenerator(make_settings(generator="ollama", ollama_url=url))


def test_the_service_answers_through_ollama(make_service, make_settings, ollama, tmp_path):
    settings = make_settings(generator="ollama", ollama_url=ollama.url)
    service = make_service(settings_=settings)
    service.ingest(write_manual(tmp_path))
    answer = service.ask("How do I descale the espresso machine?")
    assert answer.text.startswith("The hangar holds 42 airships")
    assert [s.n for s in answer.sources] == [1]
    assert ollama.chats()[0]["model"] == "llama3.2:3b"
    assert isinstance(service.generator, OllamaGenerator)
