"""Requests an attacker sends: oversized questions, deeply nested or malformed JSON, the wrong
media type, cross-origin writes, forged Host headers. Each gets a precise 4xx in the JSON error
shape of its surface, and none reaches a model or changes the index."""

from __future__ import annotations

import json

import pytest
from conftest import write_manual
from test_slack import (  # noqa: F401 (fixture)
    SECRET,
    TOKEN,
    event_payload,
    mention,
    post_command,
    post_event,
    settle,
    signed_headers,
    slack_api,
)

from server import create_app

ASK_ROUTES = ["/api/ask", "/api/chat"]
OPENAI = "/v1/chat/completions"
JSON_ROUTES = [*ASK_ROUTES, OPENAI]
DEEP = b"[" * 100_000 + b"]" * 100_000
LONE_SURROGATE = '"\\ud800 what is the warranty?"'


@pytest.fixture
def indexed(make_service, tmp_path):
    service = make_service()
    assert service.ingest(write_manual(tmp_path)).ingested == 2
    return service


@pytest.fixture
def make_client(make_settings, indexed):
    def make(**overrides):
        overrides.setdefault("rate_limit", "")
        app = create_app(make_settings(**overrides), rag=indexed)
        app.testing = True
        return app.test_client()

    return make


@pytest.fixture
def client(make_client):
    return make_client()


def question_body(route: str, question: str) -> dict:
    if route == OPENAI:
        return {"model": "rag", "messages": [{"role": "user", "content": question}]}
    return {"question": question}


def raw_question_body(route: str, encoded_question: str) -> bytes:
    """A body whose question is ``encoded_question`` exactly as written (a JSON string)."""
    if route == OPENAI:
        text = f'{{"messages": [{{"role": "user", "content": {encoded_question}}}]}}'
    else:
        text = f'{{"question": {encoded_question}}}'
    return text.encode()


def error_of(response, status: int, *, says: str | None = None) -> dict:
    """The error of ``response``: the product's shape, or OpenAI's on /v1."""
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.is_json
    body = response.get_json()
    assert set(body) == {"error"}
    error = body["error"]
    assert isinstance(error["message"], str) and error["message"] and error["type"]
    if says is not None:
        assert says in error["message"], error["message"]
    return error


# 1. Limits: question length, nesting depth, lone surrogates ----------------------------------


@pytest.mark.parametrize("route", JSON_ROUTES)
def test_an_overlong_question_is_413_saying_the_limit(client, route):
    response = client.post(route, json=question_body(route, "warranty?" * 1000))
    error = error_of(response, 413, says="at most 4000")
    assert "9000 characters" in error["message"] and "RAG_MAX_QUESTION_CHARS" in error["message"]


@pytest.mark.parametrize("route", JSON_ROUTES)
def test_the_question_limit_is_a_setting(make_client, route):
    client = make_client(max_question_chars=20)
    error_of(client.post(route, json=question_body(route, "x" * 21)), 413, says="at most 20")
    response = client.post(route, json=question_body(route, "How long is the warranty?"[:20]))
    assert response.status_code == 200


@pytest.mark.parametrize("route", JSON_ROUTES)
def test_deeply_nested_json_is_400_not_a_crash(client, route):
    response = client.post(route, data=DEEP, content_type="application/json")
    error_of(response, 400, says="100000 levels deep")


@pytest.mark.parametrize("route", JSON_ROUTES)
def test_nesting_inside_a_value_counts_too(client, route):
    body = b'{"question": "warranty?", "extra": ' + b"{" * 5000 + b"}" * 5000 + b"}"
    error_of(client.post(route, data=body, content_type="application/json"), 400, says="deep")


@pytest.mark.parametrize("route", JSON_ROUTES)
def test_brackets_inside_strings_are_not_nesting(client, route):
    question = json.dumps("[[[[ " * 70 + "how long is the warranty?")
    response = client.post(
        route, data=raw_question_body(route, question), content_type="application/json"
    )
    assert response.status_code == 200, response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("data", "depth"),
    [
        (b'{"a": "x\\\\"}', 1),  # an escaped backslash ends the string
        (b'{"a": "\\"[[["}', 1),  # an escaped quote does not
        (b'{"a": "\\\\\\"[["}', 1),  # an escaped backslash, then an escaped quote
        (b'[[], {"k": ["]]]"]}]', 3),
        (b'"[[["', 0),
        ('{"ключ": ["日本[語"]}'.encode(), 2),
    ],
)
def test_nesting_depth_reads_strings_and_escapes(data, depth):
    from server.jsonbody import nesting_depth

    assert nesting_depth(data) == depth
    json.loads(data)  # each case is valid JSON


@pytest.mark.parametrize("route", JSON_ROUTES)
def test_a_lone_surrogate_is_400_not_a_crash(client, route):
    body = raw_question_body(route, LONE_SURROGATE)
    error_of(client.post(route, data=body, content_type="application/json"), 400, says="surrogate")


@pytest.mark.parametrize("route", JSON_ROUTES)
def test_a_paired_surrogate_is_text(client, route):
    body = raw_question_body(route, '"\\ud83d\\ude00 how long is the warranty?"')
    response = client.post(route, data=body, content_type="application/json")
    assert response.status_code == 200, response.get_data(as_text=True)


@pytest.mark.parametrize("route", JSON_ROUTES)
def test_a_body_that_is_not_utf8_is_400(client, route):
    body = raw_question_body(route, '"warranty"').replace(b"warranty", b"warr\xff\xfenty")
    error_of(client.post(route, data=body, content_type="application/json"), 400, says="UTF-8")


# The Slack routes (signed like Slack signs them) ---------------------------------------------


@pytest.fixture
def slack_app(make_settings, indexed, slack_api):  # noqa: F811 (the fixture imported above)
    settings = make_settings(
        slack_signing_secret=SECRET,
        slack_bot_token=TOKEN,
        slack_api_url=f"{slack_api.url}/api/",
        rate_limit="",
        max_question_chars=200,
    )
    app = create_app(settings, rag=indexed)
    app.testing = True
    yield app
    app.extensions["slack"].close(timeout=5)


def post_raw_event(client, raw: bytes):
    return client.post(
        "/slack/events", data=raw, content_type="application/json", headers=signed_headers(raw)
    )


def test_slack_deeply_nested_event_is_400(slack_app):
    error_of(post_raw_event(slack_app.test_client(), DEEP), 400, says="levels deep")


def test_slack_event_with_a_lone_surrogate_is_400(slack_app, slack_api):  # noqa: F811
    text = json.dumps(event_payload(mention("warranty?")))
    raw = text.replace("warranty?", "\\ud800 warranty?").encode()
    error_of(post_raw_event(slack_app.test_client(), raw), 400, says="surrogate")
    settle(slack_app)
    assert slack_api.calls == []


def test_slack_overlong_mention_is_told_the_limit_not_answered(slack_app, slack_api):  # noqa: F811
    response = post_event(slack_app.test_client(), event_payload(mention("warranty " * 50)))
    assert response.status_code == 200
    settle(slack_app)
    [post] = slack_api.posts()
    assert "up to 200" in post.body["text"]


def test_slack_overlong_command_is_told_the_limit(slack_app, slack_api):  # noqa: F811
    response = post_command(slack_app.test_client(), "warranty " * 50, f"{slack_api.url}/hooks/1")
    assert response.status_code == 200
    assert "up to 200" in response.get_json()["text"]
    settle(slack_app)
    assert slack_api.to("/hooks/1") == []


# 2. JSON APIs take only application/json -----------------------------------------------------


@pytest.mark.parametrize("route", JSON_ROUTES)
@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_a_json_api_refuses_other_media_types_with_415(client, route, content_type):
    body = json.dumps(question_body(route, "How long is the warranty?"))
    response = client.post(route, data=body, content_type=content_type)
    error = error_of(response, 415, says="application/json")
    assert content_type in error["message"]


@pytest.mark.parametrize("route", JSON_ROUTES)
def test_a_json_api_refuses_a_body_without_a_media_type(client, route):
    body = json.dumps(question_body(route, "How long is the warranty?"))
    error_of(client.post(route, data=body), 415, says="application/json")


# 3. Cross-origin writes and DNS rebinding ------------------------------------------------------

ASK = {"question": "How long is the warranty?"}


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"},
        {"Origin": "http://localhost:3000", "Sec-Fetch-Site": "same-site"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
    ],
)
def test_a_cross_origin_write_is_403(client, headers):
    error = error_of(client.post("/api/ask", json=ASK, headers=headers), 403)
    assert "RAG_CORS_ORIGINS" in error["message"]


def test_a_cross_origin_delete_or_upload_changes_nothing(client, indexed):
    import io

    before = sorted(d.doc_id for d in indexed.documents())
    evil = {"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}
    error_of(client.delete(f"/api/documents/{before[0]}", headers=evil), 403)
    files = {"files": [(io.BytesIO(b"Planted text."), "planted.txt")]}
    response = client.post(
        "/api/documents", data=files, content_type="multipart/form-data", headers=evil
    )
    error_of(response, 403)
    assert sorted(d.doc_id for d in indexed.documents()) == before


def test_a_cross_origin_openai_completion_is_403(client):
    body = question_body(OPENAI, "How long is the warranty?")
    response = client.post(OPENAI, json=body, headers={"Origin": "https://evil.example"})
    error_of(response, 403)


@pytest.mark.parametrize(
    "headers",
    [
        {},  # curl, SDKs: no Origin
        {"Origin": "http://localhost"},  # the page itself (the test client's host)
        {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"},
        {"Sec-Fetch-Site": "none"},  # typed by the user
    ],
)
def test_same_origin_and_non_browser_writes_pass(client, headers):
    assert client.post("/api/ask", json=ASK, headers=headers).status_code == 200


def test_origins_in_cors_origins_may_write(make_client):
    client = make_client(cors_origins="https://intranet.example, http://localhost:3000")
    for origin in ("https://intranet.example", "http://localhost:3000"):
        headers = {"Origin": origin, "Sec-Fetch-Site": "cross-site"}
        assert client.post("/api/ask", json=ASK, headers=headers).status_code == 200
    error_of(client.post("/api/ask", json=ASK, headers={"Origin": "https://evil.example"}), 403)


def test_dns_rebinding_is_refused(client):
    """A page on attacker.example, its name pointed at 127.0.0.1, reads the documents."""
    response = client.get("/api/documents", headers={"Host": "attacker.example"})
    error = error_of(response, 400, says="attacker.example")
    assert "RAG_ALLOWED_HOSTS" in error["message"]
    response = client.get("/api/documents", headers={"Host": "attacker.example:8000"})
    error_of(response, 400)
    error_of(client.post("/api/ask", json=ASK, headers={"Host": "attacker.example"}), 400)


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"])
def test_loopback_hosts_are_answered(client, host):
    assert client.get("/api/documents", headers={"Host": host}).status_code == 200


def test_the_bind_host_and_public_url_are_answered(make_settings, indexed):
    settings = make_settings(public_url="https://docs.example.org/", rate_limit="")
    client = create_app(settings, rag=indexed, bind_host="10.0.0.7").test_client()
    for host in ("10.0.0.7:8000", "docs.example.org"):
        assert client.get("/api/documents", headers={"Host": host}).status_code == 200
    error_of(client.get("/api/documents", headers={"Host": "10.0.0.8"}), 400)
    # The public URL is the page's origin behind a proxy: its writes are same-origin.
    headers = {"Host": "docs.example.org", "Origin": "https://docs.example.org"}
    assert client.post("/api/ask", json=ASK, headers=headers).status_code == 200


def test_allowed_hosts_is_a_setting_and_star_allows_any(make_client):
    client = make_client(allowed_hosts="rag.internal")
    assert client.get("/api/documents", headers={"Host": "rag.internal"}).status_code == 200
    error_of(client.get("/api/documents", headers={"Host": "localhost"}), 400)
    anyone = make_client(allowed_hosts="*")
    assert anyone.get("/api/documents", headers={"Host": "whatever.example"}).status_code == 200


def test_probes_answer_any_host(client):
    assert client.get("/healthz", headers={"Host": "10.1.2.3:8000"}).status_code == 200


def test_a_keyed_server_answers_other_hosts_unless_told(make_client):
    """A rebinding page has no key; a server with keys is reached by whatever name routes."""
    keyed = make_client(api_keys="k1")
    response = keyed.get(
        "/api/documents", headers={"Host": "10.0.0.9", "Authorization": "Bearer k1"}
    )
    assert response.status_code == 200
    strict = make_client(api_keys="k1", allowed_hosts="rag.internal")
    error_of(strict.get("/api/documents", headers={"Host": "10.0.0.9"}), 400)


# 4. Every copy of the page carries its policy; no inline script ---------------------------------


def policy_of(response) -> dict[str, str]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"{response.request.path} has no Content-Security-Policy"
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.mark.parametrize("path", ["/", "/assets/index.html", "/static/index.html"])
def test_every_copy_of_the_page_carries_the_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/html"
    policy = policy_of(response)
    assert policy["script-src"] == "'self'" and policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("path", ["/assets/favicon.svg", "/static/favicon.svg"])
def test_an_svg_opened_on_its_own_carries_the_policy(client, path):
    assert policy_of(client.get(path))["script-src"] == "'self'"


def test_the_page_holds_no_inline_script(client):
    """The policy allows scripts from this server only; the page relies on nothing else."""
    from html.parser import HTMLParser

    problems: list[str] = []

    class Inspector(HTMLParser):
        in_script = False

        def handle_starttag(self, tag, attrs):
            for name, value in attrs:
                if name.startswith("on"):
                    problems.append(f"<{tag} {name}=...>")
                if value and value.strip().lower().startswith("javascript:"):
                    problems.append(f"<{tag} {name}={value}>")
            if tag == "script":
                self.in_script = True
                if not dict(attrs).get("src"):
                    problems.append("<script> without src")

        def handle_endtag(self, tag):
            if tag == "script":
                self.in_script = False

        def handle_data(self, data):
            if self.in_script and data.strip():
                problems.append(f"inline script: {data.strip()[:40]}")

    response = client.get("/")
    Inspector().feed(response.get_data(as_text=True))
    assert problems == []
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]


def test_json_answers_say_their_type(client):
    assert client.get("/api/documents").headers["X-Content-Type-Options"] == "nosniff"


# 5. Too-large bodies and too many parts: JSON, with the limit that was hit ---------------------


def multipart(parts: int, *, boundary: str = "b0undary") -> bytes:
    lines = []
    for i in range(parts):
        lines.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
            f'filename="f{i}.txt"\r\nContent-Type: text/plain\r\n\r\nnote {i}\r\n'
        )
    lines.append(f"--{boundary}--\r\n")
    return "".join(lines).encode()


def test_too_many_parts_is_413_saying_parts_not_megabytes(client, indexed):
    before = len(indexed.documents())
    body = multipart(1500)
    assert len(body) < 1024 * 1024  # far under the 25 MB limit
    response = client.post(
        "/api/documents", data=body, content_type="multipart/form-data; boundary=b0undary"
    )
    error = error_of(response, 413, says="more than 1000 parts")
    assert "MB" not in error["message"] and "RAG_MAX_UPLOAD_PARTS" in error["message"]
    assert len(indexed.documents()) == before


def test_the_parts_limit_is_a_setting(make_client):
    client = make_client(max_upload_parts=3)
    kind = "multipart/form-data; boundary=b0undary"
    error_of(client.post("/api/documents", data=multipart(4), content_type=kind), 413, says="3")
    response = client.post("/api/documents", data=multipart(3), content_type=kind)
    assert response.status_code == 200 and response.get_json()["ingested"] == 3


def test_an_over_large_body_still_blames_its_size(make_client):
    client = make_client(max_upload_mb=1)
    data = {"files": [(__import__("io").BytesIO(b"a" * (2 * 1024 * 1024)), "big.txt")]}
    response = client.post("/api/documents", data=data, content_type="multipart/form-data")
    error_of(response, 413, says="limit of 1 MB (RAG_MAX_UPLOAD_MB)")


@pytest.fixture
def served(make_settings, indexed):
    """The app under waitress as `rag serve` runs it, on 127.0.0.1 with a 1 MB upload limit."""
    import threading

    from server.serving import InFlight, create_server, serve_until_stopped

    settings = make_settings(max_upload_mb=1, rate_limit="")
    inflight = InFlight(create_app(settings, rag=indexed))
    server = create_server(inflight, settings, host="127.0.0.1", port=0, threads=2)
    stop = threading.Event()
    thread = threading.Thread(
        target=serve_until_stopped, args=(server, inflight, stop, 5.0), daemon=True
    )
    thread.start()
    yield server.effective_port
    stop.set()
    thread.join(10)


def raw_exchange(port: int, head: str, body: bytes = b"") -> tuple[int, dict, bytes]:
    """Send a request as written; the status, headers and body of the answer."""
    import socket

    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head.encode() + body)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
            if b"\r\n\r\n" in received:
                top, _, rest = received.partition(b"\r\n\r\n")
                fields = dict(
                    line.split(": ", 1) for line in top.decode().split("\r\n")[1:] if ": " in line
                )
                length = int(fields.get("Content-Length", "-1"))
                if 0 <= length <= len(rest):
                    return int(top.split()[1]), fields, rest[:length]
    raise AssertionError(f"no complete answer: {received[:200]!r}")


def test_waitress_answers_an_over_large_body_in_json(served):
    """Over waitress's own limit the app never sees the request: waitress answers, in JSON."""
    head = (
        "POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: multipart/form-data; boundary=x\r\n"
        f"Content-Length: {50 * 1024 * 1024}\r\n\r\n"
    )
    status, fields, body = raw_exchange(served, head)
    assert status == 413 and fields["Content-Type"] == "application/json"
    error = json.loads(body)["error"]
    assert error["type"] == "request_entity_too_large"
    assert "limit of 1 MB (RAG_MAX_UPLOAD_MB)" in error["message"]


def test_just_over_the_limit_the_app_answers_alike(served):
    head = (
        "POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: multipart/form-data; boundary=x\r\n"
        f"Content-Length: {1024 * 1024 + 10}\r\n\r\n"
    )
    status, fields, body = raw_exchange(served, head, b"-" * (1024 * 1024 + 10))
    assert status == 413 and fields["Content-Type"] == "application/json"
    assert "limit of 1 MB (RAG_MAX_UPLOAD_MB)" in json.loads(body)["error"]["message"]


def test_waitress_refuses_a_chunked_body_over_its_limit_in_json(served):
    head = (
        "POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    piece = b"-" * 65536
    chunks = (b"%x\r\n" % len(piece) + piece + b"\r\n") * 40  # 2.5 MB
    status, fields, body = raw_exchange(served, head, chunks + b"0\r\n\r\n")
    assert status == 413 and fields["Content-Type"] == "application/json"
    assert "RAG_MAX_UPLOAD_MB" in json.loads(body)["error"]["message"]


def test_waitress_answers_a_malformed_request_in_json(served):
    status, fields, body = raw_exchange(served, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad\r\n\r\n")
    assert status == 400 and fields["Content-Type"] == "application/json"
    assert json.loads(body)["error"]["type"] == "bad_request"


# 6. No absolute server path in listings, deletions or errors ------------------------------------


def upload_files(client, *files, headers=None):
    import io

    data = {"files": [(io.BytesIO(content), name) for name, content in files]}
    return client.post(
        "/api/documents", data=data, content_type="multipart/form-data", headers=headers or {}
    )


def assert_no_server_path(text: str, *roots) -> None:
    for root in roots:
        assert str(root) not in text, text
    assert "/tmp/" not in text and "/home/" not in text, text


def test_listings_show_paths_relative_to_the_data_dir_or_the_name(
    client, indexed, settings, tmp_path
):
    assert upload_files(client, ("kiwi.txt", b"Kiwis are brown.")).status_code == 200
    response = client.get("/api/documents")
    assert_no_server_path(response.get_data(as_text=True), tmp_path, settings.data_dir.resolve())
    paths = {d["file"]: d["path"] for d in response.get_json()["documents"]}
    # Uploaded: relative to the data directory; ingested from elsewhere: the name alone.
    assert paths == {
        "kiwi.txt": "uploads/kiwi.txt",
        "faq.txt": "faq.txt",
        "manual.pdf": "manual.pdf",
    }


def test_a_deletion_shows_no_server_path(client, indexed, tmp_path):
    doc = next(d for d in indexed.documents() if d.file == "faq.txt")
    response = client.delete(f"/api/documents/{doc.doc_id}")
    assert response.status_code == 200
    assert_no_server_path(response.get_data(as_text=True), tmp_path)
    assert response.get_json()["deleted"]["path"] == "faq.txt"


def test_upload_reasons_show_no_server_path(client, tmp_path):
    upload_files(client, ("first.txt", b"Lemons are sour."))
    response = upload_files(client, ("second.txt", b"Lemons are sour."))
    [result] = response.get_json()["results"]
    assert result["status"] == "duplicate"
    assert result["reason"] == "same content as uploads/first.txt"
    assert_no_server_path(response.get_data(as_text=True), tmp_path)


class StoreFailure:
    """A service whose store reports where it lives, as a locked Edge shard does."""

    def __init__(self, exc) -> None:
        self.exc = exc

    def ask(self, question, **options):
        raise self.exc

    def ask_stream(self, question, **options):
        raise self.exc

    def documents(self):
        raise self.exc


@pytest.mark.parametrize("route", JSON_ROUTES)
def test_error_messages_show_no_server_path(make_settings, tmp_path, route):
    from rag.errors import StoreLockedError

    settings = make_settings(rate_limit="")
    shard = settings.data_dir.resolve() / "qdrant" / "documents"
    exc = StoreLockedError(f"the index at {shard} is in use by another process (/srv/x/lock)")
    client = create_app(settings, rag=StoreFailure(exc)).test_client()
    response = client.post(route, json=question_body(route, "Warranty?"))
    error = error_of(response, 503)
    assert error["message"] == "the index at qdrant/documents is in use by another process (lock)"
    listing = client.get("/api/documents")
    assert_no_server_path(listing.get_data(as_text=True), tmp_path)


# 7. A replayed slash command is answered once -------------------------------------------------


def signed_command(text: str, response_url: str) -> tuple[bytes, dict[str, str]]:
    from urllib.parse import urlencode

    raw = urlencode(
        {"command": "/ask", "text": text, "response_url": response_url, "user_id": "UALICE"}
    ).encode()
    return raw, signed_headers(raw)


def send_command(client, raw: bytes, headers: dict[str, str]):
    return client.post(
        "/slack/commands",
        data=raw,
        content_type="application/x-www-form-urlencoded",
        headers=headers,
    )


def test_a_replayed_slash_command_is_answered_once(slack_app, slack_api, monkeypatch):  # noqa: F811
    service = slack_app.extensions["rag"]
    asked = []
    real_ask = service.ask
    monkeypatch.setattr(service, "ask", lambda q, **kw: asked.append(q) or real_ask(q, **kw))
    client = slack_app.test_client()
    raw, headers = signed_command("How long is the warranty?", f"{slack_api.url}/hooks/1")
    first = send_command(client, raw, headers)
    replays = [send_command(client, raw, headers) for _ in range(3)]
    settle(slack_app)
    assert first.get_json()["text"] == "Working on it…"
    assert all(r.status_code == 200 and "already received" in r.get_json()["text"] for r in replays)
    assert asked == ["How long is the warranty?"]
    assert len(slack_api.to("/hooks/1")) == 1


def test_the_same_command_sent_again_later_is_a_new_question(
    slack_app,
    slack_api,  # noqa: F811
):
    """Asked twice by a person, the command has a new timestamp (and signature) each time."""
    client = slack_app.test_client()
    raw, headers = signed_command("How long is the warranty?", f"{slack_api.url}/hooks/2")
    assert send_command(client, raw, headers).get_json()["text"] == "Working on it…"
    later = signed_headers(raw, age=-2)  # two seconds on
    assert send_command(client, raw, later).get_json()["text"] == "Working on it…"
    settle(slack_app)
    assert len(slack_api.to("/hooks/2")) == 2


def test_remembered_commands_are_bounded_and_expire():
    from server.slack.memory import RecentKeys

    now = [0.0]
    seen = RecentKeys(size=3, ttl=600, clock=lambda: now[0])
    assert all(seen.add(("command", str(i), "h")) for i in range(5))
    assert len(seen) == 3
    assert not seen.add(("command", "4", "h"))
    now[0] = 601
    assert seen.add(("command", "4", "h"))
