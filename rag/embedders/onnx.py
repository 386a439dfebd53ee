"""A sentence-transformers model run by ONNX Runtime: the same vectors, less CPU per text.

At first use the model's transformer is exported from its local weights with
``torch.onnx.export`` (nothing is downloaded) into a cache directory, and, for ``int8``, its
weights are quantised there with ONNX Runtime's dynamic quantisation. Later runs load the
exported file. Tokenising, mean pooling and normalising stay in Python, as sentence-transformers
does them: a model the exporter cannot reproduce that way (another pooling, extra modules) is
refused with what to set instead.

Texts of one call are sorted by length before batching, so a batch pads to about its own
length instead of the longest text of the call.

``embed_with_spans`` keeps the token states of that one pass: a chunk's vector is pooled as
``embed`` pools it, and each of its sentences is pooled from the tokens the fast tokenizer's
offsets place inside it, so ingest runs the transformer once per chunk.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rag.embedders.base import Embedder, Span, TokenSums, embed_alone, pool_spans
from rag.embedders.sentence_transformer import resolve_model_path
from rag.errors import ModelError

# Bumped when the exported graph or the int8 recipe changes, so that old cached exports are
# not reused.
EXPORT_REVISION = 3
ONNX_OPSET = 17
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
_HINT = "or set RAG_EMBEDDER_BACKEND=torch to run the model with sentence-transformers"


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {path} ({exc}); {_HINT}") from exc


def _module_kind(entry: dict[str, Any]) -> str:
    """``Transformer`` of ``sentence_transformers.models.Transformer`` (before 6) or of
    ``sentence_transformers.base.modules.transformer.Transformer`` (6 and later)."""
    return str(entry.get("type", "")).rsplit(".", 1)[-1]


def check_mean_pooled(model_dir: Path) -> int | None:
    """The model's maximum sequence length, if it sets one, once it is known to be a
    transformer followed by mean pooling (and normalisation): what this embedder reproduces
    outside the graph. Reads the files of sentence-transformers before 6 and from 6 on."""
    modules_file = model_dir / "modules.json"
    if not modules_file.is_file():
        raise ModelError(f"{model_dir} is not a sentence-transformers directory; {_HINT}")
    modules = _read_json(modules_file)
    kinds = [_module_kind(m) for m in modules]
    if kinds[:2] != ["Transformer", "Pooling"] or any(k != "Normalize" for k in kinds[2:]):
        raise ModelError(
            f"the ONNX backend runs transformer + mean pooling models only; {model_dir} has "
            f"{kinds}; {_HINT}"
        )
    pooling = _read_json(model_dir / modules[1].get("path", "") / "config.json")
    modes = pooling.get("pooling_mode")
    if modes is None:  # before 6: one flag per mode
        modes = [k for k, v in pooling.items() if k.startswith("pooling_mode_") and v is True]
        modes = ["mean" if modes == ["pooling_mode_mean_tokens"] else ",".join(modes)]
    if modes not in ("mean", ["mean"]):
        raise ModelError(
            f"the ONNX backend reproduces mean pooling only; {model_dir} pools with {modes}; {_HINT}"
        )
    bert_config = model_dir / "sentence_bert_config.json"
    max_length = _read_json(bert_config).get("max_seq_length") if bert_config.is_file() else None
    return int(max_length) if max_length else None


def export_key(model_dir: Path) -> str:
    """Names one export: the model's files (path, size, time) and the tools that export it.

    Cheap to compute at every start; a changed weight file or a new torch gives a new key.
    """
    import onnxruntime
    import torch

    h = hashlib.sha256()
    h.update(f"{EXPORT_REVISION}|{torch.__version__}|{onnxruntime.__version__}".encode())
    h.update(str(model_dir.resolve()).encode())
    for name in ("config.json", *_WEIGHT_FILES):
        path = model_dir / name
        if path.is_file():
            stat = path.stat()
            h.update(f"|{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def export_onnx(model_dir: Path, target: Path, input_names: Sequence[str]) -> None:
    """Write the model's transformer (token ids in, last hidden state out) as ONNX."""
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    try:
        # Eager attention: the exporter traces plain matrix products, which ONNX Runtime fuses.
        model = AutoModel.from_pretrained(
            str(model_dir), dtype=torch.float32, local_files_only=True, attn_implementation="eager"
        )
    except Exception as exc:
        raise ModelError(f"cannot load {model_dir} for export ({exc}); {_HINT}") from exc
    model.eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, *inputs: torch.Tensor) -> torch.Tensor:
            return self.model(**dict(zip(input_names, inputs, strict=True)))[0]

    example = tuple(torch.ones((2, 8), dtype=torch.long) for _ in input_names)
    axes = {name: {0: "batch", 1: "tokens"} for name in input_names}
    axes["last_hidden_state"] = {0: "batch", 1: "tokens"}
    # The tracer warns about every Python branch on a shape; the test of an export is that its
    # vectors match the model's (tests/test_embedder_onnx.py), not those warnings.
    with torch.inference_mode(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            LastHiddenState(),
            example,
            str(target),
            input_names=list(input_names),
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=ONNX_OPSET,
            dynamo=False,
        )


def float_matmuls(graph: Any) -> list[str]:
    """The matrix products the int8 recipe leaves in float32: each feed-forward block's output
    projection, the one fed by the activation (GELU).

    Activations are quantised at run time with one scale per tensor, and the activation's
    output is where a transformer's values spread widest: a few large values set the scale and
    the many small ones round to a handful of steps. Measured on MiniLM over the chunks of both
    evaluation sets, keeping these six products in float halves what int8 loses in cosine to
    the float32 vectors (1 - cosine, mean: 0.0066 -> 0.0032) and keeps the dense top 5 of more
    questions, at about 0.7 of the speed of int8 throughout. Leaving the first or the last
    layer whole in float32 instead kept less (mean cosine 0.9951 and 0.9938).
    """
    producers = {out: node for node in graph.node for out in node.output}
    weights = {init.name for init in graph.initializer}
    activations = {"BiasGelu", "FastGelu", "Gelu", "QuickGelu", "Relu"}
    names = []
    for node in graph.node:
        if node.op_type != "MatMul" or len(node.input) != 2 or node.input[1] not in weights:
            continue
        source = producers.get(node.input[0])
        if source is None:
            continue
        if source.op_type in activations or _ends_an_erf_gelu(source, producers):
            names.append(node.name)
    return names


def _ends_an_erf_gelu(node: Any, producers: dict[str, Any]) -> bool:
    """An unfused GELU as exported, x * 0.5 * (1 + erf(x / sqrt 2)): its last Mul has an Erf
    two or three steps up (the Mul by 0.5 may come before or after)."""
    if node.op_type != "Mul":
        return False
    frontier, seen = [node], 0
    while frontier and seen < 3:
        seen += 1
        step = []
        for current in frontier:
            for name in current.input:
                parent = producers.get(name)
                if parent is None:
                    continue
                if parent.op_type == "Erf":
                    return True
                step.append(parent)
        frontier = step
    return False


def quantize_int8(source: Path, target: Path, model_dir: Path) -> None:
    """Fuse a BERT-family graph's attention, layer norms and GELUs, then quantise the weights
    of its matrix products to int8, one scale per output channel (activations stay float and
    are quantised per batch at run time), except the feed-forward output projections
    (``float_matmuls``), which stay float32. One scale per whole matrix loses too much:
    measured on MiniLM, cosine with the float vectors drops to 0.94 on average, against 0.993
    per channel and 0.997 with the float projections.
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    config = _read_json(model_dir / "config.json")
    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        quantize_from = source
        if config.get("model_type") == "bert":
            from onnxruntime.transformers.optimizer import optimize_model

            fused = optimize_model(
                str(source),
                model_type="bert",
                num_heads=int(config["num_attention_heads"]),
                hidden_size=int(config["hidden_size"]),
            )
            quantize_from = Path(work) / "fused.onnx"
            fused.save_model_to_file(str(quantize_from))
        keep_float = float_matmuls(onnx.load(str(quantize_from), load_external_data=False).graph)
        # The quantiser logs a hint for static (calibrated) quantisation to the root logger,
        # which a command line would print: it does not apply to dynamic quantisation.
        hint = _DropMessage("pre-processing before quantization")
        logging.getLogger().addFilter(hint)
        try:
            quantize_dynamic(
                str(quantize_from),
                str(target),
                weight_type=QuantType.QInt8,
                per_channel=True,
                nodes_to_exclude=keep_float,
                # Fused operators carry no inferred types; their outputs are float.
                extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
            )
        finally:
            logging.getLogger().removeFilter(hint)


class _DropMessage(logging.Filter):
    def __init__(self, fragment: str) -> None:
        super().__init__()
        self.fragment = fragment

    def filter(self, record: logging.LogRecord) -> bool:
        return self.fragment not in record.getMessage()


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Processes sharing a cache never see half a file: write beside it, then rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class OnnxEmbedder(Embedder):
    """``quantize=True`` runs the int8 model, else the float32 export."""

    def __init__(
        self,
        model: str,
        *,
        cache_dir: Path,
        quantize: bool = True,
        batch_size: int = 32,
        threads: int | None = None,
    ) -> None:
        self.model_name = model
        self.cache_dir = Path(cache_dir).expanduser()
        self.quantize = quantize
        self.batch_size = batch_size
        self._threads = threads
        self._session: Any = None
        self._tokenizer: Any = None
        self._input_names: list[str] = []
        self._max_length = 0
        self._dim = 0
        # The server embeds from several threads; two first calls must not export twice.
        self._lock = threading.Lock()
        # A fast tokenizer sets its truncation per call and refuses a second thread meanwhile
        # ("Already borrowed"); the session itself runs concurrent calls.
        self._tokenize_lock = threading.Lock()

    # Loading -------------------------------------------------------------------------------

    def model_file(self) -> Path:
        """The ONNX file this embedder runs, exported (and quantised) first if it is missing."""
        model_dir = self._model_dir()
        folder = self.cache_dir / f"{model_dir.name}-{export_key(model_dir)}"
        fp32 = folder / "model.onnx"
        int8 = folder / "model.int8.onnx"
        try:
            if not fp32.is_file():
                names = self._tokenizer_for(model_dir).model_input_names
                write_atomically(fp32, lambda tmp: export_onnx(model_dir, tmp, names))
            if self.quantize and not int8.is_file():
                write_atomically(int8, lambda tmp: quantize_int8(fp32, tmp, model_dir))
        except OSError as exc:
            raise ModelError(
                f"cannot write the exported model under {self.cache_dir} ({exc}): set "
                f"RAG_MODEL_CACHE_DIR to a writable directory, {_HINT}"
            ) from exc
        except ModelError:
            raise
        except Exception as exc:  # the exporter or the quantiser met a graph it cannot handle
            raise ModelError(
                f"cannot export {self.model_name!r} to ONNX ({type(exc).__name__}: {exc}); {_HINT}"
            ) from exc
        return int8 if self.quantize else fp32

    def _model_dir(self) -> Path:
        """The local directory of the model (a ``packaged:`` name is its package's)."""
        model_dir = Path(resolve_model_path(self.model_name)).expanduser()
        if not model_dir.is_dir():
            raise ModelError(
                f"embedding model directory {self.model_name!r} does not exist: the ONNX "
                f"backend exports from local weights and never downloads; {_HINT}"
            )
        return model_dir

    def _tokenizer_for(self, model_dir: Path) -> Any:
        if self._tokenizer is None:
            from transformers import AutoTokenizer

            try:
                self._tokenizer = AutoTokenizer.from_pretrained(
                    str(model_dir), local_files_only=True
                )
            except Exception as exc:
                raise ModelError(f"cannot load the tokenizer of {model_dir} ({exc})") from exc
        return self._tokenizer

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime as ort

            model_dir = self._model_dir()
            max_length = check_mean_pooled(model_dir)
            tokenizer = self._tokenizer_for(model_dir)
            # As sentence-transformers: its own setting, else the tokenizer's, within the
            # positions the model has.
            positions = int(
                _read_json(model_dir / "config.json").get("max_position_embeddings", 512)
            )
            self._max_length = min(max_length or tokenizer.model_max_length or positions, positions)
            path = self.model_file()
            options = ort.SessionOptions()
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            options.inter_op_num_threads = 1
            if self._threads:
                options.intra_op_num_threads = self._threads
            # Threads that sleep between operators: spinning ones hold both cores while ingest
            # parses the next PDF and the workers read pictures beside them. Measured on 80
            # chunks and their 412 sentences under load: the same vectors in 0.82 of the CPU.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            try:
                session = ort.InferenceSession(
                    str(path), options, providers=["CPUExecutionProvider"]
                )
            except Exception as exc:
                raise ModelError(f"cannot load the exported model {path} ({exc}); {_HINT}") from exc
            self._input_names = [i.name for i in session.get_inputs()]
            unknown = set(self._input_names) - set(tokenizer.model_input_names)
            if unknown:
                raise ModelError(f"{path} wants inputs {sorted(unknown)} the tokenizer lacks")
            self._dim = int(session.get_outputs()[0].shape[-1])
            self._session = session  # last: a session means everything is ready

    @property
    def session(self) -> Any:
        if self._session is None:
            self._load()
        return self._session

    # Embedding -----------------------------------------------------------------------------

    @property
    def dim(self) -> int:
        _ = self.session
        return self._dim

    def embed(
        self, items: Sequence[str], *, on_batch: Callable[[int], None] | None = None
    ) -> np.ndarray:
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        encoded = self._encode(items, offsets=False)
        out = np.empty((len(items), self._dim), dtype=np.float32)
        for chosen in self._batches(encoded):
            hidden, mask = self._forward(encoded, chosen)
            out[chosen] = _mean_pooled(hidden, mask)
            if on_batch is not None:
                on_batch(len(chosen))
        return out

    def embed_batch(self, items: Sequence[str]) -> np.ndarray:
        return self.embed(items)

    def embed_with_sums(
        self, items: Sequence[str], *, on_batch: Callable[[int], None] | None = None
    ) -> TokenSums:
        """``embed`` (the same batches, so the same floats) keeping each text's sums of token
        states, its special tokens apart (the tokenizer's special-tokens mask)."""
        if not items:
            return TokenSums.empty(self.dim)
        encoded = self._encode(items, offsets=False, specials=True)
        out = np.empty((len(items), self._dim), dtype=np.float32)
        sums = np.zeros((len(items), self._dim), dtype=np.float64)
        special_sums = np.zeros_like(sums)
        counts = np.zeros(len(items), dtype=np.int64)
        special_counts = np.zeros_like(counts)
        for chosen in self._batches(encoded):
            hidden, mask = self._forward(encoded, chosen)
            out[chosen] = _mean_pooled(hidden, mask)
            for row, i in enumerate(chosen):
                special = np.asarray(encoded["special_tokens_mask"][i], dtype=bool)
                states = hidden[row, : len(special)].astype(np.float64)
                sums[i], counts[i] = states[~special].sum(axis=0), int((~special).sum())
                special_sums[i] = states[special].sum(axis=0)
                special_counts[i] = int(special.sum())
            if on_batch is not None:
                on_batch(len(chosen))
        return TokenSums(out, sums, counts, special_sums, special_counts)

    def embed_with_spans(
        self,
        items: Sequence[str],
        spans: Sequence[Sequence[Span]],
        *,
        on_batch: Callable[[int], None] | None = None,
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """One forward pass per item: its vector is pooled from the token states as ``embed``
        pools it (the same batches, so the same floats), and each span's vector is the
        normalised mean of the states of the tokens that overlap its ranges. A span the
        model does not see whole (cut off at the maximum length, or without ranges) is
        embedded on its own."""
        if len(spans) != len(items):
            raise ValueError(f"{len(items)} texts but spans for {len(spans)}")
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32), []
        _ = self.session
        if not getattr(self._tokenizer, "is_fast", False):  # no offsets to place spans with
            return super().embed_with_spans(items, spans, on_batch=on_batch)
        encoded = self._encode(items, offsets=True)
        out = np.empty((len(items), self._dim), dtype=np.float32)
        pooled = [np.zeros((len(group), self._dim), dtype=np.float32) for group in spans]
        alone: list[tuple[int, int]] = []
        for chosen in self._batches(encoded):
            hidden, mask = self._forward(encoded, chosen)
            out[chosen] = _mean_pooled(hidden, mask)
            for row, i in enumerate(chosen):
                cut = len(encoded["input_ids"][i]) >= self._max_length
                real = mask[row].astype(bool)
                missing = pool_spans(
                    hidden[row],
                    encoded["offset_mapping"][i],
                    spans[i],
                    pooled[i],
                    cut=cut,
                    context=hidden[row, real].mean(axis=0),
                )
                alone += [(i, k) for k in missing]
            if on_batch is not None:
                on_batch(len(chosen))
        embed_alone(self, spans, pooled, alone)
        return out, pooled

    def _encode(self, items: Sequence[str], *, offsets: bool, specials: bool = False) -> Any:
        _ = self.session
        with self._tokenize_lock:
            return self._tokenizer(
                list(items),
                truncation=True,
                max_length=self._max_length,
                padding=False,
                return_offsets_mapping=offsets,
                return_special_tokens_mask=specials,
            )

    def _batches(self, encoded: Any) -> list[list[int]]:
        """Item positions by batch: sorted by token count, so a batch pads to about its own
        length instead of the longest text of the call."""
        lengths = [len(ids) for ids in encoded["input_ids"]]
        order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
        return [
            order[start : start + self.batch_size]
            for start in range(0, len(order), self.batch_size)
        ]

    def _forward(self, encoded: Any, chosen: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """The last hidden state of the items ``chosen``, padded together, and their mask."""
        width = max(len(encoded["input_ids"][i]) for i in chosen)
        feeds = {}
        for name in self._input_names:
            padded = np.zeros((len(chosen), width), dtype=np.int64)
            if name == "input_ids":
                padded[:] = self._tokenizer.pad_token_id or 0
            for row, i in enumerate(chosen):
                values = encoded[name][i]
                padded[row, : len(values)] = values
            feeds[name] = padded
        mask = feeds.get("attention_mask")
        if mask is None:  # every model input list has it, but keep the pooling honest
            mask = np.zeros((len(chosen), width), dtype=np.int64)
            for row, i in enumerate(chosen):
                mask[row, : len(encoded["input_ids"][i])] = 1
        return self._session.run(None, feeds)[0], mask


def _mean_pooled(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask[:, :, None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return pooled / np.maximum(norms, 1e-12)
