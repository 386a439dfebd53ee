"""OCR backends, chosen by name. The default, RapidOCR, ships its PP-OCR models in its wheel;
``tesseract`` runs Debian's tesseract-ocr when it is installed."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable

import numpy as np
from PIL import Image

from ingest.vision.legend import TextBox
from rag.errors import ConfigError, ModelError

# Work on at most this many pixels: detection time grows with the picture's area. A bound on
# pixels rather than on the long side keeps the text of a tall, narrow screenshot legible.
MAX_OCR_PIXELS = 4_000_000
# Enlarging small pictures (long side under this many pixels, by UPSCALE_FACTOR) before
# reading. Measured on the dev screenshots, charts, scans and 12 synthetic ones (see the
# backends' defaults): it helps tesseract, which wants glyphs 20-30 px high, and hurts
# RapidOCR, whose detector already enlarges small pictures and whose recogniser was trained on
# crops stretched from their own pixels (words ran together, precision fell 0.95 -> 0.91).
UPSCALE_FACTOR = 2.0


class Ocr(ABC):
    @abstractmethod
    def read(self, image: Image.Image) -> str:
        """The text in ``image``, lines in reading order joined by newlines."""

    def read_boxes(self, image: Image.Image) -> tuple[str, list[TextBox]]:
        """``read``'s text, and each piece of text with its box in ``image``'s pixels, where
        the backend tells them (else no boxes)."""
        return self.read(image), []


def fit(image: Image.Image, *, upscale_below: int, max_pixels: int) -> Image.Image:
    """The picture in RGB, enlarged when small and shrunk to at most ``max_pixels``."""
    image = image.convert("RGB")
    width, height = image.size
    scale = UPSCALE_FACTOR if max(width, height) < upscale_below else 1.0
    if width * height * scale * scale > max_pixels:
        scale = (max_pixels / (width * height)) ** 0.5
    if scale == 1.0:
        return image
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


class RapidOcr(Ocr):
    def __init__(
        self,
        threads: int = 1,
        *,
        upscale_below: int = 0,
        max_pixels: int = MAX_OCR_PIXELS,
        spacing: bool = True,
        memory_arena: bool = True,
    ) -> None:
        self._threads = threads
        self._engine = None
        self.upscale_below = upscale_below
        self.max_pixels = max_pixels
        self.spacing = spacing  # restore missed word spaces (ocr_spacing)
        # RapidOCR opens its sessions without ONNX Runtime's memory arena: every picture's
        # tensors (a new shape each time) are then fresh allocations, and reading took 1.35x
        # as long on the dev pictures. The arena keeps them; the text read is the same.
        self.memory_arena = memory_arena
        self.seconds: Counter[str] = Counter()  # time spent in each step, for benchmarks

    @property
    def engine(self):
        if self._engine is None:
            try:
                from rapidocr_onnxruntime import RapidOCR
            except ImportError as exc:
                raise ModelError("OCR needs rapidocr: pip install rapidocr-onnxruntime") from exc
            # max_side_len: the picture is already bounded here, by pixels rather than by side.
            engine = RapidOCR(
                intra_op_num_threads=self._threads, inter_op_num_threads=1, max_side_len=100_000
            )
            if self.memory_arena:
                _reopen_sessions(engine, self._threads)
            if self.spacing:
                from ingest.vision.ocr_spacing import SpacedCtcDecoder

                engine.text_rec.postprocess_op = SpacedCtcDecoder(engine.text_rec.postprocess_op)
            self._engine = engine
        return self._engine

    def read(self, image: Image.Image) -> str:
        return self.read_boxes(image)[0]

    def read_boxes(self, image: Image.Image) -> tuple[str, list[TextBox]]:
        fitted = fit(image, upscale_below=self.upscale_below, max_pixels=self.max_pixels)
        array = np.ascontiguousarray(np.asarray(fitted)[:, :, ::-1])  # BGR, like OpenCV
        lines = self.lines(array)
        scale = image.width / max(1, fitted.width)  # back to the picture's own pixels
        boxes = [
            TextBox(
                text,
                (
                    min(p[0] for p in box) * scale,
                    min(p[1] for p in box) * scale,
                    max(p[0] for p in box) * scale,
                    max(p[1] for p in box) * scale,
                ),
            )
            for box, text in lines
        ]
        return _reading_order(lines), boxes

    def lines(self, array: np.ndarray) -> list[tuple[list[list[float]], str]]:
        """Detected text lines (box corners in ``array``'s pixels, text) of a BGR picture.

        RapidOCR's own pipeline, step by step, with its orientation step replaced (see
        ``_read_upright``).
        """
        engine = self.engine
        height, width = array.shape[:2]
        picture, ratio_h, ratio_w = engine.preprocess(array)
        record = {"preprocess": {"ratio_h": ratio_h, "ratio_w": ratio_w}}
        picture, record = engine.maybe_add_letterbox(picture, record)
        started = time.perf_counter()
        boxes, _ = engine.auto_text_det(picture)
        detected = time.perf_counter()
        self.seconds["text detection"] += detected - started
        if boxes is None:  # no text found (most photos): recognition never runs
            return []
        readings = _read_upright(engine, boxes, engine.get_crop_img_list(picture, boxes))
        self.seconds["text recognition"] += time.perf_counter() - detected
        corners = engine._get_origin_points(boxes, record, height, width)
        return [
            (box.tolist(), text)
            for box, (text, score) in zip(corners, readings, strict=True)
            if text.strip() and score >= engine.text_score
        ]


def _reopen_sessions(engine, threads: int) -> None:
    """Open RapidOCR's three networks again with the memory arena on and sleeping threads."""
    import onnxruntime
    from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH
    from rapidocr_onnxruntime.utils import read_yaml, update_model_path

    config = update_model_path(read_yaml(DEFAULT_CFG_PATH))
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 4
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.enable_cpu_mem_arena = True
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # Spinning threads steal the cores from the labeler and the embedder that run next.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    for holder, part in (
        (engine.text_det.infer, "Det"),
        (engine.text_cls.infer, "Cls"),
        (engine.text_rec.session, "Rec"),
    ):
        holder.session = onnxruntime.InferenceSession(
            config[part]["model_path"], options, providers=["CPUExecutionProvider"]
        )


def _read_upright(engine, boxes, crops: list[np.ndarray]) -> list[tuple[str, float]]:
    """Read each crop the right way up.

    RapidOCR's classifier turns short crops such as "80" or "(mm)" upside down ("08",
    "(ww)"), and a vertical line (a chart's y-axis label) may read either way up. Those crops
    are read both ways round. A flagged horizontal crop keeps its more confident reading;
    vertical crops in one column (the words of one axis label) turn together, the way that is
    more confident over all their characters, bottom-to-top on a tie as charts print them.
    """
    turned, classes, _ = engine.text_cls(crops)
    flipped = ["180" in label and score > engine.text_cls.cls_thresh for label, score in classes]
    vertical = [_vertical(box) for box in boxes]
    doubtful = [i for i, (label, _) in enumerate(classes) if "180" in label or vertical[i]]
    readings, _ = engine.text_rec(turned + [np.rot90(turned[i], 2) for i in doubtful])
    results = list(readings[: len(turned)])
    # both[i][k]: crop i read as cropped (k=0) and turned half round (k=1)
    both = {}
    for n, i in enumerate(doubtful):
        pair = [results[i], readings[len(turned) + n]]
        both[i] = pair[::-1] if flipped[i] else pair
    for i in doubtful:
        if not vertical[i] and both[i][1 - flipped[i]][1] > results[i][1]:
            results[i] = both[i][1 - flipped[i]]
    for column in _columns([i for i in doubtful if vertical[i]], boxes):
        weight = [sum(both[i][k][1] * len(both[i][k][0]) for i in column) for k in (0, 1)]
        way = 0 if weight[0] > weight[1] else 1
        for i in column:
            results[i] = both[i][way]
    return results


def _columns(indices: list[int], boxes) -> list[list[int]]:
    """Group boxes whose horizontal extents overlap."""
    groups: list[tuple[float, float, list[int]]] = []
    for i in sorted(indices, key=lambda i: float(np.min(boxes[i][:, 0]))):
        left, right = float(np.min(boxes[i][:, 0])), float(np.max(boxes[i][:, 0]))
        if groups and left < groups[-1][1]:
            start, end, members = groups[-1]
            groups[-1] = (start, max(end, right), [*members, i])
        else:
            groups.append((left, right, [i]))
    return [members for _, _, members in groups]


def _vertical(box: np.ndarray) -> bool:
    """RapidOCR turns a crop a quarter turn when it is this much taller than wide."""
    width = max(np.linalg.norm(box[0] - box[1]), np.linalg.norm(box[2] - box[3]))
    height = max(np.linalg.norm(box[0] - box[3]), np.linalg.norm(box[1] - box[2]))
    return height >= 1.5 * width


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


class TesseractOcr(Ocr):
    """Debian's ``tesseract`` command (apt-get install tesseract-ocr), one process per picture.

    Without a thread limit tesseract's OpenMP threads oversubscribe the cores (5-11 s a page
    instead of about 1 s), so ``threads`` becomes OMP_THREAD_LIMIT.
    """

    def __init__(
        self,
        threads: int = 1,
        *,
        language: str = "eng",
        upscale_below: int = 800,
        max_pixels: int = MAX_OCR_PIXELS,
        timeout_s: float = 120,
    ) -> None:
        self.threads = threads
        self.language = language
        self.upscale_below = upscale_below
        self.max_pixels = max_pixels
        self.timeout_s = timeout_s

    def read(self, image: Image.Image) -> str:
        binary = shutil.which("tesseract")
        if binary is None:
            raise ModelError(
                "OCR backend 'tesseract' needs the tesseract command: apt-get install "
                "tesseract-ocr (or set RAG_OCR=rapidocr)"
            )
        image = fit(image, upscale_below=self.upscale_below, max_pixels=self.max_pixels)
        png = io.BytesIO()
        image.save(png, format="PNG")
        env = dict(os.environ, OMP_THREAD_LIMIT=str(self.threads))
        try:
            done = subprocess.run(
                [binary, "stdin", "stdout", "-l", self.language, "--psm", "3"],
                input=png.getvalue(),
                capture_output=True,
                env=env,
                timeout=self.timeout_s,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ModelError(f"tesseract took over {self.timeout_s:g} s on one picture") from exc
        if done.returncode != 0:
            message = done.stderr.decode(errors="replace").strip().splitlines()
            raise ModelError(f"tesseract failed: {message[-1] if message else done.returncode}")
        lines = [line.strip() for line in done.stdout.decode(errors="replace").splitlines()]
        return "\n".join(line for line in lines if line)


OCR_BACKENDS: dict[str, Callable[[int, bool], Ocr]] = {
    "rapidocr": lambda threads, arena: RapidOcr(threads, memory_arena=arena),
    "tesseract": lambda threads, arena: TesseractOcr(threads),
}


def create_ocr(name: str, threads: int, *, memory_arena: bool = True) -> Ocr:
    """``memory_arena``: ONNX Runtime's memory arena for backends that run on it."""
    try:
        return OCR_BACKENDS[name](threads, memory_arena)
    except KeyError:
        raise ConfigError(
            f"unknown OCR backend {name!r}; choose one of: {', '.join(OCR_BACKENDS)}"
        ) from None
