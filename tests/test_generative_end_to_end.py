"""`rag ask` with RAG_GENERATOR=transformers and a model directory, end to end (tiny VLM)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import picture
from tiny_models import build_idefics3

from rag import cli
from rag.generators.transformers_vlm import TransformersGenerator

pytestmark = pytest.mark.slow  # a tiny random VLM


@pytest.fixture(scope="module")
def vlm_dir(tmp_path_factory):
    return build_idefics3(tmp_path_factory.mktemp("tiny-vlm"))


def test_rag_ask_answers_through_a_local_vlm(
    make_service, make_settings, vlm_dir, tmp_path, monkeypatch
):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "harbour.txt").write_text("The ferry to the island leaves the harbour at nine.")
    picture(seed=5).save(docs / "harbour.png")
    settings = make_settings(generator="transformers", generator_model=str(vlm_dir))
    service = make_service(settings_=settings)
    service.ingest([docs])
    assert isinstance(service.generator, TransformersGenerator)

    seen = {}
    model = service.generator.model  # loads the tiny model through the production loader
    original = model.generate

    def spy(*args, **kwargs):
        seen["pixel_values"] = kwargs.get("pixel_values")
        return original(*args, **kwargs)

    monkeypatch.setattr(model, "generate", spy)
    monkeypatch.setattr(cli, "_service", lambda s: service)
    monkeypatch.setattr(service, "close", lambda: None)
    result = CliRunner().invoke(
        cli.main,
        ["ask", "--json", "When does the ferry leave?"],
        env={"RAG_DATA_DIR": str(settings.data_dir)},
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # A random tiny model writes no real answer, but the whole path ran: generation, marker
    # checks and grounding are in the reply.
    assert data["timings_ms"]["generate"] > 0
    assert {"grounding", "unsupported", "dropped_markers", "sources"} <= set(data)
    assert 0.0 <= data["grounding"] <= 1.0
    assert data["retrieved"], data
    assert seen["pixel_values"] is not None  # the retrieved picture reached the model
