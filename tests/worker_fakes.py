"""Picture describers for ingest worker processes in the tests.

A worker builds its describer from the settings in a fresh interpreter, so the fake lives in a
module that interpreter can import (conftest would bring the whole test set-up along). What
the fake OCR does depends on a picture's top-left pixel: ``SLOW`` pictures take their time,
``UNREADABLE`` ones raise an error no loader foresees, ``FATAL`` ones end the worker process
that reads them. Any other picture reads as words chosen by its pixel.
"""

from __future__ import annotations

import multiprocessing
import os
import time

from PIL import Image

from ingest.vision.describe import ImageDescriber
from ingest.vision.labels import Labeler
from ingest.vision.ocr import Ocr
from rag.settings import Settings

SLOW = (250, 0, 0)
UNREADABLE = (0, 250, 0)
FATAL = (0, 0, 250)
SLOW_SECONDS = 0.6
WORDS = [
    "harbour",
    "lantern",
    "copper",
    "meadow",
    "orbit",
    "walnut",
    "signal",
    "violet",
    "tundra",
    "quartz",
]


def marked(image: Image.Image, colour: tuple[int, int, int]) -> Image.Image:
    """``image`` with its top-left pixel set to ``colour``."""
    image = image.convert("RGB")
    image.putpixel((0, 0), colour)
    return image


class PixelOcr(Ocr):
    def read(self, image: Image.Image) -> str:
        colour = image.convert("RGB").getpixel((0, 0))
        if colour == SLOW:
            time.sleep(SLOW_SECONDS)
        elif colour == UNREADABLE:
            raise ValueError("the fake OCR cannot read this picture")
        elif colour == FATAL:
            if multiprocessing.parent_process() is None:
                raise AssertionError("a FATAL picture is for worker processes only")
            os._exit(3)
        seed = sum(colour)
        return "Sign reads " + " ".join(WORDS[(seed + i) % len(WORDS)] for i in range(3))


class FixedLabeler(Labeler):
    def labels(self, image: Image.Image, top_k: int) -> list[tuple[str, float]]:
        return [("lighthouse", 0.8), ("breakwater", 0.1)][:top_k]


def describer(settings: Settings) -> ImageDescriber:
    return ImageDescriber(PixelOcr(), FixedLabeler(), faces=None)
