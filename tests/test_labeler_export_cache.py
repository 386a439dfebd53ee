"""The labeler's ONNX export is kept in the model cache: a process after the first (an ingest
worker, the next `rag ingest`) loads it instead of exporting the network again.

The fast tests export a tiny torch network; the ``models`` one checks that the packaged
EfficientNet loaded from the cache scores a picture exactly as the export made in memory.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest
from conftest import dev_file
from PIL import Image

from ingest.vision import labels
from ingest.vision.describe import describer_from_settings
from ingest.vision.labels import EfficientNetLabeler, export_key


def _tiny_network():
    import torch

    torch.manual_seed(0)
    return torch.nn.Sequential(
        torch.nn.Conv2d(3, 4, 3, stride=8), torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten()
    ).eval()


def _never():
    raise AssertionError("the network was loaded although its export is cached")


@pytest.fixture
def weights(tmp_path: Path) -> Path:
    path = tmp_path / "weights.pth"
    path.write_bytes(b"stand-in weights")
    return path


def test_the_first_process_exports_into_the_cache_and_the_next_loads_it(tmp_path, weights):
    cache = tmp_path / "cache"
    loads = []

    def network():
        loads.append(1)
        return _tiny_network()

    first = labels._onnx_graph(network, weights, cache)
    assert loads == [1]
    cached = list(cache.glob("efficientnet-lite2-*/labeler.onnx"))
    assert len(cached) == 1 and cached[0].read_bytes() == first
    assert export_key(weights) in cached[0].parent.name
    assert labels._onnx_graph(_never, weights, cache) == first
    # No file half written is left beside it.
    assert [p.name for p in cached[0].parent.iterdir()] == ["labeler.onnx"]


def test_changed_weights_are_exported_again(tmp_path, weights):
    cache = tmp_path / "cache"
    labels._onnx_graph(_tiny_network, weights, cache)
    before = export_key(weights)
    weights.write_bytes(b"other stand-in weights, another size")
    assert export_key(weights) != before
    labels._onnx_graph(_tiny_network, weights, cache)
    assert len(list(cache.glob("efficientnet-lite2-*/labeler.onnx"))) == 2


def test_a_new_export_revision_is_not_served_the_old_file(tmp_path, weights, monkeypatch):
    before = export_key(weights)
    monkeypatch.setattr(labels, "LABELER_EXPORT_REVISION", labels.LABELER_EXPORT_REVISION + 1)
    assert export_key(weights) != before


def test_a_cache_path_that_is_a_file_exports_in_memory_with_a_warning(tmp_path, weights, caplog):
    cache = tmp_path / "a-file"
    cache.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="ingest.vision.labels"):
        graph = labels._onnx_graph(_tiny_network, weights, cache)
    assert graph == labels._onnx_graph(_tiny_network, weights, None)
    assert "cannot keep the labeler's export" in caplog.text


def test_no_cache_dir_exports_in_memory(tmp_path, weights):
    calls = []

    def network():
        calls.append(1)
        return _tiny_network()

    labels._onnx_graph(network, weights, None)
    labels._onnx_graph(network, weights, None)
    assert calls == [1, 1]
    assert not list(tmp_path.glob("**/labeler.onnx"))


def test_the_describer_keeps_the_export_in_the_model_cache(make_settings, tmp_path):
    settings = make_settings(model_cache_dir=tmp_path / "models")
    labeler = describer_from_settings(settings).labeler
    assert isinstance(labeler, EfficientNetLabeler)
    assert labeler.cache_dir == tmp_path / "models"


@pytest.mark.models
def test_the_cached_labeler_scores_as_the_one_exported_in_memory(tmp_path):
    image = Image.open(dev_file("dev_img_05.jpg")).convert("RGB")
    in_memory = EfficientNetLabeler(1, "onnxruntime").scores(image, 20)
    cache = tmp_path / "models"
    exporting = EfficientNetLabeler(1, "onnxruntime", cache)
    assert exporting.scores(image, 20) == in_memory
    loading = EfficientNetLabeler(1, "onnxruntime", cache)
    assert loading.scores(image, 20) == in_memory
    assert loading._model is None  # the torch network was never built
    assert loading.gloss(in_memory[0][0]) == exporting.gloss(in_memory[0][0])
    assert np.isclose(sum(p for _, p in loading.scores(image, 1000)), 1.0, atol=1e-3)
