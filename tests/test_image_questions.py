"""Questions that come with a picture: it is described like an ingested one and joins the query."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import ScriptedGenerator, picture, text_image

from rag import cli


def test_the_query_picture_is_described_and_handed_to_the_generator(make_service, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    picture(seed=3).save(docs / "map.png")
    (docs / "notes.txt").write_text("Opening hours of the bakery are listed on the door.")
    generator = ScriptedGenerator("It is the harbour map [1].")
    service = make_service(generator=generator)
    service.ingest([docs])

    query_image = picture(seed=4)
    answer = service.ask("Where was this taken?", image=query_image)

    call = generator.history[-1]
    assert call.query_image is query_image
    # The description (fake labels and OCR text) joined the question the generator saw ...
    assert "Where was this taken?" in call.question and "a tabby cat" in call.question
    # ... and retrieval, which ranked the ingested picture with the same description first.
    assert call.evidence[0].chunk.file == "map.png"
    assert answer.sources[0].file == "map.png" and answer.sources[0].modality == "image"
    assert "describe_image" in answer.timings_ms


def test_rag_ask_image_option(make_service, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    text_image(["HARBOUR MAP"]).save(docs / "map.png")
    service = make_service()
    service.ingest([docs])
    monkeypatch.setattr(cli, "_service", lambda settings: service)
    monkeypatch.setattr(service, "close", lambda: None)
    query = tmp_path / "query.png"
    picture(seed=9).save(query)

    result = CliRunner().invoke(
        cli.main,
        ["ask", "--json", "--image", str(query), "What does this show?"],
        env={"RAG_DATA_DIR": str(tmp_path / "data")},
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sources"] and data["sources"][0]["file"] == "map.png"
    assert "grounding" in data and "unsupported" in data


def test_rag_ask_image_rejects_a_broken_picture(tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_text("not a picture")
    result = CliRunner().invoke(
        cli.main,
        ["ask", "--image", str(broken), "What is this?"],
        env={"RAG_DATA_DIR": str(tmp_path / "data")},
    )
    assert result.exit_code == 1
    assert "broken.png" in result.stderr and "not a readable image" in result.stderr
