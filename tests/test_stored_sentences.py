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

from rag.embedders.base import Span
from rag.embedders.packed import PACK_FORMAT, pack, texts_digest, unpack
from rag.reader import Reader
from rag.reader.pictures import PICTURE_TEXT_MARKER
from rag.reader.reader import sentence_spans, sentence_texts
from rag.store.base import PointVectors
from rag.text import normalize_space
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
    assert unpack({**packed, "format": 1}, texts) is None  # the sentences embedded alone, before
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


@pytest.mark.parametrize("mode", ["pooled", "separate"])
def test_a_chunk_without_sentences_gets_an_empty_pack(make_service, make_settings, mode):
    service = make_service(settings_=make_settings(sentence_vectors=mode))
    # "ok" is too short to be a sentence; the other chunk's sentences still pair up.
    items = [chunk("ok"), chunk("Rinse it. Dry it.", 1)]
    packed, vectors = service.index.vectorise_chunks(items, [f"f.md\n{c.text}" for c in items])
    assert len(vectors) == 2
    assert sentence_texts(packed[0]) == [] and packed[0].sentence_vectors["count"] == 0
    assert unpack(packed[0].sentence_vectors, []).shape == (0, len(fake_vector("x")))
    vectors = unpack(packed[1].sentence_vectors, ["Rinse it.", "Dry it."])
    np.testing.assert_allclose(vectors[1], fake_vector("Dry it."), atol=1e-3)
    assert packed[1] == chunk("Rinse it. Dry it.", 1)  # the vectors do not change its identity


def test_sentence_spans_say_where_each_scored_text_stands():
    text = (
        "Descale  every 8 weeks.\nUse citric\tacid. Descale every 8 weeks.\n\n"
        "Opening hours:\nMonday — Opens: 9:00 — Closes: 17:00\n"
        "Sunday — Opens: never — Closes: never"
    )
    item = chunk(text)
    spans = sentence_spans(item)
    assert [span.text for span in spans] == sentence_texts(item)
    for span in spans:
        assert span.ranges, span.text
        pieces = [text[start:end] for start, end in span.ranges]
        assert normalize_space(" ".join(pieces)) == span.text
    # A table row is read with its caption: two places, the caption's first.
    (sunday,) = [span for span in spans if "Sunday" in span.text]
    assert [text[a:b] for a, b in sunday.ranges] == [
        "Opening hours:",
        "Sunday — Opens: never — Closes: never",
    ]
    # A text said twice is placed where it is first said.
    assert spans[0].ranges == ((0, len("Descale  every 8 weeks.")),)


def test_a_pictures_text_is_placed_where_it_was_read():
    text = f"A photo of a red sign. Outdoors.\n{PICTURE_TEXT_MARKER} NO PARKING. Tow zone."
    item = chunk(text, modality="image")
    spans = sentence_spans(item)
    assert [span.text for span in spans] == sentence_texts(item)
    for span in spans:
        (start, end), *_ = span.ranges
        assert normalize_space(text[start:end]) in span.text
    (tow,) = [span for span in spans if span.text == "Tow zone."]
    assert tow.ranges == ((text.index("Tow zone."), len(text)),)


class SpanRecorder(FakeEmbedder):
    """Records the spans it is asked to pool, answering as the base embedder does."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, list[Span]]] = []

    def embed_with_spans(self, items, spans, *, on_batch=None):
        self.asked += list(zip(items, spans, strict=True))
        return super().embed_with_spans(items, spans, on_batch=on_batch)


def test_pooled_sentence_vectors_are_asked_for_in_the_chunks_embedded_text(
    make_service, make_settings
):
    embedder = SpanRecorder()
    service = make_service(embedder=embedder, settings_=make_settings(sentence_vectors="pooled"))
    items = [chunk("Rinse it. Dry it.", 0), chunk("Fill  the tank.\nClose it.", 1)]
    texts = ["Manual (f.md)\nRinse it. Dry it.", "Manual (f.md)\nFill  the tank.\nClose it."]
    packed, _ = service.index.vectorise_chunks(items, texts)
    assert [text for text, _ in embedder.asked] == texts
    for text, spans in embedder.asked:
        for span in spans:
            pieces = [text[start:end] for start, end in span.ranges]
            assert normalize_space(" ".join(pieces)) == span.text
    assert [s.text for s in embedder.asked[1][1]] == ["Fill the tank.", "Close it."]
    # A text that does not end with its chunk's: spans without places (embedded alone).
    embedder.asked.clear()
    service.index.vectorise_chunks(items[:1], ["something else"])
    assert [s.ranges for s in embedder.asked[0][1]] == [(), ()]
    # Separate: no pooling asked for, every sentence embedded on its own.
    embedder = SpanRecorder()
    separate = make_service(embedder=embedder, settings_=make_settings(sentence_vectors="separate"))
    again, _ = separate.index.vectorise_chunks(items, texts)
    assert embedder.asked == []
    assert [c.sentence_vectors for c in again] == [c.sentence_vectors for c in packed]
    # A sentence in two chunks (their overlap) is embedded once, and stored with both.
    before = embedder.texts
    overlapping = [chunk("Rinse it. Dry it.", 0), chunk("Dry it. Close it.", 1)]
    both, _ = separate.index.vectorise_chunks(overlapping, [c.text for c in overlapping])
    assert embedder.texts - before == 2 + 3
    dry = [
        dict(zip(sentence_texts(c), unpack(c.sentence_vectors, sentence_texts(c)), strict=True))[
            "Dry it."
        ]
        for c in both
    ]
    np.testing.assert_array_equal(dry[0], dry[1])


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
