"""Named collections inside one index: each document, its chunks and its record carry the
name of the one collection it belongs to, and every read and delete is restricted to the
collections the caller may see, in the store query itself.

Points written before collections existed carry no name: they belong to ``default``, and a
query allowed ``default`` matches them too (``store.base`` turns that into "field missing or
equal").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

DEFAULT_COLLECTION = "default"
COLLECTION_FIELD = "collection"

# Safe in a URL path, a model id (``rag/NAME``), a folder name and a payload keyword.
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
NAME_RULE = "1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit"


class CollectionNameError(ValueError):
    """A collection name that breaks ``NAME_RULE``."""


def check_name(name: object) -> str:
    """``name`` if it is a valid collection name, else ``CollectionNameError`` saying why."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise CollectionNameError(f"collection name {name!r} is not valid: use {NAME_RULE}")
    return name


def restrict(filters: Mapping[str, Any] | None, allowed: Iterable[str] | None) -> dict[str, Any]:
    """``filters`` narrowed to the ``allowed`` collections (None: every collection).

    A collection the filters already name stays only if it is allowed; when none is left the
    result matches nothing (an empty list of accepted values), never everything.
    """
    result = dict(filters or {})
    if allowed is None:
        return result
    allowed_set = set(allowed)
    asked = result.get(COLLECTION_FIELD)
    if asked is None:
        result[COLLECTION_FIELD] = sorted(allowed_set)
    else:
        asked_list = list(asked) if isinstance(asked, list | tuple | set) else [asked]
        result[COLLECTION_FIELD] = sorted(set(asked_list) & allowed_set)
    return result


def payload_collection(payload: Mapping[str, Any]) -> str:
    """The collection a stored point belongs to; points from before collections: default."""
    return payload.get(COLLECTION_FIELD) or DEFAULT_COLLECTION
