"""What OpenAI clients send beyond a plain question: tools, JSON answers, model lookups, and
the clear 400s for what the server does not do."""

from __future__ import annotations

import json

import httpx
import openai
import pytest
import test_openai_api as live
from pydantic import BaseModel
from test_openai_api import DESCALE, ask, assert_openai_error, untimed

from server import create_app

indexed, serve, base_url, client = live.indexed, live.serve, live.base_url, live.client
WARRANTY = "How long does the warranty last?"
TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Weather in a city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
        },
    }
]


class Source(BaseModel):
    n: int
    file: str
    page: int | None
    url: str | None


class Cited(BaseModel):
    answer: str
    sources: list[Source]


@pytest.fixture
def web(make_settings, indexed):
    return create_app(make_settings(), rag=indexed).test_client()


def post(web, **body):
    body.setdefault("messages", [{"role": "user", "content": DESCALE}])
    return web.post("/v1/chat/completions", json=body)


def openai_error(response, status: int = 400) -> dict:
    assert response.status_code == status, response.text
    assert set(response.json) == {"error"}
    error = response.json["error"]
    assert set(error) == {"message", "type", "param", "code"} and error["message"]
    return error


# Models ----------------------------------------------------------------------------------------


def test_a_model_is_retrieved_by_id(client):
    model = client.models.retrieve("rag")
    assert (model.id, model.object, model.owned_by) == ("rag", "model", "rag")
    with pytest.raises(openai.NotFoundError, match="gpt-4o") as caught:
        client.models.retrieve("gpt-4o")
    assert caught.value.body["code"] == "model_not_found"
    assert caught.value.body["param"] == "model"
    assert caught.value.body["type"] == "invalid_request_error"


def test_models_by_id_answer_get_only(base_url):
    error = assert_openai_error(
        httpx.delete(f"{base_url}/models/rag"), 405, "invalid_request_error"
    )
    assert error["message"]


# Tools -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("choice", [None, "auto", "none"])
def test_tools_are_accepted_and_the_answer_is_prose(client, choice):
    options = {"tools": TOOLS} | ({"tool_choice": choice} if choice else {})
    completion = ask(client, DESCALE, **options)
    message = completion.choices[0].message
    assert "citric acid" in message.content and not message.tool_calls
    assert completion.choices[0].finish_reason == "stop"


@pytest.mark.parametrize(
    "choice", ["required", {"type": "function", "function": {"name": "get_weather"}}]
)
def test_a_forced_tool_call_is_400(client, choice):
    with pytest.raises(openai.BadRequestError, match="never calls tools") as caught:
        ask(client, DESCALE, tools=TOOLS, tool_choice=choice)
    assert caught.value.body["param"] == "tool_choice"
    assert caught.value.body["code"] == "unsupported_value"


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"tools": {"name": "x"}}, "tools"),
        ({"tool_choice": "sometimes"}, "tool_choice"),
    ],
)
def test_malformed_tool_fields_are_400(web, body, param):
    assert openai_error(post(web, **body))["param"] == param


def test_tool_results_and_tool_calls_in_the_history_are_accepted(client):
    completion = client.chat.completions.create(
        model="rag",
        tools=TOOLS,
        messages=[
            {"role": "user", "content": "What is the weather in Oslo?"},
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "call_1",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": '{"city": "Oslo"}'},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "call_1", "content": "Rain, 4 degrees."},
            {"role": "assistant", "content": "It rains in Oslo."},
            {"role": "user", "content": DESCALE},
        ],
    )
    assert "citric acid" in completion.choices[0].message.content


def test_n_above_one_is_400_through_the_client(client):
    with pytest.raises(openai.BadRequestError, match="'n' must be 1") as caught:
        ask(client, DESCALE, n=2)
    assert (caught.value.body["param"], caught.value.body["code"]) == ("n", "unsupported_value")


def test_an_unknown_role_is_400_naming_the_roles(web):
    messages = [{"role": "critic", "content": "hm"}, {"role": "user", "content": DESCALE}]
    error = openai_error(post(web, messages=messages))
    assert error["param"] == "messages[0].role" and "tool" in error["message"]


# JSON answers ------------------------------------------------------------------------------------


def test_json_object_answers_with_answer_and_sources(web):
    completion = post(web, response_format={"type": "json_object"}).json
    content = completion["choices"][0]["message"]["content"]
    value = json.loads(content)
    assert set(value) == {"answer", "sources"}
    assert "citric acid" in value["answer"] and "**Sources**" not in value["answer"]
    assert (value["sources"][0]["file"], value["sources"][0]["page"]) == ("manual.pdf", 2)
    assert value["sources"][0]["url"] == completion["sources"][0]["url"]


def test_parse_fills_a_pydantic_model(client):
    completion = client.chat.completions.parse(
        model="rag", messages=[{"role": "user", "content": DESCALE}], response_format=Cited
    )
    parsed = completion.choices[0].message.parsed
    assert isinstance(parsed, Cited) and "citric acid" in parsed.answer
    first = parsed.sources[0]
    assert (first.n, first.file, first.page) == (1, "manual.pdf", 2)
    assert first.url == completion.model_extra["sources"][0]["url"]


def test_a_text_source_fills_nullable_fields_with_null(client):
    completion = client.chat.completions.parse(
        model="rag", messages=[{"role": "user", "content": WARRANTY}], response_format=Cited
    )
    first = completion.choices[0].message.parsed.sources[0]
    assert (first.file, first.page, first.url) == ("faq.txt", None, None)


def test_a_streamed_json_answer_is_the_same_object(client):
    plain = ask(client, DESCALE, response_format={"type": "json_object"})
    chunks = list(ask(client, DESCALE, stream=True, response_format={"type": "json_object"}))
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert json.loads(untimed(text)) == json.loads(untimed(plain.choices[0].message.content))
    assert chunks[-1].choices[0].finish_reason == "stop"


def schema_format(schema: dict, name: str = "reply") -> dict:
    return {"type": "json_schema", "json_schema": {"name": name, "schema": schema}}


def test_a_schema_with_other_names_is_filled_by_meaning(web):
    schema = {
        "type": "object",
        "properties": {
            "response": {"type": "string"},
            "citations": {"type": "array", "items": {"type": "string"}},
            "confidence": {"type": "number"},
            "abstained": {"type": "boolean"},
            "mood": {"type": "string"},  # optional and unknown: left out
        },
        "required": ["response", "citations", "confidence", "abstained"],
        "additionalProperties": False,
    }
    completion = post(web, response_format=schema_format(schema)).json
    value = json.loads(completion["choices"][0]["message"]["content"])
    assert set(value) == {"response", "citations", "confidence", "abstained"}
    assert value["citations"][0].startswith("[1] manual.pdf, page 2 (http://localhost/api/")
    assert value["confidence"] == completion["grounding"] and value["abstained"] is False


def test_a_required_field_the_server_cannot_fill_is_400_before_answering(web, indexed, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("the question must not be answered")

    monkeypatch.setattr(indexed, "ask", never)
    schema = {
        "type": "object",
        "properties": {"answer": {"type": "string"}, "author": {"type": "string"}},
        "required": ["answer", "author"],
    }
    error = openai_error(post(web, response_format=schema_format(schema)))
    assert error["code"] == "unsupported_schema" and "'author'" in error["message"]
    assert error["param"] == "response_format.json_schema.schema"


@pytest.mark.parametrize(
    ("response_format", "param", "says"),
    [
        ({"type": "yaml"}, "response_format", "json_object"),
        ({"type": "json_schema"}, "response_format.json_schema.schema", "JSON schema object"),
        (schema_format({"type": "nonsense"}), "response_format.json_schema.schema", "not a valid"),
        (
            schema_format({"type": "object", "properties": {"sources": {"type": "array"}}}),
            "response_format.json_schema.schema",
            "named like 'answer'",
        ),
        (
            schema_format(
                {
                    "type": "object",
                    "properties": {
                        "answer": {"type": "string"},
                        "sources": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {"isbn": {"type": "string"}},
                                "required": ["isbn"],
                            },
                        },
                    },
                }
            ),
            "response_format.json_schema.schema",
            "isbn",
        ),
    ],
)
def test_response_formats_the_server_cannot_meet_are_400(web, response_format, param, says):
    error = openai_error(post(web, response_format=response_format))
    assert error["param"] == param and says in error["message"]


def test_a_page_that_must_be_an_integer_fails_for_a_text_source(web):
    schema = Cited.model_json_schema()
    schema["$defs"]["Source"]["properties"]["page"] = {"type": "integer"}
    messages = [{"role": "user", "content": WARRANTY}]
    error = openai_error(post(web, messages=messages, response_format=schema_format(schema)))
    assert "faq.txt" in error["message"] and "'page'" in error["message"]
