"""CLIP / SigLIP embedder: texts and images in one vector space, for cross-modal retrieval.

Any CLIP- or SigLIP-family checkpoint that transformers' ``AutoModel`` / ``AutoProcessor`` can
load works (a local directory or a hub id). Nothing is loaded until the first call, so building
the embedder (and importing this module) is free; torch and transformers are imported then too.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from rag.embedders.base import Embedder
from rag.errors import ModelError

if TYPE_CHECKING:
    from PIL import Image

_HINT = (
    "Set RAG_CLIP_MODEL to a local CLIP/SigLIP directory (one saved with save_pretrained: "
    "config.json, weights and the processor files); no model hub is contacted when it is a path"
)


class ClipEmbedder(Embedder):
    """Text tower for ``embed`` / ``embed_query`` / ``embed_texts``; vision tower for
    ``embed_images``. All vectors are unit length, float32, of size ``dim``."""

    accepts = frozenset({"text", "image"})

    def __init__(self, model: str, *, threads: int | None = None, batch_size: int = 16) -> None:
        self.model_name = model
        self.batch_size = batch_size
        self._threads = threads
        self._model: Any = None
        self._processor: Any = None
        self._siglip = False
        # The server embeds from several threads; two first calls must not load twice.
        self._lock = threading.Lock()

    # Loading -------------------------------------------------------------------------------

    def _source(self) -> tuple[str, bool]:
        """Where to load from, and whether that is a local directory (then never the hub)."""
        path = Path(self.model_name).expanduser()
        if path.is_dir():
            return str(path), True
        if path.is_absolute() or self.model_name.startswith((".", "~")):
            # Clearly meant as a path: say so instead of letting the hub client try it as an id.
            raise ModelError(f"CLIP model directory {self.model_name!r} does not exist. {_HINT}")
        return self.model_name, False

    def _load(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            import torch
            from transformers import AutoModel, AutoProcessor
            from transformers.utils import logging as hf_logging

            if self._threads:
                torch.set_num_threads(self._threads)
            hf_logging.disable_progress_bar()  # weight-loading bars are noise in a CLI answer
            source, local = self._source()
            try:
                # float32: checkpoints saved in fp16/bf16 would otherwise load as such ("auto"),
                # which is slow or unsupported for some ops on CPU.
                model = AutoModel.from_pretrained(
                    source, dtype=torch.float32, local_files_only=local
                )
                processor = AutoProcessor.from_pretrained(source, local_files_only=local)
            except Exception as exc:
                raise ModelError(
                    f"cannot load CLIP model {self.model_name!r} ({exc}). {_HINT}"
                ) from exc
            if not all(
                hasattr(model, name) for name in ("get_text_features", "get_image_features")
            ) or not hasattr(processor, "image_processor"):
                raise ModelError(
                    f"{self.model_name!r} is a {type(model).__name__}, not a CLIP/SigLIP "
                    f"text-image model. {_HINT}"
                )
            model.eval()
            self._siglip = "siglip" in str(getattr(model.config, "model_type", ""))
            self._processor = processor
            self._model = model  # last: a non-None model means everything is ready

    @property
    def model(self) -> Any:
        if self._model is None:
            self._load()
        return self._model

    @property
    def processor(self) -> Any:
        _ = self.model  # loads both
        return self._processor

    # Embedding -----------------------------------------------------------------------------

    @property
    def dim(self) -> int:
        config = self.model.config
        # CLIP: projection_dim. SigLIP has no projection; its text head maps to
        # projection_size, which equals the vision hidden size (the two towers are compared).
        dim = getattr(config, "projection_dim", None)
        if dim is None:
            text = config.text_config
            dim = getattr(text, "projection_size", None) or text.hidden_size
        return int(dim)

    def embed_batch(self, items: Sequence[str]) -> np.ndarray:
        # The base class's embed()/embed_query() come here: queries use the text tower.
        return self._encode_texts(list(items))

    def embed_texts(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed(list(texts))

    def embed_images(self, images: Sequence[Image.Image]) -> np.ndarray:
        if not images:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        for start in range(0, len(images), self.batch_size):
            batch = images[start : start + self.batch_size]
            parts.append(self._encode_images(list(batch)))
        return np.concatenate(parts)

    def _encode_texts(self, texts: list[str]) -> np.ndarray:
        model = self.model
        max_length = int(model.config.text_config.max_position_embeddings)
        # SigLIP pools the *last* position and was trained on text padded to the full length,
        # so shorter padding changes its vectors; CLIP pools at the EOS token, so padding to
        # the longest text in the batch is enough.
        padding: str | bool = "max_length" if self._siglip else True
        inputs = self.processor(
            text=texts,
            padding=padding,
            truncation=True,
            max_length=max_length,
            return_tensors="pt",
        )
        return self._run(model.get_text_features, inputs)

    def _encode_images(self, images: list[Image.Image]) -> np.ndarray:
        # SigLIP's processor does not convert modes itself; palette/RGBA/grey must become RGB.
        rgb = [im if im.mode == "RGB" else im.convert("RGB") for im in images]
        inputs = self.processor(images=rgb, return_tensors="pt")
        return self._run(self.model.get_image_features, inputs)

    def _run(self, features: Any, inputs: Any) -> np.ndarray:
        import torch

        with torch.inference_mode():
            out = features(**inputs)
        # transformers < 5 returns the projected tensor; 5 returns a model output whose
        # pooler_output holds it (a plain tuple when return_dict is off: index 1).
        if not isinstance(out, torch.Tensor):
            pooled = getattr(out, "pooler_output", None)
            out = pooled if pooled is not None else out[1]
        vectors = torch.nn.functional.normalize(out.float(), dim=-1)
        return vectors.cpu().numpy().astype(np.float32, copy=False)
