"""The service's JSON API beyond /api/ask: chat, uploads, documents, previews, auth, limits,
readiness and metrics (Flask test client, the fakes' service on the embedded store)."""

from __future__ import annotations

import base64
import io
import json

import pytest
from conftest import MANUAL_PAGES, picture, write_pdf
from PIL import Image

from rag.errors import StoreUnavailableError
from server import create_app
from server.serialize import preview_path


def pdf_bytes(tmp_path, pages=MANUAL_PAGES, name="manual.pdf") -> bytes:
    return write_pdf(tmp_path / f"src-{name}", pages).read_bytes()


@pytest.fixture
def app(settings, service):
    app = create_app(settings, rag=service)
    app.testing = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def upload(client, *files, headers=None):
    data = {"files": [(io.BytesIO(content), name) for name, content in files]}
    return client.post(
        "/api/documents", data=data, content_type="multipart/form-data", headers=headers or {}
    )


@pytest.fixture
def indexed(client, tmp_path):
    response = upload(
        client,
        ("manual.pdf", pdf_bytes(tmp_path)),
        ("faq.txt", b"The warranty lasts 3 years from the date of purchase."),
    )
    assert response.status_code == 200, response.get_json()
    return client


def error_of(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert body["error"]["message"], body
    return body["error"]


def index_state(service):
    return sorted((d.file, d.sha256, d.chunks) for d in service.documents()), service.store.count()


# Uploads ------------------------------------------------------------------------------------


def test_upload_reports_each_file_and_indexes_it(client, service, tmp_path):
    response = upload(
        client,
        ("manual.pdf", pdf_bytes(tmp_path)),
        ("faq.txt", b"The warranty lasts 3 years from the date of purchase."),
    )
    body = response.get_json()
    assert response.status_code == 200
    assert body["ingested"] == 2 and body["failed"] == 0
    by_file = {r["file"]: r for r in body["results"]}
    assert by_file["manual.pdf"]["status"] == "ingested" and by_file["manual.pdf"]["pages"] == 2
    assert by_file["faq.txt"]["chunks"] >= 1
    assert {d.file for d in service.documents()} == {"manual.pdf", "faq.txt"}
    # The server path of a kept upload never travels back to the client.
    assert "path" not in json.dumps(body["results"])


def test_executable_named_pdf_is_415_and_changes_nothing(indexed, service):
    before = index_state(service)
    response = upload(indexed, ("invoice.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200))
    error = error_of(response, 415)
    assert error["type"] == "UnsupportedFileError" and "invoice.pdf" in error["message"]
    assert response.get_json()["results"][0]["status"] == "failed"
    assert index_state(service) == before


def test_upload_over_the_request_limit_is_413(make_settings, service, tmp_path):
    settings = make_settings(max_upload_mb=1)
    client = create_app(settings, rag=service).test_client()
    before = index_state(service)
    response = upload(client, ("big.txt", b"a" * (2 * 1024 * 1024)))
    assert error_of(response, 413)["type"] == "request_entity_too_large"
    assert index_state(service) == before
    assert not (settings.data_dir / "uploads" / "big.txt").exists()


def test_fifty_megabytes_is_413_with_the_default_limit(client, service, settings):
    response = upload(client, ("huge.pdf", b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024)))
    assert "25 MB" in error_of(response, 413)["message"]
    assert service.documents() == []
    assert not (settings.data_dir / "uploads" / "huge.pdf").exists()


def test_empty_and_corrupt_files_are_400(indexed, service):
    before = index_state(service)
    response = upload(indexed, ("empty.txt", b""), ("broken.pdf", b"%PDF-1.4\n1 0 obj <<"))
    error = error_of(response, 400)
    assert "empty.txt" in error["message"] and "broken.pdf" in error["message"]
    assert [r["status"] for r in response.get_json()["results"]] == ["failed", "failed"]
    assert index_state(service) == before


def test_mixed_upload_keeps_the_good_files(client, service, tmp_path):
    response = upload(client, ("good.txt", b"Bananas are yellow."), ("bad.png", b"not a png"))
    body = response.get_json()
    assert response.status_code == 200
    assert body["ingested"] == 1 and body["failed"] == 1
    assert [d.file for d in service.documents()] == ["good.txt"]


def test_bad_replacement_keeps_the_previous_version(indexed, service, settings):
    before = index_state(service)
    kept = (settings.data_dir / "uploads" / "manual.pdf").read_bytes()
    response = upload(indexed, ("manual.pdf", b"%PDF-1.4 truncated"))
    error_of(response, 400)
    assert index_state(service) == before
    assert (settings.data_dir / "uploads" / "manual.pdf").read_bytes() == kept
    answer = indexed.post("/api/ask", json={"question": "What descales the machine?"})
    assert "citric acid" in answer.get_json()["answer"]


def test_same_name_again_replaces(indexed, service):
    response = upload(
        indexed, ("faq.txt", b"The warranty lasts 5 years from the date of purchase.")
    )
    assert response.get_json()["results"][0]["status"] == "replaced"
    answer = indexed.post(
        "/api/ask", json={"question": "How long does the warranty last?"}
    ).get_json()
    assert "5 years" in answer["answer"]


def test_file_names_are_sanitised(client, service, settings):
    response = upload(client, ("../../etc/evil.txt", b"Plain words about kiwis."))
    result = response.get_json()["results"][0]
    assert result["status"] == "ingested"
    # The folders are flattened into the name, tagged because the name had to change.
    assert result["file"].startswith("etc_evil~") and result["file"].endswith(".txt")
    assert (settings.data_dir / "uploads" / result["file"]).is_file()
    assert not (settings.data_dir.parent / "etc").exists()
    nameless = upload(client, ("../..", b"words"))
    assert error_of(nameless, 400)["type"] == "BadFileName"


def test_upload_without_files_is_400(client):
    response = client.post("/api/documents", data={}, content_type="multipart/form-data")
    assert "'files'" in error_of(response, 400)["message"]


# Documents and previews ---------------------------------------------------------------------


def test_list_and_delete(indexed, service, settings):
    docs = indexed.get("/api/documents").get_json()["documents"]
    manual = next(d for d in docs if d["file"] == "manual.pdf")
    response = indexed.delete(f"/api/documents/{manual['doc_id']}")
    assert response.status_code == 200 and response.get_json()["deleted"]["file"] == "manual.pdf"
    assert [d.file for d in service.documents()] == ["faq.txt"]
    assert not (settings.data_dir / "uploads" / "manual.pdf").exists()
    error_of(indexed.delete(f"/api/documents/{manual['doc_id']}"), 404)
    # Deleting takes an id only: a file name is not an id here.
    error_of(indexed.delete("/api/documents/faq.txt"), 404)


def test_page_preview_of_a_cited_page(indexed):
    answer = indexed.post("/api/ask", json={"question": "What descales the machine?"}).get_json()
    source = answer["sources"][0]
    assert source["preview_url"] == f"/api/documents/{source['doc_id']}/pages/2"
    response = indexed.get(source["preview_url"])
    assert response.status_code == 200 and response.mimetype == "image/png"
    image = Image.open(io.BytesIO(response.data))
    assert image.width > 100 and image.height > 100
    again = indexed.get(source["preview_url"], headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    error_of(indexed.get(f"/api/documents/{source['doc_id']}/pages/9"), 404)
    error_of(indexed.get("/api/documents/0000000000000000/pages/1"), 404)


def test_image_blob_preview(client, tmp_path):
    buffer = io.BytesIO()
    picture().save(buffer, format="PNG")
    assert upload(client, ("photo.png", buffer.getvalue())).status_code == 200
    (record,) = client.get("/api/documents").get_json()["documents"]
    url = preview_path({"image": record["blob"], "page": None, "doc_id": record["doc_id"]})
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "image/png"


@pytest.mark.parametrize("name", ["..%2Fsettings.py", "x.py", "../../etc/passwd", "abc.png"])
def test_blob_names_are_checked(client, name):
    assert client.get(f"/api/blobs/{name}").status_code == 404


# Chat ---------------------------------------------------------------------------------------


def test_chat_keeps_the_conversation(indexed):
    first = indexed.post("/api/chat", json={"question": "How long does the warranty last?"})
    body = first.get_json()
    assert first.status_code == 200 and "3 years" in body["answer"]
    conversation = body["conversation_id"]
    follow_up = indexed.post(
        "/api/chat", json={"question": "And from when?", "conversation_id": conversation}
    ).get_json()
    assert follow_up["conversation_id"] == conversation
    assert follow_up["sources"] and follow_up["sources"][0]["file"] == "faq.txt"


def test_unknown_conversation_is_404(indexed):
    response = indexed.post("/api/chat", json={"question": "Hi?", "conversation_id": "nope"})
    assert "unknown conversation_id" in error_of(response, 404)["message"]


def test_chat_rejects_history_in_the_body(indexed):
    response = indexed.post("/api/chat", json={"question": "Hi?", "history": []})
    assert "conversation_id" in error_of(response, 400)["message"]


def read_events(response) -> list[tuple[str, dict]]:
    events = []
    for block in response.get_data(as_text=True).split("\n\n"):
        if not block.strip():
            continue
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((lines.get("event", "message"), json.loads(lines["data"])))
    return events


def test_chat_streams_deltas_then_the_answer(indexed):
    response = indexed.post(
        "/api/chat", json={"question": "What descales the espresso machine?", "stream": True}
    )
    assert response.status_code == 200 and response.mimetype == "text/event-stream"
    events = read_events(response)
    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "answer" and set(kinds[:-1]) == {"delta"} and len(kinds) >= 2
    final = events[-1][1]
    streamed = "".join(data["text"] for kind, data in events if kind == "delta")
    assert "citric acid" in final["answer"] and final["conversation_id"]
    assert final["sources"][0]["file"] == "manual.pdf"
    # The streamed markers are the final ones: [1] is the first source in both.
    assert "[1]" in streamed and "[1]" in final["answer"]


def test_stream_reports_a_failure_as_an_error_event(indexed, service, monkeypatch):
    def broken(*args, **kwargs):
        raise StoreUnavailableError("the Qdrant server at http://q:6333 cannot be reached")
        yield  # pragma: no cover

    monkeypatch.setattr(service, "ask_stream", broken)
    events = read_events(indexed.post("/api/chat", json={"question": "Hi?", "stream": True}))
    assert events == [
        (
            "error",
            {
                "error": {
                    "message": "the Qdrant server at http://q:6333 cannot be reached",
                    "type": "StoreUnavailableError",
                }
            },
        )
    ]


def test_store_down_is_503(indexed, service, monkeypatch):
    def down(*args, **kwargs):
        raise StoreUnavailableError("the Qdrant server cannot be reached")

    monkeypatch.setattr(service, "ask", down)
    error_of(indexed.post("/api/chat", json={"question": "Hi?"}), 503)


def png_data_url(image) -> str:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def test_question_with_a_picture(indexed):
    response = indexed.post(
        "/api/ask", json={"question": "What is this?", "image": png_data_url(picture())}
    )
    assert response.status_code == 200
    assert "describe_image" in response.get_json()["timings_ms"]


@pytest.mark.parametrize(
    ("image", "says"),
    [
        ("https://example.com/cat.png", "does not fetch URLs"),
        ("data:image/png;base64,@@@", "not valid base64"),
        ("data:image/png;base64," + base64.b64encode(b"not an image").decode(), "image"),
        (42, "data URL"),
    ],
)
def test_bad_pictures_are_400(indexed, image, says):
    response = indexed.post("/api/ask", json={"question": "What is this?", "image": image})
    assert says in error_of(response, 400)["message"]


def test_filters(indexed):
    docs = {d["file"]: d["doc_id"] for d in indexed.get("/api/documents").get_json()["documents"]}
    answer = indexed.post(
        "/api/ask",
        json={"question": "How long?", "filters": {"doc_id": docs["manual.pdf"]}},
    ).get_json()
    assert {r["file"] for r in answer["retrieved"]} == {"manual.pdf"}
    bad = indexed.post("/api/ask", json={"question": "How long?", "filters": {"path": "/etc"}})
    assert "cannot filter on 'path'" in error_of(bad, 400)["message"]


# Auth and limits ----------------------------------------------------------------------------


@pytest.fixture
def keyed(make_settings, service):
    return create_app(make_settings(api_keys=["k-one", "k-two"]), rag=service).test_client()


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic k-one"}]
)
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/ask"),
        ("post", "/api/chat"),
        ("get", "/api/documents"),
        ("post", "/api/documents"),
    ],
)
def test_keys_are_required(keyed, service, headers, method, path):
    response = getattr(keyed, method)(path, json={"question": "Hi?"}, headers=headers)
    error_of(response, 401)
    assert service._store is None  # rejected before anything was opened


def test_a_valid_key_passes_and_open_routes_stay_open(keyed, tmp_path):
    response = upload(
        keyed,
        ("faq.txt", b"The warranty lasts 3 years."),
        headers={"Authorization": "Bearer k-two"},
    )
    assert response.status_code == 200
    assert keyed.get("/healthz").status_code == 200
    assert keyed.get("/api/info").get_json() == {"auth_required": True, "max_upload_mb": 25.0}


def test_rate_limit_per_client(make_settings, service):
    client = create_app(make_settings(rate_limit="2/minute"), rag=service).test_client()
    codes = [client.get("/api/documents").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    error = error_of(client.get("/api/documents"), 429)
    assert error["type"] == "too_many_requests"
    # Another address has its own allowance; health checks are never limited.
    other = client.get("/api/documents", environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200
    assert all(client.get("/healthz").status_code == 200 for _ in range(5))


# Health and metrics -------------------------------------------------------------------------


def test_readyz(indexed):
    response = indexed.get("/readyz")
    body = response.get_json()
    assert response.status_code == 200 and body["status"] == "ready"
    assert body["checks"]["store"].startswith("ok") and body["checks"]["embedder"] == "ok"


def test_readyz_reports_a_store_that_is_down(client, service, monkeypatch):
    class DownStore:
        def count(self, *args, **kwargs):
            raise StoreUnavailableError("the Qdrant server at http://q:6333 cannot be reached")

    monkeypatch.setattr(type(service), "store", property(lambda self: DownStore()))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "cannot be reached" in response.get_json()["checks"]["store"]


def test_metrics_count_requests_and_uploads(indexed):
    indexed.post("/api/ask", json={"question": "What descales the machine?"})
    indexed.post("/api/ask", json={})
    text = indexed.get("/metrics").get_data(as_text=True)
    assert 'rag_http_requests_total{method="POST",route="/api/ask",status="200"} 1.0' in text
    assert 'rag_http_requests_total{method="POST",route="/api/ask",status="400"} 1.0' in text
    assert 'rag_ingest_files_total{status="ingested"} 2.0' in text
    assert 'rag_http_request_seconds_bucket{le="60.0",method="POST",route="/api/ask"} 2.0' in text


# Concurrency ---------------------------------------------------------------------------------


def test_questions_are_answered_while_an_upload_is_ingested(settings, service, tmp_path):
    """A real threaded server: questions from several clients while uploads write the index."""
    import threading

    import httpx
    from waitress import create_server

    server = create_server(create_app(settings, rag=service), host="127.0.0.1", port=0, threads=6)
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{server.effective_port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as http:
            files = {"files": ("manual.pdf", pdf_bytes(tmp_path))}
            assert http.post("/api/documents", files=files).status_code == 200
        statuses: list[int] = []
        answers: list[str] = []
        lock = threading.Lock()

        def asker() -> None:
            with httpx.Client(base_url=base, timeout=60) as http:
                for _ in range(6):
                    r = http.post("/api/ask", json={"question": "What descales the machine?"})
                    with lock:
                        statuses.append(r.status_code)
                        answers.append(r.json().get("answer", ""))

        def uploader() -> None:
            with httpx.Client(base_url=base, timeout=60) as http:
                for i in range(4):
                    text = f"Note {i}: the grinder of model {i} uses conical burrs.".encode()
                    r = http.post("/api/documents", files={"files": (f"note{i}.txt", text)})
                    with lock:
                        statuses.append(r.status_code)

        workers = [threading.Thread(target=asker) for _ in range(4)]
        workers.append(threading.Thread(target=uploader))
        for w in workers:
            w.start()
        for w in workers:
            w.join(timeout=120)
        assert statuses.count(200) == len(statuses) == 4 * 6 + 4
        assert all("citric acid" in a for a in answers)
        files = sorted(d.file for d in service.documents())
        assert files == ["manual.pdf", "note0.txt", "note1.txt", "note2.txt", "note3.txt"]
    finally:
        server.close()
