"""A writer killed at any step leaves one version of each document answering, and the next
run finishes or undoes what it interrupted: its chunks, its record and its kept files."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    FakeEmbedder,
    FakeLabeler,
    FakeOcr,
    PdfPage,
    open_backend,
    picture,
    sparse_of,
    write_pdf,
)
from index_process import CRASHED

from ingest.vision.describe import ImageDescriber
from rag import faults
from rag.index import Index
from rag.service import RagService
from rag.store.base import INDEXED_FIELDS, PointVectors
from rag.types import Chunk, DocumentRecord

HERE = Path(__file__).resolve().parent
PROCESS = HERE / "index_process.py"

OLD = "The harbour ferry leaves at nine o'clock."
NEW = "The harbour ferry leaves at ten o'clock."
QUESTION = "When does the harbour ferry leave?"

# Where the kill lands -> the version that answers before and after the next run.
WINDOWS = {
    "after_pictures_before_chunks": (OLD, OLD),
    "after_chunks_before_record": (OLD, OLD),
    "after_record_before_cleanup": (OLD, NEW),  # committed: recovery publishes the new one
    "after_cleanup_before_publish": (None, NEW),  # nothing answers until recovery
    "after_publish_before_blobs": (NEW, NEW),
}


class Crash(Exception):
    pass


@pytest.fixture
def crash_at():
    """Make the write raise at one named point (in this process)."""

    def arm(point: str) -> None:
        def hook(reached: str) -> None:
            if reached == point:
                raise Crash(point)

        faults.set_hook(hook)

    yield arm
    faults.set_hook(None)


def version(doc_id: str, text: str, blob: str | None = None):
    sha = f"{abs(hash(text)) % 10**12:064d}"
    chunk = Chunk(doc_id, "ferry.md", sha, 0, text, end=len(text))
    record = DocumentRecord(
        doc_id=doc_id,
        file="ferry.md",
        path="/docs/ferry.md",
        sha256=sha,
        kind="text",
        pages=0,
        chunks=1,
        images=0,
        bytes=len(text),
        ingested_at="2024-01-01T00:00:00+00:00",
        blob=blob,
    )
    return record, [chunk]


def answering(index: Index) -> list[str]:
    return sorted(e.chunk.text for e in index.search(QUESTION, top_k=10))


@pytest.mark.parametrize("point", sorted(WINDOWS))
def test_a_replacement_interrupted_anywhere_answers_one_version(
    point, backend, settings, tmp_path, crash_at
):
    store = open_backend(backend, tmp_path)
    index = Index(settings, store=store, embedder=FakeEmbedder())
    old_record, old_chunks = version("ferry", OLD)
    index.add(old_record, old_chunks, index.vectorise([OLD]))
    (settings.blobs_dir).mkdir(parents=True, exist_ok=True)
    old_blob = settings.blobs_dir / f"{old_record.sha256}.pdf"
    old_blob.write_bytes(b"old")
    new_record, new_chunks = version("ferry", NEW)
    new_blob = settings.blobs_dir / f"{new_record.sha256}.pdf"
    new_blob.write_bytes(b"new")  # what ingest keeps before it writes to the store

    crash_at(point)
    with pytest.raises(Crash):
        index.add(new_record, new_chunks, index.vectorise([NEW]), replaces=old_record)
    faults.set_hook(None)
    before, after = WINDOWS[point]
    assert answering(index) == ([before] if before else [])
    assert index.count() == (1 if before else 0)

    recovered = index.recover()
    assert answering(index) == [after]
    assert index.count() == 1
    assert [d.sha256 for d in index.documents()] == [
        (new_record if after == NEW else old_record).sha256
    ]
    assert old_blob.exists() == (after == OLD)
    assert new_blob.exists() == (after == NEW)
    assert recovered  # each window leaves something: chunks to finish, or kept files
    assert index.recover() is recovered  # once per opening: the first run's findings
    index.close()


def test_recovery_leaves_a_clean_index_alone(settings, tmp_path):
    index = Index(settings, store=open_backend("edge", tmp_path), embedder=FakeEmbedder())
    record, chunks = version("ferry", OLD)
    index.add(record, chunks, index.vectorise([OLD]))
    settings.blobs_dir.mkdir(parents=True)
    kept = settings.blobs_dir / f"{record.sha256}-p1-figure.png"
    kept.write_bytes(b"png")
    stray = settings.blobs_dir / "notes.txt"  # not a name the index writes
    stray.write_text("mine")
    assert not index.recover()
    assert kept.exists() and stray.exists()
    assert answering(index) == [OLD]
    index.close()


def test_kept_files_of_another_collection_are_not_collected(make_settings, tmp_path):
    settings = make_settings(collection="first")
    (settings.data_dir / "qdrant" / "second").mkdir(parents=True)
    settings.blobs_dir.mkdir(parents=True)
    theirs = settings.blobs_dir / f"{'ab' * 32}.pdf"
    theirs.write_bytes(b"of the other collection")
    index = Index(settings, embedder=FakeEmbedder())
    record, chunks = version("ferry", OLD)
    index.add(record, chunks, index.vectorise([OLD]))
    assert not index.recover() and theirs.exists()
    index.close()


def test_the_store_operations_of_staged_versions(store):
    store.ensure_schema(FakeEmbedder().dim)
    record, chunks = version("ferry", NEW)
    vectors = [PointVectors(text=FakeEmbedder().embed([NEW])[0], sparse=sparse_of(NEW))]
    store.upsert_chunks(chunks, vectors, staged=True)
    assert store.count() == 0
    assert store.chunk_versions(staged=True) == {record.sha256}
    assert store.chunk_versions(staged=False) == set()
    store.publish_chunks("ferry", record.sha256)
    assert store.count() == 1
    assert (store.chunk_versions(staged=True), store.chunk_versions(staged=False)) == (
        set(),
        {record.sha256},
    )
    store.discard_version(record.sha256, staged=False)
    assert store.count() == 0 and store.chunk_versions(staged=False) == set()


# Real kills ---------------------------------------------------------------------------------


def ingest_in_process(settings, paths) -> None:
    with RagService(
        settings, embedder=FakeEmbedder(), describer=ImageDescriber(FakeOcr(), FakeLabeler())
    ) as service:
        report = service.ingest(paths)
        assert report.failed == 0, report.to_dict()


def killed_ingest(settings, point: str, *paths: Path) -> None:
    """``tests/index_process.py ingest`` in another process, which dies with os._exit at
    ``point`` (as a kill -9 would: no cleanup, no flush of Python buffers)."""
    done = subprocess.run(
        [sys.executable, str(PROCESS), "ingest", str(settings.data_dir), point, *map(str, paths)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(HERE.parent)},
        timeout=120,
    )
    assert done.returncode == CRASHED, done.stderr


@pytest.mark.parametrize(
    "point",
    ["after_chunks_before_record", "after_record_before_cleanup", "after_cleanup_before_publish"],
)
def test_a_replacement_killed_in_another_process(point, settings, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    ferry = docs / "ferry.md"
    ferry.write_text(OLD)
    ingest_in_process(settings, [ferry])
    ferry.write_text(NEW)
    killed_ingest(settings, point, ferry)

    before, after = WINDOWS[point]
    reader = Index(settings, embedder=FakeEmbedder())  # reads without recovering
    try:
        assert answering(reader) == ([before] if before else [])
    finally:
        reader.close()
    ingest_in_process(settings, [ferry])  # the next run recovers, then ingests what changed
    reader = Index(settings, embedder=FakeEmbedder())
    try:
        assert answering(reader) == [NEW]
        assert reader.count() == 1
        [record] = reader.documents()
        assert record.chunks == 1 and record.sha256 == hashlib.sha256(NEW.encode()).hexdigest()
    finally:
        reader.close()


def test_kept_pictures_of_a_killed_ingest_are_collected_on_the_next_run(settings, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    report = write_pdf(
        docs / "report.pdf",
        [PdfPage(["The mirror is 2.4 metres wide."], image=picture())],
    )
    killed_ingest(settings, "after_pictures_before_chunks", report)
    left = sorted(p.name for p in settings.blobs_dir.iterdir())
    assert any(name.endswith(".png") for name in left) and any(
        name.endswith(".pdf") for name in left
    )
    notes = docs / "notes.md"
    notes.write_text("The dome opens at nine.")
    ingest_in_process(settings, [notes])  # another file: the leftovers go all the same
    assert not settings.blobs_dir.exists() or list(settings.blobs_dir.iterdir()) == []
    ingest_in_process(settings, [report])
    kept = sorted(p.name for p in settings.blobs_dir.iterdir())
    assert kept == left  # ingested for real now: its files are kept again


def test_a_store_killed_before_it_indexed_its_fields_gets_them_when_opened(
    backend, tmp_path, monkeypatch
):
    # A first ingest killed right after the store was created, before its fields were indexed:
    # the next run's recovery facets on sha256, which needs that field's index ("No
    # appropriate index for faceting"), and failed.
    import rag.store.edge
    import rag.store.server

    module = rag.store.edge if backend == "edge" else rag.store.server
    store = open_backend(backend, tmp_path)
    monkeypatch.setattr(module, "INDEXED_FIELDS", ())
    store.ensure_schema(FakeEmbedder().dim)
    monkeypatch.undo()
    if backend == "edge":
        store.close()
        store = open_backend(backend, tmp_path)
        store.ensure_schema(FakeEmbedder().dim)
        indexed = set(store.shard.info().payload_schema)
    else:
        # qdrant-client's local mode keeps no payload indexes to read back: count the calls.
        calls: list[str] = []
        create = store.client.create_payload_index
        monkeypatch.setattr(
            store.client,
            "create_payload_index",
            lambda *a, field_name, **k: (
                calls.append(field_name) or create(*a, field_name=field_name, **k)
            ),
        )
        store.ensure_schema(FakeEmbedder().dim)
        indexed = set(calls)
    try:
        assert store.chunk_versions(staged=True) == set()
        assert set(INDEXED_FIELDS) <= indexed
    finally:
        store.close()
