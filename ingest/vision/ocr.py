"""OCR backends, chosen by name. The default, RapidOCR, ships its PP-OCR models in its wheel."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable

import numpy as np
from PIL import Image

from rag.errors import ConfigError, ModelError


class Ocr(ABC):
    @abstractmethod
    def read(self, image: Image.Image) -> str:
        """The text in ``image``, lines in reading order joined by newlines."""


class RapidOcr(Ocr):
    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._engine = None

    @property
    def engine(self):
        if self._engine is None:
            try:
                from rapidocr_onnxruntime import RapidOCR
            except ImportError as exc:
                raise ModelError("OCR needs rapidocr: pip install rapidocr-onnxruntime") from exc
            self._engine = RapidOCR(intra_op_num_threads=self._threads, inter_op_num_threads=1)
        return self._engine

    def read(self, image: Image.Image) -> str:
        array = np.asarray(image.convert("RGB"))[:, :, ::-1]  # RapidOCR expects BGR like OpenCV
        result, _ = self.engine(array)
        if not result:
            return ""
        return _reading_order([(box, text) for box, text, _score in result])


def _reading_order(items: list[tuple[list[list[float]], str]]) -> str:
    """Group detected boxes into lines (by vertical overlap) and read lines top to bottom."""
    boxes = []
    for box, text in items:
        ys = [p[1] for p in box]
        xs = [p[0] for p in box]
        boxes.append((min(ys), max(ys), min(xs), text))
    boxes.sort()
    lines: list[list[tuple[float, float, float, str]]] = []
    for box in boxes:
        top, bottom = box[0], box[1]
        if lines:
            last = lines[-1]
            l_top = min(b[0] for b in last)
            l_bottom = max(b[1] for b in last)
            overlap = min(bottom, l_bottom) - max(top, l_top)
            if overlap > 0.5 * min(bottom - top, l_bottom - l_top):
                last.append(box)
                continue
        lines.append([box])
    return "\n".join(" ".join(b[3] for b in sorted(line, key=lambda b: b[2])) for line in lines)


OCR_BACKENDS: dict[str, Callable[[int], Ocr]] = {"rapidocr": lambda threads: RapidOcr(threads)}


def create_ocr(name: str, threads: int) -> Ocr:
    try:
        return OCR_BACKENDS[name](threads)
    except KeyError:
        raise ConfigError(
            f"unknown OCR backend {name!r}; choose one of: {', '.join(OCR_BACKENDS)}"
        ) from None
