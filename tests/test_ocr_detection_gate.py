"""Text recognition runs only where text detection found text: a picture without text costs
the detector alone (RapidOCR's ``auto_text_det`` gives no boxes, and ``RapidOcr.lines`` stops)."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import text_image
from PIL import Image

from ingest.vision.ocr import RapidOcr


class DetectorOnly:
    """A RapidOCR engine whose detector finds nothing and whose later steps must not run."""

    def preprocess(self, array):
        return array, 1.0, 1.0

    def maybe_add_letterbox(self, picture, record):
        return picture, record

    def auto_text_det(self, picture):
        return None, 0.0  # what RapidOCR returns when no box is found

    def __getattr__(self, name):  # text_cls, text_rec, get_crop_img_list, ...
        raise AssertionError(f"{name} ran on a picture where detection found no text")


def test_no_text_found_means_no_recognition():
    ocr = RapidOcr(1)
    ocr._engine = DetectorOnly()
    assert ocr.read(Image.new("RGB", (320, 200), (90, 140, 200))) == ""
    assert ocr.seconds["text detection"] > 0
    assert ocr.seconds["text recognition"] == 0


def gradient(size=(480, 320)) -> Image.Image:
    """A smooth sky-like picture: no edges, no text."""
    width, height = size
    y = np.linspace(0, 1, height)[:, None, None]
    x = np.linspace(0, 1, width)[None, :, None]
    rgb = np.concatenate([80 + 60 * x + 0 * y, 120 + 80 * y + 0 * x, 200 + 40 * x * y], axis=2)
    return Image.fromarray(rgb.astype(np.uint8))


@pytest.mark.models
def test_the_real_engine_skips_the_classifier_and_recogniser_on_a_picture_without_text():
    ocr = RapidOcr(1)
    engine = ocr.engine
    calls = {"text_cls": 0, "text_rec": 0}
    for name in calls:
        step = getattr(engine, name)

        def counting(*args, _step=step, _name=name, **kwargs):
            calls[_name] += 1
            return _step(*args, **kwargs)

        setattr(engine, name, counting)
    assert ocr.read(gradient()) == ""
    assert calls == {"text_cls": 0, "text_rec": 0}
    assert ocr.seconds["text detection"] > 0 and ocr.seconds["text recognition"] == 0
    # The counters do count: a picture with text goes through both steps.
    assert "SERVICE" in ocr.read(text_image(["SERVICE DUE"]))
    assert calls["text_cls"] == 1 and calls["text_rec"] == 1
    assert ocr.seconds["text recognition"] > 0
