"""One contract, two backends: the embedded Qdrant Edge shard and qdrant-client ``:memory:``.

The ``store`` fixture (conftest) is parametrized over both, so every test in the first part
of this file runs twice. Edge-only behaviour (the process lock, persistence) comes last.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from conftest import FAKE_DIM, fake_vector, sparse_of

from rag.errors import StoreError, StoreLockedError
from rag.store.base import PointVectors, SparseVec
from rag.store.edge import EdgeStore
from rag.store.server import ServerStore
from rag.types import Chunk, DocumentRecord, Evidence

DIM = FAKE_DIM


def make_chunk(doc: str, sha: str, index: int, text: str, **fields) -> Chunk:
    fields.setdefault("file", f"{doc}.pdf")
    fields.setdefault("start", 0)
    fields.setdefault("end", len(text))
    return Chunk(doc_id=doc, sha256=sha, chunk_index=index, text=text, **fields)


def vectors_for(chunks: list[Chunk]) -> list[PointVectors]:
    return [PointVectors(text=fake_vector(c.text), sparse=sparse_of(c.text)) for c in chunks]


def put(store, chunks: list[Chunk]) -> None:
    store.upsert_chunks(chunks, vectors_for(chunks))


def query(
    store, text: str | None = None, *, dense=True, sparse=True, limit=10, filters=None
) -> list[Evidence]:
    from rag.sparse import Bm25Encoder

    return store.hybrid_query(
        dense=fake_vector(text) if dense else None,
        sparse=Bm25Encoder().query(text) if sparse else None,
        limit=limit,
        prefetch_limit=40,
        rrf_k=60,
        filters=filters,
    )


def record(
    doc: str, sha: str, *, file: str | None = None, path: str | None = None, chunks: int = 1
) -> DocumentRecord:
    file = file or f"{doc}.pdf"
    return DocumentRecord(
        doc_id=doc,
        file=file,
        path=path or f"/corpus/{doc}/{file}",
        sha256=sha,
        kind="pdf",
        pages=2,
        chunks=chunks,
        images=0,
        bytes=1234,
        ingested_at="2025-01-01T00:00:00+00:00",
        blob=f"blobs/{sha}.pdf",
    )


def reopen(store, tmp_path: Path):
    """A second handle on the same data: a fresh EdgeStore after close, or the same client."""
    if isinstance(store, EdgeStore):
        store.close()
        return EdgeStore(store.path)
    return ServerStore(":memory:", store.collection, client=store.client)


CORPUS = [
    make_chunk(
        "doc-a", "sha-a", 0, "Zeppelins are rigid airships filled with hydrogen or helium.", page=1
    ),
    make_chunk(
        "doc-a",
        "sha-a",
        1,
        "The hangar in Friedrichshafen held three airships in 1930.",
        page=2,
        start=40,
        end=98,
    ),
    make_chunk(
        "doc-a",
        "sha-a",
        2,
        "Image showing a balloon. Text in the image: ascent profile",
        page=2,
        modality="image",
        image="blobs/sha-a-p2-0.png",
    ),
    make_chunk(
        "doc-b",
        "sha-b",
        0,
        "Sourdough bread needs flour, water, salt and a starter culture.",
        file="bread.md",
    ),
    make_chunk(
        "doc-b", "sha-b", 1, "Bake the loaf at 230 degrees for forty minutes.", file="bread.md"
    ),
]


@pytest.fixture
def loaded(store):
    store.ensure_schema(DIM)
    put(store, CORPUS)
    return store


# Schema --------------------------------------------------------------------------------------


def test_ensure_schema_creates_an_empty_collection(store):
    store.ensure_schema(DIM)
    assert store.count() == 0
    assert store.documents() == []
    store.ensure_schema(DIM)  # idempotent on an open store
    assert store.count() == 0


def test_reopening_checks_the_vector_dimension(store, tmp_path):
    store.ensure_schema(DIM)
    put(store, CORPUS[:1])
    same = reopen(store, tmp_path)
    try:
        same.ensure_schema(DIM)
        assert same.count() == 1
    finally:
        if isinstance(same, EdgeStore):
            same.close()
    other = reopen(same, tmp_path)
    try:
        with pytest.raises(StoreError) as info:
            other.ensure_schema(DIM // 2)
        message = str(info.value)
        assert f"{DIM}-d" in message and f"{DIM // 2}-d" in message
        assert not isinstance(info.value, StoreLockedError)
    finally:
        if isinstance(other, EdgeStore):
            other.close()


def test_open_store_with_other_dimension_fails_while_open(store):
    store.ensure_schema(DIM)
    with pytest.raises(StoreError, match=f"{DIM}-d"):
        store.ensure_schema(DIM + 1)


# Writes and reads ----------------------------------------------------------------------------


def test_a_chunk_deleted_while_a_question_is_ranked_is_left_out(loaded, monkeypatch):
    target = CORPUS[1]
    ranked = query(loaded, target.text)
    # The delete lands between the ranking and the payload read: the payload is gone.
    read = loaded.payloads
    monkeypatch.setattr(
        loaded, "payloads", lambda ids: {k: v for k, v in read(ids).items() if k != target.id}
    )
    results = query(loaded, target.text)
    assert target not in [e.chunk for e in results]
    assert [e.chunk for e in results] == [e.chunk for e in ranked if e.chunk != target]
    assert [e.rank for e in results] == list(range(1, len(results) + 1))


def test_hybrid_query_round_trips_the_payload(loaded):
    target = CORPUS[1]
    results = query(loaded, target.text)
    assert results, "a query matching a stored chunk returned nothing"
    top = results[0]
    assert isinstance(top, Evidence)
    assert top.chunk == target  # every field: doc_id, file, sha256, page, modality, start, end, ...
    assert (top.chunk.doc_id, top.chunk.file, top.chunk.page, top.chunk.start, top.chunk.end) == (
        "doc-a",
        "doc-a.pdf",
        2,
        40,
        98,
    )
    assert [e.rank for e in results] == list(range(1, len(results) + 1))
    scores = [e.score for e in results]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0


def test_image_chunk_payload_round_trips(loaded):
    results = query(loaded, CORPUS[2].text)
    top = results[0].chunk
    assert top == CORPUS[2]
    assert top.modality == "image" and top.image == "blobs/sha-a-p2-0.png" and top.page == 2


def test_text_without_page_round_trips_as_none(loaded):
    top = query(loaded, CORPUS[3].text)[0].chunk
    assert top == CORPUS[3]
    assert top.page is None and top.file == "bread.md"


def test_limit_is_respected(loaded):
    assert len(query(loaded, "airships hangar bread", limit=2)) == 2
    assert len(query(loaded, "airships", dense=True, sparse=False, limit=50)) == len(CORPUS)


def test_dense_only_query(loaded):
    results = query(loaded, "Bake the loaf at 230 degrees for forty minutes.", sparse=False)
    # Dense search ranks every point; the identical text comes first.
    assert len(results) == len(CORPUS)
    assert results[0].chunk == CORPUS[4]


def test_sparse_only_query_returns_only_term_matches(loaded):
    results = query(loaded, "sourdough", dense=False)
    assert [e.chunk for e in results] == [CORPUS[3]]
    results = query(loaded, "airships", dense=False)
    assert {e.chunk.chunk_index for e in results} == {0, 1}
    assert {e.chunk.doc_id for e in results} == {"doc-a"}


def test_query_without_vectors_returns_nothing(loaded):
    assert loaded.hybrid_query(dense=None, sparse=None, limit=5, prefetch_limit=10, rrf_k=60) == []
    assert (
        loaded.hybrid_query(
            dense=None, sparse=SparseVec([], []), limit=5, prefetch_limit=10, rrf_k=60
        )
        == []
    )


def _basis(*weights: tuple[int, float]) -> list[float]:
    v = [0.0] * DIM
    for index, w in weights:
        v[index] = w
    return v


def test_rrf_fusion_ranks_the_chunk_matching_both_first(store):
    """'both' is 1st by dense and 2nd by sparse; each rival leads or places in one list only."""
    store.ensure_schema(DIM)
    chunks = [
        make_chunk("d", "s", 0, "dense only"),
        make_chunk("d", "s", 1, "sparse only"),
        make_chunk("d", "s", 2, "both"),
        make_chunk("d", "s", 3, "neither"),
    ]
    term, other = 1001, 2002
    vectors = [
        PointVectors(_basis((0, 0.9), (1, math.sqrt(1 - 0.81))), SparseVec([other], [1.0])),
        PointVectors(_basis((0, 0.5), (2, math.sqrt(0.75))), SparseVec([term], [0.9])),
        PointVectors(_basis((0, 1.0)), SparseVec([term], [0.5])),
        PointVectors(_basis((3, 1.0)), SparseVec([other], [0.7])),
    ]
    store.upsert_chunks(chunks, vectors)
    dense_q, sparse_q = _basis((0, 1.0)), SparseVec([term], [1.0])

    def ranked(dense, sparse):
        found = store.hybrid_query(dense=dense, sparse=sparse, limit=4, prefetch_limit=10, rrf_k=60)
        return [e.chunk.text for e in found]

    assert ranked(dense_q, None)[:2] == ["both", "dense only"]
    assert ranked(None, sparse_q) == ["sparse only", "both"]
    fused = ranked(dense_q, sparse_q)
    assert fused[0] == "both"
    assert fused[1] == "sparse only"  # 1/61 + 1/63 beats 'dense only' at 1/62
    assert fused.index("neither") == len(fused) - 1


def test_filters_by_doc_id_and_modality(loaded):
    only_b = query(loaded, "airships zeppelin hangar", filters={"doc_id": "doc-b"})
    assert only_b and {e.chunk.doc_id for e in only_b} == {"doc-b"}
    images = query(loaded, "bread flour", filters={"modality": "image"})
    assert [e.chunk for e in images] == [CORPUS[2]]
    both_docs = query(
        loaded, "anything", sparse=False, filters={"doc_id": ["doc-a", "doc-b"]}, limit=50
    )
    assert len(both_docs) == len(CORPUS)
    combined = query(
        loaded, "airships", sparse=False, filters={"doc_id": "doc-a", "modality": "text"}
    )
    assert {(e.chunk.doc_id, e.chunk.modality) for e in combined} == {("doc-a", "text")}
    assert len(combined) == 2
    assert query(loaded, "airships", filters={"doc_id": "no-such-doc"}) == []


def test_count_with_filters(loaded):
    assert loaded.count() == len(CORPUS)
    assert loaded.count({"doc_id": "doc-a"}) == 3
    assert loaded.count({"modality": "image"}) == 1
    assert loaded.count({"doc_id": "doc-a", "modality": "text"}) == 2
    assert loaded.count({"doc_id": "missing"}) == 0


def test_idempotent_upsert_does_not_duplicate(loaded):
    put(loaded, CORPUS)
    put(loaded, CORPUS[:2])
    assert loaded.count() == len(CORPUS)
    results = query(loaded, CORPUS[0].text, sparse=False, limit=50)
    ids = [e.chunk.id for e in results]
    assert len(ids) == len(set(ids)) == len(CORPUS)


def test_upsert_same_id_replaces_the_payload(loaded):
    changed = make_chunk(
        "doc-b", "sha-b", 1, "Bake the loaf at 250 degrees for thirty minutes.", file="bread.md"
    )
    assert changed.id == CORPUS[4].id
    put(loaded, [changed])
    assert loaded.count() == len(CORPUS)
    stored = [e.chunk for e in query(loaded, "loaf", dense=False)]
    assert stored == [changed]


def test_delete_chunks_except_sha_keeps_only_that_version(loaded):
    new_version = [
        make_chunk("doc-a", "sha-a2", 0, "Version two: zeppelins now use helium only.", page=1),
        make_chunk("doc-a", "sha-a2", 1, "Version two: the hangar was rebuilt.", page=2),
    ]
    put(loaded, new_version)
    assert loaded.count({"doc_id": "doc-a"}) == 5
    loaded.delete_chunks("doc-a", except_sha256="sha-a2")
    assert loaded.count({"doc_id": "doc-a"}) == 2
    remaining = query(
        loaded, "zeppelins hangar", sparse=False, filters={"doc_id": "doc-a"}, limit=50
    )
    assert {e.chunk.sha256 for e in remaining} == {"sha-a2"}
    assert loaded.count({"doc_id": "doc-b"}) == 2  # another document is untouched
    loaded.delete_chunks("doc-a")
    assert loaded.count({"doc_id": "doc-a"}) == 0
    assert loaded.count() == 2


def test_delete_chunks_keeps_document_records(loaded):
    loaded.put_document(record("doc-a", "sha-a", chunks=3))
    loaded.delete_chunks("doc-a")
    assert [d.doc_id for d in loaded.documents()] == ["doc-a"]
    assert loaded.count({"doc_id": "doc-a"}) == 0


# Document records ----------------------------------------------------------------------------


def test_put_document_and_documents(store):
    store.ensure_schema(DIM)
    first = record("doc-b", "sha-b", file="b.pdf", path="/x/b.pdf")
    second = record("doc-a", "sha-a", file="a.pdf", path="/x/a.pdf")
    store.put_document(first)
    store.put_document(second)
    assert store.documents() == [second, first]  # sorted by file name, full round trip
    updated = record("doc-b", "sha-b2", file="b.pdf", path="/x/b.pdf", chunks=9)
    store.put_document(updated)  # the same document id: replaced, not added
    assert store.documents() == [second, updated]


def test_find_document_by_id_hash_path_and_name(store):
    store.ensure_schema(DIM)
    alpha = record("id-alpha", "sha-alpha", file="alpha.pdf", path="/docs/alpha.pdf")
    beta1 = record("id-beta1", "sha-beta1", file="beta.pdf", path="/docs/one/beta.pdf")
    beta2 = record("id-beta2", "sha-beta2", file="beta.pdf", path="/docs/two/beta.pdf")
    for r in (alpha, beta1, beta2):
        store.put_document(r)
    assert store.find_document("id-alpha") == alpha
    assert store.find_document("sha-beta2") == beta2
    assert store.find_document("/docs/one/beta.pdf") == beta1
    assert store.find_document("alpha.pdf") == alpha
    assert store.find_document("beta.pdf") is None  # ambiguous name
    assert store.find_document("gamma.pdf") is None


def test_delete_document_record(loaded):
    loaded.put_document(record("doc-a", "sha-a"))
    loaded.put_document(record("doc-b", "sha-b", file="bread.md"))
    loaded.delete_document_record("doc-a")
    assert [d.doc_id for d in loaded.documents()] == ["doc-b"]
    assert loaded.find_document("doc-a") is None
    assert loaded.count() == len(CORPUS)  # chunks are deleted separately


def test_count_excludes_document_records(store):
    store.ensure_schema(DIM)
    for i in range(3):
        store.put_document(record(f"doc-{i}", f"sha-{i}"))
    assert store.count() == 0
    put(store, CORPUS[:2])
    assert store.count() == 2
    assert len(store.documents()) == 3


def test_document_records_are_never_returned_as_evidence(loaded):
    loaded.put_document(record("doc-a", "sha-a"))
    results = query(loaded, "doc-a.pdf sha-a pdf", limit=50)
    assert all(e.chunk.text for e in results)
    assert len(results) <= len(CORPUS)
    assert len(query(loaded, "anything", sparse=False, filters={"doc_id": "doc-a"}, limit=50)) == 3


# Edge only -------------------------------------------------------------------------------------


def test_edge_second_open_of_the_same_shard_is_locked(tmp_path):
    first = EdgeStore(tmp_path / "shard")
    first.ensure_schema(DIM)
    second = EdgeStore(tmp_path / "shard")
    try:
        with pytest.raises(StoreLockedError) as info:
            second.ensure_schema(DIM)
        message = str(info.value)
        assert str(tmp_path / "shard") in message
        assert "in use by another process" in message
        assert "stop it and try again" in message
    finally:
        second.close()
        first.close()
    third = EdgeStore(tmp_path / "shard")  # the lock goes with close()
    third.ensure_schema(DIM)
    third.close()


def test_edge_data_survives_close_and_reopen(tmp_path):
    first = EdgeStore(tmp_path / "shard")
    first.ensure_schema(DIM)
    put(first, CORPUS)
    kept = record("doc-a", "sha-a", chunks=3)
    first.put_document(kept)
    first.close()

    again = EdgeStore(tmp_path / "shard")
    try:
        again.ensure_schema(DIM)
        assert again.count() == len(CORPUS)
        assert again.documents() == [kept]
        assert query(again, CORPUS[3].text)[0].chunk == CORPUS[3]
    finally:
        again.close()


def test_edge_store_must_be_opened_before_use(tmp_path):
    unopened = EdgeStore(tmp_path / "shard")
    with pytest.raises(StoreError, match="ensure_schema"):
        unopened.count()
