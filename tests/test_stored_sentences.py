"""Sentence vectors stored at ingest: the reader scores with them instead of embedding, gives
the same answers as when it embeds, and falls back to embedding (saying so once) for chunks of
an older index or of another sentence splitting."""

from __future__ import annotations

import logging
from dataclasses import replace

import numpy as np
import pytest
from conftest import BACKENDS, FakeEmbedder, fake_vector, open_backend, sparse_of, stored_chunks
from test_embedding_cache import ingest_manual

from rag.embedders.packed import PACK_FORMAT, pack, texts_digest, unpack
from rag.reader import Reader
from rag.reader.pictures import PICTURE_TEXT_MARKER
from rag.reader.reader import sentence_texts
from rag.store.base import PointVectors
from rag.types import Chunk, Evidence

QUESTIONS = [
    "What is used to descale the espresso machine?",
    "How often should the espresso machine be descaled?",
    "What does the espresso machine have?",
    "Who won the 1954 world cup?",
]


def chunk(text: str, index: int = 0, **fields) -> Chunk:
    return Chunk(
        doc_id="d", file="f.md", sha256="s", chunk_index=index, text=text, end=len(text), **fields
    )


def with_vectors(item: Chunk) -> Chunk:
    texts = sentence_texts(item)
    return replace(item, sentence_vectors=pack(texts, np.stack([fake_vector(t) for t in texts])))


# Packing ---------------------------------------------------------------------------------------


def test_a_pack_gives_back_its_vectors_to_float16_precision():
    texts = ["one sentence.", "another one.", "a third."]
    vectors = np.stack([fake_vector(t) for t in texts])
    packed = pack(texts, vectors)
    assert packed["format"] == PACK_FORMAT and packed["count"] == 3
    assert isinstance(packed["float16"], str)  # a JSON payload value
    unpacked = unpack(packed, texts)
    assert unpacked.dtype == np.float32 and unpacked.shape == vectors.shape
    np.testing.assert_allclose(unpacked, vectors, atol=1e-3)
    assert unpack(pack([], np.zeros((0, 4))), []).shape == (0, 4)


def test_a_pack_of_other_texts_or_another_format_reads_as_absent():
    texts = ["one sentence.", "another one."]
    packed = pack(texts, np.stack([fake_vector(t) for t in texts]))
    assert unpack(None, texts) is None
    assert unpack(packed, texts[::-1]) is None  # same texts, other order
    assert unpack(packed, ["one sentence.", "another one!"]) is None
    assert unpack(packed, texts[:1]) is None
    assert unpack({**packed, "format": PACK_FORMAT + 1}, texts) is None
    assert unpack({**packed, "float16": "not base64!"}, texts) is None
    assert unpack({**packed, "dim": packed["dim"] + 1}, texts) is None
    assert unpack("a string", texts) is None
    assert texts_digest(["ab", "c"]) != texts_digest(["a", "bc"])
    with pytest.raises(ValueError, match="2 texts"):
        pack(texts, np.zeros((3, 4)))


# What is stored ------------------------------------------------------------------------------


def test_sentence_texts_are_the_scored_units_once_each():
    text = "Descale every 8 weeks. Use citric acid.\n\nDescale every 8 weeks."
    assert sentence_texts(chunk(text)) == ["Descale every 8 weeks.", "Use citric acid."]


def test_a_pictures_chunk_also_stores_the_text_read_in_it():
    text = f"A photo of a red sign. Outdoors.\n{PICTURE_TEXT_MARKER} NO PARKING. Tow zone."
    texts = sentence_texts(chunk(text, modality="image"))
    # Read as a whole (a question about a picture) and read for its text alone (any other).
    assert "A photo of a red sign." in texts and "Tow zone." in texts
    assert "NO PARKING." in texts
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("backend", BACKENDS)
def test_ingest_stores_every_chunks_sentence_vectors(make_service, backend, tmp_path):
    service = make_service(backend)
    ingest_manual(service, tmp_path)
    chunks = stored_chunks(service)
    assert chunks
    for item in chunks:
        texts = sentence_texts(item)
        vectors = unpack(item.sentence_vectors, texts)
        assert vectors is not None, item
        expected = np.stack([fake_vector(t) for t in texts])
        np.testing.assert_allclose(vectors, expected, atol=1e-3)


def test_a_chunk_without_sentences_gets_an_empty_pack(make_service):
    service = make_service()
    # "ok" is too short to be a sentence; the other chunk's sentences still pair up.
    packed = service.index.with_sentence_vectors([chunk("ok"), chunk("Rinse it. Dry it.", 1)])
    assert sentence_texts(packed[0]) == [] and packed[0].sentence_vectors["count"] == 0
    assert unpack(packed[0].sentence_vectors, []).shape == (0, len(fake_vector("x")))
    vectors = unpack(packed[1].sentence_vectors, ["Rinse it.", "Dry it."])
    np.testing.assert_allclose(vectors[1], fake_vector("Dry it."), atol=1e-3)
    assert packed[1] == chunk("Rinse it. Dry it.", 1)  # the vectors do not change its identity


@pytest.mark.parametrize("kind", BACKENDS)
def test_both_stores_keep_the_pack_as_written(kind, tmp_path):
    store = open_backend(kind, tmp_path)
    try:
        store.ensure_schema(len(fake_vector("x")))
        item = with_vectors(chunk("Rinse it twice. Then dry it."))
        store.upsert_chunks(
            [item], [PointVectors(text=fake_vector(item.text), sparse=sparse_of(item.text))]
        )
        (found,) = store.hybrid_query(
            dense=fake_vector(item.text), sparse=None, limit=1, prefetch_limit=5, rrf_k=60
        )
        assert found.chunk.sentence_vectors == item.sentence_vectors
    finally:
        store.close()


# At question time ----------------------------------------------------------------------------


def test_a_new_question_costs_one_embedding(make_service, tmp_path):
    embedder = FakeEmbedder()
    service = make_service(embedder=embedder)
    ingest_manual(service, tmp_path)
    for question in QUESTIONS:
        before = embedder.texts
        answer = service.ask(question)
        # Retrieval embeds the question; the reader finds it and the sentences stored.
        assert embedder.texts - before == 1, (question, answer.text)
    assert "citric acid" in service.ask(QUESTIONS[0]).text


def test_stored_vectors_give_the_answers_embedding_gives(make_service, tmp_path, caplog):
    service = make_service()
    ingest_manual(service, tmp_path)
    embedder = FakeEmbedder()
    reader = Reader(embedder, min_support=0.3)
    for question in QUESTIONS:
        evidence = service.index.search(question)
        assert all(e.chunk.sentence_vectors for e in evidence)
        stored = reader.read(question, evidence).text
        embedded_before = embedder.texts
        # The same evidence as an older index holds it: no vectors, so they are embedded.
        bare = [replace(e, chunk=replace(e.chunk, sentence_vectors=None)) for e in evidence]
        with caplog.at_level(logging.WARNING, logger="rag.reader.reader"):
            assert reader.read(question, bare).text == stored, question
        if stored:
            assert embedder.texts - embedded_before > 1  # the sentences, not only the question
    warnings = [r for r in caplog.records if "Re-ingest" in r.getMessage()]
    assert len(warnings) == 1  # said once, not per question
    assert "rag ingest" in warnings[0].getMessage()


def test_a_stale_pack_is_not_trusted():
    embedder = FakeEmbedder()
    reader = Reader(embedder, min_support=0.3)
    good = with_vectors(chunk("Descale the machine with citric acid. Rinse it twice."))
    # Vectors made of other sentences (another splitting): wrong if paired by position.
    stale = replace(
        good,
        sentence_vectors=pack(
            ["Descale the machine with citric acid.", "Rinse it twice!"],
            np.stack([fake_vector("zebra"), fake_vector("quartz")]),
        ),
    )
    question = "What is used to descale the machine?"
    right = reader.read(question, [Evidence(good, 1.0, 1)]).text
    assert "citric acid" in right
    before = embedder.texts
    assert reader.read(question, [Evidence(stale, 1.0, 1)]).text == right
    assert embedder.texts - before > 1


def test_the_cache_off_still_answers_from_stored_vectors(make_service, make_settings, tmp_path):
    embedder = FakeEmbedder()
    service = make_service(embedder=embedder, settings_=make_settings(sentence_cache=0))
    ingest_manual(service, tmp_path)
    before = embedder.texts
    assert "citric acid" in service.ask(QUESTIONS[0]).text
    assert embedder.texts - before == 2  # retrieval and the reader each embed the question
