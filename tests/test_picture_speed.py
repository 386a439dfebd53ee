"""The faster picture path: the labeler on ONNX Runtime, the OCR sessions with a memory arena.

The fast tests check the settings and the wiring with fakes; the ``models`` ones check, on
real pictures of the development and validation sets, that the new path says exactly what the
previous one (torch labeler, RapidOCR's own sessions) said.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FakeLabeler, FakeOcr, dev_file, picture

from ingest.vision.describe import ImageDescriber
from ingest.vision.labels import EfficientNetLabeler, create_labeler
from ingest.vision.ocr import RapidOcr, TesseractOcr, create_ocr
from rag.errors import ConfigError
from rag.service import RagService
from rag.settings import load_settings

VALIDATION = Path(__file__).resolve().parent.parent / "eval" / "validation" / "corpus"


# Settings and wiring -------------------------------------------------------------------------


def test_the_labeler_runs_on_onnxruntime_unless_told_torch():
    assert EfficientNetLabeler(1).runtime == "onnxruntime"
    assert EfficientNetLabeler(2, "torch").runtime == "torch"
    assert create_labeler("efficientnet-lite2", 1, "torch").runtime == "torch"


def test_an_unknown_labeler_runtime_is_refused():
    with pytest.raises(ConfigError, match="unknown labeler runtime 'tensorflow'"):
        EfficientNetLabeler(1, "tensorflow")
    with pytest.raises(ConfigError, match="unknown image labeler 'resnet'"):
        create_labeler("resnet", 1, "onnxruntime")


def test_the_ocr_arena_is_on_by_default_and_can_be_turned_off():
    assert RapidOcr(1).memory_arena is True
    ocr = create_ocr("rapidocr", 1, memory_arena=False)
    assert isinstance(ocr, RapidOcr) and ocr.memory_arena is False
    assert isinstance(create_ocr("tesseract", 1, memory_arena=False), TesseractOcr)


def test_settings_choose_the_runtime_and_refuse_an_unknown_one(monkeypatch):
    assert load_settings().image_labeler_runtime == "onnxruntime"
    assert load_settings().ocr_memory_arena is True
    monkeypatch.setenv("RAG_IMAGE_LABELER_RUNTIME", "torch")
    monkeypatch.setenv("RAG_OCR_MEMORY_ARENA", "false")
    chosen = load_settings()
    assert (chosen.image_labeler_runtime, chosen.ocr_memory_arena) == ("torch", False)
    monkeypatch.setenv("RAG_IMAGE_LABELER_RUNTIME", "tflite")
    with pytest.raises(ConfigError, match="image_labeler_runtime"):
        load_settings()


@pytest.mark.parametrize(
    ("runtime", "arena", "threads"), [("onnxruntime", True, 3), ("torch", False, 5)]
)
def test_the_service_builds_the_describer_from_the_settings(make_settings, runtime, arena, threads):
    settings = make_settings(
        image_labeler_runtime=runtime, ocr_memory_arena=arena, ocr_threads=3, torch_threads=5
    )
    describer = RagService(settings).describer()
    assert isinstance(describer.ocr, RapidOcr) and describer.ocr.memory_arena is arena
    labeler = describer.labeler
    assert isinstance(labeler, EfficientNetLabeler)
    assert (labeler.runtime, labeler.threads) == (runtime, threads)


def test_no_labeler_when_no_labels_are_wanted(make_settings):
    assert RagService(make_settings(image_labels_top_k=0)).describer().labeler is None


def test_describing_times_each_step():
    describer = ImageDescriber(FakeOcr(), FakeLabeler(), faces=None)
    describer.describe(picture())
    describer.describe(picture(seed=1))
    assert {"text", "look", "kind", "labels", "faces"} <= set(describer.seconds)
    assert all(seconds >= 0 for seconds in describer.seconds.values())
    assert describer.seconds["look"] > 0


# The real models: the same descriptions both ways --------------------------------------------

# With text (a screenshot, a chart, a diagram, a shop sign in a photo) and without any.
PICTURES = [
    ("dev", "dev_img_15.png"),
    ("dev", "dev_img_05.jpg"),
    ("dev", "dev_img_08.jpg"),
    ("dev", "dev_img_04.png"),
    ("validation", "val_img_19.png"),
    ("validation", "val_img_29.png"),
    ("validation", "val_img_21.png"),
]


def _picture_file(where: str, name: str) -> Path:
    return dev_file(name) if where == "dev" else VALIDATION / name


@pytest.fixture(scope="module")
def both_ways():
    """The previous describer and the current one, each with its own models."""
    previous = ImageDescriber(
        RapidOcr(1, memory_arena=False), EfficientNetLabeler(1, "torch"), faces=None
    )
    current = ImageDescriber(
        RapidOcr(1, memory_arena=True), EfficientNetLabeler(1, "onnxruntime"), faces=None
    )
    return previous, current


@pytest.mark.models
@pytest.mark.parametrize(("where", "name"), PICTURES)
def test_the_new_path_reads_and_labels_as_the_previous_one(both_ways, where, name):
    from PIL import Image

    previous, current = both_ways
    with Image.open(_picture_file(where, name)) as opened:
        image = opened.convert("RGB")
    before, after = previous.describe(image), current.describe(image)
    assert after.text == before.text
    assert after.labels == before.labels
    assert after.render() == before.render()


@pytest.mark.models
def test_the_pictures_cover_text_and_none(both_ways):
    """The comparison above means something only if some pictures have text and some none."""
    from PIL import Image

    _, current = both_ways
    texts = []
    for where, name in PICTURES:
        with Image.open(_picture_file(where, name)) as opened:
            texts.append(current.read_text(opened.convert("RGB")))
    assert sum(bool(t) for t in texts) >= 3 and sum(not t for t in texts) >= 2
    assert current.ocr.seconds["text detection"] > 0 and current.ocr.seconds["text recognition"] > 0


@pytest.mark.models
def test_onnxruntime_scores_match_torch(both_ways):
    previous, current = both_ways
    from PIL import Image

    with Image.open(dev_file("dev_img_08.jpg")) as opened:
        image = opened.convert("RGB")
    torch_scores = previous.labeler.scores(image, 20)
    onnx_scores = current.labeler.scores(image, 20)
    assert [n for n, _ in onnx_scores] == [n for n, _ in torch_scores]
    for (_, p), (_, q) in zip(onnx_scores, torch_scores, strict=True):
        assert p == pytest.approx(q, abs=1e-5)


@pytest.mark.models
def test_the_picture_benchmark_runs_and_finds_the_same_descriptions(tmp_path):
    """bench/pictures.py, as a user runs it, on one picture with text and one without."""
    import json
    import subprocess
    import sys

    from conftest import text_image

    folder = tmp_path / "pictures"
    folder.mkdir()
    text_image(["SERVICE DUE", "MARCH 2025"]).save(folder / "label.png")
    picture(seed=3).save(folder / "noise.jpg")
    (folder / "notes.txt").write_text("not a picture")
    out = tmp_path / "pictures.json"
    script = Path(__file__).resolve().parent.parent / "bench" / "pictures.py"
    done = subprocess.run(
        [sys.executable, str(script), "--corpus", str(folder), "--repeats", "1", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    result = json.loads(out.read_text())
    assert result["pictures"] == 2 and result["same_descriptions"] is True
    assert result["ratio_current_to_previous"] > 0
    assert "SERVICE DUE" in result["descriptions"]["label.png"]
    for side in ("previous", "current"):
        steps = result[side]["step_ms_per_picture"]
        assert {"text detection", "text recognition", "labels"} <= set(steps)
