"""Citations every client shows: the sources footer with signed preview links, Open WebUI's
source events and citation keys, and what LangChain users read."""

from __future__ import annotations

import json
import re
import time

import httpx
import openai
import pytest
import test_openai_api as live
from test_openai_api import DESCALE, ask

from server import create_app

# The live server of the /v1 tests: the manual indexed, waitress on 127.0.0.1.
indexed, serve, base_url, client = live.indexed, live.serve, live.base_url, live.client

LINK = re.compile(r"\[(?P<label>[^\]]+)\]\((?P<url>https?://[^)\s]+)\)")


def links(text: str) -> list[tuple[str, str]]:
    return [(m["label"], m["url"]) for m in LINK.finditer(text)]


# The footer and its links ---------------------------------------------------------------------


def test_the_answer_ends_with_a_footer_of_signed_preview_links(serve, make_settings):
    base = serve(make_settings(public_url="https://rag.example.com/", api_keys=["k1"]))
    completion = ask(openai.OpenAI(base_url=base, api_key="k1", max_retries=0), DESCALE)
    content = completion.choices[0].message.content
    answer, footer = content.split("\n\n**Sources**\n\n")
    assert "citric acid" in answer and "[1]" in answer
    sources = completion.model_extra["sources"]
    [(label, url)] = links(footer)
    assert label == "manual.pdf, page 2"
    assert footer.startswith("- [1] [manual.pdf, page 2](")
    path = f"/api/documents/{sources[0]['doc_id']}/pages/2"
    assert url.startswith(f"https://rag.example.com{path}?token=")
    assert sources[0]["url"] == url and sources[0]["preview_url"] == path


def test_a_signed_link_opens_its_page_without_a_key_and_nothing_else(serve, make_settings):
    base = serve(make_settings(api_keys=["k1"]))
    server = base.removesuffix("/v1")
    completion = ask(openai.OpenAI(base_url=base, api_key="k1", max_retries=0), DESCALE)
    url = completion.model_extra["sources"][0]["url"]
    # Without RAG_PUBLIC_URL the links use the address the client reached the server on.
    assert url.startswith(f"{server}/api/documents/")

    opened = httpx.get(url)
    assert opened.status_code == 200, opened.text
    assert opened.headers["content-type"] == "image/png" and opened.content[:4] == b"\x89PNG"

    token = url.split("?token=")[1]
    path = url.split("?")[0].removeprefix(server)
    other_page = path.replace("/pages/2", "/pages/1")
    refused = httpx.get(f"{server}{other_page}?token={token}")
    assert refused.status_code == 403 and "another page" in refused.json()["error"]["message"]
    forged = httpx.get(f"{server}{path}?token={token[:-2]}xx")
    assert forged.status_code == 403 and "not valid" in forged.json()["error"]["message"]
    # The token opens previews only: it is no API key for the rest of the API.
    listing = httpx.get(f"{server}/api/documents?token={token}")
    assert listing.status_code == 401
    assert httpx.get(f"{server}{path}").status_code == 401


def test_an_expired_link_is_refused(make_settings, indexed, monkeypatch):
    app = create_app(make_settings(api_keys=["k1"], link_ttl_hours=1), rag=indexed)
    web = app.test_client()
    headers = {"Authorization": "Bearer k1"}
    body = {"messages": [{"role": "user", "content": DESCALE}]}
    url = web.post("/v1/chat/completions", json=body, headers=headers).json["sources"][0]["url"]
    path = url.removeprefix("http://localhost")
    assert web.get(path).status_code == 200
    later = time.time() + 2 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    expired = web.get(path)
    assert expired.status_code == 403 and "expired" in expired.json["error"]["message"]


def test_the_link_secret_is_generated_once_and_kept(make_settings, indexed):
    settings = make_settings()
    body = {"messages": [{"role": "user", "content": DESCALE}]}
    first = create_app(settings, rag=indexed).test_client()
    url = first.post("/v1/chat/completions", json=body).json["sources"][0]["url"]
    secret = settings.data_dir / "link_secret"
    assert secret.stat().st_mode & 0o777 == 0o600 and len(secret.read_text()) >= 32
    # A restarted server (a new app on the same data directory) still opens the link.
    restarted = create_app(make_settings(api_keys=["k1"]), rag=indexed).test_client()
    assert restarted.get(url.removeprefix("http://localhost")).status_code == 200


def test_a_configured_secret_signs_the_links(make_settings, indexed):
    body = {"messages": [{"role": "user", "content": DESCALE}]}
    one = create_app(make_settings(link_secret="s" * 40), rag=indexed).test_client()
    url = one.post("/v1/chat/completions", json=body).json["sources"][0]["url"]
    other = create_app(make_settings(link_secret="t" * 40, api_keys=["k"]), rag=indexed)
    assert other.test_client().get(url.removeprefix("http://localhost")).status_code == 403
    assert not (make_settings().data_dir / "link_secret").exists()


@pytest.mark.parametrize("where", ["setting", "request"])
def test_the_footer_can_be_switched_off(make_settings, indexed, where):
    settings = make_settings(openai_sources_footer=where != "setting")
    body = {"messages": [{"role": "user", "content": DESCALE}]}
    if where == "request":
        body["rag_sources_footer"] = False
    completion = (
        create_app(settings, rag=indexed).test_client().post("/v1/chat/completions", json=body).json
    )
    content = completion["choices"][0]["message"]["content"]
    assert "**Sources**" not in content and "citric acid" in content
    assert completion["sources"][0]["url"]  # the extension field keeps its links


def test_a_request_may_switch_the_footer_on_again(make_settings, indexed):
    web = create_app(make_settings(openai_sources_footer=False), rag=indexed).test_client()
    body = {"messages": [{"role": "user", "content": DESCALE}], "rag_sources_footer": True}
    content = web.post("/v1/chat/completions", json=body).json["choices"][0]["message"]["content"]
    assert "**Sources**" in content


def test_rag_sources_footer_must_be_a_boolean(make_settings, indexed):
    web = create_app(make_settings(), rag=indexed).test_client()
    body = {"messages": [{"role": "user", "content": DESCALE}], "rag_sources_footer": "no"}
    response = web.post("/v1/chat/completions", json=body)
    assert response.status_code == 400
    assert response.json["error"]["param"] == "rag_sources_footer"


def test_an_abstention_has_no_footer(client):
    completion = ask(client, "Which football club won the 1954 final?")
    assert "**Sources**" not in completion.choices[0].message.content


def test_the_streamed_footer_matches_the_plain_one(client):
    plain = ask(client, DESCALE).choices[0].message.content
    chunks = list(ask(client, DESCALE, stream=True))
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert live.untimed(text) == live.untimed(plain) and "**Sources**" in text
    assert chunks[-1].model_extra["answer"] == text


# Open WebUI --------------------------------------------------------------------------------------


def openwebui_citations(sources: list[dict]) -> list[dict]:
    """What Open WebUI's citation list makes of a message's sources: entries grouped by
    ``metadata[].source`` (else ``source.id``), in order, named by ``metadata[].name``."""
    citations: list[dict] = []
    for source in sources:
        for i, document in enumerate(source.get("document") or []):
            metadata = (source.get("metadata") or [])[i]
            ident = metadata.get("source") or source["source"].get("id") or "N/A"
            found = next((c for c in citations if c["id"] == ident), None)
            if found:
                found["document"].append(document)
            else:
                name = metadata.get("name") or source["source"]["name"]
                url = metadata.get("source_url") or source["source"].get("url")
                citations.append({"id": ident, "name": name, "url": url, "document": [document]})
    return citations


def test_the_stream_sends_open_webui_a_source_event_per_source(base_url):
    body = {"model": "rag", "stream": True, "messages": [{"role": "user", "content": DESCALE}]}
    with httpx.stream("POST", f"{base_url}/chat/completions", json=body) as response:
        lines = [line.removeprefix("data: ") for line in response.iter_lines() if line]
    chunks = [json.loads(line) for line in lines[:-1]]
    events = [c["event"] for c in chunks if "event" in c]
    final = chunks[-1]
    assert final["choices"][0]["finish_reason"] == "stop"
    assert len(events) == len(final["sources"]) >= 1
    # Each event chunk is also an ordinary chunk any OpenAI client reads as an empty delta.
    for chunk in chunks:
        if "event" in chunk:
            assert chunk["choices"] == [{"index": 0, "delta": {}, "finish_reason": None}]
    event = events[0]
    assert event["type"] == "source"
    citation = openwebui_citations([event["data"]])[0]
    assert citation["name"] == "manual.pdf, page 2"
    assert citation["url"] == final["sources"][0]["url"]
    assert "citric acid" in citation["document"][0]
    assert event["data"]["metadata"][0]["page"] == 1  # Open WebUI counts pages from 0


def test_sources_carry_open_webui_citation_keys_numbered_like_the_markers(client, indexed):
    faq = "How long does the warranty last, and what is used to descale the espresso machine?"
    sources = ask(client, faq).model_extra["sources"]
    citations = openwebui_citations(sources)
    # [n] in the text opens Open WebUI's n-th citation: one per source, in the same order.
    assert [c["name"] for c in citations] == [
        s["file"] + (f", page {s['page']}" if s["page"] else "") for s in sources
    ]
    for source in sources:
        assert set(source) >= {"n", "file", "page", "snippet", "preview_url", "url"}
        assert source["document"] == [source["snippet"]]


def test_slides_and_sheets_are_named_by_label_and_only_pictures_get_links(make_settings, indexed):
    from rag.types import Answer, Source
    from server.openai_api.sources import footer, sources_json

    def source(n: int, **kwargs) -> Source:
        values = dict(n=n, file="deck.pptx", page=3, modality="text", snippet="Zone B")
        return Source(**{**values, "doc_id": "d1", "score": 0.5, **kwargs})

    answer = Answer(
        text="Zone B [1] [2] [3].",
        sources=[
            source(1, page_label="slide 3"),
            source(2, file="zones.xlsx", page=1, page_label="sheet Zones"),
            source(3, page_label="slide 3", modality="image", image="b/chart.png"),
        ],
        evidence=[],
        abstained=False,
    )
    app = create_app(make_settings(public_url="https://rag.example.com/"), rag=indexed)
    with app.test_request_context():
        sources = sources_json(answer)
    # A slide or sheet has no rendered page to open (only PDFs do); its pictures do open.
    assert [s["preview_url"] for s in sources] == [None, None, "/api/blobs/chart.png"]
    assert [s["url"] is None for s in sources] == [True, True, False]
    assert [s["page_label"] for s in sources] == ["slide 3", "sheet Zones", "slide 3"]
    assert [s["metadata"][0]["name"] for s in sources] == [
        "deck.pptx, slide 3",
        "zones.xlsx, sheet Zones",
        "deck.pptx, slide 3 (picture)",
    ]
    assert all("page" not in s["metadata"][0] for s in sources)  # no PDF page to jump to
    lines = footer(sources).split("\n\n")[-1].splitlines()
    assert lines[:2] == ["- [1] deck.pptx, slide 3", "- [2] zones.xlsx, sheet Zones"]
    assert lines[2].startswith(
        "- [3] [deck.pptx, slide 3 (picture)](https://rag.example.com/api/blobs/"
    )


# LangChain -----------------------------------------------------------------------------------


def test_langchain_reads_the_sources_in_the_footer(base_url):
    from langchain_openai import ChatOpenAI

    llm = ChatOpenAI(model="rag", base_url=base_url, api_key="unused", max_retries=0)
    message = llm.invoke(DESCALE)
    answer, footer = message.content.split("\n\n**Sources**\n\n")
    assert "citric acid" in answer and "[1]" in answer
    assert links(footer)[0][0] == "manual.pdf, page 2"
    assert message.response_metadata["finish_reason"] == "stop"
    streamed = "".join(chunk.content for chunk in llm.stream(DESCALE))
    assert live.untimed(streamed) == live.untimed(message.content)


def test_langchain_structured_output_gives_answer_and_sources(base_url):
    from langchain_openai import ChatOpenAI
    from pydantic import BaseModel

    class Source(BaseModel):
        n: int
        file: str
        page: int | None
        url: str | None

    class Cited(BaseModel):
        answer: str
        sources: list[Source]

    llm = ChatOpenAI(model="rag", base_url=base_url, api_key="unused", max_retries=0)
    reply = llm.with_structured_output(Cited, method="json_schema").invoke(DESCALE)
    assert isinstance(reply, Cited) and "citric acid" in reply.answer
    assert (reply.sources[0].n, reply.sources[0].file, reply.sources[0].page) == (
        1,
        "manual.pdf",
        2,
    )
    assert reply.sources[0].url.startswith("http://127.0.0.1:")
