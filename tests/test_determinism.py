"""Same corpus, same rankings: whatever the batch size, the order files were written in, or a
kill and resume in between. Equal scores are common (short chunks, BM25, hashed fakes) and the
engine orders them by where points happen to be stored; the fusion orders them by point id."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FakeEmbedder, FakeLabeler, FakeOcr, open_backend, sparse_of
from index_process import CRASHED

from ingest.vision.describe import ImageDescriber
from rag.service import RagService
from rag.store.base import Hit, PointVectors, fuse_rankings, rrf_score, stable_order
from rag.types import Chunk

HERE = Path(__file__).resolve().parent
PROCESS = HERE / "index_process.py"

# Short notes that tie: the same words in the same places, a different last word (the fake
# embedder hashes words, so their vectors are equally near every question).
PLACES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"]
QUESTIONS = [
    "Where is the zeppelin hangar?",
    "Which hangar stores the ferry timetable?",
    "zeppelin ferry",
    "What does the alpha note say about the hangar?",
]


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    root = tmp_path / "corpus"
    root.mkdir()
    files = []
    for i, place in enumerate(PLACES):
        note = root / f"note{i}.txt"
        lines = [f"The zeppelin hangar is at {place}."]
        if i % 3 == 0:
            lines.append(f"The ferry timetable is stored in the hangar at {place}.")
        note.write_text("\n\n".join(lines * (1 + i % 2)))  # some files hold two chunks alike
        files.append(note)
    return files


def rankings(service: RagService) -> list[list[tuple[str, str, int]]]:
    """Every question's top 10: file, chunk index and rank (scores equal across builds)."""
    return [
        [(e.chunk.file, e.chunk.id, e.rank) for e in service.index.search(q, top_k=10)]
        for q in QUESTIONS
    ]


def build(make_settings, name: str, paths: list[Path], *, batch_size: int, one_by_one: bool):
    settings = make_settings(
        data_dir=make_settings().data_dir.parent / name, chunk_size=100, chunk_overlap=20
    )
    embedder = FakeEmbedder()
    embedder.batch_size = batch_size
    service = RagService(
        settings, embedder=embedder, describer=ImageDescriber(FakeOcr(), FakeLabeler())
    )
    if one_by_one:
        for path in paths:
            service.ingest([path])
    else:
        service.ingest(paths)
    return service


def test_two_builds_in_different_orders_and_batches_rank_alike(make_settings, corpus):
    first = build(make_settings, "first", corpus, batch_size=8, one_by_one=False)
    second = build(make_settings, "second", corpus[::-1], batch_size=1, one_by_one=True)
    try:
        ranked = rankings(first)
        assert all(len(ranked_q) == 10 for ranked_q in ranked)
        assert ranked == rankings(second)
        dense = first.index.embedder.embed_query(QUESTIONS[0])
        [hits] = first.index.store.nearest([("text", dense)], limit=20)
        scores = [h.score for h in hits]
        assert len(set(scores)) < len(scores)  # the corpus does have ties to break
    finally:
        first.close()
        second.close()


def test_a_resumed_ingest_ranks_like_a_clean_one(make_settings, corpus):
    clean = build(make_settings, "clean", corpus, batch_size=8, one_by_one=False)
    expected = rankings(clean)
    clean.close()

    settings = make_settings(
        data_dir=make_settings().data_dir.parent / "resumed", chunk_size=100, chunk_overlap=20
    )
    # Killed while committing the 5th file: four are in, one half-written.
    done = subprocess.run(
        [
            sys.executable,
            str(PROCESS),
            "ingest",
            str(settings.data_dir),
            "after_record_before_cleanup@5",
            *map(str, corpus[::-1]),
        ],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": str(HERE.parent),
            "RAG_CHUNK_SIZE": "100",
            "RAG_CHUNK_OVERLAP": "20",
        },
        timeout=120,
    )
    assert done.returncode == CRASHED, done.stderr
    resumed = RagService(
        settings, embedder=FakeEmbedder(), describer=ImageDescriber(FakeOcr(), FakeLabeler())
    )
    try:
        report = resumed.ingest(corpus)
        assert report.ingested == len(corpus) - 5 and report.failed == 0
        assert rankings(resumed) == expected
    finally:
        resumed.close()


# The fusion -----------------------------------------------------------------------------------


def hit(id_: str, score: float) -> Hit:
    return Hit(id_, score)


def test_equal_scores_are_ordered_by_point_id():
    hits = [hit("c", 0.5), hit("a", 0.5), hit("b", 0.9), hit("d", 0.1)]
    assert [h.id for h in stable_order(hits)] == ["b", "a", "c", "d"]
    assert stable_order(hits) == stable_order(hits[::-1])


def test_fusion_is_independent_of_input_order_within_ties():
    dense = [hit("x", 1.0), hit("y", 0.5), hit("z", 0.5)]
    sparse = [hit("z", 3.0), hit("x", 2.0)]
    fused = fuse_rankings([dense, sparse], weights=[1.0, 0.99], rrf_k=60)
    assert [h.id for h in fused] == ["x", "z", "y"]
    assert fused[0].score == pytest.approx(rrf_score(0, 1.0, 60) + rrf_score(1, 0.99, 60))
    mirrored = fuse_rankings([[hit("p", 1.0)], [hit("q", 1.0)]], weights=[1.0, 1.0], rrf_k=60)
    assert [h.id for h in mirrored] == ["p", "q"]  # equal fused scores: by id


def test_fused_scores_match_the_engines_fusion(tmp_path):
    """Without ties, the fusion here ranks and scores as Qdrant's own RRF does."""
    import qdrant_edge as q

    store = open_backend("edge", tmp_path)
    embedder = FakeEmbedder()
    store.ensure_schema(embedder.dim)
    texts = [
        "zeppelin hangar",
        "zeppelin hangar ferry timetable",
        "ferry timetable harbour",
        "zeppelin zeppelin airship",
        "harbour master office",
    ]
    chunks = [Chunk("d", "f.txt", "a" * 64, i, t, end=len(t)) for i, t in enumerate(texts)]
    vectors = [
        PointVectors(text=v, sparse=sparse_of(t))
        for v, t in zip(embedder.embed(texts), texts, strict=True)
    ]
    store.upsert_chunks(chunks, vectors)
    question = "zeppelin ferry"
    dense, sparse = embedder.embed_query(question), sparse_of(question)
    ours = store.hybrid_query(dense=dense, sparse=sparse, limit=5, prefetch_limit=5, rrf_k=60)
    engine = store.shard.query(
        q.QueryRequest(
            limit=5,
            prefetches=[
                q.Prefetch(limit=5, query=q.Query.Nearest(list(dense), using="text")),
                q.Prefetch(
                    limit=5,
                    query=q.Query.Nearest(q.SparseVector(sparse.indices, sparse.values), "bm25"),
                ),
            ],
            query=q.Fusion.Rrf(k=60, weights=[1.0, 0.99]),
            with_payload=True,
        )
    )
    assert [e.chunk.text for e in ours] == [p.payload["text"] for p in engine]
    assert [e.score for e in ours] == pytest.approx([p.score for p in engine], rel=1e-5)
    store.close()
