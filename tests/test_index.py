"""The index: what is added is found, what is forgotten is gone (points and kept files alike)."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import numpy as np
import pytest
from conftest import FakeEmbedder, open_backend, picture

from rag.blobs import BlobStore
from rag.index import Index
from rag.types import Chunk, DocumentRecord

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def index(settings, backend, tmp_path):
    opened = Index(settings, store=open_backend(backend, tmp_path), embedder=FakeEmbedder())
    yield opened
    opened.close()


def sha(n: int) -> str:
    return f"{n:064x}"


def document(index: Index, doc_id: str, version: int, texts: list[str], path: str = ""):
    """A document version: its record, its chunks and their vectors, as ingest makes them."""
    file = Path(path).name if path else f"{doc_id}.md"
    chunks = [
        Chunk(doc_id, file, sha(version), i, text, end=len(text)) for i, text in enumerate(texts)
    ]
    record = DocumentRecord(
        doc_id=doc_id,
        file=file,
        path=path or f"/docs/{file}",
        sha256=sha(version),
        kind="text",
        pages=0,
        chunks=len(chunks),
        images=0,
        bytes=100,
        ingested_at="2024-01-01T00:00:00+00:00",
    )
    return record, chunks, index.vectorise(texts)


def kept_names(settings) -> set[str]:
    return {p.name for p in settings.blobs_dir.iterdir()} if settings.blobs_dir.is_dir() else set()


def test_added_chunks_are_searched_and_the_record_lists_them(index):
    index.add(*document(index, "zeps", 1, ["Zeppelins dock at the hangar.", "Tea is at four."]))
    timings: dict[str, float] = {}
    [top, *_] = index.search("Where do zeppelins dock?", top_k=2, timings=timings)
    assert top.chunk.text == "Zeppelins dock at the hangar." and top.rank == 1
    assert set(timings) == {"embed_query", "search"}
    assert index.count() == 2 and index.count({"doc_id": "other"}) == 0
    [record] = index.documents()
    assert index.find("zeps") == index.find(sha(1)) == record
    assert index.search("zeppelins", filters={"doc_id": "other"}) == []


def test_a_new_version_replaces_the_old_one_and_its_kept_files(index, settings):
    old = document(index, "doc", 1, ["The old opening hours.", "Closed on Mondays."])
    index.add(*old)
    index.blobs.keep_pdf(sha(1), b"%PDF old")
    index.blobs.keep_page_picture(sha(1), "p1-0", picture())
    new = document(index, "doc", 2, ["The new opening hours."])
    index.blobs.keep_pdf(sha(2), b"%PDF new")

    index.add(*new, replaces=old[0])

    assert index.documents() == [new[0]]
    assert [e.chunk.sha256 for e in index.search("opening hours", top_k=5)] == [sha(2)]
    assert kept_names(settings) == {f"{sha(2)}.pdf"}


def test_forget_removes_chunks_record_and_kept_files_of_that_document_only(index, settings):
    gone, kept = (document(index, d, n, [f"Notes on {d}."]) for d, n in (("a", 1), ("b", 2)))
    for record, chunks, vectors in (gone, kept):
        index.add(record, chunks, vectors)
        index.blobs.keep_image(record.sha256, ".PNG", b"picture bytes")

    index.forget(gone[0])

    assert index.documents() == [kept[0]] and index.count() == 1
    assert {e.chunk.doc_id for e in index.search("notes", top_k=5)} == {"b"}
    assert kept_names(settings) == {f"{sha(2)}.png"}
    assert index.blobs.versions() == {sha(2)}


def test_find_takes_a_path_relative_to_the_working_directory(index, tmp_path):
    for n, folder in enumerate(("one", "two"), start=1):
        path = tmp_path / folder / "notes.md"
        path.parent.mkdir()
        path.write_text("notes")
        index.add(*document(index, folder, n, ["Some notes."], path=str(path)))
    assert index.find("notes.md") is None  # two documents have that name
    assert index.find(str(Path("two") / "notes.md")).doc_id == "two"


class FakeImageEmbedder:
    dim = 4

    def __init__(self) -> None:
        self.pictures = 0

    def embed_images(self, images):
        self.pictures += len(images)
        return np.stack([np.full(self.dim, 0.5, dtype=np.float32) for _ in images])


def test_vectorise_gives_each_chunk_dense_sparse_and_its_pictures_vector(settings):
    clip = FakeImageEmbedder()
    index = Index(settings, embedder=FakeEmbedder(), image_embedder=clip)  # type: ignore[arg-type]
    shown = picture()
    vectors = index.vectorise(
        ["plain text", "a cat, part 1", "a cat, part 2"], [None, shown, shown]
    )
    assert [v.image is None for v in vectors] == [True, False, False]
    assert clip.pictures == 1  # one picture described over two chunks is embedded once
    assert all(len(v.text) == index.embedder.dim and v.sparse.indices for v in vectors)
    without = Index(settings, embedder=FakeEmbedder()).vectorise(["a cat"], [shown])
    assert without[0].image is None


def test_the_store_opens_once_whichever_thread_asks_first(settings, tmp_path):
    store = open_backend("memory", tmp_path)
    schemas = []
    ensure = store.ensure_schema
    store.ensure_schema = lambda *a, **k: (schemas.append(a), ensure(*a, **k))[-1]
    index = Index(settings, store=store, embedder=FakeEmbedder())
    threads = [threading.Thread(target=lambda: index.store) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(schemas) == 1
    index.close()


# Kept files ------------------------------------------------------------------------------------


def test_kept_files_are_named_by_content_hash(settings):
    blobs = BlobStore.of(settings)
    assert blobs.keep_pdf(sha(1), b"%PDF") == f"blobs/{sha(1)}.pdf"
    assert blobs.pdf(sha(1)) == settings.blobs_dir / f"{sha(1)}.pdf"
    assert blobs.keep_image(sha(2), ".JPG", b"first") == f"blobs/{sha(2)}.jpg"
    assert blobs.keep_image(sha(2), ".jpg", b"second") == f"blobs/{sha(2)}.jpg"
    assert blobs.path(f"blobs/{sha(2)}.jpg").read_bytes() == b"first"  # written once
    name = blobs.keep_page_picture(sha(1), "p2-0", picture())
    assert name == f"blobs/{sha(1)}-p2-0.png" and blobs.path(name).is_file()
    assert blobs.versions() == {sha(1), sha(2)}
    blobs.remove(sha(1))
    assert kept_names(settings) == {f"{sha(2)}.jpg"}


def test_only_the_blob_store_names_kept_files():
    """Kept files are named in rag/blobs.py only, so ingest, deletion and previews agree."""
    naming = re.compile(r"blobs_dir|[\"']blobs/|\{[\w.]*sha256?\}(?:\.\w|\{|-\{[^}]*\}\.png)")
    offenders = [
        str(path.relative_to(REPO))
        for package in ("rag", "ingest", "server")
        for path in sorted((REPO / package).rglob("*.py"))
        if path.name not in ("blobs.py", "settings.py") and naming.search(path.read_text())
    ]
    assert offenders == []
