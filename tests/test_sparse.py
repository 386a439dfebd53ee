"""BM25 sparse vectors: identifiers, versions and dotted names count whole."""

from __future__ import annotations

import pytest
from conftest import FAKE_DIM
from test_store_contract import make_chunk, put, query

from rag.sparse import Bm25Encoder, compound_index, compound_terms


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("M_SHARE (SHR) The size", {"m_share"}),
        ("slm.fit was 300 times faster than lm.fit", {"slm.fit", "lm.fit"}),
        ("Changed in 1.0.9 on 2007-01-05.", {"1.0.9", "2007-01-05"}),
        ("A zero-length message is never retained.", set()),
        ("Set NCDU_SHELL; see ncdu_shell too", {"ncdu_shell"}),
    ],
)
def test_compound_terms(text, terms):
    assert set(compound_terms(text)) == terms


def test_compound_counts_repeats():
    assert compound_terms("M_SHARE and again M_SHARE")["m_share"] == 2


def test_vectors_hold_the_whole_identifier_beside_its_parts():
    encoder = Bm25Encoder()
    whole = compound_index("m_share")
    document = encoder.document("M_SHARE (SHR) The size of the process's shared pages.")
    asked = encoder.query("What heading does M_SHARE get?")
    assert whole in document.indices and whole in asked.indices
    share_only = encoder.query("How do I share a file?")
    assert whole not in share_only.indices
    assert document.indices == sorted(document.indices)
    assert len(set(document.indices)) == len(document.indices)


def test_identical_text_gives_identical_vectors():
    encoder = Bm25Encoder()
    text = "Use i18n.activate('ru_RU') and i18n.deactivate() in 4.1.0."
    assert encoder.document(text) == Bm25Encoder().document(text)


def test_exact_identifier_outranks_its_parts(store):
    # Both passages hold "share"; only one spells the column the question names. Without the
    # compound term the first passage's two "share"s rank it first.
    chunks = [
        make_chunk("a", "s1", 0, "Share the M share settings: share mode and share size."),
        make_chunk("b", "s2", 0, "M_SHARE (SHR) The size of the process's shared pages."),
    ]
    store.ensure_schema(FAKE_DIM)
    put(store, chunks)
    hits = query(store, "M_SHARE", dense=False)
    assert hits[0].chunk.doc_id == "b"
