"""The sentence-vector cache: same vectors as without it, fewer texts embedded, bounded size."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from conftest import FakeEmbedder, fake_vector, write_pdf

from rag.embedders.cache import CachedEmbedder
from rag.errors import ConfigError
from rag.settings import load_settings


def expected(texts: list[str]) -> np.ndarray:
    return np.stack([fake_vector(t) for t in texts]).astype(np.float32)


def test_vectors_are_the_inner_embedders_in_the_order_asked():
    cache = CachedEmbedder(FakeEmbedder(), max_items=100)
    cache.embed(["b", "c"])
    asked = ["a", "b", "a", "d", "c"]
    np.testing.assert_array_equal(cache.embed(asked), expected(asked))
    assert cache.embed([]).shape == (0, cache.dim)


def test_only_new_texts_reach_the_model():
    inner = FakeEmbedder()
    cache = CachedEmbedder(inner, max_items=100)
    cache.embed(["one", "two", "two"])
    assert inner.texts == 2  # a text repeated in one call is embedded once
    cache.embed(["two", "one", "three"])
    assert inner.texts == 3
    assert (cache.hits, cache.misses) == (3, 3)


def test_the_least_recently_used_go_first():
    inner = FakeEmbedder()
    cache = CachedEmbedder(inner, max_items=2)
    cache.embed(["a", "b"])
    cache.embed(["a"])  # "a" is now newer than "b"
    cache.embed(["c"])
    assert len(cache) == 2
    before = inner.texts
    cache.embed(["a", "c"])
    assert inner.texts == before
    cache.embed(["b"])
    assert inner.texts == before + 1


def test_a_caller_changing_its_result_does_not_change_the_cache():
    cache = CachedEmbedder(FakeEmbedder(), max_items=10)
    first = cache.embed(["x"])
    first[:] = 0.0
    np.testing.assert_array_equal(cache.embed(["x"]), expected(["x"]))


def test_threads_sharing_the_cache_get_the_right_vectors():
    cache = CachedEmbedder(FakeEmbedder(), max_items=50)  # smaller than the texts: evictions
    words = [f"sentence {i}" for i in range(120)]
    errors: list[str] = []
    start = threading.Barrier(6)

    def work(seed: int) -> None:
        rng = np.random.default_rng(seed)
        start.wait()
        for _ in range(200):
            asked = [words[i] for i in rng.integers(0, len(words), size=7)]
            if not np.array_equal(cache.embed(asked), expected(asked)):
                errors.append(f"wrong vectors for {asked}")

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(cache) <= 50


def test_a_size_below_one_is_refused():
    with pytest.raises(ValueError):
        CachedEmbedder(FakeEmbedder(), max_items=0)


def test_the_setting_must_not_be_negative(monkeypatch):
    monkeypatch.setenv("RAG_SENTENCE_CACHE", "-1")
    with pytest.raises(ConfigError, match="sentence_cache"):
        load_settings()


# In the service -------------------------------------------------------------------------------


def ingest_manual(service, tmp_path) -> None:
    write_pdf(
        tmp_path / "manual.pdf",
        [
            ["Chapter one introduces the espresso machine. It has a steam wand."],
            ["Descale the espresso machine every 8 weeks with citric acid. Rinse it twice."],
        ],
    )
    assert service.ingest([tmp_path / "manual.pdf"]).ingested == 1


def test_a_repeated_question_embeds_nothing(make_service, tmp_path):
    embedder = FakeEmbedder()
    service = make_service(embedder=embedder)
    ingest_manual(service, tmp_path)
    question = "What is used to descale the espresso machine?"
    first = service.ask(question)
    embedded = embedder.texts
    second = service.ask(question)
    assert second.text == first.text and "citric acid" in first.text
    assert second.grounding == first.grounding
    # The question's vector is remembered; the sentences' were stored at ingest.
    assert embedder.texts == embedded


def test_zero_turns_the_cache_off(make_service, make_settings, tmp_path):
    embedder = FakeEmbedder()
    service = make_service(embedder=embedder, settings_=make_settings(sentence_cache=0))
    assert service.sentence_embedder is service.embedder
    ingest_manual(service, tmp_path)
    question = "What is used to descale the espresso machine?"
    service.ask(question)
    embedded = embedder.texts
    service.ask(question)
    assert embedder.texts - embedded > 1
