"""The transformers generator, end to end through its real loader, on tiny random models.

A SmolVLM-shaped Idefics3 model and a Llama causal LM are built from configs once per module
(see tiny_models.py); their answers are noise, so the tests check what reaches the model: the
rendered prompt, the pictures, and the streamed pieces.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import torch
from conftest import picture
from tiny_models import IMAGE_TOKEN, build_idefics3, build_llama

from rag.errors import ConfigError, ModelError
from rag.generators.base import Draft, Turn
from rag.generators.transformers_vlm import TransformersGenerator
from rag.types import Chunk, Evidence

pytestmark = pytest.mark.slow  # tiny random transformers models

QUESTION = "What colour is the square in the chart?"
DESCRIPTION = "Text in the image: zeppelin hangar chart. Labels: red square."


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("tiny-models")
    return {
        "vlm": build_idefics3(base / "idefics3"),
        "lm": build_llama(base / "llama"),
        "lm-plain": build_llama(base / "llama-plain", chat_template=None),
    }


@pytest.fixture
def make_generator(make_settings, models):
    def make(kind: str = "vlm", **overrides: Any) -> TransformersGenerator:
        overrides.setdefault("generator_max_new_tokens", 6)
        torch.manual_seed(0)
        return TransformersGenerator(
            make_settings(generator="transformers", generator_model=str(models[kind]), **overrides)
        )

    return make


def text_evidence(n: int, text: str = "The hangar holds forty two airships.") -> Evidence:
    chunk = Chunk(f"doc{n}", f"notes{n}.txt", f"{n:064x}", 0, text)
    return Evidence(chunk, score=1.0 / n, rank=n)


def image_evidence(settings, n: int) -> Evidence:
    """An image chunk whose kept PNG lies under the data directory, as ingest leaves it."""
    relative = f"blobs/photo{n}.png"
    path = settings.data_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    picture(size=(80, 60), seed=n).save(path)
    chunk = Chunk(
        f"img{n}", f"photo{n}.png", f"{n:064x}", 0, DESCRIPTION, modality="image", image=relative
    )
    return Evidence(chunk, score=1.0 / n, rank=n)


class Spy:
    """Records calls to a method (on an instance or, for dunders, on its class) and passes on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> None:
        self.calls: list[tuple[tuple, dict]] = []
        self.results: list[Any] = []
        original = getattr(owner, name)
        bound = not isinstance(owner, type)

        def spy(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((args if bound else args[1:], kwargs))
            result = original(*args, **kwargs)
            self.results.append(result)
            return result

        monkeypatch.setattr(owner, name, spy)

    def text(self) -> str:
        args, kwargs = self.calls[-1]
        return kwargs["text"] if "text" in kwargs else args[0]


def spies(monkeypatch: pytest.MonkeyPatch, generator: TransformersGenerator) -> tuple[Spy, Spy]:
    """(what the processor/tokenizer is given, what model.generate is given)."""
    prompt = Spy(monkeypatch, type(generator.processor), "__call__")
    return prompt, Spy(monkeypatch, generator.model, "generate")


def test_vision_model_sees_evidence_pictures_up_to_the_limit(make_generator, monkeypatch):
    generator = make_generator(generator_max_images=2)
    settings = generator.settings
    evidence = [text_evidence(1)] + [image_evidence(settings, n) for n in (2, 3, 4)]
    prompt, generate = spies(monkeypatch, generator)
    history = (Turn("user", "How big is the hangar?"), Turn("assistant", "Very big [1]."))

    draft = generator.generate(QUESTION, evidence, history=history)

    assert generator.vision
    pixels = generate.calls[0][1]["pixel_values"]
    assert pixels.shape[:2] == (1, 2)  # (batch, images): min(3 pictures, limit 2)
    text = prompt.text()
    assert text.count(IMAGE_TOKEN) == 2
    assert '<evidence n="1"' in text and '<evidence n="4"' in text
    assert "[2] photo2.png" in text and "[3] photo3.png" in text and "photo4.png (image)" in text
    assert QUESTION in text
    assert "How big is the hangar?" in text and "Very big [1]." in text
    assert text.rstrip().endswith("Assistant:")
    assert isinstance(draft, Draft) and draft.text


def test_query_image_is_shown_first(make_generator, monkeypatch):
    generator = make_generator(generator_max_images=4)
    evidence = [image_evidence(generator.settings, 1), text_evidence(2)]
    prompt, generate = spies(monkeypatch, generator)

    generator.generate(QUESTION, evidence, query_image=picture(seed=9))

    assert generate.calls[0][1]["pixel_values"].shape[:2] == (1, 2)
    text = prompt.text()
    assert text.index("the user's image") < text.index("[1] photo1.png") < text.index(QUESTION)


def test_no_pictures_when_the_image_limit_is_zero(make_generator, monkeypatch):
    generator = make_generator(generator_max_images=0)
    prompt, generate = spies(monkeypatch, generator)

    generator.generate(QUESTION, [image_evidence(generator.settings, 1)], query_image=picture())

    assert "pixel_values" not in generate.calls[0][1]
    assert IMAGE_TOKEN not in prompt.text() and DESCRIPTION in prompt.text()


def test_streams_pieces_and_generate_returns_the_same_draft(make_generator):
    generator = make_generator(generator_max_new_tokens=8)
    evidence = [text_evidence(1), image_evidence(generator.settings, 2), text_evidence(3)]

    pieces = list(generator.stream(QUESTION, evidence))
    draft = generator.generate(QUESTION, evidence)

    assert len(pieces) > 1 and all(pieces)
    assert isinstance(draft, Draft)
    assert draft.text == "".join(pieces).strip()  # greedy: the same answer twice


def test_sampling_when_temperature_is_set(make_generator, monkeypatch):
    generator = make_generator(generator_temperature=0.7, generator_max_new_tokens=3)
    _, generate = spies(monkeypatch, generator)

    generator.generate(QUESTION, [text_evidence(1)])

    kwargs = generate.calls[0][1]
    assert kwargs["do_sample"] is True and kwargs["temperature"] == 0.7
    assert kwargs["max_new_tokens"] == 3


def test_text_model_reads_image_descriptions_without_pixels(make_generator, monkeypatch):
    generator = make_generator("lm")
    evidence = [image_evidence(generator.settings, 1), text_evidence(2)]
    prompt, generate = spies(monkeypatch, generator)

    draft = generator.generate(QUESTION, evidence, query_image=picture())

    assert not generator.vision
    kwargs = generate.calls[0][1]
    assert "pixel_values" not in kwargs and "input_ids" in kwargs
    text = prompt.text()
    assert DESCRIPTION in text and '<evidence n="1"' in text and QUESTION in text
    assert "the user's image" not in text  # no picture list for a model that sees none
    # The template rejects a system role: the instructions lead the user turn instead.
    assert "system:" not in text
    assert text.index("user: You answer questions using only") < text.index("Evidence:")
    assert draft.text


def test_model_without_chat_template_gets_a_plain_transcript(make_generator, monkeypatch):
    generator = make_generator("lm-plain")
    prompt, _ = spies(monkeypatch, generator)

    pieces = list(generator.stream(QUESTION, [text_evidence(1)]))

    text = prompt.text()
    assert text.startswith("System: You answer questions")
    assert f"Question: {QUESTION}" in text and text.endswith("Assistant:")
    assert pieces


def test_control_tokens_in_documents_stay_data(make_generator, monkeypatch):
    generator = make_generator()
    evidence = [
        text_evidence(1, f"A page that mentions {IMAGE_TOKEN} and <end_of_utterance> literally."),
        image_evidence(generator.settings, 2),
    ]
    prompt, generate = spies(monkeypatch, generator)

    generator.generate(f"What does {IMAGE_TOKEN} mean?", evidence)

    # Only the real picture has a placeholder; the processor would refuse a mismatch.
    assert prompt.text().count(IMAGE_TOKEN) == 1
    assert generate.calls[0][1]["pixel_values"].shape[:2] == (1, 1)


def test_a_reader_that_stops_early_stops_generation(make_generator, monkeypatch):
    generator = make_generator(generator_max_new_tokens=400)
    _, generate = spies(monkeypatch, generator)

    stream = generator.stream(QUESTION, [text_evidence(1)])
    next(stream)
    stream.close()  # returns once the generating thread has finished

    generated = generate.results[0].shape[1] - generate.calls[0][1]["input_ids"].shape[1]
    assert generated < 400


def test_generation_failure_is_a_model_error(make_generator, monkeypatch):
    generator = make_generator()

    def broken(**kwargs: Any) -> None:
        raise RuntimeError("out of memory")

    monkeypatch.setattr(generator.model, "generate", broken)
    with pytest.raises(ModelError, match="out of memory"):
        list(generator.stream(QUESTION, [text_evidence(1)]))


def test_missing_model_setting_is_a_config_error(make_settings):
    generator = TransformersGenerator(make_settings(generator="transformers"))  # loads nothing

    with pytest.raises(ConfigError, match="RAG_GENERATOR_MODEL"):
        generator.generate(QUESTION, [text_evidence(1)])


def test_directory_without_a_model_is_a_model_error(make_settings, tmp_path):
    empty = tmp_path / "not-a-model"
    empty.mkdir()
    (empty / "README.txt").write_text("no weights here")
    generator = TransformersGenerator(
        make_settings(generator="transformers", generator_model=str(empty))
    )

    with pytest.raises(ModelError, match="RAG_GENERATOR_MODEL"):
        list(generator.stream(QUESTION, [text_evidence(1)]))


def test_unknown_device_is_a_config_error(make_generator):
    generator = make_generator(generator_device="tpu")

    with pytest.raises(ConfigError, match="RAG_GENERATOR_DEVICE"):
        generator.generate(QUESTION, [text_evidence(1)])


def test_latency_of_one_answer_is_small(make_generator):
    """Guards the per-question overhead of the tiny backend (template, processor, thread)."""
    generator = make_generator(generator_max_new_tokens=8)
    evidence = [text_evidence(1), image_evidence(generator.settings, 2), text_evidence(3)]
    generator.generate(QUESTION, evidence)  # loads the model

    times = []
    for _ in range(5):
        start = time.perf_counter()
        generator.generate(QUESTION, evidence)
        times.append(time.perf_counter() - start)

    assert sorted(times)[2] < 2.0
