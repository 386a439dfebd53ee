"""``RAG_CHUNK_VECTORS``: a chunk's dense vector from a forward pass over its embedded text
(joint) or mean-pooled from its sentences' passes and those of the rest of its text
(from-sentences), the sentence vectors the same either way."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import FakeEmbedder, fake_vector
from pydantic import ValidationError

from rag.embedders.base import TokenSums, joint_vector
from rag.embedders.packed import unpack
from rag.index import uncovered
from rag.reader.reader import sentence_texts
from rag.types import Chunk


def chunk(text: str, index: int = 0) -> Chunk:
    return Chunk(doc_id="d", file="f.md", sha256="s", chunk_index=index, text=text, end=len(text))


class SumsRecorder(FakeEmbedder):
    """Records what it is asked to embed with token sums; each text counts as one token."""

    def __init__(self) -> None:
        super().__init__()
        self.summed: list[list[str]] = []

    def embed_with_sums(self, items, *, on_batch=None):
        self.summed.append(list(items))
        return super().embed_with_sums(items, on_batch=on_batch)


def unit(vector: np.ndarray) -> np.ndarray:
    return vector / np.linalg.norm(vector)


def test_the_rest_of_a_text_is_what_no_range_covers():
    text = "Guide\n- Rinse it. Dry it.\n(c) 2024"
    rinse, dry = text.index("Rinse it."), text.index("Dry it.")
    ranges = [(dry, dry + 7), (rinse, rinse + 9)]
    assert uncovered(text, ranges) == ["Guide\n-", "(c) 2024"]
    assert uncovered(text, []) == [text]
    assert uncovered("  Rinse it. ", [(2, 11)]) == []  # whitespace alone is no piece
    # Overlapping ranges (a caption read with each row) cover their union.
    assert uncovered("abcdef", [(0, 4), (2, 3), (5, 6)]) == ["e"]


def test_a_joint_vector_counts_each_texts_tokens_and_the_special_ones_once():
    sums = TokenSums(
        vectors=np.zeros((2, 2), dtype=np.float32),
        sums=np.array([[2.0, 0.0], [0.0, 3.0]]),
        counts=np.array([2, 3]),
        special_sums=np.array([[1.0, 1.0], [3.0, 1.0]]),
        special_counts=np.array([2, 2]),
    )
    # (2 + 0 + (1 + 3) / 2, 0 + 3 + (1 + 1) / 2) over 2 + 3 + 2 tokens, normalised.
    np.testing.assert_allclose(joint_vector(sums, [0, 1]), unit(np.array([4.0, 4.0])), atol=1e-7)
    np.testing.assert_allclose(joint_vector(sums, [1]), unit(np.array([3.0, 4.0])), atol=1e-7)
    with pytest.raises(ValueError, match="at least one"):
        joint_vector(sums, [])
    both = TokenSums.concat(sums, TokenSums.of_vectors(np.array([[0.6, 0.8]], dtype=np.float32)))
    assert both.counts.tolist() == [2, 3, 1] and both.special_counts.tolist() == [2, 2, 0]


def test_from_sentences_pools_a_chunk_from_its_sentences_and_the_rest_once(
    make_service, make_settings
):
    items = [
        chunk("Rinse the coffee filter. Dry it well.", 0),
        chunk("Dry it well. Fill the tank.", 1),
    ]
    texts = [f"Espresso manual\n{c.text}" for c in items]
    joint = make_service(embedder=FakeEmbedder(), settings_=make_settings())
    embedder = SumsRecorder()
    pooled = make_service(
        embedder=embedder, settings_=make_settings(chunk_vectors="from-sentences")
    )
    expected_chunks, expected = joint.index.vectorise_chunks(items, texts)
    packed, vectors = pooled.index.vectorise_chunks(items, texts)
    # The sentences are embedded as before, once each, in a call of their own: the same
    # vectors stored with the chunks.
    assert embedder.summed[0] == ["Rinse the coffee filter.", "Dry it well.", "Fill the tank."]
    assert [c.sentence_vectors for c in packed] == [c.sentence_vectors for c in expected_chunks]
    for item in packed:
        stored = unpack(item.sentence_vectors, sentence_texts(item))
        np.testing.assert_allclose(stored[0], fake_vector(sentence_texts(item)[0]), atol=1e-3)
    # The heading both chunks share is embedded once, apart; the chunks' texts never whole.
    assert embedder.summed[1:] == [["Espresso manual"]]
    assert embedder.texts == 4
    # Each text counts as one token with the fake model: the chunk is its pieces' mean.
    first = fake_vector("Rinse the coffee filter.") + fake_vector("Dry it well.")
    np.testing.assert_allclose(
        vectors[0].text, unit(first + fake_vector("Espresso manual")), atol=1e-6
    )
    # BM25 is the joint mode's; the dense vector is not (sentences of unequal length).
    assert [v.sparse for v in vectors] == [v.sparse for v in expected]
    assert not np.allclose(vectors[0].text, expected[0].text)


def test_from_sentences_embeds_a_text_without_placed_sentences_whole(make_service, make_settings):
    embedder = SumsRecorder()
    service = make_service(
        embedder=embedder, settings_=make_settings(chunk_vectors="from-sentences")
    )
    # "ok" is too short to be a sentence; a text that does not end with its chunk's text
    # places none of its sentences.
    items = [chunk("ok", 0), chunk("Rinse it. Dry it.", 1)]
    _, vectors = service.index.vectorise_chunks(items, ["f.md\nok", "something else"])
    assert embedder.summed == [["Rinse it.", "Dry it."], ["f.md\nok", "something else"]]
    np.testing.assert_allclose(vectors[0].text, fake_vector("f.md\nok"), atol=1e-6)
    np.testing.assert_allclose(vectors[1].text, fake_vector("something else"), atol=1e-6)
    # A stretch that is also a sentence of the call is not embedded twice.
    embedder.summed.clear()
    service.index.vectorise_chunks([chunk("Rinse it.", 0)], ["Rinse it.\nRinse it."])
    assert embedder.summed == [["Rinse it."]]


def test_from_sentences_needs_separate_sentence_vectors(make_settings):
    assert make_settings(chunk_vectors="from-sentences").chunk_vectors == "from-sentences"
    assert make_settings().chunk_vectors == "joint"
    with pytest.raises(ValidationError, match="sentence_vectors=separate"):
        make_settings(sentence_vectors="pooled", chunk_vectors="from-sentences")
