"""Vectors packed into a JSON payload value, beside the texts they were made of.

float16 keeps a unit vector's cosines to about 1e-3 at half the bytes of float32; base64 makes
the bytes a string both stores keep as is. The pack names its format and a digest of the texts
in their order, so a reader splitting text differently from the ingest that packed it (another
version) finds the pack stale instead of pairing a sentence with another's vector.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np

# Bumped when what is packed, or how, changes: older packs then read as absent.
# 2: sentence vectors may be pooled from their chunk's forward pass (RAG_SENTENCE_VECTORS).
PACK_FORMAT = 2


def texts_digest(texts: Sequence[str]) -> str:
    h = hashlib.blake2b(digest_size=8)
    for text in texts:
        h.update(text.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def pack(texts: Sequence[str], vectors: np.ndarray) -> dict[str, Any]:
    """``vectors[i]`` is the vector of ``texts[i]``."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim != 2 or vectors.shape[0] != len(texts):
        raise ValueError(f"{len(texts)} texts but vectors of shape {vectors.shape}")
    return {
        "format": PACK_FORMAT,
        "count": len(texts),
        "dim": int(vectors.shape[1]),
        "digest": texts_digest(texts),
        "float16": base64.b64encode(vectors.astype("<f2").tobytes()).decode("ascii"),
    }


def unpack(packed: Any, texts: Sequence[str]) -> np.ndarray | None:
    """The vectors of ``texts`` (float32, one row each), or None when ``packed`` is absent, of
    another format, or made of other texts."""
    if not isinstance(packed, dict) or packed.get("format") != PACK_FORMAT:
        return None
    count, dim = packed.get("count"), packed.get("dim")
    if (
        count != len(texts)
        or not isinstance(dim, int)
        or packed.get("digest") != texts_digest(texts)
    ):
        return None
    try:
        raw = base64.b64decode(packed["float16"], validate=True)
        vectors = np.frombuffer(raw, dtype="<f2").reshape(count, dim)
    except (KeyError, TypeError, ValueError):
        return None
    return vectors.astype(np.float32)
