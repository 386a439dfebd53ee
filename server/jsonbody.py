"""Reading a JSON request body safely: the media type, the nesting depth and the text checked.

Python's ``json`` recurses once per nested array or object, so a body of 100 000 ``[`` would
end in a ``RecursionError`` (a 500); the depth is measured on the raw text first, without
recursion. A lone UTF-16 surrogate (``"\\ud800"``) is valid JSON but not text: it cannot be
encoded, embedded or written to a log, so it is refused here rather than failing later.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
from flask import request
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

# Deep enough for any request the APIs accept (OpenAI content parts nest four levels).
MAX_DEPTH = 64
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')


def require_json_media_type(example: str) -> None:
    """415 unless the body is declared ``application/json`` (or ``application/*+json``)."""
    if not request.is_json:
        given = request.mimetype or "none"
        raise UnsupportedMediaType(
            f"the body must be JSON sent with Content-Type: application/json (got {given}), "
            f"like {example}"
        )


def nesting_depth(data: bytes) -> int:
    """The deepest nesting of arrays and objects in JSON ``data``, brackets in strings left
    out. Byte operations and numpy only, so a 25 MB body takes milliseconds: escaped
    backslashes and quotes are dropped, then every bracket after an even number of quotes is
    structure. (UTF-8 never puts an ASCII byte inside a multi-byte character.)"""
    plain = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    kept = plain.translate(None, _NOT_STRUCTURE)
    if not kept:
        return 0
    codes = np.frombuffer(kept, dtype=np.uint8)
    quotes = codes == ord('"')
    quotes_before = np.cumsum(quotes) - quotes
    structural = ~quotes & (quotes_before % 2 == 0)
    opens = (codes == ord("[")) | (codes == ord("{"))
    steps = np.where(opens, 1, -1)[structural]
    return int(np.cumsum(steps).max()) if steps.size else 0


def has_lone_surrogate(value: Any) -> bool:
    """Whether any string (key or value) in a parsed JSON value holds an unpaired surrogate."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def parse_json(data: bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """The JSON value of ``data``; ``BadRequest`` saying what is wrong with it otherwise."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"the body is not valid UTF-8 (byte {exc.start})") from None
    depth = nesting_depth(data)
    if depth > max_depth:
        raise BadRequest(
            f"the JSON body nests arrays and objects {depth} levels deep; at most {max_depth} "
            "are accepted"
        )
    try:
        value = json.loads(text)
    except RecursionError:  # cannot happen below MAX_DEPTH; never a 500 if it does
        raise BadRequest("the JSON body nests too deeply") from None
    except ValueError as exc:
        raise BadRequest(f"the body is not valid JSON: {exc}") from None
    if has_lone_surrogate(value):
        raise BadRequest(
            "the JSON body holds a lone UTF-16 surrogate escape (like \\ud800) that is not text"
        )
    return value


def json_object(example: str) -> dict[str, Any]:
    """The request's body as a JSON object, its media type, depth and text checked."""
    require_json_media_type(example)
    body = parse_json(request.get_data(cache=True))
    if not isinstance(body, dict):
        raise BadRequest(f"the body must be a JSON object like {example}")
    return body
