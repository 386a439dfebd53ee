"""The JSON API with Flask's test client and a service built on the fakes."""

from __future__ import annotations

import pytest
from conftest import write_manual

from rag.errors import DocumentNotFoundError, StoreError, StoreLockedError
from server import create_app


@pytest.fixture
def indexed(service, tmp_path):
    report = service.ingest(write_manual(tmp_path))
    assert report.ingested == 2
    return service


@pytest.fixture
def client(settings, indexed):
    app = create_app(settings, rag=indexed)
    app.testing = True
    return app.test_client()


def assert_error(response, status: int, kind: str | None = None, says: str | None = None) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json
    body = response.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"message", "type"}
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    if kind is not None:
        assert body["error"]["type"] == kind
    if says is not None:
        assert says in body["error"]["message"]
    return body["error"]


def test_create_app_does_not_open_anything(settings):
    app = create_app(settings)
    service = app.extensions["rag"]
    assert service._store is None and service._embedder is None
    assert not settings.data_dir.exists()


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_ask_returns_answer_and_sources(client):
    response = client.post(
        "/api/ask", json={"question": "What is used to descale the espresso machine?"}
    )
    assert response.status_code == 200
    body = response.get_json()
    assert {"answer", "abstained", "sources", "retrieved", "timings_ms"} <= body.keys()
    assert "citric acid" in body["answer"] and body["abstained"] is False
    assert body["sources"]
    top = body["sources"][0]
    assert (top["n"], top["file"], top["page"], top["modality"]) == (1, "manual.pdf", 2, "text")
    assert [s["n"] for s in body["sources"]] == list(range(1, len(body["sources"]) + 1))
    for source in body["sources"]:
        assert f"[{source['n']}]" in body["answer"]


def test_ask_with_top_k(client):
    response = client.post(
        "/api/ask", json={"question": "How long does the warranty last?", "top_k": 1}
    )
    assert response.status_code == 200
    body = response.get_json()
    assert len(body["retrieved"]) == 1
    assert body["sources"][0]["file"] == "faq.txt"


def test_ask_abstains_with_200(client):
    response = client.post("/api/ask", json={"question": "Which football club won the 1954 final?"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["abstained"] is True and body["sources"] == []


def test_documents(client):
    response = client.get("/api/documents")
    assert response.status_code == 200
    documents = response.get_json()["documents"]
    assert sorted(d["file"] for d in documents) == ["faq.txt", "manual.pdf"]
    assert {"doc_id", "path", "sha256", "kind", "pages", "chunks"} <= documents[0].keys()


def test_malformed_json(client):
    response = client.post(
        "/api/ask", data='{"question": "unterminated', content_type="application/json"
    )
    assert_error(response, 400, "bad_request", "not valid JSON")


def test_body_must_be_an_object(client):
    assert_error(client.post("/api/ask", json=["question"]), 400, "bad_request", "JSON object")
    assert_error(client.post("/api/ask", data="question=hi"), 415, "unsupported_media_type")


@pytest.mark.parametrize(
    "body", [{}, {"question": ""}, {"question": "   "}, {"question": 42}, {"query": "hi"}]
)
def test_missing_or_empty_question(client, body):
    assert_error(client.post("/api/ask", json=body), 400, "bad_request", "'question'")


@pytest.mark.parametrize("top_k", [0, -1, 101, "5", 2.5, [3]])
def test_bad_top_k(client, top_k):
    assert_error(
        client.post("/api/ask", json={"question": "Warranty?", "top_k": top_k}),
        400,
        "bad_request",
        "'top_k'",
    )


def test_boolean_top_k_is_rejected(client):
    assert_error(
        client.post("/api/ask", json={"question": "Warranty?", "top_k": True}), 400, "bad_request"
    )


def test_unknown_route_and_method_use_the_error_shape(client):
    assert_error(client.get("/api/nothing"), 404, "not_found")
    assert_error(client.get("/api/ask"), 405, "method_not_allowed")


class FailingRag:
    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def ask(self, question, **options):
        raise self.exc

    def documents(self, collections=None):
        raise self.exc


@pytest.mark.parametrize(
    ("exc", "status"),
    [
        (StoreLockedError("the index is in use by another process"), 503),
        (DocumentNotFoundError("no indexed document matches 'x'"), 404),
        (StoreError("disk full"), 500),
    ],
)
def test_product_errors_map_to_status_codes(settings, exc, status):
    client = create_app(settings, rag=FailingRag(exc)).test_client()
    error = assert_error(
        client.post("/api/ask", json={"question": "Anything?"}), status, type(exc).__name__
    )
    assert error["message"] == str(exc)
    assert_error(client.get("/api/documents"), status, type(exc).__name__)
