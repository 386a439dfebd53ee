"""ClipEmbedder on tiny random CLIP and SigLIP checkpoints built offline (see tiny_clip.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import picture
from PIL import Image
from tiny_clip import CLIP_PROJECTION_DIM, SIGLIP_DIM, build_tiny_clip, build_tiny_siglip

from rag.embedders.base import Embedder
from rag.embedders.clip import ClipEmbedder
from rag.errors import ModelError

pytestmark = pytest.mark.slow  # tiny random CLIP and SigLIP models, built with torch

BATCH = 4  # small, so a dozen inputs already span several batches
FAMILIES = {
    "clip": (build_tiny_clip, CLIP_PROJECTION_DIM),
    "siglip": (build_tiny_siglip, SIGLIP_DIM),
}


@pytest.fixture(scope="module", params=sorted(FAMILIES))
def tiny(request, tmp_path_factory) -> tuple[ClipEmbedder, int]:
    build, dim = FAMILIES[request.param]
    directory = build(tmp_path_factory.mktemp(request.param))
    return ClipEmbedder(str(directory), threads=2, batch_size=BATCH), dim


def unit_rows(vectors: np.ndarray) -> bool:
    return bool(np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5))


# Loading -------------------------------------------------------------------------------------


def test_importing_and_constructing_loads_nothing():
    code = (
        "import sys\n"
        "from rag.embedders.clip import ClipEmbedder\n"
        "ClipEmbedder('/no/such/clip')\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.stdout.strip() == "[]"


def test_a_missing_directory_fails_on_first_use_not_construction(tmp_path: Path):
    embedder = ClipEmbedder(str(tmp_path / "missing"))  # nothing is read yet
    assert isinstance(embedder, Embedder)
    assert embedder.accepts == frozenset({"text", "image"})
    with pytest.raises(ModelError, match="RAG_CLIP_MODEL"):
        _ = embedder.dim
    with pytest.raises(ModelError, match="RAG_CLIP_MODEL"):
        embedder.embed_images([picture()])


def test_a_directory_without_a_model_is_a_model_error(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="local CLIP/SigLIP directory"):
        ClipEmbedder(str(tmp_path / "empty")).embed_query("a cat")


# Embedding (CLIP and SigLIP) -------------------------------------------------------------------


def test_dim_is_the_projection_dim(tiny):
    embedder, dim = tiny
    assert embedder.dim == dim


def test_text_and_image_vectors_are_unit_float32(tiny):
    embedder, dim = tiny
    texts = embedder.embed_texts(["a cat on the mat", "revenue chart"])
    images = embedder.embed_images([picture(seed=1), picture((64, 48), seed=2)])
    for vectors in (texts, images):
        assert vectors.shape == (2, dim) and vectors.dtype == np.float32
        assert unit_rows(vectors)


def test_the_same_input_gives_the_same_vector(tiny):
    embedder, _ = tiny
    first = embedder.embed_texts(["a photo of a dog"])
    assert np.array_equal(first, embedder.embed_texts(["a photo of a dog"]))
    image = picture(seed=3)
    assert np.array_equal(embedder.embed_images([image]), embedder.embed_images([image.copy()]))


def test_different_inputs_give_different_vectors(tiny):
    embedder, _ = tiny
    images = embedder.embed_images([picture(seed=0), Image.new("RGB", (40, 40), (0, 90, 200))])
    assert not np.allclose(images[0], images[1], atol=1e-3)
    texts = embedder.embed_texts(["a cat", "revenue chart"])
    assert not np.allclose(texts[0], texts[1], atol=1e-3)


def test_queries_use_the_text_tower(tiny):
    embedder, _ = tiny
    query = embedder.embed_query("a cat")
    assert np.array_equal(query, embedder.embed_texts(["a cat"])[0])
    assert np.array_equal(query, embedder.embed(["a cat"])[0])


def test_more_inputs_than_a_batch(tiny):
    embedder, dim = tiny
    texts = [f"the {w} {n}" for n in range(3) for w in ("cat", "dog", "chart")] + ["red"]
    batches: list[int] = []
    together = embedder.embed(texts, on_batch=batches.append)
    assert batches == [4, 4, 2]
    assert together.shape == (len(texts), dim)
    alone = np.stack([embedder.embed_query(t) for t in texts])
    # Batch companions must not change a text's vector (padding is masked or fixed-length).
    assert np.allclose(together, alone, atol=1e-4)  # batched and single kernels round differently

    images = [picture((50 + 7 * i, 40 + 3 * i), seed=i) for i in range(9)]
    vectors = embedder.embed_images(images)
    assert vectors.shape == (9, dim) and unit_rows(vectors)
    assert np.allclose(
        vectors[5], embedder.embed_images([images[5]])[0], atol=1e-4
    )  # batched and single kernels round differently


def test_any_image_mode_and_empty_inputs(tiny):
    embedder, dim = tiny
    base = picture((48, 36), seed=4)
    modes = [base.convert("RGBA"), base.convert("L"), base.convert("P"), base.convert("CMYK")]
    vectors = embedder.embed_images(modes)
    assert vectors.shape == (4, dim) and unit_rows(vectors)
    assert embedder.embed_images([]).shape == (0, dim)
    assert embedder.embed_texts([]).shape == (0, dim)
