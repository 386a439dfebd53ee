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
