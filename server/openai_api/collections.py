"""One model per collection: ``rag`` answers from every collection the key may read,
``rag/NAME`` from collection NAME only. A model of a collection the key may not read does not
exist for that key (404 ``model_not_found``)."""

from __future__ import annotations

from rag.collections import CollectionNameError, check_name
from server.access import caller, may_read, readable
from server.context import rag
from server.openai_api.parse import MODEL_ID, ModelNotFound

PREFIX = f"{MODEL_ID}/"


def model_ids() -> list[str]:
    """The models this key may use: ``rag``, then one per collection it reads."""
    names = {c.name for c in rag().collections(readable())}
    names.update(caller().collections or ())
    return [MODEL_ID, *(PREFIX + name for name in sorted(names))]


def model_collections(model: str) -> list[str] | None:
    """The collections a model answers from (None: every one)."""
    if model == MODEL_ID:
        return readable()
    name = model.removeprefix(PREFIX)
    try:
        check_name(name)
    except CollectionNameError:
        name = None
    if name is None or not model.startswith(PREFIX) or not may_read(name):
        raise ModelNotFound(
            f"the model {model!r} does not exist: GET /v1/models lists the models of this key"
        )
    return [name]
