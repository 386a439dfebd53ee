"""Cross-modal retrieval through the service: CLIP fills the image vector and joins the query."""

from __future__ import annotations

import pytest
from conftest import picture
from tiny_clip import build_tiny_clip

from rag.embedders.clip import ClipEmbedder

pytestmark = pytest.mark.slow  # a tiny random CLIP model, built with torch


@pytest.fixture(scope="module")
def clip_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("tiny-clip")
    build_tiny_clip(path)
    return path


@pytest.mark.parametrize("backend", ["edge", "memory"])
def test_pictures_get_image_vectors_and_a_query_picture_finds_its_twin(
    make_service, make_settings, clip_dir, tmp_path, backend
):
    docs = tmp_path / "docs"
    docs.mkdir()
    for seed in range(4):
        picture(seed=seed).save(docs / f"photo{seed}.png")
    (docs / "notes.txt").write_text("The bakery opens at seven in the morning.")
    settings = make_settings(clip_model=str(clip_dir))
    service = make_service(backend, settings_=settings)
    assert isinstance(service.image_embedder, ClipEmbedder)

    report = service.ingest([docs])
    assert report.failed == 0

    # Only the pictures carry an image vector: an image-only query finds nothing else.
    clip = service.image_embedder
    twin = clip.embed_images([picture(seed=2)])[0]
    hits = service.store.hybrid_query(
        dense=None, sparse=None, image=twin, limit=10, prefetch_limit=10, rrf_k=60
    )
    assert {h.chunk.file for h in hits} == {f"photo{s}.png" for s in range(4)}
    assert hits[0].chunk.file == "photo2.png"

    # The question's own picture is the third prefetch of the fused query.
    answer = service.ask("Which photo is this?", image=picture(seed=2))
    assert "photo2.png" in [e.chunk.file for e in answer.evidence]


def test_an_embedded_index_built_without_clip_gains_the_image_vector(
    make_service, make_settings, clip_dir, tmp_path
):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes.txt").write_text("The bakery opens at seven in the morning.")
    plain = make_service(settings_=make_settings())
    plain.ingest([docs])
    plain.close()

    with_clip = make_service(settings_=make_settings(clip_model=str(clip_dir)))
    picture(seed=1).save(docs / "photo.png")
    report = with_clip.ingest([docs])
    assert [r.status for r in report.results] == ["unchanged", "ingested"]
    vectors = with_clip.store.shard_config()["vectors"]
    assert vectors["image"]["size"] == with_clip.image_embedder.dim
