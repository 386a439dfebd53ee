"""The OpenAI-compatible API, driven by the official ``openai`` client against a live server."""

from __future__ import annotations

import base64
import io
import json
import re
import threading

import httpx
import openai
import pytest
import waitress
from conftest import picture, write_manual
from waitress import wasyncore

from rag.errors import StoreUnavailableError
from server import create_app

DESCALE = "What is used to descale the espresso machine?"


@pytest.fixture
def indexed(service, tmp_path):
    # The fake OCR reads a zeppelin inventory in every picture, this one and those asked about.
    picture(seed=3).save(tmp_path / "hangar.png")
    report = service.ingest([*write_manual(tmp_path), tmp_path / "hangar.png"])
    assert report.ingested == 3
    return service


@pytest.fixture
def serve(indexed):
    """Start the app on 127.0.0.1 (a free port) with waitress; returns its /v1 base URL."""
    running = []

    def start(settings, rag=indexed) -> str:
        app = create_app(settings, rag=rag)
        server = waitress.create_server(app, host="127.0.0.1", port=0, threads=4)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        running.append((server, thread))
        return f"http://127.0.0.1:{server.effective_port}/v1"

    yield start
    for server, thread in running:
        # Everything (listener, client connections) closed from the server's own loop thread,
        # so no socket closes under its select and the loop ends with an empty map.
        try:
            server.trigger.pull_trigger(lambda server=server: _stop(server))
        except OSError:
            # The trigger's pipe is already closed (seen on a loaded machine: its descriptor
            # was gone at teardown, after the test's requests were answered). Close everything
            # from here: the loop's select then fails or finds an empty map, and the loop ends.
            _stop(server)
        thread.join(timeout=10)
        assert not thread.is_alive()


def untimed(content):
    """``content`` (text, or JSON-like sources) with its links' tokens masked: a token carries
    the second it was signed, which two requests for the same answer may straddle."""
    text = content if isinstance(content, str) else json.dumps(content, sort_keys=True)
    return re.sub(r"\?token=[\w.-]+", "?token=…", text)


def _stop(server) -> None:
    server.task_dispatcher.shutdown()
    wasyncore.close_all(server._map)


@pytest.fixture
def base_url(serve, settings) -> str:
    return serve(settings)


@pytest.fixture
def client(base_url) -> openai.OpenAI:
    return openai.OpenAI(base_url=base_url, api_key="unused", max_retries=0)


def ask(client: openai.OpenAI, content, **kwargs):
    return client.chat.completions.create(
        model="rag", messages=[{"role": "user", "content": content}], **kwargs
    )


def data_url(image, fmt: str = "PNG") -> str:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return f"data:image/{fmt.lower()};base64,{base64.b64encode(buffer.getvalue()).decode()}"


def assert_openai_error(response: httpx.Response, status: int, kind: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"message", "type", "param", "code"}
    assert body["error"]["type"] == kind and body["error"]["message"]
    return body["error"]


def cited(text: str, sources: list[dict]) -> None:
    numbers = [s["n"] for s in sources]
    assert numbers == list(range(1, len(sources) + 1))
    for n in numbers:
        assert f"[{n}]" in text


# Models and plain completions ----------------------------------------------------------------


def test_models_lists_rag(client):
    models = client.models.list()
    assert [m.id for m in models.data] == ["rag", "rag/default"]  # the documents are in `default`
    model = models.data[0]
    assert model.object == "model" and model.owned_by == "rag" and isinstance(model.created, int)


def test_completion_carries_the_answer_and_its_sources(client):
    completion = ask(client, DESCALE)
    assert completion.object == "chat.completion" and completion.model == "rag"
    assert completion.id.startswith("chatcmpl-") and len(completion.id) == len("chatcmpl-") + 32
    choice = completion.choices[0]
    assert choice.message.role == "assistant" and choice.finish_reason == "stop"
    assert "citric acid" in choice.message.content
    sources = completion.model_extra["sources"]
    assert (sources[0]["file"], sources[0]["page"]) == ("manual.pdf", 2)
    assert sources[0]["preview_url"] == f"/api/documents/{sources[0]['doc_id']}/pages/2"
    cited(choice.message.content, sources)
    assert 0.0 <= completion.model_extra["grounding"] <= 1.0
    assert completion.model_extra["abstained"] is False
    usage = completion.usage
    assert usage.prompt_tokens == len(DESCALE.split())
    assert usage.completion_tokens == len(choice.message.content.split())
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens


def test_model_may_be_left_out_and_extra_parameters_are_ignored(base_url):
    body = {
        "messages": [
            {"role": "system", "content": "You are a pirate."},
            {"role": "user", "content": [{"type": "text", "text": DESCALE}]},
        ],
        "temperature": 0.7,
        "max_tokens": 5,
        "n": 1,
    }
    response = httpx.post(f"{base_url}/chat/completions", json=body)
    assert response.status_code == 200, response.text
    completion = response.json()
    assert completion["model"] == "rag"
    assert "citric acid" in completion["choices"][0]["message"]["content"]


def test_abstains_without_sources(client):
    completion = ask(client, "Which football club won the 1954 final?")
    assert completion.model_extra["abstained"] is True
    assert completion.model_extra["sources"] == []
    assert "do not contain" in completion.choices[0].message.content


# Streaming -----------------------------------------------------------------------------------


def test_stream_reassembles_the_answer_and_ends_with_the_sources(client):
    plain = ask(client, DESCALE)
    chunks = list(ask(client, DESCALE, stream=True))

    assert all(c.object == "chat.completion.chunk" for c in chunks)
    assert len({c.id for c in chunks}) == 1 and chunks[0].id.startswith("chatcmpl-")
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert untimed(text) == untimed(plain.choices[0].message.content)
    assert [c.choices[0].finish_reason for c in chunks[:-1]] == [None] * (len(chunks) - 1)
    last = chunks[-1]
    assert last.choices[0].finish_reason == "stop" and not last.choices[0].delta.content
    assert last.model_extra["answer"] == text
    assert untimed(last.model_extra["sources"]) == untimed(plain.model_extra["sources"])
    cited(text, last.model_extra["sources"])
    assert all("sources" not in (c.model_extra or {}) for c in chunks[:-1])


def test_stream_is_server_sent_events_ending_with_done(base_url):
    body = {"model": "rag", "stream": True, "messages": [{"role": "user", "content": DESCALE}]}
    with httpx.stream("POST", f"{base_url}/chat/completions", json=body) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["cache-control"] == "no-cache"
        assert response.headers["x-accel-buffering"] == "no"
        lines = [line for line in response.iter_lines() if line]
    assert all(line.startswith("data: ") for line in lines)
    assert lines[-1] == "data: [DONE]"
    assert '"finish_reason": "stop"' in lines[-2]


def test_stream_usage_when_asked(client):
    chunks = list(ask(client, DESCALE, stream=True, stream_options={"include_usage": True}))
    last = chunks[-1]
    assert last.choices == [] and last.usage.prompt_tokens == len(DESCALE.split())
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert last.usage.completion_tokens == len(text.split())


def test_a_failure_mid_stream_is_an_error_event(client, indexed, monkeypatch):
    def failing(question, **options):
        yield "Descale it "
        raise StoreUnavailableError("cannot reach Qdrant at http://qdrant:6333")

    monkeypatch.setattr(indexed, "ask_stream", failing)
    stream = ask(client, DESCALE, stream=True)
    received = []
    with pytest.raises(openai.APIError, match="cannot reach Qdrant") as caught:
        for chunk in stream:
            received.append(chunk.choices[0].delta.content)
    assert received == ["", "Descale it "]
    assert caught.value.body["type"] == "server_error"


# History and pictures -----------------------------------------------------------------------


def test_earlier_messages_are_the_history(client):
    follow_up = "How often should that be done?"
    alone = ask(client, follow_up)
    assert "manual.pdf" not in [s["file"] for s in alone.model_extra["sources"]]

    completion = client.chat.completions.create(
        model="rag",
        messages=[
            {"role": "system", "content": "Answer briefly."},
            {"role": "user", "content": "How do I descale the espresso machine?"},
            {"role": "assistant", "content": "With citric acid [1]."},
            {"role": "user", "content": follow_up},
        ],
    )
    sources = completion.model_extra["sources"]
    assert (sources[0]["file"], sources[0]["page"]) == ("manual.pdf", 2)
    assert "8 weeks" in completion.choices[0].message.content


def test_a_data_url_picture_joins_the_question(client, fake_ocr):
    question = "Where was this taken?"
    without = ask(client, question)
    assert without.model_extra["abstained"] is True

    completion = ask(
        client,
        [
            {"type": "text", "text": question},
            {"type": "image_url", "image_url": {"url": data_url(picture(size=(150, 110)))}},
        ],
    )
    assert (150, 110) in fake_ocr.seen  # the picture reached the service
    top = completion.model_extra["sources"][0]
    assert (top["file"], top["modality"]) == ("hangar.png", "image")
    assert top["preview_url"].startswith("/api/blobs/")
    assert "zeppelin" in completion.choices[0].message.content


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("https://example.com/cat.png", "never fetches URLs"),
        ("data:image/png;base64,not base64!", "not valid base64"),
        ("data:image/png;base64," + base64.b64encode(b"plain text, no picture").decode(), "image"),
    ],
)
def test_pictures_other_than_data_urls_of_images_are_400(client, url, says):
    with pytest.raises(openai.BadRequestError, match=says) as caught:
        ask(
            client,
            [
                {"type": "text", "text": "What is this?"},
                {"type": "image_url", "image_url": {"url": url}},
            ],
        )
    error = caught.value.body
    assert error["type"] == "invalid_request_error"
    assert error["param"] == "messages[0].content[1].image_url.url"


def test_a_picture_over_the_pixel_limit_is_413(serve, make_settings):
    client = openai.OpenAI(
        base_url=serve(make_settings(max_image_pixels=1000)), api_key="x", max_retries=0
    )
    with pytest.raises(openai.APIStatusError, match="RAG_MAX_IMAGE_PIXELS") as caught:
        ask(
            client,
            [
                {"type": "text", "text": "What?"},
                {"type": "image_url", "image_url": {"url": data_url(picture())}},
            ],
        )
    assert caught.value.status_code == 413
    assert caught.value.body["type"] == "invalid_request_error"


def test_a_body_over_the_upload_limit_is_413(serve, make_settings):
    base_url = serve(make_settings(max_upload_mb=0.01))
    body = {"model": "rag", "messages": [{"role": "user", "content": "word " * 5000}]}
    response = httpx.post(f"{base_url}/chat/completions", json=body)
    error = assert_openai_error(response, 413, "invalid_request_error")
    assert "RAG_MAX_UPLOAD_MB" in error["message"]


# Authentication -----------------------------------------------------------------------------


def test_api_keys_are_checked(serve, make_settings):
    base_url = serve(make_settings(api_keys=["k1"]))
    wrong = openai.OpenAI(base_url=base_url, api_key="k2", max_retries=0)
    with pytest.raises(openai.AuthenticationError, match="not valid") as caught:
        ask(wrong, DESCALE)
    assert caught.value.body["type"] == "authentication_error"
    assert caught.value.body["code"] == "invalid_api_key"
    with pytest.raises(openai.AuthenticationError):
        wrong.models.list()

    missing = httpx.get(f"{base_url}/models")
    error = assert_openai_error(missing, 401, "authentication_error")
    assert "Authorization: Bearer KEY" in error["message"]

    right = openai.OpenAI(base_url=base_url, api_key="k1", max_retries=0)
    assert "citric acid" in ask(right, DESCALE).choices[0].message.content


def test_rate_limit_is_429_in_the_openai_shape(serve, make_settings):
    client = openai.OpenAI(
        base_url=serve(make_settings(rate_limit="2/minute")), api_key="x", max_retries=0
    )
    client.models.list()
    client.models.list()
    with pytest.raises(openai.RateLimitError) as caught:
        client.models.list()
    assert caught.value.body["type"] == "rate_limit_exceeded"
    assert int(caught.value.response.headers["Retry-After"]) > 0


# Invalid requests ---------------------------------------------------------------------------


def test_malformed_json_is_400(base_url):
    response = httpx.post(
        f"{base_url}/chat/completions",
        content=b'{"model": "rag", "messages": [',
        headers={"Content-Type": "application/json"},
    )
    error = assert_openai_error(response, 400, "invalid_request_error")
    assert "not valid JSON" in error["message"]


def test_unknown_model_is_404(client):
    with pytest.raises(openai.NotFoundError, match="gpt-4o") as caught:
        client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": DESCALE}]
        )
    assert caught.value.body["code"] == "model_not_found"
    assert caught.value.body["param"] == "model"


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"model": "rag", "messages": []}, "messages"),
        ({"model": "rag"}, "messages"),
        ({"model": "rag", "messages": "hello"}, "messages"),
        ({"model": "rag", "messages": [{"role": "user", "content": "   "}]}, "messages[0].content"),
        ({"model": "rag", "messages": [{"role": "user", "content": 42}]}, "messages[0].content"),
        ({"model": "rag", "messages": [{"role": "robot", "content": "hi"}]}, "messages[0].role"),
        (
            {
                "model": "rag",
                "messages": [
                    {"role": "user", "content": DESCALE},
                    {"role": "assistant", "content": "Citric acid."},
                ],
            },
            "messages",
        ),
        ({"model": "rag", "n": 2, "messages": [{"role": "user", "content": DESCALE}]}, "n"),
        (
            {"model": "rag", "stream": "yes", "messages": [{"role": "user", "content": "hi"}]},
            "stream",
        ),
        ({"model": 7, "messages": [{"role": "user", "content": "hi"}]}, "model"),
        (
            {"messages": [{"role": "user", "content": [{"type": "audio", "audio": "..."}]}]},
            "messages[0].content[0]",
        ),
    ],
)
def test_invalid_requests_are_400_naming_the_field(base_url, body, param):
    response = httpx.post(f"{base_url}/chat/completions", json=body)
    error = assert_openai_error(response, 400, "invalid_request_error")
    assert error["param"] == param


def test_empty_messages_through_the_client(client):
    with pytest.raises(openai.BadRequestError, match="messages"):
        client.chat.completions.create(model="rag", messages=[])


def test_other_v1_routes_answer_in_the_openai_shape(base_url):
    assert_openai_error(httpx.post(f"{base_url}/embeddings", json={}), 404, "invalid_request_error")
    error = assert_openai_error(
        httpx.get(f"{base_url}/chat/completions"), 405, "invalid_request_error"
    )
    assert error["message"]


# Service failures ---------------------------------------------------------------------------


@pytest.mark.parametrize("stream", [False, True])
def test_store_down_is_503(client, indexed, monkeypatch, stream):
    def down(question, **options):
        raise StoreUnavailableError("cannot reach Qdrant at http://qdrant:6333: is it running?")

    def down_streamed(question, **options):
        yield from ()
        down(question)

    monkeypatch.setattr(indexed, "ask", down)
    monkeypatch.setattr(indexed, "ask_stream", down_streamed)
    with pytest.raises(openai.InternalServerError, match="cannot reach Qdrant") as caught:
        ask(client, DESCALE, stream=stream)
    assert caught.value.status_code == 503
    error = caught.value.response.json()["error"]
    assert (error["type"], error["code"]) == ("server_error", "store_unavailable_error")
